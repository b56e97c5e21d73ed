//! Makes the stored report (`wallet_core::report`, the model and its stored JSON) from
//! `wallet_verify::Report` with the trust decision for the viewer. Shared by the wallet's
//! worker (stored, re-read by the detail view) and the employer's view (kept in memory only), so
//! it holds no storage or fetching code.

use serde::Serialize;
use wallet_verify::Report;

pub use wallet_core::report::{
    CheckOutcome, EndorsementTarget, StoredCheck, StoredEndorsement, StoredNested, StoredProof,
    StoredReport, display_time,
};

fn stored_checks(report: &Report) -> Vec<StoredCheck> {
    report
        .checks
        .iter()
        .map(|c| StoredCheck {
            id: c.id.to_string(),
            outcome: outcome_str(&c.outcome).into(),
            message: c.message.clone(),
            checked_at: None,
            text: c.text.clone(),
            notes: vec![],
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
            text: p.text.clone(),
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
    if let Some(c) = checks.iter_mut().find(|c| {
        c.id == "issuer-trust" && matches!(c.outcome, CheckOutcome::Pass | CheckOutcome::Warn)
    }) {
        let text = trust.text(viewer);
        c.message = text.english();
        c.text = Some(text);
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
                target: e.target.as_str().into(),
                endorser_id: e.endorser_id.clone(),
                endorser_name: e.endorser_name.clone(),
                comment: e.comment.clone(),
                status: e.status.into(),
                message: e.message.clone(),
                text: e.text.clone(),
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
