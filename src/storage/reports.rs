//! Verification results (`reports` store, and the status in `summaries`) and the documents
//! fetched for verification (`resolved` store).

use std::future::IntoFuture;

use idb::{Query, TransactionMode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wallet_core::library::Summary;
use wasm_bindgen::JsValue;

use super::tabs::notify_other_tabs;
use super::unreadable::{decode, is_unreadable};
use super::{StoreError, db, finish, from_js, to_js};

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
