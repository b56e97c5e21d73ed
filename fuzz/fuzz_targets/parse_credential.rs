//! Any text into the credential parser (JSON, JWS or neither): never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = wallet_core::parse_credential(text);
        let _ = wallet_core::import_text(text);
        let _ = wallet_core::read_backup(text);
    }
});
