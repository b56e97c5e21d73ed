//! Writes of whole credentials: an import batch (all or nothing), delete, and undo of a delete.

use std::future::IntoFuture;

use idb::{Query, TransactionMode};
use wallet_core::library::Summary;
use wasm_bindgen::JsValue;

use super::tabs::notify_other_tabs;
use super::unreadable::{forget_unreadable, is_unreadable};
use super::{Document, Record, STORES, StoreError, db, finish, to_js};

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
