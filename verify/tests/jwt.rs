//! VC-JWT / VC-JOSE (compact JWS, EdDSA) with keys made here.

use std::collections::HashMap;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::SigningKey;
use serde_json::{Value, json};
use wallet_verify::{Outcome, Status, VerifyContext, needed_documents, verify};

const NOW: &str = "2025-11-23T12:00:00Z";

mod common;
use common::{TestKey, ob3_credential, sign_jws as sign};

/// A TEST-ONLY key of `seed`: (signing key, multibase public key).
fn key(seed: u8) -> (SigningKey, String) {
    let k = TestKey::from_seed(seed);
    (k.sk, k.multibase)
}

fn ob3(issuer: &str) -> Value {
    let mut vc = ob3_credential("urn:uuid:1234", issuer, "JWT Badge");
    vc["validFrom"] = json!("2024-01-01T00:00:00Z");
    vc
}

fn check(jws: &str, resolved: &HashMap<String, Value>) -> wallet_verify::Report {
    let c = wallet_core::parse_credential(jws).expect("core parses the JWT");
    verify(
        &c,
        &VerifyContext {
            now: NOW,
            skew_seconds: 60,
            resolved,
            trusted_issuers: &[],
        },
    )
}

#[test]
fn vc_jwt_did_key() {
    let (sk, mb) = key(7);
    let did = format!("did:key:{mb}");
    let payload =
        json!({"iss": did, "nbf": 1_704_067_200, "jti": "urn:uuid:1234", "vc": ob3(&did)});
    let none = HashMap::new();
    // kid = full DID URL
    let jws = sign(
        &sk,
        &json!({"alg": "EdDSA", "typ": "JWT", "kid": format!("{did}#{mb}")}),
        &payload,
    );
    let r = check(&jws, &none);
    assert_eq!(r.status, Status::Verified, "{r:#?}");
    assert_eq!(r.proofs[0].suite, "JWS:EdDSA");
    // no kid: the issuer's did:key
    let jws = sign(&sk, &json!({"alg": "EdDSA"}), &payload);
    assert_eq!(check(&jws, &none).status, Status::Verified);
    // relative kid
    let jws = sign(
        &sk,
        &json!({"alg": "EdDSA", "kid": format!("#{mb}")}),
        &payload,
    );
    assert_eq!(check(&jws, &none).status, Status::Verified);
    // tampered payload
    let jws = sign(&sk, &json!({"alg": "EdDSA"}), &payload);
    let mut parts: Vec<String> = jws.split('.').map(str::to_string).collect();
    let mut p2 = payload.clone();
    p2["vc"]["name"] = json!("Forged");
    parts[1] = B64.encode(serde_json::to_vec(&p2).unwrap());
    let r = check(&parts.join("."), &none);
    assert_eq!(r.status, Status::Invalid);
    // signed by another key than the issuer's
    let (other, other_mb) = key(8);
    let jws = sign(
        &other,
        &json!({"alg": "EdDSA", "kid": format!("did:key:{other_mb}#{other_mb}")}),
        &payload,
    );
    let r = check(&jws, &none);
    assert_eq!(r.status, Status::Invalid);
    assert_eq!(r.check("issuer-key").unwrap().outcome, Outcome::Fail);
    // expired
    let mut p3 = payload.clone();
    p3["exp"] = json!(1_710_000_000);
    let jws = sign(&sk, &json!({"alg": "EdDSA"}), &p3);
    assert_eq!(check(&jws, &none).status, Status::Expired);
    // iss and vc.issuer disagree
    let mut p4 = payload.clone();
    p4["iss"] = json!(format!("did:key:{other_mb}"));
    let jws = sign(&other, &json!({"alg": "EdDSA"}), &p4);
    assert_eq!(check(&jws, &none).status, Status::Invalid);
}

#[test]
fn unsupported_algorithm_is_not_checked() {
    let (sk, mb) = key(7);
    let did = format!("did:key:{mb}");
    let payload = json!({"iss": did, "vc": ob3(&did)});
    let jws = sign(&sk, &json!({"alg": "RS256"}), &payload);
    let r = check(&jws, &HashMap::new());
    assert_eq!(r.status, Status::Unverified);
    assert_eq!(r.check("signature").unwrap().outcome, Outcome::NotChecked);
    assert!(
        r.check("signature")
            .unwrap()
            .message
            .contains("unsupported algorithm RS256")
    );
}

#[test]
fn vc_jose_did_jwk_and_did_web() {
    let (sk, _) = key(9);
    let jwk =
        json!({"kty": "OKP", "crv": "Ed25519", "x": B64.encode(sk.verifying_key().as_bytes())});
    let did = format!("did:jwk:{}", B64.encode(serde_json::to_vec(&jwk).unwrap()));
    // VC-JOSE 2.0: the payload is the credential itself.
    let jws = sign(
        &sk,
        &json!({"alg": "EdDSA", "typ": "vc+jwt", "kid": format!("{did}#0")}),
        &ob3(&did),
    );
    let r = check(&jws, &HashMap::new());
    assert_eq!(r.status, Status::Verified, "{r:#?}");

    let web = "did:web:issuer.example";
    let vm = format!("{web}#key-1");
    let jws = sign(&sk, &json!({"alg": "EdDSA", "kid": vm}), &ob3(web));
    let c = wallet_core::parse_credential(&jws).unwrap();
    assert_eq!(
        needed_documents(&c),
        vec!["https://issuer.example/.well-known/did.json".to_string()]
    );
    assert_eq!(check(&jws, &HashMap::new()).status, Status::Unverified);
    let doc = json!({
        "@context": ["https://www.w3.org/ns/did/v1"],
        "id": web,
        "verificationMethod": [{"id": "#key-1", "type": "JsonWebKey2020", "controller": web, "publicKeyJwk": jwk}],
        "assertionMethod": ["#key-1"]
    });
    let resolved = HashMap::from([(
        "https://issuer.example/.well-known/did.json".to_string(),
        doc,
    )]);
    assert_eq!(check(&jws, &resolved).status, Status::Verified);
}
