//! Ed25519 signature checks with the exact acceptance rule of ed25519-dalek's
//! `verify_strict`, made about twice as fast for keys seen more than once.
//!
//! Why this exists: in WebAssembly, `verify_strict` costs about 160 µs (V8), most of
//! it in the double-scalar multiplication `[s]B − [k]A`, which spends 253 point
//! doublings whatever tables it has. An issuer signs many credentials with one key,
//! and the wallet re-checks them all when it opens, so precomputing per key pays:
//! with Lim–Lee combs (two tables of 8 teeth, spacing 16: 512 points, 80 KB) for `B`
//! (once) and for `−A` (per key, built on the key's second use) the product costs 15
//! doublings and about 64 additions. ed25519-dalek and curve25519-dalek offer no such
//! per-key fixed-base precomputation (`VartimePrecomputedStraus` keeps the 253
//! doublings; `EdwardsBasepointTable::create` needs 256 field inversions per key and is
//! constant-time), so the comb is written here on curve25519-dalek's public point
//! arithmetic. No field arithmetic is written here.
//!
//! The acceptance rule is `verify_strict`'s, checked against it in the tests below:
//! `s` canonical (< ℓ), `A` not of small order, the recomputed
//! `R' = [s]B − [H(R‖A‖M)]A` compresses to exactly the signature's `R` bytes (so a
//! non-canonical `R` is rejected), and `R'` (hence `R`) not of small order.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::edwards::EdwardsPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::Identity;
use ed25519_dalek::{Signature, VerifyingKey};
use sha2::{Digest, Sha512};

/// Tables per comb, and the spacing: the scalar's 256 bits are `8 · TABLES` blocks of
/// `SPACING` bits. Two tables halve the doublings (15 instead of 31) for twice the memory.
const TABLES: usize = 2;
const SPACING: usize = 256 / (8 * TABLES);

/// Table `t`, entry `i`: `Σ_j bit_j(i) · 2^(SPACING·(8t + j)) · P`: the comb of `P`.
struct Comb(Box<[EdwardsPoint]>);

impl Comb {
    fn new(p: EdwardsPoint) -> Comb {
        let mut t = vec![EdwardsPoint::identity(); 256 * TABLES].into_boxed_slice();
        let mut q = p;
        for b in 0..8 * TABLES {
            t[256 * (b / 8) + (1 << (b % 8))] = q;
            // ×2^SPACING: ×8 steps (dalek's doubling routine), then single doublings.
            for _ in 0..SPACING / 3 {
                q = q.mul_by_cofactor();
            }
            for _ in 0..SPACING % 3 {
                q = q + q;
            }
        }
        for table in t.chunks_mut(256) {
            for i in 1..256usize {
                let low = i & i.wrapping_neg();
                if low != i {
                    table[i] = table[i ^ low] + table[low];
                }
            }
        }
        Comb(t)
    }

    /// Bit `i` of each block `j` of table `t`, as bit `j` of an index into table `t`.
    #[inline(always)]
    fn index(x: &[u8; 32], t: usize, i: usize) -> usize {
        let mut idx = 0;
        for j in 0..8 {
            let bit = SPACING * (8 * t + j) + i;
            idx |= (((x[bit / 8] >> (bit % 8)) & 1) as usize) << j;
        }
        256 * t + idx
    }
}

/// `[a]P + [b]Q` from the combs of `P` and `Q` (variable time: public inputs only).
fn double_comb(p: &Comb, a: &[u8; 32], q: &Comb, b: &[u8; 32]) -> EdwardsPoint {
    let mut r = EdwardsPoint::identity();
    for i in (0..SPACING).rev() {
        if i != SPACING - 1 {
            r = r + r;
        }
        for t in 0..TABLES {
            let ia = Comb::index(a, t, i);
            if ia & 255 != 0 {
                r += &p.0[ia];
            }
            let ib = Comb::index(b, t, i);
            if ib & 255 != 0 {
                r += &q.0[ib];
            }
        }
    }
    r
}

fn basepoint_comb() -> &'static Comb {
    static B: OnceLock<Comb> = OnceLock::new();
    B.get_or_init(|| Comb::new(ED25519_BASEPOINT_POINT))
}

/// Keys seen once are only counted; a key's comb is built on its second use.
enum Seen {
    Once,
    Comb(Rc<Comb>),
}

/// At most this many combs (80 KB each) are kept, and this many keys counted.
const COMB_LIMIT: usize = 32;
const SEEN_LIMIT: usize = 4096;

thread_local! {
    static SEEN: RefCell<(HashMap<[u8; 32], Seen>, usize)> = RefCell::new((HashMap::new(), 0));
}

/// The comb of `−A` when `key` has been used before (and is not of small order).
fn comb_of(key: &VerifyingKey) -> Option<Rc<Comb>> {
    SEEN.with(|s| {
        let (seen, combs) = &mut *s.borrow_mut();
        let bytes = key.to_bytes();
        match seen.get(&bytes) {
            Some(Seen::Comb(c)) => Some(c.clone()),
            Some(Seen::Once) if *combs < COMB_LIMIT && !key.is_weak() => {
                let c = Rc::new(Comb::new(-key.to_edwards()));
                seen.insert(bytes, Seen::Comb(c.clone()));
                *combs += 1;
                Some(c)
            }
            Some(Seen::Once) => None,
            None => {
                if seen.len() >= SEEN_LIMIT {
                    seen.retain(|_, v| matches!(v, Seen::Comb(_)));
                }
                seen.insert(bytes, Seen::Once);
                None
            }
        }
    })
}

/// Forget every key seen and its comb (benchmarks use it to time a key's first use).
pub fn forget_keys() {
    SEEN.with(|s| *s.borrow_mut() = (HashMap::new(), 0));
}

/// `verify_strict(msg, sig)`, with a per-key comb once the key has been seen before.
pub fn verify_strict(key: &VerifyingKey, msg: &[u8], sig: &Signature) -> bool {
    let comb = comb_of(key);
    verify_with(key, comb.as_deref(), msg, sig)
}

/// The rule of the module's header. Unlike `verify_strict`, `R` is never decompressed:
/// `R'` compressing to `R`'s exact bytes means `R` is canonical and is the point `R'`, so
/// `R` is of small order exactly when `R'` is (and bytes that are no point never match).
fn verify_with(key: &VerifyingKey, neg_a: Option<&Comb>, msg: &[u8], sig: &Signature) -> bool {
    let Some(s) = Option::<Scalar>::from(Scalar::from_canonical_bytes(*sig.s_bytes())) else {
        return false;
    };
    if key.is_weak() {
        return false;
    }
    let r_bytes = sig.r_bytes();
    let hash: [u8; 64] = Sha512::new()
        .chain_update(r_bytes)
        .chain_update(key.as_bytes())
        .chain_update(msg)
        .finalize()
        .into();
    let k = Scalar::from_bytes_mod_order_wide(&hash);
    let r = match neg_a {
        Some(neg_a) => double_comb(basepoint_comb(), s.as_bytes(), neg_a, k.as_bytes()),
        None => EdwardsPoint::vartime_double_scalar_mul_basepoint(&k, &-key.to_edwards(), &s),
    };
    r.compress().as_bytes() == r_bytes && !r.is_small_order()
}

#[cfg(test)]
mod tests {
    use super::*;
    use curve25519_dalek::constants::EIGHT_TORSION;
    use ed25519_dalek::{Signer, SigningKey};

    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        fn bytes<const N: usize>(&mut self) -> [u8; N] {
            let mut b = [0u8; N];
            for c in b.chunks_mut(8) {
                c.copy_from_slice(&self.next().to_le_bytes()[..c.len()]);
            }
            b
        }
    }

    #[test]
    fn comb_multiplies_like_dalek() {
        let mut rng = Rng(1);
        let p = ED25519_BASEPOINT_POINT * Scalar::from_bytes_mod_order(rng.bytes());
        let (cb, cp) = (Comb::new(ED25519_BASEPOINT_POINT), Comb::new(p));
        for _ in 0..50 {
            let (a, b) = (rng.bytes::<32>(), rng.bytes::<32>());
            let (sa, sb) = (
                Scalar::from_bytes_mod_order(a),
                Scalar::from_bytes_mod_order(b),
            );
            // Unreduced 256-bit inputs too: the comb reads every bit.
            let want = ED25519_BASEPOINT_POINT * Scalar::from_bytes_mod_order(a)
                + p * Scalar::from_bytes_mod_order(b);
            assert_eq!(double_comb(&cb, &a, &cp, &b), want);
            let want = ED25519_BASEPOINT_POINT * sa + p * sb;
            assert_eq!(double_comb(&cb, sa.as_bytes(), &cp, sb.as_bytes()), want);
        }
    }

    /// Every combination of honest and crafted `R`, `A` and `s` gets the same verdict
    /// from the comb as from ed25519-dalek's `verify_strict`.
    #[test]
    fn same_verdicts_as_verify_strict() {
        let mut rng = Rng(7);
        let mut checked = [0usize; 2];
        for round in 0..40 {
            let sk = SigningKey::from_bytes(&rng.bytes());
            let msg: [u8; 48] = rng.bytes();
            let sig = sk.sign(&msg);
            let (r0, s0) = (*sig.r_bytes(), *sig.s_bytes());
            let a_point = sk.verifying_key().to_edwards();
            let t = EIGHT_TORSION[1 + round % 7];

            let mut keys = vec![sk.verifying_key()];
            // A plus a torsion point (mixed order), and small-order keys.
            for a in [a_point + t, t, EdwardsPoint::identity()] {
                keys.push(VerifyingKey::from_bytes(a.compress().as_bytes()).unwrap());
            }
            let mut rs = vec![r0];
            let r_point = curve25519_dalek::edwards::CompressedEdwardsY(r0)
                .decompress()
                .unwrap();
            rs.push((r_point + t).compress().to_bytes()); // R with torsion
            rs.push(t.compress().to_bytes()); // small-order R
            rs.push(rng.bytes()); // noise
            let mut noncanon = [0xffu8; 32]; // y ≥ p
            noncanon[0] = 0xee;
            noncanon[31] = 0x7f;
            rs.push(noncanon);
            let mut flipped = r0;
            flipped[31] ^= 0x80; // the other x
            rs.push(flipped);

            let s_scalar = Scalar::from_canonical_bytes(s0).unwrap();
            let mut ss = vec![s0];
            // s + ℓ (not canonical), when it fits in 256 bits.
            let l_plus = add_ell(&s0);
            ss.extend(l_plus);
            ss.push((s_scalar + Scalar::ONE).to_bytes());
            ss.push(rng.bytes());

            for key in &keys {
                // Build the comb for this key (second sight) and check through both paths.
                let comb = Comb::new(-key.to_edwards());
                let mut sigs: Vec<[u8; 64]> = Vec::new();
                for r in &rs {
                    for s in &ss {
                        let mut b = [0u8; 64];
                        b[..32].copy_from_slice(r);
                        b[32..].copy_from_slice(s);
                        sigs.push(b);
                    }
                }
                // Small-order R with s = k·a, so that [s]B − [k]A' is small too (for
                // A' = A + T it equals −[k]T): only the small-order rule rejects these.
                for t in EIGHT_TORSION {
                    let r = t.compress().to_bytes();
                    let k = Scalar::from_bytes_mod_order_wide(
                        &Sha512::new()
                            .chain_update(r)
                            .chain_update(key.as_bytes())
                            .chain_update(msg)
                            .finalize()
                            .into(),
                    );
                    let mut b = [0u8; 64];
                    b[..32].copy_from_slice(&r);
                    b[32..].copy_from_slice((k * sk.to_scalar()).as_bytes());
                    sigs.push(b);
                }
                // R = [s]B: for the identity key only the weak-key rule rejects it.
                let s_any = Scalar::from_bytes_mod_order(rng.bytes());
                let mut b = [0u8; 64];
                b[..32].copy_from_slice(EdwardsPoint::mul_base(&s_any).compress().as_bytes());
                b[32..].copy_from_slice(s_any.as_bytes());
                sigs.push(b);
                for b in &sigs {
                    let (r, s) = (&b[..32], &b[32..]);
                    {
                        let sig = Signature::from_bytes(b);
                        let want = key.verify_strict(&msg, &sig).is_ok();
                        let with_comb = verify_with(key, Some(&comb), &msg, &sig);
                        let without = verify_with(key, None, &msg, &sig);
                        assert_eq!(
                            with_comb, want,
                            "comb: round {round} key {key:?} r {r:?} s {s:?}"
                        );
                        assert_eq!(
                            without, want,
                            "first use: round {round} key {key:?} r {r:?} s {s:?}"
                        );
                        checked[want as usize] += 1;
                    }
                }
            }
        }
        // Both verdicts occurred (the honest triple verifies in every round).
        assert!(checked[1] >= 40, "{checked:?}");
        assert!(checked[0] > 1000, "{checked:?}");
    }

    /// `s + ℓ` as 32 little-endian bytes, when it does not overflow.
    fn add_ell(s: &[u8; 32]) -> Option<[u8; 32]> {
        const ELL: [u8; 32] = [
            0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9,
            0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
        ];
        let mut out = [0u8; 32];
        let mut carry = 0u16;
        for i in 0..32 {
            let v = s[i] as u16 + ELL[i] as u16 + carry;
            out[i] = v as u8;
            carry = v >> 8;
        }
        (carry == 0).then_some(out)
    }

    #[test]
    fn the_public_path_uses_the_comb_from_the_second_use() {
        let sk = SigningKey::from_bytes(&[9; 32]);
        let key = sk.verifying_key();
        let sig = sk.sign(b"hello");
        let mut bad = sig.to_bytes();
        bad[40] ^= 1;
        for _ in 0..3 {
            assert!(verify_strict(&key, b"hello", &sig));
            assert!(!verify_strict(&key, b"hello", &Signature::from_bytes(&bad)));
            assert!(!verify_strict(&key, b"hellO", &sig));
        }
        SEEN.with(|s| {
            assert!(matches!(
                s.borrow().0.get(&key.to_bytes()),
                Some(Seen::Comb(_))
            ))
        });
    }
}
