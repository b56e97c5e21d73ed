//! Per-credential verification time with a warm [`Verifier`] (contexts
//! cached), natively. Reads the shared vectors; prints a note and does
//! nothing when they are absent.
//!
//! Run: `cargo bench -p wallet-verify` (see README for the profile used).

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::Value;
use wallet_verify::{Status, Verifier, VerifyContext};

fn load(rel: &str) -> Option<wallet_core::Credential> {
    // Demo credentials are in the repository; the rest are shared vectors.
    let p = match rel.strip_prefix("demo:") {
        Some(demo) => {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/demo")).join(demo)
        }
        None => {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/vectors")).join(rel)
        }
    };
    let text = std::fs::read_to_string(&p).ok()?;
    wallet_core::parse_credential(&text).ok()
}

const CASES: &[(&str, &str)] = &[
    (
        "eddsa-rdfc-2022 (DCC OB3 basic)",
        "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json",
    ),
    (
        "eddsa-rdfc-2022 (DCC OB3 spec example)",
        "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json",
    ),
    (
        "Ed25519Signature2020 (DCC OB3)",
        "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-noExpiry.json",
    ),
    (
        "rdfc + 2020 proof set (DCC OB3)",
        "dcc-vc-test-fixtures/verifiableCredentials/v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry.json",
    ),
    (
        "eddsa-jcs-2022 (demo 09)",
        "demo:09-accessible-web-design.json",
    ),
    (
        "Ed25519Signature2020 (demo 06)",
        "demo:06-agile-project-fundamentals.json",
    ),
    (
        "VC-JWT EdDSA (demo 05)",
        "demo:05-cloud-practitioner-essentials.jwt",
    ),
];

fn bench(c: &mut Criterion) {
    let resolved: HashMap<String, Value> = HashMap::new();
    let ctx = VerifyContext {
        now: "2025-11-23T12:00:00Z",
        skew_seconds: 300,
        resolved: &resolved,
        trusted_issuers: &[],
    };
    let mut any = false;
    for (name, rel) in CASES {
        let Some(cred) = load(rel) else {
            eprintln!("SKIPPED: {rel} not found");
            continue;
        };
        any = true;
        // Cold: a fresh Verifier processes the contexts once.
        let t = Instant::now();
        let v = Verifier::new();
        let r = v.verify(&cred, &ctx);
        let cold = t.elapsed();
        assert_eq!(r.status, Status::Verified, "{name}");
        let t = Instant::now();
        let n = 50;
        for _ in 0..n {
            std::hint::black_box(v.verify(&cred, &ctx));
        }
        let warm = t.elapsed() / n;
        println!("{name}: cold (new Verifier) {cold:?}, warm {warm:?} per credential");
        c.bench_function(name, |b| {
            b.iter(|| v.verify(std::hint::black_box(&cred), &ctx))
        });
    }
    if !any {
        eprintln!("SKIPPED: shared vectors absent, nothing measured");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
