//! Comprehensive Learner Record 2.0 (`ClrCredential`): a transcript credential whose
//! `ClrSubject` nests other credentials (OB 3.0 `AchievementCredential`s, each with its own
//! proof), lists achievements and the associations between them.
//!
//! Reading only, like the rest of the core: the CLR's own fields become a [`Credential`] of
//! [`Format::Clr`]; each nested credential is parsed on its own ([`Nested`]), so the verifier
//! can check it independently and the views can show it like any other badge. Bounded: at most
//! [`MAX_NESTED`] nested credentials (more → the CLR is refused, never read in part), and one
//! level of nesting (a CLR inside a CLR is [`Nested::Unreadable`]).

use serde_json::{Map, Value};

use crate::lang_text::field;

use crate::model::{
    Achievement, Association, ClrRecord, Credential, Format, Nested, Original, Subject,
};
use crate::parse::{
    JwsInfo, Level, NotBadge, ParseError, achievement_of, evidence, identifiers, image, json_kind,
    list, local_id, looks_like_jws, not_a_badge, objects, parse_at, profile, proof_types, s,
    types_of,
};

/// Most nested credentials read (and so verified) in one CLR.
pub const MAX_NESTED: usize = 200;

/// A `ClrCredential` object (JSON, or a VC-JWT's credential) → a [`Credential`].
pub(crate) fn parse_clr(
    obj: &Map<String, Value>,
    original: Original,
    jws: Option<&JwsInfo>,
) -> Result<Credential, ParseError> {
    let subject = match obj.get("credentialSubject") {
        None | Some(Value::Null) => return Err(not_a_badge(NotBadge::NoSubject)),
        Some(Value::Object(o)) => o,
        Some(Value::Array(a)) if a.len() == 1 && a[0].is_object() => {
            a[0].as_object().expect("checked above")
        }
        Some(Value::Array(a)) if a.len() > 1 => {
            return Err(not_a_badge(NotBadge::ClrSubjects(a.len())));
        }
        Some(_) => {
            return Err(not_a_badge(NotBadge::ClrSubjectNotObject));
        }
    };
    let items = list(subject.get("verifiableCredential"));
    if items.len() > MAX_NESTED {
        return Err(not_a_badge(NotBadge::ClrTooMany(items.len(), MAX_NESTED)));
    }
    let nested = items.into_iter().map(nested_of).collect();
    let record = ClrRecord {
        achievements: objects(subject.get("achievement"))
            .map(achievement_of)
            .collect(),
        associations: objects(subject.get("association"))
            .map(|a| Association {
                association_type: s(a, "associationType"),
                source_id: s(a, "sourceId"),
                target_id: s(a, "targetId"),
            })
            .collect(),
        nested,
        partial: obj.get("partial") == Some(&Value::Bool(true)),
    };
    let id = s(obj, "id");
    let (name, name_langs) = field(obj, "name");
    let name = name.unwrap_or_else(|| "Comprehensive Learner Record".to_string());
    let (description, description_langs) = field(obj, "description");
    let (subject_name, subject_name_langs) = field(subject, "name");
    Ok(Credential {
        local_id: local_id(&id, &original),
        id,
        format: Format::Clr,
        description,
        description_langs,
        image: image(obj.get("image")),
        issuer: profile(obj.get("issuer")),
        issued: s(obj, "validFrom").or_else(|| s(obj, "issuanceDate")),
        expires: s(obj, "validUntil").or_else(|| s(obj, "expirationDate")),
        achievement: Achievement {
            name: Some(name.clone()),
            name_langs: name_langs.clone(),
            ..Achievement::default()
        },
        name,
        name_langs,
        subject: Subject {
            id: s(subject, "id"),
            name: subject_name,
            name_langs: subject_name_langs,
            identifiers: identifiers(subject.get("identifier")),
            credits_earned: None,
        },
        evidence: evidence(obj.get("evidence")),
        results: Vec::new(),
        endorsements: Vec::new(),
        verify_url: None,
        proof_types: proof_types(obj, jws),
        original,
        clr: Some(Box::new(record)),
    })
}

/// One entry of `ClrSubject.verifiableCredential`: a credential object, a compact JWS, or a
/// VC 2.0 `EnvelopedVerifiableCredential` (`data:…,<jws>`).
fn nested_of(v: &Value) -> Nested {
    let parsed = match v {
        Value::String(t) if looks_like_jws(t) => parse_at(t, Level::Nested),
        Value::Object(o) => {
            let types = types_of(o);
            let enveloped = types.iter().any(|t| t == "EnvelopedVerifiableCredential");
            match (enveloped, s(o, "id")) {
                (true, Some(id)) if id.starts_with("data:") => match id.split_once(',') {
                    Some((_, jws)) => parse_at(jws, Level::Nested),
                    None => Err(not_a_badge(NotBadge::EmptyDataUrl)),
                },
                (true, _) => Err(not_a_badge(NotBadge::EnvelopedWithoutDataUrl)),
                // Checked before re-serializing: a CLR inside a CLR is not read.
                _ if types.iter().any(|t| t == "ClrCredential") => {
                    Err(not_a_badge(NotBadge::NestedClr))
                }
                _ => match serde_json::to_string(v) {
                    Ok(text) => parse_at(&text, Level::Nested),
                    Err(e) => Err(not_a_badge(NotBadge::Json(e.to_string()))),
                },
            }
        }
        other => Err(not_a_badge(NotBadge::NestedNotCredential(json_kind(other)))),
    };
    match parsed {
        Ok(c) => Nested::Parsed(Box::new(c)),
        Err(e) => Nested::Unreadable(e.to_string()),
    }
}

/// CLR 2.0 `AssociationType`: how one achievement relates to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssociationKind {
    ExactMatchOf,
    IsChildOf,
    IsParentOf,
    IsPartOf,
    IsPeerOf,
    IsRelatedTo,
    Precedes,
    ReplacedBy,
    /// Any other value, as given.
    Other(String),
}

impl AssociationKind {
    pub fn parse(s: &str) -> AssociationKind {
        match s.trim() {
            "exactMatchOf" => AssociationKind::ExactMatchOf,
            "isChildOf" => AssociationKind::IsChildOf,
            "isParentOf" => AssociationKind::IsParentOf,
            "isPartOf" => AssociationKind::IsPartOf,
            "isPeerOf" => AssociationKind::IsPeerOf,
            "isRelatedTo" => AssociationKind::IsRelatedTo,
            "precedes" => AssociationKind::Precedes,
            "replacedBy" => AssociationKind::ReplacedBy,
            other => AssociationKind::Other(other.to_string()),
        }
    }

    /// The words between the two names: "X <phrase> Y".
    pub fn phrase(&self) -> String {
        match self {
            AssociationKind::ExactMatchOf => "is an exact match of".into(),
            AssociationKind::IsChildOf => "is a child of".into(),
            AssociationKind::IsParentOf => "is a parent of".into(),
            AssociationKind::IsPartOf => "is part of".into(),
            AssociationKind::IsPeerOf => "is a peer of".into(),
            AssociationKind::IsRelatedTo => "is related to".into(),
            AssociationKind::Precedes => "precedes".into(),
            AssociationKind::ReplacedBy => "is replaced by".into(),
            AssociationKind::Other(t) => format!("is associated ({t}) with"),
        }
    }
}

/// One association as a person reads it: the two achievements by name (their id when the
/// record does not name it) and the relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssociationLine {
    pub source: String,
    pub phrase: String,
    pub target: String,
}

/// The record's associations, the achievements named from the record's own list and from the
/// nested credentials' achievements (an id named in neither is shown as the id).
pub fn association_lines(record: &ClrRecord) -> Vec<AssociationLine> {
    let nested = record.nested.iter().filter_map(|n| match n {
        Nested::Parsed(c) => Some(&c.achievement),
        Nested::Unreadable(_) => None,
    });
    let named: Vec<(&str, &str)> = record
        .achievements
        .iter()
        .chain(nested)
        .filter_map(|a| Some((a.id.as_deref()?, a.name.as_deref()?)))
        .collect();
    let name = |id: &Option<String>| -> String {
        match id {
            None => "(no achievement given)".into(),
            Some(id) => named
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, n)| n.to_string())
                .unwrap_or_else(|| id.clone()),
        }
    };
    record
        .associations
        .iter()
        .map(|a| AssociationLine {
            source: name(&a.source_id),
            phrase: AssociationKind::parse(a.association_type.as_deref().unwrap_or("")).phrase(),
            target: name(&a.target_id),
        })
        .collect()
}
