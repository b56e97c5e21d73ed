//! Credential status: Bitstring Status List (VC 2.0), Status List 2021 and the 1EdTech
//! Revocation List.
//!
//! Why this module exists: a valid signature says who issued a credential, not whether the
//! issuer still stands behind it. When a credential declares a `credentialStatus`, the wallet
//! may call it `verified` only after every declared entry was read from a status list that was
//! fetched (and, when the method signs its lists, whose own proof verified). The list is fetched
//! by the caller and passed in `resolved`; its signature is checked with the same engine.
//!
//! Three methods are read:
//! - **Bitstring Status List v1.0** (W3C Recommendation): purposes `revocation`, `suspension`
//!   (one bit each, `statusSize` 1 as the spec requires) and `message` (`statusSize` bits per
//!   entry, the value looked up in the entry's `statusMessage`; a message never revokes);
//! - **StatusList2021Entry** (the CCG draft Bitstring grew from): `revocation`, `suspension`;
//! - **1EdTechRevocationList** (1EdTech Revocation List Status Method 1.0, used by OB 3.0 / CLR
//!   2.0): the entry's `id` is the list's URL; the list is a JSON document `{id, issuer,
//!   revokedCredentials: [{id, revocationReason?}]}` that the method does not sign (it relies on
//!   HTTPS): the wallet checks that the list is the one the signed credential names, that it is
//!   for the credential's issuer, and whether it lists the credential's `id`. A list that does
//!   carry a proof must verify.
//!
//! It also says how long a fetched document stays fresh ([`fresh_until`]), so the shell knows
//! when a cached status list or key document must be fetched again.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};
use wallet_core::bidi::isolate;

use crate::Said;
use crate::di::{self, Env};
use crate::keys::list;
use crate::{Outcome, Status, time};
use wallet_core::report::Text;
use wallet_core::text;

/// The status entry types this wallet reads. Invariant: [`Method::parse`] knows exactly these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Method {
    Bitstring,
    StatusList2021,
    OneEdTech,
}

impl Method {
    const ALL: [Method; 3] = [Method::Bitstring, Method::StatusList2021, Method::OneEdTech];
    fn name(self) -> &'static str {
        match self {
            Method::Bitstring => "BitstringStatusListEntry",
            Method::StatusList2021 => "StatusList2021Entry",
            Method::OneEdTech => "1EdTechRevocationList",
        }
    }
    fn parse(s: &str) -> Option<Self> {
        Method::ALL.into_iter().find(|m| m.name() == s)
    }
    /// The member of the entry holding the list's URL.
    fn url_member(self) -> &'static str {
        match self {
            Method::OneEdTech => "id",
            Method::Bitstring | Method::StatusList2021 => "statusListCredential",
        }
    }
}

/// How long a fetched document stays fresh when it says nothing itself: 24 hours.
pub const DEFAULT_FRESH_SECONDS: i64 = 24 * 3600;

/// The largest `statusSize` read (a `message` entry needs 2^size messages, so real lists stay
/// far below this).
pub const MAX_STATUS_SIZE: u32 = 16;

/// What a status entry asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Purpose {
    Revocation,
    Suspension,
    /// Bitstring `message`: a value with a message; never revokes.
    Message,
}

impl Purpose {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "revocation" => Some(Purpose::Revocation),
            "suspension" => Some(Purpose::Suspension),
            "message" => Some(Purpose::Message),
            _ => None,
        }
    }
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Revocation => "revocation",
            Purpose::Suspension => "suspension",
            Purpose::Message => "message",
        }
    }
}

/// Why one status entry could not be read. Each variant is one reason a person is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Unchecked {
    /// The entry's `type` (or its purpose or size) is not one this wallet reads.
    Unsupported(Text),
    /// The entry itself is incomplete or contradicts its spec (no list URL, no index, a
    /// revocation entry of several bits).
    BadEntry(Text),
    /// The list is not among the fetched documents: offline, unreachable, or stale.
    NotFetched(String),
    /// The list was fetched but cannot be read (not a credential, bad encoding, index outside).
    Unreadable(String, Text),
    /// The list's own proof is missing or did not verify.
    BadSignature(String, Said),
}

impl Unchecked {
    /// In words.
    fn sentence(&self) -> Said {
        match self {
            Unchecked::Unsupported(t) | Unchecked::BadEntry(t) => t.clone().into(),
            Unchecked::NotFetched(url) => text!("verify-status-not-fetched", url = url).into(),
            Unchecked::Unreadable(url, why) => {
                text!("verify-status-list-unreadable", url = url, why = why).into()
            }
            Unchecked::BadSignature(url, Said::Typed(why)) => {
                text!("verify-status-list-bad-signature", url = url, why = why).into()
            }
            Unchecked::BadSignature(url, Said::English(why)) => {
                format!("The revocation list's signature ({url}) is not valid: {why}").into()
            }
        }
    }
}

/// What one entry said, once read from a fetched (and, where signed, verified) list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    /// A revocation or suspension bit (Bitstring or 2021 list).
    Bit { purpose: Purpose, set: bool },
    /// A 1EdTech revocation list: whether it lists the credential, and why.
    Listed {
        url: String,
        revoked: bool,
        reason: Option<String>,
        /// Whether the list carried a proof (which then verified).
        signed: bool,
    },
    /// A Bitstring `message` entry: the value read and the issuer's message for it.
    Message {
        value: u32,
        size: u32,
        text: Result<String, MessageGap>,
    },
}

impl Reading {
    /// Whether this reading takes the credential out of use (revoked or suspended).
    fn revokes(&self) -> bool {
        match self {
            Reading::Bit { set, .. } => *set,
            Reading::Listed { revoked, .. } => *revoked,
            Reading::Message { .. } => false,
        }
    }
    fn purpose(&self) -> Purpose {
        match self {
            Reading::Bit { purpose, .. } => *purpose,
            Reading::Listed { .. } => Purpose::Revocation,
            Reading::Message { .. } => Purpose::Message,
        }
    }
}

/// Why a `message` value has no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MessageGap {
    /// The entry gives no `statusMessage` list.
    NoMessages,
    /// The entry's `statusMessage` is not a list of `{status, message}`.
    Malformed,
    /// No message is given for this value.
    Unknown,
}

/// The result of reading every declared status entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The credential declares no `credentialStatus`.
    NoneDeclared,
    /// Every entry was tried: what was read, and what could not be.
    Read {
        readings: Vec<Reading>,
        unchecked: Vec<Unchecked>,
    },
}

impl Verdict {
    fn revoking(&self) -> Vec<&Reading> {
        match self {
            Verdict::Read { readings, .. } => readings.iter().filter(|r| r.revokes()).collect(),
            Verdict::NoneDeclared => Vec::new(),
        }
    }

    /// The card status this verdict forces, if any: a set revocation or suspension bit (or a
    /// listed credential) revokes; an unread entry forbids `verified` (the caller turns that
    /// into `unverified`). A `message` never changes the status.
    pub(crate) fn status(&self) -> Option<Status> {
        match self {
            Verdict::NoneDeclared => None,
            Verdict::Read { .. } if !self.revoking().is_empty() => Some(Status::Revoked),
            Verdict::Read { unchecked, .. } if !unchecked.is_empty() => Some(Status::Unverified),
            Verdict::Read { .. } => None,
        }
    }

    pub(crate) fn outcome(&self) -> Outcome {
        match self.status() {
            Some(Status::Revoked) => Outcome::Fail,
            Some(_) => Outcome::NotChecked,
            None if *self == Verdict::NoneDeclared => Outcome::NotChecked,
            None => Outcome::Pass,
        }
    }

    /// The status check's sentence; `signature_ok` says whether the credential's own
    /// signature was confirmed (only then does the message say so). It names each purpose
    /// read, and gives every status message.
    pub(crate) fn message(&self, signature_ok: bool) -> Said {
        let (readings, unchecked) = match self {
            Verdict::NoneDeclared => {
                return text!("verify-status-none").into();
            }
            Verdict::Read {
                readings,
                unchecked,
            } => (readings, unchecked),
        };
        let has = |p: Purpose| readings.iter().any(|r| r.purpose() == p);
        let revoking = self.revoking();
        let mut out: Vec<Said> = vec![];
        if !revoking.is_empty() {
            out.push(
                if revoking.iter().any(|r| r.purpose() == Purpose::Revocation) {
                    text!("verify-status-revoked")
                } else {
                    text!("verify-status-suspended")
                }
                .into(),
            );
        } else if !unchecked.is_empty() {
            out.push(
                if signature_ok {
                    text!("verify-status-unchecked-signature-valid")
                } else {
                    text!("verify-status-unchecked")
                }
                .into(),
            );
            out.extend(unchecked.iter().map(Unchecked::sentence));
        } else if has(Purpose::Revocation) && has(Purpose::Suspension) {
            out.push(text!("verify-status-neither").into());
        } else if has(Purpose::Suspension) {
            out.push(text!("verify-status-not-suspended").into());
        } else if has(Purpose::Revocation) {
            out.push(text!("verify-status-not-revoked").into());
        } else {
            out.push(text!("verify-status-none").into());
        }
        for r in readings {
            match r {
                Reading::Listed {
                    url,
                    revoked,
                    reason,
                    signed,
                } => {
                    let reason = reason.as_deref().map(isolate);
                    out.push(
                        match (*revoked, reason, *signed) {
                            (true, Some(reason), true) => text!(
                                "verify-status-1edtech-listed-reason-signed",
                                url = url,
                                reason = reason
                            ),
                            (true, Some(reason), false) => text!(
                                "verify-status-1edtech-listed-reason-unsigned",
                                url = url,
                                reason = reason
                            ),
                            (true, None, true) => {
                                text!("verify-status-1edtech-listed-signed", url = url)
                            }
                            (true, None, false) => {
                                text!("verify-status-1edtech-listed-unsigned", url = url)
                            }
                            (false, _, true) => {
                                text!("verify-status-1edtech-not-listed-signed", url = url)
                            }
                            (false, _, false) => {
                                text!("verify-status-1edtech-not-listed-unsigned", url = url)
                            }
                        }
                        .into(),
                    );
                }
                Reading::Message { value, size, text } => {
                    let v = format!("0x{value:x}");
                    out.push(
                        match text {
                            Ok(t) => {
                                text!("verify-status-message", message = isolate(t), value = v)
                            }
                            Err(MessageGap::Unknown) => {
                                text!("verify-status-message-unknown", value = v, bits = *size)
                            }
                            Err(MessageGap::NoMessages) => {
                                text!("verify-status-message-none", value = v, bits = *size)
                            }
                            Err(MessageGap::Malformed) => {
                                text!("verify-status-message-malformed", value = v, bits = *size)
                            }
                        }
                        .into(),
                    );
                }
                Reading::Bit { .. } => {}
            }
        }
        Said::join(out)
    }
}

/// The status list URLs a credential refers to.
pub(crate) fn list_urls(cred: &Map<String, Value>) -> Vec<String> {
    list(cred.get("credentialStatus"))
        .iter()
        .filter_map(|e| {
            let m = entry_type(e).ok()?;
            e.get(m.url_member()).and_then(Value::as_str)
        })
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
    let mut readings = Vec::new();
    let mut unchecked = Vec::new();
    for e in entries {
        match check_entry(e, cred, env) {
            Ok(r) => readings.push(r),
            Err(u) => unchecked.push(u),
        }
    }
    Verdict::Read {
        readings,
        unchecked,
    }
}

/// An entry whose status method is not one this wallet reads.
fn unsupported(method: &str) -> Unchecked {
    Unchecked::Unsupported(text!("verify-status-method-unsupported", method = method))
}

/// The entry's supported type (a string, or an array holding one).
fn entry_type(e: &Value) -> Result<Method, Unchecked> {
    match e.get("type") {
        Some(Value::String(t)) => Method::parse(t).ok_or_else(|| unsupported(t)),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .find_map(Method::parse)
            .ok_or_else(|| unsupported(&Value::Array(a.clone()).to_string())),
        Some(other) => Err(unsupported(&other.to_string())),
        None => Err(Unchecked::Unsupported(text!("verify-status-untyped"))),
    }
}

/// A non-negative integer given as a JSON number or a string of digits.
fn integer(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().ok()
        }
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// The list's own proof, checked: `Ok(true)` signed and valid, `Ok(false)` unsigned.
fn list_signature(
    url: &str,
    list_obj: &Map<String, Value>,
    env: &Env<'_>,
) -> Result<bool, Unchecked> {
    let proofs = di::verify_all(list_obj, env);
    if proofs.is_empty() {
        return Ok(false);
    }
    match proofs.iter().find(|p| p.report.outcome != Outcome::Pass) {
        Some(bad) => Err(Unchecked::BadSignature(
            url.to_string(),
            match &bad.report.text {
                Some(t) => t.clone().into(),
                None => bad.report.message.clone().into(),
            },
        )),
        None => Ok(true),
    }
}

/// A read entry, or why it could not be read.
fn check_entry(e: &Value, cred: &Map<String, Value>, env: &Env<'_>) -> Result<Reading, Unchecked> {
    let method = entry_type(e)?;
    if method == Method::OneEdTech {
        return check_1edtech(e, cred, env);
    }
    let ty = method.name();
    let purpose_s = match e.get("statusPurpose") {
        Some(Value::String(p)) => p.as_str(),
        Some(_) => {
            return Err(Unchecked::BadEntry(text!(
                "verify-status-entry-purpose-not-text"
            )));
        }
        None => "revocation",
    };
    let purpose = Purpose::parse(purpose_s)
        .filter(|p| method == Method::Bitstring || *p != Purpose::Message)
        .ok_or_else(|| {
            Unchecked::Unsupported(text!(
                "verify-status-purpose-unsupported",
                method = ty,
                purpose = purpose_s
            ))
        })?;
    // Bitstring Status List §2.1: `statusSize` bits per entry (1 when absent); revocation
    // and suspension are single bits.
    let size = match e.get("statusSize") {
        None => 1,
        Some(v) => match integer(v) {
            Some(n) if (1..=u64::from(MAX_STATUS_SIZE)).contains(&n) => n as u32,
            Some(n) if n > 0 => {
                return Err(Unchecked::Unsupported(text!(
                    "verify-status-size-unsupported",
                    method = ty,
                    size = n,
                    max = MAX_STATUS_SIZE
                )));
            }
            _ => {
                return Err(Unchecked::BadEntry(text!(
                    "verify-status-entry-size-invalid",
                    value = v.to_string()
                )));
            }
        },
    };
    if size != 1 && purpose != Purpose::Message {
        return Err(Unchecked::BadEntry(text!(
            "verify-status-entry-size-not-one",
            purpose = purpose.as_str(),
            size = size
        )));
    }
    let url = e
        .get("statusListCredential")
        .and_then(Value::as_str)
        .ok_or(Unchecked::BadEntry(text!("verify-status-entry-no-list")))?;
    let index = e
        .get("statusListIndex")
        .and_then(integer)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or(Unchecked::BadEntry(text!("verify-status-entry-no-index")))?;
    let unreadable = |why: Text| Unchecked::Unreadable(url.to_string(), why);
    let list_vc = env
        .resolved
        .get(url)
        .ok_or_else(|| Unchecked::NotFetched(url.to_string()))?;
    let list_obj = list_vc
        .as_object()
        .ok_or_else(|| unreadable(text!("verify-status-why-not-object")))?;
    // The list must itself carry a valid signature.
    if !list_signature(url, list_obj, env)? {
        return Err(Unchecked::BadSignature(
            url.to_string(),
            text!("verify-status-list-unsigned").into(),
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
                return Err(unreadable(text!("verify-status-why-expired", date = until)));
            }
            Some(_) => {}
            None => return Err(unreadable(text!("verify-status-why-until-invalid"))),
        }
    }
    let subject = list(list_obj.get("credentialSubject"))
        .first()
        .and_then(Value::as_object)
        .ok_or_else(|| unreadable(text!("verify-status-why-no-subject")))?;
    // The list's purpose (one, or several for a Bitstring list) must include the entry's.
    if let Some(p) = subject.get("statusPurpose") {
        let purposes: Vec<&str> = list(Some(p)).iter().filter_map(Value::as_str).collect();
        if !purposes.contains(&purpose.as_str()) {
            return Err(unreadable(text!(
                "verify-status-why-other-purpose",
                purposes = purposes.join(", "),
                purpose = purpose.as_str()
            )));
        }
    }
    let encoded = subject
        .get("encodedList")
        .and_then(Value::as_str)
        .ok_or_else(|| unreadable(text!("verify-status-why-no-encoded-list")))?;
    let bits = decode_list(encoded).map_err(|e| {
        unreadable(match e {
            ListError::Base64 => text!("verify-status-why-not-base64url"),
            ListError::Gzip => text!("verify-status-why-not-gzip"),
        })
    })?;
    let value = read_value(&bits, index, size)
        .ok_or_else(|| unreadable(text!("verify-status-why-index-outside")))?;
    Ok(match purpose {
        Purpose::Message => Reading::Message {
            value,
            size,
            text: status_message(e.get("statusMessage"), value),
        },
        purpose => Reading::Bit {
            purpose,
            set: value != 0,
        },
    })
}

/// The message the entry's `statusMessage` gives for `value` (`[{status: "0x1", message}]`,
/// Bitstring Status List §2.1; `status` a hexadecimal string).
fn status_message(messages: Option<&Value>, value: u32) -> Result<String, MessageGap> {
    let items = match messages {
        None => return Err(MessageGap::NoMessages),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(MessageGap::Malformed),
    };
    let mut found = None;
    for item in items {
        let (Some(status), Some(message)) = (
            item.get("status").and_then(Value::as_str),
            item.get("message").and_then(Value::as_str),
        ) else {
            return Err(MessageGap::Malformed);
        };
        let hex = status
            .strip_prefix("0x")
            .or_else(|| status.strip_prefix("0X"))
            .ok_or(MessageGap::Malformed)?;
        let v = u32::from_str_radix(hex, 16).map_err(|_| MessageGap::Malformed)?;
        if v == value {
            // Two messages for one value: which one the issuer meant is unknown.
            if found.is_some() {
                return Err(MessageGap::Malformed);
            }
            found = Some(message.to_string());
        }
    }
    found.ok_or(MessageGap::Unknown)
}

/// The `size`-bit value of entry `index`: bits `index·size … index·size + size − 1` of the
/// list, where bit 0 is the most significant bit of byte 0 (Bitstring Status List §4.2: the
/// left-most bit is index 0) and the first bit read is the value's most significant.
pub(crate) fn read_value(bits: &[u8], index: usize, size: u32) -> Option<u32> {
    if size == 0 || size > 32 {
        return None;
    }
    let start = index.checked_mul(size as usize)?;
    let end = start.checked_add(size as usize)?;
    if end > bits.len().checked_mul(8)? {
        return None;
    }
    Some((start..end).fold(0u32, |v, p| {
        (v << 1) | u32::from((bits[p / 8] >> (7 - p % 8)) & 1)
    }))
}

/// The 1EdTech Revocation List Status Method: the entry's `id` is the list's URL.
fn check_1edtech(
    e: &Value,
    cred: &Map<String, Value>,
    env: &Env<'_>,
) -> Result<Reading, Unchecked> {
    let url = e
        .get("id")
        .and_then(Value::as_str)
        .ok_or(Unchecked::BadEntry(text!(
            "verify-status-entry-1edtech-no-list"
        )))?;
    let unreadable = |why: Text| Unchecked::Unreadable(url.to_string(), why);
    let own_id = cred
        .get("id")
        .and_then(Value::as_str)
        .ok_or(Unchecked::BadEntry(text!(
            "verify-status-entry-1edtech-no-id"
        )))?;
    let doc = env
        .resolved
        .get(url)
        .ok_or_else(|| Unchecked::NotFetched(url.to_string()))?
        .as_object()
        .ok_or_else(|| unreadable(text!("verify-status-why-not-object")))?;
    // The list says which list it is, and whose.
    match doc.get("id").and_then(Value::as_str) {
        Some(id) if id == url => {}
        Some(id) => {
            return Err(unreadable(text!(
                "verify-status-why-other-list",
                id = id,
                url = url
            )));
        }
        None => return Err(unreadable(text!("verify-status-why-no-id"))),
    }
    let list_issuer = match doc.get("issuer") {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str),
        _ => None,
    }
    .ok_or_else(|| unreadable(text!("verify-status-why-no-issuer")))?;
    let cred_issuer = crate::issuer_id_of(cred).unwrap_or_default();
    if list_issuer != cred_issuer {
        return Err(unreadable(text!(
            "verify-status-why-other-issuer",
            list_issuer = list_issuer,
            issuer = &cred_issuer
        )));
    }
    let revoked = match doc.get("revokedCredentials") {
        Some(Value::Array(a)) => a,
        _ => return Err(unreadable(text!("verify-status-why-no-revoked-list"))),
    };
    let mut hit = None;
    for item in revoked {
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| unreadable(text!("verify-status-why-entry-no-id")))?;
        if id == own_id && hit.is_none() {
            hit = Some(
                item.get("revocationReason")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            );
        }
    }
    let signed = list_signature(url, doc, env)?;
    Ok(Reading::Listed {
        url: url.to_string(),
        revoked: hit.is_some(),
        reason: hit.flatten(),
        signed,
    })
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

/// Why an encoded list cannot be decoded.
#[derive(Debug)]
pub(crate) enum ListError {
    /// Not base64url.
    Base64,
    /// Not GZIP data.
    Gzip,
}

/// Multibase base64url (`u…`, Bitstring) or plain base64url (2021) of a
/// GZIP stream → the bitstring bytes.
pub(crate) fn decode_list(encoded: &str) -> Result<Vec<u8>, ListError> {
    let b64 = encoded.strip_prefix('u').unwrap_or(encoded);
    let gz = URL_SAFE_NO_PAD
        .decode(b64.trim_end_matches('='))
        .or_else(|_| URL_SAFE_NO_PAD.decode(encoded.trim_end_matches('=')))
        .map_err(|_| ListError::Base64)?;
    gunzip(&gz).ok_or(ListError::Gzip)
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
