//! Differential test of the fast JSON-LD → RDF path (`src/fastld.rs`)
//! against the json-ld crate path, over every JSON document the repo can
//! reach and mutated variants of them. For each document, the canonical
//! N-Quads (RDFC-1.0) of both must be identical, or the errors identical, or
//! the fast path must fall back. Zero mismatches allowed. The same documents
//! also check the wallet's JCS writer (`src/jcs.rs`) against `serde_jcs`.
//!
//! Sources: `../../shared/vectors` (every `.json`/`.jsonld` with an
//! `@context`; for documents with proofs also the unsecured document and each
//! proof configuration), `public/demo/*.json`, the documents written by
//! `node tests/interop/sign.mjs` (when node and `tests/interop/node_modules`
//! are present). Each source skips loudly when absent.

mod common;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use wallet_verify::jsonld::{LdEngine, canonicalize_quads, canonicalize_quads_full};

fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "node_modules") {
                continue;
            }
            json_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json" || e == "jsonld") {
            out.push(p);
        }
    }
}

fn read_docs(files: &[PathBuf], tag: &str, docs: &mut Vec<(String, Value)>) {
    for f in files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        add_with_derived(&format!("{tag}:{}", f.display()), v, docs);
    }
}

/// The document, its unsecured form and its proof configurations.
fn add_with_derived(name: &str, v: Value, docs: &mut Vec<(String, Value)>) {
    let Some(obj) = v.as_object() else { return };
    let Some(ctx) = obj.get("@context").cloned() else {
        return;
    };
    if let Some(proof) = obj.get("proof") {
        let mut unsecured = obj.clone();
        unsecured.remove("proof");
        docs.push((format!("{name}#unsecured"), Value::Object(unsecured)));
        let proofs: Vec<&Value> = match proof {
            Value::Array(a) => a.iter().collect(),
            p => vec![p],
        };
        for (i, p) in proofs.into_iter().enumerate() {
            if let Some(p) = p.as_object() {
                let mut config = p.clone();
                config.remove("proofValue");
                config.insert("@context".into(), ctx.clone());
                docs.push((format!("{name}#proofconfig{i}"), Value::Object(config)));
            }
        }
    }
    docs.push((name.to_string(), v));
}

fn interop_docs() -> Option<Vec<PathBuf>> {
    let out = common::run_interop_script("sign.mjs", "@digitalbazaar/vc", "interop documents")?;
    let mut files = Vec::new();
    json_files(&out, &mut files);
    Some(files)
}

/// Every object node in the document, by JSON pointer-ish path of keys.
fn object_paths(v: &Value, path: &mut Vec<PathSeg>, out: &mut Vec<Vec<PathSeg>>) {
    match v {
        Value::Object(o) => {
            out.push(path.clone());
            for (k, c) in o {
                if k == "@context" {
                    continue;
                }
                path.push(PathSeg::Key(k.clone()));
                object_paths(c, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                path.push(PathSeg::Index(i));
                object_paths(c, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathSeg {
    Key(String),
    Index(usize),
}

fn at_mut<'a>(v: &'a mut Value, path: &[PathSeg]) -> &'a mut Value {
    let mut cur = v;
    for s in path {
        cur = match s {
            PathSeg::Key(k) => cur.get_mut(k.as_str()).unwrap(),
            PathSeg::Index(i) => cur.get_mut(*i).unwrap(),
        };
    }
    cur
}

fn replacement_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(42),
        json!(-7),
        json!(1.5),
        json!(1.0),
        json!(9007199254740993u64),
        json!(true),
        json!(false),
        json!("plain string"),
        json!("https://example.com/x"),
        json!("relative/path"),
        json!("_:b7"),
        json!([]),
        json!(["a", "a"]),
        json!([1, "two", null, false]),
        json!({}),
        json!({"id": "_:b7"}),
        json!({"id": "https://example.com/n", "type": "Profile", "name": "n"}),
        json!({"type": ["Achievement"], "name": "x", "unknownTerm": 1}),
        json!({"@value": "x", "@language": "en"}),
        json!({"en": "x", "fr": "y"}),
        json!({"@list": ["a"]}),
        json!([["nested"]]),
        json!({"@context": {"foo": "https://example.com/foo"}, "foo": "bar"}),
        json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential", "name": "n"}),
        json!({"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"], "type": ["Achievement"], "name": "n", "creditsAvailable": 3}),
        json!({"@context": "https://example.com/unbundled", "name": "n"}),
        json!({"@context": null, "name": "n"}),
        // Safe mode (issue 11): what JSON-LD would drop must be an error on the slow path,
        // and the fast path must never answer for it.
        json!(""),
        json!({"id": "relative-node", "type": ["Achievement"], "name": "n"}),
        json!([{"id": "rel-a", "name": "n"}, "plain"]),
        json!({"id": "https://example.com/ok", "image": "rel.png"}),
        json!({"@value": "x", "@direction": "rtl"}),
        json!({"@value": null}),
        json!({"@value": "x", "@language": "not a tag"}),
        json!({"@value": "x", "@type": "rel-type"}),
        json!({"@included": [{"id": "rel-inc", "name": "n"}]}),
        json!({"@graph": [{"id": "rel-g", "name": "n"}]}),
        json!({"@reverse": {"https://example.com/r": {"id": "rel-r"}}}),
        json!({"_:p": "x"}),
        json!({"@foo": "x"}),
        json!({"@context": {"@vocab": "rel/"}, "bogus": "x"}),
        json!({"@context": {"t": "rel-term"}, "t": "x"}),
    ]
}

/// Mutated variants: at every object, add an undefined term, add `type`
/// duplicates / unknown types, and replace every entry's value in turn.
fn mutations(doc: &Value, heavy: bool) -> Vec<(String, Value)> {
    let mut paths = Vec::new();
    object_paths(doc, &mut Vec::new(), &mut paths);
    let repl = replacement_values();
    let mut out = Vec::new();
    for p in &paths {
        let mut d = doc.clone();
        at_mut(&mut d, p)
            .as_object_mut()
            .unwrap()
            .insert("undefinedTermXyz".into(), json!("v"));
        out.push((format!("{p:?}+undefined"), d));

        let mut d = doc.clone();
        let o = at_mut(&mut d, p).as_object_mut().unwrap();
        if let Some(t) = o.get("type").cloned() {
            o.insert("type".into(), json!([t.clone(), t]));
            out.push((format!("{p:?}+duptype"), d.clone()));
            at_mut(&mut d, p)
                .as_object_mut()
                .unwrap()
                .insert("type".into(), json!("NoSuchType"));
            out.push((format!("{p:?}+unknowntype"), d));
        }
        if !heavy {
            continue;
        }
        for (label, key, value) in [
            ("relid", "id", json!("relative-id")),
            ("atkey", "@injected", json!("v")),
            ("blankprop", "_:p", json!("v")),
        ] {
            let mut d = doc.clone();
            at_mut(&mut d, p)
                .as_object_mut()
                .unwrap()
                .insert(key.into(), value);
            out.push((format!("{p:?}+{label}"), d));
        }
        let keys: Vec<String> = at_mut(&mut doc.clone(), p)
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k != "@context")
            .cloned()
            .collect();
        for k in keys {
            for (i, r) in repl.iter().enumerate() {
                let mut d = doc.clone();
                at_mut(&mut d, p)
                    .as_object_mut()
                    .unwrap()
                    .insert(k.clone(), r.clone());
                out.push((format!("{p:?}.{k}={i}"), d));
            }
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    same: usize,
    same_error: usize,
    fallback: usize,
    /// Documents whose canonical form came from the fast RDFC.
    fast_rdfc: usize,
    mismatches: Vec<String>,
    fallback_reasons: Vec<String>,
}

fn compare(engine: &LdEngine, name: &str, doc: &Value, t: &mut Tally) {
    // JCS (eddsa-jcs-2022): the wallet's writer against serde_jcs on the same document.
    let mut jcs = Vec::new();
    wallet_verify::jcs::value(&mut jcs, doc);
    if jcs != serde_jcs::to_vec(doc).unwrap() {
        t.mismatches
            .push(format!("{name}: JCS differs from serde_jcs"));
    }
    // The reference: the json-ld crate and the whole rdf-canon algorithm. The
    // fast side: fastld and, where it applies, the fast RDFC (`rdfc.rs`).
    let slow = engine
        .to_quads_slow(doc)
        .and_then(|q| canonicalize_quads_full(&q));
    match engine.to_quads_fast(doc) {
        Err(e) => match &slow {
            Err(s) if *s == e => t.same_error += 1,
            _ => t
                .mismatches
                .push(format!("{name}: fast error {e:?}, slow {slow:?}")),
        },
        Ok(Err(reason)) => {
            t.fallback += 1;
            t.fallback_reasons.push(format!("{name}: {}", reason.0));
        }
        Ok(Ok(q)) => {
            if wallet_verify::rdfc::canonicalize_simple(&q).is_some() {
                t.fast_rdfc += 1;
            }
            let fast = canonicalize_quads(&q);
            if fast == slow {
                t.same += 1;
            } else {
                t.mismatches
                    .push(format!("{name}:\n--- fast\n{fast:?}\n--- slow\n{slow:?}"));
            }
        }
    }
}

#[test]
fn fast_path_matches_json_ld_crate() {
    let mut docs: Vec<(String, Value)> = Vec::new();
    let vectors = repo_root().join("../shared/vectors");
    if vectors.is_dir() {
        let mut files = Vec::new();
        json_files(&vectors, &mut files);
        read_docs(&files, "vectors", &mut docs);
    } else {
        eprintln!("SKIPPED: {} absent", vectors.display());
    }
    let demo = repo_root().join("public/demo");
    if demo.is_dir() {
        let mut files = Vec::new();
        json_files(&demo, &mut files);
        read_docs(&files, "demo", &mut docs);
    } else {
        eprintln!("SKIPPED: {} absent", demo.display());
    }
    if let Some(files) = interop_docs() {
        read_docs(&files, "interop", &mut docs);
    }
    let engine = LdEngine::new();
    let mut base = Tally::default();
    for (name, doc) in &docs {
        compare(&engine, name, doc, &mut base);
    }
    // Mutations: light ones on every document, the full value-replacement
    // set on one document per distinct top-level @context list (plus proof
    // configurations), to bound the run time.
    let mut heavy_seen = std::collections::HashSet::new();
    let mut muts = Tally::default();
    let quick = std::env::var_os("FASTLD_QUICK").is_some();
    for (name, doc) in docs.iter().filter(|_| !quick) {
        let key = format!(
            "{}{}",
            doc.get("@context")
                .map(|c| c.to_string())
                .unwrap_or_default(),
            name.contains("#proofconfig")
        );
        let heavy = heavy_seen.insert(key);
        for (m, d) in mutations(doc, heavy) {
            compare(&engine, &format!("{name} {m}"), &d, &mut muts);
        }
    }
    for (label, t) in [("corpus", &base), ("mutations", &muts)] {
        eprintln!(
            "{label}: {} documents: {} identical ({} through the fast RDFC), {} identical errors, {} fallbacks ({:.1}%), {} mismatches",
            t.same + t.same_error + t.fallback + t.mismatches.len(),
            t.same,
            t.fast_rdfc,
            t.same_error,
            t.fallback,
            100.0 * t.fallback as f64
                / (t.same + t.same_error + t.fallback + t.mismatches.len()).max(1) as f64,
            t.mismatches.len()
        );
    }
    for f in base.fallback_reasons.iter().take(40) {
        eprintln!("corpus fallback: {f}");
    }
    let all: Vec<&String> = base
        .mismatches
        .iter()
        .chain(muts.mismatches.iter())
        .collect();
    for m in all.iter().take(20) {
        eprintln!("MISMATCH {m}");
    }
    assert!(all.is_empty(), "{} mismatches", all.len());
}
