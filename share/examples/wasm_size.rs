//! A tiny cdylib over the public API, to measure what the crate adds to a
//! wasm bundle (README "wasm size"):
//! `cargo build --release --target wasm32-unknown-unknown -p wallet-share --example wasm_size`
//! then `gzip -9 < target/wasm32-unknown-unknown/release/examples/wasm_size.wasm | wc -c`.

use wallet_share::{Ecc, Original, Portfolio};

fn input(ptr: *const u8, len: usize) -> String {
    // SAFETY: the caller passes a valid UTF-8 buffer of `len` bytes.
    String::from_utf8_lossy(unsafe { core::slice::from_raw_parts(ptr, len) }).into_owned()
}

/// Encodes one credential and returns the QR version of its link.
#[unsafe(no_mangle)]
pub extern "C" fn share_link(ptr: *const u8, len: usize) -> i32 {
    let p = Portfolio {
        credentials: vec![Original::Json(input(ptr, len))],
        ..Default::default()
    };
    let l = wallet_share::link("https://wallet.example.org/", &p);
    wallet_share::qr_svg(&l, Ecc::M).map_or(-1, |q| q.version as i32)
}

/// Decodes a link; returns the number of credentials or -1.
#[unsafe(no_mangle)]
pub extern "C" fn share_decode(ptr: *const u8, len: usize) -> i32 {
    wallet_share::decode(&input(ptr, len)).map_or(-1, |p| p.credentials.len() as i32)
}

/// A buffer of `len` bytes for the host to write input into (leaked).
#[unsafe(no_mangle)]
pub extern "C" fn share_alloc(len: usize) -> *mut u8 {
    Vec::leak(vec![0u8; len]).as_mut_ptr()
}
