//! The name of the app and its tagline, at the left of the top bar of both entries (the
//! wallet and the employer's viewer); the name links to the wallet.

use leptos::prelude::*;
use wallet_core::route::Route;

#[component]
pub fn Brand(tagline: String) -> impl IntoView {
    view! {
        <a class="brand" href=Route::Wallet.to_hash()>
            <span class="brand-mark" aria-hidden="true">"◆"</span>
            " "{t!("app-name")}
        </a>
        <span class="tagline">{tagline}</span>
    }
}
