//! Public keys from verification-method URLs: `did:key` (Ed25519, P-256 and P-384
//! multikeys), `did:jwk`, and `did:web` / `https` methods found in controller documents,
//! JWKs or JWK sets the caller fetched and passed in `resolved`. Key kinds: [`PublicKey`].

use std::cell::RefCell;
use std::collections::HashMap;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

pub use crate::pubkey::PublicKey;

/// A public key and who controls it.
#[derive(Clone, Debug)]
pub struct ResolvedKey {
    pub key: PublicKey,
    /// The controller (a DID or URL): compared with the credential's issuer. For a key
    /// published as a bare JWK or JWK set at an https URL, that URL (without fragment).
    pub controller: String,
    /// How the key was found.
    pub source: KeySource,
}

/// Where a resolved key came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeySource {
    /// A DID (did:key, did:jwk, did:web) or a controller document that names its controller.
    Controlled,
    /// A JWK or JWK set published at an https URL: it names no controller, so it counts as
    /// the issuer's only when the URL is on the issuer's own https origin.
    PublishedJwk,
}

/// Why no key could be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// The document at this URL is needed and was not supplied (offline).
    Missing(String),
    /// The method or its document is wrong: a person-readable sentence.
    Invalid(String),
    /// A key type or DID method this wallet does not check.
    Unsupported(String),
}

/// The DID (or URL) part of a verification method, without the fragment.
pub fn without_fragment(vm: &str) -> &str {
    vm.split_once('#').map_or(vm, |(a, _)| a)
}

/// The https URL of a `did:web` DID's document (`None` when it is not a valid did:web: see
/// [`did_web_document_url`] for why).
pub fn did_web_url(did: &str) -> Option<String> {
    did_web_document_url(did).ok()
}

/// The https URL of a `did:web` DID's (or DID URL's) document, or why the identifier is refused.
///
/// The did:web method-specific id is a host name, an optional port written `%3A<digits>`, and
/// optional path segments separated by `:` (did:web spec §3.1, §3.2.1). Refused, with a
/// sentence: a user part (`@`), a query (`?`), a second or empty fragment, a port written any
/// other way, any character in the host other than letters, digits, `-` and `.`, and any
/// percent-encoding other than the port's (an encoded `/`, `@`, `#` or `?` would make the URL
/// fetched differ from the identifier compared).
pub fn did_web_document_url(did: &str) -> Result<String, String> {
    let rest = did
        .strip_prefix("did:web:")
        .ok_or("it does not start with did:web:")?;
    let (id, fragment) = match rest.split_once('#') {
        Some((id, f)) => (id, Some(f)),
        None => (rest, None),
    };
    if let Some(f) = fragment {
        if f.is_empty() {
            return Err("its fragment (after #) is empty".into());
        }
        if f.contains('#') {
            return Err("it has more than one fragment (#)".into());
        }
    }
    if id.contains('?') || fragment.is_some_and(|f| f.contains('?')) {
        return Err("it has a query (?), which a did:web identifier may not have".into());
    }
    if id.contains('@') {
        return Err("it has a user part (@), which a did:web identifier may not have".into());
    }
    if let Some(c) = id.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("it contains the character U+{:04X}", c as u32));
    }
    let mut parts = id.split(':');
    let authority = parts.next().unwrap_or("");
    let (host, port) = match authority.find('%') {
        None => (authority, None),
        Some(i) => {
            let (h, p) = authority.split_at(i);
            let digits = p
                .strip_prefix("%3A")
                .or_else(|| p.strip_prefix("%3a"))
                .ok_or("its host contains a percent-encoded character other than a port (%3A)")?;
            if digits.is_empty()
                || digits.len() > 5
                || !digits.bytes().all(|b| b.is_ascii_digit())
                || !digits
                    .parse::<u32>()
                    .is_ok_and(|n| (1..=65_535).contains(&n))
            {
                return Err(
                    "its port is not written %3A followed by a port number (1 to 65535)".into(),
                );
            }
            (h, Some(digits))
        }
    };
    if host.is_empty() {
        return Err("it names no host".into());
    }
    if let Some(c) = host
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        return Err(format!(
            "its host contains {}, which a host name may not (only letters, digits, - and .)",
            if c.is_ascii_graphic() {
                format!("“{c}”")
            } else {
                format!("the character U+{:04X}", c as u32)
            }
        ));
    }
    if host.split('.').any(|label| label.is_empty()) {
        return Err("its host has an empty label (two dots, or a dot at an end)".into());
    }
    let path: Vec<&str> = parts.collect();
    for p in &path {
        if p.is_empty() {
            return Err("it has an empty path segment (::, or : at the end)".into());
        }
        if let Some(c) = p
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')))
        {
            return Err(format!(
                "its path contains {}, which this wallet does not accept in a did:web path",
                if c.is_ascii_graphic() {
                    format!("“{c}”")
                } else {
                    format!("the character U+{:04X}", c as u32)
                }
            ));
        }
        if *p == "." || *p == ".." {
            return Err("its path has a . or .. segment".into());
        }
    }
    let host = host.to_ascii_lowercase();
    let authority = match port {
        Some(p) => format!("{host}:{p}"),
        None => host,
    };
    Ok(if path.is_empty() {
        format!("https://{authority}/.well-known/did.json")
    } else {
        format!("https://{authority}/{}/did.json", path.join("/"))
    })
}

/// The URL the caller has to fetch to resolve this verification method, or
/// `None` when the key is self-contained (`did:key`, `did:jwk`).
pub fn document_url(vm: &str) -> Option<String> {
    if vm.starts_with("did:web:") {
        did_web_url(vm)
    } else if vm.starts_with("https://") || vm.starts_with("http://") {
        Some(without_fragment(vm).to_string())
    } else {
        None
    }
}

thread_local! {
    /// `did:key` and `did:jwk` keys already decoded. These methods are pure functions of
    /// the identifier, so a cached answer is always the right one; decoding them (base58
    /// or base64 + JSON, then decompressing the curve point) is a tenth of a verification,
    /// and a wallet holds many credentials from few issuers.
    static SELF_CONTAINED: RefCell<HashMap<String, ResolvedKey>> = RefCell::new(HashMap::new());
}

/// At most this many keys are cached (then the cache starts afresh).
const CACHE_LIMIT: usize = 1024;

/// Forget the decoded keys (benchmarks use it to time a key's first use).
pub fn forget_decoded_keys() {
    SELF_CONTAINED.with(|c| c.borrow_mut().clear());
}

/// Resolve a verification method to its public key.
pub fn resolve(vm: &str, resolved: &HashMap<String, Value>) -> Result<ResolvedKey, KeyError> {
    let self_contained = if let Some(rest) = vm.strip_prefix("did:key:") {
        Some((
            did_key as fn(&str, &str) -> Result<ResolvedKey, KeyError>,
            rest,
        ))
    } else {
        vm.strip_prefix("did:jwk:")
            .map(|rest| (did_jwk as fn(&str, &str) -> _, rest))
    };
    if let Some((decode, rest)) = self_contained {
        if let Some(hit) = SELF_CONTAINED.with(|c| c.borrow().get(vm).cloned()) {
            return Ok(hit);
        }
        let key = decode(vm, rest)?;
        SELF_CONTAINED.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= CACHE_LIMIT {
                c.clear();
            }
            c.insert(vm.to_string(), key.clone());
        });
        return Ok(key);
    }
    if vm.starts_with("did:web:") || vm.starts_with("https://") || vm.starts_with("http://") {
        let url = if vm.starts_with("did:web:") {
            did_web_document_url(vm).map_err(|e| {
                KeyError::Invalid(format!("{vm} is not a valid did:web identifier: {e}"))
            })?
        } else {
            document_url(vm).ok_or_else(|| KeyError::Invalid(format!("{vm} is not a valid URL")))?
        };
        let base = without_fragment(vm);
        let doc = resolved
            .get(&url)
            .or_else(|| resolved.get(base))
            .ok_or_else(|| KeyError::Missing(url.clone()))?;
        if !vm.starts_with("did:")
            && let Some(key) = from_jwk_document(vm, base, doc)?
        {
            return Ok(key);
        }
        return from_document(vm, base, doc);
    }
    if vm.starts_with("did:") {
        let method = vm.split(':').nth(1).unwrap_or("");
        return Err(KeyError::Unsupported(format!(
            "keys of the DID method did:{method} are not supported"
        )));
    }
    Err(KeyError::Invalid(format!(
        "the verification method {vm} is not a DID or https URL"
    )))
}

fn did_key(vm: &str, rest: &str) -> Result<ResolvedKey, KeyError> {
    let (mb, fragment) = match rest.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (rest, None),
    };
    if let Some(f) = fragment
        && f != mb
    {
        return Err(KeyError::Invalid(format!(
            "the did:key method {vm} names a fragment that is not its key"
        )));
    }
    Ok(ResolvedKey {
        key: PublicKey::from_multikey(mb)?,
        controller: format!("did:key:{mb}"),
        source: KeySource::Controlled,
    })
}

fn did_jwk(vm: &str, rest: &str) -> Result<ResolvedKey, KeyError> {
    let (encoded, fragment) = match rest.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (rest, None),
    };
    if fragment.is_some_and(|f| f != "0") {
        return Err(KeyError::Invalid(format!(
            "the did:jwk method {vm} must end in #0"
        )));
    }
    let json = URL_SAFE_NO_PAD
        .decode(encoded.trim_end_matches('='))
        .map_err(|_| KeyError::Invalid("the did:jwk is not valid base64url".into()))?;
    let jwk: Value = wallet_core::json::from_slice(&json)
        .map_err(|_| KeyError::Invalid("the did:jwk does not contain a JSON key".into()))?;
    Ok(ResolvedKey {
        key: PublicKey::from_jwk(&jwk)?,
        controller: format!("did:jwk:{encoded}"),
        source: KeySource::Controlled,
    })
}

/// A key from a document fetched for an https `vm` that is a JWK (`kty`) or a JWK set
/// (`keys`); `None` when the document is neither (then it is a controller document). In a
/// set, the key is the one whose `kid` is the URL's fragment (or the whole URL), or the only
/// key when the URL has no fragment.
fn from_jwk_document(vm: &str, base: &str, doc: &Value) -> Result<Option<ResolvedKey>, KeyError> {
    let found = |key: PublicKey| {
        Ok(Some(ResolvedKey {
            key,
            controller: base.to_string(),
            source: KeySource::PublishedJwk,
        }))
    };
    if doc.get("kty").is_some() {
        return found(PublicKey::from_jwk(doc)?);
    }
    let Some(keys) = doc.get("keys") else {
        return Ok(None);
    };
    let Some(keys) = keys.as_array() else {
        return Err(KeyError::Invalid(format!(
            "the key set at {base} has no list of keys"
        )));
    };
    let fragment = vm.split_once('#').map(|(_, f)| f);
    let chosen: Vec<&Value> = match fragment {
        Some(f) => keys
            .iter()
            .filter(|k| {
                k.get("kid")
                    .and_then(Value::as_str)
                    .is_some_and(|kid| kid == f || kid == vm)
            })
            .collect(),
        None => keys.iter().collect(),
    };
    match chosen.as_slice() {
        [one] => found(PublicKey::from_jwk(one)?),
        [] => Err(KeyError::Invalid(format!(
            "the key set at {base} has no key {}",
            fragment.unwrap_or("at all")
        ))),
        _ => Err(KeyError::Invalid(format!(
            "the key set at {base} holds {} keys {}, so which one signed is ambiguous",
            chosen.len(),
            fragment.map_or("and the key id names none".to_string(), |f| format!(
                "with the id {f}"
            ))
        ))),
    }
}

/// Find `vm` in a controller / DID document and check that it may be used to
/// issue credentials (`assertionMethod`).
fn from_document(vm: &str, base: &str, doc: &Value) -> Result<ResolvedKey, KeyError> {
    let doc = doc.as_object().ok_or_else(|| {
        KeyError::Invalid(format!("the document for {base} is not a JSON object"))
    })?;
    let doc_id = doc.get("id").and_then(Value::as_str).unwrap_or("");
    if doc_id != base {
        return Err(KeyError::Invalid(format!(
            "the document fetched for {base} says it is {}",
            if doc_id.is_empty() {
                "nobody (no id)"
            } else {
                doc_id
            }
        )));
    }
    let absolute = |id: &str| -> String {
        if id.starts_with('#') {
            format!("{doc_id}{id}")
        } else {
            id.to_string()
        }
    };
    // The method itself: embedded under verificationMethod, assertionMethod or legacy publicKey.
    let mut method: Option<&Map<String, Value>> = None;
    for field in ["verificationMethod", "assertionMethod", "publicKey"] {
        for item in list(doc.get(field)) {
            if let Some(o) = item.as_object()
                && o.get("id").and_then(Value::as_str).map(absolute).as_deref() == Some(vm)
            {
                method = Some(o);
                break;
            }
        }
        if method.is_some() {
            break;
        }
    }
    let method = method.ok_or_else(|| {
        KeyError::Invalid(format!("the document of {base} does not list the key {vm}"))
    })?;
    let listed = list(doc.get("assertionMethod"))
        .iter()
        .any(|item| match item {
            Value::String(s) => absolute(s) == vm,
            Value::Object(o) => {
                o.get("id").and_then(Value::as_str).map(absolute).as_deref() == Some(vm)
            }
            _ => false,
        });
    if !listed {
        return Err(KeyError::Invalid(format!(
            "the key {vm} is not allowed to issue credentials (it is not an assertionMethod of {base})"
        )));
    }
    let controller = method
        .get("controller")
        .and_then(Value::as_str)
        .unwrap_or(doc_id)
        .to_string();
    if controller != doc_id {
        return Err(KeyError::Invalid(format!(
            "the key {vm} is controlled by {controller}, not by {doc_id}"
        )));
    }
    let ty = method.get("type").and_then(Value::as_str).unwrap_or("");
    let key = match ty {
        "Multikey" | "Ed25519VerificationKey2020" => {
            let mb = method
                .get("publicKeyMultibase")
                .and_then(Value::as_str)
                .ok_or_else(|| {
                    KeyError::Invalid(format!("the key {vm} has no publicKeyMultibase"))
                })?;
            let key = PublicKey::from_multikey(mb)?;
            if ty == "Ed25519VerificationKey2020" && key.ed25519().is_none() {
                return Err(KeyError::Invalid(format!(
                    "the key {vm} is an Ed25519VerificationKey2020 holding a {} key",
                    key.label()
                )));
            }
            key
        }
        "Ed25519VerificationKey2018" => {
            let b58 = method
                .get("publicKeyBase58")
                .and_then(Value::as_str)
                .ok_or_else(|| KeyError::Invalid(format!("the key {vm} has no publicKeyBase58")))?;
            let raw = bs58::decode(b58)
                .into_vec()
                .map_err(|_| KeyError::Invalid(format!("the key {vm} is not valid base58")))?;
            let bytes: [u8; 32] = raw
                .as_slice()
                .try_into()
                .map_err(|_| KeyError::Invalid(format!("the key {vm} is not 32 bytes")))?;
            ed25519_dalek::VerifyingKey::from_bytes(&bytes)
                .map(PublicKey::Ed25519)
                .map_err(|_| {
                    KeyError::Invalid(format!("the key {vm} is not a valid Ed25519 public key"))
                })?
        }
        "JsonWebKey2020" | "JsonWebKey" => {
            let jwk = method
                .get("publicKeyJwk")
                .ok_or_else(|| KeyError::Invalid(format!("the key {vm} has no publicKeyJwk")))?;
            PublicKey::from_jwk(jwk)?
        }
        other => {
            return Err(KeyError::Unsupported(format!(
                "keys of type {} are not supported",
                if other.is_empty() { "(none)" } else { other }
            )));
        }
    };
    Ok(ResolvedKey {
        key,
        controller,
        source: KeySource::Controlled,
    })
}

/// Most assertion methods of one profile compared with a key (a bound on work).
const MAX_PUBLISHED: usize = 64;

/// Whether the issuer's fetched profile publishes `key`: the profile is a controller
/// document whose `id` is exactly `issuer` (an https URL without fragment), and one of its
/// `assertionMethod`s (embedded, or an id of one of its `verificationMethod`s), controlled by
/// the issuer, holds this very key. The same rules as a key found by its id
/// ([`resolve`]), so a profile cannot bind a key it would not let a `kid` name.
pub(crate) fn published_by(issuer: &str, doc: &Value, key: &PublicKey) -> bool {
    if issuer.contains('#') || doc.get("id").and_then(Value::as_str) != Some(issuer) {
        return false;
    }
    list(doc.get("assertionMethod"))
        .iter()
        .filter_map(|item| match item {
            Value::String(s) => Some(s.as_str()),
            Value::Object(o) => o.get("id").and_then(Value::as_str),
            _ => None,
        })
        .take(MAX_PUBLISHED)
        .any(|id| {
            let vm = if id.starts_with('#') {
                format!("{issuer}{id}")
            } else {
                id.to_string()
            };
            from_document(&vm, issuer, doc).is_ok_and(|k| k.key == *key)
        })
}

pub(crate) fn list(v: Option<&Value>) -> &[Value] {
    match v {
        Some(Value::Array(a)) => a,
        Some(v) => std::slice::from_ref(v),
        None => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_web_urls() {
        assert_eq!(
            did_web_url("did:web:example.com").as_deref(),
            Some("https://example.com/.well-known/did.json")
        );
        assert_eq!(
            did_web_url("did:web:example.com%3A8443:user:alice#key-1").as_deref(),
            Some("https://example.com:8443/user/alice/did.json")
        );
        assert_eq!(did_web_url("did:web:"), None);
        assert_eq!(did_web_url("did:web:a.com::x"), None);
    }

    #[test]
    fn did_web_refusals() {
        // (identifier, Ok(url) or Err(a word the message must contain))
        let cases: &[(&str, Result<&str, &str>)] = &[
            (
                "did:web:example.com",
                Ok("https://example.com/.well-known/did.json"),
            ),
            (
                "did:web:Example.COM#k",
                Ok("https://example.com/.well-known/did.json"),
            ),
            (
                "did:web:w3c-ccg.github.io:user:alice#key-1",
                Ok("https://w3c-ccg.github.io/user/alice/did.json"),
            ),
            (
                "did:web:localhost%3A8443",
                Ok("https://localhost:8443/.well-known/did.json"),
            ),
            (
                "did:web:localhost%3a8443:a_b~c.d",
                Ok("https://localhost:8443/a_b~c.d/did.json"),
            ),
            ("did:web:user@example.com", Err("user part")),
            ("did:web:user%40example.com", Err("percent-encoded")),
            ("did:web:example.com?x=1", Err("query")),
            ("did:web:example.com:p?x=1#k", Err("query")),
            ("did:web:example.com#k?x", Err("query")),
            ("did:web:example.com#a#b", Err("more than one fragment")),
            ("did:web:example.com#", Err("fragment")),
            ("did:web:example.com%23.evil.com", Err("percent-encoded")),
            ("did:web:example.com%2Fevil", Err("percent-encoded")),
            ("did:web:example.com%3A", Err("port")),
            ("did:web:example.com%3Ahttp", Err("port")),
            ("did:web:example.com%3A99999", Err("port")),
            ("did:web:example.com%3A0", Err("port")),
            ("did:web:example.com%3A80%3A81", Err("port")),
            ("did:web:example.com:8443:", Err("empty path segment")),
            ("did:web:exa_mple.com", Err("host contains")),
            ("did:web:exam\u{202e}ple.com", Err("U+202E")),
            ("did:web:ex ample.com", Err("U+0020")),
            ("did:web:[::1]", Err("host")),
            ("did:web:example..com", Err("empty label")),
            (".example.com", Err("did:web:")),
            ("did:web:.example.com", Err("empty label")),
            ("did:web:", Err("no host")),
            ("did:web:example.com:..:x", Err(". or ..")),
            ("did:web:example.com:a%2Fb", Err("path contains")),
            ("did:web:ex\u{430}mple.com", Err("U+0430")),
        ];
        for (did, want) in cases {
            match (did_web_document_url(did), want) {
                (Ok(u), Ok(w)) => assert_eq!(u, *w, "{did}"),
                (Err(e), Err(w)) => assert!(e.contains(w), "{did}: {e}"),
                (got, _) => panic!("{did}: {got:?}, wanted {want:?}"),
            }
        }
        // The refusal reaches the signature check with the reason.
        let err = resolve("did:web:user@example.com#k", &HashMap::new()).unwrap_err();
        assert!(
            matches!(&err, KeyError::Invalid(m) if m.contains("user part")),
            "{err:?}"
        );
    }

    #[test]
    fn multikey_errors() {
        let ed25519 = |mb: &str| {
            PublicKey::from_multikey(mb)
                .ok()
                .and_then(|k| k.ed25519().copied())
        };
        assert!(ed25519("6Mk").is_none());
        assert!(ed25519("z0OIl").is_none());
        assert!(ed25519("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2").is_some());
        // An X25519 multikey (0xec01) is refused.
        assert!(ed25519("z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc").is_none());
    }

    #[test]
    fn did_jwk_roundtrip() {
        let key = resolve(
            "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
            &HashMap::new(),
        )
        .unwrap();
        let jwk = serde_json::json!({
            "kty": "OKP", "crv": "Ed25519",
            "x": URL_SAFE_NO_PAD.encode(key.key.ed25519().unwrap().as_bytes()),
        });
        let did = format!(
            "did:jwk:{}",
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&jwk).unwrap())
        );
        let r = resolve(&format!("{did}#0"), &HashMap::new()).unwrap();
        assert_eq!(r.key, key.key);
        assert_eq!(r.controller, did);
        assert!(resolve(&format!("{did}#1"), &HashMap::new()).is_err());
    }

    #[test]
    fn missing_document() {
        assert_eq!(
            resolve("did:web:example.com#k", &HashMap::new()).unwrap_err(),
            KeyError::Missing("https://example.com/.well-known/did.json".into())
        );
        assert!(matches!(
            resolve("did:ion:abc#k", &HashMap::new()),
            Err(KeyError::Unsupported(_))
        ));
    }
}
