//! RDFC-1.0 canonical N-Quads for the common case, written for speed.
//!
//! Why this is hand-written beside the `rdf-canon` crate (which implements the
//! whole algorithm and stays the fallback): `rdf-canon` builds an indexed
//! `oxrdf::Dataset`, clones every quad into per-blank-node lists, formats each
//! quad again for every hash and once more to sort and print, and relabels
//! into a second dataset. In WebAssembly that made canonicalization most of a
//! credential's verification time (see README.md, Speed). Here each term is
//! formatted once (with oxrdf's own N-Quads `Display`, so the text is exactly
//! the crate's) and blank nodes are indices.
//!
//! Covered: RDFC-1.0 §4.4.3 steps 1–4 and 6 — first-degree hashes (§4.6) and
//! canonical labels in hash order — which is the whole algorithm when every
//! blank node's first-degree hash is unique, as in credentials where each
//! blank node has its own properties. Anything else returns `None` and the
//! caller uses `rdf-canon`: two blank nodes with the same first-degree hash
//! (Hash N-Degree Quads, §4.8, is needed), a blank node in two positions of
//! one quad, RDF-star terms. Differential tests: `tests/rdfc_suite.rs` (the
//! W3C test suite and every fixture, against `rdf-canon`).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use oxrdf::{GraphName, Quad, Subject, Term};
use sha2::{Digest, Sha256};

/// One quad component: N-Quads text, or a blank node by index.
enum Part {
    Text(String),
    Blank(usize),
}

struct Q {
    s: Part,
    p: String,
    o: Part,
    g: Option<Part>,
}

/// Canonical N-Quads of `quads`, or `None` when the input needs the full
/// algorithm (see the module documentation).
pub fn canonicalize_simple(quads: &[Quad]) -> Option<String> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    // Dedupe (a dataset is a set) while keeping the input order.
    let mut seen: HashSet<&Quad> = HashSet::with_capacity(quads.len());
    let mut qs: Vec<Q> = Vec::with_capacity(quads.len());
    for q in quads {
        if !seen.insert(q) {
            continue;
        }
        let s = match &q.subject {
            Subject::NamedNode(n) => Part::Text(n.to_string()),
            Subject::BlankNode(b) => Part::Blank(index(&mut ids, b.as_str())),
            #[allow(unreachable_patterns)]
            _ => return None,
        };
        let o = match &q.object {
            Term::NamedNode(n) => Part::Text(n.to_string()),
            Term::Literal(l) => Part::Text(l.to_string()),
            Term::BlankNode(b) => Part::Blank(index(&mut ids, b.as_str())),
            #[allow(unreachable_patterns)]
            _ => return None,
        };
        let g = match &q.graph_name {
            GraphName::DefaultGraph => None,
            GraphName::NamedNode(n) => Some(Part::Text(n.to_string())),
            GraphName::BlankNode(b) => Some(Part::Blank(index(&mut ids, b.as_str()))),
        };
        qs.push(Q {
            s,
            p: q.predicate.to_string(),
            o,
            g,
        });
    }
    let n = ids.len();

    // Blank node → the quads that mention it (each quad once per node).
    let mut of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, q) in qs.iter().enumerate() {
        let mut here = [usize::MAX; 3];
        for (k, part) in [Some(&q.s), Some(&q.o), q.g.as_ref()]
            .into_iter()
            .enumerate()
        {
            if let Some(Part::Blank(b)) = part {
                if here.contains(b) {
                    // Same blank node twice in one quad: rdf-canon's reading of
                    // §4.4.3 step 2 applies; leave it to the crate.
                    return None;
                }
                here[k] = *b;
                of[*b].push(i);
            }
        }
    }

    // First-degree hashes (§4.6): the node itself is _:a, every other _:z.
    let mut hashes: Vec<([u8; 32], usize)> = Vec::with_capacity(n);
    let mut lines: Vec<String> = Vec::new();
    for (b, list) in of.iter().enumerate() {
        lines.clear();
        for &i in list {
            let mut line = String::new();
            write_quad(&mut line, &qs[i], |x| {
                if x == b { "_:a" } else { "_:z" }.into()
            });
            lines.push(line);
        }
        lines.sort_unstable();
        let mut h = Sha256::new();
        for l in &lines {
            h.update(l.as_bytes());
        }
        hashes.push((h.finalize().into(), b));
    }
    // Hex digests sort like their bytes.
    hashes.sort_unstable();
    if hashes.windows(2).any(|w| w[0].0 == w[1].0) {
        return None;
    }
    let mut label = vec![0usize; n];
    for (k, (_, b)) in hashes.iter().enumerate() {
        label[*b] = k;
    }

    let mut out: Vec<String> = qs
        .iter()
        .map(|q| {
            let mut line = String::new();
            write_quad(&mut line, q, |x| format!("_:c14n{}", label[x]).into());
            line
        })
        .collect();
    // Code point order is byte order for UTF-8.
    out.sort_unstable();
    Some(out.concat())
}

fn write_quad<'a>(
    out: &mut String,
    q: &'a Q,
    blank: impl Fn(usize) -> std::borrow::Cow<'static, str>,
) {
    let part = |out: &mut String, p: &'a Part| match p {
        Part::Text(t) => out.push_str(t),
        Part::Blank(b) => out.push_str(&blank(*b)),
    };
    part(out, &q.s);
    out.push(' ');
    out.push_str(&q.p);
    out.push(' ');
    part(out, &q.o);
    if let Some(g) = &q.g {
        out.push(' ');
        part(out, g);
    }
    let _ = out.write_str(" .\n");
}

fn index<'q>(ids: &mut HashMap<&'q str, usize>, id: &'q str) -> usize {
    let n = ids.len();
    *ids.entry(id).or_insert(n)
}
