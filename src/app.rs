//! The top-level layout: header, the view for the current route, footer. State lives in
//! `wallet.rs`.

use leptos::prelude::*;

use crate::components::{
    backup::BackupPanel, detail::Detail, gallery::Gallery, import_panel::ImportPanel,
};
use crate::importer::Input;
use crate::wallet::{Route, Wallet};
use crate::{browser, storage};

#[component]
pub fn App() -> impl IntoView {
    crate::i18n::Language::provide();
    let wallet = Wallet {
        summaries: RwSignal::new(vec![]),
        loaded: RwSignal::new(false),
        lines: RwSignal::new(vec![]),
        progress: RwSignal::new(None),
        busy: RwSignal::new(false),
        storage_message: RwSignal::new(None),
        route: RwSignal::new(Route::parse(
            &browser::window().location().hash().unwrap_or_default(),
        )),
        undo_name: RwSignal::new(None),
        verifying: RwSignal::new(None),
        reports_version: RwSignal::new(0),
        unreadable: RwSignal::new(0),
        persistence: RwSignal::new(storage::Persistence::Unknown),
        qr_offer: RwSignal::new(None),
    };
    provide_context(wallet);
    crate::trust::TrustState::provide();
    provide_context(crate::components::share::Selection::new());
    crate::components::pathways::PathwaysState::provide(wallet);

    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let route = Route::parse(&browser::window().location().hash().unwrap_or_default());
        // A share link is opened by the employer's viewer: load the page again, and the boot
        // script (scripts/boot.mjs) loads the viewer instead of the wallet.
        if matches!(route, Route::Shared(_)) {
            let _ = browser::window().location().reload();
            return;
        }
        wallet.route.set(route);
    });
    std::mem::forget(handle);

    // Drop anywhere on the page imports the files.
    let dragover = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    std::mem::forget(dragover);
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let files = browser::files_of(ev.data_transfer().and_then(|d| d.files()));
        if !files.is_empty() {
            leptos::task::spawn_local(wallet.import(files.into_iter().map(Input::File).collect()));
        }
    });
    std::mem::forget(drop);

    // The verifier's wasm loads now, while the page is surely online: verification must work
    // offline afterwards. `app-ready` (a test hook) waits for it to be ready or to have failed.
    let verifier_settled = RwSignal::new(false);
    crate::worker_client::start_now(move || verifier_settled.set(true));

    storage::listen_to_other_tabs(move || leptos::task::spawn_local(wallet.reload()));
    crate::components::storage_status::watch(wallet);

    leptos::task::spawn_local(async move {
        wallet.reload().await;
        // Re-verify everything on open (statuses stored last time show meanwhile) — but not
        // when the page was opened to view someone's shared portfolio: that view checks only
        // what was shared, and contacts no one.
        if !matches!(
            wallet.route.get_untracked(),
            Route::Shared(_) | Route::Save(_)
        ) {
            leptos::task::spawn_local(crate::verification::verify_wallet(wallet, None));
        }
        // A deep link (#/import?url=...) is shown by the route below and imports nothing
        // until the learner confirms (components/deeplink.rs).
    });

    view! { <crate::i18n::Localized>
        <header class="topbar">
            <crate::components::brand::Brand tagline=t!("wallet-tagline") />
            <crate::components::pathways::Nav />
            <crate::i18n::LanguageMenu />
        </header>
        <main id="main">
            <Show when=move || wallet.storage_message.get().is_some()>
                <div class="banner error" role="alert" data-testid="storage-message">
                    {move || wallet.storage_message.get().unwrap_or_default()}
                </div>
            </Show>
            <crate::components::storage_status::UnreadableNotice />
            <Show when=move || wallet.loaded.get() fallback=|| view! { <p class="loading">{t!("wallet-opening")}</p> }>
                <Show when=move || verifier_settled.get()>
                    <div data-testid="app-ready" hidden></div>
                </Show>
                {move || match wallet.route.get() {
                    Route::Detail(id) => view! { <Detail local_id=id /> }.into_any(),
                    Route::Print(id) => view! { <crate::components::certificate::PrintCertificate local_id=id /> }.into_any(),
                    // A share link is the viewer's (the hash change reloads the page into it).
                    Route::Shared(_) => view! { <p class="loading">{t!("wallet-opening-share-link")}</p> }.into_any(),
                    Route::Save(payload) => view! { <crate::components::save_shared::SaveShared payload=payload /> }.into_any(),
                    Route::Progress => view! { <crate::components::pathways::ProgressView /> }.into_any(),
                    Route::Pathway(id) => view! { <crate::components::pathways::PathwayDetail pathway_id=id /> }.into_any(),
                    Route::Import(url) => view! { <crate::components::deeplink::DeepLinkConfirm url=url /> }.into_any(),
                    // The wallet's home: panels titled by <h2>, under one <h1> that names the
                    // view as the nav does (screen readers announce it; issue 14.5).
                    _ => view! {
                        <h1 class="visually-hidden">{t!("wallet-heading")}</h1>
                        <ImportPanel />
                        <Gallery />
                        <BackupPanel />
                    }.into_any(),
                }}
            </Show>
        </main>
        <footer class="footer">
            {t!("wallet-footer")}
        </footer>
    </crate::i18n::Localized> }
}
