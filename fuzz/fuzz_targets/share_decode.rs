//! The share-link decoder on arbitrary input: never panics, never builds more
//! than its limits allow, and whatever it decodes re-encodes to a link that
//! decodes to the same portfolio.
//!
//! The input is used three ways: as text (a pasted link), as the digits of a
//! format-2 link and as the characters of a format-1 link made from its bytes
//! with a valid checksum, so the fuzzer gets past the checksum to the
//! decompressors and the token reader (where the bombs live).
#![no_main]
use libfuzzer_sys::fuzz_target;
use wallet_share::{
    DecodeError, MAX_CREDENTIALS, MAX_DECODED_BYTES, base10, base43, decode, encode, normalize,
};

fn check(link: &str) {
    match decode(link) {
        Ok(p) => {
            assert!(p.credentials.len() <= MAX_CREDENTIALS);
            let text: usize = p.credentials.iter().map(|c| c.text().len()).sum();
            assert!(text <= MAX_DECODED_BYTES);
            // A decoded portfolio is the same after a round trip (up to the compact
            // form `normalize` gives: a crafted link may hold JSON as raw text).
            let again = decode(&encode(&p)).expect("re-encoded link decodes");
            let same: Vec<_> = p.credentials.iter().map(normalize).collect();
            assert_eq!(again.credentials, same);
            assert_eq!(again.title, p.title);
            assert_eq!(again.holder, p.holder);
        }
        Err(DecodeError::NewerVersion(n)) => assert!((3..=9).contains(&n)),
        Err(_) => {}
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
    }
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    // Format 2 around the bytes: coder or DEFLATE mode, valid header and checksum.
    let head = ((body.len() % 32768) as u32) << 1 | (mode & 1) as u32;
    let mut s = format!("2{head:05}");
    let check_digit = base10::damm(&s.as_bytes()[1..]);
    s.push((b'0' + check_digit) as char);
    base10::encode(body, &mut s);
    let crc = crc32fast::hash(s.as_bytes());
    s.push_str(&format!("{crc:010}"));
    check(&s);
    // Format 1 around the bytes: stored or DEFLATE flag, valid length and checksum.
    let mut f = (((body.len() + 7) % 65536) as u16).to_be_bytes().to_vec();
    f.push(mode >> 7);
    f.extend_from_slice(body);
    let mut h = crc32fast::Hasher::new();
    h.update(&[1]);
    h.update(&f[2..]);
    f.extend_from_slice(&h.finalize().to_be_bytes());
    let mut s = "1".to_string();
    base43::encode(&f, &mut s);
    check(&s);
});
