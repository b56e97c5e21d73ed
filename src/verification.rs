//! Runs the verification core (`wallet-verify`) over stored credentials: fetches what the core
//! asks for when online (did:web documents, status lists, hosted assertions; cached with their
//! time), verifies in time-sliced chunks so the page never freezes, and stores each report.

use std::collections::HashMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wallet_core::library::Summary;
use wallet_verify::{Report, VerifyContext, needed_documents, verify};

use crate::app::Wallet;
use crate::browser;
use crate::storage::{self, Resolved};

/// Time slice for verification work between two paints.
const SLICE_MS: f64 = 24.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredCheck {
    pub id: String,
    /// `pass`, `fail`, `not-checked`, `warn`.
    pub outcome: String,
    #[serde(default)]
    pub message: String,
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

/// A verification report as stored (and shown) by the shell. Read back by later versions of the
/// wallet, so decoded tolerantly: unknown fields are ignored, lists and texts default to empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredReport {
    pub local_id: String,
    pub status: String,
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
}

fn outcome_str<T: Serialize>(o: &T) -> String {
    serde_json::to_value(o)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub use crate::trust::{learner_trusted, set_learner_trusted};

/// The report as stored and shown; the issuer check says what the trust decision for this
/// viewer is (registry name and source, DEMO, the learner's list, or unknown).
pub(crate) fn to_stored(
    local_id: &str,
    report: &Report,
    checked_at: &str,
    trust: &wallet_verify::trust::Trust<'_>,
    viewer: wallet_verify::trust::Viewer,
) -> StoredReport {
    let mut checks: Vec<StoredCheck> = report
        .checks
        .iter()
        .map(|c| StoredCheck {
            id: c.id.to_string(),
            outcome: outcome_str(&c.outcome),
            message: c.message.clone(),
        })
        .collect();
    // The verifier says pass/warn from the trusted ids it was given; the decision says why.
    if let Some(c) = checks
        .iter_mut()
        .find(|c| c.id == "issuer-trust" && (c.outcome == "pass" || c.outcome == "warn"))
    {
        c.message = trust.message(viewer);
    }
    StoredReport {
        local_id: local_id.to_string(),
        status: report.status.as_str().to_string(),
        checks,
        proofs: report
            .proofs
            .iter()
            .map(|p| StoredProof {
                suite: p.suite.clone(),
                verification_method: p.verification_method.clone(),
                outcome: outcome_str(&p.outcome),
                message: p.message.clone(),
            })
            .collect(),
        checked_at: checked_at.to_string(),
        hosted: match &report.source {
            wallet_verify::Source::Hosted(url) => Some(url.clone()),
            wallet_verify::Source::Presented => None,
        },
    }
}

/// Fetches a JSON document for verification; `None` when offline, blocked by CORS or not JSON.
async fn fetch_json(url: &str) -> Option<Value> {
    if !browser::window().navigator().on_line() {
        return None;
    }
    match browser::fetch_bytes(url).await {
        browser::Fetched::Bytes(bytes) => serde_json::from_slice(&bytes).ok(),
        browser::Fetched::Failed(_) => None,
    }
}

/// Verifies the given credentials (all when `only` is None), updating cards as results come in.
pub async fn verify_wallet(wallet: Wallet, only: Option<Vec<String>>) {
    let ids: Vec<String> = match only {
        Some(ids) => ids,
        None => wallet
            .summaries
            .with_untracked(|s| s.iter().map(|x| x.local_id.clone()).collect()),
    };
    if ids.is_empty() {
        return;
    }
    let registry = crate::trust::registry().await;
    let learner = learner_trusted();
    let viewer = crate::trust::learner_viewer();
    let trusted = wallet_verify::trust::trusted_ids(&registry, &learner, viewer);
    let mut resolved: HashMap<String, Value> = storage::load_resolved()
        .await
        .into_iter()
        .filter_map(|r| Some((r.url, serde_json::from_str(&r.json).ok()?)))
        .collect();
    let mut tried: std::collections::HashSet<String> = Default::default();
    let total = ids.len();
    let mut done = 0;
    wallet.verifying.set(Some((0, total)));
    for chunk in ids.chunks(16) {
        let docs = match storage::load_documents_by_ids(chunk).await {
            Ok(d) => d,
            Err(e) => {
                wallet.storage_message.set(Some(e.to_string()));
                break;
            }
        };
        let mut results: Vec<(Summary, StoredReport)> = Vec::new();
        let mut slice_start = browser::now_ms();
        for doc in docs {
            let Ok(mut credential) = wallet_core::parse_credential(doc.original.text()) else {
                continue;
            };
            wallet_core::apply_linked(&mut credential, &doc.linked);
            // Online: fetch what the core needs and has not got (each URL at most once per run).
            for url in needed_documents(&credential) {
                if resolved.contains_key(&url) || !tried.insert(url.clone()) {
                    continue;
                }
                if let Some(v) = fetch_json(&url).await {
                    storage::put_resolved(&Resolved {
                        url: url.clone(),
                        json: v.to_string(),
                        fetched_at: browser::now_iso(),
                    })
                    .await;
                    resolved.insert(url, v);
                }
            }
            let now = browser::now_iso();
            let ctx = VerifyContext {
                now: &now,
                skew_seconds: 300,
                resolved: &resolved,
                trusted_issuers: &trusted,
            };
            let report = verify(&credential, &ctx);
            let trust = wallet_verify::trust::decide(
                credential.issuer.id.as_deref(),
                &registry,
                &learner,
                viewer,
            );
            let stored = to_stored(&doc.local_id, &report, &now, &trust, viewer);
            let summary = wallet
                .summaries
                .with_untracked(|s| s.iter().find(|x| x.local_id == doc.local_id).cloned());
            if let Some(mut summary) = summary {
                // An OB 2.0 badge whose issuer hosts it: the card shows the hosted copy.
                if let Some(h) = stored.hosted.as_ref().and_then(|u| resolved.get(u))
                    && let Ok(mut hc) = wallet_core::parse_credential(&h.to_string())
                {
                    wallet_core::apply_linked(&mut hc, &doc.linked);
                    let mut shown = Summary::from_credential(&hc, "", summary.added_at);
                    shown.local_id = summary.local_id.clone();
                    summary = shown;
                }
                summary.status = stored.status.clone();
                results.push((summary, stored));
            }
            done += 1;
            if browser::now_ms() - slice_start > SLICE_MS {
                wallet.verifying.set(Some((done, total)));
                browser::yield_now().await;
                slice_start = browser::now_ms();
            }
        }
        // Written only for credentials still stored (one deleted meanwhile, in another tab too,
        // is not re-created): only those cards change.
        let written = storage::put_reports(&results).await.unwrap_or_else(|e| {
            wallet.storage_message.set(Some(e.to_string()));
            vec![]
        });
        // The whole summary: an OB 2.0 badge shows its issuer's hosted copy once verified.
        let updates: HashMap<String, Summary> = results
            .iter()
            .filter(|(s, _)| written.contains(&s.local_id))
            .map(|(s, _)| (s.local_id.clone(), s.clone()))
            .collect();
        wallet.summaries.update(|all| {
            for s in all.iter_mut() {
                if let Some(new) = updates.get(&s.local_id) {
                    *s = new.clone();
                }
            }
        });
        wallet.verifying.set(Some((done, total)));
        browser::yield_now().await;
    }
    wallet.verifying.set(None);
    wallet.reports_version.update(|v| *v += 1);
}
