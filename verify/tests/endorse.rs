//! Endorsements (issue 12, point 5): each embedded `EndorsementCredential` is verified on its
//! own, with the same engine, and never changes the credential's own status.
//!
//! `tests/fixtures/endorsed-badge.json` and `endorsed-elsewhere.json` were signed by Digital
//! Bazaar's libraries (`tests/interop/endorsed.mjs`, which also records that Digital Bazaar
//! verifies the valid endorsements and refuses the tampered one); the other cases are signed
//! here (eddsa-jcs-2022, EdDSA VC-JWT) with TEST-ONLY keys from fixed seeds.

use std::collections::HashMap;

use serde_json::{Value, json};
use wallet_verify::endorse::{Endorsed, EndorsementReport, MAX_VERIFIED};
use wallet_verify::{Report, Status, VerifyContext, needed_documents, verify};

mod common;
use common::{TestKey, ob3_credential, sign_jcs, sign_jws};

const NOW: &str = "2025-06-01T12:00:00Z";

fn run_text(text: &str) -> Report {
    let c = wallet_core::parse_credential(text).expect("core parses the credential");
    let resolved = HashMap::new();
    verify(
        &c,
        &VerifyContext {
            now: NOW,
            skew_seconds: 60,
            resolved: &resolved,
            trusted_issuers: &[],
        },
    )
}

fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn summary(e: &EndorsementReport) -> (Endorsed, Status, Option<&str>) {
    (e.target, e.status, e.endorser_name.as_deref())
}

#[test]
fn digital_bazaar_signed_fixtures() {
    let r = run_text(&fixture("endorsed-badge.json"));
    assert_eq!(r.status, Status::Verified, "{:?}", r.checks);
    let got: Vec<_> = r.endorsements.iter().map(summary).collect();
    assert_eq!(
        got,
        vec![
            (
                Endorsed::Issuer,
                Status::Verified,
                Some("Quality Agency (test only)")
            ),
            (
                Endorsed::Achievement,
                Status::Verified,
                Some("Northfield Test Endorser")
            ),
            (
                Endorsed::Achievement,
                Status::Invalid,
                Some("Northfield Test Endorser")
            ),
        ],
        "{:#?}",
        r.endorsements
    );
    let good = &r.endorsements[1];
    assert_eq!(
        good.comment.as_deref(),
        Some("Northfield recognises this achievement as equivalent to 5 credits.")
    );
    assert_eq!(
        good.target_id.as_deref(),
        Some("urn:uuid:0d8f1a7c-5e3b-4f2a-8c6d-9b7e1a2c3d4f")
    );
    assert!(
        good.endorser_id
            .as_deref()
            .unwrap()
            .starts_with("did:key:z6Mk")
    );
    // The tampered one says why, and shows the (changed) comment it carries.
    let bad = &r.endorsements[2];
    assert!(bad.message.contains("signature"), "{}", bad.message);
    // The ECDSA endorsement of the issuer.
    assert!(
        r.endorsements[0]
            .endorser_id
            .as_deref()
            .unwrap()
            .starts_with("did:key:zDn")
    );

    let r = run_text(&fixture("endorsed-elsewhere.json"));
    assert_eq!(r.status, Status::Verified);
    assert_eq!(r.endorsements.len(), 1);
    let e = &r.endorsements[0];
    assert_eq!(e.status, Status::Invalid);
    assert!(
        e.message.contains(
            "endorses urn:uuid:00000000-0000-4000-8000-0000000000ff, not this achievement"
        ),
        "{}",
        e.message
    );
}

/// An endorsement by `seed`'s key (eddsa-jcs-2022) of `subject`, as `issuer` names itself.
fn endorsement(seed: u8, subject: &str, tweak: impl FnOnce(&mut Value)) -> Value {
    let key = TestKey::from_seed(seed);
    let mut e = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": format!("urn:uuid:e0d0e5ed-0000-4000-8000-0000000000{seed:02}"),
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "An endorsement",
        "issuer": {"id": key.did, "type": ["Profile"], "name": format!("Endorser {seed}")},
        "validFrom": "2024-01-10T00:00:00Z",
        "credentialSubject": {"id": subject, "type": ["EndorsementSubject"],
                              "endorsementComment": format!("Comment {seed}")}
    });
    tweak(&mut e);
    sign_jcs(e, &key)
}

const ACH: &str = "urn:uuid:a";
const CRED: &str = "urn:uuid:7b4b0d3e-0000-4000-8000-000000000009";

/// A credential of seed 1 with these endorsements on the achievement (and `top` at the top).
fn host(on_achievement: Vec<Value>, top: Vec<Value>) -> String {
    let did = TestKey::from_seed(1).did;
    let mut vc = ob3_credential(CRED, &did, "Host");
    vc["validFrom"] = json!("2024-01-01T00:00:00Z");
    if !on_achievement.is_empty() {
        vc["credentialSubject"]["achievement"]["endorsement"] = json!(on_achievement);
    }
    if !top.is_empty() {
        vc["endorsement"] = json!(top);
    }
    serde_json::to_string(&sign_jcs(vc, &TestKey::from_seed(1))).unwrap()
}

#[test]
fn endorsement_table() {
    struct Case {
        name: &'static str,
        endorsement: Value,
        want: Status,
        says: &'static str,
    }
    let cases = vec![
        Case {
            name: "valid, eddsa-jcs-2022",
            endorsement: endorsement(2, ACH, |_| {}),
            want: Status::Verified,
            says: "valid",
        },
        Case {
            name: "comment changed after signing",
            endorsement: {
                let mut e = endorsement(2, ACH, |_| {});
                e["credentialSubject"]["endorsementComment"] = json!("Changed");
                e
            },
            want: Status::Invalid,
            says: "signature",
        },
        Case {
            name: "no proof",
            endorsement: {
                let mut e = endorsement(2, ACH, |_| {});
                e.as_object_mut().unwrap().remove("proof");
                e
            },
            want: Status::Unverified,
            says: "carries no signature",
        },
        Case {
            name: "signed by another key than its issuer's",
            endorsement: {
                let mut e = endorsement(2, ACH, |_| {});
                e.as_object_mut().unwrap().remove("proof");
                sign_jcs(e, &TestKey::from_seed(3))
            },
            want: Status::Invalid,
            says: "not its issuer",
        },
        Case {
            name: "expired",
            endorsement: endorsement(2, ACH, |e| e["validUntil"] = json!("2025-01-01T00:00:00Z")),
            want: Status::Expired,
            says: "expired on 2025-01-01",
        },
        Case {
            name: "endorses something else",
            endorsement: endorsement(2, "urn:uuid:other", |_| {}),
            want: Status::Invalid,
            says: "endorses urn:uuid:other, not this achievement",
        },
        Case {
            name: "says nothing about what it endorses",
            endorsement: endorsement(2, ACH, |e| {
                e["credentialSubject"].as_object_mut().unwrap().remove("id");
            }),
            want: Status::Unverified,
            says: "does not say what it endorses",
        },
        Case {
            name: "not an EndorsementCredential",
            endorsement: endorsement(2, ACH, |e| {
                e["type"] = json!(["VerifiableCredential", "OpenBadgeCredential"])
            }),
            want: Status::Invalid,
            says: "not an EndorsementCredential",
        },
    ];
    let mut failures = Vec::new();
    for c in cases {
        let r = run_text(&host(vec![c.endorsement.clone()], vec![]));
        // The host's own status never changes.
        assert_eq!(r.status, Status::Verified, "{}: {:?}", c.name, r.checks);
        let Some(e) = r.endorsements.first() else {
            failures.push(format!("{}: no endorsement reported", c.name));
            continue;
        };
        if e.status != c.want || !e.message.contains(c.says) || e.target != Endorsed::Achievement {
            failures.push(format!(
                "{}: want {:?} saying {:?}, got {:?}: {}",
                c.name, c.want, c.says, e.status, e.message
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn top_level_endorsement_of_the_credential() {
    let r = run_text(&host(vec![], vec![endorsement(4, CRED, |_| {})]));
    assert_eq!(r.endorsements.len(), 1);
    assert_eq!(r.endorsements[0].target, Endorsed::Credential);
    assert_eq!(
        r.endorsements[0].status,
        Status::Verified,
        "{}",
        r.endorsements[0].message
    );
    assert_eq!(
        r.endorsements[0].endorser_name.as_deref(),
        Some("Endorser 4")
    );
}

/// At most MAX_VERIFIED endorsements are verified; the others are listed as not checked. An
/// endorsement's own endorsements are not looked at.
#[test]
fn bounded_and_not_recursive() {
    let many: Vec<Value> = (0..20).map(|_| endorsement(2, ACH, |_| {})).collect();
    let r = run_text(&host(many, vec![]));
    assert_eq!(r.status, Status::Verified);
    assert_eq!(r.endorsements.len(), 20);
    let verified = r
        .endorsements
        .iter()
        .filter(|e| e.status == Status::Verified)
        .count();
    assert_eq!(verified, MAX_VERIFIED);
    assert!(r.endorsements[MAX_VERIFIED].message.contains("at most 16"));
    assert_eq!(r.endorsements[MAX_VERIFIED].status, Status::Unverified);

    // An endorsement that carries an endorsement (of the credential) inside it.
    let inner = endorsement(5, CRED, |_| {});
    let outer = endorsement(2, ACH, |e| e["endorsement"] = json!([inner]));
    let r = run_text(&host(vec![outer], vec![]));
    assert_eq!(r.endorsements.len(), 1, "{:#?}", r.endorsements);
    assert_eq!(
        r.endorsements[0].status,
        Status::Verified,
        "{}",
        r.endorsements[0].message
    );
}

/// VC-JWT endorsements (`endorsementJwt`) in a VC-JWT badge. (The OB 3.0.3 JSON-LD context
/// does not define `endorsementJwt`, so only a JWT badge can carry them.)
#[test]
fn jwt_endorsements() {
    let host_key = TestKey::from_seed(1);
    let e_key = TestKey::from_seed(6);
    let e_vc = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:e0d0e5ed-0000-4000-8000-000000000066",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "issuer": {"id": e_key.did, "type": ["Profile"], "name": "JWT Endorser"},
        "validFrom": "2024-01-10T00:00:00Z",
        "credentialSubject": {"id": ACH, "type": ["EndorsementSubject"], "endorsementComment": "Good."}
    });
    let header = |k: &TestKey| json!({"alg": "EdDSA", "typ": "JWT", "kid": k.vm});
    let good = sign_jws(
        &e_key.sk,
        &header(&e_key),
        &json!({"iss": e_key.did, "jti": "urn:uuid:e0d0e5ed-0000-4000-8000-000000000066", "vc": e_vc}),
    );
    // The same token with one payload byte changed.
    let mut parts: Vec<String> = good.split('.').map(str::to_string).collect();
    let mut payload = parts[1].clone().into_bytes();
    payload[20] = if payload[20] == b'A' { b'B' } else { b'A' };
    parts[1] = String::from_utf8(payload).unwrap();
    let tampered = parts.join(".");
    let mut vc = ob3_credential(CRED, &host_key.did, "JWT host");
    vc["validFrom"] = json!("2024-01-01T00:00:00Z");
    vc["credentialSubject"]["achievement"]["endorsementJwt"] = json!([good, tampered, 42]);
    let token = sign_jws(
        &host_key.sk,
        &header(&host_key),
        &json!({"iss": host_key.did, "jti": CRED, "vc": vc}),
    );
    let r = run_text(&token);
    assert_eq!(r.status, Status::Verified, "{:?}", r.checks);
    let got: Vec<_> = r
        .endorsements
        .iter()
        .map(|e| (e.status, e.endorser_name.clone()))
        .collect();
    assert_eq!(
        got[0],
        (Status::Verified, Some("JWT Endorser".into())),
        "{:#?}",
        r.endorsements
    );
    assert_ne!(got[1].0, Status::Verified, "{:#?}", r.endorsements);
    assert_eq!(got[2].0, Status::Invalid);
    assert_eq!(r.endorsements[0].comment.as_deref(), Some("Good."));
}

/// The documents an endorsement needs (its key's did:web document) are among the credential's.
#[test]
fn needed_documents_include_the_endorsements() {
    let mut e = endorsement(2, ACH, |_| {});
    e["proof"]["verificationMethod"] = json!("did:web:endorser.example.test#key-1");
    let text = host(vec![e], vec![]);
    let c = wallet_core::parse_credential(&text).unwrap();
    let docs = needed_documents(&c);
    assert!(
        docs.contains(&"https://endorser.example.test/.well-known/did.json".to_string()),
        "{docs:?}"
    );
    let r = run_text(&text);
    assert_eq!(r.status, Status::Verified);
    assert_eq!(
        r.endorsements[0].status,
        Status::Unverified,
        "{}",
        r.endorsements[0].message
    );
}

/// The endorsements of one credential are verified within one credential's work bound: past
/// `jsonld::MAX_VALUES` JSON values in all, the rest are listed as not checked.
#[test]
fn work_budget() {
    // Each endorsement carries ~4,000 values (a long list of tags), so the third does not fit.
    let big = |_| {
        endorsement(2, ACH, |e| {
            e["credentialSubject"]["endorsementComment"] = json!("Long.");
            e["name"] = json!("Long endorsement");
            e["description"] = json!("x");
            e["tag"] = json!((0..4_000).map(|i| format!("t{i}")).collect::<Vec<_>>());
        })
    };
    let r = run_text(&host((0..4).map(big).collect(), vec![]));
    let got: Vec<Status> = r.endorsements.iter().map(|e| e.status).collect();
    assert_eq!(got.len(), 4);
    assert_ne!(got[0], Status::Unverified, "{}", r.endorsements[0].message);
    assert_ne!(got[1], Status::Unverified, "{}", r.endorsements[1].message);
    for e in &r.endorsements[2..] {
        assert_eq!(e.status, Status::Unverified);
        assert!(e.message.contains("too large to check"), "{}", e.message);
    }
}
