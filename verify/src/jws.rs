//! VC-JWT (VC 1.1, `vc` claim) and VC-JOSE (VC 2.0, the payload is the credential): compact
//! JWS signed with EdDSA, ES256, ES384, RS256/384/512 or PS256/384/512 ([`JwsAlg`]).
//!
//! Which key: an absolute `kid` (a DID URL, or an https URL of a controller document, JWK or
//! JWK set); a relative `kid` against an issuer DID; the issuer's own did:key / did:jwk; else
//! the header's `jwk`. A key counts as the issuer's only when it is bound to the issuer: a
//! key of the issuer's DID, one published on the issuer's own https origin, or one the
//! issuer's fetched https profile lists as an assertion method ([`profile_url`]). A header
//! `jwk` alone shows only that the token is unchanged since someone signed it: the signature
//! check passes, the issuer-key check warns, and the credential is never `verified`.
//! `alg: none` and HMAC algorithms are refused; so is any `crit` header (none is understood).

use std::collections::HashMap;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use crate::di::ProofResult;
use crate::keys::{self, KeyError, KeySource};
use crate::pubkey::{AlgRefusal, JwsAlg, PublicKey, SigError};
use crate::{Outcome, ProofReport, Said};
use wallet_core::report::Text;
use wallet_core::text;

/// A decoded compact JWS.
pub(crate) struct Jws {
    pub header: Value,
    pub payload: Value,
    signing_input: String,
    signature: Vec<u8>,
}

impl Jws {
    /// The signed bytes: `header.payload` as written.
    pub(crate) fn signing_input(&self) -> &str {
        &self.signing_input
    }
    /// The decoded signature.
    pub(crate) fn signature(&self) -> &[u8] {
        &self.signature
    }
}

pub(crate) fn decode(text: &str) -> Result<Jws, String> {
    let text = text.trim();
    let Ok(wallet_core::jws::Compact {
        header: h,
        payload: p,
        signature: s,
        signing_input,
    }) = wallet_core::jws::split(text)
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
        signing_input: signing_input.to_string(),
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

/// The verification method a JWS names: its `kid` when absolute (a DID URL or https URL),
/// or relative to an issuer that is a DID; else, without a `kid`, the issuer's own did:key /
/// did:jwk. `None` when the key is only in the header (`jwk`) or not given at all.
///
/// A relative `kid` with an https issuer and a header `jwk` is the header key's label, not a
/// fragment of the issuer's profile (OB 3.0 §8.2.4: the `jwk` carries the key), so it is not
/// looked up there.
pub(crate) fn method_of(jws: &Jws) -> Option<String> {
    let issuer = issuer_of(&jws.payload);
    let has_jwk = jws.header.get("jwk").is_some();
    match jws.header.get("kid").and_then(Value::as_str) {
        Some(kid) if kid.contains(':') => Some(kid.to_string()),
        Some(_) if has_jwk && !issuer.as_deref().is_some_and(|i| i.starts_with("did:")) => None,
        Some(kid) if kid.starts_with('#') => issuer.map(|i| format!("{i}{kid}")),
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

/// `scheme://host[:port]` of an http(s) URL, lower-cased; `None` for anything else.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    Some(format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

/// The issuer's profile to fetch when the token's key is bound to no one by itself (only a
/// header `jwk`, or an https `kid` on another origin than the issuer's) and the issuer's id
/// is an https URL: a profile that publishes the key as one of its assertion methods binds
/// it to the issuer ([`keys::published_by`]). `vm` is the token's [`method_of`].
pub(crate) fn profile_url(jws: &Jws, vm: Option<&str>) -> Option<String> {
    let issuer = issuer_of(&jws.payload)?;
    let own = origin(&issuer)?;
    if issuer.contains('#') || !issuer.starts_with("https://") {
        return None;
    }
    let unbound = match vm {
        None => jws.header.get("jwk").is_some(),
        Some(vm) => origin(vm).is_some_and(|o| o != own),
    };
    unbound.then_some(issuer)
}

/// The key that checks a JWS, and whose it is.
struct SigningKey {
    key: PublicKey,
    /// The key's controller when it is linked to someone; `None` for a key only the token
    /// itself carries.
    controller: Option<String>,
}

pub(crate) fn verify(jws: &Jws, resolved: &HashMap<String, Value>) -> ProofResult {
    let alg_name = jws.header.get("alg").and_then(Value::as_str).unwrap_or("");
    let suite = format!("JWS:{alg_name}");
    let vm = method_of(jws);
    let mk = |outcome: Outcome, said: Said, controller: Option<String>, missing| ProofResult {
        report: {
            let (message, text) = said.split();
            ProofReport {
                suite: suite.clone(),
                verification_method: vm.clone(),
                outcome,
                message,
                text,
            }
        },
        unlinked: outcome == Outcome::Pass && controller.is_none(),
        disclosure: None,
        controller,
        missing,
    };
    let fail = |t: Text| mk(Outcome::Fail, t.into(), None, None);
    let not_checked = |t: Text| mk(Outcome::NotChecked, t.into(), None, None);
    let alg = match JwsAlg::parse(alg_name) {
        Ok(a) => a,
        Err(AlgRefusal::Unsigned) => {
            return fail(text!("verify-jws-alg-none"));
        }
        Err(AlgRefusal::SharedSecret(a)) => {
            return fail(text!("verify-jws-shared-secret", alg = a));
        }
        Err(AlgRefusal::Unsupported(a)) => {
            return not_checked(text!("verify-alg-unsupported", alg = a));
        }
    };
    if let Some(crit) = jws.header.get("crit") {
        return fail(text!("verify-crit-unknown", crit = crit.to_string()));
    }
    let header_key = jws.header.get("jwk").map(PublicKey::from_jwk);
    let mut signing = match (&vm, header_key) {
        (Some(vm_id), header_key) => {
            let key = match keys::resolve(vm_id, resolved) {
                Ok(k) => k,
                Err(KeyError::Missing(url)) => {
                    return mk(
                        Outcome::NotChecked,
                        text!("verify-proof-key-missing", url = &url).into(),
                        None,
                        Some(url),
                    );
                }
                Err(KeyError::Unsupported(m)) => {
                    return not_checked(text!("verify-signature-unchecked-detail", detail = m));
                }
                Err(KeyError::Invalid(m)) => {
                    return fail(text!("verify-key-unusable", detail = m));
                }
            };
            match header_key {
                None => {}
                Some(Ok(k)) if k == key.key => {}
                Some(_) => {
                    return fail(text!("verify-jws-two-keys", kid = vm_id));
                }
            }
            let controller = match key.source {
                KeySource::Controlled => Some(key.controller),
                // A bare JWK or JWK set at an https URL names no controller: it is the
                // issuer's when it is published on the issuer's own https origin.
                KeySource::PublishedJwk => issuer_of(&jws.payload)
                    .filter(|i| origin(i).is_some_and(|o| Some(o) == origin(&key.controller))),
            };
            SigningKey {
                key: key.key,
                controller,
            }
        }
        (None, Some(Ok(key))) => SigningKey {
            key,
            controller: None,
        },
        (None, Some(Err(KeyError::Unsupported(m)))) => {
            return not_checked(text!("verify-signature-unchecked-detail", detail = m));
        }
        (None, Some(Err(KeyError::Invalid(m) | KeyError::Missing(m)))) => {
            return fail(text!("verify-jws-header-key-unusable", detail = m));
        }
        (None, None) => {
            return fail(text!("verify-jws-no-key"));
        }
    };
    // A key bound to no one by itself is the issuer's when the issuer's fetched profile
    // publishes it.
    let mut published = false;
    if signing.controller.is_none()
        && let Some(issuer) = profile_url(jws, vm.as_deref())
        && resolved
            .get(&issuer)
            .is_some_and(|doc| keys::published_by(&issuer, doc, &signing.key))
    {
        signing.controller = Some(issuer);
        published = true;
    }
    match crate::pubkey::verify_jws(
        &signing.key,
        alg,
        jws.signing_input.as_bytes(),
        &jws.signature,
    ) {
        Ok(()) => {
            let (alg, key) = (alg.name(), signing.key.label());
            let message = match &signing.controller {
                Some(issuer) if published => text!(
                    "verify-jws-valid-profile-key",
                    alg = alg,
                    key = key,
                    issuer = issuer
                ),
                Some(_) => text!("verify-jws-valid", alg = alg, key = key),
                None => text!("verify-jws-valid-own-key", alg = alg, key = key),
            };
            mk(Outcome::Pass, message.into(), signing.controller, None)
        }
        Err(SigError::WrongKey(m)) => fail(text!("verify-signature-wrong-key", detail = m)),
        Err(SigError::Malformed(m)) => fail(text!("verify-signature-malformed", detail = m)),
        Err(SigError::Mismatch) => fail(text!("verify-jws-mismatch")),
    }
}
