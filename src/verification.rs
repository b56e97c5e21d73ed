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

use std::collections::{HashMap, HashSet};

use futures::StreamExt as _;
use futures::channel::oneshot;
use futures::stream::FuturesUnordered;

use leptos::prelude::*;

use serde_json::Value;
use wallet_core::library::Summary;
use wallet_core::status::Status;
use wallet_verify::{is_fresh, needed_documents_with, status_documents_with};

use crate::app::Wallet;
use crate::browser;
use crate::storage::{self, Document, Resolved};
use crate::verify_job::{Item, Request};

pub use crate::report::{StoredReport, display_time, to_stored};
pub use crate::trust::{learner_trusted, set_learner_trusted};

/// Whether a round uses fresh stored copies or fetches everything anew.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Refetch {
    /// Fetch only what is missing or stale (opening the wallet, after an import).
    Stale,
    /// Fetch every document the credentials need ("Check again").
    All,
}

/// Fetches a JSON document for verification, bounded in time and size.
async fn fetch_json(url: &str) -> Result<Value, String> {
    let bytes = browser::fetch_bounded(
        url,
        browser::ACCEPT_DOCUMENT,
        browser::FETCH_MAX_BYTES,
        browser::FETCH_TIMEOUT_MS,
    )
    .await
    .map_err(|e| e.reason())?;
    // Strict JSON: a duplicate member name (two readings of one list) is refused.
    wallet_core::json::from_slice(&bytes).map_err(|e| {
        if wallet_core::json::is_duplicate_error(&e) {
            format!("the answer has a {e}")
        } else {
            "the answer is not a JSON document".to_string()
        }
    })
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

/// The documents of one verification round: stored copies with their fetch time, the fresh
/// ones usable now, and why the others could not be fetched.
struct Round {
    /// Every stored copy (fresh or not): URL → (document, fetched at).
    stored: HashMap<String, (Value, String)>,
    /// What verification may use: fresh copies and this round's fetches.
    usable: HashMap<String, Value>,
    /// Why a URL could not be fetched this round.
    misses: HashMap<String, String>,
    online: bool,
    /// Trust inputs (with the registry, `crate::trust::registry_text`): the learner's own list
    /// and who is looking.
    learner: Vec<String>,
    viewer: wallet_verify::trust::Viewer,
    total: usize,
    done: usize,
    /// The worker this round is open in, and the round's number there (`None` until asked).
    worker: Option<(std::rc::Rc<crate::worker_client::VerifyWorker>, u64)>,
}

thread_local! {
    /// Numbers the rounds of this page (several may run at once).
    static NEXT_ROUND: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

impl Round {
    /// The documents `credential` needs that this round should fetch now: none offline; those
    /// not answered yet this round, not failed, and (unless refetching all) not held fresh.
    /// Asked again after each answer, as a document may name the next one to fetch (a signed
    /// OB 2.0 badge: key and badge → issuer profile → revocation list).
    fn to_fetch(
        &self,
        credential: &wallet_core::Credential,
        refetch: Refetch,
        answered: &HashSet<String>,
    ) -> Vec<String> {
        if !self.online {
            return Vec::new();
        }
        needed_documents_with(credential, &self.usable)
            .into_iter()
            .filter(|u| !answered.contains(u))
            .filter(|u| refetch == Refetch::All || !self.usable.contains_key(u))
            .filter(|u| !self.misses.contains_key(u))
            .collect()
    }

    /// Says on the status check when revocation was checked, or why it could not be.
    fn annotate(&self, report: &mut StoredReport, status_urls: &[String]) {
        let Some(check) = report.checks.iter_mut().find(|c| c.id == "status") else {
            return;
        };
        if status_urls.is_empty() {
            return;
        }
        if check.outcome == "pass" || check.outcome == "fail" {
            // The oldest list actually used.
            check.checked_at = status_urls
                .iter()
                .filter(|u| self.usable.contains_key(*u))
                .filter_map(|u| self.stored.get(u).map(|(_, at)| at.clone()))
                .min();
            return;
        }
        for url in status_urls.iter().filter(|u| !self.usable.contains_key(*u)) {
            let mut why = match self.misses.get(url) {
                Some(m) => format!(" Fetching {url} failed: {m}."),
                None if !self.online => format!(" {url} was not fetched: you are offline."),
                None => String::new(),
            };
            if let Some((_, at)) = self.stored.get(url) {
                why.push_str(&format!(
                    " Revocation was last checked {}; that copy of the list is out of date.",
                    display_time(at)
                ));
            }
            check.message.push_str(&why);
        }
    }

    /// The batch's reports, in order, verified in the worker. If the worker fails on the batch
    /// (one credential may be what stops it), a fresh worker checks the credentials one by one,
    /// so that one cannot take the others with it; a credential no worker could check is
    /// reported as not checked, never as verified.
    async fn in_worker(
        &mut self,
        batch: &[(Document, wallet_core::Credential)],
    ) -> Vec<StoredReport> {
        let items: Vec<Item> = batch
            .iter()
            .map(|(doc, _)| Item {
                local_id: doc.local_id.clone(),
                original: doc.original.clone(),
                linked: doc.linked.clone(),
            })
            .collect();
        let n = items.len();
        if let Some(reports) = self.ask(items.clone()).await.filter(|r| r.len() == n) {
            self.done += n;
            return reports;
        }
        let mut out = Vec::with_capacity(n);
        for item in items {
            let id = item.local_id.clone();
            match self.ask(vec![item]).await.filter(|r| r.len() == 1) {
                Some(mut r) => out.push(r.remove(0)),
                None => out.push(not_checked(&id, &browser::now_iso())),
            }
            self.done += 1;
        }
        out
    }

    /// One request to a running worker that has this round open (a fresh worker gets the
    /// round's trust inputs and documents first); `None` when it could not answer.
    async fn ask(&mut self, items: Vec<Item>) -> Option<Vec<StoredReport>> {
        let worker = crate::worker_client::get()?;
        if !self
            .worker
            .as_ref()
            .is_some_and(|(w, _)| std::rc::Rc::ptr_eq(w, &worker))
        {
            let id = NEXT_ROUND.with(|n| n.replace(n.get() + 1));
            worker.post(&Request::Round {
                round: id,
                registry: crate::trust::registry_text().to_string(),
                learner: self.learner.clone(),
                demo_loaded: matches!(
                    self.viewer,
                    wallet_verify::trust::Viewer::Learner { demo_loaded: true }
                ),
                resolved: self.usable.clone(),
            });
            self.worker = Some((worker.clone(), id));
        }
        let round = self.worker.as_ref()?.1;
        worker.verify(round, browser::now_iso(), items).await
    }

    /// Verifies parsed credentials with the documents usable now, writes their reports and
    /// updates their cards.
    async fn verify_batch(
        &mut self,
        wallet: Wallet,
        batch: Vec<(Document, wallet_core::Credential)>,
    ) {
        let reports = self.in_worker(&batch).await;
        let mut results: Vec<(Summary, StoredReport)> = Vec::new();
        for ((doc, credential), mut stored) in batch.into_iter().zip(reports) {
            self.annotate(
                &mut stored,
                &status_documents_with(&credential, &self.usable),
            );
            let summary = wallet
                .summaries
                .with_untracked(|s| s.iter().find(|x| x.local_id == doc.local_id).cloned());
            if let Some(mut summary) = summary {
                // An OB 2.0 badge whose issuer hosts it: the card shows the hosted copy.
                if let Some(h) = stored.hosted.as_ref().and_then(|u| self.usable.get(u))
                    && let Ok(mut hc) = wallet_core::parse_credential(&h.to_string())
                {
                    wallet_core::apply_linked(&mut hc, &doc.linked);
                    let mut shown =
                        Summary::from_credential(&hc, Status::Pending, summary.added_at);
                    shown.local_id = summary.local_id.clone();
                    summary = shown;
                }
                summary.status = stored.status.clone();
                // A CLR: each nested credential's own status, by position (for pathways).
                summary.nested_status = vec![Status::Unverified; stored.nested.len()];
                for n in &stored.nested {
                    if let Some(slot) = summary.nested_status.get_mut(n.index) {
                        *slot = n.status.clone();
                    }
                }
                results.push((summary, stored));
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
        wallet.verifying.set(Some((self.done, self.total)));
        browser::yield_now().await;
    }
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
    // Read (or fetched) once before the round: the worker gets its text.
    crate::trust::registry().await;
    let learner = learner_trusted();
    let viewer = crate::trust::learner_viewer();
    let start = browser::now_iso();
    let stored: HashMap<String, (Value, String)> = storage::load_resolved()
        .await
        .into_iter()
        .filter_map(|r| {
            Some((
                r.url,
                (wallet_core::json::from_str(&r.json).ok()?, r.fetched_at),
            ))
        })
        .collect();
    let usable: HashMap<String, Value> = stored
        .iter()
        .filter(|(_, (v, at))| is_fresh(v, at, &start))
        .map(|(u, (v, _))| (u.clone(), v.clone()))
        .collect();
    let mut round = Round {
        stored,
        usable,
        misses: HashMap::new(),
        online: browser::window().navigator().on_line(),
        learner,
        viewer,
        total: ids.len(),
        done: 0,
        worker: None,
    };
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
                    let (tx, rx) = oneshot::channel();
                    let url = url.clone();
                    leptos::task::spawn_local(async move {
                        let answer = fetch_json(&url).await;
                        let _ = tx.send((url, answer));
                    });
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
        match result {
            Ok(value) => {
                let fetched_at = browser::now_iso();
                storage::put_resolved(&Resolved {
                    url: url.clone(),
                    json: value.to_string(),
                    fetched_at: fetched_at.clone(),
                })
                .await;
                if let Some((worker, id)) = &round.worker {
                    worker.post(&Request::Resolved {
                        round: *id,
                        url: url.clone(),
                        value: value.clone(),
                    });
                }
                round
                    .stored
                    .insert(url.clone(), (value.clone(), fetched_at));
                round.usable.insert(url.clone(), value);
            }
            Err(why) => {
                // The stored copy stays; it is used only if still fresh.
                round.misses.insert(url.clone(), why);
            }
        }
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
    if let Some((worker, id)) = &round.worker {
        worker.post(&Request::End { round: *id });
    }
    wallet.verifying.set(None);
    wallet.reports_version.update(|v| *v += 1);
}

/// The report of a credential no worker could check: not verified, and why.
fn not_checked(local_id: &str, now: &str) -> StoredReport {
    StoredReport {
        local_id: local_id.to_string(),
        status: Status::Unverified,
        checks: vec![crate::report::StoredCheck {
            id: "signature".into(),
            outcome: "not-checked".into(),
            message: "This credential could not be checked: the verifier stopped on it, or cannot run in this browser.".into(),
            checked_at: None,
        }],
        proofs: vec![],
        checked_at: now.to_string(),
        hosted: None,
        endorsements: vec![],
        nested: vec![],
    }
}
