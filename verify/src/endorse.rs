//! Endorsements: Open Badges 3.0 `EndorsementCredential`s embedded in a credential.
//!
//! Why this module exists: an endorsement ("Northfield University endorses this capstone") is
//! a credential of its own, signed by the endorser, not by the badge's issuer. The badge's
//! proof covers the endorsement's text, so it cannot have been changed since the badge was
//! signed — but whether the endorser said it is only shown by the endorsement's own proof.
//! Each embedded endorsement is verified here with the same engine as a top-level credential
//! (any supported suite; VC-JWT strings in `endorsementJwt`), and the report says, per
//! endorsement, who endorses what and whether that was verified.
//!
//! Where OB 3.0 puts them (and so what they endorse): the credential's own `endorsement` /
//! `endorsementJwt` (the credential), `issuer.endorsement…` (the issuer's profile),
//! `credentialSubject.achievement.endorsement…` (the achievement), and
//! `credentialSubject.endorsement…` (the subject). An endorsement's `credentialSubject.id`
//! must be the id of the thing it sits beside, or it endorses something else.
//!
//! Invariants: an endorsement never changes the credential's own status; at most
//! [`MAX_VERIFIED`] endorsements are verified per credential, together at most
//! [`crate::jsonld::MAX_VALUES`] JSON values (the bound of one credential, so a badge's
//! endorsements cost at most about what one more badge at the bounds costs), and at most
//! [`MAX_LISTED`] are reported; endorsements of endorsements are not looked at (no recursion).

use serde::Serialize;
use serde_json::{Map, Value};
use wallet_core::{Credential, Format, Original, text};

use crate::keys::list;
use crate::{Outcome, Report, Status, Verifier, VerifyContext};

/// Endorsements verified per credential; later ones are listed as not checked.
pub const MAX_VERIFIED: usize = 16;
/// Endorsements reported per credential (later ones are left out of the report).
pub const MAX_LISTED: usize = 64;

/// What an endorsement endorses: the thing it is embedded in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Endorsed {
    /// The credential itself (top-level `endorsement`).
    Credential,
    /// The achievement (`credentialSubject.achievement.endorsement`).
    Achievement,
    /// The issuer's profile (`issuer.endorsement`).
    Issuer,
    /// The credential subject (`credentialSubject.endorsement`).
    Subject,
}

impl Endorsed {
    /// The string the views filter and style on.
    pub fn as_str(self) -> &'static str {
        match self {
            Endorsed::Credential => "credential",
            Endorsed::Achievement => "achievement",
            Endorsed::Issuer => "issuer",
            Endorsed::Subject => "subject",
        }
    }
}

/// The result for one embedded endorsement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EndorsementReport {
    /// What it sits beside (and should endorse).
    pub target: Endorsed,
    /// The id of that thing in the credential, if it has one.
    pub target_id: Option<String>,
    /// The endorser: the endorsement's `issuer` id and the name it gives itself.
    pub endorser_id: Option<String>,
    pub endorser_name: Option<String>,
    /// The endorsement's `credentialSubject.endorsementComment`.
    pub comment: Option<String>,
    /// `verified` only when the endorsement's own proof by its issuer verified, it is in its
    /// validity period, not revoked, and it endorses the thing it sits beside.
    pub status: Status,
    /// A sentence: why it is (not) verified, in English.
    pub message: String,
    /// The sentence typed, when it is a translated one (see `crate::Check::text`).
    pub text: Option<wallet_core::report::Text>,
}

/// One endorsement found in the credential, before verification.
struct Found<'a> {
    target: Endorsed,
    target_id: Option<String>,
    item: Item<'a>,
}

enum Item<'a> {
    Json(&'a Map<String, Value>),
    Jwt(&'a str),
    /// Neither an object nor a string: reported as not an endorsement.
    Other,
}

/// The endorsements of `cred` (a credential JSON object), in document order: the credential's
/// own, the issuer's, the subject's, the achievement's.
fn find(cred: &Map<String, Value>) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    let id_of = |o: &Map<String, Value>| o.get("id").and_then(Value::as_str).map(str::to_string);
    let mut holders: Vec<(Endorsed, &Map<String, Value>)> = vec![(Endorsed::Credential, cred)];
    if let Some(Value::Object(issuer)) = cred.get("issuer") {
        holders.push((Endorsed::Issuer, issuer));
    }
    for s in list(cred.get("credentialSubject")) {
        if let Value::Object(subject) = s {
            holders.push((Endorsed::Subject, subject));
            if let Some(Value::Object(a)) = subject.get("achievement") {
                holders.push((Endorsed::Achievement, a));
            }
        }
    }
    for (target, holder) in holders {
        let target_id = id_of(holder);
        for e in list(holder.get("endorsement")) {
            let item = match e {
                Value::Object(o) => Item::Json(o),
                _ => Item::Other,
            };
            out.push(Found {
                target,
                target_id: target_id.clone(),
                item,
            });
        }
        for e in list(holder.get("endorsementJwt")) {
            let item = match e {
                Value::String(s) => Item::Jwt(s),
                _ => Item::Other,
            };
            out.push(Found {
                target,
                target_id: target_id.clone(),
                item,
            });
        }
    }
    out
}

/// The embedded endorsements of `credential` as credentials of their own (JSON or JWT), for
/// [`crate::needed_documents`]: at most [`MAX_VERIFIED`].
pub(crate) fn embedded(credential: &Credential) -> Vec<Credential> {
    let Some(cred) = host_object(credential) else {
        return Vec::new();
    };
    find(&cred)
        .iter()
        .take(MAX_VERIFIED)
        .filter_map(|f| as_credential(&f.item))
        .collect()
}

/// The host credential's JSON object (for a JWT, its `vc` claim or payload).
fn host_object(credential: &Credential) -> Option<Map<String, Value>> {
    match (&credential.original, credential.format) {
        (_, Format::Ob2Hosted | Format::Ob2Signed) => None,
        (Original::Json(text), _) => match wallet_core::json::from_str(text) {
            Ok(Value::Object(o)) => Some(o),
            _ => None,
        },
        (Original::Jws(text), _) => crate::jws::decode(text)
            .ok()
            .and_then(|j| crate::jws::credential_of(&j.payload).as_object().cloned()),
    }
}

/// An endorsement as a credential the engine verifies.
fn as_credential(item: &Item<'_>) -> Option<Credential> {
    let (original, format) = match item {
        Item::Json(o) => {
            let vc1 = list(o.get("@context")).first().and_then(Value::as_str)
                == Some("https://www.w3.org/2018/credentials/v1");
            (
                Original::Json(serde_json::to_string(o).ok()?),
                if vc1 { Format::Ob3Vc11 } else { Format::Ob3Vc2 },
            )
        }
        Item::Jwt(t) => (Original::Jws(t.to_string()), Format::Ob3Jwt),
        Item::Other => return None,
    };
    Some(Credential {
        local_id: String::new(),
        id: None,
        format,
        name: String::new(),
        description: None,
        name_langs: Vec::new(),
        description_langs: Vec::new(),
        image: None,
        issuer: Default::default(),
        issued: None,
        expires: None,
        achievement: Default::default(),
        subject: Default::default(),
        evidence: Vec::new(),
        results: Vec::new(),
        endorsements: Vec::new(),
        verify_url: None,
        proof_types: Vec::new(),
        original,
        clr: None,
    })
}

/// The endorsement's own JSON (for a JWT, its credential claim), to read who and what.
fn endorsement_json(item: &Item<'_>) -> Option<Map<String, Value>> {
    match item {
        Item::Json(o) => Some((*o).clone()),
        Item::Jwt(t) => {
            let j = crate::jws::decode(t).ok()?;
            let mut o = crate::jws::credential_of(&j.payload).as_object()?.clone();
            if !o.contains_key("issuer")
                && let Some(iss) = j.payload.get("iss")
            {
                o.insert("issuer".into(), iss.clone());
            }
            Some(o)
        }
        Item::Other => None,
    }
}

fn is_endorsement(o: &Map<String, Value>) -> bool {
    list(o.get("type"))
        .iter()
        .any(|t| t.as_str() == Some("EndorsementCredential"))
}

/// Why a report is not `verified`, in one sentence: the first failing check, else the first
/// check that could not be done.
fn reason(r: &Report) -> (String, Option<wallet_core::report::Text>) {
    let pick = |o: Outcome| {
        r.checks
            .iter()
            .find(|c| c.outcome == o && c.id != "issuer-trust")
    };
    match r.status {
        Status::Verified => r
            .check("signature")
            .map(|c| (c.message.clone(), c.text.clone()))
            .unwrap_or_default(),
        Status::Revoked => r
            .check("status")
            .map(|c| (c.message.clone(), c.text.clone()))
            .unwrap_or_default(),
        Status::Expired | Status::NotYetValid => r
            .check("validity")
            .map(|c| (c.message.clone(), c.text.clone()))
            .unwrap_or_default(),
        _ => pick(Outcome::Fail)
            .or_else(|| pick(Outcome::Warn))
            .or_else(|| pick(Outcome::NotChecked))
            .map(|c| (c.message.clone(), c.text.clone()))
            .unwrap_or_else(|| {
                let t = text!("verify-endorsement-not-verified");
                (t.english(), Some(t))
            }),
    }
}

/// A typed sentence as `(message, text)`.
fn said(t: wallet_core::report::Text) -> (String, Option<wallet_core::report::Text>) {
    (t.english(), Some(t))
}

/// Verify every embedded endorsement of `credential` (at most [`MAX_VERIFIED`]), each as a
/// top-level credential of its own, without looking at endorsements inside them.
pub(crate) fn check(
    verifier: &Verifier,
    credential: &Credential,
    ctx: &VerifyContext<'_>,
) -> Vec<EndorsementReport> {
    let Some(cred) = host_object(credential) else {
        return Vec::new();
    };
    let found = find(&cred);
    let mut out = Vec::new();
    // JSON values of the endorsements verified so far (the work budget).
    let mut spent = 0usize;
    let budget = crate::jsonld::MAX_VALUES;
    for (n, f) in found.iter().enumerate().take(MAX_LISTED) {
        let json = endorsement_json(&f.item);
        let issuer = json.as_ref().and_then(|o| o.get("issuer"));
        let endorser_id = json.as_ref().and_then(crate::issuer_id_of);
        let endorser_name = match issuer {
            Some(Value::Object(p)) => p.get("name").and_then(Value::as_str).map(str::to_string),
            _ => None,
        };
        let subject = json.as_ref().and_then(|o| {
            list(o.get("credentialSubject"))
                .first()
                .and_then(Value::as_object)
                .cloned()
        });
        let comment = subject
            .as_ref()
            .and_then(|s| s.get("endorsementComment"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let subject_id = subject
            .as_ref()
            .and_then(|s| s.get("id"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let size = json.as_ref().map_or(1, |o| {
            o.values()
                .map(|v| crate::jsonld::count_values(v, budget + 1))
                .sum::<usize>()
                + 1
        });
        let (status, (message, text)) = if n >= MAX_VERIFIED {
            (
                Status::Unverified,
                said(text!("verify-endorsement-too-many", n = MAX_VERIFIED)),
            )
        } else if spent.saturating_add(size) > budget {
            (
                Status::Unverified,
                said(text!("verify-endorsement-too-large", n = budget)),
            )
        } else {
            spent += size;
            match (&json, as_credential(&f.item)) {
                (None, _) | (_, None) => (
                    Status::Invalid,
                    said(text!("verify-endorsement-not-a-credential")),
                ),
                (Some(j), _) if !is_endorsement(j) => (
                    Status::Invalid,
                    said(text!("verify-endorsement-wrong-type")),
                ),
                (Some(_), Some(c)) => {
                    let r = verifier.verify_one(&c, ctx);
                    let endorses_this = match (&subject_id, &f.target_id) {
                        (Some(s), Some(t)) => s == t,
                        _ => false,
                    };
                    if !endorses_this && matches!(r.status, Status::Verified) {
                        let target = f.target.as_str();
                        let msg = match (&subject_id, &f.target_id) {
                            (Some(s), Some(_)) => text!(
                                "verify-endorsement-endorses-other",
                                subject = s,
                                target = target
                            ),
                            (None, _) => text!("verify-endorsement-no-subject-id", target = target),
                            (Some(_), None) => {
                                text!("verify-endorsement-target-no-id", target = target)
                            }
                        };
                        let status = if subject_id.is_some() && f.target_id.is_some() {
                            Status::Invalid
                        } else {
                            Status::Unverified
                        };
                        (status, said(msg))
                    } else {
                        (r.status, reason(&r))
                    }
                }
            }
        };
        out.push(EndorsementReport {
            target: f.target,
            target_id: f.target_id.clone(),
            endorser_id,
            endorser_name,
            comment,
            status,
            message,
            text,
        });
    }
    out
}
