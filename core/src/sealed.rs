//! Encrypted ("sealed") backup files: a backup (`crate::backup`) encrypted under a passphrase.
//!
//! Why: a backup holds every credential a learner has, often with their name and email, and
//! it ends up in download folders, cloud drives and mail. With a passphrase the file reveals
//! nothing but its own size. The format is documented, with test vectors, in
//! `docs/backup.md`; this module is its only reader and writer.
//!
//! - Key: Argon2id (RFC 9106, the RustCrypto `argon2` crate) of the passphrase's UTF-8 bytes
//!   as typed (no normalisation), a random 16-byte salt, → 32 bytes.
//! - Cipher: AES-256-GCM (the RustCrypto `aes-gcm` crate), a random 12-byte nonce, the whole
//!   plain backup JSON as plaintext, and the file's parameters as associated data
//!   ([`associated_data`]), so that changing any parameter is detected like a wrong
//!   passphrase.
//! - Pure: the caller supplies salt and nonce from a CSPRNG (the shell uses
//!   `crypto.getRandomValues`), which makes [`seal`] deterministic and testable.
//! - Bounded: a file may ask for at most [`MAX_WORK_KIB`] KiB × passes of Argon2 work and
//!   [`MAX_MEMORY_KIB`] of memory, so a hostile file cannot stall or exhaust the tab.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde_json::{Value, json};

/// The `type` of a sealed backup file.
pub const SEALED_TYPE: &str = "LearnerWalletEncryptedBackup";
/// The sealed format version written and read.
pub const SEALED_VERSION: u64 = 1;
/// Most Argon2 memory a file may ask for (256 MiB).
pub const MAX_MEMORY_KIB: u32 = 256 * 1024;
/// Most Argon2 work (memory in KiB × passes) a file may ask for: 4 × the default.
pub const MAX_WORK_KIB: u64 = 4 * DEFAULT_KDF.memory_kib as u64 * DEFAULT_KDF.passes as u64;

/// Argon2id cost parameters. Invariant (checked on read): `1 ≤ passes ≤ 10`,
/// `lanes == 1`, `8 ≤ memory_kib ≤ MAX_MEMORY_KIB`, `memory_kib × passes ≤ MAX_WORK_KIB`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kdf {
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
}

/// What this wallet writes: 64 MiB, 2 passes, 1 lane, above OWASP's Argon2id minimum (19 MiB,
/// 2 passes). Measured by tests/e2e/bench/backup-kdf.mjs: a one-credential encrypted export
/// takes 181 ms in Chromium on the 2-core test machine, 578 ms with the CPU slowed 4×
/// (docs/backup.md).
pub const DEFAULT_KDF: Kdf = Kdf {
    memory_kib: 64 * 1024,
    passes: 2,
    lanes: 1,
};

/// Why a sealed backup could not be opened. Each has its own message for the learner
/// ([`OpenError::message`], in the reader's language; `Display` is the English one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The passphrase is wrong, or the file was changed (AES-GCM cannot tell these apart).
    WrongPassphrase,
    /// The file is a sealed backup of a version this wallet does not read.
    UnsupportedVersion(u64),
    /// The file asks for more Argon2 memory or work than allowed, or an unknown algorithm.
    UnsupportedParameters(Refused),
    /// The file is not a well-formed sealed backup (names the part).
    Malformed(&'static str),
}

/// What a file asks for that this wallet refuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    Lanes(u32),
    Passes(u32),
    Memory(u32),
    Work {
        memory_kib: u32,
        passes: u32,
    },
    KeyDerivation,
    Cipher,
    /// Refused by the Argon2 implementation itself (its own words, in English).
    Argon2(String),
}

impl Refused {
    fn message(&self, lang: wallet_i18n::Lang) -> String {
        use wallet_i18n::msg;
        match self {
            Refused::Lanes(n) => msg!(lang, "sealed-refused-lanes", n = *n),
            Refused::Passes(n) => msg!(lang, "sealed-refused-passes", n = *n),
            Refused::Memory(n) => msg!(lang, "sealed-refused-memory", n = *n, max = MAX_MEMORY_KIB),
            Refused::Work { memory_kib, passes } => msg!(
                lang,
                "sealed-refused-work",
                memory = *memory_kib,
                passes = *passes,
                max = MAX_WORK_KIB
            ),
            Refused::KeyDerivation => msg!(lang, "sealed-refused-kdf"),
            Refused::Cipher => msg!(lang, "sealed-refused-cipher"),
            Refused::Argon2(why) => msg!(lang, "sealed-refused-argon2", why = why.as_str()),
        }
    }
}

/// The damaged part of a file, in words ([`OpenError::Malformed`]'s names); a JSON field's name
/// is kept as it is.
fn part_words(part: &str, lang: wallet_i18n::Lang) -> String {
    use wallet_i18n::msg;
    match part {
        "not JSON" => msg!(lang, "sealed-part-not-json"),
        "not an encrypted Learner Wallet backup" => msg!(lang, "sealed-part-not-sealed"),
        "no version" => msg!(lang, "sealed-part-no-version"),
        "no kdf" => msg!(lang, "sealed-part-no-kdf"),
        "no cipher" => msg!(lang, "sealed-part-no-cipher"),
        "kdf salt length" => msg!(lang, "sealed-part-salt-length"),
        "cipher nonce length" => msg!(lang, "sealed-part-nonce-length"),
        "ciphertext too short" => msg!(lang, "sealed-part-ciphertext-short"),
        "the decrypted backup is not UTF-8" => msg!(lang, "sealed-part-not-utf8"),
        "the plaintext is too large" => msg!(lang, "sealed-part-too-large"),
        field => msg!(lang, "sealed-part-field", field = field),
    }
}

impl OpenError {
    /// What the learner is told, in `lang` (a clause: the shell puts it in a sentence).
    pub fn message(&self, lang: wallet_i18n::Lang) -> String {
        use wallet_i18n::msg;
        match self {
            OpenError::WrongPassphrase => msg!(lang, "sealed-wrong-passphrase"),
            OpenError::UnsupportedVersion(v) => msg!(
                lang,
                "sealed-unsupported-version",
                version = *v,
                supported = SEALED_VERSION
            ),
            OpenError::UnsupportedParameters(why) => {
                msg!(
                    lang,
                    "sealed-unsupported-parameters",
                    why = why.message(lang)
                )
            }
            OpenError::Malformed(part) => {
                msg!(lang, "sealed-damaged", part = part_words(part, lang))
            }
        }
    }
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(wallet_i18n::Lang::En))
    }
}

/// Whether `text` is a sealed backup (a JSON object whose `type` is [`SEALED_TYPE`]); any
/// other text, including a plain backup, is not.
pub fn is_sealed(text: &str) -> bool {
    serde_json::from_str::<Value>(crate::parse::strip_bom(text))
        .ok()
        .as_ref()
        .and_then(|v| v.get("type"))
        .and_then(Value::as_str)
        == Some(SEALED_TYPE)
}

/// The associated data bound to the ciphertext: every parameter of the file, as ASCII.
pub fn associated_data(kdf: &Kdf, salt: &[u8]) -> String {
    format!(
        "{SEALED_TYPE};v={SEALED_VERSION};argon2id;v=19;m={};t={};p={};salt={};A256GCM",
        kdf.memory_kib,
        kdf.passes,
        kdf.lanes,
        B64.encode(salt)
    )
}

fn check_kdf(kdf: &Kdf) -> Result<(), OpenError> {
    let bad = |why: Refused| Err(OpenError::UnsupportedParameters(why));
    if kdf.lanes != 1 {
        return bad(Refused::Lanes(kdf.lanes));
    }
    if !(1..=10).contains(&kdf.passes) {
        return bad(Refused::Passes(kdf.passes));
    }
    if !(8..=MAX_MEMORY_KIB).contains(&kdf.memory_kib) {
        return bad(Refused::Memory(kdf.memory_kib));
    }
    if kdf.memory_kib as u64 * kdf.passes as u64 > MAX_WORK_KIB {
        return bad(Refused::Work {
            memory_kib: kdf.memory_kib,
            passes: kdf.passes,
        });
    }
    Ok(())
}

fn derive_key(passphrase: &str, salt: &[u8], kdf: &Kdf) -> Result<[u8; 32], OpenError> {
    let params = argon2::Params::new(kdf.memory_kib, kdf.passes, kdf.lanes, Some(32))
        .map_err(|e| OpenError::UnsupportedParameters(Refused::Argon2(e.to_string())))?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut key = [0u8; 32];
    argon
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|e| OpenError::UnsupportedParameters(Refused::Argon2(e.to_string())))?;
    Ok(key)
}

/// Encrypt a plain backup (the text `crate::backup::write_backup` returns) under
/// `passphrase`. Deterministic for given salt and nonce; the caller draws both at random
/// for every file. `kdf` must satisfy [`Kdf`]'s invariant (else an error).
pub fn seal(
    plain: &str,
    passphrase: &str,
    salt: [u8; 16],
    nonce: [u8; 12],
    kdf: Kdf,
) -> Result<String, OpenError> {
    check_kdf(&kdf)?;
    let key = derive_key(passphrase, &salt, &kdf)?;
    let aad = associated_data(&kdf, &salt);
    let cipher = Aes256Gcm::new((&key).into());
    let ciphertext = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain.as_bytes(),
                aad: aad.as_bytes(),
            },
        )
        .map_err(|_| OpenError::Malformed("the plaintext is too large"))?;
    let doc = json!({
        "type": SEALED_TYPE,
        "version": SEALED_VERSION,
        "kdf": {
            "name": "argon2id",
            "version": 19,
            "memoryKiB": kdf.memory_kib,
            "passes": kdf.passes,
            "lanes": kdf.lanes,
            "salt": B64.encode(salt),
        },
        "cipher": {"name": "A256GCM", "nonce": B64.encode(nonce)},
        "ciphertext": B64.encode(ciphertext),
    });
    Ok(serde_json::to_string_pretty(&doc).unwrap_or_default())
}

fn field<'a>(v: &'a Value, key: &str, part: &'static str) -> Result<&'a Value, OpenError> {
    v.get(key).ok_or(OpenError::Malformed(part))
}

fn u32_field(v: &Value, key: &str, part: &'static str) -> Result<u32, OpenError> {
    field(v, key, part)?
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or(OpenError::Malformed(part))
}

fn b64_field(v: &Value, key: &str, part: &'static str) -> Result<Vec<u8>, OpenError> {
    let s = field(v, key, part)?
        .as_str()
        .ok_or(OpenError::Malformed(part))?;
    B64.decode(s).map_err(|_| OpenError::Malformed(part))
}

/// Decrypt a sealed backup with `passphrase`, giving the plain backup text (to be read by
/// `crate::backup::read_backup`). Total: any input gives a value or an [`OpenError`]; the
/// Argon2 cost is checked against the bounds before any work is done.
pub fn open(text: &str, passphrase: &str) -> Result<String, OpenError> {
    let doc: Value = serde_json::from_str(crate::parse::strip_bom(text))
        .map_err(|_| OpenError::Malformed("not JSON"))?;
    if doc.get("type").and_then(Value::as_str) != Some(SEALED_TYPE) {
        return Err(OpenError::Malformed(
            "not an encrypted Learner Wallet backup",
        ));
    }
    match doc.get("version").and_then(Value::as_u64) {
        Some(SEALED_VERSION) => {}
        Some(v) => return Err(OpenError::UnsupportedVersion(v)),
        None => return Err(OpenError::Malformed("no version")),
    }
    let k = field(&doc, "kdf", "no kdf")?;
    if k.get("name").and_then(Value::as_str) != Some("argon2id")
        || k.get("version").and_then(Value::as_u64) != Some(19)
    {
        return Err(OpenError::UnsupportedParameters(Refused::KeyDerivation));
    }
    let kdf = Kdf {
        memory_kib: u32_field(k, "memoryKiB", "kdf memoryKiB")?,
        passes: u32_field(k, "passes", "kdf passes")?,
        lanes: u32_field(k, "lanes", "kdf lanes")?,
    };
    check_kdf(&kdf)?;
    let salt = b64_field(k, "salt", "kdf salt")?;
    if !(16..=64).contains(&salt.len()) {
        return Err(OpenError::Malformed("kdf salt length"));
    }
    let c = field(&doc, "cipher", "no cipher")?;
    if c.get("name").and_then(Value::as_str) != Some("A256GCM") {
        return Err(OpenError::UnsupportedParameters(Refused::Cipher));
    }
    let nonce = b64_field(c, "nonce", "cipher nonce")?;
    if nonce.len() != 12 {
        return Err(OpenError::Malformed("cipher nonce length"));
    }
    let ciphertext = b64_field(&doc, "ciphertext", "ciphertext")?;
    if ciphertext.len() < 16 {
        return Err(OpenError::Malformed("ciphertext too short"));
    }
    let key = derive_key(passphrase, &salt, &kdf)?;
    let aad = associated_data(&kdf, &salt);
    let plain = Aes256Gcm::new((&key).into())
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &ciphertext,
                aad: aad.as_bytes(),
            },
        )
        .map_err(|_| OpenError::WrongPassphrase)?;
    String::from_utf8(plain).map_err(|_| OpenError::Malformed("the decrypted backup is not UTF-8"))
}
