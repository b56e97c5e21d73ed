//! A credential's or an issuer's image in a detail view, shown without calling anyone.
//!
//! The image stored at import comes first; else the credential's own `data:` image; both go
//! through `crate::images` (bytes decide; SVG rasterized; anything else shows nothing). A remote
//! image that could not be stored at import is never fetched on its own: the learner gets a
//! placeholder and the choice "Load the image from <host>" (a bounded CORS fetch, shown as a
//! sniffed raster `blob:`); when the host refuses, a link opens the image at its host in a new
//! tab (`noopener noreferrer`), outside the wallet's origin.

use leptos::prelude::*;
use wallet_core::image::{ImageSource, image_source, url_host};

use super::credential_parts::english_text;
use crate::{browser, images, storage};

/// What the image slot shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    /// Still reading storage or decoding.
    Waiting,
    /// A `blob:` URL from `crate::images`.
    Url(String),
    /// A remote image not loaded: the learner may choose to load it.
    Offer { url: String, host: String },
    /// The learner chose to load it and the fetch is running.
    Loading { url: String, host: String },
    /// The learner's fetch failed: offer the image at its host in a new tab.
    Failed {
        url: String,
        host: String,
        why: String,
        /// `why` is the browser layer's English reason (marked `lang="en"` in other languages).
        english: bool,
    },
    /// No image.
    Nothing,
}

/// Where a displayed image may come from.
pub struct ImageFrom {
    /// The credential whose stored image (made at import) comes first.
    pub stored: Option<String>,
    /// The image reference found in the credential (`data:` URI or http(s) URL).
    pub src: Option<String>,
    /// Whether a remote image may be offered for loading (not in the employer's view, which
    /// contacts no one).
    pub offer_remote: bool,
}

#[component]
pub fn ShownImage(class: &'static str, from: ImageFrom) -> impl IntoView {
    let shown = RwSignal::new(Shown::Waiting);
    let held = StoredValue::new(None::<String>);
    let show_url = move |url: Option<String>| {
        let u = url?;
        // The view may be gone by the time an image is ready (the learner navigated away):
        // then the new URL is released at once instead of being held by nobody.
        match held.try_update_value(|h| h.replace(u.clone())) {
            Some(Some(old)) => images::release(&old),
            Some(None) => {}
            None => {
                images::release(&u);
                return None;
            }
        }
        Some(Shown::Url(u))
    };
    on_cleanup(move || {
        if let Some(u) = held.try_get_value().flatten() {
            images::release(&u);
        }
    });
    let ImageFrom {
        stored,
        src,
        offer_remote,
    } = from;
    leptos::task::spawn_local(async move {
        if let Some(id) = stored
            && let Some(blob) = storage::load_image(&id).await
            && let Some(s) = show_url(images::url_for_blob(&blob).await)
        {
            let _ = shown.try_set(s);
            return;
        }
        let next = match src.as_deref().map(image_source) {
            Some(ImageSource::Embedded(bytes)) => {
                show_url(images::url_for_bytes(&bytes).await).unwrap_or(Shown::Nothing)
            }
            Some(ImageSource::Remote(url)) if offer_remote => match url_host(&url) {
                Some(host) => Shown::Offer { url, host },
                None => Shown::Nothing,
            },
            _ => Shown::Nothing,
        };
        let _ = shown.try_set(next);
    });
    let load = move |url: String, host: String| {
        shown.set(Shown::Loading {
            url: url.clone(),
            host: host.clone(),
        });
        leptos::task::spawn_local(async move {
            let next = match browser::fetch_image(&url).await {
                Ok(bytes) => {
                    show_url(images::url_for_bytes(&bytes).await).unwrap_or_else(|| Shown::Failed {
                        url: url.clone(),
                        host: host.clone(),
                        why: t!("image-not-an-image"),
                        english: false,
                    })
                }
                Err(e) => Shown::Failed {
                    url,
                    host,
                    why: e.reason(),
                    english: true,
                },
            };
            let _ = shown.try_set(next);
        });
    };
    move || {
        match shown.get() {
        Shown::Waiting | Shown::Nothing => ().into_any(),
        Shown::Url(src) => view! { <img class=class src=src alt="" data-testid="shown-image" /> }.into_any(),
        Shown::Offer { url, host } => {
            let label = host.clone();
            view! {
                <div class=format!("{class} image-choice") data-testid="remote-image">
                    <span class="placeholder" aria-hidden="true">"?"</span>
                    <button type="button" class="button small" data-testid="load-remote-image"
                        on:click=move |_| load(url.clone(), host.clone())>
                        {t!("image-load-from")} " " <bdi><strong>{label}</strong></bdi>
                    </button>
                </div>
            }
            .into_any()
        }
        Shown::Loading { host, .. } => view! {
            <div class=format!("{class} image-choice") data-testid="remote-image">
                <span class="placeholder" aria-hidden="true">"…"</span>
                <span class="small muted">{t!("image-loading-from")} " " <bdi>{host}</bdi> "…"</span>
            </div>
        }
        .into_any(),
        Shown::Failed { url, host, why, english } => view! {
            <div class=format!("{class} image-choice") data-testid="remote-image">
                <span class="placeholder" aria-hidden="true">"?"</span>
                <span class="small muted" data-testid="remote-image-error">
                    {t!("image-not-loaded")} " " <span lang=english.then(english_text).flatten()>{why}</span> "."
                </span>
                <a href=url target="_blank" rel="noopener noreferrer" data-testid="open-remote-image">
                    {t!("image-open-at")} " " <bdi><strong>{host}</strong></bdi>
                </a>
            </div>
        }
        .into_any(),
    }
    }
}
