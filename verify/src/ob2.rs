//! Signed Open Badges 2.0 assertions (OB 2.0 "SignedBadge Verification", issue 12 point 3).
//!
//! Why it exists: before OB 3.0, issuers that did not host their assertions signed them as a
//! compact JWS (RS256 recommended) whose payload is the `Assertion`, with
//! `verification: {type: "SignedBadge", creator: <key URL>}`. Nothing in the token says whose
//! key it is: the key is a `CryptographicKey` document (`publicKeyPem`, `owner`) published on
//! the web, and the issuer's `Profile` — fetched from its own id — must list it in
//! `publicKey` (spec step 4: "Do not trust a key that is not properly linked from the issuer
//! Profile"). The profile's `revocationList` says whether the assertion was revoked.
//!
//! The chain is discovered document by document: the key (`verification.creator`) and the
//! BadgeClass (when `badge` is a URL) first, then the issuer profile (the BadgeClass's
//! `issuer`), then the revocation list and — without a `creator` — the keys the profile
//! lists. [`needed`] therefore takes what is already resolved and answers with every URL it
//! can name so far; the caller fetches in rounds until the answer stops growing
//! ([`crate::needed_documents_with`]). At most [`MAX_KEYS`] keys and [`MAX_LISTS`] lists.
//!
//! Rules (a green "verified" is never wrong; see `README.md`):
//! - the signature is checked only with a key document fetched from the key's own URL (whose
//!   `id` is that URL, or which lists it under `publicKey`) or listed in the fetched profile;
//!   a key embedded in the signed payload proves nothing;
//! - only the profile fetched from the issuer's id can vouch for a key; the issuer object the
//!   payload embeds is the signer's own statement;
//! - a key whose `owner` is someone else, or that the issuer's profile does not list →
//!   issuer-key **fail** (`invalid`: a valid signature presented as the issuer's by someone
//!   the issuer does not vouch for);
//! - any document missing (offline, unreachable) → "could not be checked" (`unverified`).

use std::collections::HashMap;

use serde_json::{Map, Value};
use wallet_core::report::{Text, TextArg};
use wallet_core::{Credential, text};

use crate::jws::Jws;
use crate::keys::{self, KeyError};
use crate::pubkey::{AlgRefusal, JwsAlg, PublicKey, SigError};
use crate::{
    Check, Outcome, ProofReport, Report, Said, Source, Status, VerifyContext, check, format_name,
    push_validity, trust_check,
};

/// Keys tried when the assertion names none (from the issuer's `publicKey`).
pub const MAX_KEYS: usize = 4;
/// Revocation lists read (the fetched profile's and the signed payload's issuer's).
pub const MAX_LISTS: usize = 2;

fn is_http(u: &str) -> bool {
    u.starts_with("https://") || u.starts_with("http://")
}

/// The id a property gives: a string, or an object's `id`.
fn id_of(v: Option<&Value>) -> Option<&str> {
    match v? {
        Value::String(s) => Some(s),
        Value::Object(o) => o.get("id").and_then(Value::as_str),
        _ => None,
    }
}

/// Whether a `type` (string or list) includes one of `names`.
fn has_type(v: Option<&Value>, names: &[&str]) -> bool {
    keys::list(v)
        .iter()
        .any(|t| t.as_str().is_some_and(|t| names.contains(&t)))
}

/// Where each document of the chain is, as far as `resolved` tells.
struct Chain<'a> {
    assertion: &'a Map<String, Value>,
    /// `verification.creator`: the key that signed, when the assertion names it.
    creator: Option<&'a str>,
    /// `badge` when given by URL.
    badge_url: Option<&'a str>,
    /// The BadgeClass: embedded, or fetched from `badge_url`.
    badge: Option<&'a Map<String, Value>>,
    /// The issuer id the BadgeClass names.
    issuer_id: Option<&'a str>,
    /// The issuer object the signed payload embeds (the signer's own statement).
    embedded_issuer: Option<&'a Map<String, Value>>,
    /// The issuer profile as fetched from `issuer_id`.
    profile: Option<&'a Map<String, Value>>,
}

fn chain<'a>(assertion: &'a Map<String, Value>, resolved: &'a HashMap<String, Value>) -> Chain<'a> {
    let verification = assertion
        .get("verification")
        .or_else(|| assertion.get("verify"));
    let creator = id_of(verification.and_then(|v| v.get("creator")));
    let (badge_url, badge) = match assertion.get("badge") {
        Some(Value::String(u)) => (Some(u.as_str()), resolved.get(u).and_then(Value::as_object)),
        Some(Value::Object(b)) => (None, Some(b)),
        _ => (None, None),
    };
    let issuer_id = id_of(badge.and_then(|b| b.get("issuer")));
    let embedded_issuer = badge
        .and_then(|b| b.get("issuer"))
        .and_then(Value::as_object);
    let profile = issuer_id
        .filter(|i| is_http(i))
        .and_then(|i| resolved.get(i))
        .and_then(Value::as_object);
    Chain {
        assertion,
        creator,
        badge_url,
        badge,
        issuer_id,
        embedded_issuer,
        profile,
    }
}

impl<'a> Chain<'a> {
    /// The keys to try: the `creator`, else those the fetched profile lists.
    fn key_ids(&self) -> Vec<&'a str> {
        match (self.creator, self.profile) {
            (Some(c), _) => vec![c],
            (None, Some(p)) => keys::list(p.get("publicKey"))
                .iter()
                .filter_map(|k| id_of(Some(k)))
                .take(MAX_KEYS)
                .collect(),
            (None, None) => Vec::new(),
        }
    }

    /// Revocation list URLs: the fetched profile's, then the embedded issuer's.
    fn list_urls(&self) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for p in [self.profile, self.embedded_issuer].into_iter().flatten() {
            if let Some(u) = id_of(p.get("revocationList")).filter(|u| is_http(u))
                && !out.contains(&u)
            {
                out.push(u);
            }
        }
        out.truncate(MAX_LISTS);
        out
    }
}

/// The URLs to fetch for a signed OB 2.0 assertion, given what is resolved so far (see the
/// module header). Total: any payload gives a (possibly empty) list of http(s) URLs.
pub(crate) fn needed(
    assertion: &Map<String, Value>,
    resolved: &HashMap<String, Value>,
) -> Vec<String> {
    let c = chain(assertion, resolved);
    let mut out: Vec<String> = Vec::new();
    let mut push = |u: &str| {
        let u = keys::without_fragment(u);
        if is_http(u) && !out.iter().any(|o| o == u) {
            out.push(u.to_string());
        }
    };
    if let Some(k) = c.creator {
        push(k);
    }
    if let Some(b) = c.badge_url {
        push(b);
    }
    match c.issuer_id {
        Some(i) => push(i),
        // The BadgeClass is not here yet: its issuer is most likely the key's owner; fetching
        // that profile now saves a round (it is used only if the BadgeClass agrees).
        None => {
            if let Some(owner) = c
                .creator
                .and_then(|k| key_doc(k, resolved, None).ok())
                .and_then(|d| d.get("owner"))
                .and_then(Value::as_str)
            {
                push(owner);
            }
        }
    }
    for k in c.key_ids() {
        push(k);
    }
    for l in c.list_urls() {
        push(l);
    }
    out
}

/// The `CryptographicKey` with id `key_id`: the document fetched from its URL (whose `id` is
/// the key, or which lists it under `publicKey`), else an entry of the fetched issuer profile.
fn key_doc<'a>(
    key_id: &str,
    resolved: &'a HashMap<String, Value>,
    profile: Option<&'a Map<String, Value>>,
) -> Result<&'a Map<String, Value>, KeyError> {
    let in_list = |doc: &'a Map<String, Value>| {
        keys::list(doc.get("publicKey"))
            .iter()
            .filter_map(Value::as_object)
            .find(|k| k.get("id").and_then(Value::as_str) == Some(key_id))
    };
    if let Some(k) = profile.and_then(in_list) {
        return Ok(k);
    }
    if !is_http(key_id) {
        return Err(KeyError::Unsupported(format!(
            "the key {key_id} is not a web address the wallet could fetch"
        )));
    }
    let url = keys::without_fragment(key_id);
    match resolved.get(url) {
        None => Err(KeyError::Missing(url.to_string())),
        Some(Value::Object(doc)) => {
            if doc.get("id").and_then(Value::as_str) == Some(key_id) {
                Ok(doc)
            } else if let Some(k) = in_list(doc) {
                Ok(k)
            } else {
                Err(KeyError::Invalid(format!(
                    "the document at {url} does not describe the key {key_id}"
                )))
            }
        }
        Some(_) => Err(KeyError::Invalid(format!(
            "the document at {url} is not a JSON object"
        ))),
    }
}

/// A key that checked the signature, with what its document says.
struct Signer<'a> {
    key_id: &'a str,
    doc: &'a Map<String, Value>,
}

/// The outcome of one step: passed (with a message), failed, or not checked.
enum Step {
    Pass(Said),
    Fail(Said),
    NotChecked(Said),
}

impl Step {
    fn check(&self, id: &'static str) -> Check {
        match self {
            Step::Pass(m) => check(id, Outcome::Pass, m.clone()),
            Step::Fail(m) => check(id, Outcome::Fail, m.clone()),
            Step::NotChecked(m) => check(id, Outcome::NotChecked, m.clone()),
        }
    }
    fn outcome(&self) -> Outcome {
        match self {
            Step::Pass(_) => Outcome::Pass,
            Step::Fail(_) => Outcome::Fail,
            Step::NotChecked(_) => Outcome::NotChecked,
        }
    }
}

/// Check the JWS with each key to try; the first that verifies wins.
fn signature<'a>(
    jws: &Jws,
    c: &Chain<'a>,
    resolved: &'a HashMap<String, Value>,
) -> (Step, Option<Signer<'a>>) {
    let alg_name = jws.header.get("alg").and_then(Value::as_str).unwrap_or("");
    let alg = match JwsAlg::parse(alg_name) {
        Ok(a) => a,
        Err(AlgRefusal::Unsigned) => {
            return (Step::Fail(text!("verify-ob2-alg-none").into()), None);
        }
        Err(AlgRefusal::SharedSecret(a)) => {
            return (
                Step::Fail(text!("verify-ob2-shared-secret", alg = a).into()),
                None,
            );
        }
        Err(AlgRefusal::Unsupported(a)) => {
            return (
                Step::NotChecked(text!("verify-alg-unsupported", alg = a).into()),
                None,
            );
        }
    };
    if let Some(crit) = jws.header.get("crit") {
        return (
            Step::Fail(text!("verify-crit-unknown", crit = crit.to_string()).into()),
            None,
        );
    }
    let ids = c.key_ids();
    if ids.is_empty() {
        return match (c.profile, c.issuer_id) {
            // Not a failure: Open Badges 1.x signed badges publish their key at `verify.url`
            // (a bare PEM), which this wallet does not read; genuine ones must not look forged.
            (Some(_), _) => (
                Step::NotChecked(text!("verify-ob2-profile-lists-no-key").into()),
                None,
            ),
            (None, Some(i)) if is_http(i) => (
                Step::NotChecked(text!("verify-ob2-profile-needed-for-key", profile = i).into()),
                None,
            ),
            _ => (
                Step::NotChecked(text!("verify-ob2-no-web-profile-for-key").into()),
                None,
            ),
        };
    }
    let mut first: Option<Step> = None;
    let mut missing: Option<Step> = None;
    for id in ids {
        let step = match key_doc(id, resolved, c.profile) {
            Err(KeyError::Missing(url)) => {
                Step::NotChecked(text!("verify-proof-key-missing", url = url).into())
            }
            Err(KeyError::Unsupported(m)) => {
                Step::NotChecked(text!("verify-signature-unchecked-detail", detail = m).into())
            }
            Err(KeyError::Invalid(m)) => {
                Step::Fail(text!("verify-key-unusable", detail = m).into())
            }
            Ok(doc) => match doc.get("publicKeyPem").and_then(Value::as_str) {
                None => Step::Fail(text!("verify-ob2-key-no-pem", id = id).into()),
                Some(pem) => match PublicKey::from_pem(pem) {
                    Err(KeyError::Unsupported(m)) => Step::NotChecked(
                        text!("verify-signature-unchecked-detail", detail = m).into(),
                    ),
                    Err(KeyError::Invalid(m) | KeyError::Missing(m)) => {
                        Step::Fail(text!("verify-key-unusable", detail = m).into())
                    }
                    Ok(key) => match crate::pubkey::verify_jws(
                        &key,
                        alg,
                        jws.signing_input().as_bytes(),
                        jws.signature(),
                    ) {
                        Ok(()) => {
                            return (
                                Step::Pass(
                                    text!(
                                        "verify-ob2-signature-valid",
                                        alg = alg.name(),
                                        key = key.label(),
                                        id = id
                                    )
                                    .into(),
                                ),
                                Some(Signer { key_id: id, doc }),
                            );
                        }
                        Err(SigError::WrongKey(m)) => {
                            Step::Fail(text!("verify-signature-wrong-key", detail = m).into())
                        }
                        Err(SigError::Malformed(m)) => {
                            Step::Fail(text!("verify-signature-malformed", detail = m).into())
                        }
                        Err(SigError::Mismatch) => {
                            Step::Fail(text!("verify-ob2-signature-mismatch").into())
                        }
                    },
                },
            },
        };
        match step {
            Step::NotChecked(_) if missing.is_none() => missing = Some(step),
            _ if first.is_none() => first = Some(step),
            _ => {}
        }
    }
    // A key that could not be fetched might be the one that signed: not checked rather than
    // a failure, unless every key was there and none matched.
    (
        missing
            .or(first)
            .unwrap_or(Step::NotChecked(String::new().into())),
        None,
    )
}

/// Whether the key that signed belongs to the badge's issuer (see the module header).
fn issuer_key(c: &Chain<'_>, signer: &Signer<'_>, credential: &Credential) -> Step {
    if let Some(b) = c.badge_url {
        match c.badge {
            None => {
                return Step::NotChecked(text!("verify-ob2-badge-class-needed", url = b).into());
            }
            Some(doc) if doc.get("id").and_then(Value::as_str) != Some(b) => {
                return Step::Fail(text!("verify-ob2-badge-class-other", url = b).into());
            }
            Some(_) => {}
        }
    }
    let Some(issuer) = c.issuer_id else {
        return Step::Fail(text!("verify-ob2-no-issuer").into());
    };
    // What the wallet shows as the issuer must be the issuer that was checked.
    if let Some(shown) = credential.issuer.id.as_deref()
        && shown != issuer
    {
        return Step::Fail(
            text!("verify-ob2-issuer-differs", shown = shown, issuer = issuer).into(),
        );
    }
    let key = signer.key_id;
    if let Some(owner) = signer.doc.get("owner")
        && owner.as_str() != Some(issuer)
    {
        let signer: TextArg = match owner.as_str() {
            Some(o) => o.into(),
            None => text!("verify-someone-else").into(),
        };
        return Step::Fail(
            text!("verify-ob2-key-of-other", signer = signer, issuer = issuer).into(),
        );
    }
    if !is_http(issuer) {
        return Step::NotChecked(text!("verify-ob2-issuer-no-web-profile", issuer = issuer).into());
    }
    let Some(profile) = c.profile else {
        return Step::NotChecked(text!("verify-ob2-issuer-profile-needed", issuer = issuer).into());
    };
    if profile.get("id").and_then(Value::as_str) != Some(issuer) {
        return Step::Fail(text!("verify-ob2-profile-other", issuer = issuer).into());
    }
    let listed = keys::list(profile.get("publicKey"))
        .iter()
        .any(|k| id_of(Some(k)) == Some(key));
    if !listed {
        return Step::Fail(text!("verify-ob2-key-not-listed", issuer = issuer, key = key).into());
    }
    Step::Pass(text!("verify-ob2-key-of-issuer", key = key, issuer = issuer).into())
}

/// Whether an entry of `revokedAssertions` names this assertion; `Some(reason)` when it does.
fn revoked_entry(entry: &Value, id: Option<&str>, uid: Option<&str>) -> Option<Option<String>> {
    let hit = match entry {
        Value::String(s) => id == Some(s.as_str()),
        Value::Object(o) => {
            let by_id = id.is_some() && o.get("id").and_then(Value::as_str) == id;
            let by_uid = uid.is_some() && o.get("uid").and_then(Value::as_str) == uid;
            (by_id || by_uid) && o.get("revoked") != Some(&Value::Bool(false))
        }
        _ => false,
    };
    hit.then(|| {
        entry
            .get("revocationReason")
            .and_then(Value::as_str)
            .map(str::to_string)
    })
}

/// The revocation check (spec step 7): `Fail` = revoked.
fn revocation(c: &Chain<'_>, resolved: &HashMap<String, Value>, issuer_ok: bool) -> Step {
    let Some(issuer) = c.issuer_id else {
        return Step::NotChecked(text!("verify-ob2-revocation-issuer-unknown").into());
    };
    if c.profile.is_none() {
        return Step::NotChecked(
            text!("verify-ob2-revocation-profile-needed", profile = issuer).into(),
        );
    }
    let urls = c.list_urls();
    if urls.is_empty() {
        return Step::NotChecked(text!("verify-ob2-no-revocation-list").into());
    }
    let id = c.assertion.get("id").and_then(Value::as_str);
    let uid = c.assertion.get("uid").and_then(Value::as_str);
    let mut unread: Vec<Text> = Vec::new();
    for url in &urls {
        let doc = match resolved.get(*url) {
            None => {
                unread.push(text!("verify-ob2-list-not-fetched", url = *url));
                continue;
            }
            Some(Value::Object(d)) => d,
            Some(_) => {
                unread.push(text!("verify-ob2-list-not-object", url = *url));
                continue;
            }
        };
        if doc
            .get("id")
            .and_then(Value::as_str)
            .is_some_and(|i| i != *url)
        {
            unread.push(text!("verify-ob2-list-other", url = *url));
            continue;
        }
        if id_of(doc.get("issuer")).is_some_and(|i| i != issuer) {
            unread.push(text!("verify-ob2-list-other-issuer", url = *url));
            continue;
        }
        let Some(entries) = doc.get("revokedAssertions") else {
            unread.push(text!("verify-ob2-list-no-entries", url = *url));
            continue;
        };
        if let Some(reason) = keys::list(Some(entries))
            .iter()
            .find_map(|e| revoked_entry(e, id, uid))
        {
            return Step::Fail(
                match reason {
                    Some(r) => text!("verify-ob2-revoked-by-list-reason", url = *url, reason = r),
                    None => text!("verify-ob2-revoked-by-list", url = *url),
                }
                .into(),
            );
        }
    }
    if unread.is_empty() {
        Step::Pass(text!("verify-ob2-not-revoked-by-list", urls = urls.join(", ")).into())
    } else {
        // The reasons, one after the other: "a; b; c".
        let mut reasons = unread.into_iter();
        let first = reasons.next().expect("unread is not empty");
        let why = reasons.fold(first, |acc, next| {
            text!("verify-clauses", first = acc, then = next)
        });
        Step::NotChecked(
            if issuer_ok {
                text!("verify-ob2-revocation-unchecked-signature-valid", why = why)
            } else {
                text!("verify-ob2-revocation-unchecked", why = why)
            }
            .into(),
        )
    }
}

/// Why the assertion itself is malformed, if it is.
fn format_error(a: &Map<String, Value>) -> Option<Text> {
    let verification = a.get("verification").or_else(|| a.get("verify"));
    if !has_type(
        verification.and_then(|v| v.get("type")),
        &["SignedBadge", "signed"],
    ) {
        return Some(text!("verify-ob2-not-signed-badge"));
    }
    if let Some(c) = verification.and_then(|v| v.get("creator"))
        && id_of(Some(c)).is_none()
    {
        return Some(text!("verify-ob2-creator-not-key"));
    }
    if a.get("id").and_then(Value::as_str).is_none()
        && a.get("uid").and_then(Value::as_str).is_none()
    {
        return Some(text!("verify-ob2-assertion-no-id"));
    }
    match a.get("badge") {
        Some(Value::String(_)) => None,
        Some(Value::Object(b)) if id_of(b.get("issuer")).is_some() => None,
        Some(Value::Object(_)) => Some(text!("verify-ob2-no-issuer")),
        _ => Some(text!("verify-ob2-assertion-no-badge")),
    }
}

/// Verify a signed OB 2.0 assertion (the JWS `text`).
pub(crate) fn verify(
    jws: &Jws,
    credential: &Credential,
    ctx: &VerifyContext<'_>,
    now: Option<i64>,
) -> Report {
    let resolved = ctx.resolved;
    let Some(assertion) = jws.payload.as_object() else {
        return crate::invalid_format(text!("verify-ob2-payload-not-object"));
    };
    let c = chain(assertion, resolved);
    let mut checks = Vec::new();
    let format_err = format_error(assertion);
    checks.push(match &format_err {
        Some(e) => check("format", Outcome::Fail, e.clone()),
        None => check(
            "format",
            Outcome::Pass,
            text!(
                "verify-format-badge",
                format = format_name(credential.format)
            ),
        ),
    });
    let (sig, signer) = if format_err.is_some() {
        (
            Step::NotChecked(text!("verify-ob2-malformed-not-checked").into()),
            None,
        )
    } else {
        signature(jws, &c, resolved)
    };
    let suite = format!(
        "JWS:{}",
        jws.header.get("alg").and_then(Value::as_str).unwrap_or("")
    );
    let (message, text) = match &sig {
        Step::Pass(m) | Step::Fail(m) | Step::NotChecked(m) => m.clone().split(),
    };
    let proof = ProofReport {
        suite,
        verification_method: signer
            .as_ref()
            .map(|s| s.key_id)
            .or(c.creator)
            .map(str::to_string),
        outcome: sig.outcome(),
        message,
        text,
    };
    checks.push(sig.check("signature"));
    let key = match &signer {
        Some(s) => issuer_key(&c, s, credential),
        None => Step::NotChecked(text!("verify-key-not-checked").into()),
    };
    checks.push(key.check("issuer-key"));
    let genuine = matches!(key, Step::Pass(_));

    // Validity: OB 2.0 `expires`.
    let validity = crate::ob2_expiry(assertion.get("expires"), now, ctx);
    let vstatus = push_validity(&mut checks, validity);

    let rev = revocation(&c, resolved, genuine);
    checks.push(rev.check("status"));
    checks.push(trust_check(c.issuer_id, genuine, ctx));

    let failed = |s: &Step| matches!(s, Step::Fail(_));
    let status =
        if format_err.is_some() || failed(&sig) || failed(&key) || vstatus == Some(Status::Invalid)
        {
            Status::Invalid
        } else if !genuine {
            Status::Unverified
        } else if failed(&rev) {
            Status::Revoked
        } else if let Some(s) = vstatus {
            s
        } else if matches!(rev, Step::NotChecked(_)) && !c.list_urls().is_empty() {
            // A declared revocation list that could not be read: never `verified`.
            Status::Unverified
        } else {
            Status::Verified
        };
    Report {
        status,
        checks,
        proofs: vec![proof],
        source: Source::Presented,
        endorsements: Vec::new(),
        nested: Vec::new(),
    }
}

/// The revocation list URLs among [`needed`] (for "when revocation was last checked").
pub(crate) fn list_documents(
    assertion: &Map<String, Value>,
    resolved: &HashMap<String, Value>,
) -> Vec<String> {
    chain(assertion, resolved)
        .list_urls()
        .into_iter()
        .map(str::to_string)
        .collect()
}
