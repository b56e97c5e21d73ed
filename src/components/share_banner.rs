//! The employer's banner over a shared portfolio (`[data-testid=share-banner]`): its state and
//! counts and its sentence come from `wallet_verify::banner` (pure, table-tested); this renders
//! them in the interface's language.

use leptos::prelude::*;
use wallet_verify::banner::{Banner, BannerState};

#[component]
pub fn ShareBanner(
    #[prop(into)] banner: Signal<Banner>,
    #[prop(into)] ms: Signal<Option<f64>>,
) -> impl IntoView {
    let class = move || match banner.with(|b| b.state) {
        BannerState::Checking => "banner info",
        BannerState::Verified => "banner ok",
        BannerState::Warn => "banner warn",
        BannerState::Failed => "banner error",
    };
    let role = move || match banner.with(|b| b.state) {
        BannerState::Failed => "alert",
        _ => "status",
    };
    let hint = move || match banner.with(|b| b.state) {
        BannerState::Checking => String::new(),
        BannerState::Verified => format!(" {}", t!("share-banner-hint-verified")),
        BannerState::Warn => format!(" {}", t!("share-banner-hint-warn")),
        BannerState::Failed => format!(" {}", t!("share-banner-hint-failed")),
    };
    view! {
        <p class=class data-testid="share-banner" data-state=move || banner.with(|b| b.state.as_str())
            data-ms=move || ms.get().map(|m| m.round().to_string()) role=role>
            <strong>{move || banner.with(|b| b.words(crate::i18n::lang()))}</strong>
            {hint}
        </p>
    }
}
