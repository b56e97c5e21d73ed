//! Credential status: Bitstring Status List (VC 2.0) and Status List 2021.
//! The status list credential is fetched by the caller and passed in
//! `resolved`; its own signature is checked with the same engine.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use crate::di::{self, Env};
use crate::keys::list;
use crate::{Outcome, Status};

/// The outcome of the status check.
pub(crate) struct StatusResult {
    pub outcome: Outcome,
    pub message: String,
    /// `Some(Status::Revoked)` when a revocation or suspension bit is set.
    pub status: Option<Status>,
}

const TYPES: &[&str] = &["BitstringStatusListEntry", "StatusList2021Entry"];

/// The status list URLs a credential refers to.
pub(crate) fn list_urls(cred: &Map<String, Value>) -> Vec<String> {
    list(cred.get("credentialStatus"))
        .iter()
        .filter(|e| {
            e.get("type")
                .and_then(Value::as_str)
                .is_some_and(|t| TYPES.contains(&t))
        })
        .filter_map(|e| e.get("statusListCredential").and_then(Value::as_str))
        .map(str::to_string)
        .collect()
}

pub(crate) fn check(cred: &Map<String, Value>, env: &Env<'_>) -> StatusResult {
    let entries = list(cred.get("credentialStatus"));
    if entries.is_empty() {
        return StatusResult {
            outcome: Outcome::NotChecked,
            message: "The issuer publishes no revocation status for this credential.".into(),
            status: None,
        };
    }
    let mut messages = Vec::new();
    let mut all_checked = true;
    for e in entries {
        let ty = e.get("type").and_then(Value::as_str).unwrap_or("");
        if !TYPES.contains(&ty) {
            all_checked = false;
            messages.push(format!(
                "The status method {} is not supported.",
                if ty.is_empty() { "(untyped)" } else { ty }
            ));
            continue;
        }
        match check_entry(e, env) {
            Ok(None) => {}
            Ok(Some(purpose)) => {
                let word = if purpose == "suspension" {
                    "suspended"
                } else {
                    "revoked"
                };
                return StatusResult {
                    outcome: Outcome::Fail,
                    message: format!("The issuer has {word} this credential."),
                    status: Some(Status::Revoked),
                };
            }
            Err(m) => {
                all_checked = false;
                messages.push(m);
            }
        }
    }
    if all_checked {
        StatusResult {
            outcome: Outcome::Pass,
            message: "The issuer has not revoked this credential.".into(),
            status: None,
        }
    } else {
        StatusResult {
            outcome: Outcome::NotChecked,
            message: messages.join(" "),
            status: None,
        }
    }
}

/// `Ok(Some(purpose))` when the bit is set, `Ok(None)` when clear.
fn check_entry(e: &Value, env: &Env<'_>) -> Result<Option<String>, String> {
    let url = e
        .get("statusListCredential")
        .and_then(Value::as_str)
        .ok_or("The status entry names no status list.")?;
    let purpose = e
        .get("statusPurpose")
        .and_then(Value::as_str)
        .unwrap_or("revocation");
    let index: usize = match e.get("statusListIndex") {
        Some(Value::String(s)) => s.parse().ok(),
        Some(Value::Number(n)) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        _ => None,
    }
    .ok_or("The status entry has no valid index.")?;
    let list_vc = env.resolved.get(url).ok_or_else(|| {
        format!("The revocation list ({url}) could not be checked: the wallet is offline or has not fetched it.")
    })?;
    let list_obj = list_vc
        .as_object()
        .ok_or("The revocation list is not a JSON object.")?;
    // The list must itself carry a valid signature.
    let proofs = di::verify_all(list_obj, env);
    if proofs.is_empty() {
        return Err("The revocation list is not signed.".into());
    }
    if let Some(bad) = proofs.iter().find(|p| p.report.outcome != Outcome::Pass) {
        return Err(format!(
            "The revocation list's signature could not be confirmed: {}",
            bad.report.message
        ));
    }
    let subject = list_obj
        .get("credentialSubject")
        .and_then(Value::as_object)
        .ok_or("The revocation list has no subject.")?;
    if let Some(p) = subject.get("statusPurpose").and_then(Value::as_str)
        && p != purpose
    {
        return Err(format!(
            "The status list is for {p}, but the credential asks about {purpose}."
        ));
    }
    let encoded = subject
        .get("encodedList")
        .and_then(Value::as_str)
        .ok_or("The revocation list has no encodedList.")?;
    let bits = decode_list(encoded)?;
    let byte = bits
        .get(index / 8)
        .ok_or("The status index is outside the revocation list.")?;
    let set = byte & (0x80 >> (index % 8)) != 0;
    Ok(set.then(|| purpose.to_string()))
}

/// Multibase base64url (`u…`, Bitstring) or plain base64url (2021) of a
/// GZIP stream → the bitstring bytes.
pub(crate) fn decode_list(encoded: &str) -> Result<Vec<u8>, String> {
    let b64 = encoded.strip_prefix('u').unwrap_or(encoded);
    let gz = URL_SAFE_NO_PAD
        .decode(b64.trim_end_matches('='))
        .or_else(|_| URL_SAFE_NO_PAD.decode(encoded.trim_end_matches('=')))
        .map_err(|_| "The revocation list is not base64url.".to_string())?;
    gunzip(&gz).ok_or_else(|| "The revocation list is not valid GZIP data.".to_string())
}

fn gunzip(data: &[u8]) -> Option<Vec<u8>> {
    if data.len() < 18 || data[0] != 0x1f || data[1] != 0x8b || data[2] != 8 {
        return None;
    }
    let flags = data[3];
    let mut pos = 10usize;
    if flags & 0x04 != 0 {
        let xlen = usize::from(*data.get(pos)?) | usize::from(*data.get(pos + 1)?) << 8;
        pos += 2 + xlen;
    }
    for bit in [0x08u8, 0x10] {
        if flags & bit != 0 {
            let end = data.get(pos..)?.iter().position(|&b| b == 0)?;
            pos += end + 1;
        }
    }
    if flags & 0x02 != 0 {
        pos += 2;
    }
    let body = data.get(pos..data.len().checked_sub(8)?)?;
    // 16 MiB is far beyond any real list (the minimum is 16 KiB).
    miniz_oxide::inflate::decompress_to_vec_with_limit(body, 16 << 20).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn decodes_dcc_list() {
        let bits = super::decode_list(
            "uH4sIAAAAAAAAA-3BMQEAAAwCoGUx6aLbwgvIHwAAAAAAAAAAAAAAwFwBZnztF9QwAAA",
        )
        .unwrap();
        assert_eq!(bits.len(), 12_500); // 100 000 entries
        assert!(super::decode_list("u!!").is_err());
        assert!(super::decode_list("uAAAA").is_err());
    }
}
