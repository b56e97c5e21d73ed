//! `#/save/<payload>`: where the viewer's "Save to my wallet" leads. The viewer carries no
//! storage or import code, so it hands the share link to the wallet page, which imports the
//! link's credentials here at once (verifying them afterwards like any import) and says how
//! many were added.

use leptos::prelude::*;
use wallet_core::route::Route;

use crate::wallet::Wallet;

#[component]
pub fn SaveShared(payload: String) -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let result = RwSignal::new(Some(t!("share-saving")));
    match wallet_share::decode(&payload) {
        Ok(p) => {
            let texts = p.credentials.iter().map(|c| c.text().to_string()).collect();
            leptos::task::spawn_local(wallet.save_shared(texts, result));
        }
        Err(e) => result.set(Some(t!(
            "share-save-error",
            error = e.message(crate::i18n::lang())
        ))),
    }
    view! {
        <section class="panel" data-testid="share-save-page">
            <h1>{t!("share-save-title")}</h1>
            <p role="status" aria-live="polite" data-testid="share-save-result">{move || result.get()}</p>
            <a class="button" href=Route::Wallet.to_hash()>{t!("share-open-wallet")}</a>
        </section>
    }
}
