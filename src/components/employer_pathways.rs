//! "Pathway progress" in the employer's view: the pathways came in the share link (untrusted
//! definitions, read with every check); their progress is evaluated here, once every credential
//! has been checked, from those checks. Nothing of the sender's progress is trusted.

use std::sync::Arc;

use leptos::prelude::*;
use wallet_pathways::{Item as PathwayItem, NodeProgress, Pathway, Progress, Status, evaluate};

use super::employer::Entry;
use super::pathways::{group_tag, kind_label, ring};
use crate::browser;

fn requirements(n: usize) -> String {
    format!("{n} requirement{}", if n == 1 { "" } else { "s" })
}

/// What an evaluation item is in the shared view: the card it opens (a CLR for an item derived
/// from a nested credential), its name and id.
#[derive(Clone, Default)]
struct ItemRef {
    entry: usize,
    name: String,
    id: String,
}

/// "Met by …": the credential's name, a button opening its report below the cards.
fn credential_button(i: usize, refs: &[ItemRef], open: RwSignal<Option<usize>>) -> AnyView {
    let (name, id, entry) = refs
        .get(i)
        .map(|r| (r.name.clone(), r.id.clone(), r.entry))
        .unwrap_or_default();
    view! {
        <button type="button" class="linklike" data-testid="shared-requirement-credential" data-credential-id=id
            on:click=move |_| {
                open.set(Some(entry));
                leptos::task::spawn_local(async {
                    browser::yield_now().await;
                    if let Some(el) = browser::window().document().and_then(|d| d.get_element_by_id("shared-detail")) {
                        el.scroll_into_view();
                    }
                });
            }><bdi dir="auto">{name}</bdi></button>
    }
    .into_any()
}

/// One requirement node of a shared pathway, recomputed here: what fills it, or why not.
fn shared_requirement(
    n: &NodeProgress,
    all: &[Progress],
    refs: &[ItemRef],
    open: RwSignal<Option<usize>>,
) -> AnyView {
    let met = n.met;
    let class = format!("node {} kind-{}", if met { "met" } else { "unmet" }, n.kind);
    let icon = if met { "✓" } else { "" };
    let state_text = if met { "met" } else { "not met" };
    match n.kind.as_str() {
        "match" => {
            let filled = n.filled_by.map(|i| credential_button(i, refs, open));
            let blocked: Vec<AnyView> = n
                .not_counted
                .iter()
                .map(|nc| {
                    let name = refs
                        .get(nc.item)
                        .map(|r| r.name.clone())
                        .unwrap_or_default();
                    view! {
                        <li class="cred not-counted" data-testid="shared-requirement-not-counted">
                            <span aria-hidden="true">"✗ "</span>
                            "“" <bdi dir="auto">{name}</bdi> "” matches but does not count: "
                            <span class="reason">{nc.reasons.join(", ")}</span>
                        </li>
                    }
                    .into_any()
                })
                .collect();
            view! {
                <li class=class data-testid="shared-requirement" data-kind="match" data-met=met.to_string() data-path=n.path.clone()>
                    <div class="node-head">
                        <span class="node-icon" aria-hidden="true">{icon}</span>
                        <span class="node-label" data-testid="shared-requirement-label">{n.label.clone()}</span>
                        <span class="visually-hidden">{state_text}</span>
                    </div>
                    <ul class="node-creds">
                        {filled.map(|b| view! {
                            <li class="cred counts"><span aria-hidden="true">"✓ "</span>"Met by " {b}</li>
                        })}
                        {(n.filled_by.is_none() && n.not_counted.is_empty()).then(|| view! {
                            <li class="muted">"No shared credential meets this."</li>
                        })}
                        {blocked}
                    </ul>
                    {n.note.clone().map(|t| view! { <p class="node-note small">{t}</p> })}
                </li>
            }
            .into_any()
        }
        "pathway" => {
            let target = n.pathway_ref.clone().unwrap_or_default();
            let sub = all.iter().find(|p| p.pathway_id == target).map(|p| {
                if p.complete {
                    "complete".to_string()
                } else {
                    format!("{} of {}", p.units_met, p.units_needed)
                }
            });
            view! {
                <li class=class data-testid="shared-requirement" data-kind="pathway" data-met=met.to_string() data-path=n.path.clone()>
                    <div class="node-head">
                        <span class="node-icon" aria-hidden="true">{icon}</span>
                        <span class="group-tag">"Pathway"</span>
                        <span class="node-label" data-testid="shared-requirement-label">{n.label.clone()}</span>
                        {sub.map(|s| view! { <span class="node-count">{s}</span> })}
                        <span class="visually-hidden">{state_text}</span>
                    </div>
                </li>
            }
            .into_any()
        }
        _ => view! {
            <li class=class data-testid="shared-requirement-group" data-kind=n.kind.clone() data-met=met.to_string() data-path=n.path.clone()>
                <div class="node-head">
                    <span class="node-icon" aria-hidden="true">{icon}</span>
                    <span class="group-tag">{group_tag(n)}</span>
                    <span class="node-count">{format!("{}/{}", n.units_met, n.units_needed)}</span>
                    <span class="visually-hidden">{state_text}</span>
                </div>
                <ul class="tree-children">
                    {n.children.iter().map(|c| shared_requirement(c, all, refs, open)).collect_view()}
                </ul>
            </li>
        }
        .into_any(),
    }
}

fn shared_pathway(
    p: &Progress,
    all: &[Progress],
    refs: &[ItemRef],
    open: RwSignal<Option<usize>>,
) -> AnyView {
    let count = if p.complete {
        format!(
            "Complete: {} of {} met",
            p.units_met,
            requirements(p.units_needed)
        )
    } else {
        format!("{} of {} met", p.units_met, requirements(p.units_needed))
    };
    view! {
        <li class=if p.complete { "pathway-card shared-pathway complete" } else { "pathway-card shared-pathway" }
            data-testid="shared-pathway" data-pathway-id=p.pathway_id.clone()
            data-progress=p.fraction() data-complete=p.complete.to_string()>
            <div class="pathway-card-main">
                {ring(p.units_met, p.units_needed, &p.name, false)}
                <div class="pathway-card-body">
                    <h4 class="pathway-name" data-testid="shared-pathway-name">{p.name.clone()}</h4>
                    <p class="pathway-meta">
                        <span class="kind">{kind_label(p.goal.kind)}</span>
                        " "
                        <span class="pathway-issuer">{p.goal.issuer.name.clone()}</span>
                    </p>
                    <p class="pathway-count" data-testid="shared-pathway-count">{count}</p>
                    <p class="muted small mono shared-pathway-id">{p.pathway_id.clone()}</p>
                </div>
            </div>
            <ul class="tree shared-tree" aria-label=format!("Requirements of {}", p.name)>
                {shared_requirement(&p.root, all, refs, open)}
            </ul>
        </li>
    }
    .into_any()
}

/// The "Pathway progress" section of the employer's view. The pathways came in the link; their
/// progress is evaluated here, once every credential has been checked, from those checks.
pub(super) fn shared_pathways_section(
    read: Result<Vec<Pathway>, String>,
    entries: Arc<Vec<Entry>>,
    statuses: impl Fn() -> Option<Vec<(Status, Vec<Status>)>> + Send + Sync + 'static,
    open: RwSignal<Option<usize>>,
) -> AnyView {
    let pathways = match read {
        Err(e) => {
            return view! {
                <section class="shared-pathways" data-testid="shared-pathways" data-state="error" aria-labelledby="shared-pathways-title">
                    <h3 id="shared-pathways-title">"Pathway progress"</h3>
                    <p class="banner warn" role="alert" data-testid="shared-pathways-error">
                        {format!("The pathway progress in this link could not be used: {e}.")}
                    </p>
                    <p class="muted small">"The credentials above are not affected: they were checked on their own."</p>
                </section>
            }
            .into_any();
        }
        Ok(p) => Arc::new(p),
    };
    let body = move || {
        let Some(statuses) = statuses() else {
            return view! {
                <p class="muted" data-testid="shared-pathways-pending">"Progress is worked out once every credential has been checked…"</p>
            }
            .into_any();
        };
        // A CLR's nested credentials are items too, each with the status it got here.
        let mut items: Vec<PathwayItem> = Vec::new();
        let mut refs: Vec<ItemRef> = Vec::new();
        for (i, (e, (st, nested))) in entries.iter().zip(&statuses).enumerate() {
            let mut c = e.credential.clone();
            c.local_id = e.summary.local_id.clone();
            for it in wallet_pathways::item::items_of(&c, st.clone(), nested) {
                refs.push(ItemRef {
                    entry: i,
                    name: it.name.clone(),
                    id: it.local_id.clone(),
                });
                items.push(it);
            }
        }
        let progress = evaluate(&pathways, &items, &browser::now_iso());
        let verified = statuses.iter().filter(|(s, _)| s.is_verified()).count();
        view! {
            <p class="banner info shared-pathways-note" data-testid="shared-pathways-note">
                <strong>{format!("Recomputed in your browser, counting only the {verified} of {} shared credentials that passed verification.", statuses.len())}</strong>
                " A credential that failed verification does not count. The requirements are the sender's copy of each pathway (not signed by its issuer): they are listed so you can judge them."
            </p>
            <ul class="pathway-cards shared-pathway-list">
                {progress.iter().map(|p| shared_pathway(p, &progress, &refs, open)).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="shared-pathways" data-testid="shared-pathways" aria-labelledby="shared-pathways-title">
            <h3 id="shared-pathways-title">"Pathway progress"</h3>
            {body}
        </section>
    }
    .into_any()
}
