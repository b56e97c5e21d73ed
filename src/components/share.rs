//! Sharing (issue "Sharing: self-verifying portfolio links and QR codes, and the employer's view").
//!
//! - Selection: a checkbox on each gallery card ([`select_box`]) and the share bar ([`ShareBar`]):
//!   title, display name, "Create share link" (here).
//! - Building the share: the portfolio's link and each credential's own link, with their QR
//!   codes (`build`; the texts and QR codes themselves are pure: `wallet_share::links`,
//!   `wallet_share::best_qr`).
//! - The share panel (`panel`): the link `<page without fragment>#/s/<payload>` (payload from
//!   `wallet_share::encode`), copy, the pathways that may go with it, per-credential links and
//!   QR codes, LinkedIn "add to profile", print, Web Share (browser glue: `crate::browser::share`).
//! - The QR code of the link and its downloads (`qr`): an `<img>` of the SVG our own code
//!   generated, never markup from credential text.
//! - The printed sheet (`print`).
//! - The employer's view of the link is `super::employer`; baked downloads of the detail view
//!   are `super::baked`.

mod build;
mod panel;
mod print;
mod qr;

use std::sync::Arc;

use leptos::prelude::*;

use crate::wallet::Wallet;
use build::{Share, build_share};
use panel::share_panel;

// ------------------------------------------------------------------ selection

/// The credentials selected for sharing (provided by the app, so it survives navigation).
#[derive(Clone, Copy)]
pub struct Selection(pub RwSignal<Vec<String>>);

impl Selection {
    pub fn new() -> Self {
        Selection(RwSignal::new(vec![]))
    }
}

impl Default for Selection {
    fn default() -> Self {
        Self::new()
    }
}

/// The "select for sharing" checkbox of a gallery card (outside the card's link).
pub fn select_box(local_id: &str, name: &str) -> Option<AnyView> {
    let sel = use_context::<Selection>()?;
    let id = local_id.to_string();
    let id2 = id.clone();
    let label = t!(
        "share-select-label",
        name = wallet_core::bidi::isolate(name)
    );
    Some(
        view! {
            <label class="card-select" title=t!("share-select-title")>
                <input
                    type="checkbox"
                    data-testid="select-credential"
                    aria-label=label
                    prop:checked=move || sel.0.with(|s| s.contains(&id))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        sel.0.update(|s| {
                            s.retain(|x| *x != id2);
                            if on {
                                s.push(id2.clone());
                            }
                        });
                    }
                />
            </label>
        }
        .into_any(),
    )
}

/// Title, display name and "Create share link" (shares the selection, or everything).
#[component]
pub fn ShareBar() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let selection = use_context::<Selection>().unwrap_or_default();
    let title = RwSignal::new(String::new());
    let holder = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let share = RwSignal::new(None::<Arc<Share>>);
    // Selected ids that are still in the wallet, in gallery order.
    let selected = move || {
        let sel = selection.0.get();
        wallet.summaries.with(|s| {
            s.iter()
                .filter(|x| sel.contains(&x.local_id))
                .map(|x| x.local_id.clone())
                .collect::<Vec<_>>()
        })
    };
    let hint = move || {
        let n = selected().len();
        if n == 0 {
            let all = wallet.summaries.with(|s| s.len());
            t!("share-hint-none", n = all)
        } else {
            t!("share-hint-selected", n = n)
        }
    };
    let create = move |_| {
        let mut ids = selected();
        if ids.is_empty() {
            ids = wallet
                .summaries
                .with_untracked(|s| s.iter().map(|x| x.local_id.clone()).collect());
        }
        busy.set(true);
        error.set(None);
        // The panel of the previous share goes now: its link is not a link to this selection,
        // and must not be shown (or copied) as if it were while the new one is built.
        share.set(None);
        let (t, h) = (title.get_untracked(), holder.get_untracked());
        leptos::task::spawn_local(async move {
            match build_share(wallet, ids, t, h).await {
                Ok(s) => share.set(Some(Arc::new(s))),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="share" data-testid="share-bar">
            <form class="share-bar" on:submit=move |ev| { ev.prevent_default(); create(()); }>
                <h3 class="share-heading">{t!("share-heading")}</h3>
                <label class="visually-hidden" for="share-title">{t!("share-title-label")}</label>
                <input id="share-title" type="text" data-testid="share-title" placeholder=t!("share-title-placeholder") maxlength="120"
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                <label class="visually-hidden" for="share-holder">{t!("share-holder-label")}</label>
                <input id="share-holder" type="text" data-testid="share-holder" placeholder=t!("share-holder-placeholder") maxlength="120"
                    autocomplete="name" prop:value=move || holder.get() on:input=move |ev| holder.set(event_target_value(&ev)) />
                <button type="submit" class="button primary" data-testid="share-create" disabled=move || busy.get()>
                    {move || if busy.get() { t!("share-creating") } else { t!("share-create") }}
                </button>
                <p class="muted small share-hint" aria-live="polite">{hint}</p>
            </form>
            {move || error.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
            {move || share.get().map(|s| share_panel(s, share))}
        </div>
    }
}
