//! Pieces the wallet (Progress view, pathway tree) and the employer's view (shared pathways)
//! both show: the progress ring, and a pathway's link that is a link only when http(s). Nothing
//! here reaches wallet-only code (storage, importer, the `Wallet` state): the viewer links it.

use leptos::prelude::*;
use wallet_core::safe_link;

/// A link only when the URL is http(s); otherwise the text, inert.
pub fn link(url: Option<&str>, text: String) -> AnyView {
    match url.and_then(safe_link) {
        Some(href) => view! { <a href=href.to_string() target="_blank" rel="noopener noreferrer nofollow">{text}</a> }.into_any(),
        None => view! { <span>{text}</span> }.into_any(),
    }
}

/// An accessible progress ring: `k/n` in the middle.
pub fn ring(k: usize, n: usize, name: &str, large: bool) -> AnyView {
    let pct = if n == 0 {
        100.0
    } else {
        (k.min(n) as f64) * 100.0 / n as f64
    };
    view! {
        <div
            class=if large { "ring large" } else { "ring" }
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax=n.to_string()
            aria-valuenow=k.to_string()
            aria-valuetext=t!("pathway-count", met = k, needed = n)
            aria-label=t!("pathway-ring-label", name = name)
        >
            <svg viewBox="0 0 36 36" aria-hidden="true">
                <circle class="ring-track" cx="18" cy="18" r="15.9155" />
                <circle class="ring-fill" cx="18" cy="18" r="15.9155" pathLength="100" stroke-dasharray=format!("{pct:.1} 100") />
            </svg>
            <span class="ring-text" aria-hidden="true">{format!("{k}/{n}")}</span>
        </div>
    }
    .into_any()
}
