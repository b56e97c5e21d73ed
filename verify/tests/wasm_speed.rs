//! Where the time of one verification goes, in WebAssembly (V8 under node, the
//! engine Chromium uses). A benchmark: it prints figures and asserts only that the
//! credentials verify. Run:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --release -p wallet-verify --target wasm32-unknown-unknown --test wasm_speed -- --nocapture`
#![cfg(target_arch = "wasm32")]

use std::collections::HashMap;

use ed25519_dalek::{Signature, Verifier as _, VerifyingKey};
use sha2::{Digest, Sha256};
use wallet_verify::jsonld::{LdEngine, canonicalize_quads};
use wallet_verify::{Status, Verifier, VerifyContext};
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

const RDFC: &str = include_str!("../../public/demo/01-intro-to-sql.json");
const JCS: &str = include_str!("../../public/demo/09-accessible-web-design.json");
const ED2020: &str = include_str!("../../public/demo/06-agile-project-fundamentals.json");
const JWT: &str = include_str!("../../public/demo/05-cloud-practitioner-essentials.jwt");

/// Median time in µs of `f` over `n` runs of `batch` calls (the timer has coarse steps).
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `performance.now()` (node and browsers), finer than `Date.now()`.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn now_ms() -> f64;
}

fn time_us(n: usize, batch: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut v: Vec<f64> = (0..n)
        .map(|_| {
            let t = now_ms();
            for _ in 0..batch {
                f();
            }
            (now_ms() - t) * 1000.0 / batch as f64
        })
        .collect();
    v.sort_by(f64::total_cmp);
    v[n / 2]
}

#[wasm_bindgen_test]
fn where_the_time_goes() {
    let resolved = HashMap::new();
    let ctx = VerifyContext {
        now: "2025-06-01T00:00:00Z",
        skew_seconds: 300,
        resolved: &resolved,
        trusted_issuers: &[],
    };
    let verifier = Verifier::new();
    for (name, text) in [
        ("eddsa-rdfc-2022", RDFC),
        ("eddsa-jcs-2022", JCS),
        ("Ed25519Signature2020", ED2020),
        ("VC-JWT", JWT),
    ] {
        let cred = wallet_core::parse_credential(text).unwrap();
        assert_eq!(
            verifier.verify(&cred, &ctx).status,
            Status::Verified,
            "{name}"
        );
        let parse = time_us(15, 20, || {
            wallet_core::parse_credential(text).unwrap();
        });
        let full = time_us(15, 20, || {
            verifier.verify(&cred, &ctx);
        });
        console_log!("{name:<22} verify {full:>7.1} µs   (parse_credential {parse:.1} µs)");
    }

    // The stages of eddsa-jcs-2022 besides the signature.
    let parse_json = time_us(15, 20, || {
        serde_json::from_str::<serde_json::Value>(JCS).unwrap();
    });
    let jdoc: serde_json::Value = serde_json::from_str(JCS).unwrap();
    let jcs_text = serde_jcs::to_string(&jdoc).unwrap();
    let serde_jcs_t = time_us(15, 50, || {
        serde_jcs::to_string(&jdoc).unwrap();
    });
    let jcs_t = time_us(15, 50, || {
        let mut out = Vec::new();
        wallet_verify::jcs::value(&mut out, &jdoc);
    });
    let jcs_sha = time_us(15, 50, || {
        Sha256::digest(jcs_text.as_bytes());
    });
    console_log!(
        "jcs stages: JSON parse {parse_json:.1} µs, JCS {jcs_t:.1} µs (serde_jcs {serde_jcs_t:.1} µs; {} bytes), sha256 {jcs_sha:.1} µs",
        jcs_text.len()
    );

    // The stages of eddsa-rdfc-2022.
    let engine = LdEngine::new();
    let mut doc: serde_json::Value = serde_json::from_str(RDFC).unwrap();
    doc.as_object_mut().unwrap().remove("proof");
    let quads = engine.to_quads(&doc).unwrap();
    let canon = canonicalize_quads(&quads).unwrap();
    let to_quads = time_us(15, 20, || {
        engine.to_quads(&doc).unwrap();
    });
    let canon_t = time_us(15, 20, || {
        canonicalize_quads(&quads).unwrap();
    });
    let sha = time_us(15, 50, || {
        Sha256::digest(canon.as_bytes());
    });
    let jcs = time_us(15, 50, || {
        serde_jcs::to_string(&doc).unwrap();
    });
    console_log!(
        "rdfc stages: to_quads {to_quads:.1} µs ({} quads), canonicalize {canon_t:.1} µs ({} bytes), sha256 {sha:.1} µs; jcs of the same document {jcs:.1} µs",
        quads.len(),
        canon.len()
    );

    // The proof configuration (the proof without proofValue, under the document's @context).
    let full: serde_json::Value = serde_json::from_str(RDFC).unwrap();
    let mut config = full["proof"].as_object().unwrap().clone();
    config.remove("proofValue");
    config.insert("@context".into(), full["@context"].clone());
    let config = serde_json::Value::Object(config);
    let path = match engine.to_quads_fast(&config) {
        Ok(Ok(_)) => "fast path".to_string(),
        Ok(Err(f)) => format!("FALLBACK ({})", f.0),
        Err(e) => format!("error {e:?}"),
    };
    let config_t = time_us(15, 20, || {
        engine.canonicalize(&config).unwrap();
    });
    console_log!("proof configuration: {config_t:.1} µs to canonical form, {path}");

    // Ed25519 alone (RFC 8032 test 1 key and signature of the empty message).
    let pk: [u8; 32] = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    let sig = Signature::from_bytes(&hex::<64>(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ));
    let key = VerifyingKey::from_bytes(&pk).unwrap();
    key.verify_strict(b"", &sig).unwrap();
    let decompress = time_us(15, 50, || {
        VerifyingKey::from_bytes(&pk).unwrap();
    });
    let strict = time_us(15, 50, || {
        key.verify_strict(b"", &sig).unwrap();
    });
    let lax = time_us(15, 50, || {
        key.verify(b"", &sig).unwrap();
    });
    // The wallet's check: the same rule, with the key's comb from its second use on.
    assert!(wallet_verify::ed25519::verify_strict(&key, b"", &sig));
    let comb = time_us(15, 50, || {
        assert!(wallet_verify::ed25519::verify_strict(&key, b"", &sig));
    });
    let pk2: [u8; 32] = hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    let key2 = VerifyingKey::from_bytes(&pk2).unwrap();
    let t = now_ms();
    wallet_verify::ed25519::verify_strict(&key2, b"", &sig);
    wallet_verify::ed25519::verify_strict(&key2, b"", &sig);
    let build = (now_ms() - t) * 1000.0;
    console_log!(
        "ed25519: key decompression {decompress:.1} µs, verify_strict {strict:.1} µs, verify {lax:.1} µs; wallet (per-key comb) {comb:.1} µs, a new key's first two uses {build:.0} µs"
    );
}

fn hex<const N: usize>(s: &str) -> [u8; N] {
    let mut out = [0u8; N];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap();
    }
    out
}
