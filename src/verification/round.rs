//! One verification round: the fetched documents it may use (stored copies while fresh, and
//! this round's fetches), why others could not be fetched, and the round opened in the
//! verification worker, which checks its batches. Reports are annotated with when revocation
//! was checked, written, and the cards updated.

use std::collections::{HashMap, HashSet};

use futures::channel::oneshot;
use leptos::prelude::*;
use serde_json::Value;
use wallet_core::library::Summary;
use wallet_core::sources::Documents;
use wallet_core::status::Status;
use wallet_verify::{is_fresh, needed_documents_with, status_documents_with};

use super::{Refetch, learner_trusted};
use crate::browser;
use crate::report::{CheckOutcome, StoredReport};
use crate::storage::{self, Document, Resolved};
use crate::verify_job::{Item, Request};
use crate::wallet::Wallet;

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

/// Fetches `url` in a task of its own; the answer comes on the returned channel.
pub(super) fn spawn_fetch(url: String) -> oneshot::Receiver<(String, Result<Value, String>)> {
    let (tx, rx) = oneshot::channel();
    leptos::task::spawn_local(async move {
        let answer = fetch_json(&url).await;
        let _ = tx.send((url, answer));
    });
    rx
}

/// The documents of one verification round: stored copies with their fetch time, the fresh
/// ones usable now, and why the others could not be fetched.
pub(super) struct Round {
    /// What verification may use: fresh copies and this round's fetches.
    usable: HashMap<String, Value>,
    /// Every stored copy's fetch time, which are usable, why others could not be fetched, and
    /// whether the browser is online: what the reports say about them (`wallet_core::sources`).
    /// Invariant: `docs.usable` holds exactly the keys of `usable`.
    docs: Documents,
    /// Trust inputs (with the registry, `crate::trust::registry_text`): the learner's own list
    /// and who is looking.
    learner: Vec<String>,
    viewer: wallet_verify::trust::Viewer,
    pub(super) total: usize,
    pub(super) done: usize,
    /// The worker this round is open in, and the round's number there (`None` until asked).
    worker: Option<(std::rc::Rc<crate::worker_client::VerifyWorker>, u64)>,
}

thread_local! {
    /// Numbers the rounds of this page (several may run at once).
    static NEXT_ROUND: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

impl Round {
    /// Opens a round over `total` credentials: the trust inputs, every stored fetched document
    /// and those fresh at the start, whether the browser is online.
    pub(super) async fn start(total: usize) -> Round {
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
        let docs = Documents {
            online: browser::window().navigator().on_line(),
            usable: usable.keys().cloned().collect(),
            fetched_at: stored.into_iter().map(|(u, (_, at))| (u, at)).collect(),
            misses: HashMap::new(),
        };
        Round {
            usable,
            docs,
            learner,
            viewer,
            total,
            done: 0,
            worker: None,
        }
    }

    /// The documents `credential` needs that this round should fetch now: none offline; those
    /// not answered yet this round, not failed, and (unless refetching all) not held fresh.
    /// Asked again after each answer, as a document may name the next one to fetch (a signed
    /// OB 2.0 badge: key and badge → issuer profile → revocation list).
    pub(super) fn to_fetch(
        &self,
        credential: &wallet_core::Credential,
        refetch: Refetch,
        answered: &HashSet<String>,
    ) -> Vec<String> {
        if !self.docs.online {
            return Vec::new();
        }
        needed_documents_with(credential, &self.usable)
            .into_iter()
            .filter(|u| !answered.contains(u))
            .filter(|u| refetch == Refetch::All || !self.usable.contains_key(u))
            .filter(|u| !self.docs.misses.contains_key(u))
            .collect()
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
    pub(super) async fn verify_batch(
        &mut self,
        wallet: Wallet,
        batch: Vec<(Document, wallet_core::Credential)>,
    ) {
        let reports = self.in_worker(&batch).await;
        let mut results: Vec<(Summary, StoredReport)> = Vec::new();
        for ((doc, credential), mut stored) in batch.into_iter().zip(reports) {
            // What the report says about the documents used: how old, and offline or not.
            let status_urls = status_documents_with(&credential, &self.usable);
            let key_urls: Vec<String> = needed_documents_with(&credential, &self.usable)
                .into_iter()
                .filter(|u| !status_urls.contains(u) && stored.hosted.as_ref() != Some(u))
                .collect();
            self.docs.annotate(&mut stored, &status_urls, &key_urls);
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

    /// Closes the round in the worker (it forgets the round's documents).
    pub(super) fn end(&self) {
        if let Some((worker, id)) = &self.worker {
            worker.post(&Request::End { round: *id });
        }
    }

    /// Takes a fetch's answer: a document is stored with its fetch time, sent to the worker and
    /// usable from now on; a failure is remembered (the stored copy stays, used only if still
    /// fresh).
    pub(super) async fn take_answer(&mut self, url: &str, result: Result<Value, String>) {
        match result {
            Ok(value) => {
                let fetched_at = browser::now_iso();
                storage::put_resolved(&Resolved {
                    url: url.to_string(),
                    json: value.to_string(),
                    fetched_at: fetched_at.clone(),
                })
                .await;
                if let Some((worker, id)) = &self.worker {
                    worker.post(&Request::Resolved {
                        round: *id,
                        url: url.to_string(),
                        value: value.clone(),
                    });
                }
                self.docs.fetched_at.insert(url.to_string(), fetched_at);
                self.docs.usable.insert(url.to_string());
                self.usable.insert(url.to_string(), value);
            }
            Err(why) => {
                // The stored copy stays; it is used only if still fresh.
                self.docs.misses.insert(url.to_string(), why);
            }
        }
    }
}

/// The report of a credential no worker could check: not verified, and why.
fn not_checked(local_id: &str, now: &str) -> StoredReport {
    StoredReport {
        local_id: local_id.to_string(),
        status: Status::Unverified,
        checks: vec![{
            let text = wallet_core::text!("verify-not-checked-stopped");
            crate::report::StoredCheck {
                id: "signature".into(),
                outcome: CheckOutcome::NotChecked,
                message: text.english(),
                checked_at: None,
                text: Some(text),
                notes: vec![],
            }
        }],
        proofs: vec![],
        checked_at: now.to_string(),
        hosted: None,
        endorsements: vec![],
        nested: vec![],
    }
}
