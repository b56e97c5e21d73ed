//! The employer's view of a share link (route `#/s/<payload>`): a read-only portfolio whose
//! credentials are verified in the viewer's browser, offline (no `resolved` documents, trusted =
//! the registry's non-demo issuers), with images only from the credentials' own `data:` URIs,
//! so the view makes no request to any third party.
//!
//! Rendered by the employer's viewer only (`src/viewer.rs`, what a share link loads; a `#/s/`
//! route reached inside the wallet reloads into it). "Save to my wallet" hands the link to the
//! wallet page (`#/save/<payload>`, `super::save_shared`): the viewer carries no storage or
//! import code. Pathway progress in a share is in [`super::employer_pathways`].

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use wallet_core::image::{ImageSource, image_source};
use wallet_core::library::Summary;
use wallet_core::model::Credential;
use wallet_core::route::Route;
use wallet_core::status::Status;
use wallet_pathways::from_shared;
use wallet_share::{DecodeError, Portfolio};

use super::card::card_content;
use super::checks::ChecksList;
use super::credential_body::{Audience, CredentialBody};
use super::employer_pathways::shared_pathways_section;
use crate::browser;
use crate::report::{StoredReport, to_stored};

/// Opens the wallet page on `#/save/<payload>` (from the viewer). The viewer reloads on any
/// route but `#/s/` (src/viewer.rs), and the page's boot script then loads the wallet.
fn save_in_wallet_page(payload: &str) {
    let _ = browser::window()
        .location()
        .set_hash(&Route::Save(payload.to_string()).to_hash());
}

/// One shared credential: parsed, its summary and its image.
pub(super) struct Entry {
    pub summary: Summary,
    pub credential: Credential,
    /// A `blob:` URL of the credential's own `data:` image, sniffed and (SVG) rasterized by
    /// `crate::images`; set once decoded.
    pub image: RwSignal<Option<String>>,
}

fn error_hint(e: DecodeError) -> String {
    match e {
        DecodeError::Incomplete => t!("share-error-hint-incomplete"),
        DecodeError::Altered => t!("share-error-hint-altered"),
        DecodeError::NewerVersion(_) => t!("share-error-hint-newer"),
        DecodeError::NotShareLink => t!("share-error-hint-not-link"),
        DecodeError::TooLarge(_) => t!("share-error-hint-too-large"),
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `#/s/<payload>`: a read-only portfolio verified in this browser.
///
/// The link is decoded in two tasks with a yield between them (checksums and decompression,
/// then the body): a link crafted to the decoder's limits costs each about half, and neither
/// holds the page long.
#[component]
pub fn SharedPortfolio(payload: String) -> impl IntoView {
    let decoded = RwSignal::new(None::<Result<Portfolio, DecodeError>>);
    let text = payload.clone();
    leptos::task::spawn_local(async move {
        browser::yield_now().await;
        let unpacked = wallet_share::unpack(&text);
        browser::yield_now().await;
        let _ = decoded.try_set(Some(unpacked.and_then(|u| u.read())));
    });
    move || match decoded.get() {
        None => view! { <p class="muted" data-testid="share-opening">{t!("share-opening")}</p> }
            .into_any(),
        Some(result) => shared_view(result, &payload),
    }
}

fn shared_view(result: Result<Portfolio, DecodeError>, payload: &str) -> AnyView {
    match result {
        Err(e) => view! {
            <section class="panel shared-error">
                <h1>{t!("share-error-title")}</h1>
                <p class="banner error" role="alert" data-testid="share-error" data-error=format!("{e:?}")>
                    {format!("{}.", capitalized(&e.message(crate::i18n::lang())))}
                </p>
                <p>{error_hint(e)}</p>
                <a class="back" href=wallet_core::route::Route::Wallet.to_hash()>{t!("share-go-wallet")}</a>
            </section>
        }
        .into_any(),
        Ok(p) => portfolio_view(p, payload).into_any(),
    }
}

fn portfolio_view(p: Portfolio, payload: &str) -> AnyView {
    let started = browser::now_ms();
    let mut unreadable = 0usize;
    let mut entries = Vec::new();
    for original in &p.credentials {
        match wallet_core::parse_credential(original.text()) {
            Ok(c) => {
                // Only the credential's own data: image (no third-party requests in this view),
                // decided from its bytes like every image (crate::images).
                let image = RwSignal::new(None::<String>);
                if let Some(ImageSource::Embedded(bytes)) = c.image.as_deref().map(image_source) {
                    leptos::task::spawn_local(async move {
                        if let Some(url) = crate::images::url_for_bytes(&bytes).await
                            && image.try_set(Some(url.clone())).is_some()
                        {
                            crate::images::release(&url);
                        }
                    });
                    on_cleanup(move || {
                        if let Some(Some(url)) = image.try_get_untracked() {
                            crate::images::release(&url);
                        }
                    });
                }
                entries.push(Entry {
                    summary: Summary::from_credential(&c, Status::Pending, 0.0),
                    credential: c,
                    image,
                });
            }
            Err(_) => unreadable += 1,
        }
    }
    let n = entries.len();
    let total = n + unreadable;
    let entries = Arc::new(entries);
    let reports = RwSignal::new(vec![None::<StoredReport>; n]);
    // What the banner needs of each checked credential (`None` while it is being checked).
    let banner_items = RwSignal::new(vec![None::<wallet_verify::banner::Item>; n]);
    let elapsed = RwSignal::new(None::<f64>);
    let open = RwSignal::new(None::<usize>);
    // Pathway definitions in the link (untrusted): read with every check, or a clear message.
    let shared_pathways = p
        .pathways
        .as_ref()
        .map(|v| from_shared(crate::i18n::lang(), v).map_err(|e| e.to_string()));

    // Verify in this browser, offline, one credential per turn (cards update as results come).
    {
        let entries = entries.clone();
        leptos::task::spawn_local(async move {
            browser::yield_now().await;
            // Only the registry's non-demo issuers are trusted here: nothing from the viewer's
            // own wallet (their list, their demo badges) counts in someone else's portfolio.
            let viewer = wallet_verify::trust::Viewer::Employer;
            let registry = crate::trust::registry().await;
            let trusted = wallet_verify::trust::trusted_ids(&registry, &[], viewer);
            let resolved = HashMap::new();
            for (i, e) in entries.iter().enumerate() {
                let now = browser::now_iso();
                let ctx = wallet_verify::VerifyContext {
                    now: &now,
                    skew_seconds: 300,
                    resolved: &resolved,
                    trusted_issuers: &trusted,
                };
                let report = wallet_verify::verify(&e.credential, &ctx);
                let trust = wallet_verify::trust::decide(
                    e.credential.issuer.id.as_deref(),
                    &registry,
                    &[],
                    viewer,
                );
                let stored = to_stored(&e.summary.local_id, &report, &now, &trust, viewer);
                let item = wallet_verify::banner::Item::from_report(
                    &report,
                    &e.credential,
                    trust.is_trusted(),
                );
                banner_items.update(|b| b[i] = Some(item));
                reports.update(|r| r[i] = Some(stored));
                browser::yield_now().await;
            }
            elapsed.set(Some(browser::now_ms() - started));
        });
    }

    let status_of = move |i: usize| {
        reports.with(|r| {
            r.get(i)
                .and_then(|x| x.as_ref())
                .map(|x| x.status.clone())
                .unwrap_or_default()
        })
    };
    // A CLR's nested credentials' own statuses, by position.
    let nested_status_of = move |i: usize| {
        reports.with(|r| {
            let nested = r
                .get(i)
                .and_then(|x| x.as_ref())
                .map(|x| x.nested.as_slice())
                .unwrap_or(&[]);
            let mut out = vec![Status::Unverified; nested.len()];
            for n in nested {
                if let Some(slot) = out.get_mut(n.index) {
                    *slot = n.status.clone();
                }
            }
            out
        })
    };
    let banner_state = Signal::derive(move || {
        let b = banner_items.with(|items| wallet_verify::banner::banner(items, unreadable));
        // "checking" until the last card is done and the time is taken.
        if elapsed.get().is_none() && b.state != wallet_verify::banner::BannerState::Checking {
            return wallet_verify::banner::Banner {
                state: wallet_verify::banner::BannerState::Checking,
                ..b
            };
        }
        b
    });
    let banner = view! { <super::share_banner::ShareBanner banner=banner_state ms=elapsed /> };
    let pathways_section = shared_pathways.map(|read| {
        // Final statuses once every credential has been checked.
        let statuses = move || {
            elapsed.get()?;
            Some(
                (0..n)
                    .map(|i| (status_of(i), nested_status_of(i)))
                    .collect::<Vec<_>>(),
            )
        };
        shared_pathways_section(read, entries.clone(), statuses, open)
    });
    let self_href = browser::window().location().hash().unwrap_or_default();
    let cards = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let image = e.image.into();
            let status = Signal::derive(move || status_of(i));
            let href = self_href.clone();
            view! {
                <li class="card" data-testid="credential-card" data-credential-id=e.summary.local_id.clone() data-status=move || status.get().to_string()>
                    <a class="card-link" href=href role="button" aria-controls="shared-detail"
                        aria-expanded=move || (open.get() == Some(i)).to_string()
                        on:click=move |ev| {
                            ev.prevent_default();
                            let next = if open.get_untracked() == Some(i) { None } else { Some(i) };
                            open.set(next);
                            if next.is_some() {
                                leptos::task::spawn_local(async {
                                    browser::yield_now().await;
                                    if let Some(el) = browser::window().document().and_then(|d| d.get_element_by_id("shared-detail")) {
                                        el.scroll_into_view();
                                    }
                                });
                            }
                        }>
                        {card_content(&e.summary, image, status, true)}
                    </a>
                </li>
            }
        })
        .collect_view();
    let detail_entries = entries.clone();
    let detail = move || {
        let i = open.get()?;
        let e = detail_entries.get(i)?;
        let report = reports.with(|r| r.get(i).cloned().flatten());
        Some(shared_detail(e, report, status_of(i), move || {
            open.set(None)
        }))
    };
    let payload = payload.to_string();
    let save = move || save_in_wallet_page(&payload);
    let title = p
        .title
        .clone()
        .unwrap_or_else(|| t!("shared-default-title"));
    let holder = p.holder.clone();
    view! {
        <section class="panel shared" data-testid="shared-portfolio" data-count=total.to_string()
            data-verified-ms=move || elapsed.get().map(|m| m.round().to_string())>
            <p class="shared-kicker muted small">{t!("shared-kicker")}</p>
            <h1 data-testid="shared-title">{title}</h1>
            {holder.map(|h| view! { <p class="shared-holder" data-testid="shared-holder">{t!("share-shared-by")}" " <strong><bdi dir="auto">{h}</bdi></strong></p> })}
            {banner}
            {(unreadable > 0).then(|| view! {
                <p class="banner error">{t!("shared-unreadable", n = unreadable)}</p>
            })}
            <h2 class="visually-hidden">{t!("shared-credentials-heading")}</h2>
            <ul class="cards">{cards}</ul>
            <p class="muted small">{t!("shared-select-hint")}</p>
            {pathways_section}
            {detail}
            <div class="shared-footer">
                <p class="muted small">
                    {t!("shared-footer-checked")}" "
                    {t!("shared-footer-link")}
                </p>
                <div class="actions">
                    <button type="button" class="button" data-testid="share-save" on:click=move |_| save()>{t!("share-save")}</button>
                    <a class="button" href=wallet_core::route::Route::Wallet.to_hash()>{t!("share-open-wallet")}</a>
                </div>
            </div>
        </section>
    }
    .into_any()
}

/// When a report was made, as the reader reads it: the stored time stamp as it is in English
/// (as before the interface was translated), the locale's date and time otherwise.
fn checked_at(iso: &str) -> String {
    match crate::i18n::lang() {
        wallet_i18n::Lang::En => iso.to_string(),
        lang => wallet_i18n::date_time(lang, iso),
    }
}

/// One shared credential's detail: its body (`credential_body`, shared with the wallet's
/// detail view) under the employer's own verification report.
fn shared_detail(
    e: &Entry,
    report: Option<StoredReport>,
    status: Status,
    close: impl Fn() + Send + Sync + 'static,
) -> AnyView {
    let c = &e.credential;
    let checks = match &report {
        None => view! { <p class="muted">{t!("shared-checking")}</p> }.into_any(),
        Some(r) => view! {
            <ChecksList checks=r.checks.clone() />
            <p class="muted small">{t!("shared-checked-at", time = checked_at(&r.checked_at))}</p>
        }
        .into_any(),
    };
    let verification = view! {
        <section data-testid="shared-verification">
            <h4>{t!("shared-verification")}</h4>
            {checks}
        </section>
    }
    .into_any();
    let transcript = c.clr.as_ref().map(|r| {
        super::clr::transcript(
            r,
            &c.subject,
            report.as_ref().map(|r| r.nested.as_slice()),
            true,
        )
    });
    let image = e
        .image
        .get()
        .map(|src| view! { <img class="detail-image" src=src alt="" /> })
        .into_any();
    let close = view! {
        <button type="button" class="button small shared-detail-close" on:click=move |_| close()>{t!("share-close")}</button>
    }
    .into_any();
    // Endorsements beside what they endorse, each verified on its own in this browser.
    let endorsed = RwSignal::new(report);
    view! {
        <article class="shared-detail detail" id="shared-detail" data-testid="shared-detail" data-credential-id=e.summary.local_id.clone() tabindex="-1">
            <CredentialBody
                credential=c.clone()
                audience=Audience::Employer
                status=Signal::stored(status)
                report=endorsed
                image=image
                verification=verification
                transcript=transcript
                issuer_image=None
                head_action=Some(close)
            />
        </article>
    }
    .into_any()
}
