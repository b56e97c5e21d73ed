//! Reads of the credential stores: all summaries (the gallery), documents (one, some, all) and
//! card images (lazily, in batches).

use std::future::IntoFuture;

use idb::{Query, TransactionMode};
use wallet_core::library::Summary;
use wasm_bindgen::{JsCast, JsValue};

use super::unreadable::{decode, forget_unreadable};
use super::{Document, StoreError, db};

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
