//! Compact JWS decoding: three dot-separated segments built from the fuzz input.
#![no_main]
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Raw input as a compact JWS…
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = wallet_core::parse_credential(text);
    }
    // …and the input split into header/payload encoded as base64url, so the decoder's
    // JSON paths are reached too.
    let cut = data.first().map(|b| *b as usize % (data.len().max(1))).unwrap_or(0);
    let (h, p) = data.split_at(cut.min(data.len()));
    let jws = format!("{}.{}.c2ln", URL_SAFE_NO_PAD.encode(h), URL_SAFE_NO_PAD.encode(p));
    let _ = wallet_core::parse_credential(&jws);
});
