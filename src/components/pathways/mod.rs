//! Stackable pathways in the wallet: progress toward certificates (the Progress view), what to
//! earn next, a pathway's requirement tree, and importing pathway files.
//!
//! Pathways come from `pathways/index.json` (bundled, relative to the page) and from files the
//! learner imported (kept in localStorage under [`IMPORTED_KEY`]: they are small). They are
//! loaded and checked by `wallet_pathways::files` and evaluated against every stored credential,
//! with the verification status of its summary. Pathway and credential text is untrusted: it is
//! rendered only as text, and links only when http(s).
//!
//! - [`state`]: [`PathwaysState`], the files, the items, the evaluation (browser glue);
//! - [`progress`]: the Progress view ([`ProgressView`]);
//! - [`import`]: "Add a pathway";
//! - [`detail`]: a pathway's page ([`PathwayDetail`]), its tree drawn by
//!   `components::requirement_tree` (shared with the employer's view).

mod detail;
mod import;
mod progress;
mod state;

use leptos::prelude::*;

pub use detail::PathwayDetail;
pub use progress::ProgressView;
pub use state::{IMPORTED_KEY, PathwaysState};

use crate::wallet::{Route, Wallet};

/// The hash of a pathway's page.
pub fn pathway_href(id: &str) -> String {
    Route::Pathway(id.to_string()).to_hash()
}

/// "My badges" / "Progress".
#[component]
pub fn Nav() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let on_progress = move || matches!(wallet.route.get(), Route::Progress | Route::Pathway(_));
    view! {
        <nav class="nav" aria-label=t!("nav-sections")>
            <a href=wallet_core::route::Route::Wallet.to_hash() data-testid="nav-wallet" aria-current=move || (!on_progress()).then_some("page")>{t!("nav-wallet")}</a>
            <a href=wallet_core::route::Route::Progress.to_hash() data-testid="nav-progress" aria-current=move || on_progress().then_some("page")>{t!("nav-progress")}</a>
        </nav>
    }
}
