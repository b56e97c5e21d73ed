//! A verification report as the shell stores and shows it (`reports` store, schema v2), made
//! from `wallet_verify::Report` with the trust decision for the viewer. Shared by the wallet
//! (stored, re-read by the detail view) and the employer's view (kept in memory only), so it
//! holds no storage or fetching code.

use serde::{Deserialize, Serialize};
use wallet_core::status::Status;
use wallet_verify::Report;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredCheck {
    pub id: String,
    /// `pass`, `fail`, `not-checked`, `warn`.
    pub outcome: String,
    #[serde(default)]
    pub message: String,
    /// For the `status` check when a status list was read: when the oldest list used was
    /// fetched (RFC 3339). Absent in reports stored before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredProof {
    pub suite: String,
    #[serde(default)]
    pub verification_method: Option<String>,
    pub outcome: String,
    #[serde(default)]
    pub message: String,
}

/// One embedded endorsement's result (`wallet_verify::endorse`), as stored and shown beside
/// the thing endorsed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEndorsement {
    /// `credential`, `achievement`, `issuer` or `subject`.
    pub target: String,
    #[serde(default)]
    pub endorser_id: Option<String>,
    #[serde(default)]
    pub endorser_name: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
    /// Its own verdict (`verified`, `invalid`, `unverified`, `expired`, …).
    pub status: Status,
    #[serde(default)]
    pub message: String,
}

/// A verification report as stored (and shown) by the shell. Read back by later versions of the
/// wallet, so decoded tolerantly: unknown fields are ignored, lists and texts default to empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredReport {
    pub local_id: String,
    pub status: Status,
    #[serde(default)]
    pub checks: Vec<StoredCheck>,
    #[serde(default)]
    pub proofs: Vec<StoredProof>,
    #[serde(default)]
    pub checked_at: String,
    /// The URL of the OB 2.0 hosted copy the facts come from (then shown instead of the
    /// presented copy), if the verifier used one.
    #[serde(default)]
    pub hosted: Option<String>,
    /// The embedded endorsements, each verified on its own (absent in older reports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endorsements: Vec<StoredEndorsement>,
    /// A CLR's nested credentials, each verified on its own (empty for other credentials).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nested: Vec<StoredNested>,
}

/// One nested credential's result in a CLR's report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredNested {
    /// Position in the CLR's `verifiableCredential`.
    pub index: usize,
    #[serde(default)]
    pub local_id: Option<String>,
    /// Its card status (`verified`, `invalid`, …), never upgraded by the CLR's.
    pub status: Status,
    #[serde(default)]
    pub checks: Vec<StoredCheck>,
    #[serde(default)]
    pub proofs: Vec<StoredProof>,
}

fn stored_checks(report: &Report) -> Vec<StoredCheck> {
    report
        .checks
        .iter()
        .map(|c| StoredCheck {
            id: c.id.to_string(),
            outcome: outcome_str(&c.outcome),
            message: c.message.clone(),
            checked_at: None,
        })
        .collect()
}

fn stored_proofs(report: &Report) -> Vec<StoredProof> {
    report
        .proofs
        .iter()
        .map(|p| StoredProof {
            suite: p.suite.clone(),
            verification_method: p.verification_method.clone(),
            outcome: outcome_str(&p.outcome),
            message: p.message.clone(),
        })
        .collect()
}

fn outcome_str<T: Serialize>(o: &T) -> String {
    serde_json::to_value(o)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The report as stored and shown; the issuer check says what the trust decision for this
/// viewer is (registry name and source, DEMO, the learner's list, or unknown).
pub fn to_stored(
    local_id: &str,
    report: &Report,
    checked_at: &str,
    trust: &wallet_verify::trust::Trust<'_>,
    viewer: wallet_verify::trust::Viewer,
) -> StoredReport {
    let mut checks = stored_checks(report);
    // The verifier says pass/warn from the trusted ids it was given; the decision says why.
    if let Some(c) = checks
        .iter_mut()
        .find(|c| c.id == "issuer-trust" && (c.outcome == "pass" || c.outcome == "warn"))
    {
        c.message = trust.message(viewer);
    }
    StoredReport {
        local_id: local_id.to_string(),
        status: report.status.into(),
        checks,
        proofs: stored_proofs(report),
        checked_at: checked_at.to_string(),
        hosted: match &report.source {
            wallet_verify::Source::Hosted(url) => Some(url.clone()),
            wallet_verify::Source::Presented => None,
        },
        endorsements: report
            .endorsements
            .iter()
            .map(|e| StoredEndorsement {
                target: e.target.as_str().to_string(),
                endorser_id: e.endorser_id.clone(),
                endorser_name: e.endorser_name.clone(),
                comment: e.comment.clone(),
                status: e.status.into(),
                message: e.message.clone(),
            })
            .collect(),
        nested: report
            .nested
            .iter()
            .map(|n| StoredNested {
                index: n.index,
                local_id: n.local_id.clone(),
                status: n.report.status.into(),
                checks: stored_checks(&n.report),
                proofs: stored_proofs(&n.report),
            })
            .collect(),
    }
}

/// "2026-12-01T16:50:12.345Z" → "2026-12-01 16:50 UTC" (what the detail shows).
pub fn display_time(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(d), Some(t)) if iso.ends_with('Z') => format!("{d} {t} UTC"),
        _ => iso.to_string(),
    }
}
