//! Credentials whose text is written in languages (VC Data Model 2.0 §11.1 language value
//! objects, `@language` and `@direction`), signed with eddsa-rdfc-2022 by Digital Bazaar's
//! libraries (`tests/fixtures/i18n/`, `make.mjs` there; DB canonicalizes with
//! `rdfDirection: 'i18n-datatype'`): wallet-verify must agree with DB's recorded verdict on
//! each, its canonical N-Quads must be DB's byte for byte, the fast path must decline (never
//! answer differently), and what the wallet shows of them must be what was signed.

mod common;

use std::path::PathBuf;

use serde_json::{Value, json};
use wallet_verify::jsonld::LdEngine;

fn dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/i18n"
    ))
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn unsecured(text: &str) -> Value {
    let mut d: Value = serde_json::from_str(text).unwrap();
    d.as_object_mut().unwrap().remove("proof");
    d
}

#[test]
fn digital_bazaar_fixtures_agree() {
    let verdicts: Value = serde_json::from_str(&read("verdicts.json")).unwrap();
    let now = verdicts["now"].as_str().unwrap();
    let docs = verdicts["documents"].as_array().unwrap();
    assert!(docs.len() >= 11, "{} documents", docs.len());
    let engine = LdEngine::new();
    let mut failures = Vec::new();
    for d in docs {
        let file = d["file"].as_str().unwrap();
        let db_ok = d["db"]["verified"].as_bool().unwrap();
        assert_eq!(
            db_ok,
            d["expect"] == "verified",
            "{file}: the fixture is not what make.mjs meant"
        );
        let text = read(file);
        let v = common::verdict(&text, now);
        let ours = v.status();
        let agrees = if db_ok {
            ours == "verified"
        } else {
            ours == "invalid"
        };
        if !agrees {
            failures.push(format!(
                "{file}: DB {}, ours {ours} ({})",
                if db_ok { "verified" } else { "rejected" },
                v.why()
            ));
        }
        // What DB's proof signs, byte for byte (the tampered ones too: the difference is in
        // the document, not in the canonicalization).
        let doc = unsecured(&text);
        let want = read(d["nquads"].as_str().unwrap());
        match engine.canonicalize(&doc) {
            Ok(got) if got == want => {}
            Ok(got) => failures.push(format!("{file}: N-Quads differ:\n{got}\nDB:\n{want}")),
            Err(e) => failures.push(format!("{file}: not canonicalized: {e}")),
        }
        // The fast path declines language-tagged and directed strings.
        match engine.to_quads_fast(&doc) {
            Ok(Err(_)) => {}
            other => failures.push(format!("{file}: the fast path answered: {other:?}")),
        }
    }
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    assert!(failures.is_empty());
}

/// The wallet shows the French name, with its tag and direction, of the genuine credential.
#[test]
fn shown_text_is_the_signed_text() {
    let c = wallet_core::parse_credential(&read("ob3-name-en-fr.json")).unwrap();
    let fr = c.achievement.name_in("fr").unwrap();
    assert_eq!(fr.text, "Travail d\u{2019}équipe");
    assert_eq!(fr.lang, Some("fr"));
    assert_eq!(fr.dir.map(|d| d.as_str()), Some("ltr"));
    assert_eq!(
        c.name_in("fr").text,
        "Interop Test Badge",
        "the credential's own name"
    );
    assert_eq!(c.achievement.name.as_deref(), Some("Teamwork"));
    assert_eq!(
        c.achievement.criteria_narrative_in("fr-CA").map(|s| s.text),
        Some("Mener un projet d\u{2019}équipe.")
    );
    let nq = read("ob3-name-en-fr.nq");
    assert!(nq.contains("\"Travail d\u{2019}équipe\"^^<https://www.w3.org/ns/i18n#fr_ltr>"));
    let c = wallet_core::parse_credential(&read("ob3-rtl-no-language.json")).unwrap();
    let s = c.achievement.name_in("fr").unwrap();
    assert_eq!((s.lang, s.dir.map(|d| d.as_str())), (None, Some("rtl")));
}

/// What safe mode refuses about directions (each would be read differently by processors, or
/// is an error for JSON-LD): never verified, never a different reading.
#[test]
fn directions_safe_mode_refuses() {
    let engine = LdEngine::new();
    let doc = |name: Value, ctx_extra: Option<Value>| {
        let mut ctx = vec![
            json!("https://www.w3.org/ns/credentials/v2"),
            json!("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ];
        ctx.extend(ctx_extra);
        json!({
            "@context": ctx,
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": "did:example:issuer",
            "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": {"type": ["AchievementSubject"], "achievement": {
                "id": "urn:uuid:1", "type": ["Achievement"], "name": name,
                "criteria": {"narrative": "n"}}}
        })
    };
    let ok = |name: Value| engine.canonicalize(&doc(name, None));
    // Accepted: the jsonld.js i18n-datatype forms.
    let c = ok(json!({"@value": "x", "@language": "AR-eg", "@direction": "rtl"})).unwrap();
    assert!(
        c.contains("\"x\"^^<https://www.w3.org/ns/i18n#ar-eg_rtl>"),
        "{c}"
    );
    let c = ok(json!({"@value": "x", "@direction": "ltr"})).unwrap();
    assert!(
        c.contains("\"x\"^^<https://www.w3.org/ns/i18n#_ltr>"),
        "{c}"
    );
    // Refused.
    let refused: Vec<(&str, Value, Option<Value>)> = vec![
        (
            "direction up",
            json!({"@value": "x", "@direction": "up"}),
            None,
        ),
        (
            "direction null",
            json!({"@value": "x", "@direction": null}),
            None,
        ),
        (
            "direction not a string",
            json!({"@value": "x", "@direction": 1}),
            None,
        ),
        (
            "direction with a type",
            json!({"@value": "x", "@direction": "ltr", "@type": "http://www.w3.org/2001/XMLSchema#string"}),
            None,
        ),
        (
            "direction on a node",
            json!({"id": "https://e.example/n", "@direction": "rtl"}),
            None,
        ),
        (
            "a value typed in the i18n namespace (the crate's own direction IRI)",
            json!({"@value": "x", "@type": "https://www.w3.org/ns/i18n#rtl"}),
            None,
        ),
        (
            "a value typed as jsonld.js writes a direction",
            json!({"@value": "x", "@type": "https://www.w3.org/ns/i18n#fr_ltr"}),
            None,
        ),
        (
            "a default direction in a context",
            json!("x"),
            Some(json!({"@direction": "rtl"})),
        ),
        (
            "a term direction in a context",
            json!("x"),
            Some(json!({"ex": {"@id": "https://e.example/ex", "@direction": "rtl"}})),
        ),
        (
            "malformed language with a direction",
            json!({"@value": "x", "@language": "not a tag", "@direction": "rtl"}),
            None,
        ),
    ];
    for (what, name, ctx_extra) in refused {
        let d = doc(name, ctx_extra);
        assert!(engine.canonicalize(&d).is_err(), "{what}: accepted");
        assert!(
            engine.to_quads_slow(&d).is_err(),
            "{what}: accepted by the slow path"
        );
    }
}
