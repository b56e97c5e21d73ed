//! IndexedDB persistence (via the `idb` crate).
//!
//! Schema (version [`SCHEMA_VERSION`]):
//! - `summaries`  (key `local_id`): the small card data, loaded in full when the wallet opens;
//! - `documents`  (key `local_id`): the exact original document, read on demand (detail, export);
//! - `images`     (key `local_id`): the card image as a Blob, read lazily per visible card;
//! - `reports`    (key `local_id`, since v2): the last verification report and when it was made;
//! - `resolved`   (key `url`, since v2): documents fetched for verification (did:web, status
//!   lists, hosted OB 2.0 assertions) with the time they were fetched (`fetched_at`, RFC 3339).
//!   `verification.rs` uses a copy only while it is fresh (`wallet_verify::is_fresh`) and
//!   replaces it only with a successful fetch: a failed fetch never removes a stored copy.
//!
//! The modules: `open` (the database and its schema upgrades), `reads` (summaries, documents,
//! images), `writes` (import batches, delete and undo), `reports` (verification reports and
//! fetched documents), `unreadable` (records this version cannot read), `persist` (asking the
//! browser to keep the data), `tabs` (other tabs told of every change).
//!
//! Every import batch, restore and delete is one readwrite transaction over the three stores,
//! so an interrupted batch (tab closed, storage full) leaves the store as it was before.
//! Other tabs are told of every change on the `learner-wallet` BroadcastChannel.
//!
//! Nothing stored is ever lost silently:
//! - records are decoded tolerantly (unknown fields, e.g. a newer wallet's, are ignored; missing
//!   optional fields take their default). A record that still cannot be decoded is *unreadable*:
//!   it is counted ([`watch_unreadable`]) so the learner is told, and it is never dropped or
//!   written over: every write first reads, in the same transaction, what it would replace and
//!   leaves an unreadable record as it is;
//! - a write that updates a credential's status ([`put_reports`]) first checks, in the same
//!   transaction, that the credential is still stored: a result computed before another tab
//!   deleted it never re-creates it;
//! - a delete keeps every store's record of the credential exactly as it was read (unknown
//!   fields included), and undo ([`restore`]) puts all of them back in one transaction.

mod open;
mod persist;
mod reads;
mod reports;
mod tabs;
mod unreadable;
mod writes;

use serde::{Deserialize, Serialize};
use wallet_core::library::Summary;
use wallet_core::model::Original;
use wasm_bindgen::JsValue;

pub use open::db;
pub use persist::{Persistence, ensure_persistent};
pub use reads::{
    load_document, load_documents, load_documents_by_ids, load_documents_counted, load_image,
    load_images, load_summaries,
};
pub use reports::{Resolved, load_report, load_resolved, put_reports, put_resolved};
pub use tabs::listen_to_other_tabs;
pub use unreadable::watch_unreadable;
pub use writes::{Removed, delete, put_batch, restore};

pub const DB_NAME: &str = "learner-wallet";
pub const SCHEMA_VERSION: u32 = 2;
/// The stores that hold one credential's data (written and deleted together).
const STORES: [&str; 4] = ["summaries", "documents", "images", "reports"];

/// The stored document of one credential.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Document {
    pub local_id: String,
    pub original: Original,
    #[serde(default)]
    pub added_at: f64,
    /// Where it came from ("pasted", a file name, a URL, "backup", "demo").
    #[serde(default)]
    pub source: Option<String>,
    /// Documents an OB 2.0 assertion links to (BadgeClass, Issuer), fetched at import: URL → JSON.
    #[serde(default)]
    pub linked: std::collections::BTreeMap<String, String>,
}

/// One credential as written in a batch.
pub struct Record {
    pub summary: Summary,
    pub document: Document,
    /// The card image, already decoded (mime type, bytes).
    pub image: Option<(String, Vec<u8>)>,
}

/// Why a write failed, in words a person understands.
#[derive(Debug, Clone)]
pub enum StoreError {
    Full,
    Unavailable(String),
    /// The record is stored but could not be decoded (damaged, or written by a newer version of
    /// the wallet in a form this one cannot read). It was kept unchanged.
    Unreadable,
}

/// In the interface's language (the shell's current one), as every caller shows it.
impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            StoreError::Full => t!("storage-full"),
            StoreError::Unavailable(why) => t!("storage-unavailable", why = why),
            StoreError::Unreadable => t!("storage-unreadable-badge"),
        };
        f.write_str(&text)
    }
}

impl From<idb::Error> for StoreError {
    fn from(e: idb::Error) -> Self {
        let text = e.to_string();
        if text.contains("QuotaExceeded") {
            StoreError::Full
        } else {
            StoreError::Unavailable(text)
        }
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StoreError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| StoreError::Unavailable(e.to_string()))
}

fn from_js<T: for<'de> Deserialize<'de>>(value: JsValue) -> Option<T> {
    serde_wasm_bindgen::from_value(value).ok()
}

/// Awaits a transaction and turns an abort into a specific error.
async fn finish(tx: idb::Transaction) -> Result<(), StoreError> {
    let probe = tx.object_store(STORES[0]).map(|s| s.transaction());
    let result = tx.commit()?.await?;
    if result.is_aborted() {
        let name = probe
            .ok()
            .and_then(|t| t.error())
            .map(|e| e.name())
            .unwrap_or_default();
        return Err(if name == "QuotaExceededError" {
            StoreError::Full
        } else {
            StoreError::Unavailable(if name.is_empty() {
                t!("storage-write-aborted")
            } else {
                name
            })
        });
    }
    Ok(())
}
