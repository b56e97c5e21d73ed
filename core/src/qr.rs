//! QR import: read the QR codes in a picture (a learner's photo or screenshot of a share QR,
//! or a camera frame) and say what each holds.
//!
//! Why here: the browser decodes the picture into pixels (it does that safely for every
//! image on the web); finding and reading the QR codes is pure work on a greyscale buffer, so
//! it lives in the core, tested natively. The `rqrr` crate does the reading (the browser's
//! `BarcodeDetector` is used instead where it exists; Chromium on Linux has none).
//!
//! Bounded: at most [`MAX_PIXELS`] pixels (the shell scales pictures down to
//! [`MAX_SIDE`] on their longest side first) and at most [`MAX_CODES`] codes read per
//! picture. NOT total: rqrr 0.11 panics on some pictures (`tests/fixtures/qr/rqrr-panic.png`,
//! found by `fuzz/fuzz_targets/qr_read.rs`), so [`read_codes`] and
//! [`read_codes_multiscale`] run only in the wallet's verification worker, where a panic ends
//! the worker and not the page. Everything else here is total.

use crate::image::{Raster, sniff_raster};
use crate::route::Route;

/// The longest side, in pixels, the shell scales a picture down to before reading it.
pub const MAX_SIDE: u32 = 2048;
/// The most pixels [`read_codes`] looks at (a larger buffer gives no codes).
pub const MAX_PIXELS: usize = MAX_SIDE as usize * MAX_SIDE as usize;
/// The most QR codes read from one picture.
pub const MAX_CODES: usize = 4;
/// The largest picture (in pixels, as its header declares) the shell lets the browser decode
/// for QR reading: a 48-megapixel phone photo; a file declaring more is refused unread, so a
/// small file cannot make the browser allocate gigabytes.
pub const MAX_PICTURE_PIXELS: u64 = 48_000_000;

/// Why a picture is not read for QR codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureError {
    /// Not PNG, JPEG, GIF or WebP, or its header does not say its size.
    UnknownSize,
    /// Larger than [`MAX_PICTURE_PIXELS`] (width, height).
    TooLarge(u32, u32),
}

impl PictureError {
    /// Why the picture was not read, in `lang` (a clause: "its size could not be read").
    pub fn message(&self, lang: wallet_i18n::Lang) -> String {
        use wallet_i18n::msg;
        match self {
            PictureError::UnknownSize => msg!(lang, "import-picture-unknown-size"),
            PictureError::TooLarge(w, h) => msg!(
                lang,
                "import-picture-too-large",
                width = crate::import::count(lang, u64::from(*w)),
                height = crate::import::count(lang, u64::from(*h)),
                max = MAX_PICTURE_PIXELS / 1_000_000
            ),
        }
    }
}

impl std::fmt::Display for PictureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(wallet_i18n::Lang::En))
    }
}

/// The raster format and size a picture's header declares, checked against
/// [`MAX_PICTURE_PIXELS`] before anything is decoded. Total.
pub fn picture_size(bytes: &[u8]) -> Result<(Raster, u32, u32), PictureError> {
    let raster = sniff_raster(bytes).ok_or(PictureError::UnknownSize)?;
    let (w, h) = match raster {
        Raster::Png => (be32(bytes, 16), be32(bytes, 20)),
        Raster::Gif => (le16(bytes, 6), le16(bytes, 8)),
        Raster::Jpeg => jpeg_size(bytes).unzip(),
        Raster::Webp => webp_size(bytes).unzip(),
        Raster::Avif => (None, None),
    };
    let (Some(w), Some(h)) = (w, h) else {
        return Err(PictureError::UnknownSize);
    };
    if w == 0 || h == 0 {
        return Err(PictureError::UnknownSize);
    }
    if u64::from(w) * u64::from(h) > MAX_PICTURE_PIXELS {
        return Err(PictureError::TooLarge(w, h));
    }
    Ok((raster, w, h))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16)
}

/// The size in a JPEG's first start-of-frame segment (markers walked one by one).
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    while at + 4 <= b.len() {
        if b[at] != 0xFF {
            return None;
        }
        let marker = b[at + 1];
        match marker {
            0xFF => at += 1,
            0x01 | 0xD0..=0xD8 => at += 2,
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                return Some((be16(b, at + 7)?, be16(b, at + 5)?));
            }
            0xD9 | 0xDA => return None,
            _ => at += 2 + be16(b, at + 2)? as usize,
        }
    }
    None
}

/// The canvas size of a WebP (lossy `VP8 `, lossless `VP8L` or extended `VP8X`).
fn webp_size(b: &[u8]) -> Option<(u32, u32)> {
    match b.get(12..16)? {
        b"VP8X" => Some((le24(b, 24)? + 1, le24(b, 27)? + 1)),
        b"VP8 " => Some((le16(b, 26)? & 0x3FFF, le16(b, 28)? & 0x3FFF)),
        b"VP8L" => {
            let v = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            Some(((v & 0x3FFF) + 1, ((v >> 14) & 0x3FFF) + 1))
        }
        _ => None,
    }
}

/// What a QR code holds, as the wallet treats it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrContent {
    /// A share link (`…#/s/<payload>`, from any wallet's address): its credentials are in the
    /// payload, so nothing is fetched.
    Share(String),
    /// An http(s) address: imported from there after the learner confirms, like a deep link.
    Url(String),
    /// Anything else (perhaps a credential's own text): given to the text importer.
    Text(String),
}

/// Classifies a QR code's text. Total.
pub fn classify(text: &str) -> QrContent {
    let t = text.trim();
    if let Some(url) = crate::safe_link(t)
        && !url.contains(char::is_whitespace)
    {
        if let Some(i) = url.find('#')
            && let Route::Shared(payload) = Route::parse(&url[i..])
            && !payload.is_empty()
        {
            return QrContent::Share(payload);
        }
        return QrContent::Url(url.to_string());
    }
    QrContent::Text(t.to_string())
}

/// The texts of the QR codes found in a greyscale picture (`luma`: `width × height` bytes,
/// row by row, 0 black … 255 white), in the order found; codes that do not decode, or whose
/// bytes are not UTF-8, are skipped. Empty when the buffer does not match its size or is
/// larger than [`MAX_PIXELS`].
pub fn read_codes(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    let Some(n) = width.checked_mul(height) else {
        return Vec::new();
    };
    if n == 0 || n > MAX_PIXELS || luma.len() != n {
        return Vec::new();
    }
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    let mut out = Vec::new();
    for grid in img.detect_grids().into_iter().take(MAX_CODES) {
        if let Ok((_, text)) = grid.decode()
            && !out.contains(&text)
        {
            out.push(text);
        }
    }
    out
}

/// [`read_codes`] on the picture, then on smaller copies of it (3/4, 1/2, 3/8) until a code is
/// read: the reader finds a code at some scales and misses it at others (measured on a JPEG of
/// a share panel: read at 1000 and 1500 pixels wide, missed at 1200 and 1303).
pub fn read_codes_multiscale(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    let found = read_codes(width, height, luma);
    if !found.is_empty() {
        return found;
    }
    for (num, den) in [(3, 4), (1, 2), (3, 8)] {
        let (w, h) = (width * num / den, height * num / den);
        if w < 21 || h < 21 {
            break;
        }
        let found = read_codes(w, h, &downscale(width, height, luma, w, h));
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// A `w × h` copy of a `width × height` grey picture, each pixel the mean of the pixels it
/// covers (a box filter; `w ≤ width`, `h ≤ height`). Empty when the sizes do not fit.
pub fn downscale(width: usize, height: usize, luma: &[u8], w: usize, h: usize) -> Vec<u8> {
    if w == 0 || h == 0 || w > width || h > height || width.checked_mul(height) != Some(luma.len())
    {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(w * h);
    for y in 0..h {
        let (y0, y1) = (
            y * height / h,
            ((y + 1) * height / h).max(y * height / h + 1),
        );
        for x in 0..w {
            let (x0, x1) = (x * width / w, ((x + 1) * width / w).max(x * width / w + 1));
            let mut sum = 0u64;
            for row in luma[y0 * width..y1 * width].chunks_exact(width) {
                sum += row[x0..x1].iter().map(|&v| u64::from(v)).sum::<u64>();
            }
            out.push((sum / ((y1 - y0) * (x1 - x0)) as u64) as u8);
        }
    }
    out
}

/// The grey level of an RGBA pixel seen on a white page (transparent parts are white).
pub fn luma_of_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let l = (u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000;
            let a = u32::from(p[3]);
            (255 - (a * (255 - l)) / 255) as u8
        })
        .collect()
}

/// The size to scale a `width × height` picture to so that its longest side is at most
/// [`MAX_SIDE`] (never enlarged; at least 1 × 1).
pub fn scaled_size(width: u32, height: u32) -> (u32, u32) {
    let longest = width.max(height).max(1);
    if longest <= MAX_SIDE {
        return (width.max(1), height.max(1));
    }
    let scale = |v: u32| ((u64::from(v) * u64::from(MAX_SIDE)) / u64::from(longest)).max(1) as u32;
    (scale(width), scale(height))
}
