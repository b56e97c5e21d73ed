//! Progress: which credentials fill which requirements.
//!
//! Reuse rule: within one group, a credential fills at most one of the
//! group's leaves (its direct `match` children). Which credential fills which
//! leaf is a maximum bipartite matching (augmenting paths), so the count is
//! the best possible, not whatever a greedy first-come choice gives. Nested
//! groups, and different pathways, may use the same credential again.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use wallet_core::library::date_key;
use wallet_i18n::{Lang, msg};

use crate::format::{Conditions, Goal, Hint, Match, Node, NodeKind, Pathway};
use crate::item::{Index, Item, Prepared, Status};

/// A credential that matches a leaf but does not count, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotCounted {
    /// Index into the `items` given to [`evaluate`].
    pub item: usize,
    /// Plain-language reasons in the language of the evaluation, e.g. "not verified yet",
    /// "expired on 2024-03-06".
    pub reasons: Vec<String>,
}

/// Progress at one node of a pathway's requirement tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeProgress {
    /// `requirements.all[1].of[0]`: stable within the pathway (use it as a key).
    pub path: String,
    /// `"all"`, `"any"`, `"nOf"`, `"match"` or `"pathway"`.
    pub kind: String,
    /// The author's label, else a description of the requirement (in the language of the
    /// evaluation).
    pub label: String,
    pub met: bool,
    /// Units met, capped at `units_needed`. A leaf is one unit; a group's
    /// units are its children (`all`: all of them, `any`: 1, `nOf`: k).
    pub units_met: usize,
    pub units_needed: usize,
    /// Credentials still to earn to meet this node on the cheapest route;
    /// `None` if it cannot be met (a reference to an unknown pathway).
    pub remaining: Option<usize>,
    pub hint: Option<Hint>,
    pub children: Vec<NodeProgress>,
    /// Leaf: the credential that fills it (an index into the `items` given
    /// to [`evaluate`], as are all credential references here).
    pub filled_by: Option<usize>,
    /// Leaf: every credential that would count for it (the filler included).
    pub counting: Vec<usize>,
    /// Leaf: matching credentials that do not count, with reasons.
    pub not_counted: Vec<NotCounted>,
    /// Leaf: why it is unmet although a counting credential exists.
    pub note: Option<String>,
    /// `match` leaf: a key identifying the requirement across pathways.
    pub match_key: Option<String>,
    /// `pathway` leaf: the referenced pathway's id.
    pub pathway_ref: Option<String>,
}

/// Progress towards one pathway.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub pathway_id: String,
    pub name: String,
    pub description: Option<String>,
    pub goal: Goal,
    /// `k` of the top-level `k/n`.
    pub units_met: usize,
    /// `n` of the top-level `k/n`.
    pub units_needed: usize,
    pub complete: bool,
    /// Credentials still to earn on the cheapest route (`None`: impossible).
    pub remaining: Option<usize>,
    pub root: NodeProgress,
}

impl Progress {
    /// `"k/n"`, for `data-progress`.
    pub fn fraction(&self) -> String {
        format!("{}/{}", self.units_met, self.units_needed)
    }
}

fn day(date: &str) -> &str {
    date.get(..10).unwrap_or(date)
}

/// A readable description of a match, used when a leaf has no label.
pub fn describe(lang: Lang, m: &Match) -> String {
    let mut parts = Vec::new();
    if let Some(id) = &m.achievement_id {
        parts.push(msg!(lang, "pathway-describe-achievement", id = id));
    }
    if let Some(t) = &m.achievement_type {
        parts.push(msg!(
            lang,
            "pathway-describe-type",
            kind = wallet_i18n::vocab::achievement_type(lang, t)
        ));
    }
    if let Some(a) = &m.alignment {
        let what = a
            .target_name
            .as_ref()
            .or(a.target_code.as_ref())
            .or(a.target_url.as_ref())
            .or(a.target_framework.as_ref());
        if let Some(w) = what {
            parts.push(msg!(lang, "pathway-describe-aligned", target = w));
        }
    }
    if let Some(t) = &m.tag {
        parts.push(msg!(lang, "pathway-describe-tag", tag = t));
    }
    if let Some(i) = &m.issuer {
        parts.push(msg!(lang, "pathway-describe-issuer", issuer = i));
    }
    let s = parts.join(", ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// A canonical key for a leaf (match + conditions): equal leaves in
/// different pathways get the same key.
pub fn match_key(m: &Match, c: &Conditions) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = crate::item::Fx::default();
    m.hash(&mut h);
    c.hash(&mut h);
    format!("{:016x}", h.finish())
}

/// Why `item` (which matches) does not count under `c`; empty if it counts.
/// `after` is `c.issued_after` as a date key.
fn reasons(
    lang: Lang,
    item: &Item,
    p: &Prepared,
    c: &Conditions,
    after: Option<&str>,
    now: &str,
) -> Vec<String> {
    use crate::words::shown_date;
    let mut r: Vec<String> = Vec::new();
    let expired_reason = || match &item.expires {
        Some(e) => msg!(
            lang,
            "pathway-reason-expired-on",
            date = shown_date(lang, day(e))
        ),
        None => msg!(lang, "pathway-reason-expired"),
    };
    let valid_from = |i: &str| {
        msg!(
            lang,
            "pathway-reason-valid-from",
            date = shown_date(lang, day(i))
        )
    };
    match &item.status {
        Status::Verified => {}
        Status::Invalid => r.push(msg!(lang, "pathway-reason-invalid")),
        Status::Revoked => r.push(msg!(lang, "pathway-reason-revoked")),
        Status::Expired if c.unexpired => r.push(expired_reason()),
        Status::NotYetValid => r.push(match &item.issued {
            Some(i) => valid_from(i),
            None => msg!(lang, "pathway-reason-not-valid-yet"),
        }),
        Status::Unverified if c.verified => r.push(msg!(lang, "pathway-reason-unverified")),
        Status::Pending if c.verified => r.push(msg!(lang, "pathway-reason-pending")),
        Status::Other(s) if c.verified => r.push(msg!(lang, "pathway-reason-status", status = s)),
        _ => {}
    }
    if c.unexpired
        && let Some(e) = &p.expires_key
        && e.as_str() <= now
    {
        let why = expired_reason();
        if !r.contains(&why) {
            r.push(why);
        }
    }
    if let (Some(i), Some(key)) = (&item.issued, &p.issued_key)
        && key.as_str() > now
        && item.status != Status::NotYetValid
    {
        r.push(valid_from(i));
    }
    if let (Some(shown), Some(after)) = (&c.issued_after, after) {
        match &p.issued_key {
            None => r.push(msg!(
                lang,
                "pathway-reason-no-issue-date",
                date = shown_date(lang, shown)
            )),
            Some(i) if i.as_str() < after => r.push(msg!(
                lang,
                "pathway-reason-issued-before",
                date = shown_date(lang, shown)
            )),
            Some(_) => {}
        }
    }
    r
}

// Per-credential facts at `now`, computed once per evaluation.
const VERIFIED: u8 = 1; // signature fine: status verified or expired
const SOFT: u8 = 2; // unverified, pending, unknown: fine only with `verified: false`
const HARD: u8 = 4; // invalid or revoked: never counts
const EXPIRED: u8 = 8; // by status or by date
const FUTURE: u8 = 16; // not valid yet, by status or date

fn flags(item: &Item, p: &Prepared, now: &str) -> u8 {
    let mut f = match item.status {
        Status::Verified => VERIFIED,
        Status::Expired => VERIFIED | EXPIRED,
        Status::NotYetValid => FUTURE,
        Status::Invalid | Status::Revoked => HARD,
        Status::Unverified | Status::Pending | Status::Other(_) => SOFT,
    };
    if p.expires_key.as_deref().is_some_and(|e| e <= now) {
        f |= EXPIRED;
    }
    if p.issued_key.as_deref().is_some_and(|i| i > now) {
        f |= FUTURE;
    }
    f
}

/// Whether a matching credential counts: the same answer as
/// `reasons(..).is_empty()`, without building any strings.
fn counts(f: u8, p: &Prepared, c: &Conditions, after: Option<&str>) -> bool {
    f & (HARD | FUTURE) == 0
        && (f & VERIFIED != 0 || !c.verified)
        && (f & EXPIRED == 0 || !c.unexpired)
        && after.is_none_or(|a| p.issued_key.as_deref().is_some_and(|i| i >= a))
}

/// Maximum bipartite matching (Kuhn's augmenting paths): `adj[l]` lists the
/// items leaf `l` accepts, in preference order. Returns each leaf's item.
fn max_matching(adj: &[Vec<usize>]) -> Vec<Option<usize>> {
    let mut leaf_of: HashMap<usize, usize> = HashMap::new();
    let mut item_of: Vec<Option<usize>> = vec![None; adj.len()];
    fn augment(
        l: usize,
        adj: &[Vec<usize>],
        seen: &mut Vec<usize>,
        leaf_of: &mut HashMap<usize, usize>,
        item_of: &mut [Option<usize>],
    ) -> bool {
        for &it in &adj[l] {
            if seen.contains(&it) {
                continue;
            }
            seen.push(it);
            let free = match leaf_of.get(&it) {
                None => true,
                Some(&other) => augment(other, adj, seen, leaf_of, item_of),
            };
            if free {
                leaf_of.insert(it, l);
                item_of[l] = Some(it);
                return true;
            }
        }
        false
    }
    // First pass: a free item directly (cheap, and most leaves stop here).
    for l in 0..adj.len() {
        if let Some(&it) = adj[l].iter().find(|it| !leaf_of.contains_key(it)) {
            leaf_of.insert(it, l);
            item_of[l] = Some(it);
        }
    }
    let mut seen = Vec::new();
    for l in 0..adj.len() {
        if item_of[l].is_none() && !adj[l].is_empty() {
            seen.clear();
            augment(l, adj, &mut seen, &mut leaf_of, &mut item_of);
        }
    }
    item_of
}

/// Summary of a referenced pathway's result.
#[derive(Clone, Copy)]
struct RefResult {
    complete: bool,
    remaining: Option<usize>,
}

struct Evaluator<'a> {
    lang: Lang,
    pathways: &'a [Pathway],
    items: &'a [Item],
    index: Index,
    now: String,
    by_id: HashMap<&'a str, usize>,
    flags: Vec<u8>,
    done: Vec<Option<Progress>>,
    in_progress: Vec<bool>,
}

/// Cheapest cost to get `need` more units from children with these costs.
fn cheapest(mut costs: Vec<usize>, need: usize) -> Option<usize> {
    if costs.len() < need {
        return None;
    }
    costs.sort_unstable();
    Some(costs[..need].iter().sum())
}

impl<'a> Evaluator<'a> {
    fn pathway(&mut self, i: usize) -> RefResult {
        if let Some(p) = &self.done[i] {
            return RefResult {
                complete: p.complete,
                remaining: p.remaining,
            };
        }
        if self.in_progress[i] {
            // A cycle (rejected by `validate`): treat as unmeetable.
            return RefResult {
                complete: false,
                remaining: None,
            };
        }
        self.in_progress[i] = true;
        let p = &self.pathways[i];
        let root = self.node(&p.requirements);
        self.in_progress[i] = false;
        let progress = Progress {
            pathway_id: p.id.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            goal: p.goal.clone(),
            units_met: root.units_met,
            units_needed: root.units_needed,
            complete: root.met,
            remaining: root.remaining,
            root,
        };
        let r = RefResult {
            complete: progress.complete,
            remaining: progress.remaining,
        };
        self.done[i] = Some(progress);
        r
    }

    fn leaf(&self, n: &Node, m: &Match, c: &Conditions) -> NodeProgress {
        let q = self.index.query(m);
        let candidates = self.index.candidates(&q);
        let mut counting = Vec::with_capacity(candidates.len());
        let mut not_counted = Vec::new();
        let after = c.issued_after.as_deref().map(date_key);
        for i in candidates {
            let i = i as usize;
            if !self.index.matches(&q, i) {
                continue;
            }
            let p = &self.index.prepared[i];
            let fast = counts(self.flags[i], p, c, after.as_deref());
            let r = if fast {
                Vec::new()
            } else {
                reasons(self.lang, &self.items[i], p, c, after.as_deref(), &self.now)
            };
            debug_assert_eq!(
                fast,
                reasons(self.lang, &self.items[i], p, c, after.as_deref(), &self.now).is_empty(),
                "fast check disagrees for {:?} under {c:?}",
                self.items[i]
            );
            if r.is_empty() {
                counting.push(i);
            } else {
                not_counted.push(NotCounted {
                    item: i,
                    reasons: r,
                });
            }
        }
        NodeProgress {
            path: n.path.clone(),
            kind: "match".into(),
            label: n.label.clone().unwrap_or_else(|| describe(self.lang, m)),
            met: false,
            units_met: 0,
            units_needed: 1,
            remaining: Some(1),
            hint: n.hint.clone(),
            children: Vec::new(),
            filled_by: None,
            counting,
            not_counted,
            note: None,
            match_key: Some(match_key(m, c)),
            pathway_ref: None,
        }
    }

    fn node(&mut self, n: &Node) -> NodeProgress {
        let (children, needed): (&[Node], usize) = match &n.kind {
            NodeKind::Match {
                criteria,
                conditions,
            } => {
                // A leaf on its own (the whole requirement, or under no group).
                let mut p = self.leaf(n, criteria, conditions);
                if let Some(&first) = p.counting.first() {
                    p.filled_by = Some(first);
                    p.met = true;
                    p.units_met = 1;
                    p.remaining = Some(0);
                }
                return p;
            }
            NodeKind::Pathway(id) => {
                let (label, r) = match self.by_id.get(id.as_str()).copied() {
                    Some(j) => (self.pathways[j].name.clone(), self.pathway(j)),
                    None => (
                        id.clone(),
                        RefResult {
                            complete: false,
                            remaining: None,
                        },
                    ),
                };
                return NodeProgress {
                    path: n.path.clone(),
                    kind: "pathway".into(),
                    label: n.label.clone().unwrap_or(label),
                    met: r.complete,
                    units_met: usize::from(r.complete),
                    units_needed: 1,
                    remaining: if r.complete { Some(0) } else { r.remaining },
                    hint: n.hint.clone(),
                    children: Vec::new(),
                    filled_by: None,
                    counting: Vec::new(),
                    not_counted: Vec::new(),
                    note: None,
                    match_key: None,
                    pathway_ref: Some(id.clone()),
                };
            }
            NodeKind::All(c) => (c, c.len()),
            NodeKind::Any(c) => (c, 1),
            NodeKind::NOf { k, of } => (of, *k),
        };
        // Groups: leaves are matched together; other children on their own.
        let mut out: Vec<Option<NodeProgress>> = vec![None; children.len()];
        let mut leaves: Vec<usize> = Vec::new();
        for (ci, c) in children.iter().enumerate() {
            if let NodeKind::Match {
                criteria,
                conditions,
            } = &c.kind
            {
                out[ci] = Some(self.leaf(c, criteria, conditions));
                leaves.push(ci);
            } else {
                out[ci] = Some(self.node(c));
            }
        }
        let mut out: Vec<NodeProgress> = out.into_iter().flatten().collect();
        let adj: Vec<Vec<usize>> = leaves.iter().map(|&ci| out[ci].counting.clone()).collect();
        let assigned = max_matching(&adj);
        let mut filler_label: HashMap<usize, String> = HashMap::new();
        for (li, &ci) in leaves.iter().enumerate() {
            if let Some(it) = assigned[li] {
                let p = &mut out[ci];
                p.filled_by = Some(it);
                p.met = true;
                p.units_met = 1;
                p.remaining = Some(0);
                filler_label.insert(it, p.label.clone());
            }
        }
        for &ci in &leaves {
            let p = &mut out[ci];
            if !p.met && !p.counting.is_empty() {
                let c = p.counting[0];
                let other = filler_label.get(&c).cloned().unwrap_or_default();
                p.note = Some(if p.counting.len() == 1 {
                    msg!(
                        self.lang,
                        "pathway-note-already-counts",
                        credential = self.items[c].name.as_str(),
                        other = other
                    )
                } else {
                    msg!(self.lang, "pathway-note-all-count-elsewhere")
                });
            }
        }
        let met_children = out.iter().filter(|c| c.met).count();
        let units_met = met_children.min(needed);
        let met = met_children >= needed;
        let remaining = if met {
            Some(0)
        } else {
            cheapest(
                out.iter()
                    .filter(|c| !c.met)
                    .filter_map(|c| c.remaining)
                    .collect(),
                needed - met_children,
            )
        };
        NodeProgress {
            path: n.path.clone(),
            kind: n.kind.name().into(),
            label: n.label.clone().unwrap_or_else(|| {
                crate::words::default_group_label(self.lang, n.kind.name(), needed)
            }),
            met,
            units_met,
            units_needed: needed,
            remaining,
            hint: n.hint.clone(),
            children: out,
            filled_by: None,
            counting: Vec::new(),
            not_counted: Vec::new(),
            note: None,
            match_key: None,
            pathway_ref: None,
        }
    }
}

/// Progress towards each pathway (same order as `pathways`), given the
/// credentials and `now` (ISO 8601 date or date-time, compared with issue and
/// expiry dates). By default only verified, unexpired credentials count; see
/// [`NodeProgress::not_counted`] for the ones that match but do not.
/// References to other pathways are evaluated once each (memoized). The same credential held
/// twice (on its own and nested in a CLR) is one credential ([`crate::item::copies_that_count`]).
/// The texts it gives (labels of unlabelled requirements, reasons, notes) are in `lang`.
pub fn evaluate(lang: Lang, pathways: &[Pathway], items: &[Item], now: &str) -> Vec<Progress> {
    let mut by_id = HashMap::with_capacity(pathways.len());
    for (i, p) in pathways.iter().enumerate() {
        by_id.entry(p.id.as_str()).or_insert(i);
    }
    let index = Index::for_pathways(items, pathways);
    let now = date_key(now);
    let flags = items
        .iter()
        .zip(&index.prepared)
        .map(|(it, p)| flags(it, p, &now))
        .collect();
    let mut ev = Evaluator {
        lang,
        pathways,
        items,
        index,
        now,
        by_id,
        flags,
        done: vec![None; pathways.len()],
        in_progress: vec![false; pathways.len()],
    };
    for i in 0..pathways.len() {
        ev.pathway(i);
    }
    ev.done.into_iter().flatten().collect()
}
