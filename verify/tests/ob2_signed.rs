//! Signed Open Badges 2.0 assertions (issue 12 point 3): a table over the tokens and documents
//! of `tests/fixtures/ob2-signed/` (made by `tests/fixtures/make-ob2-signed.mjs` with Node's
//! crypto, keys thrown away), each verified with a chosen set of fetched documents; the
//! discovery of the document chain round by round (`needed_documents_with`); and the npm
//! `jose` library's verdict against ours on fresh tokens (`tests/interop/ob2.mjs`).

mod common;

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Value, json};
use wallet_verify::{
    Outcome, Report, Status, VerifyContext, needed_documents, needed_documents_with,
    status_documents_with, verify,
};

const NOW: &str = "2025-11-23T12:00:00Z";
const ISSUER: &str = "https://issuer.example/ob2/issuer";
const KEY1: &str = "https://issuer.example/ob2/keys/1";
const BADGE: &str = "https://issuer.example/ob2/badges/bookbinding";
const LIST: &str = "https://issuer.example/ob2/revocations";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/ob2-signed")
}

fn token(name: &str) -> String {
    std::fs::read_to_string(dir().join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .trim()
        .to_string()
}

/// Every document of the fixture set, by URL, and the variants (`key1Pkcs1`).
fn fixture_docs() -> (HashMap<String, Value>, Value) {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("docs.json")).unwrap()).unwrap();
    let docs = v["docs"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    (docs, v["variants"].clone())
}

fn run(text: &str, resolved: &HashMap<String, Value>) -> Report {
    let cred = wallet_core::parse_credential(text).expect("the token imports");
    assert_eq!(cred.format, wallet_core::Format::Ob2Signed);
    verify(
        &cred,
        &VerifyContext {
            now: NOW,
            skew_seconds: 60,
            resolved,
            trusted_issuers: &[],
        },
    )
}

/// What to change in the fetched documents before verifying.
#[derive(Clone, Copy)]
enum Docs {
    All,
    None,
    Without(&'static str),
    /// The issuer's profile without key 1 in `publicKey`.
    ProfileDropsKey1,
    /// The issuer's profile lists no key at all.
    ProfileNoKeys,
    /// The issuer's profile without a `revocationList`.
    NoRevocationList,
    /// Key 1's document with its key as PKCS#1 (`BEGIN RSA PUBLIC KEY`).
    Key1Pkcs1,
    /// Key 1's document names another owner.
    Key1OwnedByOther,
    /// The revocation list lists the assertion by an object without a reason.
    ListHasValidId,
}

fn docs_for(d: Docs) -> HashMap<String, Value> {
    let (mut docs, variants) = fixture_docs();
    match d {
        Docs::All => {}
        Docs::None => docs.clear(),
        Docs::Without(u) => {
            docs.remove(u);
        }
        Docs::ProfileDropsKey1 => {
            docs.get_mut(ISSUER).unwrap()["publicKey"] =
                json!(["https://issuer.example/ob2/keys/ec"]);
        }
        Docs::ProfileNoKeys => {
            docs.get_mut(ISSUER)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove("publicKey");
        }
        Docs::NoRevocationList => {
            docs.get_mut(ISSUER)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove("revocationList");
        }
        Docs::Key1Pkcs1 => {
            docs.get_mut(KEY1).unwrap()["publicKeyPem"] = variants["key1Pkcs1"].clone();
        }
        Docs::Key1OwnedByOther => {
            docs.get_mut(KEY1).unwrap()["owner"] = json!("https://other.example/profile");
        }
        Docs::ListHasValidId => {
            docs.get_mut(LIST).unwrap()["revokedAssertions"] =
                json!([{"id": "urn:uuid:0b2a0000-0000-4000-8000-000000000001"}]);
        }
    }
    docs
}

use Outcome::{Fail, NotChecked as NC, Pass, Warn};

/// (name, token, documents, status, signature, issuer-key, status check, words in the report).
#[allow(clippy::type_complexity)]
const CASES: &[(&str, &str, Docs, Status, Outcome, Outcome, Outcome, &[&str])] = &[
    (
        "valid RS256, every document fetched",
        "valid.jws",
        Docs::All,
        Status::Verified,
        Pass,
        Pass,
        Pass,
        &["RS256", "RSA-2048", "lists it", "does not list this badge"],
    ),
    (
        "valid, key as PKCS#1 PEM",
        "valid.jws",
        Docs::Key1Pkcs1,
        Status::Verified,
        Pass,
        Pass,
        Pass,
        &[],
    ),
    (
        "badge given by URL, BadgeClass fetched",
        "badge-url.jws",
        Docs::All,
        Status::Verified,
        Pass,
        Pass,
        Pass,
        &[],
    ),
    (
        "badge given by URL, BadgeClass not fetched",
        "badge-url.jws",
        Docs::Without(BADGE),
        Status::Unverified,
        Pass,
        NC,
        NC,
        &["description"],
    ),
    (
        "no creator: keys from the issuer's profile",
        "no-creator.jws",
        Docs::All,
        Status::Verified,
        Pass,
        Pass,
        Pass,
        &[],
    ),
    (
        "no creator, and the profile lists no key (an OB 1.x key at verify.url?)",
        "no-creator.jws",
        Docs::ProfileNoKeys,
        Status::Unverified,
        NC,
        NC,
        Pass,
        &["lists no key"],
    ),
    (
        "ES256 with a P-256 SPKI key",
        "es256.jws",
        Docs::All,
        Status::Verified,
        Pass,
        Pass,
        Pass,
        &["ES256", "P-256"],
    ),
    (
        "revoked, with its reason",
        "revoked.jws",
        Docs::All,
        Status::Revoked,
        Pass,
        Pass,
        Fail,
        &["revoked", "Reason: Awarded in error"],
    ),
    (
        "revocation list unreachable",
        "valid.jws",
        Docs::Without(LIST),
        Status::Unverified,
        Pass,
        Pass,
        NC,
        &["revocation could not be checked", "was not fetched"],
    ),
    (
        "listed by an object without a reason",
        "valid.jws",
        Docs::ListHasValidId,
        Status::Revoked,
        Pass,
        Pass,
        Fail,
        &["revoked"],
    ),
    (
        "no revocation list published",
        "valid.jws",
        Docs::NoRevocationList,
        Status::Verified,
        Pass,
        Pass,
        NC,
        &["publishes no revocation list"],
    ),
    (
        "expired",
        "expired.jws",
        Docs::All,
        Status::Expired,
        Pass,
        Pass,
        Pass,
        &["expired"],
    ),
    (
        "offline: nothing fetched",
        "valid.jws",
        Docs::None,
        Status::Unverified,
        NC,
        NC,
        NC,
        &["could not be checked", "offline"],
    ),
    (
        "key document unreachable",
        "valid.jws",
        Docs::Without(KEY1),
        Status::Unverified,
        NC,
        NC,
        Pass,
        &["key document"],
    ),
    (
        "issuer profile unreachable",
        "valid.jws",
        Docs::Without(ISSUER),
        Status::Unverified,
        Pass,
        NC,
        NC,
        &["profile"],
    ),
    (
        "tampered payload",
        "tampered.jws",
        Docs::All,
        Status::Invalid,
        Fail,
        NC,
        Pass,
        &["does not match"],
    ),
    (
        "tampered payload, offline",
        "tampered.jws",
        Docs::None,
        Status::Unverified,
        NC,
        NC,
        NC,
        &[],
    ),
    (
        "signed with another key than the creator",
        "wrong-key.jws",
        Docs::All,
        Status::Invalid,
        Fail,
        NC,
        Pass,
        &["does not match"],
    ),
    (
        "key owned by someone else",
        "other-owner.jws",
        Docs::All,
        Status::Invalid,
        Pass,
        Fail,
        Pass,
        &["https://other.example/profile", "not its issuer"],
    ),
    (
        "key 1 claims another owner",
        "valid.jws",
        Docs::Key1OwnedByOther,
        Status::Invalid,
        Pass,
        Fail,
        Pass,
        &["not its issuer"],
    ),
    (
        "key not listed by the issuer's profile",
        "not-listed.jws",
        Docs::All,
        Status::Invalid,
        Pass,
        Fail,
        Pass,
        &["does not list the signing key"],
    ),
    (
        "profile no longer lists key 1",
        "valid.jws",
        Docs::ProfileDropsKey1,
        Status::Invalid,
        Pass,
        Fail,
        Pass,
        &["publicKey"],
    ),
    (
        "alg none",
        "alg-none.jws",
        Docs::All,
        Status::Invalid,
        Fail,
        NC,
        Pass,
        &["\"none\""],
    ),
    (
        "HS256 keyed with the public key",
        "hs256.jws",
        Docs::All,
        Status::Invalid,
        Fail,
        NC,
        Pass,
        &["shared secret"],
    ),
    (
        "1024-bit RSA key",
        "weak-1024.jws",
        Docs::All,
        Status::Invalid,
        Fail,
        NC,
        Pass,
        &["1024-bit", "2048"],
    ),
];

#[test]
fn signed_ob2_table() {
    let mut problems = Vec::new();
    for (name, file, docs, status, sig, key, st, words) in CASES {
        let r = run(&token(file), &docs_for(*docs));
        let got = |id: &str| r.check(id).map(|c| c.outcome);
        let text = r
            .checks
            .iter()
            .map(|c| format!("{}={:?}: {}", c.id, c.outcome, c.message))
            .collect::<Vec<_>>()
            .join("\n    ");
        let lower = text.to_lowercase();
        let missing: Vec<_> = words
            .iter()
            .filter(|w| !lower.contains(&w.to_lowercase()))
            .collect();
        if r.status != *status
            || got("signature") != Some(*sig)
            || got("issuer-key") != Some(*key)
            || got("status") != Some(*st)
            || !missing.is_empty()
        {
            problems.push(format!(
                "{name}: want {status:?} sig {sig:?} key {key:?} status {st:?} words {words:?}; got {:?} (missing {missing:?})\n    {text}",
                r.status
            ));
        }
        // One proof, named after the algorithm; never a green card without every link.
        assert_eq!(r.proofs.len(), 1, "{name}");
        if r.status == Status::Verified {
            assert!(
                ["format", "signature", "issuer-key", "validity"]
                    .iter()
                    .all(|c| got(c) == Some(Pass)),
                "{name}"
            );
        }
        let _ = Warn;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The shell fetches what `needed_documents_with` names, round after round, until nothing new
/// comes: every document of the chain is found, in at most four rounds, and nothing else.
#[test]
fn chain_is_discovered_in_rounds() {
    let (all, _) = fixture_docs();
    for (file, want_rounds, want) in [
        ("valid.jws", 2, vec![KEY1, ISSUER, LIST]),
        ("badge-url.jws", 3, vec![KEY1, BADGE, ISSUER, LIST]),
        (
            "no-creator.jws",
            2,
            vec![
                ISSUER,
                KEY1,
                "https://issuer.example/ob2/keys/ec",
                "https://issuer.example/ob2/keys/weak",
                LIST,
            ],
        ),
    ] {
        let cred = wallet_core::parse_credential(&token(file)).unwrap();
        let mut have: HashMap<String, Value> = HashMap::new();
        let mut rounds = 0;
        loop {
            let missing: Vec<String> = needed_documents_with(&cred, &have)
                .into_iter()
                .filter(|u| !have.contains_key(u))
                .collect();
            if missing.is_empty() {
                break;
            }
            rounds += 1;
            assert!(rounds <= 4, "{file}: more than four rounds");
            eprintln!("{file}: round {rounds}: {missing:?}");
            for u in missing {
                have.insert(u.clone(), all.get(&u).cloned().unwrap_or(Value::Null));
            }
        }
        let mut got: Vec<&str> = have.keys().map(String::as_str).collect();
        let mut want = want.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{file}");
        assert_eq!(rounds, want_rounds, "{file}");
        // Without anything fetched, the first round is what needed_documents says.
        assert_eq!(
            needed_documents(&cred),
            needed_documents_with(&cred, &HashMap::new())
        );
        assert_eq!(status_documents_with(&cred, &have), vec![LIST.to_string()]);
        // With every document, the verdict holds.
        let r = run(&token(file), &have);
        assert_eq!(r.status, Status::Verified, "{file}: {:?}", r.checks);
    }
}

/// Hostile documents never panic and never make a card green.
#[test]
fn hostile_documents() {
    let text = token("valid.jws");
    let cases: Vec<(&str, Value)> = vec![
        ("key doc a string", json!("x")),
        (
            "key doc wrong id",
            json!({"id": "https://issuer.example/ob2/keys/2", "publicKeyPem": "x"}),
        ),
        (
            "pem two blocks",
            json!({"id": KEY1, "owner": ISSUER,
            "publicKeyPem": "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"}),
        ),
        (
            "pem garbage",
            json!({"id": KEY1, "owner": ISSUER, "publicKeyPem": "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----"}),
        ),
        (
            "pem private key",
            json!({"id": KEY1, "owner": ISSUER, "publicKeyPem": "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"}),
        ),
        (
            "pem huge",
            json!({"id": KEY1, "owner": ISSUER, "publicKeyPem": "A".repeat(100_000)}),
        ),
        ("no pem", json!({"id": KEY1, "owner": ISSUER})),
    ];
    for (name, doc) in cases {
        let mut docs = docs_for(Docs::All);
        docs.insert(KEY1.into(), doc);
        let r = run(&text, &docs);
        assert_eq!(r.status, Status::Invalid, "{name}: {:?}", r.checks);
        assert_eq!(r.check("signature").unwrap().outcome, Fail, "{name}");
    }
    for (name, profile) in [
        (
            "profile another id",
            json!({"id": "https://issuer.example/x", "publicKey": [KEY1]}),
        ),
        ("profile not an object", json!([1, 2])),
    ] {
        let mut docs = docs_for(Docs::All);
        docs.insert(ISSUER.into(), profile);
        let r = run(&text, &docs);
        assert_ne!(r.status, Status::Verified, "{name}");
    }
    for (name, list) in [
        ("list not an object", json!("revoked")),
        ("list without entries", json!({"id": LIST})),
        (
            "list of another issuer",
            json!({"id": LIST, "issuer": "https://other.example/profile", "revokedAssertions": []}),
        ),
        (
            "list says another url",
            json!({"id": "https://issuer.example/x", "revokedAssertions": []}),
        ),
    ] {
        let mut docs = docs_for(Docs::All);
        docs.insert(LIST.into(), list);
        let r = run(&text, &docs);
        assert_eq!(r.status, Status::Unverified, "{name}");
        assert_eq!(r.check("status").unwrap().outcome, NC, "{name}");
    }
}

/// Signed OB 2.0 tokens made and checked by the npm `jose` library (`tests/interop/ob2.mjs`):
/// fresh RSA / P-256 keys, valid and tampered tokens, jose's verdict with the key document's
/// PEM; ours must agree (jose valid → our signature check passes and, with the issuer's
/// documents, the card is verified; jose invalid → never a passing signature, never verified).
#[test]
fn jose_agrees_on_signed_ob2() {
    let Some(out) =
        common::run_interop_script("ob2.mjs", "jose", "signed OB 2.0 interop with jose")
    else {
        return;
    };
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(out.join("cases.json")).unwrap()).unwrap();
    assert!(cases.len() >= 20, "too few tokens: {}", cases.len());
    let mut problems = Vec::new();
    let (mut valid, mut refused) = (0, 0);
    for c in &cases {
        let name = c["name"].as_str().unwrap();
        let resolved: HashMap<String, Value> = c["resolved"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let jose_valid = c["jose"]["valid"].as_bool().unwrap();
        let (status, sig) = match wallet_core::parse_credential(c["token"].as_str().unwrap()) {
            Ok(cred) => {
                let r = verify(
                    &cred,
                    &VerifyContext {
                        now: NOW,
                        skew_seconds: 60,
                        resolved: &resolved,
                        trusted_issuers: &[],
                    },
                );
                (r.status, r.check("signature").map(|c| c.outcome))
            }
            Err(_) => (Status::Invalid, None),
        };
        let ok = if jose_valid {
            valid += 1;
            sig == Some(Pass) && status == Status::Verified
        } else {
            refused += 1;
            sig != Some(Pass) && status == Status::Invalid
        };
        if !ok {
            problems.push(format!(
                "{name}: jose {} ({}), ours {status:?} (signature {sig:?})",
                if jose_valid { "valid" } else { "invalid" },
                c["jose"]["error"].as_str().unwrap_or("")
            ));
        }
    }
    eprintln!(
        "signed OB 2.0 × jose: {} tokens, {valid} valid, {refused} refused by jose",
        cases.len()
    );
    assert!(valid >= 2 && refused >= 10);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `PublicKey::from_pem` is total: every truncation and every one-character change of the
/// fixture keys (RSA SPKI and PKCS#1, P-256, RSA-1024) gives a key or an error, never a panic,
/// and only the unchanged texts give the key back.
#[test]
fn pem_is_total() {
    use wallet_verify::pubkey::PublicKey;
    let (docs, variants) = fixture_docs();
    let mut pems: Vec<String> = ["keys/1", "keys/ec", "keys/weak"]
        .iter()
        .map(|k| {
            docs[&format!("https://issuer.example/ob2/{k}")]["publicKeyPem"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    pems.push(variants["key1Pkcs1"].as_str().unwrap().to_string());
    let mut tried = 0;
    for pem in &pems {
        let original = PublicKey::from_pem(pem);
        for cut in 0..pem.len() {
            let _ = PublicKey::from_pem(&pem[..cut]);
            tried += 1;
        }
        for (i, _) in pem.char_indices() {
            for c in ['A', '-', '\n', '=', '/'] {
                let mut m = pem.clone();
                m.replace_range(i..i + 1, &c.to_string());
                if let (Ok(a), Ok(b)) = (&original, PublicKey::from_pem(&m))
                    && m.trim() != pem.trim()
                    && a == &b
                {
                    // Whitespace in the base64 body is ignored; anything else must change the key.
                    assert!(
                        pem[i..i + 1].trim().is_empty() || c == '\n',
                        "a changed PEM gave the same key: {m}"
                    );
                }
                tried += 1;
            }
        }
    }
    assert!(tried > 5_000, "{tried}");
}
