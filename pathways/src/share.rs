//! Pathways inside a share link.
//!
//! A share carries the **definitions** of the pathways the learner chose, not
//! their progress: the recipient recomputes progress with [`evaluate`] over the
//! shared credentials after verifying them, so no number the learner claims is
//! trusted. To keep links short the definitions are compacted to what
//! evaluation and the recipient's view need ([`to_shared`]): id, name, goal
//! kind and issuer name, and the requirement tree with leaf labels, `match`
//! and `conditions`. Descriptions, hints, URLs and group labels are dropped.
//!
//! The value is itself a pathway file (`"type": "LearnerPathway"`,
//! `"version": 1`, `"pathways": […]`), so [`from_shared`] reads it with the
//! same parser and checks as any imported file, plus size limits. It also sets
//! `verified: true` on every requirement: in a share, a credential counts only
//! if it verified in the recipient's browser, whatever the sender's copy of
//! the pathway says.
//!
//! [`evaluate`]: crate::evaluate

use std::collections::HashSet;
use std::fmt;

use crate::eval::{NodeProgress, Progress, evaluate};
use crate::item::{Item, Status};

use serde_json::{Map, Value, json};
use wallet_i18n::{Lang, msg};

use crate::format::{
    FORMAT_VERSION, Node, NodeKind, PATHWAY_TYPE, Pathway, PathwayError, parse_file_in, validate_in,
};

/// Largest pathways value read from a share (its compact JSON text, bytes).
pub const MAX_SHARED_BYTES: usize = 16 * 1024;
/// Most pathways read from a share.
pub const MAX_SHARED_PATHWAYS: usize = 24;

/// Why the pathways in a share cannot be used. Its text is in the language given to
/// [`from_shared`] (`lang`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SharedError {
    /// The value is larger than [`MAX_SHARED_BYTES`].
    TooLarge { bytes: usize, lang: Lang },
    /// More than [`MAX_SHARED_PATHWAYS`] pathways.
    TooMany { count: usize, lang: Lang },
    /// Not a valid pathway file; the parser's messages.
    Invalid { lines: Vec<String>, lang: Lang },
}

impl fmt::Display for SharedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            SharedError::TooLarge { bytes, lang } => msg!(
                *lang,
                "pathway-shared-too-large",
                size = bytes.div_ceil(1024),
                max = MAX_SHARED_BYTES / 1024
            ),
            SharedError::TooMany { count, lang } => msg!(
                *lang,
                "pathway-shared-too-many",
                count = *count,
                max = MAX_SHARED_PATHWAYS
            ),
            SharedError::Invalid { lines, lang } => match lines.first() {
                None => msg!(*lang, "pathway-shared-invalid"),
                Some(first) => msg!(
                    *lang,
                    "pathway-shared-invalid-first",
                    first = first,
                    more = lines.len() - 1
                ),
            },
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SharedError {}

fn refs<'a>(n: &'a Node, out: &mut Vec<&'a str>) {
    match &n.kind {
        NodeKind::All(c) | NodeKind::Any(c) | NodeKind::NOf { of: c, .. } => {
            c.iter().for_each(|c| refs(c, out))
        }
        NodeKind::Pathway(id) => out.push(id),
        NodeKind::Match { .. } => {}
    }
}

/// The pathways to share for the `chosen` ids: the chosen ones (in the order
/// given, unknown ids skipped), then every pathway they refer to, directly or
/// through others (needed to evaluate `{"pathway": …}` requirements).
pub fn closure<'a>(all: &'a [Pathway], chosen: &[&str]) -> Vec<&'a Pathway> {
    let find = |id: &str| all.iter().find(|p| p.id == id);
    let mut out: Vec<&Pathway> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut queue: Vec<&str> = chosen.to_vec();
    let mut i = 0;
    while i < queue.len() {
        let id = queue[i];
        i += 1;
        if !seen.insert(id) {
            continue;
        }
        if let Some(p) = find(id) {
            out.push(p);
            let mut r = Vec::new();
            refs(&p.requirements, &mut r);
            queue.extend(r);
        }
    }
    out
}

fn put(m: &mut Map<String, Value>, key: &str, v: &Option<String>) {
    if let Some(s) = v {
        m.insert(key.into(), Value::String(s.clone()));
    }
}

fn compact_node(n: &Node) -> Value {
    let group = |children: &[Node]| Value::Array(children.iter().map(compact_node).collect());
    match &n.kind {
        NodeKind::All(c) => json!({ "all": group(c) }),
        NodeKind::Any(c) => json!({ "any": group(c) }),
        NodeKind::NOf { k, of } => json!({ "nOf": k, "of": group(of) }),
        NodeKind::Match {
            criteria,
            conditions,
        } => {
            let mut m = Map::new();
            put(&mut m, "label", &n.label);
            let mut c = Map::new();
            put(&mut c, "achievementId", &criteria.achievement_id);
            put(&mut c, "achievementType", &criteria.achievement_type);
            put(&mut c, "issuer", &criteria.issuer);
            if let Some(a) = &criteria.alignment {
                let mut am = Map::new();
                put(&mut am, "targetCode", &a.target_code);
                put(&mut am, "targetUrl", &a.target_url);
                put(&mut am, "targetFramework", &a.target_framework);
                put(&mut am, "targetName", &a.target_name);
                c.insert("alignment".into(), Value::Object(am));
            }
            put(&mut c, "tag", &criteria.tag);
            m.insert("match".into(), Value::Object(c));
            // Only what differs from the defaults; `verified` is forced on when read.
            let mut cond = Map::new();
            put(&mut cond, "issuedAfter", &conditions.issued_after);
            if !conditions.unexpired {
                cond.insert("unexpired".into(), Value::Bool(false));
            }
            if !cond.is_empty() {
                m.insert("conditions".into(), Value::Object(cond));
            }
            Value::Object(m)
        }
        NodeKind::Pathway(id) => {
            let mut m = Map::new();
            put(&mut m, "label", &n.label);
            m.insert("pathway".into(), Value::String(id.clone()));
            Value::Object(m)
        }
    }
}

/// One pathway, compacted (see the module documentation).
pub fn compact(p: &Pathway) -> Value {
    json!({
        "id": p.id,
        "name": p.name,
        "goal": { "kind": p.goal.kind.as_str(), "issuer": { "name": p.goal.issuer.name } },
        "requirements": compact_node(&p.requirements),
    })
}

/// The value to put in `Portfolio::pathways`: a pathway file holding the
/// compacted `pathways` (pass [`closure`]'s result, so references resolve).
pub fn to_shared(pathways: &[&Pathway]) -> Value {
    json!({
        "type": PATHWAY_TYPE,
        "version": FORMAT_VERSION,
        "pathways": pathways.iter().map(|p| compact(p)).collect::<Vec<_>>(),
    })
}

fn force_verified(n: &mut Node) {
    match &mut n.kind {
        NodeKind::All(c) | NodeKind::Any(c) | NodeKind::NOf { of: c, .. } => {
            c.iter_mut().for_each(force_verified)
        }
        NodeKind::Match { conditions, .. } => conditions.verified = true,
        NodeKind::Pathway(_) => {}
    }
}

/// Reads the pathways of a share (untrusted input): size limits, then the
/// full parser and cross-pathway checks (`parse_pathways`), then `verified`
/// is set on every requirement. Total on any value (no panics). Its error's text is in `lang`.
pub fn from_shared(lang: Lang, v: &Value) -> Result<Vec<Pathway>, SharedError> {
    let text = v.to_string();
    if text.len() > MAX_SHARED_BYTES {
        return Err(SharedError::TooLarge {
            bytes: text.len(),
            lang,
        });
    }
    if let Some(list) = v.get("pathways").and_then(Value::as_array)
        && list.len() > MAX_SHARED_PATHWAYS
    {
        return Err(SharedError::TooMany {
            count: list.len(),
            lang,
        });
    }
    let invalid = |e: Vec<PathwayError>| SharedError::Invalid {
        lines: e.iter().map(|e| e.text(lang)).collect(),
        lang,
    };
    let mut pathways = parse_file_in(lang, &text, None).map_err(invalid)?;
    let errors = validate_in(lang, &pathways);
    if !errors.is_empty() {
        return Err(invalid(errors));
    }
    for p in &mut pathways {
        force_verified(&mut p.requirements);
        p.source = None;
    }
    Ok(pathways)
}

// ------------------------------------------------------------------ what a share can carry

/// A pathway the shared credentials count toward, offered in the share panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub units_met: usize,
    pub units_needed: usize,
    pub complete: bool,
    /// Names of the pathways it refers to (carried along: needed to evaluate it).
    pub carries: Vec<String>,
    /// Its definitions exceed what a viewer reads from a link ([`MAX_SHARED_BYTES`]).
    pub too_large: bool,
}

/// Whether a shared credential counts toward this node, or could once it is verified (pending or
/// unverified); through referenced pathways too.
fn counts_toward(
    n: &NodeProgress,
    all: &[Progress],
    items: &[Item],
    seen: &mut HashSet<String>,
) -> bool {
    let maybe = |i: usize| {
        items
            .get(i)
            .is_some_and(|it| matches!(it.status, Status::Pending | Status::Unverified))
    };
    if !n.counting.is_empty() || n.not_counted.iter().any(|nc| maybe(nc.item)) {
        return true;
    }
    if let Some(r) = &n.pathway_ref
        && seen.insert(r.clone())
        && let Some(p) = all.iter().find(|p| &p.pathway_id == r)
        && counts_toward(&p.root, all, items, seen)
    {
        return true;
    }
    n.children
        .iter()
        .any(|c| counts_toward(c, all, items, seen))
}

/// The learner's pathways that the credentials `ids` (stored ids; a CLR brings the items of
/// its nested credentials) count toward, with the progress those credentials alone give at
/// `now` (as the learner's wallet sees their statuses). Offered in the share panel.
pub fn share_candidates(
    pathways: &[Pathway],
    items: &[Item],
    ids: &[String],
    now: &str,
) -> Vec<Candidate> {
    let selected: Vec<Item> = items
        .iter()
        // A selected CLR brings the items derived from its nested credentials.
        .filter(|i| {
            let owner = crate::item::stored_owner(&i.local_id);
            ids.iter().any(|x| x == owner)
        })
        .cloned()
        .collect();
    if selected.is_empty() {
        return vec![];
    }
    // Only counts are read here, never the texts: any language does.
    let progress = evaluate(wallet_i18n::Lang::En, pathways, &selected, now);
    progress
        .iter()
        .filter(|p| {
            let mut seen = HashSet::from([p.pathway_id.clone()]);
            counts_toward(&p.root, &progress, &selected, &mut seen)
        })
        .map(|p| {
            let with = closure(pathways, &[p.pathway_id.as_str()]);
            Candidate {
                id: p.pathway_id.clone(),
                name: p.name.clone(),
                units_met: p.units_met,
                units_needed: p.units_needed,
                complete: p.complete,
                carries: with.iter().skip(1).map(|q| q.name.clone()).collect(),
                too_large: to_shared(&with).to_string().len() > MAX_SHARED_BYTES,
            }
        })
        .collect()
}
