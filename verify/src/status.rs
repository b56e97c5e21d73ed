//! Credential status: Bitstring Status List (VC 2.0) and Status List 2021.
//!
//! Why this module exists: a valid signature says who issued a credential, not whether the
//! issuer still stands behind it. When a credential declares a `credentialStatus`, the wallet
//! may call it `verified` only after every declared entry was read from a status list that was
//! fetched and whose own proof verified. The list is fetched by the caller and passed in
//! `resolved`; its signature is checked with the same engine.
//!
//! It also says how long a fetched document stays fresh ([`fresh_until`]), so the shell knows
//! when a cached status list or key document must be fetched again.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use crate::di::{self, Env};
use crate::keys::list;
use crate::{Outcome, Status, time};

const TYPES: &[&str] = &["BitstringStatusListEntry", "StatusList2021Entry"];

/// How long a fetched document stays fresh when it says nothing itself: 24 hours.
pub const DEFAULT_FRESH_SECONDS: i64 = 24 * 3600;

/// What a status entry asks about. Only these two are understood; any other purpose
/// (e.g. Bitstring `message`) makes the status "not checked".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Purpose {
    Revocation,
    Suspension,
}

impl Purpose {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "revocation" => Some(Purpose::Revocation),
            "suspension" => Some(Purpose::Suspension),
            _ => None,
        }
    }
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Revocation => "revocation",
            Purpose::Suspension => "suspension",
        }
    }
}

/// Why one status entry could not be read. Each variant is one reason a person is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Unchecked {
    /// The entry's `type` (or its purpose or size) is not one this wallet reads.
    Unsupported(String),
    /// The entry itself is incomplete (no list URL, no index).
    BadEntry(&'static str),
    /// The list is not among the fetched documents: offline, unreachable, or stale.
    NotFetched(String),
    /// The list was fetched but cannot be read (not a credential, bad encoding, index outside).
    Unreadable(String, String),
    /// The list's own proof is missing or did not verify.
    BadSignature(String, String),
}

impl Unchecked {
    fn sentence(&self) -> String {
        match self {
            Unchecked::Unsupported(what) => {
                format!("The status method {what} is not supported by this wallet.")
            }
            Unchecked::BadEntry(why) => format!("The credential's status entry {why}."),
            Unchecked::NotFetched(url) => format!(
                "The revocation list ({url}) was not fetched: the wallet is offline, the list's server could not be reached, or the last copy is out of date."
            ),
            Unchecked::Unreadable(url, why) => {
                format!("The revocation list ({url}) is unreadable: {why}")
            }
            Unchecked::BadSignature(url, why) => {
                format!("The revocation list's signature ({url}) is not valid: {why}")
            }
        }
    }
}

/// The result of reading every declared status entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The credential declares no `credentialStatus`.
    NoneDeclared,
    /// Every entry was read from a verified list and no bit is set.
    Clear { purposes: Vec<Purpose> },
    /// At least one bit is set (this wins over entries that could not be read).
    Set { purposes: Vec<Purpose> },
    /// No bit found set, but at least one entry could not be read.
    NotChecked(Vec<Unchecked>),
}

impl Verdict {
    /// The card status this verdict forces, if any: a set bit revokes; an unread entry
    /// forbids `verified` (the caller turns that into `unverified`).
    pub(crate) fn status(&self) -> Option<Status> {
        match self {
            Verdict::Set { .. } => Some(Status::Revoked),
            Verdict::NotChecked(_) => Some(Status::Unverified),
            Verdict::NoneDeclared | Verdict::Clear { .. } => None,
        }
    }

    pub(crate) fn outcome(&self) -> Outcome {
        match self {
            Verdict::NoneDeclared | Verdict::NotChecked(_) => Outcome::NotChecked,
            Verdict::Clear { .. } => Outcome::Pass,
            Verdict::Set { .. } => Outcome::Fail,
        }
    }

    /// The status check's sentence; `signature_ok` says whether the credential's own
    /// signature was confirmed (only then does the message say so).
    pub(crate) fn message(&self, signature_ok: bool) -> String {
        match self {
            Verdict::NoneDeclared => {
                "The issuer publishes no revocation status for this credential.".into()
            }
            Verdict::Clear { purposes } => {
                if purposes.contains(&Purpose::Suspension)
                    && purposes.contains(&Purpose::Revocation)
                {
                    "The issuer has neither revoked nor suspended this credential.".into()
                } else if purposes.contains(&Purpose::Suspension) {
                    "The issuer has not suspended this credential.".into()
                } else {
                    "The issuer has not revoked this credential.".into()
                }
            }
            Verdict::Set { purposes } => {
                if purposes.contains(&Purpose::Revocation) {
                    "The issuer has revoked this credential.".into()
                } else {
                    "The issuer has suspended this credential: it is not valid while suspended (suspended, not revoked: the issuer may lift the suspension).".into()
                }
            }
            Verdict::NotChecked(reasons) => {
                let lead = if signature_ok {
                    "The signature is valid, but revocation could not be checked."
                } else {
                    "Revocation could not be checked."
                };
                let mut out = lead.to_string();
                for r in reasons {
                    out.push(' ');
                    out.push_str(&r.sentence());
                }
                out
            }
        }
    }
}

/// The status list URLs a credential refers to.
pub(crate) fn list_urls(cred: &Map<String, Value>) -> Vec<String> {
    list(cred.get("credentialStatus"))
        .iter()
        .filter(|e| entry_type(e).is_ok())
        .filter_map(|e| e.get("statusListCredential").and_then(Value::as_str))
        .map(str::to_string)
        .collect()
}

/// Reads every status entry of `cred`. Every entry is read (none is skipped once a bit is
/// found), so the report names every reason an entry could not be checked.
pub(crate) fn check(cred: &Map<String, Value>, env: &Env<'_>) -> Verdict {
    let entries = list(cred.get("credentialStatus"));
    if entries.is_empty() {
        return Verdict::NoneDeclared;
    }
    let mut set = Vec::new();
    let mut clear = Vec::new();
    let mut unchecked = Vec::new();
    for e in entries {
        match check_entry(e, env) {
            Ok((purpose, true)) => set.push(purpose),
            Ok((purpose, false)) => clear.push(purpose),
            Err(u) => unchecked.push(u),
        }
    }
    if !set.is_empty() {
        Verdict::Set { purposes: set }
    } else if !unchecked.is_empty() {
        Verdict::NotChecked(unchecked)
    } else {
        Verdict::Clear { purposes: clear }
    }
}

/// The entry's supported type (a string, or an array holding one).
fn entry_type(e: &Value) -> Result<&'static str, Unchecked> {
    let known = |t: &str| TYPES.iter().copied().find(|k| *k == t);
    match e.get("type") {
        Some(Value::String(t)) => known(t).ok_or_else(|| Unchecked::Unsupported(t.clone())),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .find_map(known)
            .ok_or_else(|| Unchecked::Unsupported(Value::Array(a.clone()).to_string())),
        Some(other) => Err(Unchecked::Unsupported(other.to_string())),
        None => Err(Unchecked::Unsupported("(untyped)".into())),
    }
}

/// `Ok((purpose, bit))` when the entry was read from a fetched, verified list.
fn check_entry(e: &Value, env: &Env<'_>) -> Result<(Purpose, bool), Unchecked> {
    let ty = entry_type(e)?;
    let purpose_s = match e.get("statusPurpose") {
        Some(Value::String(p)) => p.as_str(),
        Some(_) => return Err(Unchecked::BadEntry("has a statusPurpose that is not text")),
        None => "revocation",
    };
    let purpose = Purpose::parse(purpose_s)
        .ok_or_else(|| Unchecked::Unsupported(format!("{ty} with the purpose “{purpose_s}”")))?;
    // Bitstring entries may use several bits per entry (`statusSize`); only 1 is read here.
    match e.get("statusSize") {
        None => {}
        Some(v) if v.as_u64() == Some(1) || v.as_str() == Some("1") => {}
        Some(v) => {
            return Err(Unchecked::Unsupported(format!(
                "{ty} with a statusSize of {v}"
            )));
        }
    }
    let url = e
        .get("statusListCredential")
        .and_then(Value::as_str)
        .ok_or(Unchecked::BadEntry("names no status list"))?;
    let index: usize = match e.get("statusListIndex") {
        Some(Value::String(s)) => s.parse().ok(),
        Some(Value::Number(n)) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        _ => None,
    }
    .ok_or(Unchecked::BadEntry("has no valid index"))?;
    let unreadable = |why: &str| Unchecked::Unreadable(url.to_string(), why.to_string());
    let list_vc = env
        .resolved
        .get(url)
        .ok_or_else(|| Unchecked::NotFetched(url.to_string()))?;
    let list_obj = list_vc
        .as_object()
        .ok_or_else(|| unreadable("it is not a JSON object."))?;
    // The list must itself carry a valid signature.
    let proofs = di::verify_all(list_obj, env);
    if proofs.is_empty() {
        return Err(Unchecked::BadSignature(
            url.to_string(),
            "the list is not signed.".into(),
        ));
    }
    if let Some(bad) = proofs.iter().find(|p| p.report.outcome != Outcome::Pass) {
        return Err(Unchecked::BadSignature(
            url.to_string(),
            bad.report.message.clone(),
        ));
    }
    // A list past its own validUntil says nothing about today.
    if let (Some(until), Some(now)) = (
        list_obj
            .get("validUntil")
            .or_else(|| list_obj.get("expirationDate"))
            .and_then(Value::as_str),
        env.now,
    ) {
        match time::parse_datetime(until) {
            Some(t) if now - env.skew > t => {
                return Err(unreadable(&format!("the list expired on {until}.")));
            }
            Some(_) => {}
            None => return Err(unreadable("its validUntil is not a valid date.")),
        }
    }
    let subject = list(list_obj.get("credentialSubject"))
        .first()
        .and_then(Value::as_object)
        .ok_or_else(|| unreadable("it has no subject."))?;
    if let Some(p) = subject.get("statusPurpose").and_then(Value::as_str)
        && p != purpose.as_str()
    {
        return Err(unreadable(&format!(
            "the list is for {p}, but the credential asks about {}.",
            purpose.as_str()
        )));
    }
    let encoded = subject
        .get("encodedList")
        .and_then(Value::as_str)
        .ok_or_else(|| unreadable("it has no encodedList."))?;
    let bits = decode_list(encoded).map_err(|m| unreadable(&m))?;
    let byte = bits
        .get(index / 8)
        .ok_or_else(|| unreadable("the credential's index is outside the list."))?;
    Ok((purpose, byte & (0x80 >> (index % 8)) != 0))
}

/// Whether `doc` is a status list credential (Bitstring or 2021).
fn is_status_list(doc: &Map<String, Value>) -> bool {
    const LIST_TYPES: &[&str] = &[
        "BitstringStatusListCredential",
        "StatusList2021Credential",
        "BitstringStatusList",
        "StatusList2021",
    ];
    let has = |v: Option<&Value>| {
        list(v)
            .iter()
            .any(|t| t.as_str().is_some_and(|t| LIST_TYPES.contains(&t)))
    };
    has(doc.get("type"))
        || list(doc.get("credentialSubject"))
            .iter()
            .any(|s| has(s.get("type")))
}

/// Until when (Unix seconds) a document fetched at `fetched_at` (Unix seconds) may be used.
///
/// A status list credential is fresh until the earliest of its own `validUntil` (or
/// `expirationDate`) and `fetched_at + ttl` (Bitstring `ttl`, in milliseconds, on its
/// subject); when it gives neither, and for every other document (DID documents, key
/// documents, hosted assertions), 24 hours after it was fetched. Total: any input gives an
/// answer; unreadable dates and `ttl`s are ignored.
pub fn fresh_until(doc: &Value, fetched_at: i64) -> i64 {
    let default = fetched_at.saturating_add(DEFAULT_FRESH_SECONDS);
    let Some(obj) = doc.as_object().filter(|o| is_status_list(o)) else {
        return default;
    };
    let until = obj
        .get("validUntil")
        .or_else(|| obj.get("expirationDate"))
        .and_then(Value::as_str)
        .and_then(time::parse_datetime);
    let ttl = list(obj.get("credentialSubject"))
        .iter()
        .filter_map(|s| s.get("ttl"))
        .find_map(|t| match t {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        })
        .filter(|ms| ms.is_finite())
        // ms → whole seconds, clamped (a negative ttl means "already stale").
        .map(|ms| {
            fetched_at.saturating_add((ms / 1000.0).clamp(0.0, i64::MAX as f64 / 2.0) as i64)
        });
    match (until, ttl) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => default,
    }
}

/// Whether a document fetched at `fetched_at` may still be used at `now` (both RFC 3339).
/// A copy stamped later than `now` (plus five minutes of clock difference) is not trusted
/// to be fresh; unreadable times are never fresh.
pub fn is_fresh(doc: &Value, fetched_at: &str, now: &str) -> bool {
    match (time::parse_datetime(fetched_at), time::parse_datetime(now)) {
        (Some(f), Some(n)) => f <= n.saturating_add(300) && n < fresh_until(doc, f),
        _ => false,
    }
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
