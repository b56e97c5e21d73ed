//! Next steps: the missing requirements on the cheapest routes to the goals
//! that are nearest to completion.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::eval::{NodeProgress, NotCounted, Progress};
use crate::format::Hint;

/// A pathway a step moves forward.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Advance {
    pub pathway_id: String,
    pub name: String,
    /// Credentials the pathway still needs (this one included).
    pub remaining: usize,
    pub units_met: usize,
    pub units_needed: usize,
}

/// One missing requirement to earn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NextStep {
    /// Identifies the requirement across pathways (equal leaves share it).
    pub key: String,
    pub label: String,
    pub hint: Option<Hint>,
    /// Where the leaf is: the pathway that defines it and its node path.
    pub pathway_id: String,
    pub path: String,
    /// The pathways this advances, nearest goal first.
    pub advances: Vec<Advance>,
    /// The smallest `remaining` among `advances`: how near the nearest goal is.
    pub remaining: usize,
    /// Credentials the learner already has that match but do not count yet
    /// (e.g. not verified, expired): fixing those may be the quicker step.
    pub not_counted: Vec<NotCounted>,
}

struct Found<'a> {
    owner: &'a Progress,
    leaf: &'a NodeProgress,
}

/// Pushes the unmet leaves under `n` that belong to some cheapest way of
/// meeting it: in a group needing `r` more units, the children whose cost is
/// at most the `r`-th smallest cost.
fn collect<'a>(
    owner: &'a Progress,
    n: &'a NodeProgress,
    by_id: &HashMap<&str, &'a Progress>,
    stack: &mut Vec<&'a str>,
    out: &mut Vec<Found<'a>>,
) {
    if n.met || n.remaining.is_none() {
        return;
    }
    match n.kind.as_str() {
        "match" => out.push(Found { owner, leaf: n }),
        "pathway" => {
            let Some(id) = n.pathway_ref.as_deref() else {
                return;
            };
            let Some(p) = by_id.get(id) else { return };
            if stack.contains(&id) {
                return;
            }
            stack.push(id);
            collect(p, &p.root, by_id, stack, out);
            stack.pop();
        }
        _ => {
            let met = n.children.iter().filter(|c| c.met).count();
            let need = n.units_needed.saturating_sub(met);
            let mut costs: Vec<usize> = n
                .children
                .iter()
                .filter(|c| !c.met)
                .filter_map(|c| c.remaining)
                .collect();
            costs.sort_unstable();
            let Some(&threshold) = need.checked_sub(1).and_then(|i| costs.get(i)) else {
                return;
            };
            for c in &n.children {
                if !c.met && c.remaining.is_some_and(|r| r <= threshold) {
                    collect(owner, c, by_id, stack, out);
                }
            }
        }
    }
}

/// The missing leaves that would complete the incomplete pathways, ranked:
/// nearest goal first (fewest credentials remaining), then steps that advance
/// more pathways, then by label. A leaf inside a referenced pathway advances
/// the referencing pathway too (badges → certificate → diploma); equal leaves
/// in different pathways are one step. Only leaves on some cheapest route are
/// listed (in "2 of 4" with 1 met, the 3 missing ones are alternatives).
pub fn next_steps(progress: &[Progress]) -> Vec<NextStep> {
    let mut by_id: HashMap<&str, &Progress> = HashMap::new();
    for p in progress {
        by_id.entry(p.pathway_id.as_str()).or_insert(p);
    }
    let mut steps: Vec<NextStep> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for p in progress {
        let Some(remaining) = p.remaining.filter(|_| !p.complete) else {
            continue;
        };
        let mut found = Vec::new();
        let mut stack = vec![p.pathway_id.as_str()];
        collect(p, &p.root, &by_id, &mut stack, &mut found);
        let advance = Advance {
            pathway_id: p.pathway_id.clone(),
            name: p.name.clone(),
            remaining,
            units_met: p.units_met,
            units_needed: p.units_needed,
        };
        for f in found {
            let key = f
                .leaf
                .match_key
                .clone()
                .unwrap_or_else(|| format!("{}#{}", f.owner.pathway_id, f.leaf.path));
            let i = *at.entry(key.clone()).or_insert_with(|| {
                steps.push(NextStep {
                    key,
                    label: f.leaf.label.clone(),
                    hint: f.leaf.hint.clone(),
                    pathway_id: f.owner.pathway_id.clone(),
                    path: f.leaf.path.clone(),
                    advances: Vec::new(),
                    remaining,
                    not_counted: f.leaf.not_counted.clone(),
                });
                steps.len() - 1
            });
            let s = &mut steps[i];
            if s.hint.is_none() {
                s.hint = f.leaf.hint.clone();
            }
            for nc in &f.leaf.not_counted {
                if !s.not_counted.iter().any(|x| x.item == nc.item) {
                    s.not_counted.push(nc.clone());
                }
            }
            if !s
                .advances
                .iter()
                .any(|a| a.pathway_id == advance.pathway_id)
            {
                s.advances.push(advance.clone());
                s.remaining = s.remaining.min(remaining);
            }
        }
    }
    for s in &mut steps {
        s.advances.sort_by(|a, b| {
            a.remaining
                .cmp(&b.remaining)
                .then_with(|| a.name.cmp(&b.name))
        });
    }
    steps.sort_by(|a, b| {
        a.remaining
            .cmp(&b.remaining)
            .then_with(|| b.advances.len().cmp(&a.advances.len()))
            .then_with(|| a.label.to_lowercase().cmp(&b.label.to_lowercase()))
            .then_with(|| a.key.cmp(&b.key))
    });
    steps
}
