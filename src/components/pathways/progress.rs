//! The Progress view (`#/progress`): a card per pathway (progress ring, count, "Eligible"
//! banner, "Remove" for an imported one), what to earn next, and the import panel.

use leptos::prelude::*;
use wallet_core::safe_link;
use wallet_pathways::words::{count, eligible_text, kind_label};
use wallet_pathways::{NextStep, Progress};

use super::import::PathwayImport;
use super::pathway_href;
use super::state::{Eval, PathwaysState};
use crate::components::pathway_parts::{link, ring};
use crate::wallet::{Wallet, detail_href};

/// Next steps shown before "Show all".
const STEPS_SHOWN: usize = 8;

/// "Eligible — request your certificate from …", with a "Request" link when http(s).
pub(super) fn eligible_banner(p: &Progress) -> AnyView {
    let request = p
        .goal
        .request_url
        .as_deref()
        .and_then(safe_link)
        .map(str::to_string);
    view! {
        <div class="eligible" data-testid="pathway-eligible" role="status">
            <span class="eligible-icon" aria-hidden="true">"★"</span>
            <span>{eligible_text(crate::i18n::lang(), &p.goal)}</span>
            {request.map(|href| view! {
                <a class="button small primary" href=href target="_blank" rel="noopener noreferrer nofollow" data-testid="pathway-request">
                    {t!("pathway-request")}
                </a>
            })}
        </div>
    }
    .into_any()
}

fn pathway_card(p: &Progress, imported_file: Option<String>, state: PathwaysState) -> AnyView {
    let lang = crate::i18n::lang();
    let href = pathway_href(&p.pathway_id);
    let remove = imported_file.map(|file| {
        let f = file.clone();
        view! {
            <button class="button small" data-testid="pathway-remove"
                on:click=move |_| state.remove(&f)>
                {t!("pathway-remove")}
            </button>
            <span class="kind">{t!("pathway-imported")}</span>
        }
    });
    view! {
        <li
            class=if p.complete { "pathway-card complete" } else { "pathway-card" }
            data-testid="pathway-card"
            data-pathway-id=p.pathway_id.clone()
            data-progress=p.fraction()
            data-complete=p.complete.to_string()
        >
            <div class="pathway-card-main">
                {ring(p.units_met, p.units_needed, &p.name, false)}
                <div class="pathway-card-body">
                    <h2 class="pathway-name"><a href=href data-testid="pathway-link">{p.name.clone()}</a></h2>
                    <p class="pathway-meta">
                        <span class="kind">{kind_label(lang, p.goal.kind)}</span>
                        " "
                        <span class="pathway-issuer">{p.goal.issuer.name.clone()}</span>
                    </p>
                    <p class="pathway-count" data-testid="pathway-count">
                        {count(lang, p.units_met, p.units_needed)}
                        {(!p.complete).then(|| p.remaining.map(|r| format!(" · {}", t!("pathway-more-needed", n = r)))).flatten()}
                    </p>
                    {p.description.clone().map(|d| view! { <p class="muted small pathway-description">{d}</p> })}
                    {remove.map(|r| view! { <p class="pathway-actions">{r}</p> })}
                </div>
            </div>
            {p.complete.then(|| eligible_banner(p))}
        </li>
    }
    .into_any()
}

fn next_step_view(s: &NextStep, e: &Eval) -> AnyView {
    let hint = s.hint.clone();
    let held: Vec<(String, String, String)> = s
        .not_counted
        .iter()
        .map(|nc| {
            let (name, id) = e.item_name(nc.item);
            (name, id, nc.reasons.join(", "))
        })
        .collect();
    view! {
        <li class="next-step" data-testid="next-step" data-key=s.key.clone()>
            <strong class="next-label">{s.label.clone()}</strong>
            {hint.map(|h| view! { <p class="next-hint">{link(h.url.as_deref(), h.text)}</p> })}
            <p class="next-advances muted small">
                {t!("pathway-next-advances")} " "
                {s.advances.iter().enumerate().map(|(i, a)| view! {
                    {(i > 0).then_some(", ")}
                    <a href=pathway_href(&a.pathway_id)>{a.name.clone()}</a>
                    {format!(" {}", t!("pathway-next-to-go", met = a.units_met, needed = a.units_needed, remaining = a.remaining))}
                }).collect_view()}
            </p>
            {(!held.is_empty()).then(|| view! {
                <ul class="held small">
                    {held.into_iter().map(|(name, id, why)| view! {
                        <li>{t!("pathway-next-you-have")} " " <a href=detail_href(&id)><bdi dir="auto">{name}</bdi></a> " — " <span class="reason">{why}</span></li>
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
    .into_any()
}

fn errors_view(errors: &[String]) -> Option<AnyView> {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="banner error" role="alert" data-testid="pathway-load-error">
                <p class="banner-title">{t!("pathway-load-errors")}</p>
                <ul>{errors.iter().map(|e| view! { <li class="mono-ish">{e.clone()}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any()
    })
}

/// The Progress view: a card per pathway, next steps, and the import panel.
#[component]
pub fn ProgressView() -> impl IntoView {
    let state = expect_context::<PathwaysState>();
    let wallet = expect_context::<Wallet>();
    state.activate();
    let show_all = RwSignal::new(false);
    view! {
        <section class="panel pathways" aria-labelledby="progress-title" data-testid="progress-view">
            <div class="gallery-head">
                <h1 id="progress-title">{t!("pathway-progress-title")}</h1>
                <p class="count">{t!("pathway-progress-intro")}</p>
            </div>
            {move || match state.eval.get() {
                None => view! { <p class="loading" data-testid="pathways-loading">{t!("pathway-loading")}</p> }.into_any(),
                Some(e) => {
                    let mut order: Vec<&Progress> = e.progress.iter().collect();
                    order.sort_by_key(|p| !p.complete);
                    let complete = order.iter().filter(|p| p.complete).count();
                    let empty = wallet.summaries.with(|s| s.is_empty());
                    let steps = e.next.len();
                    let shown = if show_all.get() { steps } else { steps.min(STEPS_SHOWN) };
                    view! {
                        {errors_view(&e.errors)}
                        {empty.then(|| view! { <p class="muted">{t!("pathway-wallet-empty")}</p> })}
                        <p class="muted small" data-testid="pathways-summary">
                            {format!("{} · {}", t!("pathway-summary-count", n = order.len()), t!("pathway-summary-complete", n = complete))}
                        </p>
                        <ul class="pathway-cards">
                            {order.iter().map(|p| pathway_card(p, e.imported.get(&p.pathway_id).cloned(), state)).collect_view()}
                        </ul>
                        <section class="next-steps" aria-labelledby="next-title">
                            <h2 id="next-title">{t!("pathway-next-title")}</h2>
                            {(steps == 0).then(|| view! { <p class="muted">{t!("pathway-next-none")}</p> })}
                            <ol class="next-list">
                                {e.next.iter().take(shown).map(|s| next_step_view(s, &e)).collect_view()}
                            </ol>
                            {(steps > STEPS_SHOWN).then(|| view! {
                                <button class="button small" data-testid="next-steps-toggle" on:click=move |_| show_all.update(|v| *v = !*v)>
                                    {if show_all.get_untracked() { t!("pathway-next-show-fewer") } else { t!("pathway-next-show-all", n = steps) }}
                                </button>
                            })}
                        </section>
                    }.into_any()
                }
            }}
        </section>
        <PathwayImport />
    }
}
