//! Shared helpers: a seeded generator, fixture paths, and the round-trip check.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use wallet_share::json::{self, JVal};
use wallet_share::{Original, Portfolio};

/// xorshift64*: deterministic, no dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// `shared/vectors` beside the repository (as in CI), else `/work/shared/vectors`.
pub fn vectors() -> Option<PathBuf> {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors");
    let found = [local, PathBuf::from("/work/shared/vectors")]
        .into_iter()
        .find(|p| p.is_dir());
    if found.is_none() {
        eprintln!("WARNING: shared/vectors not found: tests on published vectors are SKIPPED");
    }
    found
}

pub fn demo_dir() -> Option<PathBuf> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/demo");
    if d.is_dir() {
        Some(d)
    } else {
        eprintln!("WARNING: public/demo not found: demo credential tests are SKIPPED");
        None
    }
}

pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Asserts that `back` carries exactly what `orig` does: JSON as the same value
/// with the same member order and number lexemes (compared as lexeme-preserving
/// trees, and as serde_json values), JWS byte for byte.
pub fn assert_same(orig: &Original, back: &Original, what: &str) {
    match (orig, back) {
        (Original::Json(a), Original::Json(b)) => match json::parse(a) {
            Some(va) => {
                let vb =
                    json::parse(b).unwrap_or_else(|| panic!("{what}: decoded JSON does not parse"));
                assert_eq!(va, vb, "{what}: JSON differs");
                if let Ok(sa) = serde_json::from_str::<serde_json::Value>(a) {
                    let sb: serde_json::Value = serde_json::from_str(b).unwrap();
                    assert_eq!(sa, sb, "{what}: serde_json values differ");
                }
            }
            None => assert_eq!(a, b, "{what}: unparsable JSON text must come back verbatim"),
        },
        (Original::Jws(a), Original::Jws(b)) => assert_eq!(a, b, "{what}: JWS differs"),
        _ => panic!("{what}: kind changed"),
    }
}

/// Round trip in the current format (2) and in format 1, which old links use;
/// returns the current-format text.
pub fn round_trip(p: &Portfolio, what: &str) -> String {
    round_trip_with(p, &format!("{what} (format 1)"), wallet_share::encode_v1);
    let s = round_trip_with(p, what, wallet_share::encode);
    assert!(s.starts_with('2'), "{what}: new links are format 2");
    s
}

pub fn round_trip_with(p: &Portfolio, what: &str, encode: fn(&Portfolio) -> String) -> String {
    let s = encode(p);
    let back = wallet_share::decode(&s).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(back.title, p.title, "{what}");
    assert_eq!(back.holder, p.holder, "{what}");
    assert_eq!(back.pathways, p.pathways, "{what}");
    assert_eq!(back.credentials.len(), p.credentials.len(), "{what}");
    for (a, b) in p.credentials.iter().zip(&back.credentials) {
        assert_same(a, b, what);
        assert_eq!(
            &wallet_share::normalize(a),
            b,
            "{what}: not the documented compact form"
        );
    }
    // Encoding what was decoded gives the same link (the format is deterministic).
    assert_eq!(encode(&back), s, "{what}: re-encoding differs");
    s
}

pub fn one(c: Original) -> Portfolio {
    Portfolio {
        credentials: vec![c],
        ..Default::default()
    }
}

/// Pretty-printed (random whitespace) text of a tree, to check normalization.
pub fn pretty(v: &JVal, rng: &mut Rng, out: &mut String) {
    let ws = |rng: &mut Rng, out: &mut String| {
        for _ in 0..rng.below(3) {
            out.push(rng.pick(&[' ', '\n', '\t', '\r']));
        }
    };
    match v {
        JVal::Arr(items) => {
            out.push('[');
            for (k, it) in items.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                ws(rng, out);
                pretty(it, rng, out);
                ws(rng, out);
            }
            out.push(']');
        }
        JVal::Obj(m) => {
            out.push('{');
            for (k, (key, val)) in m.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                ws(rng, out);
                out.push_str(&json::to_string(&JVal::Str(key.clone())));
                ws(rng, out);
                out.push(':');
                ws(rng, out);
                pretty(val, rng, out);
            }
            ws(rng, out);
            out.push('}');
        }
        other => out.push_str(&json::to_string(other)),
    }
}

/// CPU time of this thread (from /proc, so figures hold on a loaded machine);
/// wall time where /proc is not there.
pub fn cpu_time() -> std::time::Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(std::time::Duration::from_nanos)
        .unwrap_or_else(|| {
            static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
            START.get_or_init(std::time::Instant::now).elapsed()
        })
}
