//! Raw DEFLATE with a preset dictionary (the zlib `deflateSetDictionary` idea,
//! done with miniz_oxide, already in the app through wallet-core).
//!
//! One credential is only a few hundred bytes, too little for DEFLATE to find
//! repeats in; most of it is short English text and the same JSON skeleton as
//! every other credential. So the compressor first sees [`dictionary`] (common
//! badge wording and the binary form of a generic Open Badges 3.0 credential),
//! flushed to a byte boundary and thrown away; the data that follows may refer
//! back into it. The decompressor puts the same dictionary in front of its
//! output window.
//!
//! FROZEN with format 1, like `dict.rs`: the dictionary bytes never change.

use miniz_oxide::deflate::core::{
    CompressorOxide, TDEFLFlush, TDEFLStatus, compress, create_comp_flags_from_zip_params,
};
use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

/// Common wording in achievement names, descriptions and criteria (most
/// frequent last: DEFLATE codes near distances more cheaply).
const WORDS: &str = "\
 successfully completed an assessment of the learner's ability to apply knowledge in practice, \
including a final project, exam, portfolio, presentation or lab work. This badge is awarded to \
students, participants and professionals who have demonstrated competencies, skills and \
understanding of the key concepts, principles, tools and methods; the recipient has met all \
requirements and criteria of the program, module, workshop, training or certification. \
Recognizes achievement, learning and development in data, design, communication, leadership, \
teamwork, management, management of projects, health and safety, science, technology, engineering, \
mathematics, digital literacy, introduction to the fundamentals; through hands-on activities, \
online courses and assignments. Earners of this credential are able to analyze, evaluate, create, \
implement, develop, identify, explain and describe. Complete all of the required modules with a \
passing grade and submit evidence of the work. Issued by the University, College, School, \
Academy, Institute, Department, Center for Continuing Education. Certificate of Completion \
Course Badge Achievement Competency Micro-credential Level 1 2 3 Introduction to the \
Advanced Intermediate Beginner Foundations of ";

/// A generic credential whose binary form is the skeleton most credentials share.
const SKELETON: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"urn:uuid:00000000-0000-0000-0000-000000000000","type":["VerifiableCredential","OpenBadgeCredential"],"name":"","issuer":{"id":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","type":["Profile"],"name":"","url":"https://"},"validFrom":"2024-01-01T00:00:00Z","credentialSubject":{"id":"did:example:","type":["AchievementSubject"],"achievement":{"id":"https://","type":["Achievement"],"name":"","description":"","criteria":{"narrative":""},"image":{"id":"https://","type":"Image"}}},"proof":{"type":"DataIntegrityProof","created":"2024-01-01T00:00:00Z","verificationMethod":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","cryptosuite":"eddsa-rdfc-2022","proofPurpose":"assertionMethod","proofValue":"z"}}"#;

pub fn dictionary() -> Vec<u8> {
    let mut d = WORDS.as_bytes().to_vec();
    let v = crate::json::parse(SKELETON).expect("valid skeleton");
    // Without the body's leading bytes, and the credential's kind byte in front.
    d.push(0);
    crate::wire::put_value(&mut d, &v);
    d
}

/// Raw DEFLATE of `data` against `dict`.
pub fn deflate(data: &[u8], dict: &[u8]) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(10, -15, 0);
    let mut c = CompressorOxide::new(flags);
    let mut scratch = vec![0u8; dict.len() * 2 + 1024];
    let (st, _, _) = compress(&mut c, dict, &mut scratch, TDEFLFlush::Sync);
    debug_assert_eq!(st, TDEFLStatus::Okay);
    let mut out = vec![0u8; data.len() + data.len() / 2 + 1024];
    let (st, _, n) = compress(&mut c, data, &mut out, TDEFLFlush::Finish);
    assert_eq!(st, TDEFLStatus::Done, "output buffer is ample");
    out.truncate(n);
    out
}

/// Why [`inflate`] gave nothing back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// Not valid DEFLATE data (or trailing bytes after its end).
    Invalid,
    /// Valid so far, but its output would exceed the limit.
    TooLarge,
}

/// Inverse of [`deflate`]; refuses data that is not valid or would exceed
/// `limit` bytes. Inflates once into a buffer that grows with the output (never
/// more than `limit`): a bomb costs at most `limit` bytes of work and memory.
pub fn inflate(data: &[u8], dict: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut buf = vec![0u8; dict.len() + (data.len() * 4 + 1024).min(limit)];
    buf[..dict.len()].copy_from_slice(dict);
    let mut r = DecompressorOxide::new();
    let (mut in_pos, mut out_pos) = (0, dict.len());
    loop {
        let (st, used, n) = decompress(&mut r, &data[in_pos..], &mut buf, out_pos, flags);
        in_pos += used;
        out_pos += n;
        match st {
            TINFLStatus::Done if in_pos == data.len() => {
                buf.truncate(out_pos);
                buf.drain(..dict.len());
                return Ok(buf);
            }
            TINFLStatus::HasMoreOutput => {
                if out_pos - dict.len() >= limit {
                    return Err(InflateError::TooLarge);
                }
                let grown = (buf.len() - dict.len()).saturating_mul(2).min(limit);
                buf.resize(dict.len() + grown, 0);
            }
            _ => return Err(InflateError::Invalid),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_the_dictionary_is_frozen() {
        let d = dictionary();
        for data in [&b""[..], b"hello", &[0u8; 5000], WORDS.as_bytes()] {
            let c = deflate(data, &d);
            assert_eq!(inflate(&c, &d, 1 << 20).unwrap(), data);
        }
        let n = deflate(WORDS.as_bytes(), &d).len();
        assert!(n < WORDS.len() / 20, "the dictionary is used: {n}");
        assert_eq!(
            inflate(&deflate(&[7u8; 5000], &d), &d, 100),
            Err(InflateError::TooLarge),
            "limit"
        );
        assert_eq!(
            inflate(&deflate(&[7u8; 5000], &d), &d, 5000).unwrap().len(),
            5000
        );
        assert_eq!(
            inflate(b"\xff\xff\xff", &d, 100),
            Err(InflateError::Invalid)
        );
        assert_eq!(
            crc32fast::hash(&d),
            FINGERPRINT,
            "the format-1 DEFLATE dictionary is frozen"
        );
    }

    const FINGERPRINT: u32 = 1813259278;

    /// Raw DEFLATE, one fixed-Huffman block: `literals`, then a match of length 3 at `dist`.
    fn fixed_block(literals: &[u8], dist: u16) -> Vec<u8> {
        struct Bits(Vec<u8>, u32, u32);
        impl Bits {
            fn put(&mut self, v: u32, n: u32) {
                for i in 0..n {
                    self.1 |= ((v >> i) & 1) << self.2;
                    self.2 += 1;
                    if self.2 == 8 {
                        self.0.push(self.1 as u8);
                        (self.1, self.2) = (0, 0);
                    }
                }
            }
            /// A Huffman code: most significant bit first.
            fn code(&mut self, c: u32, n: u32) {
                for i in (0..n).rev() {
                    self.put((c >> i) & 1, 1);
                }
            }
        }
        let mut b = Bits(Vec::new(), 0, 0);
        b.put(1, 1); // final block
        b.put(1, 2); // fixed Huffman codes
        for &l in literals {
            if l < 144 {
                b.code(0x30 + l as u32, 8);
            } else {
                b.code(0x190 + (l as u32 - 144), 9);
            }
        }
        b.code(1, 7); // length 3 (symbol 257)
        // Distance codes 0..=29 with their extra bits (RFC 1951, 3.2.5).
        let (mut code, mut base, mut extra) = (0u32, 1u32, 0u32);
        while base + (1 << extra) <= dist as u32 {
            base += 1 << extra;
            code += 1;
            if code >= 4 && code % 2 == 0 {
                extra += 1;
            }
        }
        b.code(code, 5);
        b.put(dist as u32 - base, extra);
        b.code(0, 7); // end of block (symbol 256)
        if b.2 > 0 {
            b.0.push(b.1 as u8);
        }
        b.0
    }

    #[test]
    fn distances_and_limits_are_exact() {
        let d = dictionary();
        // A match into the dictionary's last bytes is read from it...
        let tail = &d[d.len() - 3..];
        assert_eq!(
            inflate(&fixed_block(b"ab", 5), &d, 100).unwrap(),
            [b"ab", tail].concat()
        );
        // ...one reaching before it is an error, not zeros from an empty window.
        let far = u16::try_from(d.len() + 3).unwrap();
        assert_eq!(
            inflate(&fixed_block(b"ab", far), &d, 100),
            Err(InflateError::Invalid)
        );
        assert_eq!(
            inflate(&fixed_block(b"ab", 3), &[], 100),
            Err(InflateError::Invalid)
        );
        assert_eq!(
            inflate(&fixed_block(b"abc", 3), &[], 100).unwrap(),
            b"abcabc"
        );
        // Exactly the limit is allowed, one byte more is not, across window wraps.
        let big = vec![9u8; 200_000];
        let c = deflate(&big, &d);
        assert_eq!(inflate(&c, &d, 200_000).unwrap(), big);
        assert_eq!(inflate(&c, &d, 199_999), Err(InflateError::TooLarge));
        // Trailing bytes after the end of the stream.
        let mut t = c.clone();
        t.push(0);
        assert_eq!(inflate(&t, &d, 1 << 20), Err(InflateError::Invalid));
    }
}
