//! One credential in the gallery.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use wallet_core::library::Summary;
use wallet_core::status::Status;

use super::credential_parts::shown_date;
use super::issuer_name::IssuerName;
use crate::storage;
use crate::wallet::detail_href;

thread_local! {
    /// Object URLs of card images already read from storage (one per credential per page), each
    /// of a sniffed raster type (`crate::images`).
    static IMAGE_URLS: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
    /// Cards waiting for their image; served together in one IndexedDB transaction.
    static PENDING: RefCell<Vec<(String, RwSignal<Option<String>>)>> = const { RefCell::new(Vec::new()) };
}

/// Asks for a card's image; all cards rendered in the same turn are served by one read.
fn request_image(local_id: String, target: RwSignal<Option<String>>) {
    if let Some(cached) = IMAGE_URLS.with(|m| m.borrow().get(&local_id).cloned()) {
        target.set(cached);
        return;
    }
    let first = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.push((local_id, target));
        p.len() == 1
    });
    if first {
        leptos::task::spawn_local(async {
            crate::browser::yield_now().await;
            let batch = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
            let ids: Vec<String> = batch.iter().map(|(id, _)| id.clone()).collect();
            let blobs = storage::load_images(&ids).await;
            for ((id, target), blob) in batch.into_iter().zip(blobs) {
                // Decided from the bytes, not the stored type (older versions stored SVG Blobs).
                let url = match blob {
                    Some(b) => crate::images::url_for_blob(&b).await,
                    None => None,
                };
                IMAGE_URLS.with(|m| m.borrow_mut().insert(id, url.clone()));
                target.set(url);
            }
        });
    }
}

/// Forgets a card image (after a delete).
pub fn forget_image(local_id: &str) {
    if let Some(Some(url)) = IMAGE_URLS.with(|m| m.borrow_mut().remove(local_id)) {
        crate::images::release(&url);
    }
}

/// Up to two capital letters from the first letters of a name's words (a badge without an
/// image shows them; so does the badge image a share makes).
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        .collect::<String>()
        .to_uppercase()
}

/// A gallery card. Invariant: the `<li>` and its link live as long as the credential is listed;
/// a change of its summary (a status, a hosted copy's names) re-renders what is inside them, so
/// the keyboard focus on the link is kept.
#[component]
pub fn Card(summary: Memo<Summary>) -> impl IntoView {
    let first = summary.get_untracked();
    let image = RwSignal::new(None::<String>);
    request_image(first.local_id.clone(), image);
    let href = detail_href(&first.local_id);
    let status = Signal::derive(move || summary.with(|s| s.status.clone()));
    view! {
        <li class="card" data-testid="credential-card" data-credential-id=first.local_id.clone()
            data-status=move || status.get().to_string()>
            <a class="card-link" href=href>
                {move || card_content(&summary.get(), image.into(), status, false)}
            </a>
            {super::share::select_box(&first.local_id, &first.name)}
        </li>
    }
}

/// The image and text of a card: shared by the gallery and the shared-portfolio view
/// (`share.rs`, `employer`), so both show the same markup. Names are untrusted: isolated.
pub fn card_content(
    summary: &Summary,
    image: Signal<Option<String>>,
    status: Signal<Status>,
    employer: bool,
) -> AnyView {
    let badge_initials = initials(&summary.name);
    let date = summary
        .issued
        .as_deref()
        .map(shown_date)
        .unwrap_or_else(|| t!("card-no-date"));
    let kind = summary
        .achievement_type
        .as_deref()
        .map(crate::i18n::kind_label)
        .unwrap_or_default();
    // The name as the issuer wrote it, in the reader's language when it gives several.
    let shown = summary.name_in(crate::i18n::lang().tag());
    let (shown_name, shown_lang) = (shown.text.to_string(), shown.lang.map(str::to_string));
    view! {
        <div class="card-image">
            {move || match image.get() {
                Some(src) => view! { <img src=src alt="" loading="lazy" decoding="async" /> }.into_any(),
                None => view! { <span class="placeholder" aria-hidden="true">{badge_initials.clone()}</span> }.into_any(),
            }}
        </div>
        <div class="card-body">
            <h3 class="card-name" data-testid="card-name"><bdi dir="auto" lang=shown_lang>{shown_name}</bdi></h3>
            <p class="card-issuer">
                <IssuerName issuer_id=summary.issuer_id.clone() declared=Some(summary.issuer_name.clone())
                    employer=employer testid="card-issuer" />
            </p>
            <p class="card-meta">
                <time data-testid="card-date">{date}</time>
                {(!kind.is_empty()).then(|| view! { <span class="kind"><bdi dir="auto">{kind.clone()}</bdi></span> })}
            </p>
            <span class=move || format!("status status-{}", status.get())>{move || status.get().label(crate::i18n::lang())}</span>
        </div>
    }
    .into_any()
}
