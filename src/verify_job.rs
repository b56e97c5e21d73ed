//! Verification as a message protocol, so that it runs off the main thread: the wallet's
//! re-check (src/verification.rs) posts [`Request`]s to a Web Worker running
//! `src/bin/verify_worker.rs`, which answers each `verify` request with the stored reports
//! (`crate::report`, made exactly as the employer's view makes them on its page).
//!
//! Messages are JSON text. A round carries what every credential of one re-check shares
//! (trusted issuers, the registry, fetched documents, which arrive during the round); rounds
//! are numbered by the page, and several may be open at once (a re-check on open and one after
//! an import).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use wallet_core::Original;
use wallet_verify::trust::{Registry, Viewer};

use crate::report::{StoredReport, to_stored};

/// At most this many rounds are kept; the oldest is dropped first (a page that never ends
/// its rounds cannot grow the worker without bound).
const MAX_ROUNDS: usize = 8;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Request {
    /// Opens round `round`.
    Round {
        round: u64,
        /// The trust registry's JSON text (`trust/known-issuers.json` or the bundled copy).
        registry: String,
        /// The learner's own trusted issuers.
        learner: Vec<String>,
        /// Whether "Load demo badges" was used in this wallet.
        demo_loaded: bool,
        /// The documents fetched and fresh when the round starts: URL → JSON.
        resolved: HashMap<String, Value>,
    },
    /// A document fetched during the round.
    Resolved {
        round: u64,
        url: String,
        value: Value,
    },
    /// Verify `items` at `now` with the round's documents.
    Verify {
        round: u64,
        job: u64,
        now: String,
        items: Vec<Item>,
    },
    /// The round is over: forget its documents.
    End { round: u64 },
    /// Read the QR codes in a grey picture (`width × height` bytes, base64), answered with
    /// `codes`. Here rather than on the page: the QR reader (rqrr) panics on some pictures,
    /// and a panic ends this worker, not the wallet (`crate::qr_import`).
    ReadQr {
        job: u64,
        width: usize,
        height: usize,
        luma: String,
    },
}

/// One stored credential to verify.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Item {
    pub local_id: String,
    pub original: Original,
    /// Documents an OB 2.0 assertion links to, fetched at import (`storage::Document::linked`).
    #[serde(default)]
    pub linked: BTreeMap<String, String>,
}

/// The answer to a `verify` request: one report per item that still parses, in order.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Response {
    pub job: u64,
    pub reports: Vec<StoredReport>,
    /// Why the request could not be answered (unknown round, unreadable message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The texts of the QR codes read (`read-qr`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

struct Round {
    id: u64,
    registry: Registry,
    learner: Vec<String>,
    viewer: Viewer,
    trusted: Vec<String>,
    resolved: HashMap<String, Value>,
}

/// The worker's state: the open rounds.
#[derive(Default)]
pub struct Worker {
    rounds: Vec<Round>,
}

impl Worker {
    /// Handles one message; returns the answer to post back (only `verify` has one). Total.
    pub fn handle(&mut self, message: &str) -> Option<String> {
        let request: Request = match serde_json::from_str(message) {
            Ok(r) => r,
            Err(e) => {
                let answer = Response {
                    job: 0,
                    reports: vec![],
                    error: Some(format!("unreadable request: {e}")),
                    codes: vec![],
                };
                return serde_json::to_string(&answer).ok();
            }
        };
        match request {
            Request::Round {
                round,
                registry,
                learner,
                demo_loaded,
                resolved,
            } => {
                let registry = Registry::parse(&registry).unwrap_or_default();
                let viewer = Viewer::Learner { demo_loaded };
                let trusted = wallet_verify::trust::trusted_ids(&registry, &learner, viewer);
                self.rounds.retain(|r| r.id != round);
                if self.rounds.len() >= MAX_ROUNDS {
                    self.rounds.remove(0);
                }
                self.rounds.push(Round {
                    id: round,
                    registry,
                    learner,
                    viewer,
                    trusted,
                    resolved,
                });
                None
            }
            Request::Resolved { round, url, value } => {
                if let Some(r) = self.rounds.iter_mut().find(|r| r.id == round) {
                    r.resolved.insert(url, value);
                }
                None
            }
            Request::End { round } => {
                self.rounds.retain(|r| r.id != round);
                None
            }
            Request::Verify {
                round,
                job,
                now,
                items,
            } => {
                let answer = match self.rounds.iter().find(|r| r.id == round) {
                    Some(r) => Response {
                        job,
                        reports: items.iter().filter_map(|i| r.verify(i, &now)).collect(),
                        error: None,
                        codes: vec![],
                    },
                    None => Response {
                        job,
                        reports: vec![],
                        error: Some(format!("no round {round}")),
                        codes: vec![],
                    },
                };
                serde_json::to_string(&answer).ok()
            }
            Request::ReadQr {
                job,
                width,
                height,
                luma,
            } => {
                use base64::Engine;
                let answer = match base64::engine::general_purpose::STANDARD.decode(luma) {
                    Ok(luma) => Response {
                        job,
                        reports: vec![],
                        error: None,
                        codes: wallet_core::qr::read_codes_multiscale(width, height, &luma),
                    },
                    Err(_) => Response {
                        job,
                        reports: vec![],
                        error: Some("unreadable picture".into()),
                        codes: vec![],
                    },
                };
                serde_json::to_string(&answer).ok()
            }
        }
    }
}

impl Round {
    fn verify(&self, item: &Item, now: &str) -> Option<StoredReport> {
        let mut credential = wallet_core::parse_credential(item.original.text()).ok()?;
        wallet_core::apply_linked(&mut credential, &item.linked);
        let ctx = wallet_verify::VerifyContext {
            now,
            skew_seconds: 300,
            resolved: &self.resolved,
            trusted_issuers: &self.trusted,
        };
        let report = wallet_verify::verify(&credential, &ctx);
        let trust = wallet_verify::trust::decide(
            credential.issuer.id.as_deref(),
            &self.registry,
            &self.learner,
            self.viewer,
        );
        Some(to_stored(&item.local_id, &report, now, &trust, self.viewer))
    }
}
