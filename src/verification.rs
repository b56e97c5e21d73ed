//! Runs the verification core (`wallet-verify`) over stored credentials: fetches what the core
//! asks for when online (did:web documents, status lists, hosted assertions), verifies in
//! time-sliced chunks so the page never freezes, and stores each report.
//!
//! Fetched documents are kept in the `resolved` store with their fetch time. A copy is used
//! only while it is fresh (`wallet_verify::is_fresh`: a status list's own `validUntil`/`ttl`,
//! else 24 h); when online, stale or missing ones are fetched again before the credentials
//! that need them are verified, and "Check again" ([`recheck`]) fetches everything anew. All
//! fetches of a round run at once, each bounded ([`browser::fetch_bounded`]), and a credential
//! is verified as soon as its own documents have arrived: one silent host delays only the
//! credentials that need it. A failed fetch keeps the stored copy; a stale copy never makes a
//! card `verified` (the report says when revocation was last checked).
//!
//! This module is the run loop (chunks of stored credentials, fetches as they answer);
//! `round` holds one round's documents, its fetches and its requests to the worker.

mod round;

use std::collections::HashSet;

use futures::StreamExt as _;
use futures::channel::oneshot;
use futures::stream::FuturesUnordered;

use leptos::prelude::*;

use serde_json::Value;

use crate::storage::{self, Document};
use crate::wallet::Wallet;
use round::{Round, spawn_fetch};

pub use crate::report::{StoredReport, display_time, to_stored};
pub use crate::trust::{learner_trusted, set_learner_trusted};

/// Whether a round uses fresh stored copies or fetches everything anew.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refetch {
    /// Fetch only what is missing or stale (opening the wallet, after an import).
    Stale,
    /// Fetch every document the credentials need ("Check again").
    All,
}

/// The stored report of `local_id`, reloaded whenever reports change.
pub fn stored_report(local_id: String) -> RwSignal<Option<StoredReport>> {
    let wallet = expect_context::<Wallet>();
    let report = RwSignal::new(None::<StoredReport>);
    let id = StoredValue::new(local_id);
    Effect::new(move |_| {
        wallet.reports_version.track();
        let id = id.get_value();
        leptos::task::spawn_local(async move {
            let _ = report.try_set(storage::load_report::<StoredReport>(&id).await);
        });
    });
    report
}

/// The stored documents of `ids`; on a storage error, says so in the wallet and gives None.
async fn load_chunk(wallet: Wallet, ids: &[String]) -> Option<Vec<Document>> {
    match storage::load_documents_by_ids(ids).await {
        Ok(d) => Some(d),
        Err(e) => {
            wallet.storage_message.set(Some(e.to_string()));
            None
        }
    }
}

/// A stored document read as a credential, with the documents linked to it at import
/// (None: it no longer parses).
fn credential_of(doc: &Document) -> Option<wallet_core::Credential> {
    let mut c = wallet_core::parse_credential(doc.original.text()).ok()?;
    wallet_core::apply_linked(&mut c, &doc.linked);
    Some(c)
}

/// Verifies the given credentials (all when `only` is None), updating cards as results come
/// in. Stored documents are used while fresh; stale or missing ones are fetched when online.
pub async fn verify_wallet(wallet: Wallet, only: Option<Vec<String>>) {
    run(wallet, only, Refetch::Stale).await;
}

/// "Check again": verifies the given credentials after fetching every document they need
/// anew (status lists, key documents), whatever the stored copies' age.
pub async fn recheck(wallet: Wallet, ids: Vec<String>) {
    run(wallet, Some(ids), Refetch::All).await;
}

/// Reads stored credentials in chunks of this many.
const CHUNK: usize = 16;

async fn run(wallet: Wallet, only: Option<Vec<String>>, refetch: Refetch) {
    let ids: Vec<String> = match only {
        Some(ids) => ids,
        None => wallet
            .summaries
            .with_untracked(|s| s.iter().map(|x| x.local_id.clone()).collect()),
    };
    if ids.is_empty() {
        return;
    }
    let mut round = Round::start(ids.len()).await;
    wallet.verifying.set(Some((0, round.total)));

    // Fetches run as separate tasks, all at once; each reports on its channel.
    type Answer = (String, Result<Value, String>);
    let mut inflight: FuturesUnordered<oneshot::Receiver<Answer>> = FuturesUnordered::new();
    let mut started: HashSet<String> = HashSet::new();
    // Credentials waiting for documents: (local_id, URLs not yet answered).
    let mut waiting: Vec<(String, Vec<String>)> = Vec::new();
    // URLs answered (fetched or failed) this round: never fetched twice.
    let mut answered: HashSet<String> = HashSet::new();
    let start_fetches =
        |urls: &[String],
         started: &mut HashSet<String>,
         inflight: &mut FuturesUnordered<oneshot::Receiver<Answer>>| {
            for url in urls {
                if started.insert(url.clone()) {
                    let rx = spawn_fetch(url.clone());
                    inflight.push(rx);
                }
            }
        };

    for chunk in ids.chunks(CHUNK) {
        let Some(docs) = load_chunk(wallet, chunk).await else {
            break;
        };
        let mut ready = Vec::new();
        for doc in docs {
            let Some(credential) = credential_of(&doc) else {
                round.done += 1;
                continue;
            };
            let pending = round.to_fetch(&credential, refetch, &answered);
            start_fetches(&pending, &mut started, &mut inflight);
            if pending.is_empty() {
                ready.push((doc, credential));
            } else {
                waiting.push((doc.local_id.clone(), pending));
            }
        }
        round.verify_batch(wallet, ready).await;
    }

    // As each fetch answers, verify the credentials that were waiting only for it (or, when
    // what arrived names further documents, fetch those first).
    while let Some(answer) = inflight.next().await {
        let Ok((url, result)) = answer else { continue };
        round.take_answer(&url, result).await;
        answered.insert(url);
        let (go, stay): (Vec<_>, Vec<_>) = std::mem::take(&mut waiting)
            .into_iter()
            .partition(|(_, urls)| urls.iter().all(|u| answered.contains(u)));
        waiting = stay;
        let go: Vec<String> = go.into_iter().map(|(id, _)| id).collect();
        for chunk in go.chunks(CHUNK) {
            let Some(docs) = load_chunk(wallet, chunk).await else {
                continue;
            };
            let mut batch = Vec::new();
            for doc in docs {
                let Some(credential) = credential_of(&doc) else {
                    continue;
                };
                let more = round.to_fetch(&credential, refetch, &answered);
                if more.is_empty() {
                    batch.push((doc, credential));
                } else {
                    start_fetches(&more, &mut started, &mut inflight);
                    waiting.push((doc.local_id.clone(), more));
                }
            }
            round.verify_batch(wallet, batch).await;
        }
    }
    round.end();
    wallet.verifying.set(None);
    wallet.reports_version.update(|v| *v += 1);
}
