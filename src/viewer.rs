//! The employer's viewer: the page a share link (`#/s/<payload>`) loads. It holds only the
//! share decoder, the verification core and the employer's view (components/employer.rs), so
//! the phone that scanned a QR code downloads a fraction of the wallet (figures in
//! docs/size.md). It contacts no host but its own (the trust registry, same origin).
//!
//! Any other route belongs to the wallet: on such a change ("Open my wallet", "Save to my
//! wallet" → `#/save/…`) the page reloads, and the boot script of index.html
//! (scripts/boot.mjs) then loads the wallet instead.

use leptos::prelude::*;

use crate::browser;
use wallet_core::route::Route;

use crate::components::employer::SharedPortfolio;

/// The payload of the current `#/s/<payload>` route, if that is the route.
fn shared_payload() -> Option<String> {
    let hash = browser::window().location().hash().unwrap_or_default();
    match Route::parse(&hash) {
        Route::Shared(payload) => Some(payload),
        _ => None,
    }
}

#[component]
pub fn Viewer() -> impl IntoView {
    crate::i18n::Language::provide();
    crate::trust::TrustState::provide();
    let payload = RwSignal::new(shared_payload());
    if payload.get_untracked().is_none() {
        let _ = browser::window().location().reload();
    }
    let handle = window_event_listener(leptos::ev::hashchange, move |_| match shared_payload() {
        Some(p) => payload.set(Some(p)),
        None => {
            let _ = browser::window().location().reload();
        }
    });
    std::mem::forget(handle);
    view! { <crate::i18n::Localized>
        <header class="topbar">
            <crate::components::brand::Brand tagline=t!("viewer-tagline") />
            <crate::i18n::LanguageMenu />
        </header>
        <main id="main">
            <div data-testid="app-ready" hidden></div>
            {move || payload.get().map(|p| view! { <SharedPortfolio payload=p /> })}
        </main>
        <footer class="footer">
            {t!("viewer-footer")}
        </footer>
    </crate::i18n::Localized> }
}
