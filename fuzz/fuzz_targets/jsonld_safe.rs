//! The JSON-LD safe-mode path on any text: strict JSON, then JSON-LD → RDF by the fast path
//! and by the json-ld crate with safe mode. Never panics, and checks the invariant "a fast
//! path may decline, never disagree": whenever the fast path answers, the slow path gives the
//! same canonical N-Quads. Seeded with the demo credentials, the fixtures and the vectors, so
//! mutations keep reaching the bundled contexts.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wallet_verify::jsonld::{LdEngine, canonicalize_quads_full};

thread_local! {
    static ENGINE: LdEngine = LdEngine::new();
}

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = wallet_core::json::from_slice(data) else {
        return;
    };
    ENGINE.with(|engine| {
        let slow = engine.to_quads_slow(&doc).and_then(|q| canonicalize_quads_full(&q));
        match engine.to_quads_fast(&doc) {
            Err(e) => assert!(slow.is_err(), "fast error {e:?} but slow {slow:?}"),
            Ok(Err(_fallback)) => {}
            Ok(Ok(quads)) => {
                let fast = wallet_verify::jsonld::canonicalize_quads(&quads);
                assert_eq!(fast, slow, "the fast path disagrees with the slow path");
            }
        }
    });
});
