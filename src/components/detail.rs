//! The wallet's detail view of one credential: its body (`credential_body`, shared with the
//! employer's view) with what only the learner has: "check again" and issuer trust, the
//! issuer's hosted copy, baked downloads, the printable certificate (`certificate.rs`), and
//! delete (confirmed, and undoable).

use std::cell::RefCell;

use leptos::prelude::*;
use wallet_core::model::Credential;
use wallet_core::status::Status;

use super::card::forget_image;
use super::checks::ChecksList;
use super::credential_body::{Audience, CredentialBody};
use super::credential_parts::sentence_lang;
use super::image::{ImageFrom, ShownImage};
use super::issuer_name::isolated_id;
use crate::storage;
use crate::verification::stored_report;
use crate::wallet::{Wallet, go};

thread_local! {
    /// What the last delete removed (every store's record as it was), kept in memory while
    /// "undo" is offered.
    static LAST_DELETED: RefCell<Option<storage::Removed>> = const { RefCell::new(None) };
}

/// Undo of the last delete: the credential comes back whole (summary, document, image and its
/// verification report), in one transaction.
pub async fn undo_delete(wallet: Wallet) {
    let Some(removed) = LAST_DELETED.with(|d| d.borrow_mut().take()) else {
        return;
    };
    match storage::restore(&removed).await {
        Ok(_) => {
            // Read back from storage: what is shown is what is stored (also when it was
            // stored again meanwhile, and nothing needed putting back).
            wallet.reload().await;
            wallet.reports_version.update(|v| *v += 1);
            wallet.undo_name.set(None);
        }
        Err(e) => {
            LAST_DELETED.with(|d| *d.borrow_mut() = Some(removed));
            wallet.storage_message.set(Some(e.to_string()));
        }
    }
}

async fn delete_credential(wallet: Wallet, local_id: String) {
    match storage::delete(std::slice::from_ref(&local_id)).await {
        Ok(mut removed) => {
            forget_image(&local_id);
            wallet
                .summaries
                .update(|s| s.retain(|x| x.local_id != local_id));
            let last = removed.pop();
            wallet.undo_name.set(last.as_ref().map(|r| {
                r.name
                    .clone()
                    .unwrap_or_else(|| t!("detail-deleted-fallback"))
            }));
            LAST_DELETED.with(|d| *d.borrow_mut() = last);
            go(&wallet_core::route::Route::Wallet.to_hash());
        }
        Err(e) => wallet.storage_message.set(Some(e.to_string())),
    }
}

/// `status` is tracked on its own: a new status (a re-check finishing) updates the badge line
/// only, never the rest of the view (the image keeps its `blob:` URL).
fn credential_view(c: Credential, status: Signal<Status>, local_id: String) -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let confirming = RwSignal::new(false);
    let image = ImageFrom {
        stored: Some(local_id.clone()),
        src: c.image.clone(),
        offer_remote: true,
    };
    let id_for_delete = local_id.clone();
    let cancel_button: NodeRef<leptos::html::Button> = NodeRef::new();
    // Keyboard: the dialog takes focus on its safe choice, and Escape closes it.
    Effect::new(move |_| {
        if confirming.get()
            && let Some(b) = cancel_button.get()
        {
            let _ = b.focus();
        }
    });
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && confirming.get_untracked() {
            confirming.set(false);
        }
    });
    on_cleanup(move || escape.remove());
    let report = stored_report(local_id.clone());
    let head_image = view! { <ShownImage class="detail-image" from=image /> }.into_any();
    let issuer_image = ImageFrom {
        stored: None,
        src: c.issuer.image.clone(),
        offer_remote: true,
    };
    let issuer_image = view! { <ShownImage class="issuer-image" from=issuer_image /> }.into_any();
    let verification = view! {
        <VerificationSection
            local_id=local_id.clone()
            report=report
            issuer_id=c.issuer.id.clone()
            issuer_name=c.issuer.name.clone().or(c.issuer.id.clone()).unwrap_or_else(|| t!("detail-issuer-fallback"))
        />
    }
    .into_any();
    let transcript = c.clr.clone().map(|r| {
        view! { <super::clr::ClrSection report=report record=*r learner=c.subject.clone() /> }
            .into_any()
    });
    let downloads = super::baked::baked_downloads(&c);
    let print_href = wallet_core::route::Route::Print(local_id.clone()).to_hash();
    view! {
        <article class="panel detail" data-testid="credential-detail">
            <a class="back" href=wallet_core::route::Route::Wallet.to_hash() data-testid="back-to-wallet">{t!("detail-back")}</a>
            <CredentialBody
                credential=c
                audience=Audience::Learner
                status=status
                report=report
                image=head_image
                verification=verification
                transcript=transcript
                issuer_image=Some(issuer_image)
                head_action=None
            />
            <div class="actions">
                <a class="button" href=print_href data-testid="print-credential">{t!("detail-print")}</a>
                {downloads}
                <button class="button danger" data-testid="delete-credential" on:click=move |_| confirming.set(true)>{t!("detail-delete")}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="dialog-backdrop">
                    <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title">
                        <h3 id="confirm-title">{t!("detail-delete-title")}</h3>
                        <p>{t!("detail-delete-body")}</p>
                        <div class="actions">
                            <button class="button" data-testid="cancel-delete" node_ref=cancel_button on:click=move |_| confirming.set(false)>{t!("detail-cancel")}</button>
                            <button class="button danger" data-testid="confirm-delete" on:click={
                                let id = id_for_delete.clone();
                                move |_| {
                                    confirming.set(false);
                                    leptos::task::spawn_local(delete_credential(wallet, id.clone()));
                                }
                            }>{t!("detail-delete-confirm")}</button>
                        </div>
                    </div>
                </div>
            </Show>
        </article>
    }
}

/// The OB 2.0 hosted copy fetched for verification (from the `resolved` store), as a credential.
async fn hosted_copy(
    url: &str,
    linked: &std::collections::BTreeMap<String, String>,
) -> Option<Credential> {
    let r = storage::load_resolved()
        .await
        .into_iter()
        .find(|r| r.url == url)?;
    let mut c = wallet_core::parse::parse_credential(&r.json).ok()?;
    wallet_core::apply_linked(&mut c, linked);
    Some(c)
}

/// A stored credential as the wallet shows it: its stored document, and the credential read from
/// it (or from the issuer's hosted copy, for an OB 2.0 badge the issuer hosts).
pub(crate) struct Shown {
    pub credential: Credential,
    /// The hosted copy's URL, when that is what is shown.
    pub hosted: Option<String>,
    /// The stored document (what a share link carries).
    pub original: wallet_core::Original,
}

/// Reads `local_id` from storage as the detail view (and the certificate) show it.
pub(crate) async fn load_shown(local_id: &str) -> Result<Shown, String> {
    let doc = match storage::load_document(local_id).await {
        Ok(Some(doc)) => doc,
        Ok(None) => {
            return Err(t!("detail-not-in-wallet"));
        }
        Err(e) => return Err(e.to_string()),
    };
    let presented = wallet_core::parse::parse_credential(doc.original.text())
        .map(|mut c| {
            wallet_core::apply_linked(&mut c, &doc.linked);
            c
        })
        .map_err(|e| e.to_string());
    // An OB 2.0 badge the issuer hosts: the issuer's copy is what counts.
    let report = storage::load_report::<crate::report::StoredReport>(local_id).await;
    let (credential, hosted) = match report.and_then(|r| r.hosted) {
        Some(url) => match hosted_copy(&url, &doc.linked).await {
            Some(h) => (h, Some(url)),
            None => (presented?, None),
        },
        None => (presented?, None),
    };
    Ok(Shown {
        credential,
        hosted,
        original: doc.original,
    })
}

#[component]
pub fn Detail(local_id: String) -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let loaded = RwSignal::new(None::<Result<Credential, String>>);
    let hosted = RwSignal::new(None::<String>);
    let id = local_id.clone();
    let id2 = StoredValue::new(local_id.clone());
    leptos::task::spawn_local(async move {
        let result = load_shown(&id).await.map(|s| {
            hosted.set(s.hosted);
            s.credential
        });
        loaded.set(Some(result));
    });
    let status = wallet.status_of(local_id);
    move || {
        match loaded.get() {
        None => view! { <p class="loading">{t!("detail-loading")}</p> }.into_any(),
        Some(Err(e)) => view! {
            <div class="panel">
                <a class="back" href=wallet_core::route::Route::Wallet.to_hash() data-testid="back-to-wallet">{t!("detail-back")}</a>
                <p class="banner error">{e}</p>
            </div>
        }
        .into_any(),
        Some(Ok(c)) => view! {
            {hosted.get().map(|u| view! {
                <p class="banner info" data-testid="detail-source" data-source="hosted">
                    {t!("detail-hosted")} " " {isolated_id(&u)}
                </p>
            })}
            {credential_view(c, status, id2.get_value())}
        }
        .into_any(),
    }
    }
}

/// When the report was made, as the detail says it: English shows the stored time stamp as it
/// always did, other languages the date and time in their words.
fn checked_at_text(iso: &str) -> String {
    match crate::i18n::lang() {
        crate::i18n::Lang::En => iso.to_string(),
        lang => wallet_i18n::date_time(lang, iso),
    }
}

/// The verification report of one credential, with "check again" and issuer trust.
#[component]
fn VerificationSection(
    local_id: String,
    /// The credential's stored report, followed by the whole detail ([`stored_report`]).
    report: RwSignal<Option<crate::report::StoredReport>>,
    issuer_id: Option<String>,
    issuer_name: String,
) -> impl IntoView {
    use crate::verification::{learner_trusted, recheck, set_learner_trusted, verify_wallet};
    let wallet = expect_context::<Wallet>();
    let id = StoredValue::new(local_id);
    let trusted = RwSignal::new(
        issuer_id
            .as_ref()
            .is_some_and(|i| learner_trusted().contains(i)),
    );
    let issuer = StoredValue::new(issuer_id);
    let toggle_trust = move |_| {
        let Some(i) = issuer.get_value() else { return };
        let mut list = learner_trusted();
        if list.contains(&i) {
            list.retain(|x| *x != i);
        } else {
            list.push(i);
        }
        set_learner_trusted(&list);
        trusted.set(!trusted.get_untracked());
        leptos::task::spawn_local(verify_wallet(wallet, Some(vec![id.get_value()])));
    };
    view! {
        <section class="verification" data-testid="verification-report">
            <h3>{t!("detail-verification")}</h3>
            {move || match report.get() {
                None => view! { <p class="muted">{t!("detail-not-checked")}</p> }.into_any(),
                Some(r) => view! {
                    <ChecksList checks=r.checks.clone() />
                    {(!r.proofs.is_empty()).then(|| view! {
                        <details class="proofs">
                            <summary>{t!("detail-proofs", n = r.proofs.len())}</summary>
                            <ul>
                                {r.proofs.iter().map(|p| { let said = p.sentence(crate::i18n::lang()); view! {
                                    <li data-testid="verification-proof" data-outcome=p.outcome.clone()>
                                        <strong>{p.suite.clone()}</strong>{t!("credential-colon")}<span lang=sentence_lang(&said)>{said.words.clone()}</span>
                                        {p.verification_method.clone().map(|m| view! { <div class="muted mono">{isolated_id(&m)}</div> })}
                                    </li>
                                }}).collect_view()}
                            </ul>
                        </details>
                    })}
                    <p class="muted small">{t!("detail-checked-at", when = checked_at_text(&r.checked_at))}</p>
                }.into_any(),
            }}
            <div class="actions">
                <button class="button small" data-testid="verify-again" disabled=move || wallet.verifying.get().is_some()
                    on:click=move |_| leptos::task::spawn_local(recheck(wallet, vec![id.get_value()])) >
                    {t!("detail-check-again")}
                </button>
                {issuer.get_value().map(|_| view! {
                    <button class="button small" data-testid="trust-issuer" on:click=toggle_trust>
                        {move || if trusted.get() { t!("detail-stop-trusting") } else { t!("detail-trust") }}
                        " "
                        <bdi dir="auto">{issuer_name.clone()}</bdi>
                    </button>
                })}
            </div>
        </section>
    }
}
