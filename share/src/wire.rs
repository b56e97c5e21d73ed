//! The compact binary form of JSON values used by format 1.
//!
//! Every value starts with one token byte:
//!
//! | token       | meaning                                                           |
//! |-------------|-------------------------------------------------------------------|
//! | `00`–`9F`   | dictionary string `DICT[token]`                                   |
//! | `A0`–`BE`   | string of 0–30 UTF-8 bytes follows                                |
//! | `BF`        | string: varint length, bytes                                      |
//! | `C0`–`CE`   | array of 0–14 values; `CF`: varint count                          |
//! | `D0`–`DE`   | object of 0–14 (key, value) pairs; `DF`: varint count             |
//! | `E0` `E1` `E2` | `null`, `false`, `true`                                        |
//! | `E3` / `E4` | integer `n` / `-1-n`, n a varint (canonical decimal lexemes only) |
//! | `E5`        | other number: varint length, lexeme (e.g. `1.0`, `1e3`, `-0`)     |
//! | `E6`        | `did:key:z…`: varint length, base58-decoded bytes                 |
//! | `E7`        | `did:key:zK#zK` (same K twice): varint length, bytes of K         |
//! | `E8`        | multibase base58btc `z…` (e.g. proofValue): varint length, bytes  |
//! | `E9`        | `urn:uuid:` + lowercase canonical UUID: 16 bytes                  |
//! | `EA`        | `YYYY-MM-DDThh:mm:ssZ`: zigzag varint Unix seconds                |
//! | `EB`        | `YYYY-MM-DDThh:mm:ss.mmmZ`: zigzag varint Unix milliseconds       |
//! | `EC`        | `YYYY-MM-DDThh:mm:ss+00:00`: zigzag varint Unix seconds           |
//! | `ED`        | `YYYY-MM-DD`: zigzag varint days since 1970-01-01                 |
//! | `EE`        | dictionary prefix + rest: varint dictionary index, varint length, rest |
//! | `EF`        | `data:…;base64,` URI: head as a string value, varint length, decoded bytes |
//! | `F0`        | dictionary string `DICT[160 + next byte]`                         |
//! | `F1`        | `head#z…` (a key id after `#`): head as a string value, varint length, base58-decoded bytes |
//! | `F2`–`FF`   | reserved                                                          |
//!
//! Every special form is used only when turning it back gives exactly the
//! original string (checked when encoding), so the encoding is lossless.
//! Varints are unsigned LEB128; zigzag maps 0,-1,1,-2… to 0,1,2,3….

use crate::dict::{DICT, SHORT};
use crate::json::{JVal, MAX_DEPTH};

const T_STR0: u8 = 0xA0;
const T_STRN: u8 = 0xBF;
const T_ARR0: u8 = 0xC0;
const T_ARRN: u8 = 0xCF;
const T_OBJ0: u8 = 0xD0;
const T_OBJN: u8 = 0xDF;
const T_NULL: u8 = 0xE0;
const T_FALSE: u8 = 0xE1;
const T_TRUE: u8 = 0xE2;
const T_UINT: u8 = 0xE3;
const T_NINT: u8 = 0xE4;
const T_NUM: u8 = 0xE5;
const T_DIDKEY: u8 = 0xE6;
const T_DIDKEY_VM: u8 = 0xE7;
const T_Z58: u8 = 0xE8;
const T_UUID: u8 = 0xE9;
const T_DT_S: u8 = 0xEA;
const T_DT_MS: u8 = 0xEB;
const T_DT_OFF: u8 = 0xEC;
const T_DATE: u8 = 0xED;
const T_PREFIX: u8 = 0xEE;
const T_DATA_URI: u8 = 0xEF;
const T_DICT2: u8 = 0xF0;
const T_FRAG_Z58: u8 = 0xF1;

// ---------------------------------------------------------------- encoding

pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_varint(out, b.len() as u64);
    out.extend_from_slice(b);
}

fn dict_index(s: &str) -> Option<usize> {
    DICT.iter().position(|e| *e == s)
}

fn put_dict(out: &mut Vec<u8>, i: usize) {
    if i < SHORT {
        out.push(i as u8);
    } else {
        out.push(T_DICT2);
        out.push((i - SHORT) as u8);
    }
}

fn put_literal(out: &mut Vec<u8>, s: &str) {
    if s.len() <= 30 {
        out.push(T_STR0 + s.len() as u8);
        out.extend_from_slice(s.as_bytes());
    } else {
        out.push(T_STRN);
        put_bytes(out, s.as_bytes());
    }
}

/// Base58 of `s` as bytes, when it round-trips exactly.
fn b58(s: &str) -> Option<Vec<u8>> {
    if s.len() > 256 {
        return None; // base58 is quadratic; keys and signatures are short
    }
    let b = bs58::decode(s).into_vec().ok()?;
    (bs58::encode(&b).into_string() == s).then_some(b)
}

pub fn put_str(out: &mut Vec<u8>, s: &str) {
    if let Some(i) = dict_index(s) {
        return put_dict(out, i);
    }
    if let Some(rest) = s.strip_prefix("did:key:z") {
        if let Some((a, b)) = rest.split_once("#z")
            && a == b
            && let Some(bytes) = b58(a)
        {
            out.push(T_DIDKEY_VM);
            return put_bytes(out, &bytes);
        }
        if let Some(bytes) = b58(rest) {
            out.push(T_DIDKEY);
            return put_bytes(out, &bytes);
        }
    }
    if let Some(rest) = s.strip_prefix('z')
        && rest.len() >= 16
        && let Some(bytes) = b58(rest)
    {
        out.push(T_Z58);
        return put_bytes(out, &bytes);
    }
    if let Some((head, key)) = s.split_once("#z")
        && key.len() >= 16
        && !head.is_empty()
        && let Some(bytes) = b58(key)
    {
        out.push(T_FRAG_Z58);
        put_str(out, head);
        return put_bytes(out, &bytes);
    }
    if let Some(u) = s.strip_prefix("urn:uuid:")
        && let Some(bytes) = uuid_bytes(u)
    {
        out.push(T_UUID);
        out.extend_from_slice(&bytes);
        return;
    }
    if let Some((tag, v)) = crate::time::encode(s) {
        out.push(tag);
        return put_varint(out, zigzag(v));
    }
    if let Some(rest) = s.strip_prefix("data:")
        && let Some((head, b64)) = rest.split_once(";base64,")
        && b64.len() >= 8
        && let Ok(bytes) = base64_std(b64)
    {
        out.push(T_DATA_URI);
        put_str(out, &s[..5 + head.len() + 8]);
        return put_bytes(out, &bytes);
    }
    // Longest dictionary prefix worth using (saves at least two bytes).
    let best = DICT
        .iter()
        .enumerate()
        .filter(|(_, e)| e.len() >= 4 && s.len() > e.len() && s.starts_with(**e))
        .max_by_key(|(_, e)| e.len());
    if let Some((i, e)) = best {
        out.push(T_PREFIX);
        put_varint(out, i as u64);
        return put_bytes(out, &s.as_bytes()[e.len()..]);
    }
    put_literal(out, s)
}

fn base64_std(b64: &str) -> Result<Vec<u8>, ()> {
    use base64::Engine;
    let e = base64::engine::general_purpose::STANDARD;
    let bytes = e.decode(b64).map_err(|_| ())?;
    if e.encode(&bytes) == b64 {
        Ok(bytes)
    } else {
        Err(())
    }
}

fn uuid_bytes(u: &str) -> Option<[u8; 16]> {
    let b = u.as_bytes();
    if b.len() != 36 {
        return None;
    }
    let mut out = [0u8; 16];
    let mut k = 0;
    let mut i = 0;
    while i < 36 {
        if matches!(i, 8 | 13 | 18 | 23) {
            if b[i] != b'-' {
                return None;
            }
            i += 1;
            continue;
        }
        let hex = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None, // uppercase is kept literally (it must round-trip)
        };
        out[k] = hex(b[i])? << 4 | hex(b[i + 1])?;
        k += 1;
        i += 2;
    }
    Some(out)
}

fn uuid_string(b: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(45);
    s.push_str("urn:uuid:");
    for (k, x) in b.iter().enumerate() {
        if matches!(k, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        s.push(HEX[(x >> 4) as usize] as char);
        s.push(HEX[(x & 15) as usize] as char);
    }
    s
}

/// A canonical decimal integer lexeme (no sign on zero, no leading zeros) that fits.
fn int_lexeme(n: &str) -> Option<(bool, u64)> {
    let (neg, digits) = match n.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, n),
    };
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if digits.len() > 1 && digits.starts_with('0') {
        return None;
    }
    let v: u64 = digits.parse().ok()?;
    if neg {
        if v == 0 {
            return None; // "-0" is kept as a lexeme
        }
        Some((true, v - 1))
    } else {
        Some((false, v))
    }
}

pub fn put_value(out: &mut Vec<u8>, v: &JVal) {
    match v {
        JVal::Null => out.push(T_NULL),
        JVal::Bool(false) => out.push(T_FALSE),
        JVal::Bool(true) => out.push(T_TRUE),
        JVal::Num(n) => match int_lexeme(n) {
            Some((false, u)) => {
                out.push(T_UINT);
                put_varint(out, u);
            }
            Some((true, u)) => {
                out.push(T_NINT);
                put_varint(out, u);
            }
            None => {
                out.push(T_NUM);
                put_bytes(out, n.as_bytes());
            }
        },
        JVal::Str(s) => put_str(out, s),
        JVal::Arr(items) => {
            if items.len() <= 14 {
                out.push(T_ARR0 + items.len() as u8);
            } else {
                out.push(T_ARRN);
                put_varint(out, items.len() as u64);
            }
            for it in items {
                put_value(out, it);
            }
        }
        JVal::Obj(members) => {
            if members.len() <= 14 {
                out.push(T_OBJ0 + members.len() as u8);
            } else {
                out.push(T_OBJN);
                put_varint(out, members.len() as u64);
            }
            for (k, val) in members {
                put_str(out, k);
                put_value(out, val);
            }
        }
    }
}

// ---------------------------------------------------------------- decoding

/// Malformed binary (never reached for data that passed the checksum, unless crafted).
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed;

/// Reads the body. Invariant: everything the reader builds is charged to
/// `budget` before (or, for a few bytes of escaping, right after) it is built,
/// so a crafted body cannot make it build more than its budget, however well
/// the body compressed; `over` records that the budget, not the data, stopped it.
pub struct Reader<'a> {
    pub b: &'a [u8],
    pub i: usize,
    /// Weighted bytes of JSON text still allowed (see [`Reader::charge`]).
    budget: usize,
    /// JSON values still allowed.
    nodes: usize,
    /// Base58 work still allowed (the sum of squared lengths: it is quadratic).
    b58_work: usize,
    /// Set when `budget` or `nodes` ran out: the error is "too large", not "malformed".
    pub over: bool,
    /// A measuring pass: every token is read, checked and charged exactly as when building,
    /// but no text is built (strings come back empty, arrays and objects without their items).
    /// Refusing an oversized body this way costs a few milliseconds where building it up to
    /// the limit costs a hundred (`tests/hostile.rs`), all of it in the page's one thread.
    pub dry: bool,
}

/// Longest byte string a base58 tag may hold: base58 is quadratic, and the
/// encoder only uses it for strings of at most 256 characters (`b58`), which
/// decode to at most 256 bytes (leading `1`s are zero bytes).
const MAX_B58_BYTES: usize = 256;

/// Base58 work a budgeted reader allows, as the sum of squared byte lengths.
/// An honest credential has one 64-byte signature and a few 34-byte keys
/// (about 7,500); the largest honest link (2 MB, about 3,500 credentials; see
/// `tests/hostile.rs`) needs some 27 M.
pub const MAX_B58_WORK: usize = 64_000_000;

impl<'a> Reader<'a> {
    /// A reader without limits (tests of the token layout).
    #[cfg(test)]
    pub fn new(b: &'a [u8]) -> Self {
        Self::with_budget(b, usize::MAX, usize::MAX)
    }

    /// A reader that builds at most `budget` bytes of JSON text and `nodes` values.
    pub fn with_budget(b: &'a [u8], budget: usize, nodes: usize) -> Self {
        Reader {
            b,
            i: 0,
            budget,
            nodes,
            b58_work: if budget == usize::MAX {
                usize::MAX
            } else {
                MAX_B58_WORK
            },
            over: false,
            dry: false,
        }
    }

    /// The same reader as a measuring pass (see [`Reader::dry`]).
    pub fn measuring(mut self) -> Self {
        self.dry = true;
        self
    }

    /// The text `make` builds, or nothing in a measuring pass.
    fn built(&self, make: impl FnOnce() -> String) -> String {
        if self.dry { String::new() } else { make() }
    }

    /// Weighted bytes of JSON text still allowed.
    pub fn left(&self) -> usize {
        self.budget
    }

    /// Takes `n` bytes of output from the budget.
    pub fn charge(&mut self, n: usize) -> Result<(), Malformed> {
        match self.budget.checked_sub(n) {
            Some(left) => {
                self.budget = left;
                Ok(())
            }
            None => {
                self.over = true;
                Err(Malformed)
            }
        }
    }

    fn node(&mut self) -> Result<(), Malformed> {
        match self.nodes.checked_sub(1) {
            Some(left) => {
                self.nodes = left;
                Ok(())
            }
            None => {
                self.over = true;
                Err(Malformed)
            }
        }
    }

    /// Bytes for a base58 tag, refused when longer than any the encoder writes.
    fn b58_bytes(&mut self) -> Result<&'a [u8], Malformed> {
        let b = self.bytes()?;
        if b.len() > MAX_B58_BYTES {
            return Err(Malformed);
        }
        match self.b58_work.checked_sub(b.len() * b.len()) {
            Some(left) => self.b58_work = left,
            None => {
                self.over = true;
                return Err(Malformed);
            }
        }
        // base58 text is at most 138/100 of the bytes, plus a prefix.
        self.charge(b.len() * 138 / 100 + 2)?;
        Ok(b)
    }

    pub fn at_end(&self) -> bool {
        self.i == self.b.len()
    }

    pub fn byte(&mut self) -> Result<u8, Malformed> {
        let c = *self.b.get(self.i).ok_or(Malformed)?;
        self.i += 1;
        Ok(c)
    }

    pub fn varint(&mut self) -> Result<u64, Malformed> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let c = self.byte()?;
            let part = (c & 0x7F) as u64;
            if shift == 63 && part > 1 {
                return Err(Malformed);
            }
            v |= part << shift;
            if c & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Malformed)
    }

    /// A count or length, bounded by what is left (each item takes at least a byte).
    fn len(&mut self) -> Result<usize, Malformed> {
        let n = self.varint()?;
        if n > (self.b.len() - self.i) as u64 {
            return Err(Malformed);
        }
        Ok(n as usize)
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Malformed> {
        let end = self
            .i
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or(Malformed)?;
        let s = &self.b[self.i..end];
        self.i = end;
        Ok(s)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], Malformed> {
        let n = self.len()?;
        self.take(n)
    }

    fn utf8(&mut self, n: usize) -> Result<String, Malformed> {
        let b = self.take(n)?;
        self.charge(n)?;
        let s = core::str::from_utf8(b).map_err(|_| Malformed)?;
        self.charge(crate::json::escape_extra(s))?;
        Ok(self.built(|| s.to_owned()))
    }

    fn dict(&mut self, i: usize) -> Result<String, Malformed> {
        let s = DICT.get(i).ok_or(Malformed)?;
        self.charge(s.len())?;
        Ok(self.built(|| (*s).to_owned()))
    }

    /// A value that must be a string (object keys, titles).
    pub fn string(&mut self) -> Result<String, Malformed> {
        self.string_at(0)
    }

    fn string_at(&mut self, depth: usize) -> Result<String, Malformed> {
        match self.value(depth)? {
            JVal::Str(s) => Ok(s),
            _ => Err(Malformed),
        }
    }

    fn scalar(&mut self, t: u8) -> Result<JVal, Malformed> {
        Ok(match t {
            T_NULL => JVal::Null,
            T_FALSE => JVal::Bool(false),
            T_TRUE => JVal::Bool(true),
            T_UINT => JVal::Num(self.varint()?.to_string()),
            _ => JVal::Num(format!("-{}", self.varint()? as u128 + 1)),
        })
    }

    pub fn value(&mut self, depth: usize) -> Result<JVal, Malformed> {
        if depth > MAX_DEPTH {
            return Err(Malformed);
        }
        let t = self.byte()?;
        // Every value: its quotes or brackets and a separator.
        self.node()?;
        self.charge(3)?;
        let s = |x: String| Ok(JVal::Str(x));
        match t {
            0..=0x9F => s(self.dict(t as usize)?),
            T_STR0..=0xBE => s(self.utf8((t - T_STR0) as usize)?),
            T_STRN => {
                let n = self.len()?;
                s(self.utf8(n)?)
            }
            T_ARR0..=T_ARRN => {
                let n = if t == T_ARRN {
                    self.len()?
                } else {
                    (t - T_ARR0) as usize
                };
                let mut items = Vec::with_capacity(n.min(64));
                for _ in 0..n {
                    let v = self.value(depth + 1)?;
                    if !self.dry {
                        items.push(v);
                    }
                }
                Ok(JVal::Arr(items))
            }
            T_OBJ0..=T_OBJN => {
                let n = if t == T_OBJN {
                    self.len()?
                } else {
                    (t - T_OBJ0) as usize
                };
                let mut members = Vec::with_capacity(n.min(64));
                for _ in 0..n {
                    let k = match self.value(depth + 1)? {
                        JVal::Str(k) => k,
                        _ => return Err(Malformed),
                    };
                    let v = self.value(depth + 1)?;
                    if !self.dry {
                        members.push((k, v));
                    }
                }
                Ok(JVal::Obj(members))
            }
            T_NULL | T_FALSE | T_TRUE | T_UINT | T_NINT => {
                self.charge(18)?;
                self.scalar(t)
            }
            T_NUM => {
                let n = self.bytes()?;
                self.charge(n.len())?;
                let lex = core::str::from_utf8(n).map_err(|_| Malformed)?;
                if !crate::json::is_number_lexeme(lex) {
                    return Err(Malformed);
                }
                Ok(JVal::Num(lex.to_owned()))
            }
            T_DIDKEY => {
                self.charge(9)?;
                let b = self.b58_bytes()?;
                s(self.built(|| format!("did:key:z{}", bs58::encode(b).into_string())))
            }
            T_DIDKEY_VM => {
                let b = self.b58_bytes()?;
                self.charge(b.len() * 138 / 100 + 12)?;
                s(self.built(|| {
                    let k = bs58::encode(b).into_string();
                    format!("did:key:z{k}#z{k}")
                }))
            }
            T_Z58 => {
                let b = self.b58_bytes()?;
                s(self.built(|| format!("z{}", bs58::encode(b).into_string())))
            }
            T_UUID => {
                self.charge(45)?;
                let b = self.take(16)?;
                s(self.built(|| uuid_string(b)))
            }
            T_DT_S..=T_DATE => {
                self.charge(40)?;
                let v = unzigzag(self.varint()?);
                s(crate::time::decode(t, v).ok_or(Malformed)?)
            }
            T_PREFIX => {
                let i = usize::try_from(self.varint()?).map_err(|_| Malformed)?;
                let head = self.dict(i)?;
                let n = self.len()?;
                s(head + &self.utf8(n)?)
            }
            T_DATA_URI => {
                use base64::Engine;
                let head = self.string_at(depth + 1)?;
                let body = self.bytes()?;
                self.charge(body.len().div_ceil(3) * 4)?;
                s(self.built(|| head + &base64::engine::general_purpose::STANDARD.encode(body)))
            }
            T_DICT2 => {
                let i = SHORT + self.byte()? as usize;
                s(self.dict(i)?)
            }
            T_FRAG_Z58 => {
                let head = self.string_at(depth + 1)?;
                let b = self.b58_bytes()?;
                s(self.built(|| format!("{head}#z{}", bs58::encode(b).into_string())))
            }
            _ => Err(Malformed),
        }
    }
}

pub(crate) mod tags {
    pub const DT_S: u8 = super::T_DT_S;
    pub const DT_MS: u8 = super::T_DT_MS;
    pub const DT_OFF: u8 = super::T_DT_OFF;
    pub const DATE: u8 = super::T_DATE;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rt(s: &str) -> usize {
        let mut out = Vec::new();
        put_str(&mut out, s);
        let mut r = Reader::new(&out);
        assert_eq!(r.value(0).unwrap(), JVal::Str(s.to_owned()), "{s}");
        assert!(r.at_end());
        out.len()
    }

    #[test]
    fn string_shapes_round_trip() {
        assert_eq!(rt("@context"), 1);
        assert_eq!(rt("controller"), 2);
        let k = "z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q";
        assert_eq!(rt(&format!("did:key:{k}")), 36);
        assert_eq!(rt(&format!("did:key:{k}#{k}")), 36);
        assert_eq!(
            rt(
                "z3jqgQq2WpjsvHQp9XWxKcMvcehyTurrWawo33jvQk8CvbjQRvAgtsw9P2u2fXqY7iABSuBQdtt9UQyHsN82LRuq7"
            ),
            66
        );
        assert_eq!(rt("urn:uuid:3f1c2a5e-8b1d-4c0a-9e2f-5a7b6c8d9e01"), 17);
        rt("urn:uuid:3F1C2A5E-8B1D-4C0A-9E2F-5A7B6C8D9E01");
        assert!(rt("2025-01-09T15:06:31Z") <= 6);
        for s in [
            "2025-01-09T15:06:31.123Z",
            "2025-01-09T15:06:31+00:00",
            "2025-01-09",
            "1969-12-31T23:59:59Z",
            "2025-02-30T00:00:00Z",
            "2025-01-09T15:06:60Z",
            "2025-01-09T15:06:31.1Z",
            "2025-01-09T15:06:31+01:00",
            "zebra",
            "z",
            "z111111111111111111111111",
            "did:key:z0OIl",
            "did:key:zabc#zabd",
            "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
            "#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
            "a#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
            &"#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi".repeat(5000),
            "https://",
            "https://x",
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==",
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUh==",
            "data:text/plain;charset=utf-8;base64,aGVsbG8gd29ybGQ=",
            "",
            "é😀\u{0}",
            &"x".repeat(31),
        ] {
            rt(s);
        }
    }

    #[test]
    fn numbers_round_trip() {
        for n in [
            "0",
            "-0",
            "1",
            "-1",
            "1.0",
            "1e3",
            "18446744073709551615",
            "18446744073709551616",
            "-18446744073709551616",
            "-18446744073709551617",
            "0.5E-7",
        ] {
            let mut out = Vec::new();
            put_value(&mut out, &JVal::Num(n.into()));
            assert_eq!(
                Reader::new(&out).value(0).unwrap(),
                JVal::Num(n.into()),
                "{n}"
            );
        }
    }

    #[test]
    fn hostile_bytes_do_not_panic() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 40) as usize;
            let bytes: Vec<u8> = (0..n)
                .map(|k| (seed >> (k % 8 * 8)) as u8 ^ k as u8)
                .collect();
            let _ = Reader::new(&bytes).value(0);
        }
        let _ = Reader::new(&[0xCF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]).value(0);
        for t in [0xC1, 0xEF, 0xF1] {
            let nested = vec![t; 100_000];
            assert!(Reader::new(&nested).value(0).is_err());
        }
    }
}
