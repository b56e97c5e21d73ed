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

use serde_json::{Map, Value, json};

use crate::format::{
    FORMAT_VERSION, Node, NodeKind, PATHWAY_TYPE, Pathway, PathwayError, parse_pathways,
};

/// Largest pathways value read from a share (its compact JSON text, bytes).
pub const MAX_SHARED_BYTES: usize = 16 * 1024;
/// Most pathways read from a share.
pub const MAX_SHARED_PATHWAYS: usize = 24;

/// Why the pathways in a share cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SharedError {
    /// The value is larger than [`MAX_SHARED_BYTES`].
    TooLarge { bytes: usize },
    /// More than [`MAX_SHARED_PATHWAYS`] pathways.
    TooMany { count: usize },
    /// Not a valid pathway file; the parser's messages.
    Invalid(Vec<String>),
}

impl fmt::Display for SharedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SharedError::TooLarge { bytes } => write!(
                f,
                "the pathway data is too large ({} KB; at most {} KB is read)",
                bytes.div_ceil(1024),
                MAX_SHARED_BYTES / 1024
            ),
            SharedError::TooMany { count } => write!(
                f,
                "the link holds {count} pathways; at most {MAX_SHARED_PATHWAYS} are read"
            ),
            SharedError::Invalid(lines) => {
                f.write_str("the pathway data is not valid")?;
                if let Some(first) = lines.first() {
                    write!(f, " ({first}")?;
                    match lines.len() - 1 {
                        0 => {}
                        1 => f.write_str("; 1 more problem")?,
                        n => write!(f, "; {n} more problems")?,
                    }
                    f.write_str(")")?;
                }
                Ok(())
            }
        }
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
/// is set on every requirement. Total on any value (no panics).
pub fn from_shared(v: &Value) -> Result<Vec<Pathway>, SharedError> {
    let text = v.to_string();
    if text.len() > MAX_SHARED_BYTES {
        return Err(SharedError::TooLarge { bytes: text.len() });
    }
    if let Some(list) = v.get("pathways").and_then(Value::as_array)
        && list.len() > MAX_SHARED_PATHWAYS
    {
        return Err(SharedError::TooMany { count: list.len() });
    }
    let mut pathways = parse_pathways(&text).map_err(|e: Vec<PathwayError>| {
        SharedError::Invalid(e.iter().map(|e| e.to_string()).collect())
    })?;
    for p in &mut pathways {
        force_verified(&mut p.requirements);
        p.source = None;
    }
    Ok(pathways)
}
