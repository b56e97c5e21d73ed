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
fn algorithms_refused_or_not_checked() {
    // (alg in the header, expected signature outcome, card status, words in the message)
    let cases: &[(&str, Outcome, Status, &str)] = &[
        ("none", Outcome::Fail, Status::Invalid, "not signed"),
        ("HS256", Outcome::Fail, Status::Invalid, "shared secret"),
        ("HS512", Outcome::Fail, Status::Invalid, "shared secret"),
        (
            "ES256K",
            Outcome::NotChecked,
            Status::Unverified,
            "unsupported algorithm ES256K",
        ),
        (
            "",
            Outcome::NotChecked,
            Status::Unverified,
            "unsupported algorithm (none)",
        ),
        (
            "eddsa",
            Outcome::NotChecked,
            Status::Unverified,
            "unsupported algorithm eddsa",
        ),
        // An Ed25519 key cannot make RS256 / ES256 signatures (algorithm confusion).
        (
            "RS256",
            Outcome::Fail,
            Status::Invalid,
            "the key is Ed25519",
        ),
        (
            "ES256",
            Outcome::Fail,
            Status::Invalid,
            "the key is Ed25519",
        ),
        (
            "PS256",
            Outcome::Fail,
            Status::Invalid,
            "the key is Ed25519",
        ),
        ("Ed25519", Outcome::Pass, Status::Verified, "valid"),
        ("EdDSA", Outcome::Pass, Status::Verified, "valid"),
    ];
    let (sk, mb) = key(7);
    let did = format!("did:key:{mb}");
    let payload = json!({"iss": did, "vc": ob3(&did)});
    for (alg, outcome, status, words) in cases {
        let jws = sign(&sk, &json!({"alg": alg}), &payload);
        let r = check(&jws, &HashMap::new());
        let sig = r.check("signature").unwrap();
        assert_eq!(
            (sig.outcome, r.status),
            (*outcome, *status),
            "{alg}: {r:#?}"
        );
        assert!(sig.message.contains(words), "{alg}: {}", sig.message);
    }
    // A crit header is never understood: refused.
    let jws = sign(
        &sk,
        &json!({"alg": "EdDSA", "crit": ["exp"], "exp": 1}),
        &payload,
    );
    assert_eq!(check(&jws, &HashMap::new()).status, Status::Invalid);
}

/// ES256 / ES384 tokens signed here with RustCrypto's deterministic (RFC 6979) signers:
/// the JWK of each key, and a compact JWS of `payload` under `header` (its `alg` set).
mod ec {
    use super::*;
    use p256::ecdsa::signature::Signer as _;

    pub fn p256_key(seed: u8) -> (p256::ecdsa::SigningKey, Value) {
        let sk = p256::ecdsa::SigningKey::from_slice(&[seed; 32]).unwrap();
        let pt = sk.verifying_key().to_encoded_point(false);
        let jwk = json!({"kty": "EC", "crv": "P-256",
            "x": B64.encode(pt.x().unwrap()), "y": B64.encode(pt.y().unwrap())});
        (sk, jwk)
    }

    pub fn p384_key(seed: u8) -> (p384::ecdsa::SigningKey, Value) {
        let sk = p384::ecdsa::SigningKey::from_slice(&[seed; 48]).unwrap();
        let pt = sk.verifying_key().to_encoded_point(false);
        let jwk = json!({"kty": "EC", "crv": "P-384",
            "x": B64.encode(pt.x().unwrap()), "y": B64.encode(pt.y().unwrap())});
        (sk, jwk)
    }

    fn input(header: &Value, payload: &Value) -> String {
        format!(
            "{}.{}",
            B64.encode(serde_json::to_vec(header).unwrap()),
            B64.encode(serde_json::to_vec(payload).unwrap())
        )
    }

    pub fn es256(sk: &p256::ecdsa::SigningKey, header: &Value, payload: &Value) -> String {
        let mut h = header.clone();
        h["alg"] = json!("ES256");
        let i = input(&h, payload);
        let sig: p256::ecdsa::Signature = sk.sign(i.as_bytes());
        format!("{i}.{}", B64.encode(sig.to_bytes()))
    }

    pub fn es384(sk: &p384::ecdsa::SigningKey, header: &Value, payload: &Value) -> String {
        let mut h = header.clone();
        h["alg"] = json!("ES384");
        let i = input(&h, payload);
        let sig: p384::ecdsa::Signature = sk.sign(i.as_bytes());
        format!("{i}.{}", B64.encode(sig.to_bytes()))
    }
}

fn did_jwk(jwk: &Value) -> String {
    format!("did:jwk:{}", B64.encode(serde_json::to_vec(jwk).unwrap()))
}

/// Replace the signature part of a compact JWS.
fn with_signature(jws: &str, sig: &[u8]) -> String {
    let (input, _) = jws.rsplit_once('.').unwrap();
    format!("{input}.{}", B64.encode(sig))
}

#[test]
fn ecdsa_tokens_and_their_tampering() {
    let (sk256, jwk256) = ec::p256_key(3);
    let (sk384, jwk384) = ec::p384_key(4);
    let (did256, did384) = (did_jwk(&jwk256), did_jwk(&jwk384));
    let vc256 = json!({"iss": did256, "vc": ob3(&did256)});
    let vc384 = json!({"iss": did384, "vc": ob3(&did384)});
    let good256 = ec::es256(&sk256, &json!({"kid": format!("{did256}#0")}), &vc256);
    let good384 = ec::es384(&sk384, &json!({}), &vc384);
    let sig256 = B64.decode(good256.rsplit_once('.').unwrap().1).unwrap();
    let sig384 = B64.decode(good384.rsplit_once('.').unwrap().1).unwrap();
    // n of P-256 (big-endian): s = n is out of range; s' = n − s is the "high-s" twin.
    let n256 = hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    let high_s = {
        let mut s = sig256.clone();
        let lo = &mut s[32..];
        let twin = sub_be(&n256, lo);
        lo.copy_from_slice(&twin);
        s
    };
    let mut flipped = sig256.clone();
    flipped[10] ^= 1;
    let mut s_is_n = sig256.clone();
    s_is_n[32..].copy_from_slice(&n256);
    let zero_r = [vec![0u8; 32], sig256[32..].to_vec()].concat();
    // A DER-encoded signature is not the JOSE form.
    let der = p256::ecdsa::Signature::from_slice(&sig256)
        .unwrap()
        .to_der();
    // (what, token, expected status, words in the signature message)
    let cases: Vec<(&str, String, Status, &str)> = vec![
        (
            "ES256 by did:jwk",
            good256.clone(),
            Status::Verified,
            "ES256 signature (P-256) is valid",
        ),
        (
            "ES384, no kid",
            good384.clone(),
            Status::Verified,
            "ES384 signature (P-384) is valid",
        ),
        (
            "ES256 high-s twin",
            with_signature(&good256, &high_s),
            Status::Verified,
            "valid",
        ),
        (
            "bit flipped",
            with_signature(&good256, &flipped),
            Status::Invalid,
            "does not match",
        ),
        (
            "s = n",
            with_signature(&good256, &s_is_n),
            Status::Invalid,
            "out of range",
        ),
        (
            "r = 0",
            with_signature(&good256, &zero_r),
            Status::Invalid,
            "out of range",
        ),
        (
            "DER form",
            with_signature(&good256, der.as_bytes()),
            Status::Invalid,
            "64 bytes",
        ),
        (
            "truncated",
            with_signature(&good256, &sig256[..63]),
            Status::Invalid,
            "64 bytes",
        ),
        (
            "P-384 signature as ES256",
            with_signature(&good256, &sig384),
            Status::Invalid,
            "64 bytes",
        ),
        (
            "ES384 header on a P-256 key",
            ec::es384(&sk384, &json!({"kid": format!("{did256}#0")}), &vc256),
            Status::Invalid,
            "the key is P-256",
        ),
    ];
    for (what, token, status, words) in cases {
        let r = check(&token, &HashMap::new());
        let sig = r.check("signature").unwrap();
        assert_eq!(r.status, status, "{what}: {r:#?}");
        assert!(sig.message.contains(words), "{what}: {}", sig.message);
    }
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// a − b for big-endian numbers of one length (a ≥ b).
fn sub_be(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; a.len()];
    let mut borrow = 0i16;
    for i in (0..a.len()).rev() {
        let mut d = a[i] as i16 - b[i] as i16 - borrow;
        borrow = i16::from(d < 0);
        if d < 0 {
            d += 256;
        }
        out[i] = d as u8;
    }
    out
}

#[test]
fn which_key_counts_as_the_issuers() {
    let (sk, jwk) = ec::p256_key(5);
    let (other_sk, other_jwk) = ec::p256_key(6);
    let https_issuer = "https://issuer.example/profile";
    let vc = |iss: &str| json!({"iss": iss, "vc": ob3(iss)});
    let jwks = |keys: Vec<Value>| json!({"keys": keys});
    let with_kid = |j: &Value, kid: &str| {
        let mut j = j.clone();
        j["kid"] = json!(kid);
        j
    };
    let docs = |pairs: Vec<(&str, Value)>| -> HashMap<String, Value> {
        pairs.into_iter().map(|(u, v)| (u.to_string(), v)).collect()
    };
    let did = did_jwk(&jwk);
    // An OB 3.0 issuer profile that is also a controller document: (fragment, JWK,
    // controller) methods, and which fragments are assertion methods.
    let profile = |methods: Vec<(&str, &Value, &str)>, assertion: &[&str]| {
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/cid/v1"],
            "id": https_issuer,
            "type": ["Profile"],
            "name": "Example Issuer",
            "verificationMethod": methods.iter().map(|(f, k, c)| json!({
                "id": format!("{https_issuer}{f}"),
                "type": "JsonWebKey",
                "controller": c,
                "publicKeyJwk": k,
            })).collect::<Vec<_>>(),
            "assertionMethod": assertion,
        })
    };
    // (what, token, documents, status, issuer-key outcome, words in the issuer-key message)
    type Case<'a> = (
        &'a str,
        String,
        HashMap<String, Value>,
        Status,
        Outcome,
        &'a str,
    );
    let cases: Vec<Case> = vec![
        (
            "header jwk alone: unchanged, but not linked",
            ec::es256(&sk, &json!({"jwk": jwk}), &vc(https_issuer)),
            HashMap::new(),
            Status::Unverified,
            Outcome::Warn,
            "not linked",
        ),
        (
            "header jwk, published by the issuer's profile (verificationMethod + assertionMethod)",
            ec::es256(&sk, &json!({"jwk": jwk}), &vc(https_issuer)),
            docs(vec![(
                https_issuer,
                profile(
                    vec![
                        ("#k0", &other_jwk, https_issuer),
                        ("#k1", &jwk, https_issuer),
                    ],
                    &["#k0", "#k1"],
                ),
            )]),
            Status::Verified,
            Outcome::Pass,
            "belongs to the issuer",
        ),
        (
            "header jwk, published by the profile but not as an assertion method",
            ec::es256(&sk, &json!({"jwk": jwk}), &vc(https_issuer)),
            docs(vec![(
                https_issuer,
                profile(vec![("#k1", &jwk, https_issuer)], &[]),
            )]),
            Status::Unverified,
            Outcome::Warn,
            "not linked",
        ),
        (
            "header jwk, the profile publishes another key",
            ec::es256(&sk, &json!({"jwk": jwk}), &vc(https_issuer)),
            docs(vec![(
                https_issuer,
                profile(vec![("#k0", &other_jwk, https_issuer)], &["#k0"]),
            )]),
            Status::Unverified,
            Outcome::Warn,
            "not linked",
        ),
        (
            "header jwk, the key in the profile is controlled by someone else",
            ec::es256(&sk, &json!({"jwk": jwk}), &vc(https_issuer)),
            docs(vec![(
                https_issuer,
                profile(vec![("#k1", &jwk, "https://other.example/")], &["#k1"]),
            )]),
            Status::Unverified,
            Outcome::Warn,
            "not linked",
        ),
        (
            "header jwk, the document fetched for the profile says it is someone else",
            ec::es256(&sk, &json!({"jwk": jwk}), &vc(https_issuer)),
            docs(vec![(https_issuer, {
                let mut p = profile(vec![("#k1", &jwk, https_issuer)], &["#k1"]);
                p["id"] = json!("https://issuer.example/other");
                p
            })]),
            Status::Unverified,
            Outcome::Warn,
            "not linked",
        ),
        (
            "kid on another origin, the JWK set published there and listed by the issuer's profile",
            ec::es256(
                &sk,
                &json!({"kid": "https://keys.example/jwks.json#k1"}),
                &vc(https_issuer),
            ),
            docs(vec![
                (
                    "https://keys.example/jwks.json",
                    jwks(vec![with_kid(&jwk, "k1")]),
                ),
                (
                    https_issuer,
                    profile(vec![("#k1", &jwk, https_issuer)], &["#k1"]),
                ),
            ]),
            Status::Verified,
            Outcome::Pass,
            "belongs to the issuer",
        ),
        (
            "header jwk and a relative kid: still the header's key",
            ec::es256(&sk, &json!({"jwk": jwk, "kid": "key-1"}), &vc(https_issuer)),
            HashMap::new(),
            Status::Unverified,
            Outcome::Warn,
            "not linked",
        ),
        (
            "kid: a JWK set on the issuer's origin",
            ec::es256(
                &sk,
                &json!({"kid": "https://issuer.example/jwks.json#k1"}),
                &vc(https_issuer),
            ),
            docs(vec![(
                "https://issuer.example/jwks.json",
                jwks(vec![with_kid(&other_jwk, "k0"), with_kid(&jwk, "k1")]),
            )]),
            Status::Verified,
            Outcome::Pass,
            "belongs to the issuer",
        ),
        (
            "kid: one JWK on the issuer's origin",
            ec::es256(
                &sk,
                &json!({"kid": "https://issuer.example/key.json"}),
                &vc(https_issuer),
            ),
            docs(vec![("https://issuer.example/key.json", jwk.clone())]),
            Status::Verified,
            Outcome::Pass,
            "belongs to the issuer",
        ),
        (
            "kid: a JWK set on another origin",
            ec::es256(
                &sk,
                &json!({"kid": "https://keys.example/jwks.json#k1"}),
                &vc(https_issuer),
            ),
            docs(vec![(
                "https://keys.example/jwks.json",
                jwks(vec![with_kid(&jwk, "k1")]),
            )]),
            Status::Unverified,
            Outcome::Warn,
            "not linked",
        ),
        (
            "kid: a JWK set where the key id is not found",
            ec::es256(
                &sk,
                &json!({"kid": "https://issuer.example/jwks.json#k9"}),
                &vc(https_issuer),
            ),
            docs(vec![(
                "https://issuer.example/jwks.json",
                jwks(vec![with_kid(&jwk, "k1")]),
            )]),
            Status::Invalid,
            Outcome::NotChecked,
            "not checked",
        ),
        (
            "kid: a JWK set with two keys and no fragment",
            ec::es256(
                &sk,
                &json!({"kid": "https://issuer.example/jwks.json"}),
                &vc(https_issuer),
            ),
            docs(vec![(
                "https://issuer.example/jwks.json",
                jwks(vec![jwk.clone(), other_jwk.clone()]),
            )]),
            Status::Invalid,
            Outcome::NotChecked,
            "not checked",
        ),
        (
            "kid: the JWK set not fetched (offline)",
            ec::es256(
                &sk,
                &json!({"kid": "https://issuer.example/jwks.json#k1"}),
                &vc(https_issuer),
            ),
            HashMap::new(),
            Status::Unverified,
            Outcome::NotChecked,
            "not checked",
        ),
        (
            "kid names the issuer's did:jwk, header jwk the same key",
            ec::es256(
                &sk,
                &json!({"kid": format!("{did}#0"), "jwk": jwk}),
                &vc(&did),
            ),
            HashMap::new(),
            Status::Verified,
            Outcome::Pass,
            "belongs to the issuer",
        ),
        (
            "kid names the issuer's did:jwk, header jwk another key",
            ec::es256(
                &sk,
                &json!({"kid": format!("{did}#0"), "jwk": other_jwk}),
                &vc(&did),
            ),
            HashMap::new(),
            Status::Invalid,
            Outcome::NotChecked,
            "not checked",
        ),
        (
            "signed by someone else's did:jwk",
            ec::es256(
                &other_sk,
                &json!({"kid": format!("{}#0", did_jwk(&other_jwk))}),
                &vc(&did),
            ),
            HashMap::new(),
            Status::Invalid,
            Outcome::Fail,
            "not its issuer",
        ),
        (
            "header jwk with a private part",
            ec::es256(
                &sk,
                &json!({"jwk": {"kty": "EC", "crv": "P-256", "x": jwk["x"], "y": jwk["y"], "d": "AAAA"}}),
                &vc(https_issuer),
            ),
            HashMap::new(),
            Status::Invalid,
            Outcome::NotChecked,
            "not checked",
        ),
    ];
    for (what, token, resolved, status, key_outcome, words) in cases {
        let r = check(&token, &resolved);
        let key = r.check("issuer-key").unwrap();
        assert_eq!(
            (r.status, key.outcome),
            (status, key_outcome),
            "{what}: {r:#?}"
        );
        assert!(key.message.contains(words), "{what}: {}", key.message);
    }
}

#[test]
fn vc_jwt_claims_must_agree_with_the_credential() {
    let (sk, mb) = key(7);
    let did = format!("did:key:{mb}");
    let mut vc = ob3(&did);
    vc["credentialSubject"]["id"] = json!("did:example:learner");
    // (claims beside `vc`, expected status, words of the format check)
    let cases: &[(Value, Status, &str)] = &[
        (
            json!({"jti": "urn:uuid:1234", "sub": "did:example:learner"}),
            Status::Verified,
            "credential",
        ),
        (json!({"jti": "urn:uuid:9999"}), Status::Invalid, "jti"),
        (
            json!({"sub": "did:example:someone-else"}),
            Status::Invalid,
            "sub",
        ),
        (json!({"sub": 7}), Status::Invalid, "sub"),
        (
            json!({"iss": "did:example:other"}),
            Status::Invalid,
            "issuer",
        ),
        (json!({"exp": "2030-01-01"}), Status::Invalid, "exp"),
    ];
    for (claims, status, words) in cases {
        let mut payload = json!({"iss": did, "vc": vc});
        for (k, v) in claims.as_object().unwrap() {
            payload[k] = v.clone();
        }
        let r = check(
            &sign(&sk, &json!({"alg": "EdDSA"}), &payload),
            &HashMap::new(),
        );
        let format = r.check("format").unwrap();
        assert_eq!(r.status, *status, "{claims}: {r:#?}");
        assert!(
            format.message.contains(words),
            "{claims}: {}",
            format.message
        );
    }
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

/// `tests/fixtures/suites/`: credentials signed by jose and by Digital Bazaar's ECDSA suites
/// (made by `tests/interop/bench-fixtures.mjs`) verify, and a changed name breaks each one.
#[test]
fn independently_signed_fixtures_verify() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/suites");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/suites")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 7, "{files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let r = check(&text, &HashMap::new());
        assert_eq!(r.status, Status::Verified, "{}: {r:#?}", f.display());
        // The name changed by one letter: in the JSON, or in the JWT payload.
        let forged = if text.trim_start().starts_with('{') {
            text.replacen("(TEST ONLY)", "(TEST 0NLY)", 1)
        } else {
            let parts: Vec<&str> = text.trim().split('.').collect();
            let payload = String::from_utf8(B64.decode(parts[1]).unwrap()).unwrap();
            let payload = payload.replacen("(TEST ONLY)", "(TEST 0NLY)", 1);
            format!("{}.{}.{}", parts[0], B64.encode(payload), parts[2])
        };
        assert_ne!(forged, text);
        let r = check(&forged, &HashMap::new());
        assert_eq!(r.status, Status::Invalid, "{} forged: {r:#?}", f.display());
    }
}

/// A token whose key is bound to no one by itself asks for the issuer's https profile (which
/// may publish the key); one whose key is the issuer's DID's does not.
#[test]
fn the_issuers_profile_is_fetched_only_for_an_unbound_key() {
    let (sk, jwk) = ec::p256_key(5);
    let https_issuer = "https://issuer.example/profile";
    let vc = |iss: &str| json!({"iss": iss, "vc": ob3(iss)});
    let did = did_jwk(&jwk);
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "header jwk, https issuer",
            ec::es256(&sk, &json!({"jwk": jwk}), &vc(https_issuer)),
            vec![https_issuer],
        ),
        (
            "kid on the issuer's origin",
            ec::es256(
                &sk,
                &json!({"kid": "https://issuer.example/jwks.json#k1"}),
                &vc(https_issuer),
            ),
            vec!["https://issuer.example/jwks.json"],
        ),
        (
            "kid on another origin",
            ec::es256(
                &sk,
                &json!({"kid": "https://keys.example/jwks.json#k1"}),
                &vc(https_issuer),
            ),
            vec!["https://keys.example/jwks.json", https_issuer],
        ),
        (
            "issuer did:jwk",
            ec::es256(&sk, &json!({"kid": format!("{did}#0")}), &vc(&did)),
            vec![],
        ),
        (
            "header jwk, issuer with a fragment",
            ec::es256(
                &sk,
                &json!({"jwk": jwk}),
                &vc("https://issuer.example/profile#me"),
            ),
            vec![],
        ),
    ];
    for (what, token, want) in cases {
        let c = wallet_core::parse_credential(&token).expect("parses");
        assert_eq!(wallet_verify::needed_documents(&c), want, "{what}");
    }
}
