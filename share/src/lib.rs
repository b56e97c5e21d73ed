//! `wallet-share`: self-verifying portfolio links and their QR codes.
//!
//! A [`Portfolio`] (a title, the holder's display name, the exact signed
//! credentials and optional pathway definitions) becomes a short text,
//! [`encode`], that is valid unescaped in a URL fragment and stored by QR codes
//! in their densest (numeric) mode; [`decode`] gives it back, or a clear
//! [`DecodeError`] when the text was cut off, altered, made by a newer wallet or
//! is no share link at all. The recipient's wallet verifies the credentials
//! themselves, so nothing has to be trusted in transit. See `README.md` for the
//! byte layout.
//!
//! Pure Rust (no web-sys): builds natively and for `wasm32-unknown-unknown`.

pub mod base10;
pub mod base43;
mod cm;
pub mod dict;
pub mod json;
pub mod links;
mod pack;
mod prime;
mod qr;
pub mod scan;
mod time;
mod wire;

pub use qr::{
    Ecc, MAX_COMFORTABLE_VERSION, QUIET, Qr, QrError, QrInfo, best_qr, qr_code, qr_png, qr_px,
    qr_svg, svg_data_uri, too_big_for_one_qr,
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
pub const FORMAT: u32 = 2;
const V1_CHAR: u8 = b'1';
const V2_CHAR: u8 = b'2';

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
    /// An intact link that holds more than this wallet opens: checked while
    /// decoding, before the text is built (see [`MAX_DECODED_BYTES`]).
    TooLarge(Excess),
}

/// Which limit a [`DecodeError::TooLarge`] link exceeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Excess {
    /// More than [`MAX_DECODED_BYTES`] of text (or [`MAX_VALUES`] JSON values).
    Size,
    /// More than [`MAX_CREDENTIALS`] credentials.
    Credentials,
}

/// Most text a link may decode to: the credentials' JSON/JWS text, the title,
/// the holder and the pathway definitions together. Every expansion step
/// (DEFLATE, the coder, dictionary tokens, base58/base64, JSON escaping) is
/// bounded by it before it builds anything. The largest honest link a browser
/// opens (a URL of 2 MB) holds about 3,500 typical credentials, 14.9 MB of
/// text (`tests/hostile.rs`); a bomb stops here at no more cost than that link.
pub const MAX_DECODED_BYTES: usize = 16 << 20;
/// Most JSON values (strings, numbers, objects, …) a link may decode to.
pub const MAX_VALUES: usize = 1 << 20;
/// Most credentials one link may hold.
pub const MAX_CREDENTIALS: usize = 20_000;

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
            DecodeError::TooLarge(Excess::Size) => write!(
                f,
                "this share link expands to more than {} MB of credentials, more than this wallet opens",
                MAX_DECODED_BYTES >> 20
            ),
            DecodeError::TooLarge(Excess::Credentials) => write!(
                f,
                "this share link holds more than {MAX_CREDENTIALS} credentials, more than this wallet opens"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

impl DecodeError {
    /// Why the link cannot be read, in `lang`: a lower-case clause for a sentence ("…: {}.").
    /// In English, exactly the `Display` text.
    pub fn message(&self, lang: wallet_i18n::Lang) -> String {
        match self {
            DecodeError::Incomplete => wallet_i18n::msg!(lang, "share-decode-incomplete"),
            DecodeError::Altered => wallet_i18n::msg!(lang, "share-decode-altered"),
            DecodeError::NewerVersion(n) => {
                wallet_i18n::msg!(lang, "share-decode-newer", format = *n)
            }
            DecodeError::NotShareLink => wallet_i18n::msg!(lang, "share-decode-not-link"),
            DecodeError::TooLarge(Excess::Size) => {
                wallet_i18n::msg!(
                    lang,
                    "share-decode-too-large-size",
                    mb = MAX_DECODED_BYTES >> 20
                )
            }
            DecodeError::TooLarge(Excess::Credentials) => {
                // English writes the figure as Display does (no separator).
                let max = match lang {
                    wallet_i18n::Lang::En => MAX_CREDENTIALS.to_string(),
                    _ => wallet_i18n::number(lang, MAX_CREDENTIALS as u64),
                };
                wallet_i18n::msg!(lang, "share-decode-too-many", max = max)
            }
        }
    }
}

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
            let Ok(c) = wallet_core::jws::split(text) else {
                out.push(K_JWS_TEXT);
                put_text(out, text);
                return;
            };
            let segs: Vec<(u8, Vec<u8>)> = [c.header, c.payload, c.signature]
                .iter()
                .map(|p| put_segment(p))
                .collect();
            out.push(K_JWS + segs[0].0 + 3 * segs[1].0 + 9 * segs[2].0);
            for (_, bytes) in segs {
                out.extend_from_slice(&bytes);
            }
        }
    }
}

pub(crate) fn body(p: &Portfolio) -> Vec<u8> {
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
    r.charge(b.len())?;
    let t = core::str::from_utf8(b).map_err(|_| Malformed)?;
    Ok(if r.dry { String::new() } else { t.to_owned() })
}

fn segment(r: &mut Reader, mode: u8) -> Result<String, Malformed> {
    use base64::Engine;
    match mode {
        M_JSON => {
            // base64 is 4/3 of the text: a third more of what reading the value charged (the
            // same in a measuring pass, which builds no text to measure).
            let left = r.left();
            let v = r.value(0)?;
            r.charge((left - r.left()) / 3 + 4)?;
            Ok(if r.dry {
                String::new()
            } else {
                b64url().encode(json::to_string(&v))
            })
        }
        M_BYTES => {
            let b = r.bytes()?;
            r.charge(b.len().div_ceil(3) * 4)?;
            Ok(if r.dry {
                String::new()
            } else {
                b64url().encode(b)
            })
        }
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

/// The portfolio in a (decompressed) body, within [`MAX_DECODED_BYTES`],
/// [`MAX_VALUES`] and [`MAX_CREDENTIALS`]; any other flaw is `Altered` (the
/// checksum held, so only a crafted link gets here).
///
/// Two passes: a measuring one (`Reader::dry`) that reads, checks and charges every token but
/// builds nothing, then the building one. A body past the limits is refused by the first, in a
/// few milliseconds instead of the hundred it takes to build text up to them (the page has one
/// thread); an honest body pays some 15% more.
fn read_body(b: &[u8]) -> Result<Portfolio, DecodeError> {
    let budget = || Reader::with_budget(b, MAX_DECODED_BYTES, MAX_VALUES);
    let mut measure = budget().measuring();
    found(read_portfolio(&mut measure), &measure)?;
    let mut r = budget();
    found(read_portfolio(&mut r), &r)
}

/// The outcome of one pass over a body, as the decoder reports it.
fn found<T>(out: Result<T, Found>, r: &Reader) -> Result<T, DecodeError> {
    match out {
        Ok(p) => Ok(p),
        Err(Found::TooMany) => Err(DecodeError::TooLarge(Excess::Credentials)),
        Err(Found::Malformed) if r.over => Err(DecodeError::TooLarge(Excess::Size)),
        Err(Found::Malformed) => Err(DecodeError::Altered),
    }
}

enum Found {
    Malformed,
    TooMany,
}

impl From<Malformed> for Found {
    fn from(_: Malformed) -> Self {
        Found::Malformed
    }
}

fn read_portfolio(r: &mut Reader) -> Result<Portfolio, Found> {
    let flags = r.byte()?;
    if flags & !(HAS_TITLE | HAS_HOLDER | HAS_PATHWAYS) != 0 {
        return Err(Found::Malformed);
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
    if n > r.b.len() as u64 {
        return Err(Found::Malformed);
    }
    if n > MAX_CREDENTIALS as u64 {
        return Err(Found::TooMany);
    }
    let mut credentials = Vec::with_capacity(n as usize);
    for _ in 0..n {
        credentials.push(read_credential(r)?);
    }
    let pathways = if flags & HAS_PATHWAYS != 0 {
        let v = r.value(0)?;
        if r.dry {
            None
        } else {
            let t = json::to_string(&v);
            Some(serde_json::from_str(&t).map_err(|_| Found::Malformed)?)
        }
    } else {
        None
    };
    if !r.at_end() {
        return Err(Found::Malformed);
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
/// make the wallet allocate without bound). A body is never larger than the
/// text it decodes to, so this is [`MAX_DECODED_BYTES`].
const MAX_BODY: usize = MAX_DECODED_BYTES;

fn inflated(data: &[u8]) -> Result<Vec<u8>, DecodeError> {
    pack::inflate(data, &pack::dictionary(), MAX_BODY).map_err(|e| match e {
        pack::InflateError::TooLarge => DecodeError::TooLarge(Excess::Size),
        pack::InflateError::Invalid => DecodeError::Altered,
    })
}

fn checksum(flags_and_body: &[u8]) -> [u8; 4] {
    let mut h = crc32fast::Hasher::new();
    h.update(&[1]); // format 1
    h.update(flags_and_body);
    h.finalize().to_be_bytes()
}

/// Sizes of one encoding, for display and the figures in the README.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Binary body before compression.
    pub body: usize,
    /// Whether the body is compressed (format 1: DEFLATE only when it makes
    /// the body smaller; format 2: always).
    pub deflated: bool,
    /// Whole binary frame: length, flags, (compressed) body, checksum
    /// (format 2: its 2-byte header, coded body and 4-byte checksum).
    pub frame: usize,
    /// Characters of the payload text (what goes after `#`).
    pub chars: usize,
}

fn frame_v1(p: &Portfolio) -> (Vec<u8>, Stats) {
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

// ---------------------------------------------------------------- format 2

/// Format-2 body coding (the low bit of the header value).
const M_CM: u16 = 0; // context-mixing coder primed with `prime.rs`
const M_DEFLATE: u16 = 1; // format 1's DEFLATE: only for bodies the CM limit refuses
/// Digits of the header: 5 for the value, 1 Damm check digit.
const HEAD: usize = 6;
/// Digits of the checksum.
const CHECK: usize = 10;

fn primed() -> &'static cm::Model {
    static M: std::sync::OnceLock<cm::Model> = std::sync::OnceLock::new();
    M.get_or_init(|| cm::Model::primed(prime::priming()))
}

/// Bodies up to this size use the context-mixing coder; larger ones (links
/// with embedded images, far beyond any QR code) use format 1's DEFLATE, which
/// is much faster on them. It also bounds what a crafted link can make the
/// decoder do.
#[cfg(not(fuzzing))]
const CM_MAX_BODY: usize = 32 << 10;
/// Under the fuzzer (`cargo fuzz` sets `cfg(fuzzing)`) the same code with a smaller bound:
/// decoding a crafted CM body to the 32 KiB limit took about 80% of each execution (a
/// confident model turns a few bytes into the whole limit), 934 executions a second. The
/// limit itself is tested at its real value by the unit tests.
#[cfg(fuzzing)]
const CM_MAX_BODY: usize = 4 << 10;

fn v2_check(text_without_check: &[u8]) -> u32 {
    crc32fast::hash(text_without_check)
}

fn encode_v2(p: &Portfolio) -> (String, Stats) {
    let body = body(p);
    let (mode, data) = if body.len() <= CM_MAX_BODY {
        (M_CM, cm::compress(&body, primed()))
    } else {
        (M_DEFLATE, pack::deflate(&body, &pack::dictionary()))
    };
    let head = ((data.len() % 32768) as u16) << 1 | mode;
    let mut s = String::with_capacity(1 + HEAD + base10::encoded_len(data.len()) + CHECK);
    s.push(V2_CHAR as char);
    let h = format!("{head:05}");
    s.push_str(&h);
    s.push((b'0' + damm_digit(h.as_bytes())) as char);
    base10::encode(&data, &mut s);
    let crc = v2_check(s.as_bytes());
    s.push_str(&format!("{crc:010}"));
    let stats = Stats {
        body: body.len(),
        deflated: true,
        frame: 2 + data.len() + 4,
        chars: s.len(),
    };
    (s, stats)
}

/// The check digit that makes `damm(digits ‖ c) == 0`.
fn damm_digit(digits: &[u8]) -> u8 {
    base10::damm(digits)
}

fn decode_v2(text: &[u8], bad_chars: usize) -> Result<Portfolio, DecodeError> {
    unpack_v2(text, bad_chars).and_then(|b| b.read())
}

fn unpack_v2(text: &[u8], bad_chars: usize) -> Result<Unpacked, DecodeError> {
    // `text` includes the format character.
    let rest = &text[1..];
    let nondigits = bad_chars + rest.iter().filter(|c| !c.is_ascii_digit()).count();
    if rest.len() < HEAD {
        return Err(if nondigits == 0 {
            DecodeError::Incomplete
        } else {
            DecodeError::Altered
        });
    }
    if nondigits > 0 {
        return Err(DecodeError::Altered);
    }
    let (h, tail) = rest.split_at(HEAD);
    if base10::damm(h) != 0 {
        return Err(DecodeError::Altered);
    }
    let head: u32 = core::str::from_utf8(&h[..5])
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(u32::MAX);
    if head > 0xFFFF {
        return Err(DecodeError::Altered);
    }
    let (declared, mode) = ((head >> 1) as usize, (head & 1) as u16);
    // The header is intact (its check digit agrees): a text shorter than it
    // announces was cut off, unless its checksum agrees after all.
    let expected = base10::encoded_len(declared) + CHECK;
    let may_be_cut = tail.len() < expected || tail.len() >= base10::encoded_len(32768) + CHECK;
    let checked = tail.len() >= CHECK && {
        let (_, c) = text.split_at(text.len() - CHECK);
        core::str::from_utf8(c)
            .ok()
            .and_then(|t| t.parse::<u64>().ok())
            == Some(v2_check(&text[..text.len() - CHECK]) as u64)
    };
    if !checked {
        return Err(if may_be_cut {
            DecodeError::Incomplete
        } else {
            DecodeError::Altered
        });
    }
    let data = base10::decode(&tail[..tail.len() - CHECK]).map_err(|_| DecodeError::Altered)?;
    if data.len() % 32768 != declared {
        return Err(DecodeError::Altered);
    }
    let body = match mode {
        M_CM => cm::decompress(&data, primed(), CM_MAX_BODY).ok_or(DecodeError::Altered)?,
        _ => inflated(&data)?,
    };
    Ok(Unpacked(body))
}

/// The share payload for `p`: `2` (the format) followed by digits (see README).
/// Put it after `#` in a link: `https://wallet.example.org/#2…`.
pub fn encode(p: &Portfolio) -> String {
    encode_v2(p).0
}

/// Format 1 exactly as earlier versions of the crate wrote it (for tests that
/// pin old links; new links are always made in the current format).
#[doc(hidden)]
pub fn encode_v1(p: &Portfolio) -> String {
    let (f, stats) = frame_v1(p);
    let mut s = String::with_capacity(stats.chars);
    s.push(V1_CHAR as char);
    base43::encode(&f, &mut s);
    s
}

/// Sizes of [`encode`]`(p)`.
pub fn stats(p: &Portfolio) -> Stats {
    encode_v2(p).1
}

/// Sizes of [`encode_v1`]`(p)` (for comparisons).
#[doc(hidden)]
pub fn stats_v1(p: &Portfolio) -> Stats {
    frame_v1(p).1
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
    unpack(s)?.read()
}

/// A share link whose checksums hold, with its body decompressed: the first half of
/// [`decode`]; [`Unpacked::read`] is the second. A page calls them in two tasks, yielding
/// between them: for the largest bodies each half takes about as long as the other, and
/// neither alone may hold the page's one thread for long (`tests/e2e/specs/hostile-inputs`).
#[derive(Debug)]
pub struct Unpacked(Vec<u8>);

impl Unpacked {
    /// The portfolio in the body, within the decoder's limits.
    pub fn read(&self) -> Result<Portfolio, DecodeError> {
        read_body(&self.0)
    }
}

/// The first half of [`decode`]: every error but those of the body's contents.
pub fn unpack(s: &str) -> Result<Unpacked, DecodeError> {
    let s = s.trim();
    let s = s.rsplit_once('#').map_or(s, |(_, frag)| frag);
    if !s.is_ascii() {
        // Not our alphabet; a couple of stray characters in a long text is damage.
        let bad = s.chars().filter(|c| !c.is_ascii()).count();
        return Err(
            if s.len() > 12 && bad <= 2 && (s.starts_with('1') || s.starts_with('2')) {
                DecodeError::Altered
            } else {
                DecodeError::NotShareLink
            },
        );
    }
    let s = clean(s);
    let b = s.as_bytes();
    let Some((&v, rest)) = b.split_first() else {
        return Err(DecodeError::NotShareLink);
    };
    let bad = rest.iter().filter(|&&c| base43::digit(c).is_none()).count();
    let plausible = rest.len() >= 4 && bad <= 2;
    // A damaged first character in front of an otherwise valid link.
    let valid_after_first = || {
        decode_v1(rest, bad).is_ok() || {
            let mut t = vec![V2_CHAR];
            t.extend_from_slice(rest);
            decode_v2(&t, bad).is_ok()
        }
    };
    match v {
        V1_CHAR if plausible || rest.len() < 4 && bad == 0 => match unpack_v1(rest, bad) {
            // Intact, only too large: no need to look for damage (nor to decode it again).
            Err(e @ DecodeError::TooLarge(_)) => Err(e),
            Err(_) if plausible && valid_after_first() => Err(DecodeError::Altered),
            r => r,
        },
        V2_CHAR if plausible || rest.len() < 4 && bad == 0 => unpack_v2(b, bad),
        _ if plausible && valid_after_first() => Err(DecodeError::Altered),
        // Formats 3–9 are reserved for later wallets (a later one may use more characters).
        b'3'..=b'9' if plausible => Err(DecodeError::NewerVersion((v - b'0') as u32)),
        _ => Err(DecodeError::NotShareLink),
    }
}

fn decode_v1(rest: &[u8], bad_chars: usize) -> Result<Portfolio, DecodeError> {
    unpack_v1(rest, bad_chars).and_then(|b| b.read())
}

fn unpack_v1(rest: &[u8], bad_chars: usize) -> Result<Unpacked, DecodeError> {
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
        F_DEFLATE => inflated(payload)?,
        _ => return Err(DecodeError::Altered),
    };
    Ok(Unpacked(body))
}
