//! In-browser benchmark hooks (called by tests/e2e/bench/*.mjs through `window.wasmBindings`).
//! They measure the same verification core the wallet uses, in the page's own wasm.

use std::collections::HashMap;

use wasm_bindgen::prelude::wasm_bindgen;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Verifies `text` `iterations` times (after one warm-up) and returns JSON figures in ms:
/// `{"first": …, "median": …, "p95": …, "status": "…"}`.
#[wasm_bindgen]
pub fn bench_verify(text: &str, iterations: u32) -> String {
    let Ok(credential) = wallet_core::parse_credential(text) else {
        return r#"{"error":"not a credential"}"#.into();
    };
    let resolved = HashMap::new();
    let trusted: Vec<String> = Vec::new();
    let ctx = wallet_verify::VerifyContext {
        now: "2025-06-01T00:00:00Z",
        skew_seconds: 300,
        resolved: &resolved,
        trusted_issuers: &trusted,
    };
    let t0 = now();
    let report = wallet_verify::verify(&credential, &ctx);
    let first = now() - t0;
    let mut times = Vec::with_capacity(iterations as usize);
    for _ in 0..iterations {
        let t = now();
        let _ = wallet_verify::verify(&credential, &ctx);
        times.push(now() - t);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let pick = |q: f64| {
        times
            .get(((times.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    format!(
        r#"{{"first":{first:.3},"median":{:.3},"p95":{:.3},"iterations":{iterations},"status":"{}"}}"#,
        pick(0.5),
        pick(0.95),
        report.status.as_str()
    )
}
