//! The employer's banner over a shared portfolio (`[data-testid=share-banner]`): its state and
//! words come from `wallet_verify::banner` (pure, table-tested); this only renders them.

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
        BannerState::Checking => "",
        BannerState::Verified => " Their issuers are known issuers and nothing was sent anywhere.",
        BannerState::Warn => {
            " Nothing was found wrong, but not everything could be confirmed: open a credential to see what."
        }
        BannerState::Failed => " Open a credential to see why.",
    };
    view! {
        <p class=class data-testid="share-banner" data-state=move || banner.with(|b| b.state.as_str())
            data-ms=move || ms.get().map(|m| m.round().to_string()) role=role>
            <strong>{move || banner.with(|b| b.words())}</strong>
            {hint}
        </p>
    }
}
