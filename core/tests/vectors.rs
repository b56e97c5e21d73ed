//! Published test vectors, read in place from `<workspace>/../shared/vectors`
//! (never copied into the repository). Skipped, loudly, when absent.

mod common;

use std::path::Path;

use common::{vectors_dir, walk};
use wallet_core::{Format, ImportOutcome, ParseError, import_bytes, parse_credential};

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()))
}

#[test]
fn dcc_fixtures_parse_as_ob3() {
    let Some(v) = vectors_dir() else { return };
    let root = v.join("dcc-vc-test-fixtures");
    let mut credentials = 0;
    for p in walk(&root) {
        if p.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = read(&p);
        let result = parse_credential(&text);
        let rel = p.strip_prefix(&root).unwrap().display().to_string();
        if rel.starts_with("verifiableCredentials/") {
            let c = result.unwrap_or_else(|e| panic!("{rel}: {e}"));
            let expected = if rel.starts_with("verifiableCredentials/v1/") {
                Format::Ob3Vc11
            } else {
                Format::Ob3Vc2
            };
            assert_eq!(c.format, expected, "{rel}");
            assert!(!c.name.is_empty(), "{rel}");
            assert!(c.issuer.id.is_some(), "{rel}");
            assert!(!c.proof_types.is_empty(), "{rel}");
            assert_eq!(c.original.text(), text);
            credentials += 1;
        } else {
            // e.g. dids/legacy/did.json: a DID document.
            assert!(
                matches!(result, Err(ParseError::NotABadge(_))),
                "{rel}: {result:?}"
            );
        }
    }
    assert!(
        credentials >= 10,
        "only {credentials} DCC credentials found"
    );

    let both =
        read(&root.join(
            "verifiableCredentials/v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry.json",
        ));
    let c = parse_credential(&both).unwrap();
    assert_eq!(
        c.proof_types,
        vec!["eddsa-rdfc-2022", "Ed25519Signature2020"]
    );

    let ih = read(&root.join(
        "verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json",
    ));
    let c = parse_credential(&ih).unwrap();
    assert_eq!(c.subject.identifiers.len(), 1);
    assert_eq!(
        c.subject.identifiers[0].identity_hash.as_deref(),
        Some("Parker Pearl")
    );
    assert_eq!(
        c.subject.identifiers[0].identity_type.as_deref(),
        Some("name")
    );
    assert!(!c.subject.identifiers[0].hashed);
    assert_eq!(
        c.issuer.image.as_deref(),
        Some("https://digitalcredentials.github.io/badge-assets/classroom.png")
    );
    assert_eq!(c.achievement.achievement_type.as_deref(), Some("Program"));
}

#[test]
fn dcc_status_list_is_not_a_badge() {
    let Some(v) = vectors_dir() else { return };
    let p =
        v.join("dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj");
    let err = parse_credential(&read(&p)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not a badge this wallet understands: it is a Verifiable Credential but has no OpenBadgeCredential or AchievementCredential type (it is a BitstringStatusListCredential)"
    );
}

#[test]
fn onedtech_ob3_signed_vector() {
    let Some(v) = vectors_dir() else { return };
    let text = read(&v.join("1edtech-ob3/signed-ob3-eddsa-rdfc-2022.json"));
    let c = parse_credential(&text).unwrap();
    assert_eq!(c.format, Format::Ob3Vc2);
    assert_eq!(c.local_id, "http://example.com/credentials/3527");
    assert_eq!(c.name, "Teamwork Badge");
    assert_eq!(c.achievement.name.as_deref(), Some("Teamwork"));
    assert_eq!(c.issuer.name.as_deref(), Some("Example Corp"));
    assert_eq!(c.issuer.url.as_deref(), Some("https://www.imsglobal.org"));
    assert_eq!(c.issued.as_deref(), Some("2010-01-01T00:00:00Z"));
    assert_eq!(c.proof_types, vec!["eddsa-rdfc-2022"]);
    assert!(c.achievement.criteria_narrative.is_some());
}

#[test]
fn onedtech_ob2_baked_heart() {
    let Some(v) = vectors_dir() else { return };
    let bytes = std::fs::read(v.join("1edtech-ob2/baked_heart.png")).unwrap();
    let c = match import_bytes("baked_heart.png", &bytes) {
        ImportOutcome::Credentials(c) => c,
        other => panic!("{other:?}"),
    };
    assert_eq!(c.len(), 1);
    let c = &c[0];
    assert_eq!(c.format, Format::Ob2Hosted);
    assert_eq!(c.local_id, "https://example.org/beths-robotics-badge.json");
    assert_eq!(
        c.verify_url.as_deref(),
        Some("https://example.org/beths-robotics-badge.json")
    );
    assert_eq!(
        c.achievement.id.as_deref(),
        Some("https://example.org/robotics-badge.json")
    );
    assert_eq!(
        c.name,
        "Open Badge (details at https://example.org/robotics-badge.json)"
    );
    assert_eq!(c.issued.as_deref(), Some("2016-12-31T23:59:59Z"));
    assert_eq!(
        c.image.as_deref(),
        Some("https://example.org/beths-robot-badge.png")
    );
    assert_eq!(
        c.evidence[0].id.as_deref(),
        Some("https://example.org/beths-robot-work.html")
    );
    assert_eq!(c.subject.identifiers[0].salt.as_deref(), Some("deadsea"));
    assert!(c.subject.identifiers[0].hashed);
    // The PNG's bytes must survive every truncation without a panic.
    for n in 0..bytes.len() {
        let _ = import_bytes("cut.png", &bytes[..n]);
    }
}

#[test]
fn vc_di_eddsa_vectors_are_not_badges() {
    let Some(v) = vectors_dir() else { return };
    let mut seen = 0;
    for p in walk(&v.join("w3c-vc-di-eddsa/TestVectors")) {
        if p.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = read(&p);
        match parse_credential(&text) {
            Ok(c) => assert!(!c.name.is_empty()),
            Err(ParseError::NotABadge(reason)) => {
                let reason = reason.to_string();
                assert!(!reason.is_empty());
                let name = p.file_name().unwrap().to_string_lossy();
                if name.starts_with("signed") {
                    assert!(
                        reason.contains("no OpenBadgeCredential or AchievementCredential type"),
                        "{}: {reason}",
                        p.display()
                    );
                }
            }
            Err(e) => panic!("{}: unexpected {e}", p.display()),
        }
        seen += 1;
    }
    assert!(seen >= 10, "only {seen} vc-di-eddsa JSON files");
}
