//! The printed sheet of a share: title, holder, the credentials and the QR code of the link.
//! In the page but shown only when printing (`.share-print`, see style/main.css and
//! `crate::browser::share::print_share`).

use leptos::prelude::*;
use wallet_share::svg_data_uri;

use super::build::{Link, Share};

/// The printed sheet: the portfolio and its QR code (shown only when printing).
pub(super) fn print_view(s: &Share, main: &Link) -> AnyView {
    let qr = main.qr.clone();
    view! {
        <div class="share-print" aria-hidden="true">
            <h1>{s.title.clone()}</h1>
            {(!s.holder.is_empty()).then(|| view! { <p class="share-print-holder">{t!("share-shared-by")}" " <bdi dir="auto">{s.holder.clone()}</bdi></p> })}
            <ul>
                {s.items.iter().map(|i| view! {
                    <li><strong><bdi dir="auto">{i.name.clone()}</bdi></strong>" — "<bdi dir="auto">{i.issuer.clone()}</bdi>
                        {i.issued.as_deref().map(|d| format!(" · {}", wallet_i18n::date(crate::i18n::lang(), d)))}</li>
                }).collect_view()}
            </ul>
            {qr.map(|q| view! {
                <img class="qr" src=svg_data_uri(&q.svg) alt="" width="360" height="360" />
                <p>{if wallet_share::too_big_for_one_qr(q.version) {
                    t!("share-print-scan-dense")
                } else {
                    t!("share-print-scan")
                }}</p>
            })}
            <p class="mono share-print-link">{main.link.clone()}</p>
        </div>
    }
    .into_any()
}
