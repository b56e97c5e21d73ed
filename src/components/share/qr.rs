//! The QR code of a share link as shown (an `<img>` of the SVG `wallet_share` drew, never
//! markup from credential text), its caption and its SVG/PNG downloads.

use leptos::prelude::*;
use wallet_share::{Qr, qr_png, qr_px, svg_data_uri};

use super::build::Link;
use crate::browser;
use crate::components::plural;

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
            let version_text = format!(
                "QR code version {} ({}×{} modules, error correction {}) · link {} characters, {} bytes of data.",
                qr.version,
                qr.modules,
                qr.modules,
                qr.ecc.name(),
                main.link.len(),
                main.frame_bytes
            );
            view! {
                <figure class="qr-figure">
                    {qr_image(&qr, 560, "share-qr", format!("QR code of the share link ({})", plural(n, "credential", "credentials")))}
                    <figcaption class="muted small" data-testid="share-qr-version" data-version=qr.version.to_string()>{version_text}</figcaption>
                </figure>
                <div class="actions">
                    <button type="button" class="button small" data-testid="share-qr-svg" on:click=move |_| {
                        let _ = browser::download("portfolio-qr.svg", "image/svg+xml", svg.as_bytes());
                    }>"Download QR (SVG)"</button>
                    <button type="button" class="button small" data-testid="share-qr-png" on:click=move |_| {
                        if let Some(png) = qr_png(&png_link, ecc) {
                            let _ = browser::download("portfolio-qr.png", "image/png", &png);
                        }
                    }>"Download QR (PNG)"</button>
                </div>
            }
            .into_any()
        }
        None => view! {
            <p class="muted">"No single QR code can hold this link: share the link itself, or one QR code per credential below."</p>
        }
        .into_any(),
    }
}
