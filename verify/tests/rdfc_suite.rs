//! The W3C RDFC-1.0 test suite (`shared/vectors/w3c-rdf-canon/tests`) run
//! against the canonicalizer this crate uses (rdf-canon, with this crate's
//! call limit for SHA-256 tests).

use std::path::PathBuf;

use serde_json::Value;

fn suite() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/vectors/w3c-rdf-canon/tests"
    ));
    if p.join("manifest.jsonld").is_file() {
        Some(p)
    } else {
        eprintln!("SKIPPED: RDFC-1.0 test suite not found at {}", p.display());
        None
    }
}

fn parse(path: &PathBuf) -> Vec<oxrdf::Quad> {
    let bytes = std::fs::read(path).unwrap();
    oxttl::NQuadsParser::new()
        .for_slice(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn rdfc10_suite() {
    let Some(dir) = suite() else { return };
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.jsonld")).unwrap())
            .unwrap();
    let (mut passed, mut failed) = (0, Vec::new());
    for e in manifest["entries"].as_array().unwrap() {
        let ty = e["type"].as_str().unwrap();
        let id = e["id"].as_str().unwrap();
        let input = parse(&dir.join(e["action"].as_str().unwrap()));
        let sha384 = e.get("hashAlgorithm").and_then(Value::as_str) == Some("SHA384");
        let got = if sha384 {
            rdf_canon::canonicalize_quads_with::<sha2::Sha384>(
                &input,
                &rdf_canon::CanonicalizationOptions {
                    hndq_call_limit: Some(4000),
                },
            )
            .map_err(|e| e.to_string())
        } else {
            wallet_verify::jsonld::canonicalize_quads(&input).map_err(|e| e.to_string())
        };
        match ty {
            "rdfc:RDFC10EvalTest" => {
                let want =
                    std::fs::read_to_string(dir.join(e["result"].as_str().unwrap())).unwrap();
                match got {
                    Ok(g) if g == want => passed += 1,
                    Ok(g) => failed.push(format!("{id}: got\n{g}\nwant\n{want}")),
                    Err(err) => failed.push(format!("{id}: error {err}")),
                }
            }
            "rdfc:RDFC10NegativeEvalTest" => match got {
                Err(_) => passed += 1,
                Ok(_) => failed.push(format!("{id}: poisoned graph was accepted")),
            },
            "rdfc:RDFC10MapTest" => {
                let want: std::collections::HashMap<String, String> = serde_json::from_str(
                    &std::fs::read_to_string(dir.join(e["result"].as_str().unwrap())).unwrap(),
                )
                .unwrap();
                let options = rdf_canon::CanonicalizationOptions {
                    hndq_call_limit: Some(4000),
                };
                let map = if sha384 {
                    rdf_canon::issue_quads_with::<sha2::Sha384>(&input, &options)
                } else {
                    rdf_canon::issue_quads_with::<sha2::Sha256>(&input, &options)
                };
                match map {
                    Ok(m) if m == want => passed += 1,
                    Ok(m) => failed.push(format!("{id}: map {m:?}, want {want:?}")),
                    Err(err) => failed.push(format!("{id}: error {err}")),
                }
            }
            other => failed.push(format!("{id}: unknown test type {other}")),
        }
    }
    eprintln!("RDFC-1.0 suite: {passed} passed, {} failed", failed.len());
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The fast RDFC (`rdfc.rs`) against the whole algorithm (`rdf-canon`) on every
/// suite input it accepts; the rest must be declined, never answered wrongly.
#[test]
fn fast_rdfc_agrees_with_rdf_canon_on_the_suite() {
    let Some(dir) = suite() else { return };
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.jsonld")).unwrap())
            .unwrap();
    let (mut fast, mut declined, mut failed) = (0, 0, Vec::new());
    for e in manifest["entries"].as_array().unwrap() {
        let id = e["id"].as_str().unwrap();
        let input = parse(&dir.join(e["action"].as_str().unwrap()));
        let Some(got) = wallet_verify::rdfc::canonicalize_simple(&input) else {
            declined += 1;
            continue;
        };
        fast += 1;
        match wallet_verify::jsonld::canonicalize_quads_full(&input) {
            Ok(want) if want == got => {}
            other => failed.push(format!("{id}: fast\n{got}\nrdf-canon {other:?}")),
        }
    }
    eprintln!("fast RDFC on the suite: {fast} agree-or-fail checked, {declined} declined");
    assert!(
        fast >= 20,
        "the fast path handled too few suite inputs: {fast}"
    );
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
