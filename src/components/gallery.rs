//! The gallery: search, filters, sort, and the cards (rendered in pages as the user scrolls, so
//! a thousand credentials open quickly).

use leptos::prelude::*;
use wallet_core::library::{Query, SortKey, apply, facets};

use super::card::Card;
use crate::browser;
use crate::importer::Input;
use crate::wallet::Wallet;

const PAGE: usize = 36;

fn sort_key(value: &str) -> SortKey {
    match value {
        "date-asc" => SortKey::DateOldest,
        "name" => SortKey::Name,
        "issuer" => SortKey::Issuer,
        _ => SortKey::DateNewest,
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// Loads the demo credentials shipped in `demo/` through the normal import pipeline.
async fn load_demo(wallet: Wallet) {
    // Only this action makes the demo issuers trusted in this wallet (their keys are public).
    crate::trust::mark_demo_loaded();
    let index_url = browser::resolve_url("demo/index.json");
    let mut inputs = Vec::new();
    match browser::fetch_bytes(&index_url).await {
        browser::Fetched::Bytes(bytes) => {
            let files: Vec<String> = serde_json::from_slice::<serde_json::Value>(&bytes)
                .ok()
                .and_then(|v| v.get("files").cloned())
                .and_then(|f| serde_json::from_value(f).ok())
                .unwrap_or_default();
            for file in files {
                match browser::fetch_bytes(&browser::resolve_url(&format!("demo/{file}"))).await {
                    browser::Fetched::Bytes(bytes) => inputs.push(Input::Bytes {
                        name: t!("gallery-demo-file", file = file.as_str()),
                        bytes,
                    }),
                    browser::Fetched::Failed(msg) => wallet.storage_message.set(Some(msg)),
                }
            }
        }
        browser::Fetched::Failed(msg) => wallet.storage_message.set(Some(msg)),
    }
    wallet.import(inputs).await;
}

#[component]
pub fn Gallery() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let text = RwSignal::new(String::new());
    let issuer = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let sort = RwSignal::new("date-desc".to_string());
    let limit = RwSignal::new(PAGE);

    let matching = Memo::new(move |_| {
        let query = Query {
            text: text.get(),
            issuer: non_empty(issuer.get()),
            status: non_empty(status.get()),
            tag: non_empty(tag.get()),
            sort: sort_key(&sort.get()),
        };
        wallet.summaries.with(|items| apply(items, &query))
    });
    // Where each credential is in the wallet's list, so a card finds its summary at once.
    let positions = Memo::new(move |_| {
        wallet.summaries.with(|items| {
            items
                .iter()
                .enumerate()
                .map(|(i, s)| (s.local_id.clone(), i))
                .collect::<std::collections::HashMap<_, _>>()
        })
    });
    let facet_lists = Memo::new(move |_| wallet.summaries.with(|items| facets(items)));
    let visible = move || {
        let idx = matching.get();
        let n = limit.get();
        wallet.summaries.with(|items| {
            idx.iter()
                .take(n)
                .map(|&i| items[i].clone())
                .collect::<Vec<_>>()
        })
    };
    // Reset paging when the query changes.
    Effect::new(move |_| {
        text.track();
        issuer.track();
        status.track();
        tag.track();
        sort.track();
        limit.set(PAGE);
    });
    // Infinite scroll: near the bottom, render the next page.
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        let w = browser::window();
        let y = w.scroll_y().unwrap_or(0.0)
            + w.inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
        let h = w
            .document()
            .and_then(|d| d.document_element())
            .map(|e| e.scroll_height() as f64)
            .unwrap_or(0.0);
        if y > h - 800.0 && limit.get_untracked() < matching.with_untracked(|m| m.len()) {
            limit.update(|l| *l += PAGE);
        }
    });
    on_cleanup(move || scroll.remove());

    let total = move || wallet.summaries.with(|s| s.len());
    let has_any = move || total() != 0;
    let count_text = move || {
        let (shown, all) = (matching.with(|m| m.len()), total());
        if shown == all {
            t!("credential-count", n = all)
        } else {
            t!("gallery-count-filtered", shown = shown, all = all)
        }
    };

    view! {
        <section class="panel gallery" aria-labelledby="gallery-title">
            <div class="gallery-head">
                <h2 id="gallery-title">{t!("wallet-heading")}</h2>
                <p class="count" data-testid="gallery-count" aria-live="polite">{count_text}</p>
            </div>
            <VerifyProgress />
            <Show when=move || wallet.undo_name.get().is_some()>
                <div class="banner info" role="status">
                    // One flex item: the banner's gap would otherwise open between the quotes and the name.
                    <span>
                        {t!("gallery-deleted-before")}
                        <bdi dir="auto">{move || wallet.undo_name.get().unwrap_or_default()}</bdi>
                        {t!("gallery-deleted-after")}
                    </span>
                    <button class="button small" data-testid="undo-delete" on:click=move |_| {
                        leptos::task::spawn_local(crate::components::detail::undo_delete(wallet));
                    }>{t!("gallery-undo")}</button>
                </div>
            </Show>
            <Show
                when=move || has_any()
                fallback=move || view! {
                    <div class="empty" data-testid="wallet-empty">
                        <p class="empty-title">{t!("gallery-empty-title")}</p>
                        <p>{t!("gallery-empty-hint")}</p>
                        <button class="button primary" data-testid="load-demo" disabled=move || wallet.busy.get()
                            on:click=move |_| leptos::task::spawn_local(load_demo(wallet))>
                            {t!("gallery-load-demo")}
                        </button>
                    </div>
                }
            >
                <div class="controls" role="search">
                    <input
                        type="search"
                        placeholder=t!("gallery-search-placeholder")
                        aria-label=t!("gallery-search-label")
                        data-testid="search"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                    <select aria-label=t!("gallery-filter-issuer") data-testid="filter-issuer" on:change=move |ev| issuer.set(event_target_value(&ev)) prop:value=move || issuer.get()>
                        <option value="">{t!("gallery-all-issuers")}</option>
                        {move || facet_lists.get().issuers.into_iter().map(|i| view! { <option value=i.clone()>{wallet_core::bidi::escape_controls(&i)}</option> }).collect_view()}
                    </select>
                    <select aria-label=t!("gallery-filter-status") data-testid="filter-status" on:change=move |ev| status.set(event_target_value(&ev)) prop:value=move || status.get()>
                        <option value="">{t!("gallery-any-status")}</option>
                        {move || facet_lists.get().statuses.into_iter().map(|s| view! { <option value=s.clone()>{wallet_core::status::Status::parse(&s).label(crate::i18n::lang())}</option> }).collect_view()}
                    </select>
                    <select aria-label=t!("gallery-filter-tag") data-testid="filter-tag" on:change=move |ev| tag.set(event_target_value(&ev)) prop:value=move || tag.get()>
                        <option value="">{t!("gallery-all-tags")}</option>
                        {move || facet_lists.get().tags.into_iter().map(|t| view! { <option value=t.clone()>{wallet_core::bidi::escape_controls(&t)}</option> }).collect_view()}
                    </select>
                    <select aria-label=t!("gallery-sort") data-testid="sort" on:change=move |ev| sort.set(event_target_value(&ev)) prop:value=move || sort.get()>
                        <option value="date-desc">{t!("gallery-sort-newest")}</option>
                        <option value="date-asc">{t!("gallery-sort-oldest")}</option>
                        <option value="name">{t!("gallery-sort-name")}</option>
                        <option value="issuer">{t!("gallery-sort-issuer")}</option>
                    </select>
                </div>
                <super::share::ShareBar />
                <ul class="cards">
                    // Keyed by the credential alone: a card whose summary changes (verified, an
                    // OB 2.0 badge's hosted copy) updates in place, so the keyboard focus on it
                    // stays (a re-created card dropped it: Enter then opened nothing).
                    <For each=visible key=|s| s.local_id.clone() children=move |s| {
                        let id = s.local_id.clone();
                        let current = Memo::new(move |_| {
                            let i = positions.with(|p| p.get(&id).copied());
                            i.and_then(|i| wallet.summaries.with(|all| all.get(i).cloned()))
                                .unwrap_or_else(|| s.clone())
                        });
                        view! { <Card summary=current /> }
                    } />
                </ul>
                <Show when=move || limit.get() < matching.with(|m| m.len())>
                    <button class="button more" on:click=move |_| limit.update(|l| *l += PAGE)>{t!("gallery-show-more")}</button>
                </Show>
            </Show>
        </section>
    }
}

/// "Checking 120 of 1,000 credentials…" while the wallet re-checks (`wallet.verifying`): the
/// work runs in the verification worker (src/worker_client.rs), so the gallery stays usable.
#[component]
fn VerifyProgress() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    move || {
        let (done, total) = wallet.verifying.get()?;
        Some(view! {
            <div class="verify-progress" data-testid="verify-progress" role="status"
                data-done=done.to_string() data-total=total.to_string()>
                <progress max=total.to_string() value=done.to_string()></progress>
                <span>{t!("gallery-checking", done = done, total = total)}</span>
            </div>
        })
    }
}
