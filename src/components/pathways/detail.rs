//! A pathway's page in the wallet (`#/pathway/<id>`): its progress ring, goal, "Eligible"
//! banner and requirement tree, each credential in it linking to its page.

use std::sync::Arc;

use leptos::prelude::*;
use wallet_pathways::words::{count, kind_label};

use super::progress::eligible_banner;
use super::state::{Eval, PathwaysState};
use crate::browser;
use crate::components::pathway_parts::{link, ring};
use crate::components::requirement_tree::{Audience, RequirementTree, ShowCredential};
use crate::wallet::detail_href;

/// The wallet's credentials in a tree: a link to the credential's page (a CLR's for a nested
/// credential), whether it counts or not.
struct CredentialLinks {
    /// (name, local id) by item index.
    items: Vec<(String, String)>,
}

impl CredentialLinks {
    fn of(e: &Eval) -> Self {
        CredentialLinks {
            items: (0..e.items.len()).map(|i| e.item_name(i)).collect(),
        }
    }

    fn link(&self, item: usize) -> AnyView {
        let (name, id) = self.items.get(item).cloned().unwrap_or_default();
        view! { <a href=detail_href(&id)><bdi dir="auto">{name}</bdi></a> }.into_any()
    }
}

impl ShowCredential for CredentialLinks {
    fn counting(&self, item: usize) -> AnyView {
        self.link(item)
    }

    fn not_counted(&self, item: usize) -> AnyView {
        self.link(item)
    }
}

/// A pathway's requirement tree.
#[component]
pub fn PathwayDetail(pathway_id: String) -> impl IntoView {
    let state = expect_context::<PathwaysState>();
    state.activate();
    browser::window().scroll_to_with_x_and_y(0.0, 0.0);
    let id = StoredValue::new(pathway_id);
    move || {
        let lang = crate::i18n::lang();
        match state.eval.get() {
        None => view! { <p class="loading">{t!("pathway-loading")}</p> }.into_any(),
        Some(e) => match e.find(&id.get_value()) {
            None => missing().into_any(),
            Some(p) => view! {
                <article class="panel pathway-detail" data-testid="pathway-detail" data-pathway-id=p.pathway_id.clone()
                    data-progress=p.fraction() data-complete=p.complete.to_string()>
                    <a class="back" href=wallet_core::route::Route::Progress.to_hash() data-testid="back-to-progress">{t!("pathway-back")}</a>
                    <header class="pathway-detail-head">
                        {ring(p.units_met, p.units_needed, &p.name, true)}
                        <div>
                            <h1 data-testid="pathway-name">{p.name.clone()}</h1>
                            <p class="pathway-meta">
                                <span class="kind">{kind_label(lang, p.goal.kind)}</span>
                                " "
                                {link(p.goal.issuer.url.as_deref(), p.goal.issuer.name.clone())}
                            </p>
                            <p class="pathway-count">{count(lang, p.units_met, p.units_needed)}</p>
                        </div>
                    </header>
                    {p.complete.then(|| eligible_banner(p))}
                    {p.description.clone().map(|d| view! { <p class="prewrap">{d}</p> })}
                    <h2>{t!("pathway-requirements-heading")}</h2>
                    <RequirementTree
                        root=p.root.clone()
                        progress=Arc::new(e.progress.clone())
                        audience=Audience::Learner
                        credentials=Arc::new(CredentialLinks::of(&e))
                    />
                </article>
            }
            .into_any(),
        },
    }
    }
}

/// The page of a pathway that is not loaded.
fn missing() -> impl IntoView {
    view! {
        <div class="panel">
            <a class="back" href=wallet_core::route::Route::Progress.to_hash() data-testid="back-to-progress">{t!("pathway-back")}</a>
            <p class="banner error" data-testid="pathway-missing">{t!("pathway-missing")}</p>
        </div>
    }
}
