//! The printable certificate of one credential (`#/print/<local id>`, opened by the detail
//! view's "Print certificate"). On screen: a preview of the sheet with "Back" and "Print";
//! printed (`@media print`, the "Printable certificate" block of style/main.css): the sheet
//! alone, on one page of A4 or Letter (no paper size is imposed: the printer's is used).
//!
//! The sheet shows the credential's image (the stored one, as the detail shows it), its name,
//! the issuer with the detail's trust marks, the recipient, the dates, skills and criteria
//! (`wallet_core::certificate`: what is printed and how long texts are clipped), the status
//! in words with the time of the wallet's last check, and a QR code of the credential's own
//! self-verifying link: the share link of that credential alone on this wallet's address
//! (`wallet_share::links::credential_link`, the same link as the share panel's for it), which
//! the employer's viewer checks in the reader's browser. A credential too large for a
//! scannable code gets a sentence saying so instead.
//!
//! Wallet-only: storage, the wallet's state and the QR encoder; the viewer never reaches it.

use std::sync::Arc;

use leptos::prelude::*;
use wallet_core::certificate::{
    Certificate, checked_line, link_text, mm_to_css_px, qr_side_mm, status_words,
};
use wallet_core::status::Status;
use wallet_share::links::{credential_link, has_large_image, scannable_qr};
use wallet_share::{QUIET, Qr, svg_data_uri};

use super::detail::load_shown;
use super::image::{ImageFrom, ShownImage};
use super::issuer_name::IssuerName;
use crate::browser;
use crate::verification::stored_report;
use crate::wallet::{Wallet, detail_href};

/// What the sheet is made of, read once from storage.
struct Sheet {
    cert: Certificate,
    issuer_id: Option<String>,
    issuer_name: Option<String>,
    image: Option<String>,
    link: String,
    qr: Option<Qr>,
    large_image: bool,
}

async fn load_sheet(local_id: &str) -> Result<Sheet, String> {
    let shown = load_shown(local_id).await?;
    let c = &shown.credential;
    let link = credential_link(&browser::page_base(), &shown.original, None);
    let qr = scannable_qr(&link);
    Ok(Sheet {
        cert: Certificate::of(c, crate::i18n::lang()),
        issuer_id: c.issuer.id.clone(),
        issuer_name: c.issuer.name.clone(),
        image: c.image.clone(),
        large_image: qr.is_none() && has_large_image(&shown.original),
        link,
        qr,
    })
}

#[component]
pub fn PrintCertificate(local_id: String) -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let loaded = RwSignal::new(None::<Result<Arc<Sheet>, String>>);
    let id = local_id.clone();
    leptos::task::spawn_local(async move {
        let sheet = load_sheet(&id).await.map(Arc::new);
        let _ = loaded.try_set(Some(sheet));
    });
    let status = wallet.status_of(local_id.clone());
    let report = stored_report(local_id.clone());
    let lang = crate::i18n::lang();
    let checked = Signal::derive(move || {
        report.with(|r| checked_line(r.as_ref().map(|r| &*r.checked_at), lang))
    });
    let back = detail_href(&local_id);
    let id = StoredValue::new(local_id);
    view! {
        <div class="certificate-page" data-testid="print-page">
            <div class="certificate-toolbar">
                <a class="button" href=back data-testid="print-back">{t!("certificate-back")}</a>
                <button type="button" class="button primary" data-testid="print-now"
                    on:click=move |_| { let _ = browser::window().print(); }>{t!("certificate-print")}</button>
                <p class="muted small">{t!("certificate-preview-note")}</p>
            </div>
            {move || match loaded.get() {
                None => view! { <p class="loading">{t!("certificate-loading")}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="banner error" role="alert">{e}</p> }.into_any(),
                Some(Ok(s)) => sheet_view(s, id.get_value(), status, checked),
            }}
        </div>
    }
}

fn sheet_view(
    s: Arc<Sheet>,
    local_id: String,
    status: Signal<Status>,
    checked: Signal<String>,
) -> AnyView {
    let c = &s.cert;
    let image = ImageFrom {
        stored: Some(local_id),
        src: s.image.clone(),
        offer_remote: false,
    };
    view! {
        <article class="certificate" data-testid="print-certificate" data-status=move || status.get().to_string()>
            <div class="certificate-body">
                <p class="certificate-kicker">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    {c.kind.clone().unwrap_or_else(|| t!("certificate-kind-default"))}
                </p>
                <div class="certificate-image" data-testid="print-image">
                    <ShownImage class="certificate-img" from=image />
                </div>
                {c.recipient.clone().map(|r| view! {
                    <p class="certificate-awarded">{t!("certificate-awarded-to")}</p>
                    <p class="certificate-recipient" data-testid="print-recipient"><bdi dir="auto">{r}</bdi></p>
                    <p class="certificate-awarded">{t!("certificate-awarded-for")}</p>
                })}
                <h1 class="certificate-name" data-testid="print-name"><bdi dir="auto" lang=c.name_lang.clone()>{c.name.clone()}</bdi></h1>
                <p class="certificate-issuer">{t!("certificate-issued-by")}" "
                    <IssuerName issuer_id=s.issuer_id.clone() declared=s.issuer_name.clone() testid="print-issuer" />
                </p>
                {dates(c)}
                {c.description.clone().map(|d| view! { <p class="certificate-text" data-testid="print-description"><bdi dir="auto" lang=c.description_lang.clone()>{d}</bdi></p> })}
                {skills(c)}
                {c.criteria.clone().map(|t| view! {
                    <section class="certificate-section" data-testid="print-criteria">
                        <h2>{t!("certificate-criteria")}</h2>
                        <p class="certificate-text"><bdi dir="auto" lang=c.criteria_lang.clone()>{t}</bdi></p>
                    </section>
                })}
            </div>
            <footer class="certificate-foot">
                {verification(&s, status, checked)}
                {qr_figure(&s)}
            </footer>
        </article>
    }
    .into_any()
}

fn dates(c: &Certificate) -> AnyView {
    let row = |label: String, v: Option<String>| {
        v.map(|v| view! { <div><dt>{label}</dt><dd>{v}</dd></div> })
    };
    view! {
        <dl class="certificate-dates" data-testid="print-dates">
            {row(t!("certificate-issued"), Some(c.issued.clone().unwrap_or_else(|| t!("certificate-not-stated"))))}
            {row(t!("certificate-expires"), c.expires.clone())}
        </dl>
    }
    .into_any()
}

fn skills(c: &Certificate) -> Option<AnyView> {
    (!c.skills.is_empty()).then(|| {
        let more = c.more_skills;
        view! {
            <section class="certificate-section" data-testid="print-skills">
                <h2>{c.skills_heading.clone()}</h2>
                <ul class="certificate-skills">
                    {c.skills.iter().map(|k| view! { <li><bdi dir="auto">{k.clone()}</bdi></li> }).collect_view()}
                    {(more > 0).then(|| view! { <li class="certificate-more">{t!("certificate-more-skills", n = more)}</li> })}
                </ul>
            </section>
        }
        .into_any()
    })
}

fn verification(s: &Sheet, status: Signal<Status>, checked: Signal<String>) -> AnyView {
    let lang = crate::i18n::lang();
    let words = move || status_words(&status.get(), lang);
    let link = s.qr.is_some().then(|| {
        let (text, full) = link_text(&s.link);
        view! {
            <p class="certificate-link">
                <a class="mono" href=s.link.clone() data-testid="print-link">{text}</a>
                {full.map(|n| format!(" {}", t!("certificate-link-length", n = count(n))))}
            </p>
        }
    });
    let how = if s.qr.is_some() {
        t!("certificate-how-qr")
    } else {
        t!("certificate-how-link")
    };
    view! {
        <div class="certificate-status" data-testid="print-status" data-status=move || status.get().to_string()>
            <p class=move || format!("certificate-verdict verdict-{}", status.get())>
                <span aria-hidden="true">{move || if status.get().is_verified() { "✓ " } else { "" }}</span>
                {move || words().0}
            </p>
            <p>{move || words().1}</p>
            <p data-testid="print-checked">{checked}</p>
            <p class="certificate-how">{how}</p>
            {link}
        </div>
    }
    .into_any()
}

/// A count as the reader writes it: English as before (no separator), French grouped.
fn count(n: usize) -> String {
    match crate::i18n::lang() {
        wallet_i18n::Lang::En => n.to_string(),
        lang => wallet_i18n::number(lang, n as u64),
    }
}

/// The code, printed at [`qr_side_mm`] (about half a millimetre a module).
fn qr_figure(s: &Sheet) -> AnyView {
    match &s.qr {
        Some(q) => {
            let px = mm_to_css_px(qr_side_mm(q.modules + 2 * QUIET)).to_string();
            view! {
                <figure class="certificate-qr">
                    <img class="qr" data-testid="print-qr" src=svg_data_uri(&q.svg) width=px.clone() height=px
                        alt=t!("certificate-qr-alt") />
                    <figcaption>{t!("certificate-qr-caption")}</figcaption>
                </figure>
            }
            .into_any()
        }
        None => view! {
            <p class="certificate-no-qr" data-testid="print-no-qr">
                {if s.large_image {
                    t!("certificate-no-qr-image")
                } else {
                    t!("certificate-no-qr")
                }}
            </p>
        }
        .into_any(),
    }
}
