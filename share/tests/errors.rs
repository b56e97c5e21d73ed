//! Cut, altered, newer-format and garbage inputs give the right DecodeError, never a panic.

mod common;

use common::*;
use wallet_share::{
    DecodeError, Excess, Original, Portfolio, base10, base43, decode, encode, encode_v1,
};

/// Both formats: new links (2) and old ones (1), which must keep decoding.
type Encoder = fn(&Portfolio) -> String;
const ENCODERS: [(u32, Encoder); 2] = [(2, encode), (1, encode_v1)];

/// A sample portfolio: a real OB 3.0 credential when the vectors are here, else a small one.
fn sample() -> Portfolio {
    let text = vectors()
        .and_then(|v| std::fs::read_to_string(v.join("1edtech-ob3/signed-ob3-eddsa-rdfc-2022.json")).ok())
        .unwrap_or_else(|| {
            r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"name":"Sample","validFrom":"2024-05-01T10:00:00Z"}"#.into()
        });
    Portfolio {
        title: Some("Sample".into()),
        holder: Some("Alex".into()),
        credentials: vec![Original::Json(text)],
        pathways: None,
    }
}

#[test]
fn every_truncation_is_incomplete() {
    for (fmt, enc) in ENCODERS {
        let s = enc(&sample());
        assert!(s.starts_with(&fmt.to_string()));
        for n in 1..s.len() {
            assert_eq!(
                decode(&s[..n]),
                Err(DecodeError::Incomplete),
                "cut to {n} of {}",
                s.len()
            );
        }
        // In a whole link too.
        let link = format!("https://wallet.example.org/#{}", &s[..s.len() - 7]);
        assert_eq!(decode(&link), Err(DecodeError::Incomplete));
    }
}

#[test]
fn every_single_character_change_is_altered() {
    for (_, enc) in ENCODERS {
        let s = enc(&sample());
        let b = s.as_bytes();
        let mut tried = 0;
        for i in 0..b.len() {
            let others = base43::ALPHABET.iter().copied().chain(*b"!~_a ");
            for c in others {
                // Lowercase letters are read as uppercase (case-folding apps), so 'a' is only
                // a change where the original is not 'A'.
                if c == b[i] || c.to_ascii_uppercase() == b[i] {
                    continue;
                }
                // A space at either end is trimmed: that is a deletion, not a change.
                if c == b' ' && (i == 0 || i == b.len() - 1) {
                    continue;
                }
                let mut t = b.to_vec();
                t[i] = c;
                let t = String::from_utf8(t).unwrap();
                assert_eq!(
                    decode(&t),
                    Err(DecodeError::Altered),
                    "position {i}: {:?} -> {:?}",
                    b[i] as char,
                    c as char
                );
                tried += 1;
            }
        }
        // Non-ASCII damage, and one extra character.
        let mut t = s.clone();
        t.replace_range(5..6, "é");
        assert_eq!(decode(&t), Err(DecodeError::Altered));
        for at in [1, s.len() / 2, s.len()] {
            let mut t = s.clone();
            t.insert(at, 'Q');
            assert_eq!(decode(&t), Err(DecodeError::Altered), "insert at {at}");
        }
        println!("{tried} single-character changes detected");
    }
}

#[test]
fn two_adjacent_swaps_are_altered() {
    for (_, enc) in ENCODERS {
        let s = enc(&sample());
        let b = s.as_bytes();
        for i in 1..b.len() - 1 {
            if b[i] == b[i + 1] {
                continue;
            }
            let mut t = b.to_vec();
            t.swap(i, i + 1);
            assert_eq!(
                decode(std::str::from_utf8(&t).unwrap()),
                Err(DecodeError::Altered),
                "swap at {i}"
            );
        }
    }
}

#[test]
fn newer_formats_are_named() {
    let mut r = Rng(99);
    for v in 3..=9u32 {
        let mut t = v.to_string();
        base43::encode(&r.bytes(300), &mut t);
        assert_eq!(decode(&t), Err(DecodeError::NewerVersion(v)));
        let mut t = v.to_string();
        base10::encode(&r.bytes(300), &mut t);
        assert_eq!(decode(&t), Err(DecodeError::NewerVersion(v)));
        assert_eq!(
            DecodeError::NewerVersion(v).to_string(),
            format!("this share link was made by a newer version of the wallet (format {v})")
        );
    }
}

#[test]
fn garbage_is_not_a_share_link() {
    for g in [
        "",
        "   ",
        "hello world",
        "{\"@context\":[]}",
        "https://wallet.example.org/",
        "https://wallet.example.org/#",
        "https://wallet.example.org/#section-2",
        "eyJhbGciOiJFZERTQSJ9.eyJ9.abc",
        "ÄÖÜ",
        "0ABCDEFGHIJKLMNOP",
        "A00000000000",
        "1%%%%%%%%%%%%%%%%",
    ] {
        assert_eq!(decode(g), Err(DecodeError::NotShareLink), "{g:?}");
    }
    assert_eq!(DecodeError::NotShareLink.to_string(), "not a share link");
    assert_eq!(
        DecodeError::Incomplete.to_string(),
        "this share link is incomplete (it was cut off)"
    );
    assert_eq!(
        DecodeError::Altered.to_string(),
        "this share link was altered or damaged (checksum mismatch)"
    );
}

#[test]
fn links_survive_common_mangling() {
    let p = sample();
    for (_, enc) in ENCODERS {
        let s = enc(&p);
        let ok = |t: &str| assert!(decode(t).is_ok(), "{t:.60}");
        ok(&format!("https://wallet.example.org/#{s}"));
        ok(&format!("  {s}\n"));
        ok(&s.to_lowercase());
        ok(&s
            .replace('$', "%24")
            .replace(':', "%3A")
            .replace('/', "%2f"));
    }
}

#[test]
fn random_inputs_never_panic() {
    let mut r = Rng(2024);
    let valid1 = encode_v1(&sample());
    let valid2 = encode(&sample());
    for i in 0..30_000 {
        let valid = if i % 2 == 0 { &valid1 } else { &valid2 };
        let n = r.below(120);
        let t: String = match r.below(5) {
            3 => {
                let mut t = String::from("2");
                base10::encode(&r.bytes(n), &mut t);
                t
            }
            4 => {
                // Valid format-2 prefix, random digits.
                let cut = r.below(valid2.len());
                let mut t = valid2[..cut].to_owned();
                t.extend((0..n).map(|_| (b'0' + r.below(10) as u8) as char));
                t
            }
            0 => (0..n)
                .map(|_| base43::ALPHABET[r.below(43)] as char)
                .collect(),
            1 => {
                let mut t = String::from("1");
                base43::encode(&r.bytes(n), &mut t);
                t
            }
            _ => {
                // Valid prefix, random tail: exercises the decoder deep inside the body.
                let cut = r.below(valid.len());
                let mut t = valid[..cut].to_owned();
                t.extend((0..n).map(|_| base43::ALPHABET[r.below(43)] as char));
                t
            }
        };
        let _ = decode(&t);
    }
}

#[test]
fn crafted_frames_with_valid_checksums_are_rejected_cleanly() {
    // A frame whose checksum is right but whose body is nonsense: Altered, no panic.
    let mut r = Rng(5);
    for _ in 0..3000 {
        let n = r.below(60);
        let flags = if r.chance(30) { 1u8 } else { 0 };
        let body = r.bytes(n);
        let mut f = ((n + 7) as u16).to_be_bytes().to_vec();
        f.push(flags);
        f.extend(&body);
        let mut h = crc32fast::Hasher::new();
        h.update(&[1]);
        h.update(&f[2..]);
        f.extend(h.finalize().to_be_bytes());
        let mut t = String::from("1");
        base43::encode(&f, &mut t);
        match decode(&t) {
            Ok(p) => {
                // The rare random body that is valid must re-encode to a valid link.
                let _ = decode(&encode(&p)).unwrap();
            }
            Err(e) => assert_eq!(e, DecodeError::Altered),
        }
    }
    // Compressed body that would expand without bound: refused as too large, not
    // allocated (more bombs in tests/hostile.rs).
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 40 << 20], 6);
    let mut f = (((bomb.len() + 7) % 65536) as u16).to_be_bytes().to_vec();
    f.push(1);
    f.extend(&bomb);
    let mut h = crc32fast::Hasher::new();
    h.update(&[1]);
    h.update(&f[2..]);
    f.extend(h.finalize().to_be_bytes());
    let mut t = String::from("1");
    base43::encode(&f, &mut t);
    assert_eq!(decode(&t), Err(DecodeError::TooLarge(Excess::Size)));
}

/// A format-2 text around `data` with a valid header and checksum.
fn v2_text(data: &[u8], mode: u32) -> String {
    let head = format!("{:05}", (data.len() as u32 % 32768) << 1 | mode);
    let mut t = format!("2{head}{}", base10::damm(head.as_bytes()));
    base10::encode(data, &mut t);
    let crc = crc32fast::hash(t.as_bytes());
    t.push_str(&format!("{crc:010}"));
    t
}

#[test]
fn crafted_format2_texts_with_valid_checksums_are_rejected_cleanly() {
    // The real thing first: the helper builds what the encoder builds.
    assert!(decode(&v2_text(&[], 0)).is_err());
    let mut r = Rng(77);
    for _ in 0..3000 {
        let n = r.below(80);
        let mode = if r.chance(30) { 1 } else { 0 };
        match decode(&v2_text(&r.bytes(n), mode)) {
            Ok(p) => {
                let _ = decode(&encode(&p)).unwrap();
            }
            Err(e) => assert_eq!(e, DecodeError::Altered),
        }
    }
    // A coded body that claims to be huge: refused before any work is done.
    // (The coder's first bytes code the body length; 0xFF… decodes as a very large one.)
    for fill in [0xFFu8, 0x80, 0x7F] {
        let t = v2_text(&[fill; 40], 0);
        assert_eq!(decode(&t), Err(DecodeError::Altered));
    }
    // A DEFLATE body that would expand without bound: refused as too large, not allocated.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 40 << 20], 6);
    assert_eq!(
        decode(&v2_text(&bomb, 1)),
        Err(DecodeError::TooLarge(Excess::Size))
    );
    // A header whose check digit is wrong, or whose value is too big.
    let good = encode(&sample());
    let mut t = good.clone().into_bytes();
    t[6] = if t[6] == b'9' { b'0' } else { t[6] + 1 };
    assert_eq!(
        decode(std::str::from_utf8(&t).unwrap()),
        Err(DecodeError::Altered)
    );
    assert_eq!(decode("2999990"), Err(DecodeError::Altered));
}

#[test]
fn format_characters_are_checked() {
    // A format-2 link with its first character damaged is "altered", not "newer".
    let s = encode(&sample());
    for c in ["1", "3", "9", "A", "0"] {
        let t = format!("{c}{}", &s[1..]);
        assert_eq!(decode(&t), Err(DecodeError::Altered), "{c}");
    }
    // Format 2 is all digits after its first character; short texts are cut off.
    for t in ["2", "20", "2012", "20000"] {
        assert_eq!(decode(t), Err(DecodeError::Incomplete), "{t}");
    }
}

#[test]
fn errors_are_worded_in_each_language() {
    use wallet_i18n::Lang;
    let all = [
        DecodeError::Incomplete,
        DecodeError::Altered,
        DecodeError::NewerVersion(3),
        DecodeError::NotShareLink,
        DecodeError::TooLarge(Excess::Size),
        DecodeError::TooLarge(Excess::Credentials),
    ];
    // English is exactly the Display text.
    for e in all {
        assert_eq!(e.message(Lang::En), e.to_string(), "{e:?}");
    }
    let french: [(DecodeError, &str); 6] = [
        (
            DecodeError::Incomplete,
            "ce lien de partage est incomplet (il a été tronqué)",
        ),
        (
            DecodeError::Altered,
            "ce lien de partage a été modifié ou endommagé (somme de contrôle incorrecte)",
        ),
        (
            DecodeError::NewerVersion(3),
            "ce lien de partage a été créé par une version plus récente du portefeuille (format 3)",
        ),
        (DecodeError::NotShareLink, "ce n’est pas un lien de partage"),
        (
            DecodeError::TooLarge(Excess::Size),
            "ce lien de partage représente plus de 16\u{a0}Mo d’attestations, plus que ce portefeuille ne peut en ouvrir",
        ),
        (
            DecodeError::TooLarge(Excess::Credentials),
            "ce lien de partage contient plus de 20\u{202f}000 attestations, plus que ce portefeuille ne peut en ouvrir",
        ),
    ];
    for (e, want) in french {
        assert_eq!(e.message(Lang::Fr), want, "{e:?}");
    }
}
