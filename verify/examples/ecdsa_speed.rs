//! Times one ECDSA verification, the wallet's (`pubkey::verify_jws`, variable time, see
//! `src/ecdsa.rs`) against the crates' own `VerifyingKey::verify`, for P-256 and P-384:
//!
//!     cargo run --release -p wallet-verify --example ecdsa_speed [iterations]
//!
//! Prints the median of 9 runs of `iterations` verifications each, in µs per verification.

use std::time::Instant;

use p256::ecdsa::signature::{Signer as _, Verifier as _};
use wallet_verify::pubkey::{JwsAlg, PublicKey, verify_jws};

fn median_us(iters: u32, mut f: impl FnMut() -> bool) -> f64 {
    let mut runs: Vec<f64> = (0..9)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                assert!(std::hint::black_box(f()));
            }
            t.elapsed().as_secs_f64() * 1e6 / f64::from(iters)
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[4]
}

fn main() {
    let iters: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let msg = b"eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJkaWQ6a2V5OnpEbmFlIn0";

    let sk = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).expect("P-256 scalar");
    let vk = *sk.verifying_key();
    let sig: p256::ecdsa::Signature = sk.sign(msg);
    let key = PublicKey::P256(vk);
    let bytes = sig.to_bytes();
    let ours = median_us(iters, || {
        verify_jws(&key, JwsAlg::ES256, msg, &bytes).is_ok()
    });
    let crate_ = median_us(iters, || vk.verify(msg, &sig).is_ok());
    println!(
        "P-256  wallet {ours:8.1} µs   p256 crate {crate_:8.1} µs   ×{:.2}",
        crate_ / ours
    );

    let sk = p384::ecdsa::SigningKey::from_slice(&[7u8; 48]).expect("P-384 scalar");
    let vk = *sk.verifying_key();
    let sig: p384::ecdsa::Signature = sk.sign(msg);
    let key = PublicKey::P384(vk);
    let bytes = sig.to_bytes();
    let ours = median_us(iters, || {
        verify_jws(&key, JwsAlg::ES384, msg, &bytes).is_ok()
    });
    let crate_ = median_us(iters, || vk.verify(msg, &sig).is_ok());
    println!(
        "P-384  wallet {ours:8.1} µs   p384 crate {crate_:8.1} µs   ×{:.2}",
        crate_ / ours
    );
}
