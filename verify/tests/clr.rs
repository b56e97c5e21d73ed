//! Comprehensive Learner Record 2.0: the CLR's own proof and each nested credential, verified
//! independently.
//!
//! - The fixtures in `tests/fixtures/clr/` (made by `node tests/interop/clr.mjs`, Digital
//!   Bazaar's eddsa-rdfc-2022, deterministic) are re-made and must be the same bytes, and our
//!   verdict on every CLR and on every nested credential equals Digital Bazaar's.
//! - Tables made here (eddsa-jcs-2022 and VC-JWT, TEST-ONLY keys): a nested result never
//!   changes the CLR's status, in either direction; expired nested badges; unreadable entries;
//!   the bounds (200 nested, one level); a VC-JWT CLR; the documents a CLR needs fetched.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::{TestKey, ob3_credential, sign_jcs, sign_jws};
use serde_json::{Value, json};
use wallet_core::{Format, Nested, parse_credential};
use wallet_verify::{Report, VerifyContext, needed_documents, verify};

const NOW: &str = "2025-06-01T12:00:00Z";

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/clr")
}

fn run(text: &str) -> Report {
    let c = parse_credential(text).expect("a CLR the core reads");
    let resolved = HashMap::new();
    verify(
        &c,
        &VerifyContext {
            now: NOW,
            skew_seconds: 300,
            resolved: &resolved,
            trusted_issuers: &[],
        },
    )
}

fn statuses(r: &Report) -> Vec<&'static str> {
    r.nested.iter().map(|n| n.report.status.as_str()).collect()
}

/// Our status as Digital Bazaar's `{verified, signatureVerified}` would say it.
fn db_status(v: &Value) -> &'static str {
    if v["verified"] == json!(true) {
        "verified"
    } else {
        "invalid"
    }
}

#[test]
fn fixtures_agree_with_digital_bazaar() {
    let dir = fixtures();
    let verdicts: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("verdicts.json")).unwrap()).unwrap();
    let docs = verdicts["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    let mut rows = Vec::new();
    for d in docs {
        let file = d["file"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let r = run(&text);
        let db_nested: Vec<&str> = d["nested"]
            .as_array()
            .unwrap()
            .iter()
            .map(db_status)
            .collect();
        rows.push(format!(
            "{file:28} ours {:10} {:?}  DB {:10} {:?}",
            r.status.as_str(),
            statuses(&r),
            db_status(&d["db"]),
            db_nested
        ));
        assert_eq!(
            r.status.as_str(),
            db_status(&d["db"]),
            "{file}: {:?}",
            r.checks
        );
        assert_eq!(statuses(&r), db_nested, "{file}");
    }
    eprintln!("{}", rows.join("\n"));
}

#[test]
fn fixtures_say_what_each_nested_result_is() {
    let text = std::fs::read_to_string(fixtures().join("clr-nested-bad-proof.json")).unwrap();
    let c = parse_credential(&text).unwrap();
    assert_eq!(c.format, Format::Clr);
    let r = run(&text);
    assert_eq!(
        r.status.as_str(),
        "verified",
        "the CLR's own proof is valid"
    );
    assert_eq!(statuses(&r), ["verified", "invalid", "verified"]);
    let bad = &r.nested[1];
    assert_eq!(bad.index, 1);
    assert_eq!(
        bad.local_id.as_deref(),
        Some("urn:uuid:4c1e0000-0000-4000-8000-000000000002")
    );
    assert_eq!(
        bad.report.check("signature").unwrap().outcome,
        wallet_verify::Outcome::Fail
    );

    let text = std::fs::read_to_string(fixtures().join("clr-tampered.json")).unwrap();
    let r = run(&text);
    assert_eq!(r.status.as_str(), "invalid");
    // The valid nested badges stay verified on their own: the CLR's failure is its own.
    assert_eq!(statuses(&r), ["verified", "invalid", "verified"]);

    let text = std::fs::read_to_string(fixtures().join("clr-nested-wrong-key.json")).unwrap();
    let r = run(&text);
    assert_eq!(r.status.as_str(), "verified");
    assert_eq!(
        r.nested[1].report.check("issuer-key").unwrap().outcome,
        wallet_verify::Outcome::Fail
    );
}

/// `node tests/interop/clr.mjs` makes the same bytes as the committed fixtures.
#[test]
fn fixtures_are_the_script_output() {
    let Some(out) = common::run_interop_script("clr.mjs", "@digitalbazaar/vc", "CLR fixtures")
    else {
        return;
    };
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap();
        let made = std::fs::read(out.join(name)).unwrap_or_default();
        assert!(
            made == std::fs::read(&p).unwrap(),
            "tests/fixtures/clr/{} differs from what tests/interop/clr.mjs makes now",
            name.to_string_lossy()
        );
    }
    let _ = std::fs::remove_dir_all(out);
}

// ---- CLRs made here -------------------------------------------------------------------

const CLR_CONTEXT: [&str; 3] = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
];

fn badge(key: &TestKey, n: usize, extra: Value) -> Value {
    let mut b = ob3_credential(&format!("urn:uuid:b{n}"), &key.did, &format!("Badge {n}"));
    if let (Value::Object(b), Value::Object(e)) = (&mut b, extra) {
        b.extend(e);
    }
    sign_jcs(b, key)
}

fn clr(issuer: &TestKey, nested: Vec<Value>) -> Value {
    json!({
        "@context": CLR_CONTEXT,
        "id": "urn:uuid:clr-test",
        "type": ["VerifiableCredential", "ClrCredential"],
        "issuer": {"id": issuer.did, "type": ["Profile"], "name": "Test College"},
        "name": "Test transcript",
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["ClrSubject"],
            "verifiableCredential": nested,
        }
    })
}

#[test]
fn nested_results_never_change_the_clr_status() {
    let college = TestKey::from_seed(0xc1);
    let school = TestKey::from_seed(0xc2);
    let good = || badge(&school, 1, json!({}));
    let expired = badge(&school, 2, json!({"validUntil": "2025-01-01T00:00:00Z"}));
    let mut forged = badge(&school, 3, json!({}));
    forged["name"] = json!("Forged");
    let unsigned = ob3_credential("urn:uuid:b4", &school.did, "Unsigned");
    let not_yet = badge(&school, 5, json!({"validFrom": "2030-01-01T00:00:00Z"}));
    let signed = |v: Vec<Value>| sign_jcs(clr(&college, v), &college).to_string();
    let mut broken = sign_jcs(clr(&college, vec![good()]), &college);
    broken["name"] = json!("Changed after signing");
    let cases: Vec<(&str, String, &str, Vec<&str>)> = vec![
        (
            "all good",
            signed(vec![good(), good()]),
            "verified",
            vec!["verified", "verified"],
        ),
        (
            "an expired badge",
            signed(vec![good(), expired]),
            "verified",
            vec!["verified", "expired"],
        ),
        (
            "a forged badge",
            signed(vec![forged, good()]),
            "verified",
            vec!["invalid", "verified"],
        ),
        (
            "an unsigned badge",
            signed(vec![unsigned]),
            "verified",
            vec!["unverified"],
        ),
        (
            "a badge not yet valid",
            signed(vec![not_yet]),
            "verified",
            vec!["not-yet-valid"],
        ),
        (
            "a broken CLR, good badge",
            broken.to_string(),
            "invalid",
            vec!["verified"],
        ),
        (
            "an unsigned CLR",
            clr(&college, vec![good()]).to_string(),
            "unverified",
            vec!["verified"],
        ),
        ("no nested credential", signed(vec![]), "verified", vec![]),
    ];
    for (name, text, want, nested) in cases {
        let r = run(&text);
        assert_eq!(r.status.as_str(), want, "{name}: {:?}", r.checks);
        assert_eq!(statuses(&r), nested, "{name}");
    }
}

#[test]
fn unreadable_entries_and_bounds() {
    let college = TestKey::from_seed(0xc1);
    let school = TestKey::from_seed(0xc2);
    let inner = sign_jcs(clr(&school, vec![badge(&school, 1, json!({}))]), &school);
    let text = sign_jcs(
        clr(
            &college,
            vec![inner, json!(42), json!({"type": ["VerifiableCredential"]})],
        ),
        &college,
    )
    .to_string();
    // A CLR inside the CLR, a number (valid JSON-LD: a literal the context types) and a
    // credential that is not a badge: each entry is "could not be read", never verified; the
    // CLR's own proof is still its own result.
    let c = parse_credential(&text).unwrap();
    let nested = &c.clr.as_ref().unwrap().nested;
    assert!(
        matches!(&nested[0], Nested::Unreadable(m) if m.contains("only one level")),
        "{nested:?}"
    );
    assert!(matches!(&nested[1], Nested::Unreadable(m) if m.contains("number")));
    assert!(matches!(&nested[2], Nested::Unreadable(_)));
    let r = run(&text);
    assert_eq!(statuses(&r), ["unverified", "unverified", "unverified"]);
    assert!(
        r.nested[0].report.checks[0]
            .message
            .contains("only one level")
    );
    assert_eq!(r.status.as_str(), "verified", "{:?}", r.checks);

    // 200 nested credentials are read; 201 are refused as a whole.
    let b = badge(&school, 1, json!({}));
    let at = clr(&college, vec![b.clone(); 200]).to_string();
    assert_eq!(
        parse_credential(&at).unwrap().clr.unwrap().nested.len(),
        200
    );
    let over = clr(&college, vec![b; 201]).to_string();
    let e = parse_credential(&over).unwrap_err().to_string();
    assert!(
        e.contains("holds 201 credentials") && e.contains("at most 200"),
        "{e}"
    );
}

#[test]
fn vc_jwt_clr() {
    let college = TestKey::from_seed(0xc1);
    let school = TestKey::from_seed(0xc2);
    let mut forged = badge(&school, 2, json!({}));
    forged["name"] = json!("Forged");
    let payload = clr(&college, vec![badge(&school, 1, json!({})), forged]);
    let header = json!({"alg": "EdDSA", "typ": "vc+jwt", "kid": college.vm});
    let jwt = sign_jws(&college.sk, &header, &payload);
    let c = parse_credential(&jwt).unwrap();
    assert_eq!(c.format, Format::Clr);
    assert_eq!(c.proof_types, ["JWS:EdDSA"]);
    let r = run(&jwt);
    assert_eq!(r.status.as_str(), "verified", "{:?}", r.checks);
    assert_eq!(statuses(&r), ["verified", "invalid"]);
    // Signed by someone else: the CLR is invalid, the nested results are unchanged.
    let other = sign_jws(
        &school.sk,
        &json!({"alg": "EdDSA", "kid": school.vm}),
        &payload,
    );
    let r = run(&other);
    assert_eq!(r.status.as_str(), "invalid");
    assert_eq!(statuses(&r), ["verified", "invalid"]);
}

#[test]
fn needed_documents_include_the_nested_ones() {
    let college = TestKey::from_seed(0xc1);
    let mut web = ob3_credential("urn:uuid:w", "did:web:school.example", "Web badge");
    web["proof"] = json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022",
        "verificationMethod": "did:web:school.example#key-1", "proofPurpose": "assertionMethod",
        "proofValue": "z1"});
    web["credentialStatus"] = json!({"type": "BitstringStatusListEntry",
        "statusPurpose": "revocation", "statusListIndex": "3",
        "statusListCredential": "https://school.example/status/1"});
    let c = parse_credential(&sign_jcs(clr(&college, vec![web]), &college).to_string()).unwrap();
    let docs = needed_documents(&c);
    assert!(
        docs.contains(&"https://school.example/.well-known/did.json".to_string()),
        "{docs:?}"
    );
    assert!(
        docs.contains(&"https://school.example/status/1".to_string()),
        "{docs:?}"
    );
}

/// JSON-LD safe mode accepts CLRs under both bundled CLR contexts (2.0.1, and `context.json`
/// with VC 1.1 as in 1EdTech's samples): achievements, associations and nested credentials
/// with their own `@context` and proofs all map to RDF, by the fast path and the json-ld crate
/// alike.
#[test]
fn safe_mode_accepts_clrs() {
    let engine = wallet_verify::jsonld::LdEngine::new();
    let text = std::fs::read_to_string(fixtures().join("clr-valid.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc.as_object_mut().unwrap().remove("proof");
    let mut v1 = doc.clone();
    v1["@context"] = json!([
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json"
    ]);
    // VC 1.1 throughout: the nested credentials too (a VC 2.0 credential inside a VC 1.1 one
    // redefines protected terms, an error in every processor).
    fn to_vc1(v: &mut Value) {
        let o = v.as_object_mut().unwrap();
        let from = o.remove("validFrom").unwrap();
        o.insert("issuanceDate".into(), from);
    }
    to_vc1(&mut v1);
    for n in v1["credentialSubject"]["verifiableCredential"]
        .as_array_mut()
        .unwrap()
    {
        to_vc1(n);
        n["@context"] = json!([
            "https://www.w3.org/2018/credentials/v1",
            "https://purl.imsglobal.org/spec/ob/v3p0/context.json"
        ]);
        n.as_object_mut().unwrap().remove("proof");
    }
    let v1 = v1.as_object().unwrap();
    for (name, d) in [
        ("2.0.1", doc.clone()),
        ("context.json, VC 1.1", Value::Object(v1.clone())),
    ] {
        let fast = engine.to_quads_fast(&d).unwrap().expect(name);
        let slow = engine.to_quads_slow(&d).unwrap();
        assert_eq!(fast.len(), slow.len(), "{name}");
        assert!(fast.len() > 100, "{name}: {}", fast.len());
    }
    // An association without its type has undefined terms: refused, naming one.
    let mut bad = doc;
    bad["credentialSubject"]["association"][0]
        .as_object_mut()
        .unwrap()
        .remove("type");
    let e = engine.to_quads(&bad).unwrap_err().to_string();
    assert!(
        e.contains("associationType") || e.contains("sourceId") || e.contains("targetId"),
        "{e}"
    );
}
