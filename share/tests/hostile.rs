//! Share-link bombs: intact links (the checksum holds) whose body is crafted to
//! expand without bound at one step or another. Each must be refused with the
//! specific `DecodeError`, quickly, and without building the text; honest links
//! as large as a browser opens must still decode.
//!
//! The links are made here as a hostile sender would: the body bytes written by
//! hand (token layout in `src/wire.rs`), compressed with plain raw DEFLATE (valid
//! against the decoder's preset dictionary, which it simply does not use), and
//! framed as format 2 (`2`, header, Damm digit, decimal data, CRC) or format 1
//! (`1`, base-43 of length, flags, data, CRC).

mod common;

use common::*;
use std::time::Duration;
use wallet_share::dict::{DICT, SHORT};
use wallet_share::{
    DecodeError, Excess, MAX_CREDENTIALS, MAX_DECODED_BYTES, Original, Portfolio, base10, base43,
    decode, encode,
};

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn deflate(body: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(body, 6)
}

/// Format 2, DEFLATE mode, around DEFLATE `data`.
fn v2_link(data: &[u8]) -> String {
    let head = ((data.len() % 32768) as u32) << 1 | 1;
    let mut s = format!("2{head:05}");
    let check = base10::damm(&s.as_bytes()[1..]);
    s.push((b'0' + check) as char);
    base10::encode(data, &mut s);
    let crc = crc32fast::hash(s.as_bytes());
    s.push_str(&format!("{crc:010}"));
    s
}

/// Format 1, DEFLATE flag, around DEFLATE `data`.
fn v1_link(data: &[u8]) -> String {
    let mut f = (((data.len() + 7) % 65536) as u16).to_be_bytes().to_vec();
    f.push(1);
    f.extend_from_slice(data);
    let mut h = crc32fast::Hasher::new();
    h.update(&[1]);
    h.update(&f[2..]);
    f.extend_from_slice(&h.finalize().to_be_bytes());
    let mut s = "1".to_string();
    base43::encode(&f, &mut s);
    s
}

/// The longest one-byte dictionary token.
fn longest_token() -> u8 {
    (0..SHORT).max_by_key(|&i| DICT[i].len()).unwrap() as u8
}

/// A body with one JSON credential whose value is `value`.
fn one_credential(value: &[u8]) -> Vec<u8> {
    let mut b = vec![0, 1, 0]; // no title/holder/pathways; 1 credential; K_JSON
    b.extend_from_slice(value);
    b
}

/// An array (`CF`, varint count) of `n` copies of `item`.
fn array_of(n: usize, item: &[u8]) -> Vec<u8> {
    let mut v = vec![0xCF];
    varint(&mut v, n as u64);
    for _ in 0..n {
        v.extend_from_slice(item);
    }
    v
}

/// A long string (`BF`, varint length) of `n` copies of `byte`.
fn string_of(n: usize, byte: u8) -> Vec<u8> {
    let mut v = vec![0xBF];
    varint(&mut v, n as u64);
    v.resize(v.len() + n, byte);
    v
}

struct Bomb {
    name: &'static str,
    body: Vec<u8>,
    expect: DecodeError,
}

fn bombs() -> Vec<Bomb> {
    let tok = longest_token();
    let size = DecodeError::TooLarge(Excess::Size);
    let mut many = vec![0];
    varint(&mut many, MAX_CREDENTIALS as u64 + 1);
    for _ in 0..=MAX_CREDENTIALS {
        many.extend_from_slice(&[0, 0xE0]); // K_JSON null
    }
    let mut didkey = vec![0xE6];
    varint(&mut didkey, 200_000);
    didkey.resize(didkey.len() + 200_000, 7);
    let mut data_uri = vec![0xEF, 0xA5];
    data_uri.extend_from_slice(b"data:");
    varint(&mut data_uri, (MAX_DECODED_BYTES - 1000) as u64);
    data_uri.resize(data_uri.len() + MAX_DECODED_BYTES - 1000, 0);
    let mut pathways = vec![4, 0]; // pathways only, no credentials
    pathways.extend(array_of(1 << 20, &[tok]));
    let mut jws = vec![0, 1, 3 + 9]; // K_JWS, header/payload as JSON, signature as bytes
    jws.extend(array_of(1 << 20, &[tok]));
    jws.push(0xE0);
    varint(&mut jws, 0);
    vec![
        Bomb {
            // ~1 GB of JSON from 10 M one-byte dictionary tokens (the link).
            name: "dictionary tokens",
            body: one_credential(&array_of(MAX_DECODED_BYTES - 16, &[tok])),
            expect: size,
        },
        Bomb {
            name: "DEFLATE bomb (body past the limit)",
            body: one_credential(&string_of(MAX_DECODED_BYTES + 1, b'a')),
            expect: size,
        },
        Bomb {
            name: "JSON escaping (control characters, 6 bytes each)",
            body: one_credential(&string_of(MAX_DECODED_BYTES / 4, 1)),
            expect: size,
        },
        Bomb {
            name: "empty arrays (values, not bytes)",
            body: one_credential(&array_of(MAX_DECODED_BYTES / 5, &[0xC0])),
            expect: size,
        },
        Bomb {
            name: "did:key twice per token",
            body: one_credential(&array_of(
                200_000,
                &[0xE7, 60]
                    .iter()
                    .copied()
                    .chain([9; 60])
                    .collect::<Vec<_>>(),
            )),
            expect: size,
        },
        Bomb {
            name: "data: URI (base64 is 4/3)",
            body: one_credential(&data_uri),
            expect: size,
        },
        Bomb {
            name: "pathway definitions",
            body: pathways,
            expect: size,
        },
        Bomb {
            name: "JWS segments",
            body: jws,
            expect: size,
        },
        Bomb {
            name: "too many credentials",
            body: many,
            expect: DecodeError::TooLarge(Excess::Credentials),
        },
        Bomb {
            // base58 is quadratic: 200 KB would take minutes; never longer than a key.
            name: "one huge base58 token",
            body: one_credential(&didkey),
            expect: DecodeError::Altered,
        },
        Bomb {
            name: "nesting deeper than the limit",
            body: one_credential(&[0xC1].repeat(100_000)),
            expect: DecodeError::Altered,
        },
    ]
}

/// CPU time allowed per decode here (the crate's tests build at opt-level 3,
/// as its release build does): a bomb costs no more than the largest honest link.
const SLOW: Duration = Duration::from_millis(200);

#[test]
fn bombs_are_refused_with_the_specific_error() {
    for b in bombs() {
        let data = deflate(&b.body);
        for (fmt, link) in [(2, v2_link(&data)), (1, v1_link(&data))] {
            let t = cpu_time();
            let got = decode(&link).map(|p| p.credentials.len());
            let took = cpu_time() - t;
            assert_eq!(
                got,
                Err(b.expect),
                "{} (format {fmt}, {} chars)",
                b.name,
                link.len()
            );
            assert!(took < SLOW, "{} (format {fmt}): {took:?}", b.name);
            eprintln!(
                "{:50} format {fmt}: {:>8} chars, {took:?}",
                b.name,
                link.len()
            );
        }
    }
}

#[test]
fn the_messages_say_what_and_how_much() {
    assert_eq!(
        DecodeError::TooLarge(Excess::Size).to_string(),
        "this share link expands to more than 16 MB of credentials, more than this wallet opens"
    );
    assert_eq!(
        DecodeError::TooLarge(Excess::Credentials).to_string(),
        format!(
            "this share link holds more than {MAX_CREDENTIALS} credentials, more than this wallet opens"
        )
    );
}

/// A damaged bomb is still only "altered" (the checksum is checked first), and
/// a bomb behind a damaged first character is not decoded twice to say so.
#[test]
fn checksum_before_expansion() {
    let body = one_credential(&array_of(MAX_DECODED_BYTES - 16, &[longest_token()]));
    let mut link = v2_link(&deflate(&body)).into_bytes();
    let n = link.len();
    link[n - 1] = if link[n - 1] == b'0' { b'1' } else { b'0' };
    assert_eq!(
        decode(std::str::from_utf8(&link).unwrap()),
        Err(DecodeError::Altered)
    );
}

/// Distinct credentials like the demo ones (own ids, keys, dates and
/// signatures) until the link is as long as a browser opens (2 MB of URL).
pub fn honest_portfolio(max_chars: usize) -> Portfolio {
    let demo = demo_dir().expect("public/demo");
    let mut files = Vec::new();
    walk(&demo, &mut files);
    let texts: Vec<String> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| t.contains("\"proof\""))
        .collect();
    assert!(!texts.is_empty());
    let mut rng = Rng(11);
    let mut p = Portfolio {
        title: Some("Everything".into()),
        holder: Some("Alex".into()),
        credentials: Vec::new(),
        pathways: None,
    };
    let mut step = 1024;
    loop {
        let before = p.credentials.len();
        for _ in 0..step {
            let t = &texts[rng.below(texts.len())];
            // What differs between real credentials of one issuer: the id, the
            // recipient, the dates and the signature (64 random bytes).
            let uuid = format!("{:016x}{:016x}", rng.next(), rng.next());
            let uuid = format!(
                "{}-{}-4{}-a{}-{}",
                &uuid[..8],
                &uuid[8..12],
                &uuid[13..16],
                &uuid[17..20],
                &uuid[20..]
            );
            let sig = bs58::encode(rng.bytes(64)).into_string();
            let when = format!(
                "20{:02}-{:02}-{:02}T{:02}:{:02}:00Z",
                18 + rng.below(8),
                1 + rng.below(12),
                1 + rng.below(28),
                rng.below(24),
                rng.below(60)
            );
            let v: serde_json::Value = serde_json::from_str(t).unwrap();
            let mut v = v;
            v["id"] = format!("urn:uuid:{uuid}").into();
            v["validFrom"] = when.clone().into();
            v["credentialSubject"]["id"] = format!("did:example:learner-{:x}", rng.next()).into();
            if v["proof"].is_object() {
                v["proof"]["proofValue"] = format!("z{sig}").into();
                v["proof"]["created"] = when.into();
            }
            let t = v.to_string();
            p.credentials.push(Original::Json(t));
        }
        let len = encode(&p).len();
        if len > max_chars {
            if step == 1 {
                p.credentials.pop();
                return p;
            }
            p.credentials.truncate(before);
            step /= 4;
        }
    }
}

#[test]
fn the_largest_honest_link_still_decodes() {
    // Chromium opens URLs of up to 2 MB (2,097,152 characters).
    let p = honest_portfolio(2_000_000);
    let link = encode(&p);
    let t = cpu_time();
    let back = decode(&link);
    let took = cpu_time() - t;
    eprintln!(
        "honest: {} chars, {} credentials, decoded in {took:?}",
        link.len(),
        p.credentials.len()
    );
    let back = back.expect("an honest link decodes");
    assert_eq!(back.credentials.len(), p.credentials.len());
    let text: usize = back.credentials.iter().map(|c| c.text().len()).sum();
    eprintln!("honest: {text} bytes of text");
    // The limits leave room above it (text: 14.9 MB of 16 MiB; credentials: 3,520).
    assert!(text < MAX_DECODED_BYTES, "{text}");
    assert!(
        p.credentials.len() < MAX_CREDENTIALS / 4,
        "{}",
        p.credentials.len()
    );
    eprintln!(
        "honest: {} chars, {} credentials, {} bytes of text, decoded in {took:?}",
        link.len(),
        p.credentials.len(),
        text
    );
}
