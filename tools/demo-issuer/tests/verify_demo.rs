//! Every committed demo credential verifies with the wallet's verification core:
//! signed ones are `verified` (the one that expired in 2024 is `expired`), and each
//! Data Integrity suite the tool uses is present. Tampering breaks them.

use std::collections::HashMap;
use std::path::Path;

use wallet_verify::{Status, VerifyContext, verify};

fn demo(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/demo");
    std::fs::read_to_string(dir.join(name)).expect("demo file")
}

/// The report of a demo credential's text, offline, on 2025-06-01.
fn report_of(text: &str) -> wallet_verify::Report {
    let c = wallet_core::parse_credential(text).expect("parses");
    let resolved = HashMap::new();
    let ctx = VerifyContext {
        now: "2025-06-01T00:00:00Z",
        skew_seconds: 300,
        resolved: &resolved,
        trusted_issuers: &[],
    };
    verify(&c, &ctx)
}

fn status_of(text: &str) -> (Status, String) {
    let r = report_of(text);
    let why = r
        .checks
        .iter()
        .map(|c| format!("{}: {:?} {}", c.id, c.outcome, c.message))
        .collect::<Vec<_>>()
        .join("\n");
    (r.status, why)
}

#[test]
fn demo_credentials_verify() {
    let expected = [
        ("01-intro-to-sql.json", Status::Verified, "eddsa-rdfc-2022"),
        (
            "02-python-data-analysis.json",
            Status::Verified,
            "eddsa-rdfc-2022",
        ),
        (
            "03-data-visualization.json",
            Status::Verified,
            "eddsa-rdfc-2022",
        ),
        (
            "04-workplace-safety-induction.json",
            Status::Expired,
            "eddsa-rdfc-2022",
        ),
        (
            "05-cloud-practitioner-essentials.jwt",
            Status::Verified,
            "eyJ",
        ), // a compact JWS (EdDSA)
        (
            "06-agile-project-fundamentals.json",
            Status::Verified,
            "Ed25519Signature2020",
        ),
        (
            "07-full-stack-web-capstone.json",
            Status::Verified,
            "eddsa-rdfc-2022",
        ),
        (
            "09-accessible-web-design.json",
            Status::Verified,
            "eddsa-jcs-2022",
        ),
        (
            "10-data-ethics-and-privacy.json",
            Status::Verified,
            "eddsa-rdfc-2022",
        ),
        // The header's alg (RS256 / ES256), base64url.
        (
            "11-statistics-foundations.jwt",
            Status::Verified,
            "eyJhbGciOiJSUzI1NiI",
        ),
        (
            "12-spreadsheet-modelling.jwt",
            Status::Verified,
            "eyJhbGciOiJFUzI1NiI",
        ),
        (
            "13-sql-performance-tuning.json",
            Status::Verified,
            "ecdsa-rdfc-2019",
        ),
        (
            "14-data-storytelling.json",
            Status::Verified,
            "ecdsa-sd-2023",
        ),
        (
            "15-data-analytics-transcript.json",
            Status::Verified,
            "ClrCredential",
        ),
    ];
    for (file, status, suite) in expected {
        let text = demo(file);
        assert!(text.contains(suite), "{file} should use {suite}");
        let (got, why) = status_of(&text);
        assert_eq!(got, status, "{file}:\n{why}");
    }
}

#[test]
fn tampered_demo_credentials_are_invalid() {
    for file in [
        "01-intro-to-sql.json",
        "06-agile-project-fundamentals.json",
        "09-accessible-web-design.json",
        "13-sql-performance-tuning.json",
        "14-data-storytelling.json",
        "15-data-analytics-transcript.json",
    ] {
        let text = demo(file).replacen("\"name\": \"", "\"name\": \"Forged ", 1);
        let (got, why) = status_of(&text);
        assert_eq!(got, Status::Invalid, "{file} tampered:\n{why}");
    }
}

/// Demo 07 carries Northfield's endorsement, signed by Northfield: it verifies on its own.
#[test]
fn demo_endorsement_verifies() {
    let r = report_of(&demo("07-full-stack-web-capstone.json"));
    assert_eq!(r.endorsements.len(), 1);
    let e = &r.endorsements[0];
    assert_eq!(e.status, Status::Verified, "{}", e.message);
    assert_eq!(
        e.endorser_name.as_deref(),
        Some("Northfield University (Demo)")
    );
}

/// Demo 15 is Northfield's transcript: the CLR and each of its three nested badges verify.
#[test]
fn demo_transcript_and_its_nested_badges_verify() {
    let r = report_of(&demo("15-data-analytics-transcript.json"));
    assert_eq!(r.status, Status::Verified);
    let names: Vec<_> = r
        .nested
        .iter()
        .map(|n| n.name.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            "Introduction to SQL",
            "Python for Data Analysis",
            "Data Ethics and Privacy"
        ]
    );
    for n in &r.nested {
        assert_eq!(n.report.status, Status::Verified, "{:?}", n.name);
    }
}
