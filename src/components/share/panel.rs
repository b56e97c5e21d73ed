//! The share panel of a built share: the link (without pathways, or with the ones chosen),
//! copy, preview, print, Web Share, the warnings about QR size and large images, the QR code,
//! and one link (with its QR code and LinkedIn link) per credential.

use std::sync::Arc;

use leptos::prelude::*;
use wallet_pathways::{Candidate, Pathway, closure, share_candidates, to_shared};
use wallet_share::Portfolio;
use wallet_share::links::linkedin_url;
use wasm_bindgen::JsCast;

use super::build::{Item, Share, make_link};
use super::print::print_view;
use super::qr::{figure, qr_block, qr_image};
use crate::browser;
use crate::browser::share::{can_web_share, copy_to_clipboard, print_share, web_share};
use crate::components::pathways::PathwaysState;

/// The opt-in list of pathways whose progress goes with the link.
fn pathway_choice(
    offer: Memo<Option<(Vec<Pathway>, Vec<Candidate>)>>,
    chosen: RwSignal<Vec<String>>,
    added: Signal<Option<(usize, usize)>>,
) -> AnyView {
    view! {
        <fieldset class="share-pathways" data-testid="share-pathways">
            <legend>{t!("share-pathways-legend")}</legend>
            <p class="muted small">{t!("share-pathways-intro")}</p>
            {move || match offer.get() {
                None => view! { <p class="muted small" data-testid="share-pathways-loading">{t!("share-pathways-loading")}</p> }.into_any(),
                Some((_, c)) if c.is_empty() => view! {
                    <p class="muted small" data-testid="share-pathways-none">{t!("share-pathways-none")}</p>
                }.into_any(),
                Some((_, c)) => view! {
                    <ul class="share-pathway-list">
                        {c.into_iter().map(|c| {
                            let id = c.id.clone();
                            let id2 = c.id.clone();
                            let progress = if c.complete {
                                t!("share-pathway-complete", met = c.units_met, needed = c.units_needed)
                            } else {
                                t!("share-pathway-progress", met = c.units_met, needed = c.units_needed)
                            };
                            view! {
                                <li>
                                    <label class="share-pathway">
                                        <input type="checkbox" data-testid="share-pathway" data-pathway-id=c.id.clone()
                                            disabled=c.too_large
                                            prop:checked=move || chosen.with(|s| s.contains(&id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                chosen.update(|s| {
                                                    s.retain(|x| *x != id2);
                                                    if on { s.push(id2.clone()); }
                                                });
                                            } />
                                        <span class="share-pathway-name">{c.name.clone()}</span>
                                        <span class="muted small">" · " {progress}</span>
                                    </label>
                                    {c.too_large.then(|| view! {
                                        <p class="muted small share-pathway-carries">{t!("share-pathway-too-large")}</p>
                                    })}
                                    {(!c.carries.is_empty()).then(|| view! {
                                        <p class="muted small share-pathway-carries">
                                            {t!("share-pathway-carries", names = c.carries.join(", "), n = c.carries.len())}
                                        </p>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            {move || added.get().map(|(bytes, chars)| view! {
                <p class="muted small" data-testid="share-pathways-size" data-bytes=bytes.to_string()>
                    {t!("share-pathways-size", bytes = figure(bytes), chars = figure(chars))}
                </p>
            })}
        </fieldset>
    }
    .into_any()
}

pub(super) fn share_panel(s: Arc<Share>, slot: RwSignal<Option<Arc<Share>>>) -> AnyView {
    let link_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let copied = RwSignal::new(None::<String>);
    // The link shown: without pathways, or with the chosen ones.
    let main = RwSignal::new(s.plain.clone());
    let chosen = RwSignal::new(Vec::<String>::new());
    let state = use_context::<PathwaysState>();
    if let Some(st) = state {
        st.activate();
    }
    let ids = s.ids.clone();
    let offer = Memo::new(move |_| {
        let (pathways, items) = state?.pathways_and_items()?;
        let c = share_candidates(&pathways, &items, &ids, &browser::now_iso());
        Some((pathways, c))
    });
    let shared_value = Memo::new(move |_| {
        let chosen = chosen.get();
        offer.with(|o| {
            let (pathways, cands) = o.as_ref()?;
            let picked: Vec<&str> = chosen
                .iter()
                .filter(|c| cands.iter().any(|x| x.id == **c && !x.too_large))
                .map(String::as_str)
                .collect();
            (!picked.is_empty()).then(|| to_shared(&closure(pathways, &picked)))
        })
    });
    {
        let s = s.clone();
        let last = StoredValue::new(None::<serde_json::Value>);
        Effect::new(move |_| {
            let v = shared_value.get();
            if last.with_value(|l| *l == v) {
                return;
            }
            last.set_value(v.clone());
            let next = match v {
                None => s.plain.clone(),
                Some(v) => Arc::new(make_link(
                    &s.base,
                    &Portfolio {
                        pathways: Some(v),
                        ..s.portfolio.clone()
                    },
                )),
            };
            main.set(next);
        });
    }
    let plain = s.plain.clone();
    let added = Signal::derive(move || {
        let m = main.get();
        (!Arc::ptr_eq(&m, &plain)).then(|| {
            (
                m.frame_bytes.saturating_sub(plain.frame_bytes),
                m.link.len().saturating_sub(plain.link.len()),
            )
        })
    });
    let copy = move |_| {
        let link = main.get_untracked().link.clone();
        leptos::task::spawn_local(async move {
            if copy_to_clipboard(&link).await {
                copied.set(Some(t!("share-copied")));
            } else {
                if let Some(i) = link_input.get_untracked() {
                    i.select();
                }
                copied.set(Some(t!("share-copy-manual")));
            }
        });
    };
    let too_big = move || {
        main.with(|m| {
            m.qr.as_ref()
                .is_none_or(|q| wallet_share::too_big_for_one_qr(q.version))
        })
    };
    let too_big_at_first = s
        .plain
        .qr
        .as_ref()
        .is_none_or(|q| wallet_share::too_big_for_one_qr(q.version));
    let n = s.items.len();
    let items = s.items.clone();
    let any_large = items.iter().any(|i| i.large_image);
    let web_share_button = can_web_share().then(|| {
        let t = s.title.clone();
        view! {
            <button type="button" class="button small" data-testid="share-web"
                on:click=move |_| web_share(&t, &main.get_untracked().link)>{t!("share-web")}</button>
        }
    });
    let sheet = s.clone();
    view! {
        <section class="share-panel" data-testid="share-panel" aria-labelledby="share-panel-title"
            data-payload-chars=move || main.get().payload_chars.to_string() data-frame-bytes=move || main.get().frame_bytes.to_string()>
            <div class="share-panel-head">
                <h3 id="share-panel-title">{t!("share-panel-title", n = n)}</h3>
                <button type="button" class="button small" on:click=move |_| slot.set(None) aria-label=t!("share-close-label")>{t!("share-close")}</button>
            </div>
            <p class="muted small">{t!("share-panel-intro")}</p>
            {pathway_choice(offer, chosen, added)}
            <div class="share-link-row">
                <input type="text" readonly class="share-link" data-testid="share-link" aria-label=t!("share-link-label")
                    node_ref=link_input prop:value=move || main.get().link.clone() on:focus=move |ev| {
                        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { t.select(); }
                    } />
                <button type="button" class="button small" data-testid="share-copy" on:click=copy>{t!("share-copy")}</button>
            </div>
            <p class="small" role="status" aria-live="polite" data-testid="share-copy-status">{move || copied.get()}</p>
            <div class="actions">
                <a class="button small" href=move || main.get().link.clone() target="_blank" rel="noopener" data-testid="share-preview">{t!("share-preview")}</a>
                <button type="button" class="button small" data-testid="share-print" on:click=move |_| print_share()>{t!("share-print")}</button>
                {web_share_button}
            </div>
            {move || too_big().then(|| view! {
                <p class="banner warn" role="status" data-testid="share-too-big">
                    <strong>{t!("share-too-big")}</strong>
                    " "{t!("share-too-big-hint")}
                </p>
            })}
            {any_large.then(|| view! {
                <p class="banner warn" role="status" data-testid="share-large-image">
                    {t!("share-large-image")}
                </p>
            })}
            {move || qr_block(&main.get(), n)}
            <details class="share-items" open=too_big_at_first>
                <summary>{t!("share-items-summary", n = n)}</summary>
                <ul class="share-item-list">
                    {items.into_iter().map(share_item).collect_view()}
                </ul>
            </details>
            {move || print_view(&sheet, &main.get())}
        </section>
    }
    .into_any()
}

fn share_item(item: Item) -> impl IntoView {
    let show_qr = RwSignal::new(false);
    let linkedin = linkedin_url(&item.name, &item.issuer, item.issued.as_deref(), &item.link);
    let qr = item.qr.clone();
    let name = item.name.clone();
    view! {
        <li class="share-item" data-testid="share-item" data-credential-id=item.local_id.clone()>
            <strong><bdi dir="auto">{item.name.clone()}</bdi></strong>
            <span class="muted">" · " <bdi dir="auto">{item.issuer.clone()}</bdi></span>
            <div class="actions">
                <a class="button small" href=item.link.clone() target="_blank" rel="noopener" data-testid="share-item-link">{t!("share-item-link")}</a>
                {qr.is_some().then(|| view! {
                    <button type="button" class="button small" data-testid="share-item-qr-toggle" aria-expanded=move || show_qr.get().to_string()
                        on:click=move |_| show_qr.update(|v| *v = !*v)>
                        {move || if show_qr.get() { t!("share-item-qr-hide") } else { t!("share-item-qr-show") }}
                    </button>
                })}
                <a class="button small" href=linkedin target="_blank" rel="noopener noreferrer" data-testid="share-linkedin">{t!("share-linkedin")}</a>
            </div>
            {item.large_image.then(|| view! {
                <p class="small muted">{t!("share-item-large-image")}</p>
            })}
            {(item.qr.is_none() && !item.large_image).then(|| view! {
                <p class="small muted">{t!("share-item-too-big")}</p>
            })}
            {move || (show_qr.get()).then(|| qr.as_ref().map(|q| view! {
                <figure class="qr-figure">
                    {qr_image(q, 360, "share-item-qr", t!("share-item-qr-alt", name = name.as_str()))}
                    <figcaption class="muted small">{t!("share-item-qr-version", version = i32::from(q.version))}</figcaption>
                </figure>
            }))}
        </li>
    }
}
