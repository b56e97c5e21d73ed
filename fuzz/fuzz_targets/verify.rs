//! Any text through the parser and then the whole verifier (Data Integrity, JCS, RDFC,
//! Ed25519, VC-JWT): never panics. Seeded with the demo credentials, so mutations keep
//! reaching the signature checks.
#![no_main]
use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(credential) = wallet_core::parse_credential(text) else {
        return;
    };
    let resolved = HashMap::new();
    let ctx = wallet_verify::VerifyContext {
        now: "2025-06-01T00:00:00Z",
        skew_seconds: 300,
        resolved: &resolved,
        trusted_issuers: &[],
    };
    // Twice from no key seen: the first call takes the first-use path, the second builds the
    // key's comb and takes the comb path. Both must say the same.
    wallet_verify::forget_keys();
    let a = wallet_verify::verify(&credential, &ctx);
    let b = wallet_verify::verify(&credential, &ctx);
    assert_eq!(a, b, "the comb path disagrees with the first-use path");
});
