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

/// The bundled registry of known issuers (shipped with the app, never fetched).
const KNOWN_ISSUERS: &str = include_str!("../public/trust/known-issuers.json");
/// gloo-storage key of the issuers the learner marked as trusted.
const TRUSTED_KEY: &str = "learner-wallet.trusted-issuers";
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
}

fn outcome_str<T: Serialize>(o: &T) -> String {
    serde_json::to_value(o)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A known issuer from the bundled registry.
#[derive(Clone, Debug, Deserialize)]
pub struct KnownIssuer {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub demo: bool,
    pub source: String,
}

pub fn known_issuers() -> Vec<KnownIssuer> {
    serde_json::from_str::<Value>(KNOWN_ISSUERS)
        .ok()
        .and_then(|v| v.get("issuers").cloned())
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Issuers the learner trusts (small setting, kept with gloo-storage).
pub fn learner_trusted() -> Vec<String> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(TRUSTED_KEY).unwrap_or_default()
}

pub fn set_learner_trusted(list: &[String]) {
    use gloo_storage::Storage;
    let _ = gloo_storage::LocalStorage::set(TRUSTED_KEY, list);
}

pub(crate) fn to_stored(
    local_id: &str,
    report: &Report,
    checked_at: &str,
    known: &[KnownIssuer],
    issuer: Option<&str>,
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
    // Say where trust comes from when the issuer is in the bundled registry.
    if let Some(k) = issuer.and_then(|i| known.iter().find(|k| k.id == i)) {
        if let Some(c) = checks
            .iter_mut()
            .find(|c| c.id == "issuer-trust" && c.outcome == "pass")
        {
            let source = k.source.trim_end_matches('.');
            c.message = if k.demo {
                format!(
                    "{} is a demo issuer known to this wallet ({source}).",
                    k.name
                )
            } else {
                format!("{} is a known issuer (source: {source}).", k.name)
            };
        }
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
    let known = known_issuers();
    let mut trusted: Vec<String> = known.iter().map(|k| k.id.clone()).collect();
    trusted.extend(learner_trusted());
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
            let stored = to_stored(
                &doc.local_id,
                &report,
                &now,
                &known,
                credential.issuer.id.as_deref(),
            );
            let summary = wallet
                .summaries
                .with_untracked(|s| s.iter().find(|x| x.local_id == doc.local_id).cloned());
            if let Some(mut summary) = summary {
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
        let updates: HashMap<String, String> = results
            .iter()
            .filter(|(s, _)| written.contains(&s.local_id))
            .map(|(s, r)| (s.local_id.clone(), r.status.clone()))
            .collect();
        wallet.summaries.update(|all| {
            for s in all.iter_mut() {
                if let Some(st) = updates.get(&s.local_id) {
                    s.status = st.clone();
                }
            }
        });
        wallet.verifying.set(Some((done, total)));
        browser::yield_now().await;
    }
    wallet.verifying.set(None);
    wallet.reports_version.update(|v| *v += 1);
}
