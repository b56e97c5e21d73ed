//! The wallet's side of the differential harness (`tests/interop/mutate.mjs`):
//! reads JSON Lines on stdin, one document's exact text per line, verifies
//! each as the app does (`wallet_core::parse_credential`, then
//! `wallet_verify::verify` offline, no trusted issuer, at a fixed time) and
//! prints one JSON line per document, in order:
//!
//! `{"status": "verified"|…|"parse-error"|"panic", "signature": {"outcome", "message"}|null, "why": "…"}`
//!
//! `cargo run -p wallet-verify --example judge -- [--now RFC3339] < docs.jsonl`
//! (`now` defaults to the time `tests/interop/sign.mjs` signs for). A line is
//! the document's own text, so duplicate member names reach the parser as
//! written. A panic is caught and reported as status `panic` (a finding: the
//! entry points must be total).

use std::io::{BufRead, Write};

use serde_json::json;

// The helper the interop test uses: parse as the app does, verify offline.
#[path = "../tests/common/mod.rs"]
mod common;

const DEFAULT_NOW: &str = "2025-06-01T12:00:00Z";

fn judge(text: &str, now: &str) -> serde_json::Value {
    match std::panic::catch_unwind(|| common::verdict(text, now)) {
        Ok(v) => json!({
            "status": v.status(),
            "signature": v.signature().map(|c| json!({"outcome": c.outcome, "message": c.message})),
            "why": v.why(),
        }),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            json!({"status": "panic", "signature": null, "why": msg})
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let now = match args.as_slice() {
        [] => DEFAULT_NOW.to_string(),
        [flag, t] if flag == "--now" => t.clone(),
        _ => {
            eprintln!("usage: judge [--now RFC3339] < documents.jsonl");
            std::process::exit(2);
        }
    };
    // Panics are reported per document; keep stderr quiet about them.
    std::panic::set_hook(Box::new(|_| {}));
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line.expect("stdin: UTF-8 lines");
        if line.trim().is_empty() {
            continue;
        }
        let v = judge(&line, &now);
        writeln!(out, "{v}").expect("stdout");
    }
    out.flush().expect("stdout");
}
