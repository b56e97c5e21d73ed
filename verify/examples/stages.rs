//! Times each JSON-LD stage on one file (a fuzz finding, a slow credential): the fast path,
//! the json-ld crate, and RDFC-1.0 (the fast one and the whole algorithm), so a slow input
//! can be pinned to its stage. `DUMP=1` also prints the slow path's N-Quads;
//! `CANON_OUT=file` writes their canonical form.
//! `cargo run --release -p wallet-verify --example stages -- FILE`
use std::time::Instant;
use wallet_verify::jsonld::{LdEngine, canonicalize_quads, canonicalize_quads_full};

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let bytes = std::fs::read(path).unwrap();
    let doc = wallet_core::json::from_slice(&bytes).unwrap();
    let engine = LdEngine::new();
    let t = Instant::now();
    let fast = engine.to_quads_fast(&doc);
    println!(
        "fast: {:?} in {:?}",
        fast.as_ref()
            .map(|r| r.as_ref().map(|q| q.len()).map_err(|e| e.0)),
        t.elapsed()
    );
    if let Ok(Ok(q)) = &fast {
        let t = Instant::now();
        let c = canonicalize_quads(q);
        println!(
            "canon(fast quads): {:?} in {:?}",
            c.as_ref().map(|s| s.len()),
            t.elapsed()
        );
    }
    let t = Instant::now();
    let slow = engine.to_quads_slow(&doc);
    println!(
        "slow: {:?} in {:?}",
        slow.as_ref().map(|q| q.len()),
        t.elapsed()
    );
    if let Ok(q) = &slow {
        let t = Instant::now();
        let c = canonicalize_quads_full(q);
        println!(
            "canon full(slow quads): {:?} in {:?}",
            c.as_ref().map(|s| s.len()),
            t.elapsed()
        );
        let t = Instant::now();
        let c = canonicalize_quads(q);
        println!(
            "canon(slow quads): {:?} in {:?}",
            c.as_ref().map(|s| s.len()),
            t.elapsed()
        );
    }
    if let (Ok(q), Ok(_)) = (&slow, std::env::var("DUMP")) {
        for x in q {
            println!("{x} .");
        }
    }
    if let (Ok(q), Ok(out)) = (&slow, std::env::var("CANON_OUT")) {
        std::fs::write(out, canonicalize_quads_full(q).unwrap_or_default()).unwrap();
    }
    let t = Instant::now();
    let all = engine.to_quads(&doc);
    println!(
        "to_quads (app): {:?} in {:?}",
        all.as_ref().map(|q| q.len()),
        t.elapsed()
    );
}
