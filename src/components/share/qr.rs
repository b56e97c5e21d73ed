//! The QR code of a share link as shown (an `<img>` of the SVG `wallet_share` drew, never
//! markup from credential text), its caption and its SVG/PNG downloads.

use leptos::prelude::*;
use wallet_share::{Qr, qr_png, qr_px, svg_data_uri};

use super::build::Link;
use crate::browser;

/// A count of characters or bytes as the language writes it (English: bare digits, as before
/// the interface was translated).
pub(super) fn figure(n: usize) -> String {
    match crate::i18n::lang() {
        wallet_i18n::Lang::En => n.to_string(),
        lang => wallet_i18n::number(lang, n as u64),
    }
}

pub(super) fn qr_image(qr: &Qr, target: usize, testid: &'static str, alt: String) -> AnyView {
    let px = qr_px(qr.modules, target);
    view! {
        <img class="qr" data-testid=testid src=svg_data_uri(&qr.svg) alt=alt
            width=px.to_string() height=px.to_string() />
    }
    .into_any()
}

pub(super) fn qr_block(main: &Link, n: usize) -> AnyView {
    let link = main.link.clone();
    match main.qr.clone() {
        Some(qr) => {
            let svg = qr.svg.clone();
            let (png_link, ecc) = (link.clone(), qr.ecc);
            let version_text = t!(
                "share-qr-caption",
                version = i32::from(qr.version),
                modules = qr.modules,
                ecc = qr.ecc.name(),
                chars = figure(main.link.len()),
                bytes = figure(main.frame_bytes)
            );
            view! {
                <figure class="qr-figure">
                    {qr_image(&qr, 560, "share-qr", t!("share-qr-alt", n = n))}
                    <figcaption class="muted small" data-testid="share-qr-version" data-version=qr.version.to_string()>{version_text}</figcaption>
                </figure>
                <div class="actions">
                    <button type="button" class="button small" data-testid="share-qr-svg" on:click=move |_| {
                        let _ = browser::download("portfolio-qr.svg", "image/svg+xml", svg.as_bytes());
                    }>{t!("share-qr-svg")}</button>
                    <button type="button" class="button small" data-testid="share-qr-png" on:click=move |_| {
                        if let Some(png) = qr_png(&png_link, ecc) {
                            let _ = browser::download("portfolio-qr.png", "image/png", &png);
                        }
                    }>{t!("share-qr-png")}</button>
                </div>
            }
            .into_any()
        }
        None => view! {
            <p class="muted">{t!("share-qr-none")}</p>
        }
        .into_any(),
    }
}
