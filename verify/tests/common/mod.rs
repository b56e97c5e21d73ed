//! Shared by the interop test and the differential judge
//! (`examples/judge.rs`): how the wallet reads and verifies one document with
//! nothing resolved and no trusted issuer, and which message explains it.
#![allow(dead_code)]

use std::collections::HashMap;

use wallet_verify::{Check, Outcome, Report, VerifyContext, verify};

/// The wallet's verdict on one document's text.
pub enum Verdict {
    /// The wallet would not import it (`wallet_core::parse_credential` refused it).
    ParseError(String),
    Report(Report),
}

/// Parses `text` as the app does and verifies it at `now` (skew 300 s),
/// offline and with an empty trusted list.
pub fn verdict(text: &str, now: &str) -> Verdict {
    let cred = match wallet_core::parse_credential(text) {
        Ok(c) => c,
        Err(e) => return Verdict::ParseError(e.to_string()),
    };
    let resolved = HashMap::new();
    let ctx = VerifyContext {
        now,
        skew_seconds: 300,
        resolved: &resolved,
        trusted_issuers: &[],
    };
    Verdict::Report(verify(&cred, &ctx))
}

impl Verdict {
    /// The card status, or `parse-error`.
    pub fn status(&self) -> &'static str {
        match self {
            Verdict::ParseError(_) => "parse-error",
            Verdict::Report(r) => r.status.as_str(),
        }
    }

    /// The first failing check (else a signature that was not checked) as
    /// `id: message`; empty when nothing failed.
    pub fn why(&self) -> String {
        match self {
            Verdict::ParseError(e) => e.clone(),
            Verdict::Report(r) => r
                .checks
                .iter()
                .find(|c| c.outcome == Outcome::Fail)
                .or_else(|| {
                    r.checks
                        .iter()
                        .find(|c| c.outcome == Outcome::NotChecked && c.id == "signature")
                })
                .map(|c| format!("{}: {}", c.id, c.message))
                .unwrap_or_default(),
        }
    }

    /// The signature check, when the document got that far.
    pub fn signature(&self) -> Option<&Check> {
        match self {
            Verdict::ParseError(_) => None,
            Verdict::Report(r) => r.check("signature"),
        }
    }
}

// ---- Credentials and keys made in the tests (status, jwt, trust_dates) ----

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// A TEST-ONLY Ed25519 did:key made from a fixed seed (`[seed; 32]`): never use it for
/// anything but these tests.
pub struct TestKey {
    pub sk: SigningKey,
    /// The public key as a multibase multikey (`z6Mk…`).
    pub multibase: String,
    /// `did:key:<multibase>`.
    pub did: String,
    /// The verification method: `<did>#<multibase>`.
    pub vm: String,
}

impl TestKey {
    pub fn from_seed(seed: u8) -> TestKey {
        let sk = SigningKey::from_bytes(&[seed; 32]);
        let mut bytes = vec![0xed, 0x01];
        bytes.extend_from_slice(sk.verifying_key().as_bytes());
        let multibase = format!("z{}", bs58::encode(bytes).into_string());
        let did = format!("did:key:{multibase}");
        let vm = format!("{did}#{multibase}");
        TestKey {
            sk,
            multibase,
            did,
            vm,
        }
    }
}

/// An Open Badges 3.0 credential (VC 2.0, OB 3.0.3 contexts) with this `id`, `issuer.id`
/// and `name`, and one achievement; unsigned.
pub fn ob3_credential(id: &str, issuer: &str, name: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": format!("{name} Issuer")},
        "name": name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {"id": "urn:uuid:a", "type": ["Achievement"], "name": "A",
                            "criteria": {"narrative": "n"}, "description": "d"}
        }
    })
}

/// A compact JWS of `payload` under `header`, signed with EdDSA by `sk`.
pub fn sign_jws(sk: &SigningKey, header: &Value, payload: &Value) -> String {
    let input = format!(
        "{}.{}",
        B64.encode(serde_json::to_vec(header).unwrap()),
        B64.encode(serde_json::to_vec(payload).unwrap())
    );
    format!(
        "{input}.{}",
        B64.encode(sk.sign(input.as_bytes()).to_bytes())
    )
}

/// `doc` with an eddsa-jcs-2022 proof (vc-di-eddsa §3.2) by `key`.
pub fn sign_jcs(mut doc: Value, key: &TestKey) -> Value {
    fn jcs(v: &Value) -> Vec<u8> {
        let mut out = Vec::new();
        wallet_verify::jcs::value(&mut out, v);
        out
    }
    let mut proof = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": "2025-01-01T00:00:00Z",
        "verificationMethod": key.vm,
        "proofPurpose": "assertionMethod",
    });
    let mut hash = Sha256::digest(jcs(&proof)).to_vec();
    hash.extend_from_slice(&Sha256::digest(jcs(&doc)));
    let sig = key.sk.sign(&hash);
    proof["proofValue"] = json!(format!("z{}", bs58::encode(sig.to_bytes()).into_string()));
    doc["proof"] = proof;
    doc
}

/// Run `node tests/interop/<script> <fresh temp dir>` and return that directory; `None`
/// (with a loud `SKIPPED:` line naming `what`) when node or `tests/interop/node_modules/<needs>`
/// is missing. Panics with the script's output when it fails.
pub fn run_interop_script(script: &str, needs: &str, what: &str) -> Option<std::path::PathBuf> {
    use std::process::Command;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let interop = root.join("tests/interop");
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED: {what}: `node` not found");
        return None;
    }
    if !interop.join("node_modules").join(needs).exists() {
        eprintln!(
            "SKIPPED: {what}: tests/interop/node_modules/{needs} missing (run `npm ci` there)"
        );
        return None;
    }
    let tag = script.trim_end_matches(".mjs");
    let out = std::env::temp_dir().join(format!("wallet-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let run = Command::new("node")
        .arg(interop.join(script))
        .arg(&out)
        .current_dir(&root)
        .output()
        .unwrap_or_else(|e| panic!("run node tests/interop/{script}: {e}"));
    assert!(
        run.status.success(),
        "{script} failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    Some(out)
}
