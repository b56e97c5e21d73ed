//! `wallet-share`: self-verifying portfolio links and their QR codes.
//!
//! A [`Portfolio`] (a title, the holder's display name, the exact signed
//! credentials and optional pathway definitions) becomes a short text,
//! [`encode`], that is valid unescaped in a URL fragment and stored by QR codes
//! in their dense alphanumeric mode; [`decode`] gives it back, or a clear
//! [`DecodeError`] when the text was cut off, altered, made by a newer wallet or
//! is no share link at all. The recipient's wallet verifies the credentials
//! themselves, so nothing has to be trusted in transit. See `README.md` for the
//! byte layout.
//!
//! Pure Rust (no web-sys): builds natively and for `wasm32-unknown-unknown`.

pub mod base43;
pub mod dict;
pub mod json;
mod pack;
mod qr;
mod time;
mod wire;

pub use qr::{
    Ecc, MAX_COMFORTABLE_VERSION, QUIET, QrError, QrInfo, qr_code, qr_svg, too_big_for_one_qr,
};
pub use wallet_core::Original;

use serde::{Deserialize, Serialize};
use wire::{Malformed, Reader};

/// What a share link carries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    pub title: Option<String>,
    /// The holder's display name.
    pub holder: Option<String>,
    /// The exact signed documents.
    pub credentials: Vec<Original>,
    /// Optional pathway data. The app writes pathway definitions here
    /// (`wallet_pathways::to_shared`), never progress: the recipient
    /// recomputes progress from the credentials it verified.
    pub pathways: Option<serde_json::Value>,
}

/// The format this version of the crate writes (the first character of a payload).
pub const FORMAT: u32 = 1;
const FORMAT_CHAR: u8 = b'1';

/// Why a text could not be read as a share link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The text ends early (typically a chat app or e-mail cut the link).
    Incomplete,
    /// A character was changed, added or removed: the checksum does not match.
    Altered,
    /// A later format this wallet cannot read yet.
    NewerVersion(u32),
    /// Not a share link at all.
    NotShareLink,
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            DecodeError::Incomplete => {
                f.write_str("this share link is incomplete (it was cut off)")
            }
            DecodeError::Altered => {
                f.write_str("this share link was altered or damaged (checksum mismatch)")
            }
            DecodeError::NewerVersion(n) => {
                write!(
                    f,
                    "this share link was made by a newer version of the wallet (format {n})"
                )
            }
            DecodeError::NotShareLink => f.write_str("not a share link"),
        }
    }
}

impl std::error::Error for DecodeError {}

// ---------------------------------------------------------------- the body

/// Portfolio fields present (first body byte).
const HAS_TITLE: u8 = 1;
const HAS_HOLDER: u8 = 2;
const HAS_PATHWAYS: u8 = 4;

/// Credential kinds (first byte of each credential).
const K_JSON: u8 = 0; // a JSON tree follows
const K_JSON_TEXT: u8 = 1; // JSON we could not parse: its text follows
const K_JWS_TEXT: u8 = 2; // not three segments: its text follows
const K_JWS: u8 = 3; // 3 + m0 + 3·m1 + 9·m2, one mode per segment (M_*)

/// JWS segment modes.
const M_JSON: u8 = 0; // base64url of the compact serialization of a JSON tree
const M_BYTES: u8 = 1; // base64url (no padding) of bytes
const M_TEXT: u8 = 2; // the segment text itself

fn b64url() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
}

fn put_text(out: &mut Vec<u8>, s: &str) {
    wire::put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_segment(seg: &str) -> (u8, Vec<u8>) {
    use base64::Engine;
    let mut out = Vec::new();
    if let Ok(bytes) = b64url().decode(seg)
        && b64url().encode(&bytes) == seg
    {
        if let Ok(text) = core::str::from_utf8(&bytes)
            && let Some(v) = json::parse(text)
            && json::to_string(&v) == text
        {
            wire::put_value(&mut out, &v);
            return (M_JSON, out);
        }
        wire::put_varint(&mut out, bytes.len() as u64);
        out.extend_from_slice(&bytes);
        return (M_BYTES, out);
    }
    put_text(&mut out, seg);
    (M_TEXT, out)
}

fn put_credential(out: &mut Vec<u8>, c: &Original) {
    match c {
        Original::Json(text) => match json::parse(text) {
            Some(v) => {
                out.push(K_JSON);
                wire::put_value(out, &v);
            }
            None => {
                out.push(K_JSON_TEXT);
                put_text(out, text);
            }
        },
        Original::Jws(text) => {
            let parts: Vec<&str> = text.split('.').collect();
            if parts.len() != 3 {
                out.push(K_JWS_TEXT);
                put_text(out, text);
                return;
            }
            let segs: Vec<(u8, Vec<u8>)> = parts.iter().map(|p| put_segment(p)).collect();
            out.push(K_JWS + segs[0].0 + 3 * segs[1].0 + 9 * segs[2].0);
            for (_, bytes) in segs {
                out.extend_from_slice(&bytes);
            }
        }
    }
}

fn body(p: &Portfolio) -> Vec<u8> {
    let mut out = Vec::new();
    let flags = p.title.as_ref().map_or(0, |_| HAS_TITLE)
        | p.holder.as_ref().map_or(0, |_| HAS_HOLDER)
        | p.pathways.as_ref().map_or(0, |_| HAS_PATHWAYS);
    out.push(flags);
    for s in [&p.title, &p.holder].into_iter().flatten() {
        wire::put_str(&mut out, s);
    }
    wire::put_varint(&mut out, p.credentials.len() as u64);
    for c in &p.credentials {
        put_credential(&mut out, c);
    }
    if let Some(v) = &p.pathways {
        // serde_json's own text of the value is exactly what it parses back.
        let v = json::parse(&v.to_string()).expect("serde_json writes valid JSON");
        wire::put_value(&mut out, &v);
    }
    out
}

fn text(r: &mut Reader) -> Result<String, Malformed> {
    let b = r.bytes()?;
    core::str::from_utf8(b)
        .map(str::to_owned)
        .map_err(|_| Malformed)
}

fn segment(r: &mut Reader, mode: u8) -> Result<String, Malformed> {
    use base64::Engine;
    match mode {
        M_JSON => Ok(b64url().encode(json::to_string(&r.value(0)?))),
        M_BYTES => Ok(b64url().encode(r.bytes()?)),
        _ => text(r),
    }
}

fn read_credential(r: &mut Reader) -> Result<Original, Malformed> {
    match r.byte()? {
        K_JSON => Ok(Original::Json(json::to_string(&r.value(0)?))),
        K_JSON_TEXT => Ok(Original::Json(text(r)?)),
        K_JWS_TEXT => Ok(Original::Jws(text(r)?)),
        k @ K_JWS..=29 => {
            let m = k - K_JWS;
            let h = segment(r, m % 3)?;
            let p = segment(r, m / 3 % 3)?;
            let s = segment(r, m / 9)?;
            Ok(Original::Jws(format!("{h}.{p}.{s}")))
        }
        _ => Err(Malformed),
    }
}

fn read_body(b: &[u8]) -> Result<Portfolio, Malformed> {
    let mut r = Reader::new(b);
    let flags = r.byte()?;
    if flags & !(HAS_TITLE | HAS_HOLDER | HAS_PATHWAYS) != 0 {
        return Err(Malformed);
    }
    let title = if flags & HAS_TITLE != 0 {
        Some(r.string()?)
    } else {
        None
    };
    let holder = if flags & HAS_HOLDER != 0 {
        Some(r.string()?)
    } else {
        None
    };
    let n = r.varint()?;
    if n > b.len() as u64 {
        return Err(Malformed);
    }
    let mut credentials = Vec::with_capacity(n as usize);
    for _ in 0..n {
        credentials.push(read_credential(&mut r)?);
    }
    let pathways = if flags & HAS_PATHWAYS != 0 {
        let t = json::to_string(&r.value(0)?);
        Some(serde_json::from_str(&t).map_err(|_| Malformed)?)
    } else {
        None
    };
    if !r.at_end() {
        return Err(Malformed);
    }
    Ok(Portfolio {
        title,
        holder,
        credentials,
        pathways,
    })
}

// ---------------------------------------------------------------- the frame

/// Frame flag: the body is raw DEFLATE against the preset dictionary (`pack.rs`).
const F_DEFLATE: u8 = 1;
/// Decompressed bodies larger than this are refused (a crafted link cannot
/// make the wallet allocate without bound).
const MAX_BODY: usize = 16 << 20;

fn checksum(flags_and_body: &[u8]) -> [u8; 4] {
    let mut h = crc32fast::Hasher::new();
    h.update(&[FORMAT as u8]);
    h.update(flags_and_body);
    h.finalize().to_be_bytes()
}

/// Sizes of one encoding, for display and the figures in the README.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Binary body before compression.
    pub body: usize,
    /// Whether DEFLATE was used (it is only when it makes the body smaller).
    pub deflated: bool,
    /// Whole binary frame: length, flags, (compressed) body, checksum.
    pub frame: usize,
    /// Characters of the payload text (what goes after `#`).
    pub chars: usize,
}

fn frame(p: &Portfolio) -> (Vec<u8>, Stats) {
    let body = body(p);
    let packed = pack::deflate(&body, &pack::dictionary());
    let (flags, payload) = if packed.len() < body.len() {
        (F_DEFLATE, &packed)
    } else {
        (0, &body)
    };
    let mut f = Vec::with_capacity(payload.len() + 7);
    let total = payload.len() + 7;
    f.extend_from_slice(&((total % 65536) as u16).to_be_bytes());
    f.push(flags);
    f.extend_from_slice(payload);
    let crc = checksum(&f[2..]);
    f.extend_from_slice(&crc);
    let stats = Stats {
        body: body.len(),
        deflated: flags != 0,
        frame: f.len(),
        chars: 1 + base43::encoded_len(f.len()),
    };
    (f, stats)
}

/// The share payload for `p`: `1` (the format) followed by base-43 text.
/// Put it after `#` in a link: `https://wallet.example.org/#1…`.
pub fn encode(p: &Portfolio) -> String {
    let (f, stats) = frame(p);
    let mut s = String::with_capacity(stats.chars);
    s.push(FORMAT_CHAR as char);
    base43::encode(&f, &mut s);
    s
}

/// Format 1 exactly as earlier versions of the crate wrote it (for tests that
/// pin old links; new links are always made in the current format).
#[doc(hidden)]
pub fn encode_v1(p: &Portfolio) -> String {
    encode(p)
}

/// Sizes of [`encode`]`(p)` without building the text.
pub fn stats(p: &Portfolio) -> Stats {
    frame(p).1
}

/// `base` (e.g. `https://wallet.example.org/`) + `#` + [`encode`]`(p)`.
pub fn link(base: &str, p: &Portfolio) -> String {
    let base = base.strip_suffix('#').unwrap_or(base);
    format!("{base}#{}", encode(p))
}

/// The compact form [`decode`] gives back for a credential: JSON re-serialized
/// without whitespace (same value, same member order and number lexemes);
/// JWS and unparsable text unchanged.
pub fn normalize(c: &Original) -> Original {
    match c {
        Original::Json(t) => {
            Original::Json(json::parse(t).map_or_else(|| t.clone(), |v| json::to_string(&v)))
        }
        Original::Jws(t) => Original::Jws(t.clone()),
    }
}

/// Undoes the percent-encoding some apps apply to `$*+/:`, and case-folding.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(h) = s.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(h, 16)
            && base43::digit(v).is_some()
        {
            out.push(v as char);
            i += 3;
            continue;
        }
        out.push(b[i].to_ascii_uppercase() as char);
        i += 1;
    }
    out
}

/// Reads a share payload, or a whole link (everything after its last `#`).
pub fn decode(s: &str) -> Result<Portfolio, DecodeError> {
    let s = s.trim();
    let s = s.rsplit_once('#').map_or(s, |(_, frag)| frag);
    if !s.is_ascii() {
        // Not our alphabet; a couple of stray characters in a long text is damage.
        let bad = s.chars().filter(|c| !c.is_ascii()).count();
        return Err(if s.len() > 12 && bad <= 2 && s.starts_with('1') {
            DecodeError::Altered
        } else {
            DecodeError::NotShareLink
        });
    }
    let s = clean(s);
    let b = s.as_bytes();
    let Some((&v, rest)) = b.split_first() else {
        return Err(DecodeError::NotShareLink);
    };
    let bad = rest.iter().filter(|&&c| base43::digit(c).is_none()).count();
    let plausible = rest.len() >= 4 && bad <= 2;
    match v {
        FORMAT_CHAR if plausible || rest.len() < 4 && bad == 0 => decode_v1(rest, bad),
        // The rest is a valid format-1 link: the first character was damaged.
        _ if plausible && decode_v1(rest, bad).is_ok() => Err(DecodeError::Altered),
        // Formats 2–9 are reserved for later wallets (a later one may use more characters).
        b'2'..=b'9' if plausible => Err(DecodeError::NewerVersion((v - b'0') as u32)),
        _ => Err(DecodeError::NotShareLink),
    }
}

fn decode_v1(rest: &[u8], bad_chars: usize) -> Result<Portfolio, DecodeError> {
    if bad_chars > 0 {
        return Err(DecodeError::Altered);
    }
    // Whole 3-character groups, then the tail: 2 characters for an odd last byte
    // are normal; 1 character, or 2 whose value does not fit a byte, are "ragged"
    // (cut inside a group, or the last group was damaged).
    let whole = rest.len() / 3 * 3;
    let mut f = base43::decode(&rest[..whole]).map_err(|_| DecodeError::Altered)?;
    let ragged = match base43::decode(&rest[whole..]) {
        Ok(b) => {
            f.extend(b);
            false
        }
        Err(_) => true,
    };
    if f.len() < 7 {
        return Err(DecodeError::Incomplete);
    }
    let declared = u16::from_be_bytes([f[0], f[1]]) as usize;
    // Frames of 64 KiB and more only store their length modulo 65536.
    let shorter_than_declared =
        rest.len() < base43::encoded_len(declared) || rest.len() >= base43::encoded_len(65536);
    if ragged {
        return Err(if shorter_than_declared {
            DecodeError::Incomplete
        } else {
            DecodeError::Altered
        });
    }
    let (inner, crc) = f.split_at(f.len() - 4);
    let crc_ok = checksum(&inner[2..]) == crc;
    if declared != f.len() % 65536 {
        // Either cut off, or the length itself was damaged (then the rest checks out).
        return Err(if !crc_ok && shorter_than_declared {
            DecodeError::Incomplete
        } else {
            DecodeError::Altered
        });
    }
    if !crc_ok {
        return Err(DecodeError::Altered);
    }
    let flags = inner[2];
    let payload = &inner[3..];
    let body = match flags {
        0 => payload.to_vec(),
        F_DEFLATE => {
            pack::inflate(payload, &pack::dictionary(), MAX_BODY).ok_or(DecodeError::Altered)?
        }
        _ => return Err(DecodeError::Altered),
    };
    read_body(&body).map_err(|_| DecodeError::Altered)
}
