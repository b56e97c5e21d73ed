//! Building a share from the selection: the documents read from storage, the portfolio's link
//! (with its sizes and QR code) and each credential's own link. The texts are made by
//! `wallet_share` (pure); this module reads storage and the page's address.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use wallet_core::Original;
use wallet_core::library::Summary;
use wallet_share::links::{credential_link, has_large_image, scannable_qr, share_link};
use wallet_share::{Portfolio, Qr, best_qr};

use crate::browser;
use crate::storage;
use crate::wallet::Wallet;

/// One credential of a share, with its own single-credential link.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub(super) local_id: String,
    pub(super) name: String,
    pub(super) issuer: String,
    pub(super) issued: Option<String>,
    pub(super) link: String,
    pub(super) qr: Option<Qr>,
    pub(super) large_image: bool,
}

/// A portfolio's link, its sizes and its QR code.
#[derive(Clone, Debug)]
pub(super) struct Link {
    pub(super) link: String,
    pub(super) payload_chars: usize,
    pub(super) frame_bytes: usize,
    pub(super) qr: Option<Qr>,
}

pub(super) fn make_link(base: &str, p: &Portfolio) -> Link {
    let link = share_link(base, p);
    let stats = wallet_share::stats(p);
    let qr = best_qr(&link);
    Link {
        link,
        payload_chars: stats.chars,
        frame_bytes: stats.frame,
        qr,
    }
}

/// A built share: what the panel shows and the portfolio it makes links of (with pathways, when
/// some are chosen).
#[derive(Clone, Debug)]
pub(super) struct Share {
    pub(super) title: String,
    pub(super) holder: String,
    pub(super) base: String,
    /// The portfolio without pathways.
    pub(super) portfolio: Portfolio,
    /// Local ids of the shared credentials.
    pub(super) ids: Vec<String>,
    /// The link without pathways.
    pub(super) plain: Arc<Link>,
    pub(super) items: Vec<Item>,
}

pub(super) async fn build_share(
    wallet: Wallet,
    ids: Vec<String>,
    title: String,
    holder: String,
) -> Result<Share, String> {
    let docs = storage::load_documents_by_ids(&ids)
        .await
        .map_err(|e| e.to_string())?;
    let mut by_id: HashMap<String, Original> =
        docs.into_iter().map(|d| (d.local_id, d.original)).collect();
    let summaries: HashMap<String, Summary> = wallet.summaries.with_untracked(|s| {
        s.iter()
            .filter(|x| ids.contains(&x.local_id))
            .map(|x| (x.local_id.clone(), x.clone()))
            .collect()
    });
    let base = browser::page_base();
    let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let mut credentials = Vec::new();
    let mut items = Vec::new();
    for id in &ids {
        let Some(original) = by_id.remove(id) else {
            continue;
        };
        let summary = summaries.get(id);
        let link = credential_link(&base, &original, opt(&holder));
        let qr = scannable_qr(&link);
        items.push(Item {
            local_id: id.clone(),
            name: summary.map(|s| s.name.clone()).unwrap_or_default(),
            issuer: summary.map(|s| s.issuer_name.clone()).unwrap_or_default(),
            issued: summary.and_then(|s| s.issued.clone()),
            large_image: qr.is_none() && has_large_image(&original),
            link,
            qr,
        });
        credentials.push(original);
        // Keep the page responsive while a large wallet is encoded.
        if items.len() % 8 == 0 {
            browser::yield_now().await;
        }
    }
    if credentials.is_empty() {
        return Err(t!("share-nothing"));
    }
    let p = Portfolio {
        title: opt(&title),
        holder: opt(&holder),
        credentials,
        pathways: None,
    };
    let plain = Arc::new(make_link(&base, &p));
    Ok(Share {
        title: p.title.clone().unwrap_or_else(|| t!("share-default-title")),
        holder: p.holder.clone().unwrap_or_default(),
        base,
        ids: items.iter().map(|i| i.local_id.clone()).collect(),
        portfolio: p,
        plain,
        items,
    })
}
