//! The wallet's shared state (`Wallet`, all signals) and the hash routes it moves between.
//! Components and services depend on this module, never on `app.rs` (the layout), so the
//! import graph has no cycle: app → components → wallet.

use std::collections::HashSet;

use leptos::prelude::*;
use wallet_core::library::Summary;
use wallet_core::status::Status;

use crate::importer::{self, Input, Line, Outcome};
use crate::{browser, storage};

/// Where the app is: parsed from and formatted into the URL fragment by the core
/// (`wallet_core::route`, with round-trip tests). leptos_router routes by path, which would
/// need server rewrites; a fragment needs no more than this.
pub use wallet_core::route::Route;

pub fn detail_href(local_id: &str) -> String {
    // An item derived from a CLR's nested credential opens the CLR.
    let local_id = wallet_pathways::item::stored_owner(local_id);
    Route::Detail(local_id.to_string()).to_hash()
}

pub fn go(hash: &str) {
    let _ = browser::window().location().set_hash(hash);
}

/// The wallet's shared state (all signals, so it is Copy).
#[derive(Clone, Copy)]
pub struct Wallet {
    pub summaries: RwSignal<Vec<Summary>>,
    pub loaded: RwSignal<bool>,
    pub lines: RwSignal<Vec<Line>>,
    pub progress: RwSignal<Option<(usize, usize)>>,
    pub busy: RwSignal<bool>,
    pub storage_message: RwSignal<Option<String>>,
    pub route: RwSignal<Route>,
    /// The name of the last deleted credential, while "undo" is offered.
    pub undo_name: RwSignal<Option<String>>,
    /// Verification progress (done, total) while it runs.
    pub verifying: RwSignal<Option<(usize, usize)>>,
    /// Bumped when stored reports change (the detail view re-reads its report).
    pub reports_version: RwSignal<u32>,
    /// How many stored records could not be read (kept unchanged; a notice says so).
    pub unreadable: RwSignal<usize>,
    /// Whether the browser keeps the wallet's data (asked once it holds a credential).
    pub persistence: RwSignal<storage::Persistence>,
    /// Credentials a QR code offers, while they wait for the learner's confirmation.
    pub qr_offer: RwSignal<Option<crate::qr_import::Offer>>,
}

impl Wallet {
    /// The stored status of one credential, followed as re-checks finish (`Unverified` when it
    /// is not in the wallet).
    pub fn status_of(self, local_id: String) -> Signal<Status> {
        Signal::derive(move || {
            self.summaries
                .with(|s| {
                    s.iter()
                        .find(|x| x.local_id == local_id)
                        .map(|x| x.status.clone())
                })
                .unwrap_or(Status::Unverified)
        })
    }

    pub async fn reload(self) {
        match storage::load_summaries().await {
            Ok(list) => {
                self.summaries.set(list);
                self.storage_message.set(None);
            }
            Err(e) => self.storage_message.set(Some(e.to_string())),
        }
        self.loaded.set(true);
    }

    /// Runs an import batch, reporting progress and per-item results.
    pub async fn import(self, inputs: Vec<Input>) {
        if inputs.is_empty() {
            return;
        }
        self.busy.set(true);
        self.lines.set(vec![]);
        let existing: HashSet<String> = self
            .summaries
            .with_untracked(|s| s.iter().map(|x| x.local_id.clone()).collect());
        let progress = self.progress;
        let (lines, added, scanned) =
            importer::import_batch(inputs, existing, move |done, total| {
                progress.set(Some((done, total)));
            })
            .await;
        self.progress.set(None);
        let new_ids: Vec<String> = added.iter().map(|s| s.local_id.clone()).collect();
        if !added.is_empty() {
            self.summaries.update(|s| s.extend(added));
        }
        self.lines.set(lines);
        self.busy.set(false);
        // A picture's QR code (the first, when several pictures had one) is offered.
        if let Some((source, s)) = scanned.into_iter().next() {
            self.take_scanned(&source, s);
        }
        if !new_ids.is_empty() {
            leptos::task::spawn_local(crate::verification::verify_wallet(self, Some(new_ids)));
        }
    }
}

impl Wallet {
    /// What a QR code read from `source` leads to: credentials wait for confirmation, an
    /// address goes to the deep-link confirmation, anything else is said.
    pub fn take_scanned(self, source: &str, scanned: wallet_share::scan::Scanned) {
        use wallet_share::scan::Scanned;
        match scanned {
            Scanned::Credentials { .. } => self.qr_offer.set(Some(crate::qr_import::Offer {
                source: source.to_string(),
                scanned,
            })),
            Scanned::Url(url) => go(&Route::Import(url).to_hash()),
            Scanned::Unusable(message) => self.lines.set(vec![Line {
                outcome: Outcome::Error,
                label: t!("scanned-qr-label", source = source),
                message,
            }]),
        }
    }

    /// Imports the credentials of a share link here ("Save to my wallet" in the viewer leads
    /// to `#/save/<payload>`) and says how many were added, already there or unreadable.
    pub async fn save_shared(self, texts: Vec<String>, result: RwSignal<Option<String>>) {
        self.import(texts.into_iter().map(Input::Text).collect())
            .await;
        let lines = self.lines.get_untracked();
        let count = |o: Outcome| lines.iter().filter(|l| l.outcome == o).count();
        let (added, dup, err) = (
            count(Outcome::Added),
            count(Outcome::Duplicate),
            count(Outcome::Error),
        );
        let mut msg = t!("saved-shared", added = added);
        if dup > 0 {
            msg.push_str(&t!("saved-shared-duplicates", n = dup));
        }
        if err > 0 {
            msg.push_str(&t!("saved-shared-unreadable", n = err));
        }
        msg.push('.');
        result.set(Some(msg));
    }
}
