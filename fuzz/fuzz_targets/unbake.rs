//! PNG and SVG unbaking and the import sniffer on arbitrary bytes: never panics,
//! and stays within its caps. Besides the raw bytes, the input is wrapped in the
//! shapes the caps are for: a PNG with up to 255 compressed badge chunks of it
//! (the text-chunk count, stop-at-first-broken and total-inflation caps), and an
//! SVG that nests it up to 2,040 levels deep under a DOCTYPE that may declare
//! entities (the depth and DTD caps).
#![no_main]
use libfuzzer_sys::fuzz_target;
use wallet_core::UnbakeError;
use wallet_core::unbake::{MAX_TEXT_CHUNKS, PNG_SIGNATURE, write_chunk};

fuzz_target!(|data: &[u8]| {
    let _ = wallet_core::unbake_png(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = wallet_core::unbake_svg(text);
    }
    let _ = wallet_core::import_bytes("fuzz", data);

    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let z = miniz_oxide::deflate::compress_to_vec_zlib(rest, 1);
    let mut chunk = b"openbadges\0\x01\x00\0\0".to_vec();
    chunk.extend_from_slice(&z);
    let png = |count: u8| {
        let mut png = PNG_SIGNATURE.to_vec();
        write_chunk(&mut png, b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
        for _ in 0..count {
            write_chunk(&mut png, b"iTXt", &chunk);
        }
        write_chunk(&mut png, b"IEND", &[]);
        png
    };
    // Only the first badge chunk is read: more of them change nothing, except that
    // past the text-chunk cap a readable one is refused (a broken one ends the search first).
    if n > 0 {
        let one = wallet_core::unbake_png(&png(1));
        let many = wallet_core::unbake_png(&png(n));
        if (n as usize) <= MAX_TEXT_CHUNKS || matches!(one, Err(UnbakeError::BadChunk(_))) {
            assert_eq!(many, one);
        } else {
            assert_eq!(many, Err(UnbakeError::TooManyTextChunks));
        }
    }

    let text = String::from_utf8_lossy(rest);
    let depth = n as usize * 8;
    let decl = if n % 2 == 1 {
        "<!DOCTYPE svg [<!ENTITY a \"b\">]>"
    } else {
        "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">"
    };
    let svg = format!(
        "{decl}<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">{}<openbadges:assertion>{text}</openbadges:assertion>{}</svg>",
        "<g>".repeat(depth),
        "</g>".repeat(depth)
    );
    let r = wallet_core::unbake_svg(&svg);
    if n % 2 == 1 {
        assert_eq!(r, Err(UnbakeError::SvgDeclarations));
    }
});
