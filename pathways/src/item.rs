//! What evaluation needs from a credential ([`Item`]) and the lookup tables
//! built once per evaluation ([`Index`]) so a leaf finds its candidates
//! without scanning every credential.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use wallet_core::Credential;

use crate::format::{AlignmentMatch, Match};

/// The verification status computed by the shell (the core's one status type).
pub use wallet_core::status::Status;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemAlignment {
    pub target_code: Option<String>,
    pub target_url: Option<String>,
    pub target_framework: Option<String>,
    pub target_name: Option<String>,
}

/// A credential as pathways see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub local_id: String,
    pub name: String,
    /// The achievement id (OB 2.0: the BadgeClass id) first, then its OB 3.0
    /// `related` ids, which count as the same achievement.
    pub achievement_ids: Vec<String>,
    pub achievement_type: Option<String>,
    pub issuer_id: Option<String>,
    pub issuer_name: Option<String>,
    pub alignments: Vec<ItemAlignment>,
    pub tags: Vec<String>,
    pub issued: Option<String>,
    pub expires: Option<String>,
    pub status: Status,
    /// For an item derived from a CLR's nested credential: that credential's own local id
    /// (its `id`, else its hash), so the same credential held twice (imported on its own and
    /// nested in a transcript, or nested in two) counts once ([`copies_that_count`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl Item {
    /// `status` is the shell's verification status: `verified`, `invalid`,
    /// `expired`, `not-yet-valid`, `revoked`, `unverified`, `pending` (anything
    /// else is kept as [`Status::Other`] and never counts as verified).
    pub fn from_credential(c: &Credential, status: Status) -> Item {
        let a = &c.achievement;
        let mut achievement_ids: Vec<String> = Vec::new();
        for id in a.id.iter().chain(a.related.iter()) {
            let id = id.trim();
            if !id.is_empty() && !achievement_ids.iter().any(|x| x == id) {
                achievement_ids.push(id.to_string());
            }
        }
        Item {
            local_id: c.local_id.clone(),
            name: c.name.clone(),
            achievement_ids,
            achievement_type: clean(&a.achievement_type),
            issuer_id: clean(&c.issuer.id),
            issuer_name: clean(&c.issuer.name),
            alignments: a
                .alignments
                .iter()
                .map(|al| ItemAlignment {
                    target_code: clean(&al.target_code),
                    target_url: clean(&al.target_url),
                    target_framework: clean(&al.target_framework),
                    target_name: clean(&al.target_name),
                })
                .collect(),
            tags: a
                .tags
                .iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            issued: clean(&c.issued),
            expires: clean(&c.expires),
            status,
            copy_of: None,
        }
    }
}

/// Prefix of a derived item's local id: `clr-nested:<index>:<the CLR's local id>`.
const NESTED_PREFIX: &str = "clr-nested:";

/// The local id of the item derived from a CLR's nested credential `index`.
pub fn nested_item_id(owner: &str, index: usize) -> String {
    format!("{NESTED_PREFIX}{index}:{owner}")
}

/// For a derived item's local id, the nested index and the stored CLR it comes from.
pub fn nested_owner(id: &str) -> Option<(usize, &str)> {
    let rest = id.strip_prefix(NESTED_PREFIX)?;
    let (index, owner) = rest.split_once(':')?;
    Some((index.parse().ok()?, owner))
}

/// The stored credential an item's local id belongs to: the CLR for a derived item, else itself.
pub fn stored_owner(id: &str) -> &str {
    nested_owner(id).map_or(id, |(_, owner)| owner)
}

/// The items of one stored credential: itself, and for a Comprehensive Learner Record one
/// derived item per nested credential the core could read (`wallet_core::Nested::Parsed`).
///
/// Nested credentials are not stored twice: they live only inside the CLR's text, and these
/// items are derived from it each time. A derived item's status is its own verification
/// (`nested_status[index]`, `pending` when not checked yet), never the CLR's: a nested badge
/// counts toward a pathway exactly when it would count imported on its own.
pub fn items_of(c: &Credential, status: Status, nested_status: &[Status]) -> Vec<Item> {
    let mut out = vec![Item::from_credential(c, status)];
    for (i, n) in c.clr.iter().flat_map(|r| r.nested.iter()).enumerate() {
        if let wallet_core::Nested::Parsed(nc) = n {
            let st = nested_status.get(i).cloned().unwrap_or_default();
            let mut item = Item::from_credential(nc, st);
            item.copy_of = Some(std::mem::replace(
                &mut item.local_id,
                nested_item_id(&c.local_id, i),
            ));
            out.push(item);
        }
    }
    out
}

/// The credential an item stands for: a derived item's own credential, else the item itself.
fn credential_key(it: &Item) -> &str {
    it.copy_of.as_deref().unwrap_or(&it.local_id)
}

/// Which copy of one credential held twice counts: a revoked copy wins (revocation is a fact
/// about the credential, whichever copy was checked), then the best status (an altered copy
/// is a fact about that copy only, and must not hide a genuine one), then the first.
fn copy_rank(s: &Status) -> u8 {
    match s {
        Status::Revoked => 0,
        Status::Verified => 1,
        Status::Expired => 2,
        Status::Pending => 3,
        Status::Unverified => 4,
        Status::NotYetValid => 5,
        Status::Invalid | Status::Other(_) => 6,
    }
}

/// Which items stand for their credential (`true`) and which are a second copy of one
/// (`false`). The same credential held twice (imported on its own and nested in a CLR, or
/// nested in two CLRs) would otherwise fill two leaves of one group: double credit for one
/// achievement. [`Index`] never offers a second copy as a candidate, so it neither counts nor
/// shows as "matches but does not count"; item indexes stay those of the caller's list.
pub fn copies_that_count(items: &[Item]) -> Vec<bool> {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    let mut keep = vec![true; items.len()];
    for (i, it) in items.iter().enumerate() {
        match first.entry(credential_key(it)) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let held = *e.get();
                if copy_rank(&it.status) < copy_rank(&items[held].status) {
                    keep[held] = false;
                    e.insert(i);
                } else {
                    keep[i] = false;
                }
            }
        }
    }
    keep
}

fn eq_ci(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

fn opt_eq_ci(want: &Option<String>, have: &Option<String>) -> bool {
    match want {
        None => true,
        Some(w) => have.as_deref().is_some_and(|h| eq_ci(w, h)),
    }
}

fn alignment_matches(want: &AlignmentMatch, have: &ItemAlignment) -> bool {
    opt_eq_ci(&want.target_code, &have.target_code)
        && opt_eq_ci(&want.target_framework, &have.target_framework)
        && opt_eq_ci(&want.target_name, &have.target_name)
        && want
            .target_url
            .as_deref()
            .is_none_or(|u| have.target_url.as_deref() == Some(u))
}

/// Whether `item` matches every field of `m`.
pub fn matches(m: &Match, item: &Item) -> bool {
    m.achievement_id
        .as_deref()
        .is_none_or(|id| item.achievement_ids.iter().any(|x| x == id))
        && opt_eq_ci(&m.achievement_type, &item.achievement_type)
        && m.issuer.as_deref().is_none_or(|i| {
            item.issuer_id.as_deref() == Some(i)
                || item.issuer_name.as_deref().is_some_and(|n| eq_ci(n, i))
        })
        && m.tag
            .as_deref()
            .is_none_or(|t| item.tags.iter().any(|x| eq_ci(x, t)))
        && m.alignment
            .as_ref()
            .is_none_or(|a| item.alignments.iter().any(|h| alignment_matches(a, h)))
}

/// A small, fast, non-cryptographic hasher (FxHash) for the lookup tables:
/// keys are credential fields, not attacker-chosen in a way that matters
/// for a wallet the learner fills.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fx>>;

/// Interned string: ids and URLs as given, case-insensitive fields lowercased.
type Sym = u32;

fn has_upper(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        s.chars().any(char::is_uppercase)
    }
}

#[derive(Debug, Default)]
struct Interner {
    map: FxMap<String, Sym>,
    scratch: String,
    /// Only look up: values no pathway asks for are not needed.
    frozen: bool,
}

impl Interner {
    fn exact(&mut self, s: &str) -> Option<Sym> {
        if let Some(&id) = self.map.get(s) {
            return Some(id);
        }
        if self.frozen {
            return None;
        }
        let id = self.map.len() as Sym;
        self.map.insert(s.to_string(), id);
        Some(id)
    }
    fn lower(&mut self, s: &str) -> Option<Sym> {
        if !has_upper(s) {
            return self.exact(s);
        }
        let mut buf = std::mem::take(&mut self.scratch);
        buf.clear();
        if s.is_ascii() {
            buf.push_str(s);
            buf.make_ascii_lowercase();
        } else {
            buf.push_str(&s.to_lowercase());
        }
        let id = self.exact(&buf);
        self.scratch = buf;
        id
    }
    fn find_exact(&self, s: &str) -> Option<Sym> {
        self.map.get(s).copied()
    }
    fn find_lower(&self, s: &str) -> Option<Sym> {
        if has_upper(s) {
            self.map.get(&s.to_lowercase()).copied()
        } else {
            self.map.get(s).copied()
        }
    }
}

/// A credential's fields as symbols, plus its sortable date keys: computed
/// once per evaluation.
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    achievement_ids: Vec<Sym>,
    achievement_type: Option<Sym>,
    issuer_id: Option<Sym>,
    issuer_name: Option<Sym>,
    tags: Vec<Sym>,
    /// (code, url, framework, name)
    alignments: Vec<[Option<Sym>; 4]>,
    pub(crate) issued_key: Option<String>,
    pub(crate) expires_key: Option<String>,
}

const F_ACH: usize = 0;
const F_TYPE: usize = 1;
const F_ISSUER: usize = 2;
const F_TAG: usize = 3;
const F_CODE: usize = 4;
const F_URL: usize = 5;
const F_FRAMEWORK: usize = 6;
const F_NAME: usize = 7;
const FIELDS: usize = 8;

/// A [`Match`] resolved to symbols. `impossible` when a field's value occurs
/// in no credential at all.
#[derive(Debug)]
pub(crate) struct Query {
    impossible: bool,
    achievement_id: Option<Sym>,
    achievement_type: Option<Sym>,
    /// (exact id, lowercased name): either may match.
    issuer: Option<(Option<Sym>, Option<Sym>)>,
    tag: Option<Sym>,
    alignment: Option<[Option<Sym>; 4]>,
}

/// Posting lists: for each field and symbol, the indices of the items that
/// have it (ascending, without repeats).
#[derive(Debug, Default)]
pub struct Index {
    strings: Interner,
    postings: [FxMap<Sym, Vec<u32>>; FIELDS],
    pub(crate) prepared: Vec<Prepared>,
}

fn post(map: &mut FxMap<Sym, Vec<u32>>, key: Sym, i: usize) {
    let v = map.entry(key).or_default();
    if v.last() != Some(&(i as u32)) {
        v.push(i as u32);
    }
}

fn same(want: Option<Sym>, have: Option<Sym>) -> bool {
    want.is_none() || want == have
}

impl Index {
    /// Indexes every field value of `items`.
    pub fn new(items: &[Item]) -> Index {
        Index::build(items, Interner::default())
    }

    /// Indexes only the field values that `pathways` ask for (faster).
    pub fn for_pathways(items: &[Item], pathways: &[crate::format::Pathway]) -> Index {
        use crate::format::{Node, NodeKind};
        fn walk(n: &Node, s: &mut Interner) {
            match &n.kind {
                NodeKind::All(c) | NodeKind::Any(c) | NodeKind::NOf { of: c, .. } => {
                    c.iter().for_each(|c| walk(c, s));
                }
                NodeKind::Pathway(_) => {}
                NodeKind::Match { criteria: m, .. } => {
                    let ex = |v: &Option<String>, s: &mut Interner| {
                        if let Some(v) = v {
                            s.exact(v);
                        }
                    };
                    let lo = |v: &Option<String>, s: &mut Interner| {
                        if let Some(v) = v {
                            s.lower(v);
                        }
                    };
                    ex(&m.achievement_id, s);
                    lo(&m.achievement_type, s);
                    ex(&m.issuer, s);
                    lo(&m.issuer, s);
                    lo(&m.tag, s);
                    if let Some(a) = &m.alignment {
                        lo(&a.target_code, s);
                        ex(&a.target_url, s);
                        lo(&a.target_framework, s);
                        lo(&a.target_name, s);
                    }
                }
            }
        }
        let mut s = Interner::default();
        for p in pathways {
            walk(&p.requirements, &mut s);
        }
        s.frozen = true;
        Index::build(items, s)
    }

    fn build(items: &[Item], strings: Interner) -> Index {
        let mut ix = Index {
            strings,
            ..Index::default()
        };
        ix.prepared.reserve(items.len());
        let date = |d: &Option<String>| d.as_deref().map(wallet_core::library::date_key);
        let counts = copies_that_count(items);
        for (i, it) in items.iter().enumerate() {
            let s = &mut ix.strings;
            let p = Prepared {
                achievement_ids: it
                    .achievement_ids
                    .iter()
                    .filter_map(|x| s.exact(x))
                    .collect(),
                achievement_type: it.achievement_type.as_deref().and_then(|x| s.lower(x)),
                issuer_id: it.issuer_id.as_deref().and_then(|x| s.exact(x)),
                issuer_name: it.issuer_name.as_deref().and_then(|x| s.lower(x)),
                tags: it.tags.iter().filter_map(|x| s.lower(x)).collect(),
                alignments: it
                    .alignments
                    .iter()
                    .map(|a| {
                        [
                            a.target_code.as_deref().and_then(|x| s.lower(x)),
                            a.target_url.as_deref().and_then(|x| s.exact(x)),
                            a.target_framework.as_deref().and_then(|x| s.lower(x)),
                            a.target_name.as_deref().and_then(|x| s.lower(x)),
                        ]
                    })
                    .filter(|a| a.iter().any(Option::is_some))
                    .collect(),
                issued_key: date(&it.issued),
                expires_key: date(&it.expires),
            };
            if !counts[i] {
                // A second copy of a credential: never a candidate (see copies_that_count).
                ix.prepared.push(p);
                continue;
            }
            let pl = &mut ix.postings;
            for &x in &p.achievement_ids {
                post(&mut pl[F_ACH], x, i);
            }
            if let Some(x) = p.achievement_type {
                post(&mut pl[F_TYPE], x, i);
            }
            for x in [p.issuer_id, p.issuer_name].into_iter().flatten() {
                post(&mut pl[F_ISSUER], x, i);
            }
            for &x in &p.tags {
                post(&mut pl[F_TAG], x, i);
            }
            for a in &p.alignments {
                for (f, x) in [F_CODE, F_URL, F_FRAMEWORK, F_NAME].into_iter().zip(a) {
                    if let Some(x) = *x {
                        post(&mut pl[f], x, i);
                    }
                }
            }
            ix.prepared.push(p);
        }
        ix
    }

    pub(crate) fn query(&self, m: &Match) -> Query {
        let s = &self.strings;
        let mut impossible = false;
        let mut exact = |v: &Option<String>| {
            v.as_deref().map(|x| {
                let r = s.find_exact(x);
                impossible |= r.is_none();
                r.unwrap_or(Sym::MAX)
            })
        };
        let achievement_id = exact(&m.achievement_id);
        let url = m.alignment.as_ref().map(|a| exact(&a.target_url));
        let mut lower = |v: &Option<String>| {
            v.as_deref().map(|x| {
                let r = s.find_lower(x);
                impossible |= r.is_none();
                r.unwrap_or(Sym::MAX)
            })
        };
        let achievement_type = lower(&m.achievement_type);
        let tag = lower(&m.tag);
        let alignment = m.alignment.as_ref().map(|a| {
            [
                lower(&a.target_code),
                url.flatten(),
                lower(&a.target_framework),
                lower(&a.target_name),
            ]
        });
        let issuer = m
            .issuer
            .as_deref()
            .map(|x| (s.find_exact(x), s.find_lower(x)));
        if issuer == Some((None, None)) {
            impossible = true;
        }
        Query {
            impossible,
            achievement_id,
            achievement_type,
            issuer,
            tag,
            alignment,
        }
    }

    /// A superset of the items matching `q`, ascending: the shortest posting
    /// list among its fields (`issuer` merges the id and name lists).
    /// Callers confirm each with [`Index::matches`].
    pub(crate) fn candidates(&self, q: &Query) -> Vec<u32> {
        static EMPTY: Vec<u32> = Vec::new();
        if q.impossible {
            return Vec::new();
        }
        let get = |f: usize, k: Sym| self.postings[f].get(&k).unwrap_or(&EMPTY);
        let mut best: Option<&Vec<u32>> = None;
        let mut lists: [Option<&Vec<u32>>; 7] = [None; 7];
        lists[0] = q.achievement_id.map(|k| get(F_ACH, k));
        lists[1] = q.achievement_type.map(|k| get(F_TYPE, k));
        lists[2] = q.tag.map(|k| get(F_TAG, k));
        if let Some(a) = &q.alignment {
            for (slot, (f, k)) in [F_CODE, F_URL, F_FRAMEWORK, F_NAME]
                .into_iter()
                .zip(a)
                .enumerate()
            {
                lists[3 + slot] = k.map(|k| get(f, k));
            }
        }
        for l in lists.into_iter().flatten() {
            if best.is_none_or(|b| l.len() < b.len()) {
                best = Some(l);
            }
        }
        if let Some(b) = best {
            return b.clone();
        }
        let Some((id, name)) = q.issuer else {
            return Vec::new();
        };
        let mut out: Vec<u32> = Vec::new();
        for k in [id, name].into_iter().flatten() {
            out.extend_from_slice(get(F_ISSUER, k));
        }
        if id.is_some() && name.is_some() && id != name {
            out.sort_unstable();
            out.dedup();
        }
        out
    }

    /// Whether item `i` matches `q` (integer comparisons only).
    pub(crate) fn matches(&self, q: &Query, i: usize) -> bool {
        let p = &self.prepared[i];
        !q.impossible
            && q.achievement_id
                .is_none_or(|id| p.achievement_ids.contains(&id))
            && same(q.achievement_type, p.achievement_type)
            && q.issuer.is_none_or(|(id, name)| {
                (id.is_some() && id == p.issuer_id) || (name.is_some() && name == p.issuer_name)
            })
            && q.tag.is_none_or(|t| p.tags.contains(&t))
            && q.alignment.is_none_or(|want| {
                p.alignments
                    .iter()
                    .any(|have| want.iter().zip(have).all(|(w, h)| same(*w, *h)))
            })
    }
}
