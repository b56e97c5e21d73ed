//! Forgery by omission: content added to a genuine credential that JSON-LD processing would
//! drop, ignore or read two ways must never leave the credential `verified` (issue 11).
//!
//! Each case adds hostile content to a signed credential (eddsa-rdfc-2022 on VC 2.0, and
//! Ed25519Signature2020) without touching what was signed. Before safe mode, the canonical
//! N-Quads of most of these were unchanged, so the signature still checked and the wallet
//! showed the injected achievement, criteria, alignment, evidence… as verified. The table
//! says, for each, which words the report must contain: the place safe mode names, or the
//! signature mismatch when the addition does reach the signed graph.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Value, json};
use wallet_core::{Credential, Original};
use wallet_verify::{Outcome, Report, Status, VerifyContext, verify};

const NOW: &str = "2025-11-23T12:00:00Z";

fn repo() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn run(c: &Credential) -> Report {
    let resolved: HashMap<String, Value> = HashMap::new();
    verify(
        c,
        &VerifyContext {
            now: NOW,
            skew_seconds: 300,
            resolved: &resolved,
            trusted_issuers: &[],
        },
    )
}

/// The genuine credential and a copy whose stored original is `text`.
fn with_text(genuine: &Credential, text: String) -> Credential {
    Credential {
        original: Original::Json(text),
        ..genuine.clone()
    }
}

/// Every message of the report, for matching.
fn messages(r: &Report) -> String {
    let mut s = String::new();
    for c in &r.checks {
        s.push_str(&c.message);
        s.push('\n');
    }
    for p in &r.proofs {
        s.push_str(&p.message);
        s.push('\n');
    }
    s
}

fn subject(d: &mut Value) -> &mut serde_json::Map<String, Value> {
    d["credentialSubject"].as_object_mut().unwrap()
}

/// Make `key` of `obj` an array with `extra` first and the signed value(s) after.
fn prepend(obj: &mut serde_json::Map<String, Value>, key: &str, extra: Value) {
    let old = obj.remove(key);
    let mut list = vec![extra];
    match old {
        Some(Value::Array(a)) => list.extend(a),
        Some(v) => list.push(v),
        None => {}
    }
    obj.insert(key.into(), Value::Array(list));
}

fn achievement(d: &mut Value) -> &mut serde_json::Map<String, Value> {
    let a = &mut d["credentialSubject"]["achievement"];
    if a.is_array() {
        a[0].as_object_mut().unwrap()
    } else {
        a.as_object_mut().unwrap()
    }
}

/// The issue's forgery: a first achievement with relative ids, a doctorate's name, injected
/// criteria and an alignment.
fn fake_achievement() -> Value {
    json!({
        "id": "fake-achievement",
        "type": ["Achievement"],
        "name": "Doctor of Philosophy",
        "achievementType": "Doctorate",
        "description": "Injected description",
        "criteria": {"id": "fake-criteria", "narrative": "Injected criteria"},
        "alignment": [{"id": "fake-alignment", "type": ["Alignment"], "targetName": "Injected skill", "targetUrl": "https://evil.example/skill"}]
    })
}

type Mutation = fn(&mut Value);

/// (name, mutation, words the report must contain)
fn cases() -> Vec<(&'static str, Mutation, &'static str)> {
    vec![
        (
            "relative achievement id, first in the array",
            |d| prepend(subject(d), "achievement", fake_achievement()),
            "fake-achievement",
        ),
        (
            "relative evidence id",
            |d| {
                let o = d.as_object_mut().unwrap();
                prepend(
                    o,
                    "evidence",
                    json!({"id": "ev-1", "type": ["Evidence"], "name": "Injected evidence", "narrative": "x"}),
                )
            },
            "ev-1",
        ),
        (
            "relative endorsement id",
            |d| {
                prepend(
                    achievement(d),
                    "endorsement",
                    json!({"id": "endorse-1", "type": ["VerifiableCredential", "EndorsementCredential"], "name": "Injected endorsement"}),
                )
            },
            "endorse-1",
        ),
        (
            "relative result id",
            |d| {
                prepend(
                    subject(d),
                    "result",
                    json!({"id": "res-1", "type": ["Result"], "value": "A+"}),
                )
            },
            "res-1",
        ),
        (
            "relative id nested under a blank node",
            |d| {
                prepend(
                    subject(d),
                    "result",
                    json!({"type": ["Result"], "achievedLevel": "lvl", "value": "A+", "resultDescription": "rd-relative"}),
                )
            },
            "signature does not match",
        ),
        (
            "relative criteria id inside the signed achievement",
            |d| {
                prepend(
                    achievement(d),
                    "alignment",
                    json!({"id": "align-rel", "type": ["Alignment"], "targetName": "Injected", "targetUrl": "https://evil.example"}),
                )
            },
            "align-rel",
        ),
        (
            "empty-string id",
            |d| {
                prepend(
                    subject(d),
                    "achievement",
                    json!({"id": "", "type": ["Achievement"], "name": "Doctor of Philosophy"}),
                )
            },
            "relative or invalid",
        ),
        (
            "id with a space",
            |d| {
                prepend(
                    subject(d),
                    "achievement",
                    json!({"id": "urn:x y", "type": ["Achievement"], "name": "Doctor of Philosophy"}),
                )
            },
            "urn:x y",
        ),
        (
            "relative @id through the keyword",
            |d| {
                prepend(
                    subject(d),
                    "achievement",
                    json!({"@id": "rel", "type": ["Achievement"], "name": "Doctor of Philosophy"}),
                )
            },
            "rel",
        ),
        (
            "relative image id (@type: @id value)",
            |d| prepend(achievement(d), "image", json!("evil.png")),
            "evil.png",
        ),
        (
            "@included with a relative id",
            |d| {
                d.as_object_mut().unwrap().insert("@included".into(), json!([{"id": "inc-1", "type": ["Achievement"], "name": "Doctor of Philosophy"}]));
            },
            "inc-1",
        ),
        (
            "blank node property",
            |d| {
                achievement(d).insert("_:injected".into(), json!("Doctor of Philosophy"));
            },
            "blank node",
        ),
        (
            "unknown @ keyword",
            |d| {
                achievement(d).insert("@injected".into(), json!("Doctor of Philosophy"));
            },
            "injected",
        ),
        (
            "undefined term",
            |d| {
                achievement(d).insert("injectedTerm".into(), json!("Doctor of Philosophy"));
            },
            "injectedTerm",
        ),
        (
            // A value's direction is signed (rdfDirection i18n-datatype, tests/i18n.rs): an
            // added one is a different graph, so the signature fails.
            "value with @direction added to a signed name",
            |d| {
                prepend(
                    achievement(d),
                    "name",
                    json!({"@value": "Doctor of Philosophy", "@direction": "rtl"}),
                )
            },
            "",
        ),
        (
            "null @direction on a node",
            |d| {
                achievement(d).insert("@direction".into(), Value::Null);
            },
            "@direction",
        ),
        (
            "context-only keyword holding a relative node",
            |d| {
                achievement(d).insert(
                    "@version".into(),
                    json!({"id": "#fake", "name": "Injected"}),
                );
            },
            "@version",
        ),
        (
            "upper-case keyword look-alike",
            |d| {
                achievement(d).insert(
                    "@ID".into(),
                    json!({"id": "https://evil.example/x", "name": "Injected"}),
                );
            },
            "@ID",
        ),
        (
            "value with a malformed @language",
            |d| {
                prepend(
                    achievement(d),
                    "name",
                    json!({"@value": "Doctor of Philosophy", "@language": "not a tag"}),
                )
            },
            "not a tag",
        ),
        (
            "null @value",
            |d| prepend(achievement(d), "name", json!({"@value": null})),
            "null",
        ),
        (
            "@reverse with a relative node",
            |d| {
                achievement(d).insert("@reverse".into(), json!({"https://example.org/vocab#endorses": {"id": "rev-1", "name": "Injected"}}));
            },
            "rev-1",
        ),
        (
            "@graph with a relative node",
            |d| {
                achievement(d).insert("@graph".into(), json!([{"id": "g-1", "name": "Injected"}]));
            },
            "",
        ),
        (
            "relative @type",
            |d| {
                prepend(
                    subject(d),
                    "achievement",
                    json!({"id": "https://evil.example/a", "type": ["./Achievement"], "name": "Doctor of Philosophy"}),
                )
            },
            "",
        ),
        (
            "value object with a relative @type",
            |d| {
                prepend(
                    achievement(d),
                    "name",
                    json!({"@value": "Doctor of Philosophy", "@type": "rel-type"}),
                )
            },
            "",
        ),
        (
            "embedded context with a relative @vocab",
            |d| {
                prepend(
                    subject(d),
                    "achievement",
                    json!({"@context": {"@vocab": "rel/"}, "id": "https://evil.example/a", "bogus": "Doctor of Philosophy"}),
                )
            },
            "",
        ),
        (
            "embedded context redefining a term to a relative IRI",
            |d| {
                prepend(
                    subject(d),
                    "achievement",
                    json!({"@context": {"injected": "rel-term"}, "id": "https://evil.example/a", "injected": "Doctor of Philosophy"}),
                )
            },
            "",
        ),
        (
            "embedded context with a reserved @term",
            |d| {
                prepend(
                    subject(d),
                    "achievement",
                    json!({"@context": {"@injected": "https://evil.example/p"}, "id": "https://evil.example/a", "@injected": "Doctor of Philosophy"}),
                )
            },
            "",
        ),
    ]
}

fn genuine(path: &PathBuf) -> Option<(Credential, Value)> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(_) => {
            eprintln!("SKIPPED: {} absent", path.display());
            return None;
        }
    };
    let c = wallet_core::parse_credential(&text).expect("genuine credential parses");
    let r = run(&c);
    assert_eq!(r.status, Status::Verified, "{}: {:#?}", path.display(), r);
    Some((c, serde_json::from_str(&text).unwrap()))
}

#[test]
fn content_outside_the_signed_graph_is_never_verified() {
    let files = [
        repo().join("public/demo/01-intro-to-sql.json"),
        repo().join("public/demo/06-agile-project-fundamentals.json"),
        repo().join("../shared/vectors/dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didKey/legacy-noStatus-noExpiry-stringIssuerId.json"),
    ];
    let mut failures = Vec::new();
    let mut tried = 0;
    for f in &files {
        let Some((c, doc)) = genuine(f) else { continue };
        for (name, mutate, words) in cases() {
            let mut d = doc.clone();
            mutate(&mut d);
            assert_ne!(d, doc, "{name}: the mutation changed nothing");
            let r = run(&with_text(&c, serde_json::to_string(&d).unwrap()));
            tried += 1;
            let all = messages(&r);
            let sig = r.check("signature").map(|c| c.outcome);
            if r.status == Status::Verified || sig == Some(Outcome::Pass) || !all.contains(words) {
                failures.push(format!(
                    "{} / {name}: status {:?}, signature {sig:?}, wanted {words:?} in:\n{all}",
                    f.file_name().unwrap().to_string_lossy(),
                    r.status
                ));
            }
        }
    }
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    eprintln!(
        "{tried} forgeries tried, {} let through or misreported",
        failures.len()
    );
    assert!(failures.is_empty());
}

#[test]
fn duplicate_member_names_are_refused_in_every_format() {
    let text = std::fs::read_to_string(repo().join("public/demo/01-intro-to-sql.json")).unwrap();
    let c = wallet_core::parse_credential(&text).unwrap();
    // The signed name last (what serde_json and JSON.parse keep), a forged one first, and
    // the reverse; at the top and nested.
    let forged = [
        text.replacen(
            "\"name\": \"Introduction to SQL\"",
            "\"name\": \"Doctor of Philosophy\", \"name\": \"Introduction to SQL\"",
            1,
        ),
        text.replacen(
            "\"name\": \"Introduction to SQL\"",
            "\"name\": \"Introduction to SQL\", \"name\": \"Doctor of Philosophy\"",
            1,
        ),
        text.replacen(
            "\"achievementType\": \"Course\"",
            "\"achievementType\": \"Doctorate\", \"achievementType\": \"Course\"",
            1,
        ),
    ];
    for t in &forged {
        assert_ne!(
            t, &text,
            "the fixture changed: the replacement did not apply"
        );
        let e =
            wallet_core::parse_credential(t).expect_err("a duplicate name is refused at import");
        assert!(e.to_string().contains("duplicate member name"), "{e}");
        let r = run(&with_text(&c, t.clone()));
        assert_eq!(r.status, Status::Invalid, "{r:#?}");
        assert!(messages(&r).contains("duplicate member name"), "{r:#?}");
    }
    // VC-JWT: a duplicate in the payload or the header.
    let jwt =
        std::fs::read_to_string(repo().join("public/demo/05-cloud-practitioner-essentials.jwt"))
            .unwrap();
    let jwt = jwt.trim();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let parts: Vec<&str> = jwt.split('.').collect();
    let payload = String::from_utf8(b64.decode(parts[1]).unwrap()).unwrap();
    let dup_payload = payload.replacen('{', "{\"iss\":\"did:example:forger\",", 1);
    let header = String::from_utf8(b64.decode(parts[0]).unwrap()).unwrap();
    let dup_header = header.replacen('{', "{\"alg\":\"none\",", 1);
    for forged in [
        format!("{}.{}.{}", parts[0], b64.encode(dup_payload), parts[2]),
        format!("{}.{}.{}", b64.encode(dup_header), parts[1], parts[2]),
    ] {
        let e = wallet_core::parse_credential(&forged).expect_err("refused at import");
        assert!(e.to_string().contains("duplicate member name"), "{e}");
    }
}

#[test]
fn a_bare_did_is_not_a_verification_method() {
    let text = std::fs::read_to_string(repo().join("public/demo/01-intro-to-sql.json")).unwrap();
    let c = wallet_core::parse_credential(&text).unwrap();
    let mut d: Value = serde_json::from_str(&text).unwrap();
    let vm = d["proof"]["verificationMethod"]
        .as_str()
        .unwrap()
        .to_string();
    let bare = vm.split('#').next().unwrap().to_string();
    d["proof"]["verificationMethod"] = json!(bare);
    let r = run(&with_text(&c, d.to_string()));
    assert_ne!(r.status, Status::Verified);
    assert!(
        messages(&r).contains("is a DID, not a verification method"),
        "{r:#?}"
    );
}

#[test]
fn an_unknown_context_means_could_not_be_checked_not_invalid() {
    let text = std::fs::read_to_string(repo().join("public/demo/01-intro-to-sql.json")).unwrap();
    let c = wallet_core::parse_credential(&text).unwrap();
    let mut d: Value = serde_json::from_str(&text).unwrap();
    d["@context"]
        .as_array_mut()
        .unwrap()
        .push(json!("https://unknown.example/context.json"));
    let r = run(&with_text(&c, d.to_string()));
    assert_eq!(r.status, Status::Unverified, "{r:#?}");
    assert_eq!(r.check("signature").unwrap().outcome, Outcome::NotChecked);
    assert!(messages(&r).contains("https://unknown.example/context.json"));
}

#[test]
fn too_many_proofs_are_refused_before_any_work() {
    let text = std::fs::read_to_string(repo().join("public/demo/01-intro-to-sql.json")).unwrap();
    let c = wallet_core::parse_credential(&text).unwrap();
    let mut d: Value = serde_json::from_str(&text).unwrap();
    let p = d["proof"].clone();
    d["proof"] = Value::Array(vec![p; wallet_verify::di::MAX_PROOFS + 1]);
    let r = run(&with_text(&c, d.to_string()));
    assert_eq!(r.status, Status::Invalid);
    assert!(messages(&r).contains("at most"), "{r:#?}");
    // At the bound, a set of identical valid proofs still verifies.
    d["proof"] = Value::Array(vec![d["proof"][0].clone(); wallet_verify::di::MAX_PROOFS]);
    assert_eq!(run(&with_text(&c, d.to_string())).status, Status::Verified);
}

#[test]
fn work_per_credential_is_bounded() {
    // Grown past the bounds, a credential is "too complex to check" (unverified) before any
    // JSON-LD work; on the fast path it may be larger than on the json-ld crate's path.
    let text = std::fs::read_to_string(repo().join("public/demo/01-intro-to-sql.json")).unwrap();
    let c = wallet_core::parse_credential(&text).unwrap();
    let grown = |n: usize, slow: bool| {
        let mut d: Value = serde_json::from_str(&text).unwrap();
        d["credentialSubject"]["achievement"]["alignment"] = Value::Array(
            (0..n)
                .map(|i| json!({"type": ["Alignment"], "targetName": format!("S{i}"), "targetUrl": format!("https://example.org/{i}")}))
                .collect(),
        );
        if slow {
            d["credentialSubject"]["achievement"]["description"] =
                json!({"@value": "x", "@language": "en"});
        }
        run(&with_text(&c, d.to_string()))
    };
    let max = wallet_verify::jsonld::MAX_VALUES;
    let max_slow = wallet_verify::jsonld::MAX_SLOW_VALUES;
    // (alignments, needs the slow path, too complex?) — each alignment is 5 JSON values, the
    // rest of the credential about a hundred.
    for (n, slow, too_complex) in [
        (max / 5 + 1, false, true),
        (max / 6, false, false),
        (max_slow / 5 + 1, true, true),
        (max_slow / 6, true, false),
    ] {
        let r = grown(n, slow);
        assert_ne!(r.status, Status::Verified);
        let said = messages(&r).contains("too complex");
        assert_eq!(
            said,
            too_complex,
            "{n} alignments, slow {slow}: {}",
            messages(&r)
        );
        if too_complex {
            assert_eq!(r.status, Status::Unverified);
        }
    }
}

#[test]
fn what_the_ten_thousand_mutation_run_found() {
    // Seed 3 of the differential harness (10,008 mutations) found these after the first
    // safe-mode fixes; each must now be refused. (words the report must contain)
    let text = std::fs::read_to_string(repo().join("public/demo/01-intro-to-sql.json")).unwrap();
    let c = wallet_core::parse_credential(&text).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let fake = json!({"id": "../fake", "type": ["Achievement"], "name": "Doctor of Philosophy"});
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "@none member holding a relative node",
            Box::new(move |d: &mut Value| {
                d["credentialSubject"]["achievement"]["@none"] = fake.clone();
            }),
            "@none",
        ),
        (
            "id written as a keyword",
            Box::new(|d: &mut Value| {
                d["credentialSubject"]["achievement"]["criteria"]["id"] = json!("@fake");
            }),
            "reserved keyword form",
        ),
        (
            "null inside a list",
            Box::new(|d: &mut Value| {
                let a = d["credentialSubject"]["achievement"]["alignment"].clone();
                d["credentialSubject"]["achievement"]["alignment"] = json!([null, a[0]]);
            }),
            "null inside the list",
        ),
        (
            "list inside a list",
            Box::new(|d: &mut Value| {
                let a = d["credentialSubject"]["achievement"]["alignment"].clone();
                d["credentialSubject"]["achievement"]["alignment"] = json!([a]);
            }),
            "list inside the list",
        ),
        (
            "@import of the VC context",
            Box::new(|d: &mut Value| {
                d["@context"].as_array_mut().unwrap().insert(
                    1,
                    json!({"@import": "https://www.w3.org/ns/credentials/v2"}),
                );
            }),
            "@import",
        ),
        (
            "percent-encoded bytes that are not UTF-8 (the fuzz crash)",
            Box::new(|d: &mut Value| {
                d["id"] = json!("urn:uuid:58172aac-d8ba-11ed-83dd-0b3a%f56cc33");
            }),
            "not UTF-8",
        ),
    ];
    for (name, mutate, words) in cases {
        let mut d = doc.clone();
        mutate(&mut d);
        let r = run(&with_text(&c, d.to_string()));
        assert_ne!(r.status, Status::Verified, "{name}");
        assert!(messages(&r).contains(words), "{name}: {}", messages(&r));
    }
}

#[test]
fn no_demo_credential_is_refused_by_safe_mode() {
    // Safe mode must not refuse honest credentials: every demo credential verifies, except
    // the expired one and the OB 2.0 hosted one (offline). Demo 07 embeds a context by URL.
    let dir = repo().join("public/demo");
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name == "index.json" {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        let c = wallet_core::parse_credential(text.trim()).unwrap();
        let r = run(&c);
        let want = match &name[..2] {
            "04" => Status::Expired,
            "08" => Status::Unverified,
            _ => Status::Verified,
        };
        assert_eq!(r.status, want, "{name}: {}", messages(&r));
    }
}

/// Percent-encodings that are not UTF-8 made the json-ld crate panic when it hashed the IRI
/// (a panic aborts the page). Found by the `jsonld_safe` fuzz target in an embedded context's
/// prefix; the table also has the ways two strings that pass alone make one (a prefix or
/// `@vocab` ending in an incomplete `%`). Each must be an error from both paths, never a
/// panic; honest percent-encodings and text with `%` stay fine.
#[test]
fn percent_encodings_that_are_not_utf8_are_errors_not_panics() {
    use wallet_verify::jsonld::LdEngine;
    const VC2: &str = "https://www.w3.org/ns/credentials/v2";
    let engine = LdEngine::new();
    let doc = |ctx: Value, extra: Value| {
        let mut d = json!({
            "@context": ctx,
            "id": "urn:uuid:0e5b6a3c-0000-4000-8000-000000000001",
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
            "validFrom": "2024-01-15T10:00:00Z",
            "credentialSubject": {"id": "did:example:learner"}
        });
        for (k, v) in extra.as_object().unwrap() {
            d[k] = v.clone();
        }
        d
    };
    let bad = |ctx: Value, extra: Value| (doc(ctx, extra), true);
    let good = |ctx: Value, extra: Value| (doc(ctx, extra), false);
    let cases = [
        // The fuzzer's find: a prefix with %df, used by a compact IRI.
        bad(
            json!([VC2, {"r": "http://www.w3.org/1999/02/22-r%df-syntax-ns#"}]),
            json!({"r:seeAlso": "x"}),
        ),
        // A prefix ending in % or %d, completed by the term.
        bad(
            json!([VC2, {"ex": "http://a.example/%"}]),
            json!({"ex:df": "x"}),
        ),
        bad(
            json!([VC2, {"ex": "http://a.example/%d"}]),
            json!({"ex:f": "x"}),
        ),
        bad(
            json!([VC2, {"@vocab": "http://a.example/%d"}]),
            json!({"f": "x"}),
        ),
        // In the document itself: an id, a type, a key.
        bad(
            json!(VC2),
            json!({"credentialSubject": {"id": "https://a.example/%C3"}}),
        ),
        bad(json!(VC2), json!({"https://a.example/%ff": "x"})),
        // Honest: UTF-8 percent-encodings, and text with %.
        good(
            json!(VC2),
            json!({"credentialSubject": {"id": "https://a.example/caf%C3%A9"}}),
        ),
        good(json!(VC2), json!({"name": "100%"})),
        good(json!(VC2), json!({"description": "50%df off"})),
    ];
    for (d, refused) in cases {
        let slow = engine.to_quads_slow(&d);
        let fast = engine.to_quads_fast(&d);
        if refused {
            assert!(slow.is_err(), "slow path accepted {d}");
            assert!(!matches!(fast, Ok(Ok(_))), "fast path answered {d}");
        } else {
            assert!(slow.is_ok(), "{d}: {slow:?}");
        }
    }
}

/// Blank-node canonicalization is bounded in work, not only in calls (the patched
/// `vendor/rdf-canon`). Two identical graphs whose node sits in k statements made RDFC-1.0's
/// Hash N-Degree Quads try all k! orderings of k copies of the one related graph name, which
/// the call limit never saw: the fuzzer's two inputs (a proof set with duplicated proofs)
/// took 2–3 s, and the same shape inside a credential (two identical endorsements whose
/// proofs list n `previousProof`s) (5 + n)!: hours from n = 7. Now each distinct ordering is
/// tried once (as Digital Bazaar's rdf-canonize does; the canonical N-Quads of these inputs
/// are the same as its), and what still exceeds the work limit is "too complex to check":
/// `unverified`, never `verified` or `invalid`.
#[test]
fn blank_node_canonicalization_is_bounded() {
    let text = std::fs::read_to_string(repo().join("public/demo/01-intro-to-sql.json")).unwrap();
    let c = wallet_core::parse_credential(&text).unwrap();
    let with_endorsements = |previous: usize| {
        let endorsement = json!({
            "id": "urn:uuid:11111111-2222-3333-4444-555555555555",
            "type": ["VerifiableCredential", "EndorsementCredential"],
            "issuer": {"id": "did:example:endorser", "type": ["Profile"]},
            "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": {"id": "urn:example:x", "type": ["EndorsementSubject"]},
            "proof": {
                "type": "DataIntegrityProof",
                "cryptosuite": "eddsa-rdfc-2022",
                "proofPurpose": "assertionMethod",
                "verificationMethod": "did:example:endorser#key-1",
                "previousProof": (0..previous)
                    .map(|i| format!("urn:uuid:00000000-0000-0000-0000-{i:012}"))
                    .collect::<Vec<_>>(),
                "proofValue": "z3"
            }
        });
        let mut d: Value = serde_json::from_str(&text).unwrap();
        d["credentialSubject"]["achievement"]["endorsement"] =
            json!([endorsement.clone(), endorsement]);
        run(&with_text(&c, d.to_string()))
    };
    // (previousProof entries per endorsement proof, what the report says) — the proof node
    // sits in 5 + n statements of its graph: 9! orderings at n = 4, 17! at n = 12 (a hang
    // before), one distinct ordering now. At n = 400 (910 statements) building that one path
    // is past the work bound; at n = 2000 the dataset is past the whole algorithm's size bound.
    for (n, words) in [
        (0, None),
        (4, None),
        (12, None),
        (100, None),
        (400, Some("needed more than 4000 steps")),
        (2_000, Some("at most 1000 statements")),
    ] {
        let r = with_endorsements(n);
        let said = messages(&r);
        assert_eq!(said.contains("too complex"), words.is_some(), "{n}: {said}");
        match words {
            Some(w) => {
                assert_eq!(r.status, Status::Unverified, "{n}");
                assert!(said.contains("blank-node canonicalization"), "{n}: {said}");
                assert!(said.contains(w), "{n}: {said}");
            }
            // Canonicalized, then the signature does not match the altered credential.
            None => assert_eq!(r.status, Status::Invalid, "{n}: {said}"),
        }
    }
    // The fuzzer's inputs: a proof set of 34 proofs, some duplicated (jsonld_safe target).
    let engine = wallet_verify::jsonld::LdEngine::new();
    for name in [
        "fuzz-slow-canonicalization-1.json",
        "fuzz-slow-canonicalization-2.json",
    ] {
        let bytes = std::fs::read(repo().join("tests/fixtures").join(name)).unwrap();
        let doc = wallet_core::json::from_slice(&bytes).unwrap();
        let quads = engine.to_quads(&doc).unwrap();
        let canon = wallet_verify::jsonld::canonicalize_quads(&quads);
        assert!(canon.is_ok(), "{name}: {canon:?}");
    }
}
