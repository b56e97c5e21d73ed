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
//! Every import batch, restore and delete is one readwrite transaction over the three stores,
//! so an interrupted batch (tab closed, storage full) leaves the store as it was before.
//! Other tabs are told of every change on the `learner-wallet` BroadcastChannel.

use std::cell::RefCell;
use std::rc::Rc;

use idb::{Database, DatabaseEvent, Factory, KeyPath, ObjectStoreParams, Query, TransactionMode};
use serde::{Deserialize, Serialize};
use wallet_core::library::Summary;
use wallet_core::model::Original;
use wasm_bindgen::{JsCast, JsValue};

pub const DB_NAME: &str = "learner-wallet";
pub const SCHEMA_VERSION: u32 = 2;
/// The stores that hold one credential's data (written and deleted together).
const STORES: [&str; 4] = ["summaries", "documents", "images", "reports"];
const CHANNEL: &str = "learner-wallet";

/// The stored document of one credential.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Document {
    pub local_id: String,
    pub original: Original,
    pub added_at: f64,
    /// Where it came from ("pasted", a file name, a URL, "backup", "demo").
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
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Full => write!(
                f,
                "Your browser's storage is full, so nothing from this import was saved. \
                 Everything already in your wallet is safe. Free some space (delete badges or other \
                 sites' data) and try again."
            ),
            StoreError::Unavailable(why) => write!(
                f,
                "The wallet could not use the browser's storage ({why}). Nothing was changed."
            ),
        }
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

thread_local! {
    static DB: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

/// Opens (and creates or migrates) the database once per page.
pub async fn db() -> Result<Rc<Database>, StoreError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = Factory::new()?;
    let mut request = factory.open(DB_NAME, Some(SCHEMA_VERSION))?;
    request.on_upgrade_needed(|event| {
        let Ok(database) = event.database() else {
            return;
        };
        let old = event.old_version().unwrap_or(0);
        // Migration path: each step moves the schema from version N to N+1.
        if old < 1 {
            for name in ["summaries", "documents", "images"] {
                let mut params = ObjectStoreParams::new();
                params.key_path(Some(KeyPath::new_single("local_id")));
                let _ = database.create_object_store(name, params);
            }
        }
        if old < 2 {
            let mut params = ObjectStoreParams::new();
            params.key_path(Some(KeyPath::new_single("local_id")));
            let _ = database.create_object_store("reports", params);
            let mut params = ObjectStoreParams::new();
            params.key_path(Some(KeyPath::new_single("url")));
            let _ = database.create_object_store("resolved", params);
        }
        // (future) if old < 3 { ... }
    });
    let mut database = request.await?;
    // Another tab wants to upgrade the schema: close so it can, then reload to pick it up.
    database.on_version_change(|_| {
        DB.with(|d| {
            if let Some(db) = d.borrow_mut().take() {
                db.close();
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let database = Rc::new(database);
    DB.with(|d| *d.borrow_mut() = Some(database.clone()));
    Ok(database)
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
                "the write was aborted".into()
            } else {
                name
            })
        });
    }
    Ok(())
}

/// All card summaries, for the gallery.
pub async fn load_summaries() -> Result<Vec<Summary>, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&["summaries"], TransactionMode::ReadOnly)?;
    let values = tx.object_store("summaries")?.get_all(None, None)?.await?;
    Ok(values.into_iter().filter_map(from_js).collect())
}

/// The stored document of one credential.
pub async fn load_document(local_id: &str) -> Result<Option<Document>, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&["documents"], TransactionMode::ReadOnly)?;
    let value = tx
        .object_store("documents")?
        .get(Query::Key(JsValue::from_str(local_id)))?
        .await?;
    Ok(value.and_then(from_js))
}

/// Every stored document (for the backup).
pub async fn load_documents() -> Result<Vec<Document>, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&["documents"], TransactionMode::ReadOnly)?;
    let values = tx.object_store("documents")?.get_all(None, None)?.await?;
    Ok(values.into_iter().filter_map(from_js).collect())
}

/// The card image of one credential, as a Blob.
pub async fn load_image(local_id: &str) -> Option<web_sys::Blob> {
    load_images(&[local_id.to_string()])
        .await
        .into_iter()
        .next()
        .flatten()
}

/// The card images of several credentials, read in one transaction (cards ask in batches).
pub async fn load_images(local_ids: &[String]) -> Vec<Option<web_sys::Blob>> {
    let read = async {
        let db = db().await.ok()?;
        let tx = db
            .transaction(&["images"], TransactionMode::ReadOnly)
            .ok()?;
        let store = tx.object_store("images").ok()?;
        let mut requests = Vec::with_capacity(local_ids.len());
        for id in local_ids {
            requests.push(store.get(Query::Key(JsValue::from_str(id))).ok()?);
        }
        let mut out = Vec::with_capacity(local_ids.len());
        for request in requests {
            let value = request.await.ok().flatten();
            out.push(value.and_then(|v| {
                js_sys::Reflect::get(&v, &JsValue::from_str("blob"))
                    .ok()?
                    .dyn_into::<web_sys::Blob>()
                    .ok()
            }));
        }
        Some(out)
    };
    read.await.unwrap_or_else(|| vec![None; local_ids.len()])
}

/// Documents of the given credentials (one transaction; missing ones are skipped).
pub async fn load_documents_by_ids(local_ids: &[String]) -> Result<Vec<Document>, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&["documents"], TransactionMode::ReadOnly)?;
    let store = tx.object_store("documents")?;
    let mut requests = Vec::with_capacity(local_ids.len());
    for id in local_ids {
        requests.push(store.get(Query::Key(JsValue::from_str(id)))?);
    }
    let mut out = Vec::with_capacity(local_ids.len());
    for request in requests {
        if let Some(doc) = request.await?.and_then(from_js) {
            out.push(doc);
        }
    }
    Ok(out)
}

/// Writes verification results: the new card summaries and their reports, in one transaction.
pub async fn put_reports<R: Serialize>(items: &[(Summary, R)]) -> Result<(), StoreError> {
    if items.is_empty() {
        return Ok(());
    }
    let db = db().await?;
    let tx = db.transaction(&["summaries", "reports"], TransactionMode::ReadWrite)?;
    let summaries = tx.object_store("summaries")?;
    let reports = tx.object_store("reports")?;
    for (summary, report) in items {
        summaries.put(&to_js(summary)?, None)?;
        reports.put(&to_js(report)?, None)?;
    }
    finish(tx).await?;
    notify_other_tabs();
    Ok(())
}

/// The stored verification report of one credential.
pub async fn load_report<R: for<'de> Deserialize<'de>>(local_id: &str) -> Option<R> {
    let db = db().await.ok()?;
    let tx = db
        .transaction(&["reports"], TransactionMode::ReadOnly)
        .ok()?;
    let value = tx
        .object_store("reports")
        .ok()?
        .get(Query::Key(JsValue::from_str(local_id)))
        .ok()?
        .await
        .ok()??;
    from_js(value)
}

/// A document fetched for verification.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Resolved {
    pub url: String,
    pub json: String,
    pub fetched_at: String,
}

/// Every cached fetched document.
pub async fn load_resolved() -> Vec<Resolved> {
    let read = async {
        let db = db().await.ok()?;
        let tx = db
            .transaction(&["resolved"], TransactionMode::ReadOnly)
            .ok()?;
        let values = tx
            .object_store("resolved")
            .ok()?
            .get_all(None, None)
            .ok()?
            .await
            .ok()?;
        Some(values.into_iter().filter_map(from_js).collect())
    };
    read.await.unwrap_or_default()
}

/// Caches a fetched document (best effort: a failure only means it is fetched again).
pub async fn put_resolved(item: &Resolved) {
    let write = async {
        let db = db().await.ok()?;
        let tx = db
            .transaction(&["resolved"], TransactionMode::ReadWrite)
            .ok()?;
        tx.object_store("resolved")
            .ok()?
            .put(&to_js(item).ok()?, None)
            .ok()?;
        tx.commit().ok()?.await.ok()
    };
    let _ = write.await;
}

/// Writes a whole batch in one transaction: all of it is stored, or none of it.
pub async fn put_batch(records: &[Record]) -> Result<(), StoreError> {
    if records.is_empty() {
        return Ok(());
    }
    let db = db().await?;
    let tx = db.transaction(&STORES, TransactionMode::ReadWrite)?;
    let summaries = tx.object_store("summaries")?;
    let documents = tx.object_store("documents")?;
    let images = tx.object_store("images")?;
    for record in records {
        summaries.put(&to_js(&record.summary)?, None)?;
        documents.put(&to_js(&record.document)?, None)?;
        if let Some((mime, bytes)) = &record.image {
            let blob = crate::browser::blob(bytes, mime).map_err(StoreError::Unavailable)?;
            let obj = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &obj,
                &"local_id".into(),
                &JsValue::from_str(&record.summary.local_id),
            );
            let _ = js_sys::Reflect::set(&obj, &"blob".into(), &blob);
            images.put(&obj, None)?;
        }
    }
    finish(tx).await?;
    notify_other_tabs();
    Ok(())
}

/// Deletes credentials (one transaction).
pub async fn delete(local_ids: &[String]) -> Result<(), StoreError> {
    let db = db().await?;
    let tx = db.transaction(&STORES, TransactionMode::ReadWrite)?;
    for name in STORES {
        let store = tx.object_store(name)?;
        for id in local_ids {
            store.delete(Query::Key(JsValue::from_str(id)))?;
        }
    }
    finish(tx).await?;
    notify_other_tabs();
    Ok(())
}

/// Reads one record whole (used to offer "undo" after a delete).
pub async fn load_record(
    local_id: &str,
) -> Result<Option<(Summary, Document, Option<web_sys::Blob>)>, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&["summaries", "documents"], TransactionMode::ReadOnly)?;
    let key = || Query::Key(JsValue::from_str(local_id));
    let summary = tx
        .object_store("summaries")?
        .get(key())?
        .await?
        .and_then(from_js);
    let document = tx
        .object_store("documents")?
        .get(key())?
        .await?
        .and_then(from_js);
    let image = load_image(local_id).await;
    Ok(match (summary, document) {
        (Some(s), Some(d)) => Some((s, d, image)),
        _ => None,
    })
}

/// Puts back a record exactly as it was read (undo of a delete).
pub async fn restore_record(
    summary: &Summary,
    document: &Document,
    image: Option<&web_sys::Blob>,
) -> Result<(), StoreError> {
    let db = db().await?;
    let tx = db.transaction(&STORES, TransactionMode::ReadWrite)?;
    tx.object_store("summaries")?.put(&to_js(summary)?, None)?;
    tx.object_store("documents")?.put(&to_js(document)?, None)?;
    if let Some(blob) = image {
        let obj = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &obj,
            &"local_id".into(),
            &JsValue::from_str(&summary.local_id),
        );
        let _ = js_sys::Reflect::set(&obj, &"blob".into(), blob);
        tx.object_store("images")?.put(&obj, None)?;
    }
    finish(tx).await?;
    notify_other_tabs();
    Ok(())
}

thread_local! {
    /// One channel object per page: a BroadcastChannel does not hear its own messages,
    /// so this tab is not woken by its own writes.
    static TAB_CHANNEL: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANNEL).ok();
}

fn notify_other_tabs() {
    TAB_CHANNEL.with(|c| {
        if let Some(channel) = c {
            let _ = channel.post_message(&JsValue::from_str("changed"));
        }
    });
}

/// Calls `on_change` whenever another tab changed the wallet.
pub fn listen_to_other_tabs(on_change: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    TAB_CHANNEL.with(|c| {
        if let Some(channel) = c {
            let callback = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| on_change());
            channel.set_onmessage(Some(callback.as_ref().unchecked_ref()));
            // Lives as long as the page.
            callback.forget();
        }
    });
}
