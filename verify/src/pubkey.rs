//! Public keys of every kind the wallet checks (Ed25519, P-256, P-384, RSA) and the one place
//! a JOSE signature is checked against one.
//!
//! Why it exists: certified Open Badges 3.0 issuers sign VC-JWTs with RS256 (the minimum
//! OB 3.0 §8.2 requires of a verifier), ES256 and EdDSA, and ECDSA Data Integrity suites use
//! P-256 and P-384 multikeys. A key is decoded once from any of its spellings (JWK, multikey,
//! did:key) into [`PublicKey`]; which signature algorithm it may check is decided here, so no
//! caller compares algorithm names itself.
//!
//! Libraries: RustCrypto `p256` / `p384` (ecdsa 0.16) and `rsa` 0.9, verification only. They
//! are the maintained pure-Rust implementations and run natively and in wasm alike;
//! WebCrypto would add nothing to the bundle but is asynchronous and absent from the native
//! tests, fuzzers and interop harness, which must check the very code that ships. (`rsa`'s
//! RUSTSEC-2023-0071 concerns timing of private-key operations; the wallet holds no private
//! key.) ECDSA verification itself is [`crate::ecdsa`]'s (one shared doubling chain, variable
//! time; the crates' `verify` is its oracle): 1.6–1.7× faster natively
//! (`cargo run --release -p wallet-verify --example ecdsa_speed`: P-256 127 µs vs 207 µs,
//! P-384 454 µs vs 789 µs). In Chromium (`node tests/e2e/bench/verify-browser.mjs 100`,
//! median per credential, 2026-12-02): ES256 0.52 ms, ecdsa-rdfc-2019 P-256 0.54 ms,
//! ecdsa-jcs-2019 P-256 0.53 ms, ES384 1.74 ms, RS256 0.56 ms, PS256 0.57 ms.
//!
//! Acceptance rules (each one what `jose` / Node's crypto accept, checked in
//! `tests/interop/jose.mjs` and `verify/tests/jwt.rs`):
//! - Ed25519: ed25519-dalek's `verify_strict` rule (see [`crate::ed25519`]).
//! - ECDSA: the JOSE signature form `r ‖ s` of exactly 64 (P-256) or 96 (P-384) bytes, `r`
//!   and `s` in 1..n; high `s` is accepted (as WebCrypto and OpenSSL do). The message is
//!   hashed with SHA-256 (P-256) or SHA-384 (P-384).
//! - RSA: a modulus of 2048 to 4096 bits (jose refuses fewer; more is declined as "not
//!   checked", a bound on work); the signature exactly as long as the modulus; PKCS#1 v1.5
//!   or PSS with MGF1 of the same hash and a salt as long as the hash (RFC 7518 §3.5).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::Signature as Ed25519Signature;
use p256::ecdsa::signature::Verifier as _;
use rsa::traits::PublicKeyParts;
use serde_json::Value;
use sha2::{Sha256, Sha384, Sha512};

use crate::keys::KeyError;

/// The smallest RSA modulus accepted, in bits (jose and RFC 7518 §3.3: 2048).
pub const RSA_MIN_BITS: usize = 2048;
/// The largest RSA modulus checked, in bits: a bound on the work one signature may cost.
pub const RSA_MAX_BITS: usize = 4096;

/// A public key.
///
/// Invariant: an `Rsa` key has a modulus of [`RSA_MIN_BITS`] to [`RSA_MAX_BITS`] bits; EC
/// keys are points on their curve (not the identity), Ed25519 keys decompress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicKey {
    Ed25519(ed25519_dalek::VerifyingKey),
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    Rsa(Box<rsa::RsaPublicKey>),
}

impl PublicKey {
    /// What kind of key it is, for messages: `Ed25519`, `P-256`, `P-384`, `RSA-2048`.
    pub fn label(&self) -> String {
        match self {
            PublicKey::Ed25519(_) => "Ed25519".into(),
            PublicKey::P256(_) => "P-256".into(),
            PublicKey::P384(_) => "P-384".into(),
            PublicKey::Rsa(k) => format!("RSA-{}", k.n().bits()),
        }
    }

    /// The Ed25519 key, when it is one.
    pub fn ed25519(&self) -> Option<&ed25519_dalek::VerifyingKey> {
        match self {
            PublicKey::Ed25519(k) => Some(k),
            _ => None,
        }
    }

    /// A public key from a JWK: `OKP`/`Ed25519`, `EC`/`P-256` or `P-384`, or `RSA`. A JWK with
    /// a private part (`d`) is refused.
    pub fn from_jwk(jwk: &Value) -> Result<PublicKey, KeyError> {
        let Some(jwk) = jwk.as_object() else {
            return Err(KeyError::Invalid("the JWK is not a JSON object".into()));
        };
        if jwk.contains_key("d") {
            return Err(KeyError::Invalid(
                "the key contains a private part; refusing to use it".into(),
            ));
        }
        let text = |k: &str| jwk.get(k).and_then(Value::as_str).unwrap_or("");
        let bytes = |k: &str| -> Result<Vec<u8>, KeyError> {
            jwk.get(k)
                .and_then(Value::as_str)
                .and_then(|s| URL_SAFE_NO_PAD.decode(s).ok())
                .ok_or_else(|| KeyError::Invalid(format!("the JWK has no valid {k}")))
        };
        match (text("kty"), text("crv")) {
            ("OKP", "Ed25519") => {
                let x: [u8; 32] = bytes("x")?
                    .as_slice()
                    .try_into()
                    .map_err(|_| KeyError::Invalid("the JWK's x is not 32 bytes".into()))?;
                ed25519(&x, "the JWK")
            }
            ("EC", crv @ ("P-256" | "P-384")) => {
                let size = if crv == "P-256" { 32 } else { 48 };
                let (x, y) = (bytes("x")?, bytes("y")?);
                if x.len() != size || y.len() != size {
                    return Err(KeyError::Invalid(format!(
                        "the {crv} JWK's x and y are not {size} bytes each"
                    )));
                }
                let mut sec1 = Vec::with_capacity(1 + 2 * size);
                sec1.push(4);
                sec1.extend_from_slice(&x);
                sec1.extend_from_slice(&y);
                ec_point(crv, &sec1, "the JWK")
            }
            ("RSA", _) => rsa_key(&bytes("n")?, &bytes("e")?, "the JWK"),
            (kty, crv) => Err(KeyError::Unsupported(format!(
                "JWK keys of type {}{} are not supported (OKP Ed25519, EC P-256 / P-384 and RSA are)",
                if kty.is_empty() { "(none)" } else { kty },
                if crv.is_empty() {
                    String::new()
                } else {
                    format!(" {crv}")
                }
            ))),
        }
    }

    /// A public key from a multibase base58btc multikey (`z…`): Ed25519 (`0xed`), P-256
    /// (`0x1200`) or P-384 (`0x1201`), EC points compressed (Multikey §2.2.2).
    pub fn from_multikey(mb: &str) -> Result<PublicKey, KeyError> {
        let body = mb.strip_prefix('z').ok_or_else(|| {
            KeyError::Invalid(format!(
                "the key {mb} is not base58btc multibase (it must start with z)"
            ))
        })?;
        let bytes = bs58::decode(body)
            .into_vec()
            .map_err(|_| KeyError::Invalid(format!("the key {mb} is not valid base58")))?;
        let what = format!("the key {mb}");
        match bytes.as_slice() {
            [0xed, 0x01, rest @ ..] => {
                let x: [u8; 32] = rest
                    .try_into()
                    .map_err(|_| KeyError::Invalid(format!("the key {mb} has the wrong length")))?;
                ed25519(&x, &what)
            }
            [0x80, 0x24, rest @ ..] if rest.len() == 33 => ec_point("P-256", rest, &what),
            [0x81, 0x24, rest @ ..] if rest.len() == 49 => ec_point("P-384", rest, &what),
            [0x80 | 0x81, 0x24, ..] => Err(KeyError::Invalid(format!(
                "the key {mb} is not a compressed P-256 / P-384 point"
            ))),
            [a, b, ..] => Err(KeyError::Unsupported(format!(
                "the key {mb} is of a type this wallet does not check (multicodec 0x{a:02x}{b:02x})"
            ))),
            _ => Err(KeyError::Invalid(format!(
                "the key {mb} has the wrong length"
            ))),
        }
    }
}

/// The most text a `publicKeyPem` may have: a 4096-bit RSA key is about 800 characters.
pub const PEM_MAX_CHARS: usize = 8 * 1024;

impl PublicKey {
    /// A public key from PEM text (RFC 7468), as an Open Badges 2.0 `CryptographicKey`'s
    /// `publicKeyPem` gives it: `PUBLIC KEY` (X.509 SubjectPublicKeyInfo: RSA, P-256 / P-384,
    /// Ed25519) or `RSA PUBLIC KEY` (PKCS#1). Exactly one block, nothing but whitespace around
    /// it (two keys in one field could be read two ways); the base64 body strict. RSA keys
    /// follow the same size rules as a JWK's. Decoded with the DER readers `rsa` already
    /// brings (`pkcs1`, `spki`), so no PEM crate is added.
    ///
    /// Cost (release wasm, `trunk build --release`, main 241017f → with signed OB 2.0: this
    /// decoder, the `der` readers it pulls in, and `ob2.rs`): 2,868,241 → 2,906,316 bytes
    /// (+38,075), gzip -9 1,087,392 → 1,103,091 (+15,699, +1.4 %).
    pub fn from_pem(pem: &str) -> Result<PublicKey, KeyError> {
        let bad = |m: &str| KeyError::Invalid(format!("the PEM key {m}"));
        if pem.len() > PEM_MAX_CHARS {
            return Err(bad("is too long"));
        }
        let text = pem.trim();
        let rest = text
            .strip_prefix("-----BEGIN ")
            .ok_or_else(|| bad("does not start with -----BEGIN"))?;
        let (label, rest) = rest
            .split_once("-----")
            .ok_or_else(|| bad("has a malformed BEGIN line"))?;
        let end = format!("-----END {label}-----");
        let body = rest
            .strip_suffix(end.as_str())
            .ok_or_else(|| bad(&format!("does not end with {end}")))?;
        if body.contains('-') || body.contains(':') {
            return Err(bad("holds more than one block, or headers"));
        }
        let b64: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(b64.as_bytes())
            .map_err(|_| bad("is not valid base64"))?;
        use rsa::pkcs8::der::Decode as _;
        match label {
            "RSA PUBLIC KEY" => {
                let k = rsa::pkcs1::RsaPublicKey::from_der(&der)
                    .map_err(|_| bad("is not a PKCS#1 RSA public key"))?;
                rsa_key(
                    k.modulus.as_bytes(),
                    k.public_exponent.as_bytes(),
                    "the PEM key",
                )
            }
            "PUBLIC KEY" => {
                let spki = rsa::pkcs8::spki::SubjectPublicKeyInfoRef::from_der(&der)
                    .map_err(|_| bad("is not a SubjectPublicKeyInfo"))?;
                let bits = spki
                    .subject_public_key
                    .as_bytes()
                    .ok_or_else(|| bad("has a malformed key bit string"))?;
                let oid = spki.algorithm.oid.to_string();
                let param = spki.algorithm.parameters_oid().ok().map(|o| o.to_string());
                match (oid.as_str(), param.as_deref()) {
                    // rsaEncryption (RFC 8017 A.1)
                    ("1.2.840.113549.1.1.1", _) => {
                        let k = rsa::pkcs1::RsaPublicKey::from_der(bits)
                            .map_err(|_| bad("holds a malformed RSA key"))?;
                        rsa_key(
                            k.modulus.as_bytes(),
                            k.public_exponent.as_bytes(),
                            "the PEM key",
                        )
                    }
                    // id-ecPublicKey with prime256v1 / secp384r1 (RFC 5480)
                    ("1.2.840.10045.2.1", Some("1.2.840.10045.3.1.7")) => {
                        ec_point("P-256", bits, "the PEM key")
                    }
                    ("1.2.840.10045.2.1", Some("1.3.132.0.34")) => {
                        ec_point("P-384", bits, "the PEM key")
                    }
                    // id-Ed25519 (RFC 8410)
                    ("1.3.101.112", _) => {
                        let x: [u8; 32] = bits
                            .try_into()
                            .map_err(|_| bad("holds an Ed25519 key of the wrong length"))?;
                        ed25519(&x, "the PEM key")
                    }
                    (oid, param) => Err(KeyError::Unsupported(format!(
                        "the PEM key is of a kind this wallet does not check (algorithm {oid}{})",
                        param.map(|p| format!(", {p}")).unwrap_or_default()
                    ))),
                }
            }
            other => Err(bad(&format!(
                "is a {other}, not a public key (PUBLIC KEY or RSA PUBLIC KEY)"
            ))),
        }
    }
}

fn ed25519(x: &[u8; 32], what: &str) -> Result<PublicKey, KeyError> {
    ed25519_dalek::VerifyingKey::from_bytes(x)
        .map(PublicKey::Ed25519)
        .map_err(|_| KeyError::Invalid(format!("{what} is not a valid Ed25519 public key")))
}

fn ec_point(crv: &str, sec1: &[u8], what: &str) -> Result<PublicKey, KeyError> {
    let bad = || KeyError::Invalid(format!("{what} is not a valid {crv} public key"));
    match crv {
        "P-256" => p256::ecdsa::VerifyingKey::from_sec1_bytes(sec1)
            .map(PublicKey::P256)
            .map_err(|_| bad()),
        _ => p384::ecdsa::VerifyingKey::from_sec1_bytes(sec1)
            .map(PublicKey::P384)
            .map_err(|_| bad()),
    }
}

fn rsa_key(n: &[u8], e: &[u8], what: &str) -> Result<PublicKey, KeyError> {
    let n = rsa::BigUint::from_bytes_be(n);
    let bits = n.bits();
    if bits < RSA_MIN_BITS {
        return Err(KeyError::Invalid(format!(
            "{what} is a {bits}-bit RSA key; at least {RSA_MIN_BITS} bits are required"
        )));
    }
    if bits > RSA_MAX_BITS {
        return Err(KeyError::Unsupported(format!(
            "{what} is a {bits}-bit RSA key; this wallet checks RSA keys of at most {RSA_MAX_BITS} bits"
        )));
    }
    rsa::RsaPublicKey::new_with_max_size(n, rsa::BigUint::from_bytes_be(e), RSA_MAX_BITS)
        .map(|k| PublicKey::Rsa(Box::new(k)))
        .map_err(|_| KeyError::Invalid(format!("{what} is not a valid RSA public key")))
}

/// A JWS `alg` this wallet checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JwsAlg {
    EdDSA,
    ES256,
    ES384,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
}

/// Why a JWS `alg` is not checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlgRefusal {
    /// `none`: the token is not signed at all.
    Unsigned,
    /// `HS256` and the like: a shared secret, which cannot show who issued anything.
    SharedSecret(String),
    /// Anything else (`ES256K`, `Ed448`, …, or no `alg`).
    Unsupported(String),
}

impl JwsAlg {
    /// Every algorithm checked, as written in a JWS header.
    pub const ALL: [JwsAlg; 9] = [
        JwsAlg::EdDSA,
        JwsAlg::ES256,
        JwsAlg::ES384,
        JwsAlg::RS256,
        JwsAlg::RS384,
        JwsAlg::RS512,
        JwsAlg::PS256,
        JwsAlg::PS384,
        JwsAlg::PS512,
    ];

    /// The header's name for it.
    pub fn name(self) -> &'static str {
        match self {
            JwsAlg::EdDSA => "EdDSA",
            JwsAlg::ES256 => "ES256",
            JwsAlg::ES384 => "ES384",
            JwsAlg::RS256 => "RS256",
            JwsAlg::RS384 => "RS384",
            JwsAlg::RS512 => "RS512",
            JwsAlg::PS256 => "PS256",
            JwsAlg::PS384 => "PS384",
            JwsAlg::PS512 => "PS512",
        }
    }

    /// The algorithm a header's `alg` names (case-sensitive, RFC 7515 §4.1.1). `Ed25519` is
    /// the fully-specified name of EdDSA with Ed25519 (RFC 9864).
    pub fn parse(alg: &str) -> Result<JwsAlg, AlgRefusal> {
        if alg == "Ed25519" {
            return Ok(JwsAlg::EdDSA);
        }
        if let Some(a) = JwsAlg::ALL.into_iter().find(|a| a.name() == alg) {
            return Ok(a);
        }
        Err(match alg {
            "none" => AlgRefusal::Unsigned,
            "HS256" | "HS384" | "HS512" => AlgRefusal::SharedSecret(alg.to_string()),
            "" => AlgRefusal::Unsupported("(none)".into()),
            other => AlgRefusal::Unsupported(other.to_string()),
        })
    }
}

/// Why a signature did not check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SigError {
    /// The key cannot make signatures of this algorithm (an RSA key for ES256, …).
    WrongKey(String),
    /// The signature bytes are not a signature of this algorithm (wrong length, `r = 0`, …).
    Malformed(String),
    /// A well-formed signature that does not match.
    Mismatch,
}

/// Check a JWS signature (`msg` is the signing input `header.payload`).
pub fn verify_jws(key: &PublicKey, alg: JwsAlg, msg: &[u8], sig: &[u8]) -> Result<(), SigError> {
    let wrong = || {
        SigError::WrongKey(format!(
            "the signature is {}, but the key is {}",
            alg.name(),
            key.label()
        ))
    };
    let ok = |b: bool| if b { Ok(()) } else { Err(SigError::Mismatch) };
    match (alg, key) {
        (JwsAlg::EdDSA, PublicKey::Ed25519(k)) => {
            let sig: [u8; 64] = sig.try_into().map_err(|_| {
                SigError::Malformed(format!(
                    "an Ed25519 signature has 64 bytes, this one {}",
                    sig.len()
                ))
            })?;
            ok(crate::ed25519::verify_strict(
                k,
                msg,
                &Ed25519Signature::from_bytes(&sig),
            ))
        }
        (JwsAlg::ES256, PublicKey::P256(k)) => {
            exact_len(sig, 64, "ES256")?;
            let sig = p256::ecdsa::Signature::from_slice(sig).map_err(|_| out_of_range("ES256"))?;
            ok(crate::ecdsa::verify_p256(k, msg, &sig))
        }
        (JwsAlg::ES384, PublicKey::P384(k)) => {
            exact_len(sig, 96, "ES384")?;
            let sig = p384::ecdsa::Signature::from_slice(sig).map_err(|_| out_of_range("ES384"))?;
            ok(crate::ecdsa::verify_p384(k, msg, &sig))
        }
        (
            JwsAlg::RS256
            | JwsAlg::RS384
            | JwsAlg::RS512
            | JwsAlg::PS256
            | JwsAlg::PS384
            | JwsAlg::PS512,
            PublicKey::Rsa(k),
        ) => {
            if sig.len() != k.size() {
                return Err(SigError::Malformed(format!(
                    "an RSA signature is as long as the key ({} bytes), this one has {}",
                    k.size(),
                    sig.len()
                )));
            }
            let s = rsa::pkcs1v15::Signature::try_from(sig)
                .map_err(|_| SigError::Malformed("the RSA signature is malformed".into()))?;
            let p = rsa::pss::Signature::try_from(sig)
                .map_err(|_| SigError::Malformed("the RSA signature is malformed".into()))?;
            let k = (**k).clone();
            use rsa::{pkcs1v15, pss};
            ok(match alg {
                JwsAlg::RS256 => pkcs1v15::VerifyingKey::<Sha256>::new(k).verify(msg, &s),
                JwsAlg::RS384 => pkcs1v15::VerifyingKey::<Sha384>::new(k).verify(msg, &s),
                JwsAlg::RS512 => pkcs1v15::VerifyingKey::<Sha512>::new(k).verify(msg, &s),
                JwsAlg::PS256 => pss::VerifyingKey::<Sha256>::new(k).verify(msg, &p),
                JwsAlg::PS384 => pss::VerifyingKey::<Sha384>::new(k).verify(msg, &p),
                _ => pss::VerifyingKey::<Sha512>::new(k).verify(msg, &p),
            }
            .is_ok())
        }
        _ => Err(wrong()),
    }
}

/// The signature bytes in the JOSE / Data Integrity form `r ‖ s`: exactly `len` bytes.
fn exact_len(sig: &[u8], len: usize, alg: &str) -> Result<(), SigError> {
    if sig.len() == len {
        Ok(())
    } else {
        Err(SigError::Malformed(format!(
            "an {alg} signature has {len} bytes (r and s), this one {}",
            sig.len()
        )))
    }
}

fn out_of_range(alg: &str) -> SigError {
    SigError::Malformed(format!("the {alg} signature's r or s is out of range"))
}
