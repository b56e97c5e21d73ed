//! Interop with an independent implementation: Digital Bazaar's VC libraries
//! (`tests/interop/`, node) sign fresh Open Badges 3.0 credentials with
//! eddsa-rdfc-2022, eddsa-jcs-2022, Ed25519Signature2020, ecdsa-rdfc-2019 and
//! ecdsa-jcs-2019 (P-256 and P-384, fresh keys each run), and ecdsa-sd-2023 (base proofs
//! derived into disclosures, `tests/interop/sd.mjs`), tamper with them
//! in many ways and record their own verdict; here wallet-verify verifies
//! every document and must agree:
//!
//! - DB `verifyCredential` verified ⇔ our status is `verified`;
//! - our status `expired` / `not-yet-valid` ⇔ DB's proofs verify on their own
//!   but `verifyCredential` rejects the credential for its validity dates;
//! - everything else: both reject it.
//!
//! A few documents are known, explained divergences (see `KNOWN`): where
//! Digital Bazaar's libraries are more lenient than the specifications, and
//! where wallet-verify is (an open bug, listed so that the rest of the table
//! guards against regressions). The test fails if one of them stops
//! diverging, so the list stays true: fixing the bug turns it red until its
//! entry is removed.
//!
//! Skips loudly (`SKIPPED: …`) when node or `tests/interop/node_modules` is
//! missing (`cd tests/interop && npm ci`).

mod common;

use std::path::PathBuf;

use serde_json::Value;

/// Documents where we differ from Digital Bazaar: (document names, our
/// status, who is wrong, why).
type Known = (
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static str,
);
const KNOWN: &[Known] = &[
    (
        &[
            "rdfc-proofValue-base64url",
            "jcs-proofValue-base64url",
            "ecdsa-rdfc-proofValue-base64url",
            "ecdsa-rdfc-p384-proofValue-base64url",
            "ecdsa-jcs-proofValue-base64url",
            "ecdsa-jcs-p384-proofValue-base64url",
        ],
        "invalid",
        "DB lenient",
        "a DataIntegrityProof proofValue in base64url multibase ('u…'): \
         vc-di-eddsa and vc-di-ecdsa require base58-btc ('z…'); DB's data-integrity decodes \
         any multibase (its Ed25519Signature2020 suite does refuse it)",
    ),
    (
        &["sd-proofValue-extra-field"],
        "invalid",
        "DB lenient",
        "an ecdsa-sd-2023 derived proofValue whose CBOR array has a sixth, unsigned field: \
         vc-di-ecdsa §3.5.8 defines exactly five; DB's parser destructures the first five and \
         ignores the rest",
    ),
];

/// Runs `node tests/interop/sign.mjs <dir>`; None (skipped) without node or
/// the npm packages.
fn generate() -> Option<PathBuf> {
    common::run_interop_script(
        "sign.mjs",
        "@digitalbazaar/vc",
        "interop with Digital Bazaar",
    )
}

/// Our verdict: the status, or `parse-error` when the wallet would not even
/// import the document; and the first failing message.
fn ours(text: &str, now: &str) -> (String, String) {
    let v = common::verdict(text, now);
    (v.status().to_string(), v.why())
}

fn is_date_error(e: &str) -> bool {
    e.contains("validUntil")
        || e.contains("validFrom")
        || e.contains("issuanceDate")
        || e.contains("has expired")
}

#[test]
fn digital_bazaar_agrees_with_wallet_verify() {
    let Some(dir) = generate() else { return };
    let verdicts: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("verdicts.json")).unwrap())
            .expect("verdicts.json");
    let now = verdicts["now"].as_str().expect("now").to_string();
    let docs = verdicts["documents"].as_array().expect("documents");
    // Every case of tests/interop/sign.mjs that Digital Bazaar signs (it refuses a few, listed
    // by the generator): fewer means a case silently stopped being made.
    assert!(docs.len() >= 132, "too few documents: {}", docs.len());

    let mut rows = Vec::new();
    let mut disagreements = Vec::new();
    let (mut agree, mut known_n) = (0, 0);
    for d in docs {
        let file = d["file"].as_str().unwrap();
        let name = d["name"].as_str().unwrap();
        let db = &d["db"];
        let db_ok = db["verified"].as_bool().unwrap();
        let db_sig = db["signatureVerified"].as_bool().unwrap();
        let db_err = db["error"].as_str().unwrap_or("");
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let (status, why) = ours(&text, &now);

        // DB's proofs verify, but verifyCredential rejects the dates.
        let dates_only = !db_ok && db_sig && is_date_error(db_err);
        let db_says = if db_ok {
            "verified".to_string()
        } else if dates_only {
            "signature ok, dates rejected".to_string()
        } else {
            format!("rejected{}", if db_sig { " (signature ok)" } else { "" })
        };
        let agrees = match status.as_str() {
            "verified" => db_ok,
            "expired" | "not-yet-valid" => !db_ok && dates_only,
            _ => !db_ok && !dates_only,
        };
        // A document the generator made as genuine must be verified by both: agreeing on a
        // refusal of an honest credential is not agreement that counts.
        if d["expect"] == "verified" && !(db_ok && status == "verified") {
            disagreements.push(format!(
                "{file}: made as a genuine credential, but DB {db_says} and ours {status} ({why})"
            ));
        }
        let known = KNOWN.iter().find(|(names, _, _, _)| names.contains(&name));
        let verdict = match (agrees, known) {
            (true, None) => {
                agree += 1;
                "agree"
            }
            (false, Some((_, st, who, _))) if *st == status => {
                known_n += 1;
                if *who == "OUR BUG" {
                    "KNOWN: OUR BUG"
                } else {
                    "known: DB lenient"
                }
            }
            (true, Some(_)) => {
                disagreements.push(format!(
                    "{file}: listed as a known divergence but now agrees (DB {db_says}, ours {status}); update KNOWN"
                ));
                "agree (listed as known!)"
            }
            (false, _) => {
                disagreements.push(format!(
                    "{file}: DB {db_says} ({db_err}) but ours {status} ({why})"
                ));
                "DISAGREE"
            }
        };
        rows.push(format!(
            "{file:<56} {db_says:<30} {status:<14} {verdict}{}",
            if status != "verified" && !why.is_empty() {
                format!("  [{why}]")
            } else {
                String::new()
            }
        ));
    }
    eprintln!(
        "{:<56} {:<30} {:<14} verdict",
        "document", "Digital Bazaar", "wallet-verify"
    );
    for r in &rows {
        eprintln!("{r}");
    }
    eprintln!(
        "{} documents: {agree} agree, {known_n} known divergences, {} disagreements",
        docs.len(),
        disagreements.len()
    );
    for (names, status, who, why) in KNOWN {
        eprintln!(
            "known divergence {} (ours {status}) [{who}]: {why}",
            names.join(", ")
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        disagreements.is_empty(),
        "disagreements:\n{}",
        disagreements.join("\n")
    );
}
