//! Links must decode forever, to the same portfolio. `tests/data/format1.golden.jsonl`
//! holds (portfolio, link) pairs written by the format-1 encoder before format 2
//! existed; `tests/data/format2.golden.jsonl` the same cases in format 2 (which
//! pins its coder, priming text and layout: any change to them fails here and
//! needs a new format number). Regenerate ONLY when adding cases:
//! `GOLDEN_WRITE=1 cargo test -p wallet-share --test format1_golden`.

mod common;

use common::*;
use wallet_share::{Original, Portfolio, decode};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/format1.golden.jsonl"
);
const FILE2: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/format2.golden.jsonl"
);

/// A hand-written generic credential (not a published vector).
const CRED: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"urn:uuid:0b7c2d4e-1f3a-4b5c-8d6e-7f8091a2b3c4","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH","type":["Profile"],"name":"Riverside Community College","url":"https://riverside.example.edu"},"validFrom":"2024-06-14T09:30:00Z","name":"Introduction to Spreadsheets","credentialSubject":{"id":"did:example:learner-42","type":["AchievementSubject"],"achievement":{"id":"https://riverside.example.edu/achievements/spreadsheets-101","type":["Achievement"],"name":"Introduction to Spreadsheets","description":"Learners can build, format and analyse spreadsheets using formulas, charts and pivot tables.","criteria":{"narrative":"Completed all six modules and passed the final assessment with at least 70%."}}},"proof":{"type":"DataIntegrityProof","created":"2024-06-14T09:30:05Z","verificationMethod":"did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH#z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH","cryptosuite":"eddsa-rdfc-2022","proofPurpose":"assertionMethod","proofValue":"z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk7VqMKjqjZNRbJvq5FkktF6AzkZoiHwsCGzyTRw2S4zNtm"}}"#;

fn cases() -> Vec<(String, Portfolio)> {
    let mut out = vec![
        ("empty".to_owned(), Portfolio::default()),
        (
            "handwritten OB 3.0".to_owned(),
            Portfolio {
                title: Some("My portfolio".into()),
                holder: Some("Alex Rivera".into()),
                credentials: vec![Original::Json(CRED.into())],
                pathways: None,
            },
        ),
        (
            "odd".to_owned(),
            Portfolio {
                title: Some(String::new()),
                holder: Some("Zoë 😀 \"O'Brien\"".into()),
                credentials: vec![
                    Original::Jws("eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.AAEC".into()),
                    Original::Json("not json".into()),
                    Original::Jws("..".into()),
                ],
                pathways: Some(serde_json::json!({"v": 1, "p": [1.5, "x", null]})),
            },
        ),
    ];
    if let Some(d) = demo_dir() {
        for name in [
            "08-git-and-collaboration.json",
            "05-cloud-practitioner-essentials.jwt",
        ] {
            if let Ok(t) = std::fs::read_to_string(d.join(name)) {
                let c = if name.ends_with(".jwt") {
                    Original::Jws(t.trim().to_owned())
                } else {
                    Original::Json(t)
                };
                out.push((format!("demo {name}"), one(c)));
            }
        }
    }
    out
}

/// Checks every golden link of `file` (written afresh with `GOLDEN_WRITE=1`): it starts
/// with `format`, decodes to its portfolio, and `encoder` still writes exactly it.
fn check_golden(file: &str, format: char, encoder: fn(&Portfolio) -> String, frozen: &str) {
    if std::env::var_os("GOLDEN_WRITE").is_some() {
        let mut s = String::new();
        for (name, p) in cases() {
            let line = serde_json::json!({"name": name, "portfolio": p, "link": encoder(&p)});
            s.push_str(&line.to_string());
            s.push('\n');
        }
        std::fs::write(file, s).unwrap();
    }
    let text = std::fs::read_to_string(file).expect("golden file");
    let mut n = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let name = v["name"].as_str().unwrap();
        let p: Portfolio = serde_json::from_value(v["portfolio"].clone()).unwrap();
        let link = v["link"].as_str().unwrap();
        assert!(link.starts_with(format), "{name}");
        let back = decode(link).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back.title, p.title, "{name}");
        assert_eq!(back.holder, p.holder, "{name}");
        assert_eq!(back.pathways, p.pathways, "{name}");
        assert_eq!(back.credentials.len(), p.credentials.len(), "{name}");
        for (a, b) in p.credentials.iter().zip(&back.credentials) {
            assert_same(a, b, name);
            assert_eq!(&wallet_share::normalize(a), b, "{name}");
        }
        assert_eq!(encoder(&p), link, "{name}: {frozen}");
        n += 1;
    }
    assert!(n >= 3);
}

#[test]
fn format1_links_still_decode() {
    // The format-1 encoder is kept and still writes exactly these links.
    check_golden(
        FILE,
        '1',
        wallet_share::encode_v1,
        "format-1 encoder changed",
    );
}

#[test]
fn format2_links_are_frozen() {
    check_golden(
        FILE2,
        '2',
        wallet_share::encode,
        "format 2 changed (it is frozen: make a format 3)",
    );
}
