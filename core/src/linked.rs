//! Open Badges 2.0 hosted assertions may give their BadgeClass, and a BadgeClass its Issuer,
//! as URLs instead of embedded objects. The shell fetches those documents once (online) and
//! stores them beside the assertion; [`apply_linked`] fills the credential from them, so the
//! wallet shows the badge offline afterwards.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::{Credential, Format};
use crate::parse::{badge_class, profile_of};

fn is_http(u: &str) -> bool {
    crate::safe_link(u).is_some()
}

/// URLs of linked documents this credential still needs (at most the badge and its issuer).
pub fn linked_urls_needed(c: &Credential) -> Vec<String> {
    let mut out = Vec::new();
    if !matches!(c.format, Format::Ob2Hosted | Format::Ob2Signed) {
        return out;
    }
    if c.achievement.name.is_none()
        && let Some(url) = c.achievement.id.as_deref().filter(|u| is_http(u))
    {
        out.push(url.to_string());
    }
    if c.issuer.name.is_none()
        && let Some(url) = c.issuer.id.as_deref().filter(|u| is_http(u))
    {
        out.push(url.to_string());
    }
    out
}

/// Fills the badge and issuer of an OB 2.0 credential from fetched documents (URL → JSON text).
/// Documents that are not JSON objects are ignored. Returns true when something was filled.
pub fn apply_linked(c: &mut Credential, docs: &BTreeMap<String, String>) -> bool {
    if !matches!(c.format, Format::Ob2Hosted | Format::Ob2Signed) || docs.is_empty() {
        return false;
    }
    let mut changed = false;
    if c.achievement.name.is_none() {
        let doc = c.achievement.id.as_ref().and_then(|u| docs.get(u));
        if let Some(Value::Object(b)) = doc.and_then(|t| crate::json::from_str(t).ok()) {
            let (mut achievement, issuer) = badge_class(&b);
            if achievement.id.is_none() {
                achievement.id = c.achievement.id.clone();
            }
            if let Some(n) = &achievement.name {
                c.name = n.clone();
            }
            if c.description.is_none() {
                c.description = achievement.description.clone();
            }
            if c.image.is_none() {
                c.image = achievement.image.clone();
            }
            c.achievement = achievement;
            if c.issuer.id.is_none() && c.issuer.name.is_none() {
                c.issuer = issuer;
            }
            changed = true;
        }
    }
    if c.issuer.name.is_none() {
        let doc = c.issuer.id.as_ref().and_then(|u| docs.get(u));
        if let Some(v @ Value::Object(_)) = doc.and_then(|t| crate::json::from_str(t).ok()) {
            let mut p = profile_of(&v);
            if p.id.is_none() {
                p.id = c.issuer.id.clone();
            }
            c.issuer = p;
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_credential;

    const ASSERTION: &str = r#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion",
        "id":"https://issuer.example/assertions/1","badge":"https://issuer.example/badges/sql",
        "recipient":{"type":"email","hashed":false,"identity":"a@example.org"},
        "issuedOn":"2024-05-01T00:00:00Z","verification":{"type":"hosted"}}"#;
    const BADGE: &str = r#"{"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass",
        "id":"https://issuer.example/badges/sql","name":"SQL Basics","description":"Queries.",
        "criteria":{"narrative":"Pass the exam."},"issuer":"https://issuer.example/issuer",
        "tags":["sql"]}"#;
    const ISSUER: &str = r#"{"@context":"https://w3id.org/openbadges/v2","type":"Issuer",
        "id":"https://issuer.example/issuer","name":"Example College","url":"https://issuer.example"}"#;

    #[test]
    fn fills_badge_then_issuer() {
        let mut c = parse_credential(ASSERTION).unwrap();
        assert_eq!(
            linked_urls_needed(&c),
            vec!["https://issuer.example/badges/sql".to_string()]
        );
        let mut docs = BTreeMap::new();
        docs.insert(
            "https://issuer.example/badges/sql".to_string(),
            BADGE.to_string(),
        );
        assert!(apply_linked(&mut c, &docs));
        assert_eq!(c.name, "SQL Basics");
        assert_eq!(c.achievement.tags, vec!["sql"]);
        assert_eq!(
            linked_urls_needed(&c),
            vec!["https://issuer.example/issuer".to_string()]
        );
        docs.insert(
            "https://issuer.example/issuer".to_string(),
            ISSUER.to_string(),
        );
        assert!(apply_linked(&mut c, &docs));
        assert_eq!(c.issuer.name.as_deref(), Some("Example College"));
        assert!(linked_urls_needed(&c).is_empty());
    }

    #[test]
    fn ignores_garbage_and_ob3() {
        let mut c = parse_credential(ASSERTION).unwrap();
        let mut docs = BTreeMap::new();
        docs.insert(
            "https://issuer.example/badges/sql".to_string(),
            "<html>".to_string(),
        );
        assert!(!apply_linked(&mut c, &docs));
        assert!(c.name.starts_with("Open Badge"));
    }
}
