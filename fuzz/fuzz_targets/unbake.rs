//! PNG and SVG unbaking and the import sniffer on arbitrary bytes: never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = wallet_core::unbake_png(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = wallet_core::unbake_svg(text);
    }
    let _ = wallet_core::import_bytes("fuzz", data);
});
