//! `wallet-verify`: pure verification of the credentials the wallet holds.
//!
//! No network, no clock, no `web-sys`: the caller passes the current time and
//! every document fetched from the web (did:web documents, https controller
//! documents, status lists, OB 2.0 hosted assertions) in a [`VerifyContext`].
//! [`needed_documents`] says which URLs to fetch.
//!
//! What is checked (see `README.md` for details and sources):
//! - Data Integrity proofs `eddsa-rdfc-2022`, `eddsa-jcs-2022` and
//!   `Ed25519Signature2020` (proof sets and chains), with JSON-LD contexts
//!   bundled in the crate and a safe mode that rejects undefined terms;
//! - VC-JWT / VC-JOSE compact JWS with `alg` EdDSA, ES256, ES384, RS256/384/512 and
//!   PS256/384/512 ([`pubkey`]);
//! - keys from `did:key`, `did:jwk`, `did:web`, https controller documents, JWKs and
//!   JWK sets, and that the key belongs to the issuer;
//! - signed Open Badges 2.0 assertions ([`ob2`]: PEM keys, issuer profile, revocation list);
//! - validity dates (with clock skew), Bitstring / 2021 / 1EdTech status lists ([`status`]);
//! - embedded endorsements, each verified on its own ([`endorse`]);
//! - each credential nested in a CLR 2.0, on its own ([`clr`]);
//! - issuer trust against the user's list (a warning only).

pub mod banner;
pub mod clr;
pub mod di;
mod ecdsa;
mod ecdsa_sd;
pub mod ed25519;
pub mod endorse;
pub mod fastld;
pub mod jcs;
pub mod jsonld;
pub mod jws;
pub mod keys;
pub mod ob2;
pub mod pubkey;
pub mod rdfc;
pub mod status;
pub mod time;
pub mod trust;

pub use status::{DEFAULT_FRESH_SECONDS, fresh_until, is_fresh};

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};
use wallet_core::report::{Text, TextArg};
use wallet_core::{Credential, Format, Original, text};

use crate::di::{Env, ProofResult};
use crate::jsonld::LdEngine;

/// What the caller supplies: the time, fetched documents, trusted issuers.
#[derive(Clone, Copy, Debug)]
pub struct VerifyContext<'a> {
    /// The current time, RFC 3339 (e.g. `2025-06-01T12:00:00Z`).
    pub now: &'a str,
    /// Allowed clock difference, in seconds, for validity dates.
    pub skew_seconds: i64,
    /// Pre-fetched documents keyed by URL: did:web documents (by their
    /// `https://…/did.json` URL or by the DID), https controller documents
    /// (URL without fragment), status list credentials, OB 2.0 hosted
    /// assertions.
    pub resolved: &'a HashMap<String, Value>,
    /// Issuer ids (DIDs or URLs) the user trusts.
    pub trusted_issuers: &'a [String],
}

/// The card status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Verified,
    Invalid,
    Expired,
    NotYetValid,
    Revoked,
    Unverified,
}

impl Status {
    /// The string the card shows / styles on.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Invalid => "invalid",
            Status::Expired => "expired",
            Status::NotYetValid => "not-yet-valid",
            Status::Revoked => "revoked",
            Status::Unverified => "unverified",
        }
    }
}

/// The outcome of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Pass,
    Fail,
    NotChecked,
    Warn,
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// `format`, `signature`, `disclosure` (ecdsa-sd-2023 only), `issuer-key`, `validity`,
    /// `status`, `issuer-trust`.
    pub id: &'static str,
    pub outcome: Outcome,
    /// A sentence a person understands, in English: `text` rendered in English when `text`
    /// is given (so they never differ).
    pub message: String,
    /// The sentence typed, to be shown in the reader's language (`wallet_core::report::Text`);
    /// None for the sentences not yet in `verify.ftl` (shown in English).
    pub text: Option<Text>,
}

/// The result of one proof (or the JWS signature).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProofReport {
    /// `eddsa-rdfc-2022`, `eddsa-jcs-2022`, `Ed25519Signature2020`, `JWS:EdDSA`, …
    pub suite: String,
    pub verification_method: Option<String>,
    pub outcome: Outcome,
    /// In English; `text` rendered in English when given.
    pub message: String,
    /// The sentence typed (see [`Check::text`]).
    pub text: Option<Text>,
}

/// A sentence of the verifier: typed (a message of `verify.ftl`, shown in the reader's
/// language), or English only (a sentence not yet translated). Both become a `message` in
/// English and an optional `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Said {
    Typed(Text),
    English(String),
}

impl Said {
    /// `(message, text)`: the English sentence, and the typed one if any.
    pub(crate) fn split(self) -> (String, Option<Text>) {
        match self {
            Said::Typed(t) => (t.english(), Some(t)),
            Said::English(m) => (m, None),
        }
    }

    /// Sentences one after the other, separated by a space: typed when all of them are
    /// (`verify-sentences`), else in English.
    pub(crate) fn join(parts: Vec<Said>) -> Said {
        if parts.iter().all(|p| matches!(p, Said::Typed(_))) {
            let mut texts = parts.into_iter().filter_map(|p| match p {
                Said::Typed(t) => Some(t),
                Said::English(_) => None,
            });
            let Some(first) = texts.next() else {
                return Said::English(String::new());
            };
            Said::Typed(texts.fold(first, |acc, next| {
                text!("verify-sentences", first = acc, then = next)
            }))
        } else {
            Said::English(
                parts
                    .into_iter()
                    .map(|p| p.split().0)
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        }
    }

    /// What a sentence built on this one gets as its argument: the typed sentence (rendered
    /// in the same language), else the English words.
    pub(crate) fn of(message: &str, text: &Option<Text>) -> TextArg {
        match text {
            Some(t) => t.into(),
            None => message.into(),
        }
    }
}

impl From<Text> for Said {
    fn from(t: Text) -> Self {
        Said::Typed(t)
    }
}
impl From<String> for Said {
    fn from(m: String) -> Self {
        Said::English(m)
    }
}
impl From<&str> for Said {
    fn from(m: &str) -> Self {
        Said::English(m.to_string())
    }
}

/// The name of a credential format in a sentence: the standards' names as they are; how an
/// Open Badges 2.0 badge is verified in the reader's language.
fn format_name(format: Format) -> TextArg {
    match format {
        Format::Ob2Hosted => text!("format-ob2-hosted").into(),
        Format::Ob2Signed => text!("format-ob2-signed").into(),
        f => f.label().into(),
    }
}

/// The document a report's facts come from, and so what the wallet shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "url", rename_all = "kebab-case")]
pub enum Source {
    /// The credential as presented (held in the wallet, or in the link).
    #[default]
    Presented,
    /// An OB 2.0 hosted assertion as fetched from this URL: the issuer's copy is the source of
    /// truth (its dates, its badge, its expiry), and the presented copy only points to it.
    Hosted(String),
}

/// The verification report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub status: Status,
    pub checks: Vec<Check>,
    pub proofs: Vec<ProofReport>,
    /// Which document was checked (and is to be shown).
    pub source: Source,
    /// The embedded endorsements, each verified on its own (`endorse.rs`); they never
    /// change `status`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub endorsements: Vec<endorse::EndorsementReport>,
    /// A CLR's nested credentials, each verified on its own ([`clr`]); they never change
    /// `status`. Empty for every other credential.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nested: Vec<clr::NestedReport>,
}

impl Report {
    /// The check with this id.
    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }
}

/// Holds the bundled JSON-LD contexts and the processed-context cache; reuse
/// one across credentials.
#[derive(Default)]
pub struct Verifier {
    engine: LdEngine,
}

thread_local! {
    static VERIFIER: Verifier = Verifier::new();
}

/// Verify a credential with a thread-local [`Verifier`] (contexts cached).
pub fn verify(credential: &Credential, ctx: &VerifyContext<'_>) -> Report {
    VERIFIER.with(|v| v.verify(credential, ctx))
}

/// Forget the keys decoded and precomputed so far, as if none had been seen (for
/// benchmarks of a key's first use; processed contexts stay cached).
pub fn forget_keys() {
    keys::forget_decoded_keys();
    ed25519::forget_keys();
}

/// URLs the caller should fetch (when online) and pass in
/// [`VerifyContext::resolved`]: did:web documents, https verification-method
/// documents, status lists, OB 2.0 hosted assertions.
pub fn needed_documents(credential: &Credential) -> Vec<String> {
    needed_documents_with(credential, &HashMap::new())
}

/// [`needed_documents`] given the documents already `resolved`: a chain of documents is
/// discovered one link at a time (a signed OB 2.0 assertion names its key and badge; the
/// badge names its issuer; the issuer's profile names its revocation list — [`ob2`]). Fetch
/// what this returns and is not resolved, then ask again with what arrived, until nothing
/// new comes (at most four rounds). Total; for every other credential the same as
/// [`needed_documents`]. A CLR's nested credentials are verified too: their documents follow
/// the CLR's own.
pub fn needed_documents_with(
    credential: &Credential,
    resolved: &HashMap<String, Value>,
) -> Vec<String> {
    let mut out = own_documents(credential, resolved);
    for n in credential.clr.iter().flat_map(|r| &r.nested) {
        if let wallet_core::Nested::Parsed(c) = n {
            for u in own_documents(c, resolved) {
                if !out.contains(&u) {
                    out.push(u);
                }
            }
        }
    }
    out
}

/// [`needed_documents_with`] of the credential itself and its endorsements (not of what it
/// nests).
fn own_documents(credential: &Credential, resolved: &HashMap<String, Value>) -> Vec<String> {
    if credential.format == Format::Ob2Signed
        && let Original::Jws(text) = &credential.original
    {
        return match jws::decode(text) {
            Ok(j) => j
                .payload
                .as_object()
                .map(|a| ob2::needed(a, resolved))
                .unwrap_or_default(),
            Err(_) => Vec::new(),
        };
    }
    let mut out = documents_alone(credential);
    for e in endorse::embedded(credential) {
        for u in documents_alone(&e) {
            if !out.contains(&u) {
                out.push(u);
            }
        }
    }
    out
}

/// [`needed_documents`] of the credential alone (not its endorsements nor what it nests).
fn documents_alone(credential: &Credential) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |u: String| {
        if !out.contains(&u) {
            out.push(u);
        }
    };
    match &credential.original {
        Original::Json(text) => {
            let Ok(Value::Object(doc)) = wallet_core::json::from_str(text) else {
                return out;
            };
            if matches!(credential.format, Format::Ob2Hosted | Format::Ob2Signed) {
                if let Some(u) = ob2_hosted_url(credential, &doc) {
                    push(u);
                }
                return out;
            }
            for p in keys::list(doc.get("proof")) {
                if let Some(u) = p
                    .get("verificationMethod")
                    .and_then(Value::as_str)
                    .and_then(keys::document_url)
                {
                    push(u);
                }
            }
            for u in status::list_urls(&doc) {
                push(u);
            }
        }
        Original::Jws(text) => {
            let Ok(j) = jws::decode(text) else {
                return out;
            };
            let vm = jws::method_of(&j);
            if let Some(u) = vm.as_deref().and_then(keys::document_url) {
                push(u);
            }
            if let Some(u) = jws::profile_url(&j, vm.as_deref()) {
                push(u);
            }
            if let Some(c) = jws::credential_of(&j.payload).as_object() {
                for u in status::list_urls(c) {
                    push(u);
                }
            }
        }
    }
    out
}

/// The status list URLs among [`needed_documents`]: the documents whose fetch time is
/// "when revocation was last checked".
pub fn status_documents(credential: &Credential) -> Vec<String> {
    status_documents_with(credential, &HashMap::new())
}

/// [`status_documents`] given the documents already resolved (a signed OB 2.0 assertion's
/// revocation list is named by its issuer's fetched profile).
pub fn status_documents_with(
    credential: &Credential,
    resolved: &HashMap<String, Value>,
) -> Vec<String> {
    let mut out = match &credential.original {
        Original::Jws(text) if credential.format == Format::Ob2Signed => jws::decode(text)
            .ok()
            .and_then(|j| {
                j.payload
                    .as_object()
                    .map(|a| ob2::list_documents(a, resolved))
            })
            .unwrap_or_default(),
        Original::Json(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(doc))
                if !matches!(credential.format, Format::Ob2Hosted | Format::Ob2Signed) =>
            {
                status::list_urls(&doc)
            }
            _ => Vec::new(),
        },
        Original::Jws(text) => jws::decode(text)
            .ok()
            .and_then(|j| {
                jws::credential_of(&j.payload)
                    .as_object()
                    .map(status::list_urls)
            })
            .unwrap_or_default(),
    };
    let mut seen = std::collections::HashSet::new();
    out.retain(|u| seen.insert(u.clone()));
    out
}

/// The issuer id of a credential JSON: `issuer` string or `issuer.id`.
pub(crate) fn issuer_id(cred: &Value) -> Option<String> {
    issuer_id_of(cred.as_object()?)
}

/// [`issuer_id`] of a credential object.
pub(crate) fn issuer_id_of(cred: &Map<String, Value>) -> Option<String> {
    match cred.get("issuer")? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

fn check(id: &'static str, outcome: Outcome, said: impl Into<Said>) -> Check {
    let (message, text) = said.into().split();
    Check {
        id,
        outcome,
        message,
        text,
    }
}

/// A check whose sentence is a proof's.
fn check_of(id: &'static str, outcome: Outcome, proof: &ProofReport) -> Check {
    Check {
        id,
        outcome,
        message: proof.message.clone(),
        text: proof.text.clone(),
    }
}

/// Validity dates found in a credential.
enum Validity {
    Ok(Text),
    Expired(Text),
    NotYet(Text),
    Malformed(Text),
    NoClock,
}

impl Verifier {
    pub fn new() -> Self {
        Verifier {
            engine: LdEngine::new(),
        }
    }

    /// Number of processed `@context` values cached so far.
    pub fn cached_contexts(&self) -> usize {
        self.engine.cached_contexts()
    }

    /// See [`needed_documents`].
    pub fn needed_documents(&self, credential: &Credential) -> Vec<String> {
        needed_documents(credential)
    }

    /// Verify one credential, each endorsement embedded in it (`endorse.rs`) and, for a CLR,
    /// each credential it nests (`clr.rs`).
    pub fn verify(&self, credential: &Credential, ctx: &VerifyContext<'_>) -> Report {
        let mut report = self.verify_one(credential, ctx);
        report.endorsements = endorse::check(self, credential, ctx);
        if let Some(record) = &credential.clr {
            report.nested = clr::verify_nested(self, record, ctx);
        }
        report
    }

    /// Verify one credential's own proof, dates and status (not its endorsements or nested
    /// credentials).
    pub(crate) fn verify_one(&self, credential: &Credential, ctx: &VerifyContext<'_>) -> Report {
        let now = time::parse_datetime(ctx.now);
        let env = Env {
            engine: &self.engine,
            resolved: ctx.resolved,
            now,
            skew: ctx.skew_seconds.max(0),
        };
        match &credential.original {
            Original::Json(text) => match wallet_core::json::from_str(text) {
                Ok(Value::Object(mut doc)) => {
                    if matches!(credential.format, Format::Ob2Hosted | Format::Ob2Signed) {
                        self.verify_ob2(credential, &doc, ctx, now)
                    } else {
                        // The document without `proof` is what the proofs sign and what
                        // the other checks read; split it once instead of copying it.
                        let proofs = doc.remove("proof");
                        let base = Value::Object(doc);
                        let results = di::verify_split(&base, keys::list(proofs.as_ref()), &env);
                        let doc = base.as_object().expect("built as an object above");
                        finish(credential, doc, results, &env, ctx, None)
                    }
                }
                Ok(_) => invalid_format(text!("verify-not-json-object")),
                Err(e) if wallet_core::json::is_duplicate_error(&e) => {
                    invalid_format(text!("verify-duplicate-member", detail = e.to_string()))
                }
                Err(_) => invalid_format(text!("verify-not-json")),
            },
            Original::Jws(text) => match jws::decode(text) {
                Ok(j) if credential.format == Format::Ob2Signed => {
                    ob2::verify(&j, credential, ctx, now)
                }
                Ok(j) => {
                    let result = jws::verify(&j, ctx.resolved);
                    let mut cred = match jws::credential_of(&j.payload) {
                        Value::Object(o) => o.clone(),
                        _ => Map::new(),
                    };
                    // JWT claims that carry issuer and validity.
                    if !cred.contains_key("issuer")
                        && let Some(iss) = j.payload.get("iss")
                    {
                        cred.insert("issuer".into(), iss.clone());
                    }
                    // `nbf` / `exp` bound the credential's own dates: the later start and
                    // the earlier end win (a claim the reader cannot read is an error, never
                    // "no limit").
                    let mut claim_error = None;
                    for (claim, keys, later) in [
                        ("nbf", ["validFrom", "issuanceDate"], true),
                        ("exp", ["validUntil", "expirationDate"], false),
                    ] {
                        match jwt_claim_date(j.payload.get(claim), later) {
                            Ok(None) => {}
                            Ok(Some((t, text))) => tighten(&mut cred, keys, t, text, later),
                            Err(ClaimError::NotNumber) => {
                                claim_error =
                                    Some(text!("verify-jwt-claim-not-number", claim = claim))
                            }
                            Err(ClaimError::OutOfRange) => {
                                claim_error =
                                    Some(text!("verify-jwt-claim-out-of-range", claim = claim))
                            }
                        }
                    }
                    // The issuer in `iss` and in the credential must agree; so must `jti` and
                    // the credential's id, `sub` and its subject's id (VC-JWT 1.1 §6.3.1: each
                    // claim stands for that property, so two values could be shown).
                    let subject_id = match cred.get("credentialSubject") {
                        Some(Value::Object(o)) => o.get("id"),
                        _ => None,
                    };
                    let differs =
                        |claim: &str, own: Option<&Value>| match (j.payload.get(claim), own) {
                            (Some(a), Some(b)) if a != b => Some((a.clone(), b.clone())),
                            (Some(a), None) if !a.is_string() => Some((a.clone(), Value::Null)),
                            _ => None,
                        };
                    let mismatch = match (
                        j.payload.get("iss").and_then(Value::as_str),
                        issuer_id_of(&cred),
                    ) {
                        (Some(a), Some(b)) if a != b => {
                            Some(text!("verify-jwt-iss-differs", token = a, credential = b))
                        }
                        _ => match (differs("jti", cred.get("id")), differs("sub", subject_id)) {
                            (Some((a, b)), _) => Some(text!(
                                "verify-jwt-jti-differs",
                                token = a.to_string(),
                                credential = b.to_string()
                            )),
                            (None, Some((a, b))) => Some(text!(
                                "verify-jwt-sub-differs",
                                token = a.to_string(),
                                credential = b.to_string()
                            )),
                            (None, None) => claim_error,
                        },
                    };
                    finish(credential, &cred, vec![result], &env, ctx, mismatch)
                }
                Err(e) => invalid_format(text!("verify-jws-unreadable", detail = e.to_string())),
            },
        }
    }

    fn verify_ob2(
        &self,
        credential: &Credential,
        doc: &Map<String, Value>,
        ctx: &VerifyContext<'_>,
        now: Option<i64>,
    ) -> Report {
        let mut checks = vec![check(
            "format",
            Outcome::Pass,
            text!(
                "verify-format-badge",
                format = format_name(credential.format)
            ),
        )];
        let issuer = credential.issuer.id.clone();
        let hosted_url = ob2_hosted_url(credential, doc);
        let hosted = hosted_url.as_ref().and_then(|u| ctx.resolved.get(u));
        let mut status = Status::Unverified;
        let mut signature_ok = false;
        // The issuer's hosted copy, once it is known to be this assertion, is what counts.
        let mut source = Source::Presented;
        match (credential.format, hosted) {
            (Format::Ob2Signed, _) => {
                checks.push(check(
                    "signature",
                    Outcome::NotChecked,
                    text!("verify-ob2-signed-as-json"),
                ));
            }
            (_, None) => {
                checks.push(check(
                    "signature",
                    Outcome::NotChecked,
                    text!("verify-ob2-hosted-needed"),
                ));
            }
            (_, Some(h)) => {
                let same = |k: &str| h.get(k).is_some() && h.get(k) == doc.get(k);
                if h.get("revoked").and_then(Value::as_bool) == Some(true) {
                    let revoked = match h.get("revocationReason").and_then(Value::as_str) {
                        Some(r) => text!("verify-ob2-revoked-reason", reason = r),
                        None => text!("verify-ob2-revoked"),
                    };
                    checks.push(check(
                        "signature",
                        Outcome::Pass,
                        text!("verify-ob2-hosted"),
                    ));
                    checks.push(check("status", Outcome::Fail, revoked));
                    status = Status::Revoked;
                    signature_ok = true;
                    source = Source::Hosted(hosted_url.clone().unwrap_or_default());
                } else if same("id") && same("badge") && same("recipient") {
                    checks.push(check(
                        "signature",
                        Outcome::Pass,
                        text!("verify-ob2-hosted-same"),
                    ));
                    signature_ok = true;
                    source = Source::Hosted(hosted_url.clone().unwrap_or_default());
                } else {
                    checks.push(check(
                        "signature",
                        Outcome::Fail,
                        text!("verify-ob2-hosted-differs"),
                    ));
                    status = Status::Invalid;
                }
                // The hosted URL must be on the issuer's domain.
                let host = |u: &str| {
                    u.split_once("://").map(|(_, r)| {
                        r.split(['/', '?', '#'])
                            .next()
                            .unwrap_or("")
                            .to_ascii_lowercase()
                    })
                };
                let same_host = match (
                    hosted_url.as_deref().and_then(host),
                    issuer.as_deref().and_then(host),
                ) {
                    (Some(a), Some(b)) => a == b,
                    _ => false,
                };
                if same_host {
                    checks.push(check(
                        "issuer-key",
                        Outcome::Pass,
                        text!("verify-ob2-on-issuer-site"),
                    ));
                } else {
                    checks.push(check(
                        "issuer-key",
                        Outcome::Fail,
                        text!("verify-ob2-not-on-issuer-site"),
                    ));
                    status = Status::Invalid;
                    signature_ok = false;
                    source = Source::Presented;
                }
            }
        }
        // Validity: OB 2.0 `expires`, of the hosted copy when that is the source of truth (an
        // issuer shortens or sets an expiry there; the presented copy cannot lift it).
        let expires = match (&source, hosted) {
            (Source::Hosted(_), Some(h)) => h.get("expires"),
            _ => doc.get("expires"),
        };
        let validity = ob2_expiry(expires, now, ctx);
        let vstatus = push_validity(&mut checks, validity);
        if signature_ok && status == Status::Unverified {
            status = vstatus.unwrap_or(Status::Verified);
        }
        if !checks.iter().any(|c| c.id == "status") {
            checks.push(check(
                "status",
                if signature_ok {
                    Outcome::Pass
                } else {
                    Outcome::NotChecked
                },
                if signature_ok {
                    text!("verify-ob2-not-revoked")
                } else {
                    text!("verify-ob2-revocation-needs-server")
                },
            ));
        }
        checks.push(trust_check(issuer.as_deref(), signature_ok, ctx));
        Report {
            status,
            checks,
            proofs: Vec::new(),
            source,
            endorsements: Vec::new(),
            nested: Vec::new(),
        }
    }
}

/// A JWT NumericDate claim (RFC 7519 §2: seconds, "non-integer values can be represented"):
/// `Ok(None)` when absent, else the whole second (rounded up when `up`, so a bound is never
/// loosened) and its RFC 3339 text; an error for anything else (a string, NaN, out of range).
fn jwt_claim_date(v: Option<&Value>, up: bool) -> Result<Option<(i64, String)>, ClaimError> {
    let Some(v) = v else { return Ok(None) };
    let n = v.as_number().ok_or(ClaimError::NotNumber)?;
    let secs = if let Some(i) = n.as_i64() {
        i
    } else {
        let f = n
            .as_f64()
            .filter(|f| f.is_finite() && f.abs() < 1e15)
            .ok_or(ClaimError::OutOfRange)?;
        (if up { f.ceil() } else { f.floor() }) as i64
    };
    let text = wallet_core::parse::unix_to_rfc3339(secs).ok_or(ClaimError::OutOfRange)?;
    Ok(Some((secs, text)))
}

/// Why a JWT date claim cannot be read.
enum ClaimError {
    /// It is not a number of seconds (a NumericDate).
    NotNumber,
    OutOfRange,
}

/// Bound the credential's start (`later`: the later one wins) or end date by a JWT claim. A
/// credential date that is not a valid date is left for the validity check to refuse.
fn tighten(cred: &mut Map<String, Value>, keys: [&str; 2], t: i64, text: String, later: bool) {
    let own = keys.iter().find_map(|k| {
        cred.get(*k)
            .map(|v| v.as_str().and_then(time::parse_datetime))
    });
    let keep_own = match own {
        None => false,
        Some(None) => true,
        Some(Some(o)) => (later && o >= t) || (!later && o <= t),
    };
    if !keep_own {
        cred.remove(keys[1]);
        cred.insert(keys[0].into(), Value::String(text));
    }
}

fn ob2_hosted_url(credential: &Credential, doc: &Map<String, Value>) -> Option<String> {
    credential
        .verify_url
        .clone()
        .or_else(|| doc.get("id").and_then(Value::as_str).map(str::to_string))
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
}

fn invalid_format(message: Text) -> Report {
    Report {
        status: Status::Invalid,
        checks: vec![check("format", Outcome::Fail, message)],
        proofs: Vec::new(),
        source: Source::Presented,
        endorsements: Vec::new(),
        nested: Vec::new(),
    }
}

fn validity_of(cred: &Map<String, Value>, now: Option<i64>, skew: i64) -> Validity {
    let date = |k: &'static str| cred.get(k).map(|v| (k, v));
    let from = date("validFrom").or_else(|| date("issuanceDate"));
    let until = date("validUntil").or_else(|| date("expirationDate"));
    let mut parsed = [None, None];
    for (slot, d) in parsed.iter_mut().zip([from, until]) {
        if let Some((k, v)) = d {
            match v.as_str().and_then(time::parse_datetime) {
                Some(t) => *slot = Some((t, v.as_str().unwrap_or("").to_string())),
                None => {
                    return Validity::Malformed(text!("verify-date-invalid", property = k));
                }
            }
        }
    }
    let Some(now) = now else {
        return Validity::NoClock;
    };
    if let Some((t, s)) = &parsed[1]
        && now - skew > *t
    {
        return Validity::Expired(text!("verify-expired", date = s));
    }
    if let Some((t, s)) = &parsed[0]
        && now + skew < *t
    {
        return Validity::NotYet(text!("verify-not-yet-valid", date = s));
    }
    Validity::Ok(match &parsed[1] {
        Some((_, s)) => text!("verify-valid-until", date = s),
        None => text!("verify-no-expiry"),
    })
}

/// Push the validity check; returns the status it implies, if any.
/// Open Badges 2.0 `expires` (hosted or signed), read the one way both OB 2.0 paths read it:
/// absent or null never expires, anything but a date-time is malformed, and an expiry counts
/// only past the allowed clock skew.
fn ob2_expiry(expires: Option<&Value>, now: Option<i64>, ctx: &VerifyContext<'_>) -> Validity {
    match expires {
        None | Some(Value::Null) => Validity::Ok(text!("verify-badge-no-expiry")),
        Some(v) => match (v.as_str().and_then(time::parse_datetime), now) {
            (None, _) => Validity::Malformed(text!("verify-badge-expiry-invalid")),
            (_, None) => Validity::NoClock,
            (Some(t), Some(n)) if n - ctx.skew_seconds.max(0) > t => Validity::Expired(text!(
                "verify-badge-expired",
                date = v.as_str().unwrap_or("")
            )),
            (Some(_), Some(_)) => Validity::Ok(text!(
                "verify-badge-valid-until",
                date = v.as_str().unwrap_or("")
            )),
        },
    }
}

fn push_validity(checks: &mut Vec<Check>, v: Validity) -> Option<Status> {
    match v {
        Validity::Ok(m) => {
            checks.push(check("validity", Outcome::Pass, m));
            None
        }
        Validity::Expired(m) => {
            checks.push(check("validity", Outcome::Fail, m));
            Some(Status::Expired)
        }
        Validity::NotYet(m) => {
            checks.push(check("validity", Outcome::Fail, m));
            Some(Status::NotYetValid)
        }
        Validity::Malformed(m) => {
            checks.push(check("validity", Outcome::Fail, m));
            Some(Status::Invalid)
        }
        Validity::NoClock => {
            checks.push(check(
                "validity",
                Outcome::NotChecked,
                text!("verify-no-clock"),
            ));
            None
        }
    }
}

fn trust_check(issuer: Option<&str>, signature_ok: bool, ctx: &VerifyContext<'_>) -> Check {
    let trusted = issuer.is_some_and(|i| ctx.trusted_issuers.iter().any(|t| t == i));
    match (signature_ok, trusted) {
        (_, true) => check(
            "issuer-trust",
            if signature_ok {
                Outcome::Pass
            } else {
                Outcome::NotChecked
            },
            if signature_ok {
                text!("verify-trust-listed")
            } else {
                text!("verify-trust-listed-unconfirmed")
            },
        ),
        (true, false) => check(
            "issuer-trust",
            Outcome::Warn,
            text!("verify-trust-unlisted-valid"),
        ),
        (false, false) => check(
            "issuer-trust",
            Outcome::NotChecked,
            text!("verify-trust-unlisted"),
        ),
    }
}

/// Why a credential's `@context` is not a Verifiable Credential context list, if it is not.
fn first_context_error(ctx: Option<&Value>) -> Option<Text> {
    const VC2: &str = "https://www.w3.org/ns/credentials/v2";
    const VC1: &str = "https://www.w3.org/2018/credentials/v1";
    let first = match ctx {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(Value::Array(list)) => list.first().and_then(Value::as_str),
        _ => None,
    };
    match first {
        Some(VC2) | Some(VC1) => None,
        Some(other) => Some(text!(
            "verify-context-first",
            context = other,
            vc2 = VC2,
            vc1 = VC1
        )),
        None => Some(text!("verify-context-missing")),
    }
}

/// VC Data Model (1.1 §4.3, 2.0 §4.5): a credential states its `type` — including
/// `VerifiableCredential` — under that name, and has a `credentialSubject`. Written as
/// `@type` or left out, the RDF can still match the signature, but readers disagree on what
/// the document is (Digital Bazaar's verifier refuses it).
fn data_model_error(cred: &Map<String, Value>) -> Option<Text> {
    let is_vc = match cred.get("type") {
        Some(Value::String(t)) => t == "VerifiableCredential",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "VerifiableCredential"),
        _ => false,
    };
    if !is_vc {
        return Some(text!("verify-not-vc-type"));
    }
    if !cred.contains_key("credentialSubject") {
        return Some(text!("verify-no-subject"));
    }
    None
}

/// Combine proof results, issuer binding, validity and status into a report.
fn finish(
    credential: &Credential,
    cred: &Map<String, Value>,
    results: Vec<ProofResult>,
    env: &Env<'_>,
    ctx: &VerifyContext<'_>,
    issuer_mismatch: Option<Text>,
) -> Report {
    let mut checks = Vec::new();
    let issuer = issuer_id_of(cred);
    // VC 2.0 §4.3 / VC 1.1 §4.1: the first @context MUST be the VC context. (A reordered
    // context can keep the same RDF, so the signature alone would not catch it.)
    let context_error = match &credential.original {
        Original::Json(_) => {
            first_context_error(cred.get("@context")).or_else(|| data_model_error(cred))
        }
        Original::Jws(_) => None,
    };
    let format_ok = issuer.is_some() && issuer_mismatch.is_none() && context_error.is_none();
    checks.push(if let Some(e) = context_error {
        check("format", Outcome::Fail, e)
    } else if let Some(m) = issuer_mismatch {
        check("format", Outcome::Fail, m)
    } else if issuer.is_none() {
        check("format", Outcome::Fail, text!("verify-no-issuer"))
    } else {
        check(
            "format",
            Outcome::Pass,
            text!(
                "verify-format-credential",
                format = format_name(credential.format)
            ),
        )
    });

    // Signature. Proof sets follow the rule of issue 3 (and of Digital Bazaar's
    // jsonld-signatures, which the Learner Credential Wallet and VerifierPlus use):
    // the credential is signed when ANY proof made with a key of its issuer verifies.
    // Every proof is still listed with its own outcome in `proofs`. (The W3C Data
    // Integrity "verify proof sets" algorithm is stricter; see README.md.)
    let issuer_s = issuer.clone().unwrap_or_default();
    let passed: Vec<&ProofResult> = results
        .iter()
        .filter(|r| r.report.outcome == Outcome::Pass)
        .collect();
    let failed: Vec<&ProofResult> = results
        .iter()
        .filter(|r| r.report.outcome == Outcome::Fail)
        .collect();
    let by_issuer = passed
        .iter()
        .filter(|r| r.controller.as_deref() == Some(issuer_s.as_str()))
        .count();
    let signature_ok = by_issuer > 0 || (failed.is_empty() && !passed.is_empty());
    checks.push(if results.is_empty() {
        check(
            "signature",
            Outcome::NotChecked,
            text!("verify-no-signature"),
        )
    } else if results.len() == 1 && signature_ok {
        check_of("signature", Outcome::Pass, &passed[0].report)
    } else if passed.len() == results.len() {
        check(
            "signature",
            Outcome::Pass,
            text!("verify-all-signatures-valid", n = results.len()),
        )
    } else if by_issuer > 0 {
        let sentence = match failed.first() {
            Some(f) => text!(
                "verify-signatures-issuer-valid-other-failed",
                valid = passed.len(),
                n = results.len(),
                reason = Said::of(&f.report.message, &f.report.text)
            ),
            None => text!(
                "verify-signatures-issuer-valid-others-unchecked",
                valid = passed.len(),
                n = results.len()
            ),
        };
        check("signature", Outcome::Pass, sentence)
    } else if let Some(f) = failed.first() {
        check_of("signature", Outcome::Fail, &f.report)
    } else if passed.is_empty() {
        if results.iter().any(|r| r.missing.is_some()) {
            check(
                "signature",
                Outcome::NotChecked,
                text!("verify-signature-key-missing"),
            )
        } else {
            check_of("signature", Outcome::NotChecked, &results[0].report)
        }
    } else {
        check(
            "signature",
            Outcome::Pass,
            text!(
                "verify-signatures-some-valid",
                valid = passed.len(),
                n = results.len()
            ),
        )
    });

    // Selective disclosure: say that the holder chose what to show, and how much is shown.
    if signature_ok && let Some(d) = passed.iter().find_map(|r| r.disclosure) {
        checks.push(check(
            "disclosure",
            Outcome::Pass,
            text!(
                "verify-disclosure",
                statements = d.statements,
                mandatory = d.mandatory
            ),
        ));
    }

    // Issuer key: a valid signature must come from a key of the issuer. A valid signature
    // by a key linked to no one (a JWS header `jwk`) proves the document unchanged, not who
    // signed it: a warning, and never `verified`.
    let key_ok = !signature_ok || by_issuer > 0;
    let unlinked_only = !key_ok && passed.iter().all(|r| r.unlinked);
    checks.push(if !signature_ok {
        check(
            "issuer-key",
            Outcome::NotChecked,
            text!("verify-key-not-checked"),
        )
    } else if key_ok {
        check(
            "issuer-key",
            Outcome::Pass,
            text!("verify-key-of-issuer", issuer = &issuer_s),
        )
    } else if unlinked_only {
        check(
            "issuer-key",
            Outcome::Warn,
            text!("verify-key-unlinked", issuer = &issuer_s),
        )
    } else {
        let other: TextArg = match passed.iter().find_map(|r| r.controller.as_deref()) {
            Some(c) => c.into(),
            None => text!("verify-someone-else").into(),
        };
        check(
            "issuer-key",
            Outcome::Fail,
            text!("verify-key-of-other", signer = other, issuer = &issuer_s),
        )
    });

    // Validity.
    let vstatus = push_validity(&mut checks, validity_of(cred, env.now, env.skew));

    // Status: every declared entry read from a fetched list whose own proof verified.
    let st = status::check(cred, env);
    checks.push(check(
        "status",
        st.outcome(),
        st.message(signature_ok && key_ok && format_ok),
    ));

    // Trust (does not change the status).
    let verified = signature_ok && key_ok && format_ok;
    checks.push(trust_check(issuer.as_deref(), verified, ctx));

    let status = if !format_ok
        || (!failed.is_empty() && by_issuer == 0)
        || (!key_ok && !unlinked_only)
        || vstatus == Some(Status::Invalid)
    {
        Status::Invalid
    } else if !signature_ok || unlinked_only {
        Status::Unverified
    } else if st.status() == Some(Status::Revoked) {
        Status::Revoked
    } else if let Some(s) = vstatus {
        s
    } else if let Some(s) = st.status() {
        // A declared status that could not be read: never `verified`.
        s
    } else {
        Status::Verified
    };
    Report {
        status,
        checks,
        proofs: results.into_iter().map(|r| r.report).collect(),
        source: Source::Presented,
        endorsements: Vec::new(),
        nested: Vec::new(),
    }
}

/// The verdict as the wallet stores and shows it (the core's one status type).
impl From<Status> for wallet_core::status::Status {
    fn from(s: Status) -> Self {
        match s {
            Status::Verified => Self::Verified,
            Status::Invalid => Self::Invalid,
            Status::Expired => Self::Expired,
            Status::NotYetValid => Self::NotYetValid,
            Status::Revoked => Self::Revoked,
            Status::Unverified => Self::Unverified,
        }
    }
}
