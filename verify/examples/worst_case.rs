//! The most work one credential can ask of the verifier, timed: the demo credential with its
//! achievement's alignment list grown until the statement bound (`MAX_QUADS`) is near, on the
//! fast path and (with one value the fast path declines) on the json-ld crate's path.
//! `cargo run --release -p wallet-verify --example worst_case`
use std::collections::HashMap;
use std::time::Instant;

use serde_json::{Value, json};

fn main() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/demo/01-intro-to-sql.json"
    ))
    .unwrap();
    let resolved = HashMap::new();
    let ctx = wallet_verify::VerifyContext {
        now: "2025-06-01T00:00:00Z",
        skew_seconds: 300,
        resolved: &resolved,
        trusted_issuers: &[],
    };
    // Around the bounds: MAX_VALUES (fast path) and MAX_SLOW_VALUES (json-ld crate); each
    // alignment is 5 JSON values.
    for (n, slow) in [
        (100, false),
        (1000, false),
        (2350, false),
        (2500, false),
        (100, true),
        (470, true),
        (520, true),
    ] {
        let mut d: Value = serde_json::from_str(&text).unwrap();
        let list: Vec<Value> = (0..n)
            .map(|i| {
                json!({"type": ["Alignment"], "targetName": format!("Skill {i}"), "targetUrl": format!("https://example.org/skill/{i}")})
            })
            .collect();
        d["credentialSubject"]["achievement"]["alignment"] = Value::Array(list);
        if slow {
            // A language-tagged value: the fast path declines, the json-ld crate runs.
            d["credentialSubject"]["achievement"]["description"] =
                json!({"@value": "x", "@language": "en"});
        }
        let doc = d.to_string();
        let cred = wallet_core::parse_credential(&doc).unwrap();
        let t = Instant::now();
        let r = wallet_verify::verify(&cred, &ctx);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "{n:>5} alignments ({} KiB, {}): {ms:.0} ms → {:?}: {}",
            doc.len() / 1024,
            if slow { "json-ld crate" } else { "fast path" },
            r.status,
            r.check("signature")
                .map(|c| c.message.as_str())
                .unwrap_or("")
        );
    }
}
