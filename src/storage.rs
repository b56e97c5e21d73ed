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

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::future::IntoFuture;
use std::rc::Rc;

use idb::{Database, DatabaseEvent, Factory, KeyPath, ObjectStoreParams, Query, TransactionMode};
use serde::de::DeserializeOwned;
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
            StoreError::Unreadable => write!(
                f,
                "This badge is stored in your wallet, but its stored record could not be read \
                 (it may be damaged, or saved by a newer version of the wallet). It was kept unchanged."
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

/// A listener told a count.
type OnCount = Box<dyn Fn(usize)>;

thread_local! {
    /// Stored records found unreadable in this page, as (store, key).
    static UNREADABLE: RefCell<BTreeSet<(&'static str, String)>> = const { RefCell::new(BTreeSet::new()) };
    /// Told the number of unreadable records whenever it changes.
    static ON_UNREADABLE: RefCell<Option<OnCount>> = const { RefCell::new(None) };
}

/// Calls `on_count` with the number of stored records (credentials, whichever of their stores
/// holds the unreadable part) that could not be read, now and whenever it changes (the app shows
/// a notice while it is not zero).
pub fn watch_unreadable(on_count: impl Fn(usize) + 'static) {
    on_count(unreadable_count());
    ON_UNREADABLE.with(|w| *w.borrow_mut() = Some(Box::new(on_count)));
}

/// How many credentials have a stored record that could not be read.
fn unreadable_count() -> usize {
    UNREADABLE.with(|u| {
        u.borrow()
            .iter()
            .map(|(_, key)| key)
            .collect::<BTreeSet<_>>()
            .len()
    })
}

fn unreadable_changed() {
    let n = unreadable_count();
    ON_UNREADABLE.with(|w| {
        if let Some(f) = w.borrow().as_ref() {
            f(n)
        }
    });
}

/// Notes whether the record `key` of `store` could be read.
fn note_readable(store: &'static str, key: &str, readable: bool) {
    let changed = UNREADABLE.with(|u| {
        let mut u = u.borrow_mut();
        let entry = (store, key.to_string());
        if readable {
            u.remove(&entry)
        } else {
            u.insert(entry)
        }
    });
    if changed {
        unreadable_changed();
    }
}

/// Forgets what was noted about `stores` (before they are read again in full, or after a delete).
fn forget_unreadable(stores: &[&str], key: Option<&str>) {
    let changed = UNREADABLE.with(|u| {
        let mut u = u.borrow_mut();
        let before = u.len();
        u.retain(|(s, k)| !(stores.contains(s) && key.is_none_or(|key| key == k.as_str())));
        before != u.len()
    });
    if changed {
        unreadable_changed();
    }
}

/// The key of a stored record (its `local_id`), whatever the rest of it holds.
fn key_of(value: &JsValue) -> String {
    js_sys::Reflect::get(value, &JsValue::from_str("local_id"))
        .ok()
        .and_then(|k| k.as_string())
        .unwrap_or_default()
}

/// Decodes a stored record of `store`. An undecodable one is noted (so the learner is told) and
/// gives `None`; the stored record itself is left as it is.
fn decode<T: DeserializeOwned>(store: &'static str, value: JsValue) -> Option<T> {
    let key = key_of(&value);
    let out = from_js(value);
    note_readable(store, &key, out.is_some());
    out
}

/// Whether a stored value (if any) is one this wallet cannot read; noted when so.
fn is_unreadable<T: DeserializeOwned>(store: &'static str, value: &Option<JsValue>) -> bool {
    value
        .as_ref()
        .is_some_and(|v| decode::<T>(store, v.clone()).is_none())
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

/// All card summaries, for the gallery. Unreadable ones are left out of the list (and counted,
/// see [`watch_unreadable`]), never out of storage.
pub async fn load_summaries() -> Result<Vec<Summary>, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&["summaries"], TransactionMode::ReadOnly)?;
    let values = tx.object_store("summaries")?.get_all(None, None)?.await?;
    // Counted afresh: a record deleted in another tab no longer counts.
    forget_unreadable(&["summaries"], None);
    Ok(values
        .into_iter()
        .filter_map(|v| decode("summaries", v))
        .collect())
}

/// The stored document of one credential (`Err(Unreadable)` when it is stored but unreadable).
pub async fn load_document(local_id: &str) -> Result<Option<Document>, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&["documents"], TransactionMode::ReadOnly)?;
    let value = tx
        .object_store("documents")?
        .get(Query::Key(JsValue::from_str(local_id)))?
        .await?;
    match value {
        None => Ok(None),
        Some(v) => decode("documents", v)
            .map(Some)
            .ok_or(StoreError::Unreadable),
    }
}

/// Every stored document that can be read (for the backup and the pathways).
pub async fn load_documents() -> Result<Vec<Document>, StoreError> {
    Ok(load_documents_counted().await?.0)
}

/// Every stored document that can be read, and how many could not be (those are kept as they are).
pub async fn load_documents_counted() -> Result<(Vec<Document>, usize), StoreError> {
    let db = db().await?;
    let tx = db.transaction(&["documents"], TransactionMode::ReadOnly)?;
    let values = tx.object_store("documents")?.get_all(None, None)?.await?;
    let total = values.len();
    let docs: Vec<Document> = values
        .into_iter()
        .filter_map(|v| decode("documents", v))
        .collect();
    let unreadable = total - docs.len();
    Ok((docs, unreadable))
}

/// The card images of several credentials, read in one transaction (cards ask in batches).
pub async fn load_images(local_ids: &[String]) -> Vec<Option<web_sys::Blob>> {
    load_images_inner(local_ids).await
}

/// The stored image of one credential (the detail view's image).
pub async fn load_image(local_id: &str) -> Option<web_sys::Blob> {
    load_images_inner(&[local_id.to_string()])
        .await
        .into_iter()
        .next()
        .flatten()
}

async fn load_images_inner(local_ids: &[String]) -> Vec<Option<web_sys::Blob>> {
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

/// Documents of the given credentials (one transaction; missing and unreadable ones are skipped,
/// the unreadable ones counted).
pub async fn load_documents_by_ids(local_ids: &[String]) -> Result<Vec<Document>, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&["documents"], TransactionMode::ReadOnly)?;
    let store = tx.object_store("documents")?;
    let mut requests = Vec::with_capacity(local_ids.len());
    for id in local_ids {
        requests.push(store.get(Query::Key(JsValue::from_str(id)))?.into_future());
    }
    let mut out = Vec::with_capacity(local_ids.len());
    for request in requests {
        if let Some(doc) = request.await?.and_then(|v| decode("documents", v)) {
            out.push(doc);
        }
    }
    Ok(out)
}

/// Writes verification results in one transaction that first reads what is stored:
/// - a result is written only for a credential still stored (its summary and its document): one
///   deleted meanwhile, in this tab or another, is never re-created;
/// - the new status goes into the stored summary as it is (fields this version does not know are
///   kept); an unreadable summary is left as it is, and so is an unreadable stored report.
///
/// Returns the ids whose new status was stored.
pub async fn put_reports<R: Serialize + DeserializeOwned>(
    items: &[(Summary, R)],
) -> Result<Vec<String>, StoreError> {
    if items.is_empty() {
        return Ok(vec![]);
    }
    let db = db().await?;
    let tx = db.transaction(
        &["summaries", "documents", "reports"],
        TransactionMode::ReadWrite,
    )?;
    let summaries = tx.object_store("summaries")?;
    let documents = tx.object_store("documents")?;
    let reports = tx.object_store("reports")?;
    let mut reads = Vec::with_capacity(items.len());
    for (summary, _) in items {
        let key = || Query::Key(JsValue::from_str(&summary.local_id));
        reads.push((
            summaries.get(key())?.into_future(),
            documents.get_key(key())?.into_future(),
            reports.get(key())?.into_future(),
        ));
    }
    // Everything is read and encoded before the first write, so no error can leave half of it.
    let mut writes = Vec::new();
    for ((summary, report), (stored, document, old_report)) in items.iter().zip(reads) {
        let (stored, document, old_report) = (stored.await?, document.await?, old_report.await?);
        let (Some(stored), Some(_)) = (stored, document) else {
            continue; // deleted meanwhile
        };
        if is_unreadable::<Summary>("summaries", &Some(stored.clone())) {
            continue;
        }
        let _ = js_sys::Reflect::set(
            &stored,
            &JsValue::from_str("status"),
            &JsValue::from_str(summary.status.as_str()),
        );
        let report = if is_unreadable::<R>("reports", &old_report) {
            None
        } else {
            Some(to_js(report)?)
        };
        writes.push((summary.local_id.clone(), stored, report));
    }
    let mut written = Vec::with_capacity(writes.len());
    for (id, stored, report) in writes {
        summaries.put(&stored, None)?;
        if let Some(report) = report {
            reports.put(&report, None)?;
        }
        written.push(id);
    }
    finish(tx).await?;
    if !written.is_empty() {
        notify_other_tabs();
    }
    Ok(written)
}

/// The stored verification report of one credential (`None` also when it cannot be read: it is
/// then counted as unreadable, and kept).
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
    decode("reports", value)
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

/// The stored card image record of a credential (`{local_id, blob}`).
fn image_record(local_id: &str, mime: &str, bytes: &[u8]) -> Result<JsValue, StoreError> {
    let blob = crate::browser::blob(bytes, mime).map_err(StoreError::Unavailable)?;
    let obj = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&obj, &"local_id".into(), &JsValue::from_str(local_id));
    let _ = js_sys::Reflect::set(&obj, &"blob".into(), &blob);
    Ok(obj.into())
}

/// Writes a whole batch in one transaction: all of it is stored, or none of it. A record whose
/// stored summary or document cannot be read is not written (that stored record is kept as it
/// is); the ids of those are returned.
pub async fn put_batch(records: &[Record]) -> Result<Vec<String>, StoreError> {
    if records.is_empty() {
        return Ok(vec![]);
    }
    let db = db().await?;
    let tx = db.transaction(&STORES, TransactionMode::ReadWrite)?;
    let summaries = tx.object_store("summaries")?;
    let documents = tx.object_store("documents")?;
    let images = tx.object_store("images")?;
    let mut reads = Vec::with_capacity(records.len());
    for record in records {
        let key = || Query::Key(JsValue::from_str(&record.summary.local_id));
        reads.push((
            summaries.get(key())?.into_future(),
            documents.get(key())?.into_future(),
        ));
    }
    let mut kept = Vec::new();
    let mut writes = Vec::with_capacity(records.len());
    for (record, (summary, document)) in records.iter().zip(reads) {
        let (summary, document) = (summary.await?, document.await?);
        let unreadable = is_unreadable::<Summary>("summaries", &summary)
            | is_unreadable::<Document>("documents", &document);
        if unreadable {
            kept.push(record.summary.local_id.clone());
            continue;
        }
        let image = match &record.image {
            Some((mime, bytes)) => Some(image_record(&record.summary.local_id, mime, bytes)?),
            None => None,
        };
        writes.push((to_js(&record.summary)?, to_js(&record.document)?, image));
    }
    let any = !writes.is_empty();
    for (summary, document, image) in writes {
        summaries.put(&summary, None)?;
        documents.put(&document, None)?;
        if let Some(image) = image {
            images.put(&image, None)?;
        }
    }
    finish(tx).await?;
    if any {
        notify_other_tabs();
    }
    Ok(kept)
}

/// One deleted credential: every store's record of it exactly as it was stored (fields this
/// version does not know included), kept in memory so that undo can put it all back.
pub struct Removed {
    pub local_id: String,
    /// The credential's name, when its stored summary has one.
    pub name: Option<String>,
    records: Vec<(&'static str, JsValue)>,
}

/// Deletes credentials (one transaction) and returns what was removed, for undo.
pub async fn delete(local_ids: &[String]) -> Result<Vec<Removed>, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&STORES, TransactionMode::ReadWrite)?;
    let mut reads = Vec::with_capacity(local_ids.len());
    for id in local_ids {
        let mut per_store = Vec::with_capacity(STORES.len());
        for name in STORES {
            let request = tx
                .object_store(name)?
                .get(Query::Key(JsValue::from_str(id)))?;
            per_store.push((name, request.into_future()));
        }
        reads.push((id, per_store));
    }
    let mut removed = Vec::with_capacity(local_ids.len());
    for (id, per_store) in reads {
        let mut records = Vec::new();
        for (name, request) in per_store {
            if let Some(value) = request.await? {
                records.push((name, value));
            }
        }
        if records.is_empty() {
            continue;
        }
        let name = records
            .iter()
            .find(|(s, _)| *s == "summaries")
            .and_then(|(_, v)| js_sys::Reflect::get(v, &JsValue::from_str("name")).ok())
            .and_then(|n| n.as_string());
        removed.push(Removed {
            local_id: id.clone(),
            name,
            records,
        });
    }
    for name in STORES {
        let store = tx.object_store(name)?;
        for id in local_ids {
            store.delete(Query::Key(JsValue::from_str(id)))?;
        }
    }
    finish(tx).await?;
    for id in local_ids {
        forget_unreadable(&STORES, Some(id.as_str()));
    }
    notify_other_tabs();
    Ok(removed)
}

/// Undo of a delete: puts back every record [`delete`] removed (summary, document, image and
/// verification report), in one transaction. Writes nothing when the credential has been stored
/// again meanwhile (imported again, or restored in another tab), and returns `false` then.
pub async fn restore(removed: &Removed) -> Result<bool, StoreError> {
    let db = db().await?;
    let tx = db.transaction(&STORES, TransactionMode::ReadWrite)?;
    let key = || Query::Key(JsValue::from_str(&removed.local_id));
    let summary = tx.object_store("summaries")?.get_key(key())?.into_future();
    let document = tx.object_store("documents")?.get_key(key())?.into_future();
    if summary.await?.is_some() || document.await?.is_some() {
        return Ok(false);
    }
    for (name, value) in &removed.records {
        tx.object_store(name)?.put(value, None)?;
    }
    finish(tx).await?;
    notify_other_tabs();
    Ok(true)
}

/// Whether the browser keeps this wallet's data when space runs low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Not asked yet (the wallet is empty) or the answer is not in yet.
    Unknown,
    /// Persistent: the browser clears it only if the learner does.
    Granted,
    /// Best effort: the browser may clear it under storage pressure.
    Denied,
    /// This browser has no StorageManager (or not in this context).
    Unsupported,
}

impl Persistence {
    pub fn as_str(self) -> &'static str {
        match self {
            Persistence::Unknown => "unknown",
            Persistence::Granted => "granted",
            Persistence::Denied => "denied",
            Persistence::Unsupported => "unsupported",
        }
    }
}

/// localStorage key: set once the browser has been asked (so it is never asked twice).
const PERSIST_ASKED_KEY: &str = "learner-wallet.persist-asked";

/// Asks the browser to keep the wallet's data (`navigator.storage.persist()`), at most once per
/// browser profile: after that only the current state is read (`persisted()`), so a browser that
/// shows a prompt shows it once. Nothing here is shown to the learner but the answer.
pub async fn ensure_persistent() -> Persistence {
    use gloo_storage::Storage;
    use wasm_bindgen_futures::JsFuture;
    let navigator = crate::browser::window().navigator();
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .is_ok_and(|s| !s.is_undefined() && !s.is_null());
    if !present {
        return Persistence::Unsupported;
    }
    let manager = navigator.storage();
    let ask = |promise: Result<js_sys::Promise, JsValue>| async move {
        JsFuture::from(promise.ok()?).await.ok()?.as_bool()
    };
    match ask(manager.persisted()).await {
        None => return Persistence::Unsupported,
        Some(true) => return Persistence::Granted,
        Some(false) => {}
    }
    if gloo_storage::LocalStorage::get::<bool>(PERSIST_ASKED_KEY).unwrap_or(false) {
        return Persistence::Denied;
    }
    let _ = gloo_storage::LocalStorage::set(PERSIST_ASKED_KEY, true);
    match ask(manager.persist()).await {
        Some(true) => Persistence::Granted,
        Some(false) => Persistence::Denied,
        None => Persistence::Unsupported,
    }
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
