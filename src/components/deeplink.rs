//! The deep link `#/import?url=…` (an issuer's "add to wallet" button): nothing is fetched until
//! the learner has seen where the badge comes from and confirmed.
//!
//! Why: a link anyone can craft must not make the wallet contact a host, or store a credential,
//! by itself. The source is shown whole with its host emphasised (isolated for bidirectional
//! text, so an RTL override cannot disguise it); `[data-testid=deeplink-confirm]` imports,
//! `[data-testid=deeplink-cancel]` goes back with nothing fetched.

use leptos::prelude::*;
use wallet_core::image::url_host;

use crate::importer::Input;
use crate::wallet::{Wallet, go};

#[component]
pub fn DeepLinkConfirm(url: String) -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let host = wallet_core::safe_link(&url).and_then(url_host);
    let confirm = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            go(&wallet_core::route::Route::Wallet.to_hash());
            leptos::task::spawn_local(wallet.import(vec![Input::Url(url)]));
        }
    };
    view! {
        <section class="panel deeplink" data-testid="deeplink" aria-labelledby="deeplink-title">
            <h1 id="deeplink-title">{t!("import-deeplink-title")}</h1>
            {match host {
                Some(host) => view! {
                    <p>{t!("import-deeplink-ask-before")}
                        <bdi><strong data-testid="deeplink-host">{host}</strong></bdi>
                        {t!("import-deeplink-ask-after")}</p>
                    <p class="mono deeplink-url" data-testid="deeplink-url"><bdi>{url.clone()}</bdi></p>
                    <p class="small muted">{t!("import-deeplink-caution")}</p>
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="deeplink-confirm" on:click=confirm>
                            {t!("import-deeplink-confirm")}
                        </button>
                        <button type="button" class="button" data-testid="deeplink-cancel" on:click=move |_| go(&wallet_core::route::Route::Wallet.to_hash())>
                            {t!("import-cancel")}
                        </button>
                    </div>
                }
                .into_any(),
                None => view! {
                    <p class="banner error" role="alert" data-testid="deeplink-error">
                        {t!("import-deeplink-not-http")}
                        <bdi class="mono">{url.clone()}</bdi> "."
                    </p>
                    <div class="actions">
                        <button type="button" class="button" data-testid="deeplink-cancel" on:click=move |_| go(&wallet_core::route::Route::Wallet.to_hash())>
                            {t!("import-deeplink-back")}
                        </button>
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}
