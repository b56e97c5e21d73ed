//! `ecdsa-sd-2023` derived proofs (W3C vc-di-ecdsa §3.4–3.5): what a holder presents after
//! selective disclosure.
//!
//! Why this module exists: 1EdTech's Open Badges 3.0 Displayer certification asks a wallet to
//! verify `ecdsa-sd-2023` credentials. The issuer signs a *base* proof (for the holder only);
//! the holder removes statements and derives a proof for what remains. The verifier checks:
//!
//! 1. the base signature, by the issuer's P-256 key, over
//!    `SHA-256(proof options) ‖ ephemeral public key ‖ SHA-256(mandatory statements)`;
//! 2. one signature by the ephemeral key per disclosed non-mandatory statement.
//!
//! Statements are the document's RDFC-1.0 canonical N-Quads with each blank-node label
//! `c14nN` replaced by the label the proof's label map gives (the issuer's HMAC labels), then
//! sorted. What is shown is the presented document, and every statement of it is covered by
//! one of the signatures, so only disclosed, signed statements are ever shown.
//!
//! Parity with Digital Bazaar's `@digitalbazaar/ecdsa-sd-2023-cryptosuite` 3.4
//! (`tests/interop/sign.mjs` signs, derives and tampers; `verify/tests/interop.rs` compares):
//! - relabelling replaces every `_:label` text run the way its regular expression
//!   `/(_:([^\s]+))/g` does, and relabelled statements are sorted by UTF-16 code units
//!   (its `Array.prototype.sort`), not code points;
//! - mandatory indexes are a set (repeats and out-of-range indexes are ignored, as its
//!   `includes` does).
//!
//! Stricter, on purpose: a `_:` inside a literal or an IRI would be rewritten by that regular
//! expression as if it were a blank node, so two different texts could sign the same bytes;
//! such a document is declined ("could not be checked"), never verified. The CBOR proof value
//! is read by a small strict reader below (definite lengths only; indefinite lengths are
//! declined): the structure is five fixed fields, and a CBOR crate would add size to the
//! bundle for one use.

use std::collections::HashMap;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::pubkey::{JwsAlg, PublicKey, verify_jws};

/// At most this many disclosed statements are checked (one ECDSA verification each, about
/// 1 ms in wasm): a derived credential with more is declined, not verified.
pub const MAX_STATEMENTS: usize = 1_000;

/// The three-byte CBOR tag heads (tag 0x5d00 base, 0x5d01 derived).
const BASE_HEAD: [u8; 3] = [0xd9, 0x5d, 0x00];
const DERIVED_HEAD: [u8; 3] = [0xd9, 0x5d, 0x01];

/// Multicodec header of a compressed P-256 public key (`p256-pub`, 0x1200 as varint).
const P256_MULTICODEC: [u8; 2] = [0x80, 0x24];

/// A parsed `proofValue`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ProofValue {
    /// A base proof: what the issuer gives the holder; not meant to be shown to anyone else.
    Base,
    Derived(Derived),
}

/// The fields of a derived proof value.
///
/// Invariants after [`parse`]: `base_signature` is 64 bytes and `public_key` is 35 bytes
/// (multicodec `p256-pub` + a compressed point); label-map keys are distinct.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Derived {
    pub base_signature: Vec<u8>,
    pub public_key: Vec<u8>,
    pub signatures: Vec<Vec<u8>>,
    /// `c14nN` → the label to use instead (raw bytes; written `u` + base64url).
    pub label_map: HashMap<u64, Vec<u8>>,
    pub mandatory_indexes: Vec<i64>,
}

/// Why a derived proof was not accepted.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SdError {
    /// The proof is wrong: the credential is `invalid`.
    Fail(String),
    /// The proof cannot be checked by this wallet (an encoding or a size it declines).
    Declined(String),
}

/// What a valid derived proof disclosed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Disclosure {
    /// Statements (N-Quads) in the presented credential, all signed.
    pub statements: usize,
    /// How many of them the issuer made mandatory (always disclosed).
    pub mandatory: usize,
}

/// Reads a multibase base64url (`u…`) proof value. Total.
pub(crate) fn parse(proof_value: &str) -> Result<ProofValue, SdError> {
    let fail = |m: &str| Err(SdError::Fail(format!("the ecdsa-sd-2023 proofValue {m}")));
    let Some(b64) = proof_value.strip_prefix('u') else {
        return fail("is not base64url multibase (it must start with u)");
    };
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(b64) else {
        return fail("is not valid base64url");
    };
    if bytes.starts_with(&BASE_HEAD) {
        return Ok(ProofValue::Base);
    }
    let Some(body) = bytes.strip_prefix(&DERIVED_HEAD) else {
        return fail("is neither a base nor a derived proof (unknown CBOR tag)");
    };
    let mut r = Cbor { b: body, pos: 0 };
    let derived = r.derived().map_err(|e| match e {
        CborError::Malformed(m) => SdError::Fail(format!("the ecdsa-sd-2023 proofValue {m}")),
        CborError::Indefinite => SdError::Declined(
            "the ecdsa-sd-2023 proofValue uses indefinite-length CBOR, which this wallet does not read".into(),
        ),
    })?;
    if r.pos != body.len() {
        return fail("has bytes after its CBOR value");
    }
    Ok(ProofValue::Derived(derived))
}

/// Checks a derived proof. `proof_hash` is SHA-256 of the canonical proof options (the
/// proof without `proofValue`, with the document's `@context`); `canonical` is the RDFC-1.0
/// canonical N-Quads of the document without its proof; `issuer` is the key the proof's
/// verification method names.
pub(crate) fn verify(
    d: &Derived,
    proof_hash: &[u8],
    canonical: &str,
    issuer: &PublicKey,
) -> Result<Disclosure, SdError> {
    let fail = |m: String| Err(SdError::Fail(m));
    if !matches!(issuer, PublicKey::P256(_)) {
        return fail(format!(
            "ecdsa-sd-2023 needs a P-256 key, but the verification method is a {} key",
            issuer.label()
        ));
    }
    let ephemeral = match d.public_key.strip_prefix(&P256_MULTICODEC) {
        Some(point) => match p256::ecdsa::VerifyingKey::from_sec1_bytes(point) {
            Ok(k) => PublicKey::P256(k),
            Err(_) => return fail("the proof's ephemeral key is not a P-256 point".into()),
        },
        None => return fail("the proof's ephemeral key is not a P-256 multikey".into()),
    };
    let mut statements = relabel(canonical, &d.label_map)?;
    if statements.len() > MAX_STATEMENTS {
        return Err(SdError::Declined(format!(
            "the credential discloses {} statements; this wallet checks at most {MAX_STATEMENTS}",
            statements.len()
        )));
    }
    statements.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
    let is_mandatory = |i: usize| {
        d.mandatory_indexes
            .iter()
            .any(|&m| usize::try_from(m).ok() == Some(i))
    };
    let mut mandatory = Sha256::new();
    let mut optional = Vec::new();
    let mut mandatory_n = 0;
    for (i, s) in statements.iter().enumerate() {
        if is_mandatory(i) {
            mandatory.update(s.as_bytes());
            mandatory_n += 1;
        } else {
            optional.push(s);
        }
    }
    if optional.len() != d.signatures.len() {
        return fail(format!(
            "the proof has {} statement signatures for {} disclosed statements: the credential was changed after it was derived",
            d.signatures.len(),
            optional.len()
        ));
    }
    for (s, sig) in optional.iter().zip(&d.signatures) {
        if verify_jws(&ephemeral, JwsAlg::ES256, s.as_bytes(), sig).is_err() {
            return fail(
                "a disclosed statement does not match its signature: the credential was changed after it was signed".into(),
            );
        }
    }
    let mut base = Vec::with_capacity(99);
    base.extend_from_slice(proof_hash);
    base.extend_from_slice(&d.public_key);
    base.extend_from_slice(&mandatory.finalize());
    if verify_jws(issuer, JwsAlg::ES256, &base, &d.base_signature).is_err() {
        return fail(
            "the issuer's base signature does not match: the credential's required statements or the proof were changed, or another key signed it".into(),
        );
    }
    Ok(Disclosure {
        statements: statements.len(),
        mandatory: mandatory_n,
    })
}

/// JavaScript's `\s` (what Digital Bazaar's relabelling expression stops a label at).
fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// The canonical statements with `_:c14nN` labels replaced through `map`. Every `_:` run
/// must be a blank-node term of the statement (see the module header), else declined.
fn relabel(canonical: &str, map: &HashMap<u64, Vec<u8>>) -> Result<Vec<String>, SdError> {
    let mut out = Vec::new();
    for line in canonical.split_terminator('\n') {
        let terms = blank_terms(line)
            .ok_or_else(|| SdError::Declined("a canonical statement could not be read".into()))?;
        let mut s = String::with_capacity(line.len() + 32);
        let mut rest = line;
        let mut at = 0;
        let mut seen = 0;
        while let Some(i) = rest.find("_:") {
            let label_start = i + 2;
            let len = rest[label_start..]
                .find(js_space)
                .unwrap_or(rest.len() - label_start);
            let label = &rest[label_start..label_start + len];
            if terms.get(seen) != Some(&(at + i)) {
                return Err(SdError::Declined(
                    "the credential holds text containing \"_:\", which ecdsa-sd-2023 relabelling would alter, so what is shown could differ from what was signed".into(),
                ));
            }
            seen += 1;
            let new = label
                .strip_prefix("c14n")
                .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| n.parse::<u64>().ok())
                .and_then(|n| map.get(&n))
                .ok_or_else(|| {
                    SdError::Fail(format!(
                        "the proof's label map has no label for the blank node _:{label}"
                    ))
                })?;
            s.push_str(&rest[..i]);
            s.push_str("_:u");
            s.push_str(&base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(new));
            rest = &rest[label_start + len..];
            at += label_start + len;
        }
        if seen != terms.len() {
            return Err(SdError::Declined(
                "a canonical statement could not be read".into(),
            ));
        }
        s.push_str(rest);
        s.push('\n');
        out.push(s);
    }
    Ok(out)
}

/// Byte offsets of the blank-node terms (`_:…`) of one canonical N-Quads statement, or None
/// when the line is not a statement as RDFC-1.0 writes it.
fn blank_terms(line: &str) -> Option<Vec<usize>> {
    let b = line.as_bytes();
    let mut pos = 0;
    let mut out = Vec::new();
    loop {
        match b.get(pos)? {
            b'<' => pos += line[pos..].find('>')? + 1,
            b'_' if b.get(pos + 1) == Some(&b':') => {
                out.push(pos);
                pos += line[pos..].find(' ')?;
            }
            b'"' => {
                pos += 1;
                loop {
                    match b.get(pos)? {
                        b'\\' => pos += 2,
                        b'"' => break,
                        _ => pos += 1,
                    }
                }
                pos += 1;
                if line[pos..].starts_with("^^<") {
                    pos += line[pos..].find('>')? + 1;
                } else if b.get(pos) == Some(&b'@') {
                    pos += line[pos..].find(' ')?;
                }
            }
            b'.' if pos + 1 == b.len() => return Some(out),
            _ => return None,
        }
        if b.get(pos) != Some(&b' ') {
            return None;
        }
        pos += 1;
    }
}

enum CborError {
    Malformed(String),
    Indefinite,
}

/// A strict reader of the derived proof's CBOR (RFC 8949): definite lengths, the types the
/// proof uses, lengths bounded by the input.
struct Cbor<'a> {
    b: &'a [u8],
    pos: usize,
}

type CborResult<T> = Result<T, CborError>;

fn malformed<T>(m: &str) -> CborResult<T> {
    Err(CborError::Malformed(m.to_string()))
}

impl Cbor<'_> {
    /// (major type, argument) of the next item.
    fn head(&mut self) -> CborResult<(u8, u64)> {
        let Some(&first) = self.b.get(self.pos) else {
            return malformed("ends too early");
        };
        self.pos += 1;
        let (major, info) = (first >> 5, first & 0x1f);
        let n = match info {
            0..=23 => return Ok((major, u64::from(info))),
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            31 => return Err(CborError::Indefinite),
            _ => return malformed("has a reserved CBOR encoding"),
        };
        let Some(bytes) = self.b.get(self.pos..self.pos + n) else {
            return malformed("ends too early");
        };
        self.pos += n;
        Ok((
            major,
            bytes.iter().fold(0u64, |a, &x| a << 8 | u64::from(x)),
        ))
    }

    /// A count of items that must each take at least one byte of what is left.
    fn count(&self, n: u64) -> CborResult<usize> {
        match usize::try_from(n) {
            Ok(n) if n <= self.b.len() - self.pos => Ok(n),
            _ => malformed("declares more items than it holds"),
        }
    }

    /// A byte string (also accepted inside tag 64, a typed array of bytes).
    fn bytes(&mut self) -> CborResult<Vec<u8>> {
        let (mut major, mut arg) = self.head()?;
        if (major, arg) == (6, 64) {
            (major, arg) = self.head()?;
        }
        if major != 2 {
            return malformed("has a field that is not a byte string");
        }
        let n = self.count(arg)?;
        let v = self.b[self.pos..self.pos + n].to_vec();
        self.pos += n;
        Ok(v)
    }

    fn array_len(&mut self) -> CborResult<usize> {
        match self.head()? {
            (4, n) => self.count(n),
            _ => malformed("has a field that is not an array"),
        }
    }

    fn integer(&mut self) -> CborResult<i64> {
        match self.head()? {
            (0, n) => i64::try_from(n).or_else(|_| malformed("has an integer out of range")),
            (1, n) => i64::try_from(n)
                .map(|n| -1 - n)
                .or_else(|_| malformed("has an integer out of range")),
            _ => malformed("has a mandatory index that is not an integer"),
        }
    }

    fn derived(&mut self) -> CborResult<Derived> {
        if self.array_len()? != 5 {
            return malformed("is not an array of the five derived-proof fields");
        }
        let base_signature = self.bytes()?;
        if base_signature.len() != 64 {
            return malformed("has a base signature that is not 64 bytes");
        }
        let public_key = self.bytes()?;
        if public_key.len() != 35 {
            return malformed("has an ephemeral public key that is not 35 bytes");
        }
        let n = self.array_len()?;
        let mut signatures = Vec::with_capacity(n);
        for _ in 0..n {
            signatures.push(self.bytes()?);
        }
        let n = match self.head()? {
            (5, n) => self.count(n)?,
            _ => return malformed("has a label map that is not a map"),
        };
        let mut label_map = HashMap::with_capacity(n);
        for _ in 0..n {
            let key = match self.head()? {
                (0, k) => k,
                _ => return malformed("has a label-map key that is not an unsigned integer"),
            };
            let value = self.bytes()?;
            if label_map.insert(key, value).is_some() {
                return malformed("has a label-map key twice");
            }
        }
        let n = self.array_len()?;
        let mut mandatory_indexes = Vec::with_capacity(n);
        for _ in 0..n {
            mandatory_indexes.push(self.integer()?);
        }
        Ok(Derived {
            base_signature,
            public_key,
            signatures,
            label_map,
            mandatory_indexes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(b: &[u8]) -> String {
        format!(
            "u{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
        )
    }

    /// A derived proof value with the given CBOR body.
    fn derived(body: &[u8]) -> String {
        let mut v = DERIVED_HEAD.to_vec();
        v.extend_from_slice(body);
        b64(&v)
    }

    fn good_body() -> Vec<u8> {
        let mut v = vec![0x85, 0x58, 64];
        v.extend([1u8; 64]);
        v.extend([0x58, 35, 0x80, 0x24]);
        v.extend([2u8; 33]);
        v.extend([0x81, 0x42, 9, 9]); // one signature of two bytes
        v.extend([0xa1, 0x00, 0x41, 7]); // {0: h'07'}
        v.extend([0x82, 0x00, 0x20]); // [0, -1]
        v
    }

    #[test]
    fn parses_proof_values() {
        let ok = parse(&derived(&good_body())).unwrap();
        let ProofValue::Derived(d) = ok else { panic!() };
        assert_eq!(d.signatures, vec![vec![9, 9]]);
        assert_eq!(d.label_map.get(&0), Some(&vec![7]));
        assert_eq!(d.mandatory_indexes, vec![0, -1]);
        assert_eq!(parse(&b64(&BASE_HEAD)), Ok(ProofValue::Base));

        let fails = |pv: &str, words: &str| match parse(pv) {
            Err(SdError::Fail(m)) => assert!(m.contains(words), "{pv}: {m}"),
            other => panic!("{pv}: {other:?}"),
        };
        fails("z123", "base64url multibase");
        fails("u!!", "not valid base64url");
        fails(&b64(&[0xd9, 0x5d, 0x02]), "unknown CBOR tag");
        let body = good_body();
        fails(
            &derived(&body[..body.len() - 1]),
            "more items than it holds",
        );
        fails(&derived(&body[..67]), "ends too early");
        let mut longer = body.clone();
        longer.push(0);
        fails(&derived(&longer), "bytes after");
        let mut four = body.clone();
        four[0] = 0x84;
        fails(&derived(&four), "five derived-proof fields");
        let mut short_sig = body.clone();
        short_sig[2] = 63;
        fails(&derived(&short_sig), "not 64 bytes");
        let mut dup = good_body();
        let at = dup.len() - 7;
        dup.splice(at..at + 4, [0xa2, 0x00, 0x41, 7, 0x00, 0x41, 8]);
        fails(&derived(&dup), "label-map key twice");
        // A huge declared length does not allocate.
        fails(
            &derived(&[0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
            "more items",
        );
        let mut indefinite = body.clone();
        indefinite[0] = 0x9f;
        assert!(matches!(
            parse(&derived(&indefinite)),
            Err(SdError::Declined(_))
        ));
    }

    #[test]
    fn relabels_only_blank_node_terms() {
        let map: HashMap<u64, Vec<u8>> = [(0, vec![0xAA]), (1, vec![0xBB])].into();
        // (canonical N-Quads, relabelled or the start of the error)
        let cases: &[(&str, Result<&str, &str>)] = &[
            (
                "_:c14n0 <http://p> _:c14n1 .\n",
                Ok("_:uqg <http://p> _:uuw .\n"),
            ),
            (
                "<http://s> <http://p> \"a \\\"q\\\" b\"@en _:c14n1 .\n",
                Ok("<http://s> <http://p> \"a \\\"q\\\" b\"@en _:uuw .\n"),
            ),
            (
                "<http://s> <http://p> \"1\"^^<http://t> .\n",
                Ok("<http://s> <http://p> \"1\"^^<http://t> .\n"),
            ),
            ("<http://s> <http://p> \"see _:c14n0\" .\n", Err("D")),
            ("<http://s> <http://p> <http://x/_:c14n0> .\n", Err("D")),
            ("_:c14n2 <http://p> <http://o> .\n", Err("F")),
            ("_:b0 <http://p> <http://o> .\n", Err("F")),
            ("<http://s> <http://p> <http://o>\n", Err("D")),
        ];
        for (input, want) in cases {
            let got = relabel(input, &map);
            match (want, &got) {
                (Ok(w), Ok(g)) => assert_eq!(g.concat(), *w, "{input}"),
                (Err("D"), Err(SdError::Declined(_))) | (Err("F"), Err(SdError::Fail(_))) => {}
                _ => panic!("{input}: {got:?}"),
            }
        }
    }

    #[test]
    fn js_whitespace_matches_ecmascript() {
        // ECMAScript WhiteSpace + LineTerminator, the `\s` class.
        for c in ['\u{a0}', '\u{2009}', '\u{feff}', '\u{3000}', '\u{2028}'] {
            assert!(js_space(c), "{c:?}");
        }
        for c in ['a', '\u{85}', '\u{200b}', '_'] {
            assert!(!js_space(c), "{c:?}");
        }
    }
}
