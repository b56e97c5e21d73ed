//! Strict JSON (`wallet_core::json`, duplicate names refused) against serde_json's own
//! `Value` parser on the demo credentials: prints the time per document of each.
//! `cargo run --release -p wallet-core --example json_speed`
use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/demo");
    let docs: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .filter(|t| t.trim_start().starts_with('{'))
        .collect();
    let rounds = 2000;
    for round in 0..3 {
        let t = Instant::now();
        for _ in 0..rounds {
            for d in &docs {
                std::hint::black_box(serde_json::from_str::<serde_json::Value>(d).unwrap());
            }
        }
        let serde = t.elapsed().as_secs_f64() / (rounds * docs.len()) as f64;
        let t = Instant::now();
        for _ in 0..rounds {
            for d in &docs {
                std::hint::black_box(wallet_core::json::from_str(d).unwrap());
            }
        }
        let strict = t.elapsed().as_secs_f64() / (rounds * docs.len()) as f64;
        println!(
            "round {round}: {} documents: serde_json {:.1} µs, strict {:.1} µs per document ({:+.1}%)",
            docs.len(),
            serde * 1e6,
            strict * 1e6,
            100.0 * (strict / serde - 1.0)
        );
    }
}
