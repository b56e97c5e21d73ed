//! The parts of QR import that run on the page and must be total: a picture's declared size
//! (`wallet_core::qr::picture_size`, read before the browser decodes anything), what a code's
//! text leads to (`wallet_share::scan::scanned`: share links decoded, credentials parsed), and
//! the grey-picture scaling (`wallet_core::qr::downscale`).
#![no_main]
use libfuzzer_sys::fuzz_target;
use wallet_core::qr::{MAX_PICTURE_PIXELS, downscale, picture_size};

fuzz_target!(|data: &[u8]| {
    if let Ok((_, w, h)) = picture_size(data) {
        assert!(w > 0 && h > 0 && u64::from(w) * u64::from(h) <= MAX_PICTURE_PIXELS);
    }
    let text = String::from_utf8_lossy(data);
    let _ = wallet_share::scan::scanned(&text);
    let _ = wallet_share::scan::scanned(&format!("https://w.example/#/s/{text}"));
    if let Some((&a, rest)) = data.split_first() {
        let width = usize::from(a % 32) + 1;
        let height = rest.len() / width;
        let (w, h) = (width * 2 / 3, height * 2 / 3);
        let out = downscale(width, height, &rest[..width * height], w, h);
        assert!(out.is_empty() || out.len() == w * h);
    }
});
