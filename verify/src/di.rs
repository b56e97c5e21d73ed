//! Data Integrity proofs: `eddsa-rdfc-2022`, `eddsa-jcs-2022` (vc-di-eddsa
//! §3.2/§3.3), `ecdsa-rdfc-2019`, `ecdsa-jcs-2019` (vc-di-ecdsa §3.2/§3.3, P-256 with
//! SHA-256 and P-384 with SHA-384) and the legacy `Ed25519Signature2020`, including proof
//! sets and chains (`previousProof`).

use std::collections::HashMap;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256, Sha384};

use crate::ecdsa_sd;
use crate::jsonld::{LdEngine, LdError};
use crate::keys::{self, KeyError};
use crate::pubkey::{JwsAlg, PublicKey, SigError};
use crate::{Outcome, ProofReport, Said};
use wallet_core::report::Text;
use wallet_core::text;

/// At most this many proofs are checked on one credential. Each proof of a chain
/// (`previousProof`) canonicalizes the whole document again, so the bound caps a single
/// credential's work at a few times a normal one; real credentials carry one or two.
pub const MAX_PROOFS: usize = 8;

/// What a proof check needs from the outside.
pub(crate) struct Env<'a> {
    pub engine: &'a LdEngine,
    pub resolved: &'a HashMap<String, Value>,
    pub now: Option<i64>,
    pub skew: i64,
}

/// A verified (or not) proof plus the key controller, for the issuer check.
pub(crate) struct ProofResult {
    pub report: ProofReport,
    /// Controller of the key that made a valid signature.
    pub controller: Option<String>,
    /// The URL that must be fetched to check this proof, when missing.
    pub missing: Option<String>,
    /// A valid signature by a key that nothing links to anyone (a JWS header `jwk`): the
    /// document is unchanged since someone signed it, but who signed it is not known.
    pub unlinked: bool,
    /// For a valid `ecdsa-sd-2023` derived proof: what the holder disclosed.
    pub disclosure: Option<crate::ecdsa_sd::Disclosure>,
}

fn report(suite: &str, vm: Option<&str>, outcome: Outcome, said: impl Into<Said>) -> ProofReport {
    let (message, text) = said.into().split();
    ProofReport {
        suite: suite.to_string(),
        verification_method: vm.map(str::to_string),
        outcome,
        message,
        text,
    }
}

/// The suite name of a proof object: the cryptosuite for `DataIntegrityProof`,
/// else its type.
pub(crate) fn suite_of(proof: &Map<String, Value>) -> String {
    let ty = proof.get("type").and_then(Value::as_str).unwrap_or("");
    if ty == "DataIntegrityProof" {
        proof
            .get("cryptosuite")
            .and_then(Value::as_str)
            .unwrap_or("DataIntegrityProof")
            .to_string()
    } else if ty.is_empty() {
        "(untyped proof)".to_string()
    } else {
        ty.to_string()
    }
}

/// Verify every proof of a secured JSON document (`proof` object or array).
pub(crate) fn verify_all(doc: &Map<String, Value>, env: &Env<'_>) -> Vec<ProofResult> {
    let mut base = doc.clone();
    let proofs = base.remove("proof");
    verify_split(&Value::Object(base), keys::list(proofs.as_ref()), env)
}

/// Verify `proofs` over `base`, the document without its `proof` member (a JSON object).
/// Borrowing both avoids copying the document for each proof: it is copied only for the
/// rare proofs that change it (a `previousProof` chain or a proof `@context`).
pub(crate) fn verify_split(base: &Value, proofs: &[Value], env: &Env<'_>) -> Vec<ProofResult> {
    // Canonical form of the unsecured document, shared by every proof that
    // has no previousProof and uses RDF canonicalization.
    let mut rdf_doc: Option<Result<String, LdError>> = None;
    let empty = Map::new();
    let base_map = base.as_object().unwrap_or(&empty);
    let mut out = Vec::new();
    if proofs.len() > MAX_PROOFS {
        out.push(ProofResult {
            report: report(
                "(proof set)",
                None,
                Outcome::Fail,
                text!("verify-proof-too-many", n = proofs.len(), max = MAX_PROOFS),
            ),
            controller: None,
            missing: None,
            unlinked: false,
            disclosure: None,
        });
        return out;
    }
    for p in proofs {
        let Some(proof) = p.as_object() else {
            out.push(ProofResult {
                report: report(
                    "(malformed)",
                    None,
                    Outcome::Fail,
                    text!("verify-proof-not-object"),
                ),
                controller: None,
                missing: None,
                unlinked: false,
                disclosure: None,
            });
            continue;
        };
        out.push(verify_one(base, base_map, proofs, proof, env, &mut rdf_doc));
    }
    out
}

/// A JSON object seen with some members left out and others replaced, without copying it.
struct ObjectView<'a> {
    object: &'a Map<String, Value>,
    skip: &'a [&'a str],
    extra: &'a [(&'a str, &'a Value)],
}

impl<'a> ObjectView<'a> {
    fn members(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let (skip, extra) = (self.skip, self.extra);
        let hidden = move |k: &str| skip.contains(&k) || extra.iter().any(|(e, _)| *e == k);
        self.object
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .filter(move |(k, _)| !hidden(k))
            .chain(extra.iter().copied())
    }
}

fn verify_one(
    base: &Value,
    base_map: &Map<String, Value>,
    all_proofs: &[Value],
    proof: &Map<String, Value>,
    env: &Env<'_>,
    rdf_doc: &mut Option<Result<String, LdError>>,
) -> ProofResult {
    let suite = suite_of(proof);
    let vm = proof.get("verificationMethod").and_then(|v| match v {
        Value::String(s) => Some(s.as_str()),
        Value::Object(o) => o.get("id").and_then(Value::as_str),
        _ => None,
    });
    let fail = |msg: Said| ProofResult {
        report: report(&suite, vm, Outcome::Fail, msg),
        controller: None,
        missing: None,
        unlinked: false,
        disclosure: None,
    };
    let ty = proof.get("type").and_then(Value::as_str).unwrap_or("");
    let (kind, family) = match (ty, suite.as_str()) {
        ("DataIntegrityProof", "eddsa-rdfc-2022") => (Kind::Rdfc, Family::EdDsa),
        ("DataIntegrityProof", "eddsa-jcs-2022") => (Kind::Jcs, Family::EdDsa),
        ("DataIntegrityProof", "ecdsa-rdfc-2019") => (Kind::Rdfc, Family::Ecdsa),
        ("DataIntegrityProof", "ecdsa-jcs-2019") => (Kind::Jcs, Family::Ecdsa),
        ("DataIntegrityProof", "ecdsa-sd-2023") => (Kind::Sd, Family::Ecdsa),
        ("Ed25519Signature2020", _) => (Kind::Ed2020, Family::EdDsa),
        _ => {
            return ProofResult {
                report: report(
                    &suite,
                    vm,
                    Outcome::NotChecked,
                    unsupported_message(ty, &suite),
                ),
                controller: None,
                missing: None,
                unlinked: false,
                disclosure: None,
            };
        }
    };
    let Some(vm) = vm else {
        return fail(text!("verify-proof-no-method").into());
    };
    // A verification method is a DID URL with a fragment (or an https URL): a bare DID names
    // a whole DID document, not one of its keys (Data Integrity §4 / DID Core §5.2).
    if vm.starts_with("did:") && !vm.contains('#') {
        return fail(text!("verify-proof-method-is-did", method = vm).into());
    }
    let purpose = proof
        .get("proofPurpose")
        .and_then(Value::as_str)
        .unwrap_or("");
    if purpose != "assertionMethod" {
        return fail(text!("verify-proof-purpose", purpose = purpose).into());
    }
    // created / expires
    if let Some(created) = proof.get("created") {
        let ok = created
            .as_str()
            .and_then(crate::time::parse_datetime)
            .is_some();
        if !ok {
            return fail(text!("verify-proof-created-invalid").into());
        }
    } else if kind == Kind::Ed2020 {
        return fail(text!("verify-proof-no-created").into());
    }
    if let Some(expires) = proof.get("expires") {
        match expires.as_str().and_then(crate::time::parse_datetime) {
            None => return fail(text!("verify-proof-expires-invalid").into()),
            Some(t) => {
                if let Some(now) = env.now
                    && now - env.skew > t
                {
                    return fail(text!("verify-proof-expired").into());
                }
            }
        }
    }
    // Signature bytes.
    let Some(pv) = proof.get("proofValue").and_then(Value::as_str) else {
        return fail(text!("verify-proof-no-value").into());
    };
    // ecdsa-sd-2023 proof values are CBOR in base64url (`u…`); the others base58btc (`z…`).
    let mut derived = None;
    let sig_bytes = if kind == Kind::Sd {
        match ecdsa_sd::parse(pv) {
            Ok(ecdsa_sd::ProofValue::Derived(d)) => derived = Some(d),
            Ok(ecdsa_sd::ProofValue::Base) => {
                return ProofResult {
                    report: report(
                        &suite,
                        Some(vm),
                        Outcome::NotChecked,
                        unsupported_message(ty, &suite),
                    ),
                    controller: None,
                    missing: None,
                    unlinked: false,
                    disclosure: None,
                };
            }
            Err(e) => return sd_failure(&suite, vm, e),
        }
        Vec::new()
    } else {
        match pv.strip_prefix('z').map(|b| bs58::decode(b).into_vec()) {
            Some(Ok(b)) => b,
            _ => return fail(text!("verify-proof-not-base58").into()),
        }
    };
    if family == Family::EdDsa && sig_bytes.len() != 64 {
        return fail(text!("verify-proof-ed25519-length", n = sig_bytes.len()).into());
    }

    // Key.
    let key = match keys::resolve(vm, env.resolved) {
        Ok(k) => k,
        Err(KeyError::Missing(url)) => {
            return ProofResult {
                report: report(
                    &suite,
                    Some(vm),
                    Outcome::NotChecked,
                    text!("verify-proof-key-missing", url = &url),
                ),
                controller: None,
                missing: Some(url),
                unlinked: false,
                disclosure: None,
            };
        }
        Err(KeyError::Unsupported(m)) => {
            return ProofResult {
                report: report(
                    &suite,
                    Some(vm),
                    Outcome::NotChecked,
                    text!("verify-signature-unchecked-detail", detail = m),
                ),
                controller: None,
                missing: None,
                unlinked: false,
                disclosure: None,
            };
        }
        Err(KeyError::Invalid(m)) => {
            return fail(text!("verify-key-unusable", detail = m).into());
        }
    };
    // The suite fixes the key type: Ed25519 for EdDSA; P-256 or P-384 for ECDSA, whose
    // curve also fixes the hash (SHA-256 / SHA-384, vc-di-ecdsa §3.3.4 / §3.4.4).
    let hash = match (family, &key.key) {
        (Family::EdDsa, PublicKey::Ed25519(_)) | (Family::Ecdsa, PublicKey::P256(_)) => {
            Hash::Sha256
        }
        (Family::Ecdsa, PublicKey::P384(_)) if kind != Kind::Sd => Hash::Sha384,
        (_, other) => {
            let (suite, key) = (&suite, other.label());
            return fail(
                match (family, kind) {
                    (Family::EdDsa, _) => {
                        text!(
                            "verify-proof-needs-ed25519",
                            suite = suite,
                            method = vm,
                            key = key
                        )
                    }
                    (Family::Ecdsa, Kind::Sd) => {
                        text!(
                            "verify-proof-needs-p256",
                            suite = suite,
                            method = vm,
                            key = key
                        )
                    }
                    (Family::Ecdsa, _) => {
                        text!(
                            "verify-proof-needs-ecdsa",
                            suite = suite,
                            method = vm,
                            key = key
                        )
                    }
                }
                .into(),
            );
        }
    };

    // The previous proofs this one covers, when it is part of a chain.
    let previous: Option<Value> = match proof.get("previousProof") {
        None => None,
        Some(prev) => {
            let ids: Vec<&str> = match prev {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => return fail(text!("verify-proof-previous-malformed").into()),
            };
            let mut matching = Vec::new();
            for id in &ids {
                match all_proofs
                    .iter()
                    .find(|p| p.get("id").and_then(Value::as_str) == Some(id))
                {
                    Some(p) => matching.push(p.clone()),
                    None => {
                        return fail(text!("verify-proof-previous-missing", id = id).into());
                    }
                }
            }
            Some(if matching.len() == 1 {
                matching.remove(0)
            } else {
                Value::Array(matching)
            })
        }
    };
    let proof_ctx = proof.get("@context");
    if let Some(pctx) = proof_ctx
        && !context_prefix(pctx, base_map.get("@context"))
    {
        return fail(text!("verify-proof-context-not-prefix").into());
    }
    // What the unsecured document has instead of the base's members.
    let mut replaced: Vec<(&str, &Value)> = Vec::new();
    if let Some(p) = &previous {
        replaced.push(("proof", p));
    }
    if let Some(c) = proof_ctx {
        replaced.push(("@context", c));
    }
    if let Some(d) = derived {
        return verify_derived(
            &suite, vm, &d, proof, base, base_map, &replaced, &key, env, rdf_doc,
        );
    }
    let hash_data = match kind {
        Kind::Sd => unreachable!("derived proofs returned above"),
        Kind::Jcs => {
            let config = ObjectView {
                object: proof,
                skip: &["proofValue"],
                extra: &[],
            };
            let unsecured = ObjectView {
                object: base_map,
                skip: &[],
                extra: &replaced,
            };
            let mut canon = Vec::with_capacity(4096);
            crate::jcs::object(&mut canon, config.members());
            let mut h = hash.digest(&canon);
            canon.clear();
            crate::jcs::object(&mut canon, unsecured.members());
            h.extend_from_slice(&hash.digest(&canon));
            h
        }
        Kind::Rdfc | Kind::Ed2020 => {
            let Some(doc_ctx) = proof_ctx.or_else(|| base_map.get("@context")) else {
                return fail(text!("verify-proof-no-context").into());
            };
            let mut config = proof.clone();
            config.remove("proofValue");
            config.insert("@context".into(), doc_ctx.clone());
            let doc_hash = if replaced.is_empty() {
                rdf_doc
                    .get_or_insert_with(|| env.engine.canonicalize(base))
                    .as_ref()
                    .map(|c| hash.digest(c.as_bytes()))
                    .map_err(Clone::clone)
            } else {
                let mut unsecured = base_map.clone();
                for (k, v) in &replaced {
                    unsecured.insert((*k).into(), (*v).clone());
                }
                env.engine
                    .canonicalize(&Value::Object(unsecured))
                    .map(|c| hash.digest(c.as_bytes()))
            };
            let doc_hash = match doc_hash {
                Ok(h) => h,
                Err(e) => return ld_failure(&suite, vm, Ld::Credential, &e),
            };
            let config_canon = match env.engine.canonicalize(&Value::Object(config)) {
                Ok(c) => c,
                Err(e) => return ld_failure(&suite, vm, Ld::Proof, &e),
            };
            let mut h = hash.digest(config_canon.as_bytes());
            h.extend_from_slice(&doc_hash);
            h
        }
    };
    // ECDSA signs `hash_data` with the curve's hash; the signature is `r ‖ s` (64 / 96 bytes).
    let alg = match &key.key {
        PublicKey::P256(_) => JwsAlg::ES256,
        PublicKey::P384(_) => JwsAlg::ES384,
        _ => JwsAlg::EdDSA,
    };
    let checked = crate::pubkey::verify_jws(&key.key, alg, &hash_data, &sig_bytes);
    if let Err(SigError::Malformed(m) | SigError::WrongKey(m)) = &checked {
        return fail(text!("verify-proof-malformed", suite = &suite, detail = m).into());
    }
    match checked.is_ok() {
        true => ProofResult {
            report: report(
                &suite,
                Some(vm),
                Outcome::Pass,
                text!("verify-proof-valid", suite = &suite),
            ),
            controller: Some(key.controller),
            missing: None,
            unlinked: false,
            disclosure: None,
        },
        false => fail(text!("verify-proof-mismatch", suite = &suite).into()),
    }
}

/// Checks an `ecdsa-sd-2023` derived proof (see [`ecdsa_sd`]) once the key is known.
#[allow(clippy::too_many_arguments)]
fn verify_derived(
    suite: &str,
    vm: &str,
    d: &ecdsa_sd::Derived,
    proof: &Map<String, Value>,
    base: &Value,
    base_map: &Map<String, Value>,
    replaced: &[(&str, &Value)],
    key: &keys::ResolvedKey,
    env: &Env<'_>,
    rdf_doc: &mut Option<Result<String, LdError>>,
) -> ProofResult {
    let Some(doc_ctx) = replaced
        .iter()
        .find(|(k, _)| *k == "@context")
        .map(|(_, v)| *v)
        .or_else(|| base_map.get("@context"))
    else {
        return sd_failure(
            suite,
            vm,
            ecdsa_sd::SdError::Fail("the credential has no @context".into()),
        );
    };
    let mut config = proof.clone();
    config.remove("proofValue");
    config.insert("@context".into(), doc_ctx.clone());
    let config_canon = match env.engine.canonicalize(&Value::Object(config)) {
        Ok(c) => c,
        Err(e) => return ld_failure(suite, vm, Ld::Proof, &e),
    };
    let proof_hash = Sha256::digest(config_canon.as_bytes());
    let owned;
    let canonical = if replaced.is_empty() {
        match rdf_doc.get_or_insert_with(|| env.engine.canonicalize(base)) {
            Ok(c) => c.as_str(),
            Err(e) => return ld_failure(suite, vm, Ld::Credential, &e.clone()),
        }
    } else {
        let mut unsecured = base_map.clone();
        for (k, v) in replaced {
            unsecured.insert((*k).into(), (*v).clone());
        }
        owned = match env.engine.canonicalize(&Value::Object(unsecured)) {
            Ok(c) => c,
            Err(e) => return ld_failure(suite, vm, Ld::Credential, &e),
        };
        owned.as_str()
    };
    match ecdsa_sd::verify(d, &proof_hash, canonical, &key.key) {
        Ok(disclosure) => ProofResult {
            report: report(
                suite,
                Some(vm),
                Outcome::Pass,
                text!(
                    "verify-proof-valid-disclosed",
                    suite = suite,
                    statements = disclosure.statements,
                    mandatory = disclosure.mandatory
                ),
            ),
            controller: Some(key.controller.clone()),
            missing: None,
            unlinked: false,
            disclosure: Some(disclosure),
        },
        Err(e) => sd_failure(suite, vm, e),
    }
}

fn sd_failure(suite: &str, vm: &str, e: ecdsa_sd::SdError) -> ProofResult {
    let (outcome, message) = match e {
        ecdsa_sd::SdError::Fail(m) => (
            Outcome::Fail,
            text!("verify-proof-invalid-detail", suite = suite, detail = m),
        ),
        ecdsa_sd::SdError::Declined(m) => (
            Outcome::NotChecked,
            text!("verify-signature-unchecked-detail", detail = m),
        ),
    };
    ProofResult {
        report: report(suite, Some(vm), outcome, message),
        controller: None,
        missing: None,
        unlinked: false,
        disclosure: None,
    }
}

/// Why a proof of a suite this wallet does not check is "not checked", in words. An
/// `ecdsa-sd-2023` base proof (multibase `u`, CBOR tag `0xd95d00`) is what an issuer gives the
/// holder to derive disclosures from; it is not meant to be shown to anyone else.
fn unsupported_message(ty: &str, suite: &str) -> Text {
    if ty != "DataIntegrityProof" {
        return text!(
            "verify-proof-unsupported-type",
            proof_type = if ty.is_empty() { "(none)" } else { ty }
        );
    }
    if suite == "ecdsa-sd-2023" {
        return text!("verify-proof-sd-base");
    }
    text!("verify-proof-unsupported-suite", suite = suite)
}

/// What a JSON-LD error was found in.
#[derive(Clone, Copy)]
enum Ld {
    Credential,
    Proof,
}

/// A JSON-LD error as a proof result. A context this wallet does not hold, or a graph too
/// complex to canonicalize within bounds, means the signature *could not be checked*
/// (`NotChecked`: the card says `unverified`, never `invalid`); anything a JSON-LD
/// processor would drop, ignore or read two ways (safe mode) is a failure.
fn ld_failure(suite: &str, vm: &str, what: Ld, e: &LdError) -> ProofResult {
    let (outcome, message) = match e {
        LdError::UnsupportedContext(u) => (
            Outcome::NotChecked,
            match what {
                Ld::Credential => text!("verify-ld-credential-unknown-context", context = u),
                Ld::Proof => text!("verify-ld-proof-unknown-context", context = u),
            },
        ),
        LdError::TooComplex(m) => (
            Outcome::NotChecked,
            match what {
                Ld::Credential => text!("verify-ld-credential-too-complex", detail = m),
                Ld::Proof => text!("verify-ld-proof-too-complex", detail = m),
            },
        ),
        other => (
            Outcome::Fail,
            match what {
                Ld::Credential => text!("verify-ld-credential-error", detail = other.to_string()),
                Ld::Proof => text!("verify-ld-proof-error", detail = other.to_string()),
            },
        ),
    };
    ProofResult {
        report: report(suite, Some(vm), outcome, message),
        controller: None,
        missing: None,
        unlinked: false,
        disclosure: None,
    }
}

/// How the signed bytes are made from the document.
#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unsupported_suites_say_which() {
        // (proof, words of the message)
        let cases = [
            (
                json!({"type": "DataIntegrityProof", "cryptosuite": "bbs-2023"}),
                "unsupported cryptosuite bbs-2023",
            ),
            (
                json!({"type": "DataIntegrityProof", "cryptosuite": "ecdsa-sd-2023", "proofValue": "u2V0AhVhA"}),
                "base proof",
            ),
            (
                json!({"type": "DataIntegrityProof"}),
                "unsupported cryptosuite DataIntegrityProof",
            ),
            (
                json!({"type": "Ed25519Signature2018"}),
                "unsupported proof type Ed25519Signature2018",
            ),
            (json!({}), "unsupported proof type (none)"),
        ];
        for (proof, words) in cases {
            let proof = proof.as_object().unwrap();
            let ty = proof.get("type").and_then(Value::as_str).unwrap_or("");
            let m = unsupported_message(ty, &suite_of(proof)).english();
            assert!(m.contains(words), "{proof:?}: {m}");
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rdfc,
    Jcs,
    Ed2020,
    /// `ecdsa-sd-2023` (a derived proof: RDFC-1.0 statements, each signed).
    Sd,
}

/// Which signature scheme a suite uses (and so which keys it accepts).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    EdDsa,
    Ecdsa,
}

/// The hash of both halves of the signed data (proof configuration, document).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hash {
    Sha256,
    Sha384,
}

impl Hash {
    fn digest(self, b: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => Sha256::digest(b).to_vec(),
            Hash::Sha384 => Sha384::digest(b).to_vec(),
        }
    }
}

/// The proof's `@context` must be a prefix of the document's (vc-di-eddsa).
fn context_prefix(proof_ctx: &Value, doc_ctx: Option<&Value>) -> bool {
    let as_list = |v: &Value| -> Vec<Value> {
        match v {
            Value::Array(a) => a.clone(),
            other => vec![other.clone()],
        }
    };
    let Some(doc_ctx) = doc_ctx else {
        return false;
    };
    let p = as_list(proof_ctx);
    let d = as_list(doc_ctx);
    p.len() <= d.len() && p.iter().zip(d.iter()).all(|(a, b)| a == b)
}
