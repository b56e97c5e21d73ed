//! Poor man's fuzzing (no proptest): pseudo-random bytes, truncations and bit
//! flips of every fixture through every entry point. The assertion is simply
//! that nothing panics (or loops forever).

mod common;

use wallet_core::{
    import_bytes, import_text, parse_credential, read_backup, unbake_png, unbake_svg,
};

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn everything(bytes: &[u8]) {
    let _ = import_bytes("fuzz.bin", bytes);
    let _ = import_bytes("fuzz.png", bytes);
    let _ = unbake_png(bytes);
    let _ = wallet_core::image::classify(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        let _ = import_text(s);
        let _ = parse_credential(s);
        let _ = unbake_svg(s);
        let _ = read_backup(s);
        let _ = wallet_core::safe_link(s);
        let _ = wallet_core::image::image_source(s);
        let _ = wallet_core::image::url_host(s);
    }
}

const PREFIXES: [&[u8]; 8] = [
    b"",
    b"\x89PNG\r\n\x1a\n",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR",
    b"<svg xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion>",
    b"{\"type\":[\"OpenBadgeCredential\"],\"credentialSubject\":",
    b"eyJhbGciOiJFZERTQSJ9.",
    b"{\"type\":\"VerifiablePresentation\",\"verifiableCredential\":[",
    b"\xef\xbb\xbf",
];

#[test]
fn random_bytes_do_not_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let alphabet =
        b"{}[]\":,.-_ abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<>/=!\\\n";
    for i in 0..4000 {
        let len = rng.below(300);
        let mut v = PREFIXES[i % PREFIXES.len()].to_vec();
        for _ in 0..len {
            let b = if i % 2 == 0 {
                rng.next() as u8
            } else {
                alphabet[rng.below(alphabet.len())]
            };
            v.push(b);
        }
        everything(&v);
    }
}

#[test]
fn fixture_truncations_and_mutations_do_not_panic() {
    let mut rng = Rng(42);
    for p in common::walk(&common::fixtures_dir()) {
        let bytes = std::fs::read(&p).unwrap();
        // Every truncation for small files, a stride for larger ones.
        let step = (bytes.len() / 400).max(1);
        let mut n = 0;
        while n <= bytes.len() {
            everything(&bytes[..n]);
            n += step;
        }
        for _ in 0..200 {
            let mut m = bytes.clone();
            if m.is_empty() {
                break;
            }
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(m.len());
                m[i] ^= 1 << rng.below(8);
            }
            everything(&m);
        }
    }
}
