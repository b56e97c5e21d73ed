//! The 1EdTech Open Badges 3.0 Displayer checklist, natively: for VC 2.0 and VC 1.1, a
//! valid, an expired and a revoked badge signed with eddsa-rdfc-2022 and with ecdsa-sd-2023
//! (a derived disclosure), revoked through a signed BitstringStatusList (purpose
//! `revocation`). Fixtures: `tests/fixtures/displayer/`, made and checked against Digital
//! Bazaar's verifier and status-list checker by `tests/interop/displayer-fixtures.mjs`.
//! The browser walk of the same checklist is `tests/e2e/specs/displayer.test.js`.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::Value;
use wallet_verify::{Outcome, Status, VerifyContext, verify};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/displayer")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Both status lists, as the wallet would have fetched them.
fn lists() -> HashMap<String, Value> {
    ["ed-list.json", "p256-list.json"]
        .iter()
        .map(|f| {
            let v: Value = serde_json::from_str(&read(f)).unwrap();
            (v["id"].as_str().unwrap().to_string(), v)
        })
        .collect()
}

fn run(name: &str, resolved: &HashMap<String, Value>) -> wallet_verify::Report {
    let c = wallet_core::parse_credential(&read(name)).expect("core parses the badge");
    verify(
        &c,
        &VerifyContext {
            now: "2026-12-01T12:00:00Z",
            skew_seconds: 60,
            resolved,
            trusted_issuers: &[],
        },
    )
}

#[test]
fn displayer_checklist() {
    let resolved = lists();
    let mut n = 0;
    for model in ["vc2", "vc1"] {
        for suite in ["eddsa-rdfc", "ecdsa-sd"] {
            for (kind, want) in [
                ("valid", Status::Verified),
                ("expired", Status::Expired),
                ("revoked", Status::Revoked),
            ] {
                let name = format!("{model}-{suite}-{kind}.json");
                let r = run(&name, &resolved);
                assert_eq!(r.status, want, "{name}: {:#?}", r.checks);
                let sig = r.check("signature").unwrap();
                assert_eq!(sig.outcome, Outcome::Pass, "{name}: {}", sig.message);
                let disclosure = r.check("disclosure");
                assert_eq!(disclosure.is_some(), suite == "ecdsa-sd", "{name}");
                let proof = &r.proofs[0].suite;
                assert_eq!(
                    proof,
                    if suite == "ecdsa-sd" {
                        "ecdsa-sd-2023"
                    } else {
                        "eddsa-rdfc-2022"
                    },
                    "{name}"
                );
                // Offline, the revocation list cannot be read: never `verified`.
                let offline = run(&name, &HashMap::new());
                let want_offline = if kind == "expired" {
                    Status::Expired
                } else {
                    Status::Unverified
                };
                assert_eq!(offline.status, want_offline, "{name} offline");
                n += 1;
            }
        }
    }
    assert_eq!(n, 12);
}
