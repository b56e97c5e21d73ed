//! QR codes for share links.
//!
//! The `qrcode` crate is used with no features at all: its own SVG renderer
//! writes a closed sub-path per dark module, so the SVG is drawn here from the
//! module matrix as one stroked path of horizontal runs (about 11 KB for version 17).

use qrcode::bits::Bits;
use qrcode::{EcLevel, QrCode, Version};

/// Error-correction level. `M` (15 % of the code may be damaged) is the default:
/// a good balance for screens and prints; `L` gives smaller codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Ecc {
    L,
    #[default]
    M,
    Q,
    H,
}

impl Ecc {
    /// Its letter, as shown under a QR code.
    pub fn name(self) -> &'static str {
        match self {
            Ecc::L => "L",
            Ecc::M => "M",
            Ecc::Q => "Q",
            Ecc::H => "H",
        }
    }

    fn level(self) -> EcLevel {
        match self {
            Ecc::L => EcLevel::L,
            Ecc::M => EcLevel::M,
            Ecc::Q => EcLevel::Q,
            Ecc::H => EcLevel::H,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrInfo {
    /// A standalone SVG document (scalable: `viewBox` only, 4-module quiet zone).
    pub svg: String,
    /// QR version 1–40.
    pub version: i16,
    /// Modules per side, without the quiet zone (17 + 4 × version).
    pub modules: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// More data than a version-40 code holds at this error-correction level.
    TooLong,
}

impl core::fmt::Display for QrError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            QrError::TooLong => f.write_str("too much data for one QR code"),
        }
    }
}

impl std::error::Error for QrError {}

/// The largest version we recommend for one code: beyond it (137+ modules a side)
/// phone cameras struggle, and the shell should offer the link, or one code per
/// credential, instead.
pub const MAX_COMFORTABLE_VERSION: i16 = 30;

pub fn too_big_for_one_qr(version: i16) -> bool {
    version > MAX_COMFORTABLE_VERSION
}

/// `prefix` in byte mode + `payload` in numeric (all digits: format 2) or
/// alphanumeric mode (format 1), at the smallest version.
fn two_segments(prefix: &[u8], payload: &[u8], ecc: EcLevel) -> Option<QrCode> {
    let numeric = payload.iter().all(u8::is_ascii_digit);
    for v in 1..=40 {
        let mut bits = Bits::new(Version::Normal(v));
        let fits = (prefix.is_empty() || bits.push_byte_data(prefix).is_ok())
            && if numeric {
                bits.push_numeric_data(payload).is_ok()
            } else {
                bits.push_alphanumeric_data(payload).is_ok()
            }
            && bits.push_terminator(ecc).is_ok();
        if fits {
            return QrCode::with_bits(bits, ecc).ok();
        }
    }
    None
}

/// Encodes `link` in the smallest QR code: the crate's optimal segmentation,
/// or an explicit split when that is smaller: "URL up to `#` in byte mode,
/// share payload in numeric (format 2) or alphanumeric (format 1) mode", or
/// "everything before the trailing digits in byte mode, the digits in numeric
/// mode" (a format-2 payload behind a route such as `#/s/`).
pub fn qr_code(link: &str, ecc: Ecc) -> Result<QrCode, QrError> {
    let level = ecc.level();
    let auto = QrCode::with_error_correction_level(link.as_bytes(), level).ok();
    let split = link.rfind('#').map_or(0, |i| i + 1);
    let (prefix, payload) = link.as_bytes().split_at(split);
    let manual =
        if !payload.is_empty() && payload.iter().all(|&c| crate::base43::digit(c).is_some()) {
            two_segments(prefix, payload, level)
        } else {
            None
        };
    // The trailing digits alone (a format-2 payload after a route such as `#/s/`).
    let digits = link.len() - link.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let numeric = if digits >= 16 {
        let (prefix, payload) = link.as_bytes().split_at(link.len() - digits);
        two_segments(prefix, payload, level)
    } else {
        None
    };
    let ver = |c: &QrCode| match c.version() {
        Version::Normal(v) | Version::Micro(v) => v,
    };
    // The smallest; on a tie the explicit splits (they are what the tests read back).
    [numeric, manual, auto]
        .into_iter()
        .flatten()
        .min_by_key(ver)
        .ok_or(QrError::TooLong)
}

pub fn qr_svg(link: &str, ecc: Ecc) -> Result<QrInfo, QrError> {
    let code = qr_code(link, ecc)?;
    let version = match code.version() {
        Version::Normal(v) | Version::Micro(v) => v,
    };
    let n = code.width();
    let dark: Vec<bool> = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Ok(QrInfo {
        svg: svg(&dark, n),
        version,
        modules: n,
    })
}

/// Quiet zone, in modules, on each side.
pub const QUIET: usize = 4;

/// One stroked path: each row is a horizontal line at `y + .5` drawn as its dark
/// runs (`M x y.5 h len`, then `m gap 0 h len` for the next run of the row).
fn svg(dark: &[bool], n: usize) -> String {
    use core::fmt::Write;
    let w = n + 2 * QUIET;
    let mut s = String::with_capacity(n * n / 2 + 300);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {w}" shape-rendering="crispEdges"><path fill="#fff" d="M0 0h{w}v{w}H0z"/><path stroke="#000" d=""##
    );
    for y in 0..n {
        let row = &dark[y * n..(y + 1) * n];
        let mut x = 0;
        let mut pen: Option<usize> = None; // x where the previous run of this row ended
        while x < n {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && row[x] {
                x += 1;
            }
            match pen {
                None => {
                    let _ = write!(s, "M{} {}.5h{}", start + QUIET, y + QUIET, x - start);
                }
                Some(end) => {
                    let _ = write!(s, "m{} 0h{}", start - end, x - start);
                }
            }
            pen = Some(x);
        }
    }
    s.push_str(r#""/></svg>"#);
    s
}

/// A QR code of a link as the share panel shows it: [`qr_svg`] at ECC M, else L when M cannot
/// hold the link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    pub svg: String,
    pub version: i16,
    pub modules: usize,
    pub ecc: Ecc,
}

/// The QR code of `link` at ECC M, else L; `None` when not even L can hold it.
pub fn best_qr(link: &str) -> Option<Qr> {
    [Ecc::M, Ecc::L].into_iter().find_map(|ecc| {
        qr_svg(link, ecc).ok().map(|q| Qr {
            svg: q.svg,
            version: q.version,
            modules: q.modules,
            ecc,
        })
    })
}

/// The SVG as an image source (shown through `<img>`: no markup is inserted into the page).
pub fn svg_data_uri(svg: &str) -> String {
    use base64::Engine;
    format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    )
}

/// Display size in CSS pixels of a code of `modules` a side with its quiet zone: a whole number
/// (2 to 8) of pixels per module (crisp edges), about `target`.
pub fn qr_px(modules: usize, target: usize) -> usize {
    let total = modules + 2 * QUIET;
    total * (target / total).clamp(2, 8)
}

/// The QR code of `link` as a greyscale PNG (8 pixels a module, 4-module quiet zone).
pub fn qr_png(link: &str, ecc: Ecc) -> Option<Vec<u8>> {
    const SCALE: usize = 8;
    let code = qr_code(link, ecc).ok()?;
    let n = code.width();
    let dark: Vec<bool> = code
        .to_colors()
        .into_iter()
        .map(|c| c.select(true, false))
        .collect();
    let side = (n + 2 * QUIET) * SCALE;
    let mut px = vec![255u8; side * side];
    for y in 0..n {
        for x in 0..n {
            if dark[y * n + x] {
                for dy in 0..SCALE {
                    let start = ((y + QUIET) * SCALE + dy) * side + (x + QUIET) * SCALE;
                    px[start..start + SCALE].fill(0);
                }
            }
        }
    }
    Some(wallet_core::unbake::encode_png(
        side as u32,
        side as u32,
        false,
        &px,
    ))
}
