//! QR import (`wallet_core::qr`): pictures drawn from codes made by an independent encoder
//! (the `qrcode` crate) are read back exactly; what a code holds is classified; hostile
//! buffers give nothing and never panic.

use qrcode::{Color, EcLevel, QrCode};
use wallet_core::qr::{
    MAX_PIXELS, MAX_SIDE, QrContent, classify, luma_of_rgba, read_codes, scaled_size,
};

/// A greyscale picture of `text`'s QR code: `px` pixels per module, a 4-module quiet zone,
/// placed at (`left`, `top`) on a white `width × height` canvas.
fn picture(text: &str, px: usize, left: usize, top: usize, width: usize, height: usize) -> Vec<u8> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
    let n = code.width();
    let colors = code.to_colors();
    let mut luma = vec![255u8; width * height];
    for y in 0..n {
        for x in 0..n {
            if colors[y * n + x] == Color::Dark {
                for dy in 0..px {
                    for dx in 0..px {
                        let (cx, cy) = (left + (x + 4) * px + dx, top + (y + 4) * px + dy);
                        if cx < width && cy < height {
                            luma[cy * width + cx] = 0;
                        }
                    }
                }
            }
        }
    }
    luma
}

const SHARE: &str = "http://127.0.0.1:8080/wallet/#/s/2012345678901234567890123456789";

#[test]
fn codes_made_by_another_encoder_are_read_back() {
    let long = format!("https://issuer.example/badges/{}", "x".repeat(900));
    // (text, pixels per module, left, top, width, height)
    let cases: &[(&str, usize, usize, usize, usize, usize)] = &[
        (SHARE, 4, 0, 0, 300, 300),
        (
            "https://issuer.example/badges/123.json",
            3,
            40,
            70,
            400,
            300,
        ),
        (
            "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln",
            5,
            200,
            10,
            640,
            480,
        ),
        (&long, 3, 10, 10, 600, 600),
        ("été — ünïcödé", 6, 0, 0, 300, 300),
    ];
    for &(text, px, left, top, w, h) in cases {
        let luma = picture(text, px, left, top, w, h);
        assert_eq!(
            read_codes(w, h, &luma),
            vec![text.to_string()],
            "{text:.40}"
        );
    }
}

#[test]
fn rgba_on_white_becomes_grey() {
    // (rgba, luma): black, white, transparent black (white page), half-transparent black, red.
    let cases: &[([u8; 4], u8)] = &[
        ([0, 0, 0, 255], 0),
        ([255, 255, 255, 255], 255),
        ([0, 0, 0, 0], 255),
        ([0, 0, 0, 128], 127),
        ([255, 0, 0, 255], 76),
    ];
    for (rgba, want) in cases {
        assert_eq!(luma_of_rgba(rgba), vec![*want], "{rgba:?}");
    }
    assert_eq!(luma_of_rgba(&[1, 2, 3]), Vec::<u8>::new());
}

#[test]
fn what_a_code_holds() {
    let cases: &[(&str, QrContent)] = &[
        (
            SHARE,
            QrContent::Share("2012345678901234567890123456789".into()),
        ),
        (
            "  https://other.wallet.example/app/#/s/1AB-c  ",
            QrContent::Share("1AB-c".into()),
        ),
        (
            "https://issuer.example/b.json",
            QrContent::Url("https://issuer.example/b.json".into()),
        ),
        (
            "https://x.example/#/credential/1",
            QrContent::Url("https://x.example/#/credential/1".into()),
        ),
        // An empty payload is no share link.
        (
            "https://x.example/#/s/",
            QrContent::Url("https://x.example/#/s/".into()),
        ),
        (
            "javascript:alert(1)",
            QrContent::Text("javascript:alert(1)".into()),
        ),
        (
            "ftp://x.example/a",
            QrContent::Text("ftp://x.example/a".into()),
        ),
        (
            "https://x.example/a b",
            QrContent::Text("https://x.example/a b".into()),
        ),
        (
            "{\"type\":\"VerifiableCredential\"}",
            QrContent::Text("{\"type\":\"VerifiableCredential\"}".into()),
        ),
        ("", QrContent::Text(String::new())),
    ];
    for (text, want) in cases {
        assert_eq!(&classify(text), want, "{text}");
    }
}

#[test]
fn hostile_buffers_give_nothing() {
    let side = MAX_SIDE as usize;
    let noise: Vec<u8> = (0..300 * 300u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let stripes: Vec<u8> = (0..300 * 300)
        .map(|i| if (i / 3) % 2 == 0 { 0 } else { 255 })
        .collect();
    let checker: Vec<u8> = (0..300 * 300)
        .map(|i| {
            if ((i % 300) / 7 + (i / 300) / 7) % 2 == 0 {
                0
            } else {
                255
            }
        })
        .collect();
    // (what, width, height, buffer)
    let cases: Vec<(&str, usize, usize, Vec<u8>)> = vec![
        ("empty", 0, 0, vec![]),
        ("zero width", 0, 10, vec![0; 10]),
        ("buffer too short", 10, 10, vec![0; 99]),
        ("buffer too long", 10, 10, vec![0; 101]),
        ("overflowing size", usize::MAX, 2, vec![0; 4]),
        (
            "over the pixel cap",
            side + 1,
            side,
            vec![255; (side + 1) * side],
        ),
        ("all black", 300, 300, vec![0; 300 * 300]),
        ("all white", 300, 300, vec![255; 300 * 300]),
        ("noise", 300, 300, noise),
        ("stripes", 300, 300, stripes),
        ("checkerboard", 300, 300, checker),
    ];
    for (what, w, h, buf) in cases {
        assert_eq!(read_codes(w, h, &buf), Vec::<String>::new(), "{what}");
    }
    assert_eq!(MAX_PIXELS, side * side);
}

#[test]
fn pictures_scale_down_to_the_cap() {
    // (width, height, scaled)
    let cases: &[(u32, u32, (u32, u32))] = &[
        (640, 480, (640, 480)),
        (2048, 10, (2048, 10)),
        (4096, 3072, (2048, 1536)),
        (3000, 9000, (682, 2048)),
        (100_000, 1, (2048, 1)),
        (0, 0, (1, 1)),
        (u32::MAX, u32::MAX, (2048, 2048)),
    ];
    for &(w, h, want) in cases {
        assert_eq!(scaled_size(w, h), want, "{w}×{h}");
    }
}

fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    b.extend(w.to_be_bytes());
    b.extend(h.to_be_bytes());
    b.extend([8, 6, 0, 0, 0]);
    b
}

fn jpeg_header(w: u16, h: u16) -> Vec<u8> {
    // SOI, an APP0 (JFIF) segment, a DQT-like segment, then SOF2 (progressive).
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    b.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    b.extend([0xFF, 0xFF, 0xDB, 0, 4, 0, 0]);
    b.extend([0xFF, 0xC2, 0, 17, 8]);
    b.extend(h.to_be_bytes());
    b.extend(w.to_be_bytes());
    b.extend([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    b
}

fn webp(chunk: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut b = b"RIFF\0\0\0\0WEBP".to_vec();
    b.extend(chunk);
    b.extend([0, 0, 0, 0]);
    b.extend(body);
    b
}

#[test]
fn picture_sizes_are_read_from_headers_before_decoding() {
    use wallet_core::image::Raster;
    use wallet_core::qr::{PictureError, picture_size};
    let gif = {
        let mut b = b"GIF89a".to_vec();
        b.extend(640u16.to_le_bytes());
        b.extend(480u16.to_le_bytes());
        b
    };
    // VP8X: flags, 3 reserved bytes, then width-1 and height-1 as 24-bit little-endian.
    let vp8x = webp(b"VP8X", &[0, 0, 0, 0, 0x7F, 0x07, 0, 0x37, 0x04, 0]);
    // VP8 (lossy): frame tag (3), start code (3), then 14-bit width and height.
    let vp8 = webp(
        b"VP8 ",
        &[0, 0, 0, 0x9D, 0x01, 0x2A, 0x80, 0x02, 0xE0, 0x01],
    );
    // VP8L: signature 0x2F, then 14 bits width-1, 14 bits height-1.
    let vp8l = {
        let v: u32 = 99 | (49 << 14);
        let mut body = vec![0x2F];
        body.extend(v.to_le_bytes());
        webp(b"VP8L", &body)
    };
    let sof_in_a_loop = {
        // A segment length pointing back at itself would loop: lengths only move forward.
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE1, 0, 0];
        b.extend([0; 8]);
        b
    };
    let real_png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/no-badge.png"
    ))
    .unwrap();
    type Case = (
        &'static str,
        Vec<u8>,
        Result<(Raster, u32, u32), PictureError>,
    );
    let cases: Vec<Case> = vec![
        ("png", png_header(1280, 720), Ok((Raster::Png, 1280, 720))),
        ("real png", real_png, Ok((Raster::Png, 64, 64))),
        (
            "png at the cap",
            png_header(8000, 6000),
            Ok((Raster::Png, 8000, 6000)),
        ),
        (
            "png bomb",
            png_header(50_000, 50_000),
            Err(PictureError::TooLarge(50_000, 50_000)),
        ),
        (
            "png of zero width",
            png_header(0, 10),
            Err(PictureError::UnknownSize),
        ),
        (
            "png cut in its header",
            png_header(10, 10)[..20].to_vec(),
            Err(PictureError::UnknownSize),
        ),
        ("gif", gif, Ok((Raster::Gif, 640, 480))),
        (
            "jpeg (progressive, after other segments)",
            jpeg_header(4032, 3024),
            Ok((Raster::Jpeg, 4032, 3024)),
        ),
        (
            "jpeg bomb",
            jpeg_header(65_000, 65_000),
            Err(PictureError::TooLarge(65_000, 65_000)),
        ),
        (
            "jpeg without a frame",
            vec![0xFF, 0xD8, 0xFF, 0xD9],
            Err(PictureError::UnknownSize),
        ),
        (
            "jpeg with a zero-length segment",
            sof_in_a_loop,
            Err(PictureError::UnknownSize),
        ),
        (
            "jpeg cut",
            jpeg_header(10, 10)[..30].to_vec(),
            Err(PictureError::UnknownSize),
        ),
        ("webp VP8X", vp8x, Ok((Raster::Webp, 1920, 1080))),
        ("webp VP8", vp8, Ok((Raster::Webp, 640, 480))),
        ("webp VP8L", vp8l, Ok((Raster::Webp, 100, 50))),
        (
            "webp of another chunk",
            webp(b"ALPH", &[0; 10]),
            Err(PictureError::UnknownSize),
        ),
        (
            "avif",
            b"\0\0\0\x1cftypavif\0\0\0\0".to_vec(),
            Err(PictureError::UnknownSize),
        ),
        ("svg", b"<svg/>".to_vec(), Err(PictureError::UnknownSize)),
        ("empty", vec![], Err(PictureError::UnknownSize)),
    ];
    for (what, bytes, want) in cases {
        assert_eq!(picture_size(&bytes), want, "{what}");
    }
}

#[test]
fn downscaling_averages_boxes() {
    use wallet_core::qr::downscale;
    // (width, height, luma, w, h, expected)
    type Case<'a> = (usize, usize, &'a [u8], usize, usize, &'a [u8]);
    let cases: &[Case] = &[
        (2, 2, &[0, 255, 255, 0], 1, 1, &[127]),
        (4, 1, &[0, 0, 200, 100], 2, 1, &[0, 150]),
        (3, 1, &[10, 20, 30], 2, 1, &[10, 25]),
        (2, 2, &[1, 2, 3, 4], 2, 2, &[1, 2, 3, 4]),
        (2, 2, &[1, 2, 3], 1, 1, &[]),
        (2, 2, &[1, 2, 3, 4], 3, 1, &[]),
        (2, 2, &[1, 2, 3, 4], 0, 1, &[]),
    ];
    for &(width, height, luma, w, h, want) in cases {
        assert_eq!(
            downscale(width, height, luma, w, h),
            want,
            "{width}×{height} → {w}×{h}"
        );
    }
}

#[test]
fn a_code_missed_at_one_scale_is_read_at_another() {
    use wallet_core::qr::read_codes_multiscale;
    // A picture read at its own size is read the same by the multiscale reader.
    let luma = picture(SHARE, 4, 0, 0, 300, 300);
    assert_eq!(
        read_codes_multiscale(300, 300, &luma),
        vec![SHARE.to_string()]
    );
    // Modules of 8 pixels, blurred over 3: still read (at some scale).
    let big = picture(SHARE, 8, 20, 20, 600, 600);
    let blurred: Vec<u8> = (0..600 * 600)
        .map(|i| {
            let (x, y) = (i % 600, i / 600);
            let at = |dx: isize| big[y * 600 + (x as isize + dx).clamp(0, 599) as usize] as u32;
            ((at(-1) + at(0) + at(1)) / 3) as u8
        })
        .collect();
    assert_eq!(
        read_codes_multiscale(600, 600, &blurred),
        vec![SHARE.to_string()]
    );
    assert_eq!(
        read_codes_multiscale(300, 300, &[255; 300 * 300]),
        Vec::<String>::new()
    );
}

/// The grey pixels of an 8-bit greyscale, non-interlaced PNG whose rows use no filter (what
/// tests/fixtures/qr/make-rqrr-panic.mjs writes).
fn grey_png(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let (w, h) = (
        u32::from_be_bytes(bytes[16..20].try_into().unwrap()) as usize,
        u32::from_be_bytes(bytes[20..24].try_into().unwrap()) as usize,
    );
    let (mut at, mut idat) = (8, Vec::new());
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        if &bytes[at + 4..at + 8] == b"IDAT" {
            idat.extend_from_slice(&bytes[at + 8..at + 8 + len]);
        }
        at += 12 + len;
    }
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&idat).unwrap();
    let luma = raw
        .chunks_exact(w + 1)
        .flat_map(|row| row[1..].to_vec())
        .collect();
    (w, h, luma)
}

/// rqrr 0.11 panics on this 58 × 58 picture (found by fuzz/qr_read), which is why the wallet
/// reads QR codes only in its worker (a panic there ends the worker, not the page). If a new
/// rqrr no longer panics, this test says so.
#[test]
fn rqrr_still_panics_on_the_fuzz_finding() {
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/qr/rqrr-panic.png"
    ))
    .unwrap();
    let (w, h, luma) = grey_png(&png);
    assert_eq!((w, h, luma.len()), (58, 58, 58 * 58));
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(|| read_codes(w, h, &luma));
    std::panic::set_hook(hook);
    assert!(
        outcome.is_err(),
        "rqrr read it without panicking: {outcome:?}"
    );
}

#[test]
fn picture_errors_are_said_in_the_readers_language() {
    use wallet_core::qr::PictureError;
    use wallet_i18n::Lang;
    let e = PictureError::TooLarge(10_000, 6_000);
    assert_eq!(
        e.to_string(),
        "it is too large to look for a QR code in (10000 × 6000 pixels; at most 48 megapixels)"
    );
    assert_eq!(
        e.message(Lang::Fr),
        "elle est trop grande pour y chercher un code QR (10\u{202f}000 × 6\u{202f}000 pixels\u{202f}; \
         48 mégapixels au plus)"
    );
    assert_eq!(
        PictureError::UnknownSize.message(Lang::Fr),
        "sa taille n’a pas pu être lue"
    );
}
