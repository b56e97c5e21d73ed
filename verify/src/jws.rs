//! VC-JWT / VC-JOSE: compact JWS with `alg` EdDSA (Ed25519).

use std::collections::HashMap;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::Signature;
use serde_json::Value;

use crate::di::ProofResult;
use crate::keys::{self, KeyError};
use crate::{Outcome, ProofReport};

/// A decoded compact JWS.
pub(crate) struct Jws {
    pub header: Value,
    pub payload: Value,
    signing_input: String,
    signature: Vec<u8>,
}

pub(crate) fn decode(text: &str) -> Result<Jws, String> {
    let text = text.trim();
    let mut parts = text.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("it is not a compact JWS (three parts separated by dots)".into());
    };
    let dec = |part: &str, what: &str| {
        URL_SAFE_NO_PAD
            .decode(part.trim_end_matches('='))
            .map_err(|_| format!("its {what} is not base64url"))
    };
    // Strict JSON: a duplicate member name is refused (see wallet_core::json).
    let header: Value = wallet_core::json::from_slice_described(&dec(h, "header")?, "its header")?;
    let payload: Value =
        wallet_core::json::from_slice_described(&dec(p, "payload")?, "its payload")?;
    Ok(Jws {
        header,
        payload,
        signing_input: format!("{h}.{p}"),
        signature: dec(s, "signature")?,
    })
}

/// The credential inside a JWT payload: the `vc` claim (VC-JWT 1.1) or the
/// payload itself (VC-JOSE 2.0).
pub(crate) fn credential_of(payload: &Value) -> &Value {
    payload
        .get("vc")
        .filter(|v| v.is_object())
        .unwrap_or(payload)
}

/// The issuer id of a JWT credential: `iss`, else the credential's issuer.
pub(crate) fn issuer_of(payload: &Value) -> Option<String> {
    if let Some(iss) = payload.get("iss").and_then(Value::as_str) {
        return Some(iss.to_string());
    }
    crate::issuer_id(credential_of(payload))
}

/// The verification method a JWS names: `kid` (absolute, or relative to the
/// issuer), else the issuer's own did:key / did:jwk.
pub(crate) fn method_of(jws: &Jws) -> Option<String> {
    let issuer = issuer_of(&jws.payload);
    match jws.header.get("kid").and_then(Value::as_str) {
        Some(kid) if kid.starts_with('#') => issuer.map(|i| format!("{i}{kid}")),
        Some(kid) if kid.contains(':') => Some(kid.to_string()),
        Some(kid) => issuer.map(|i| format!("{i}#{kid}")),
        None => {
            let i = issuer?;
            if i.starts_with("did:key:") {
                let mb = i.trim_start_matches("did:key:").to_string();
                Some(format!("{i}#{mb}"))
            } else if i.starts_with("did:jwk:") {
                Some(format!("{i}#0"))
            } else {
                None
            }
        }
    }
}

pub(crate) fn verify(jws: &Jws, resolved: &HashMap<String, Value>) -> ProofResult {
    let alg = jws.header.get("alg").and_then(Value::as_str).unwrap_or("");
    let suite = format!("JWS:{alg}");
    let vm = method_of(jws);
    let mk = |outcome, message: String, controller, missing| ProofResult {
        report: ProofReport {
            suite: suite.clone(),
            verification_method: vm.clone(),
            outcome,
            message,
        },
        controller,
        missing,
    };
    if alg != "EdDSA" && alg != "Ed25519" {
        return mk(
            Outcome::NotChecked,
            format!(
                "The signature could not be checked: unsupported algorithm {}.",
                if alg.is_empty() { "(none)" } else { alg }
            ),
            None,
            None,
        );
    }
    if let Some(crit) = jws.header.get("crit") {
        return mk(
            Outcome::Fail,
            format!("The signature requires extensions this wallet does not know ({crit})."),
            None,
            None,
        );
    }
    let Some(vm_id) = vm.clone() else {
        return mk(
            Outcome::Fail,
            "The signature does not say which key made it (no kid, and the issuer is not a did:key or did:jwk).".into(),
            None,
            None,
        );
    };
    let key = match keys::resolve(&vm_id, resolved) {
        Ok(k) => k,
        Err(KeyError::Missing(url)) => {
            return mk(
                Outcome::NotChecked,
                format!(
                    "The signature could not be checked: the issuer's key document ({url}) is needed and the wallet is offline or has not fetched it."
                ),
                None,
                Some(url),
            );
        }
        Err(KeyError::Unsupported(m)) => {
            return mk(
                Outcome::NotChecked,
                format!("The signature could not be checked: {m}."),
                None,
                None,
            );
        }
        Err(KeyError::Invalid(m)) => {
            return mk(
                Outcome::Fail,
                format!("The signing key is not usable: {m}."),
                None,
                None,
            );
        }
    };
    let Ok(sig) = <[u8; 64]>::try_from(jws.signature.as_slice()) else {
        return mk(
            Outcome::Fail,
            "The signature is not a 64-byte Ed25519 signature.".into(),
            None,
            None,
        );
    };
    match crate::ed25519::verify_strict(
        &key.key,
        jws.signing_input.as_bytes(),
        &Signature::from_bytes(&sig),
    ) {
        true => mk(
            Outcome::Pass,
            "The EdDSA (Ed25519) signature is valid.".into(),
            Some(key.controller),
            None,
        ),
        false => mk(
            Outcome::Fail,
            "The signature does not match: the credential was changed after it was signed, or signed with another key.".into(),
            None,
            None,
        ),
    }
}
