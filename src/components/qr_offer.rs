//! The confirmation a QR code's credentials wait for: what they are (names and issuers as the
//! credentials state them; checked once added, like any import), then "Add" or "Cancel".

use leptos::prelude::*;
use wallet_share::scan::{Offered, Scanned};

use crate::importer::Input;
use crate::qr_import::Offer;
use crate::wallet::Wallet;

fn intro(offer: &Offer, count: usize) -> String {
    match &offer.scanned {
        Scanned::Credentials {
            share_link: true,
            title,
            holder,
            ..
        } => {
            let title = title
                .as_deref()
                .map(|t| {
                    format!(
                        " {}",
                        t!(
                            "import-qr-share-title",
                            title = wallet_core::bidi::isolate(t)
                        )
                    )
                })
                .unwrap_or_default();
            let holder = holder
                .as_deref()
                .map(|h| {
                    format!(
                        " {}",
                        t!(
                            "import-qr-share-holder",
                            holder = wallet_core::bidi::isolate(h)
                        )
                    )
                })
                .unwrap_or_default();
            t!(
                "import-qr-intro-share-link",
                source = &offer.source,
                title = title,
                holder = holder,
                n = count
            )
        }
        _ => t!("import-qr-intro", source = &offer.source, n = count),
    }
}

fn inputs(source: &str, items: &[Offered]) -> Vec<Input> {
    items
        .iter()
        .enumerate()
        .map(|(i, o)| Input::Bytes {
            name: t!("import-qr-item-label", n = i + 1, source = source),
            bytes: o.text.clone().into_bytes(),
        })
        .collect()
}

#[component]
pub fn QrOffer() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    move || {
        let offer = wallet.qr_offer.get()?;
        let Scanned::Credentials { items, .. } = &offer.scanned else {
            return None;
        };
        let items = items.clone();
        let add = {
            let batch = inputs(&offer.source, &items);
            let batch = std::cell::RefCell::new(Some(batch));
            move |_| {
                if let Some(batch) = batch.borrow_mut().take() {
                    wallet.qr_offer.set(None);
                    leptos::task::spawn_local(wallet.import(batch));
                }
            }
        };
        let label = t!("import-qr-offer-add", n = items.len());
        Some(view! {
            <section class="qr-offer" data-testid="qr-offer" aria-labelledby="qr-offer-title">
                <h3 id="qr-offer-title">{t!("import-qr-offer-title")}</h3>
                <p>{intro(&offer, items.len())}</p>
                <ul class="qr-offer-items">
                    {items.iter().map(|o| view! {
                        <li data-testid="qr-offer-item">
                            <strong><bdi>{o.name.clone()}</bdi></strong>
                            {o.issuer.clone().map(|i| view! { " — " <bdi>{i}</bdi> })}
                        </li>
                    }).collect_view()}
                </ul>
                <p class="muted">{t!("import-qr-offer-note")}</p>
                <div class="actions">
                    <button class="button primary" data-testid="qr-offer-import" on:click=add>{label}</button>
                    <button class="button secondary" data-testid="qr-offer-cancel" on:click=move |_| wallet.qr_offer.set(None)>{t!("import-cancel")}</button>
                </div>
            </section>
        })
    }
}
