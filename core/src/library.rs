//! The gallery: one [`Summary`] per stored credential, and the search /
//! filter / sort over them ([`apply`]) with the filter choices ([`facets`]).

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::model::{Credential, Format, LangValue, Shown};
use crate::status::Status;

/// What a gallery card shows, and what the gallery filters on.
///
/// Stored in the browser and read back by later versions of the wallet, so it is decoded
/// tolerantly: unknown fields are ignored, and every field but the identity (`local_id`, `name`,
/// `format`) has a default when missing. A record without its identity is not a summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub local_id: String,
    pub name: String,
    /// The name's language variants ([`Credential::name_langs`]) when the issuer wrote it in
    /// languages; a card shows [`Summary::name_in`]. Summaries stored before have none (and show
    /// `name`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_langs: Vec<LangValue>,
    /// The issuer's name, else its id, else "Unknown issuer".
    #[serde(default = "unknown_issuer")]
    pub issuer_name: String,
    #[serde(default)]
    pub issuer_id: Option<String>,
    #[serde(default)]
    pub issued: Option<String>,
    #[serde(default)]
    pub expires: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Aligned skills: each alignment's `targetName`, else its `targetCode`.
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub achievement_type: Option<String>,
    pub format: Format,
    /// Verification status as last computed by the shell (stored as its text, e.g. "verified");
    /// a record without one is shown as not checked yet (`pending`) until it is.
    #[serde(default)]
    pub status: Status,
    /// When it was added to the wallet (milliseconds since the epoch, as JS `Date.now()`).
    #[serde(default)]
    pub added_at: f64,
    /// A CLR's nested credentials' own statuses, by position (empty otherwise, and until checked).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nested_status: Vec<Status>,
}

fn unknown_issuer() -> String {
    "Unknown issuer".to_string()
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() && !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

impl Summary {
    /// The card's name in the reader's language (see [`crate::lang_text::shown`]).
    pub fn name_in(&self, reader: &str) -> Shown<'_> {
        crate::lang_text::shown(&self.name_langs, Some(&self.name), reader).unwrap_or(Shown {
            text: &self.name,
            lang: None,
            dir: None,
        })
    }

    /// Summarize a credential for the gallery.
    pub fn from_credential(c: &Credential, status: Status, added_at: f64) -> Summary {
        let issuer_name = c
            .issuer
            .name
            .clone()
            .or_else(|| c.issuer.id.clone())
            .unwrap_or_else(|| "Unknown issuer".to_string());
        let mut tags = Vec::new();
        for t in &c.achievement.tags {
            push_unique(&mut tags, t);
        }
        let mut skills = Vec::new();
        for a in &c.achievement.alignments {
            if let Some(s) = a.target_name.as_deref().or(a.target_code.as_deref()) {
                push_unique(&mut skills, s);
            }
        }
        Summary {
            local_id: c.local_id.clone(),
            name: c.name.clone(),
            name_langs: c.name_langs.clone(),
            issuer_name,
            issuer_id: c.issuer.id.clone(),
            issued: c.issued.clone(),
            expires: c.expires.clone(),
            tags,
            skills,
            achievement_type: c.achievement.achievement_type.clone(),
            format: c.format,
            status,
            added_at,
            nested_status: Vec::new(),
        }
    }
}

/// Gallery sort orders.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortKey {
    /// Most recently issued first; undated last.
    #[default]
    DateNewest,
    /// Earliest issued first; undated last.
    DateOldest,
    /// By name, case-insensitive.
    Name,
    /// By issuer name, case-insensitive, then name.
    Issuer,
}

/// A gallery query. `Default` shows everything, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Query {
    /// Free text: every whitespace-separated word must occur (case-insensitive)
    /// in the name, issuer name, skills or tags.
    pub text: String,
    /// Only this issuer (matches the issuer name or id).
    pub issuer: Option<String>,
    /// Only this status.
    pub status: Option<String>,
    /// Only credentials with this tag (case-insensitive).
    pub tag: Option<String>,
    pub sort: SortKey,
}

/// Filter values offered by the gallery, each sorted and deduplicated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub issuers: Vec<String>,
    pub tags: Vec<String>,
    pub statuses: Vec<String>,
}

pub use crate::time::date_key;

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn matches_text(item: &Summary, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let mut hay = lower(&item.name);
    for v in &item.name_langs {
        hay.push('\n');
        hay.push_str(&lower(&v.value));
    }
    hay.push('\n');
    hay.push_str(&lower(&item.issuer_name));
    for s in item.skills.iter().chain(item.tags.iter()) {
        hay.push('\n');
        hay.push_str(&lower(s));
    }
    words.iter().all(|w| hay.contains(w.as_str()))
}

fn cmp_dates(a: &Option<String>, b: &Option<String>, newest_first: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = date_key(a).cmp(&date_key(b));
            if newest_first { o.reverse() } else { o }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Indices into `items` of the credentials matching `q`, in display order.
pub fn apply(items: &[Summary], q: &Query) -> Vec<usize> {
    let words: Vec<String> = q.text.split_whitespace().map(lower).collect();
    let tag = q.tag.as_deref().map(lower);
    let mut out: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, it)| {
            q.issuer
                .as_deref()
                .is_none_or(|i| it.issuer_name == i || it.issuer_id.as_deref() == Some(i))
                && q.status.as_deref().is_none_or(|s| it.status.as_str() == s)
                && tag
                    .as_deref()
                    .is_none_or(|t| it.tags.iter().any(|x| lower(x) == t))
                && matches_text(it, &words)
        })
        .map(|(i, _)| i)
        .collect();
    // Precompute lowercase names for the comparisons.
    let names: Vec<String> = items.iter().map(|i| lower(&i.name)).collect();
    out.sort_by(|&a, &b| {
        let (x, y) = (&items[a], &items[b]);
        let primary = match q.sort {
            SortKey::DateNewest => cmp_dates(&x.issued, &y.issued, true),
            SortKey::DateOldest => cmp_dates(&x.issued, &y.issued, false),
            SortKey::Name => Ordering::Equal,
            SortKey::Issuer => lower(&x.issuer_name).cmp(&lower(&y.issuer_name)),
        };
        primary
            .then_with(|| names[a].cmp(&names[b]))
            .then_with(|| x.local_id.cmp(&y.local_id))
    });
    out
}

fn sorted_unique(mut v: Vec<String>) -> Vec<String> {
    v.retain(|s| !s.trim().is_empty());
    v.sort_by(|a, b| lower(a).cmp(&lower(b)).then_with(|| a.cmp(b)));
    v.dedup();
    v
}

/// The filter choices present in `items`.
pub fn facets(items: &[Summary]) -> Facets {
    Facets {
        issuers: sorted_unique(items.iter().map(|i| i.issuer_name.clone()).collect()),
        tags: sorted_unique(items.iter().flat_map(|i| i.tags.iter().cloned()).collect()),
        statuses: sorted_unique(items.iter().map(|i| i.status.to_string()).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_credential;

    fn sum(id: &str, name: &str, issuer: &str, issued: Option<&str>, tags: &[&str]) -> Summary {
        Summary {
            local_id: id.into(),
            name: name.into(),
            name_langs: vec![],
            issuer_name: issuer.into(),
            issuer_id: Some(format!("https://{issuer}.example")),
            issued: issued.map(str::to_string),
            expires: None,
            tags: tags.iter().map(|s| s.to_string()).collect(),
            skills: vec![],
            achievement_type: None,
            format: Format::Ob3Vc2,
            status: Status::Verified,
            added_at: 0.0,
            nested_status: vec![],
        }
    }

    fn items() -> Vec<Summary> {
        let mut v = vec![
            sum(
                "1",
                "Teamwork",
                "Acme",
                Some("2024-01-02T03:04:05Z"),
                &["soft"],
            ),
            sum(
                "2",
                "Écriture créative",
                "Université",
                Some("2023-05-01"),
                &["Writing"],
            ),
            sum("3", "python basics", "Acme", None, &[]),
            sum(
                "4",
                "Robotics",
                "Zeta",
                Some("2024-01-02 03:04:06"),
                &["stem", "soft"],
            ),
            sum(
                "5",
                "Robotics",
                "Zeta",
                Some("2022-12-31T23:59:59.999+05:00"),
                &[],
            ),
        ];
        v[2].skills = vec!["Programming".into()];
        v[4].status = Status::Expired;
        v
    }

    #[test]
    fn summary_from_credential() {
        let c = parse_credential(
            r#"{"type":"OpenBadgeCredential","id":"urn:a","issuer":"did:web:x",
               "credentialSubject":{"achievement":{"name":"N","achievementType":"Badge","tag":["a","a"," "],
               "alignment":[{"targetName":"Skill A","targetCode":"A"},{"targetCode":"B"},{"targetUrl":"u"}]}}}"#,
        )
        .unwrap();
        let s = Summary::from_credential(&c, Status::Unverified, 5.0);
        assert_eq!(s.issuer_name, "did:web:x");
        assert_eq!(s.tags, vec!["a"]);
        assert_eq!(s.skills, vec!["Skill A", "B"]);
        assert_eq!(s.achievement_type.as_deref(), Some("Badge"));
        assert_eq!(s.added_at, 5.0);
        let c2 = parse_credential(
            r#"{"type":"OpenBadgeCredential","credentialSubject":{"achievement":{}}}"#,
        )
        .unwrap();
        assert_eq!(
            Summary::from_credential(&c2, Status::Pending, 0.0).issuer_name,
            "Unknown issuer"
        );
        // Serializable for the shell's storage.
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Summary>(&json).unwrap(), s);
    }

    #[test]
    fn sort_orders() {
        let it = items();
        let q = |sort| Query {
            sort,
            ..Query::default()
        };
        assert_eq!(apply(&it, &q(SortKey::DateNewest)), vec![3, 0, 1, 4, 2]);
        assert_eq!(apply(&it, &q(SortKey::DateOldest)), vec![4, 1, 0, 3, 2]);
        assert_eq!(apply(&it, &q(SortKey::Name)), vec![2, 3, 4, 0, 1]);
        assert_eq!(apply(&it, &q(SortKey::Issuer)), vec![2, 0, 1, 3, 4]);
    }

    #[test]
    fn filters() {
        let it = items();
        let text = |t: &str| {
            apply(
                &it,
                &Query {
                    text: t.into(),
                    sort: SortKey::Name,
                    ..Query::default()
                },
            )
        };
        assert_eq!(text("ROBOT"), vec![3, 4]);
        assert_eq!(text("écriture"), vec![1]);
        assert_eq!(text("ÉCRITURE univ"), vec![1]);
        assert_eq!(text("acme program"), vec![2]);
        assert_eq!(text("acme missing"), Vec::<usize>::new());
        assert_eq!(text("  "), vec![2, 3, 4, 0, 1]);
        assert_eq!(text("writing"), vec![1]);
        let q = Query {
            issuer: Some("Zeta".into()),
            status: Some("verified".into()),
            ..Query::default()
        };
        assert_eq!(apply(&it, &q), vec![3]);
        let q = Query {
            issuer: Some("https://Acme.example".into()),
            ..Query::default()
        };
        assert_eq!(apply(&it, &q), vec![0, 2]);
        let q = Query {
            tag: Some("SOFT".into()),
            ..Query::default()
        };
        assert_eq!(apply(&it, &q), vec![3, 0]);
    }

    #[test]
    fn facet_lists() {
        let f = facets(&items());
        assert_eq!(f.issuers, vec!["Acme", "Université", "Zeta"]);
        assert_eq!(f.tags, vec!["soft", "stem", "Writing"]);
        assert_eq!(f.statuses, vec!["expired", "verified"]);
        assert_eq!(facets(&[]), Facets::default());
    }

    /// A name written in languages: kept on the card, shown in the reader's language, searched
    /// in every language; a summary without variants is stored exactly as before.
    #[test]
    fn multilingual_names() {
        let c = parse_credential(
            r#"{"type":"OpenBadgeCredential","credentialSubject":{"achievement":{"name":[
                {"@value":"Teamwork","@language":"en"},
                {"@value":"Travail d'équipe","@language":"fr","@direction":"ltr"}]}}}"#,
        )
        .unwrap();
        let s = Summary::from_credential(&c, Status::Pending, 0.0);
        assert_eq!(s.name, "Teamwork", "the first when none is untagged");
        assert_eq!(s.name_in("fr").text, "Travail d'équipe");
        assert_eq!(s.name_in("fr").lang, Some("fr"));
        assert_eq!(
            s.name_in("fr-CA").dir,
            Some(crate::lang_text::Direction::Ltr)
        );
        assert_eq!(s.name_in("de").text, "Teamwork");
        let json = serde_json::to_string(&s).unwrap();
        assert!(
            json.contains(r#""name_langs":[{"value":"Teamwork","language":"en"},"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Summary>(&json).unwrap(), s);
        let q = Query {
            text: "ÉQUIPE".into(),
            ..Query::default()
        };
        assert_eq!(apply(std::slice::from_ref(&s), &q), vec![0]);

        let plain = sum("1", "Plain", "Acme", None, &[]);
        let json = serde_json::to_string(&plain).unwrap();
        assert!(!json.contains("name_langs"), "{json}");
        let old = r#"{"local_id":"a","name":"N","format":"ob2-hosted"}"#;
        let old = serde_json::from_str::<Summary>(old).unwrap();
        assert!(old.name_langs.is_empty());
        assert_eq!(old.name_in("fr").text, "N");
        assert_eq!(old.name_in("fr").lang, None);
    }

    /// Stored summaries as older and newer versions of the wallet may have written them.
    #[test]
    fn stored_summaries_decode_tolerantly() {
        let full = r#"{"local_id":"a","name":"N","issuer_name":"I","issuer_id":"did:x","issued":"2024-01-01",
            "expires":null,"tags":["t"],"skills":["s"],"achievement_type":"Badge","format":"ob3-vc2",
            "status":"verified","added_at":5.0}"#;
        // (case, json, expected: Some((issuer_name, status, tags, added_at)) or None = unreadable)
        type Want = Option<(&'static str, &'static str, usize, f64)>;
        let cases: &[(&str, String, Want)] = &[
            (
                "as written today",
                full.to_string(),
                Some(("I", "verified", 1, 5.0)),
            ),
            (
                "a newer version's extra fields",
                full.replace(
                    r#""added_at":5.0"#,
                    r#""added_at":5.0,"pinned":true,"freshness":{"at":"x"}"#,
                ),
                Some(("I", "verified", 1, 5.0)),
            ),
            (
                "only the identity",
                r#"{"local_id":"a","name":"N","format":"ob2-hosted"}"#.to_string(),
                Some(("Unknown issuer", "pending", 0, 0.0)),
            ),
            (
                "no name",
                r#"{"local_id":"a","format":"ob2-hosted"}"#.to_string(),
                None,
            ),
            ("an unknown format", full.replace("ob3-vc2", "ob9"), None),
            ("a wrong type", full.replace(r#"["t"]"#, r#""t""#), None),
            ("not an object", "42".to_string(), None),
        ];
        for (case, json, want) in cases {
            let got = serde_json::from_str::<Summary>(json)
                .ok()
                .map(|s| (s.issuer_name, s.status, s.tags.len(), s.added_at));
            let want = want.map(|(i, s, t, a)| (i.to_string(), Status::parse(s), t, a));
            assert_eq!(got, want, "{case}");
        }
    }
}
