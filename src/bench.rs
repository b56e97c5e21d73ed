//! In-browser benchmark hooks (called by tests/e2e/bench/*.mjs through `window.wasmBindings`),
//! linked into the employer's viewer (`src/bin/viewer.rs`): they measure the same verification
//! core the viewer and the wallet's worker run, in the page's own wasm.

use std::collections::HashMap;

use wasm_bindgen::prelude::wasm_bindgen;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Verifies `text` `iterations` times (after one warm-up) and returns JSON figures in ms:
/// `{"first": …, "min": …, "median": …, "p95": …, "new_key_median": …, "status": "…"}`
/// (`new_key_median`: each call as its key's first use, see `forget_keys`; `min` is the least
/// disturbed by other work on the machine). The calls are timed in batches of
/// [`BATCH`] and each batch's mean is one sample: `performance.now()` has 0.1 ms steps in
/// Chromium, too coarse to time one call of a few tenths of a millisecond.
/// Calls timed together in [`bench_verify`].
const BATCH: usize = 10;

#[wasm_bindgen]
pub fn bench_verify(text: &str, iterations: u32) -> String {
    let Ok(credential) = wallet_core::parse_credential(text) else {
        return r#"{"error":"not a credential"}"#.into();
    };
    let resolved = HashMap::new();
    let ctx = bench_context(&resolved);
    let t0 = now();
    let report = wallet_verify::verify(&credential, &ctx);
    let first = now() - t0;
    let mut times = Vec::with_capacity(iterations as usize / BATCH + 1);
    for _ in 0..iterations.div_ceil(BATCH as u32) {
        let t = now();
        for _ in 0..BATCH {
            std::hint::black_box(wallet_verify::verify(&credential, &ctx));
        }
        times.push((now() - t) / BATCH as f64);
    }
    // The same, each call as the key's first use (decoded key and comb forgotten).
    let mut cold = Vec::with_capacity(times.capacity());
    for _ in 0..iterations.div_ceil(BATCH as u32) {
        let t = now();
        for _ in 0..BATCH {
            wallet_verify::forget_keys();
            std::hint::black_box(wallet_verify::verify(&credential, &ctx));
        }
        cold.push((now() - t) / BATCH as f64);
    }
    let (times, cold) = (sorted(times), sorted(cold));
    format!(
        r#"{{"first":{first:.3},"min":{:.3},"median":{:.3},"p95":{:.3},"new_key_median":{:.3},"iterations":{iterations},"status":"{}"}}"#,
        pick(&times, 0.0),
        pick(&times, 0.5),
        pick(&times, 0.95),
        pick(&cold, 0.5),
        report.status.as_str()
    )
}

/// A wallet's re-check on open: `texts` verified in turn, `rounds` times, starting with no
/// key seen before. Returns `{"credentials": n, "first_round_ms": …, "per_credential_ms": …,
/// "verified": …}` (`per_credential_ms` over all rounds, the first included).
#[wasm_bindgen]
pub fn bench_verify_many(texts: Vec<String>, rounds: u32) -> String {
    let credentials: Vec<_> = texts
        .iter()
        .filter_map(|t| wallet_core::parse_credential(t).ok())
        .collect();
    let resolved = HashMap::new();
    let ctx = bench_context(&resolved);
    wallet_verify::forget_keys();
    let mut verified = 0;
    let t0 = now();
    let mut first_round = 0.0;
    for round in 0..rounds.max(1) {
        for c in &credentials {
            let r = wallet_verify::verify(c, &ctx);
            if round == 0 && r.status == wallet_verify::Status::Verified {
                verified += 1;
            }
        }
        if round == 0 {
            first_round = now() - t0;
        }
    }
    let total = now() - t0;
    let n = credentials.len();
    format!(
        r#"{{"credentials":{n},"rounds":{},"first_round_ms":{first_round:.3},"per_credential_ms":{:.4},"verified":{verified}}}"#,
        rounds.max(1),
        total / (n.max(1) as f64 * rounds.max(1) as f64)
    )
}

/// The benchmarks' verification context: a fixed clock, offline, no trusted issuers.
fn bench_context(
    resolved: &HashMap<String, serde_json::Value>,
) -> wallet_verify::VerifyContext<'_> {
    wallet_verify::VerifyContext {
        now: "2025-06-01T00:00:00Z",
        skew_seconds: 300,
        resolved,
        trusted_issuers: &[],
    }
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    v
}

fn pick(sorted: &[f64], q: f64) -> f64 {
    sorted
        .get(((sorted.len() as f64 - 1.0) * q).round() as usize)
        .copied()
        .unwrap_or(0.0)
}
