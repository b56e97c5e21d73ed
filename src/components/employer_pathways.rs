//! "Pathway progress" in the employer's view: the pathways came in the share link (untrusted
//! definitions, read with every check); their progress is evaluated here, once every credential
//! has been checked, from those checks. Nothing of the sender's progress is trusted.

use std::sync::Arc;

use leptos::prelude::*;
use wallet_pathways::words::{kind_label, shared_count};
use wallet_pathways::{Item as PathwayItem, Pathway, Progress, Status, evaluate};

use super::employer::Entry;
use super::pathway_parts::ring;
use super::requirement_tree::{Audience, RequirementTree, ShowCredential};
use crate::browser;

/// What an evaluation item is in the shared view: the card it opens (a CLR for an item derived
/// from a nested credential), its name and id.
#[derive(Clone, Default)]
struct ItemRef {
    entry: usize,
    name: String,
    id: String,
}

/// The shared credentials in a tree: the one that meets a requirement is a button opening its
/// report below the cards; one that does not count is named.
struct OpenInPlace {
    /// By item index.
    refs: Arc<Vec<ItemRef>>,
    /// The card whose report is open.
    open: RwSignal<Option<usize>>,
}

impl ShowCredential for OpenInPlace {
    /// "Met by …": the credential's name, a button opening its report below the cards.
    fn counting(&self, item: usize) -> AnyView {
        let (name, id, entry) = self
            .refs
            .get(item)
            .map(|r| (r.name.clone(), r.id.clone(), r.entry))
            .unwrap_or_default();
        let open = self.open;
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

    fn not_counted(&self, item: usize) -> AnyView {
        let name = self
            .refs
            .get(item)
            .map(|r| r.name.clone())
            .unwrap_or_default();
        view! { <bdi dir="auto">{name}</bdi> }.into_any()
    }
}

fn shared_pathway(
    p: &Progress,
    all: &Arc<Vec<Progress>>,
    credentials: &Arc<OpenInPlace>,
) -> AnyView {
    view! {
        <li class=if p.complete { "pathway-card shared-pathway complete" } else { "pathway-card shared-pathway" }
            data-testid="shared-pathway" data-pathway-id=p.pathway_id.clone()
            data-progress=p.fraction() data-complete=p.complete.to_string()>
            <div class="pathway-card-main">
                {ring(p.units_met, p.units_needed, &p.name, false)}
                <div class="pathway-card-body">
                    <h3 class="pathway-name" data-testid="shared-pathway-name">{p.name.clone()}</h3>
                    <p class="pathway-meta">
                        <span class="kind">{kind_label(crate::i18n::lang(), p.goal.kind)}</span>
                        " "
                        <span class="pathway-issuer">{p.goal.issuer.name.clone()}</span>
                    </p>
                    <p class="pathway-count" data-testid="shared-pathway-count">{shared_count(crate::i18n::lang(), p)}</p>
                    <p class="muted small mono shared-pathway-id">{p.pathway_id.clone()}</p>
                </div>
            </div>
            <RequirementTree
                root=p.root.clone()
                progress=all.clone()
                audience=Audience::Employer
                credentials=credentials.clone()
                label=t!("shared-pathway-requirements", name = p.name.as_str())
            />
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
                    <h2 id="shared-pathways-title">{t!("shared-pathways-title")}</h2>
                    <p class="banner warn" role="alert" data-testid="shared-pathways-error">
                        {t!("shared-pathways-error", error = e)}
                    </p>
                    <p class="muted small">{t!("shared-pathways-unaffected")}</p>
                </section>
            }
            .into_any();
        }
        Ok(p) => Arc::new(p),
    };
    let body = move || {
        let Some(statuses) = statuses() else {
            return view! {
                <p class="muted" data-testid="shared-pathways-pending">{t!("shared-pathways-pending")}</p>
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
        let progress = Arc::new(evaluate(
            crate::i18n::lang(),
            &pathways,
            &items,
            &browser::now_iso(),
        ));
        let credentials = Arc::new(OpenInPlace {
            refs: Arc::new(refs),
            open,
        });
        let verified = statuses.iter().filter(|(s, _)| s.is_verified()).count();
        view! {
            <p class="banner info shared-pathways-note" data-testid="shared-pathways-note">
                <strong>{t!("shared-pathways-recomputed", verified = verified, total = statuses.len())}</strong>
                " "{t!("shared-pathways-sender-copy")}
            </p>
            <ul class="pathway-cards shared-pathway-list">
                {progress.iter().map(|p| shared_pathway(p, &progress, &credentials)).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="shared-pathways" data-testid="shared-pathways" aria-labelledby="shared-pathways-title">
            <h2 id="shared-pathways-title">{t!("shared-pathways-title")}</h2>
            {body}
        </section>
    }
    .into_any()
}
