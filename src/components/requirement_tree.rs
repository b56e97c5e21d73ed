//! A pathway's requirement tree, as evaluated (`wallet_pathways::NodeProgress`): groups ("All
//! of", "Any of", "3 of 4"), leaves that match a credential, references to other pathways. One
//! renderer for the two places that show it: the learner's pathway page in the wallet and the
//! employer's view of a share link. The two differ in how a credential is shown (the wallet
//! links to its page, the viewer opens it in place: [`ShowCredential`]) and in the words and test
//! ids each page has always had ([`Audience`]).
//!
//! The viewer links this file: it must not reach wallet-only code (storage, importer, the
//! `Wallet` state).

use std::sync::Arc;

use leptos::prelude::*;
use wallet_core::route::Route;
use wallet_pathways::words::{group_tag, has_default_label, reference_count};
use wallet_pathways::{NodeProgress, Progress};

use super::pathway_parts::link;

/// Where a tree is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The learner's own wallet: every matching credential and why it counts or not, hints
    /// on what to earn, author labels of groups, links to referenced pathways.
    Learner,
    /// An employer's view of a share link: what fills each requirement ("Met by …") and which
    /// shared credentials match but do not count.
    Employer,
}

impl Audience {
    fn node_testid(self, shape: Shape) -> &'static str {
        match (self, shape) {
            (Audience::Learner, _) => "pathway-node",
            (Audience::Employer, Shape::Group) => "shared-requirement-group",
            (Audience::Employer, _) => "shared-requirement",
        }
    }

    /// Read by screen readers after an unmet node.
    fn unmet(self) -> String {
        match self {
            Audience::Learner => t!("pathway-tree-unmet-learner"),
            Audience::Employer => t!("pathway-tree-unmet-employer"),
        }
    }

    /// The test id of a group's tag, of a leaf's label.
    fn group_tag_testid(self) -> Option<&'static str> {
        (self == Audience::Learner).then_some("group-tag")
    }

    fn label_testid(self) -> Option<&'static str> {
        (self == Audience::Employer).then_some("shared-requirement-label")
    }
}

/// How a credential named in a leaf is shown; `item` is an index into the evaluated items.
pub trait ShowCredential {
    /// A credential that counts for the leaf.
    fn counting(&self, item: usize) -> AnyView;
    /// A credential that matches the leaf but does not count.
    fn not_counted(&self, item: usize) -> AnyView;
}

/// What a node is, from `NodeProgress::kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// `all`, `any`, `nOf`: children below.
    Group,
    /// A credential requirement.
    Match,
    /// Completing another pathway.
    Pathway,
}

impl Shape {
    fn of(n: &NodeProgress) -> Shape {
        match n.kind.as_str() {
            "match" => Shape::Match,
            "pathway" => Shape::Pathway,
            _ => Shape::Group,
        }
    }
}

struct Tree {
    audience: Audience,
    /// Every pathway's progress, for the count beside a reference.
    progress: Arc<Vec<Progress>>,
    credentials: Arc<dyn ShowCredential>,
}

/// A pathway's requirement tree: `<ul class="tree">` with the root node.
#[component]
pub fn RequirementTree(
    root: NodeProgress,
    /// Every evaluated pathway (a reference shows the referenced pathway's progress).
    progress: Arc<Vec<Progress>>,
    audience: Audience,
    credentials: Arc<dyn ShowCredential>,
    /// The list's accessible name (the employer's view lists several trees).
    #[prop(optional)]
    label: Option<String>,
) -> impl IntoView {
    let tree = Tree {
        audience,
        progress,
        credentials,
    };
    let (class, testid) = match audience {
        Audience::Learner => ("tree", Some("pathway-tree")),
        Audience::Employer => ("tree shared-tree", None),
    };
    view! {
        <ul class=class data-testid=testid aria-label=label>
            {node(&root, &tree)}
        </ul>
    }
}

fn node(n: &NodeProgress, t: &Tree) -> AnyView {
    let met = n.met;
    let shape = Shape::of(n);
    let class = format!("node {} kind-{}", if met { "met" } else { "unmet" }, n.kind);
    let body = match shape {
        Shape::Group => view! {
            <ul class="tree-children">
                {n.children.iter().map(|c| node(c, t)).collect_view()}
            </ul>
        }
        .into_any(),
        Shape::Match => match t.audience {
            Audience::Learner => learner_leaf(n, t),
            Audience::Employer => employer_leaf(n, t),
        },
        Shape::Pathway => {
            let hint = (t.audience == Audience::Learner && !met)
                .then(|| n.hint.clone())
                .flatten();
            hint.map(|h| view! { <p class="node-hint small" data-testid="node-hint">{link(h.url.as_deref(), h.text)}</p> }.into_any())
                .unwrap_or_else(|| ().into_any())
        }
    };
    view! {
        <li class=class data-testid=t.audience.node_testid(shape) data-met=met.to_string() data-kind=n.kind.clone() data-path=n.path.clone()>
            {head(n, shape, t)}
            {body}
        </li>
    }
    .into_any()
}

/// A node's first line: met or not, what it is, its count.
fn head(n: &NodeProgress, shape: Shape, t: &Tree) -> AnyView {
    let met = n.met;
    let icon = if met { "✓" } else { "" };
    let state_text = if met {
        t!("pathway-tree-met")
    } else {
        t.audience.unmet()
    };
    let lang = crate::i18n::lang();
    match shape {
        Shape::Group => {
            let label = (t.audience == Audience::Learner && !has_default_label(lang, n))
                .then(|| n.label.clone());
            view! {
                <div class="node-head">
                    <span class="node-icon" aria-hidden="true">{icon}</span>
                    <span class="group-tag" data-testid=t.audience.group_tag_testid()>{group_tag(lang, n)}</span>
                    {label.map(|l| view! { <span class="node-label">{l}</span> })}
                    <span class="node-count">{format!("{}/{}", n.units_met, n.units_needed)}</span>
                    <span class="visually-hidden">{state_text}</span>
                </div>
            }
            .into_any()
        }
        Shape::Pathway => {
            let target = n.pathway_ref.clone().unwrap_or_default();
            let sub = t
                .progress
                .iter()
                .find(|p| p.pathway_id == target)
                .map(|p| reference_count(lang, p));
            let label = match t.audience {
                Audience::Learner => view! {
                    <a class="node-label" href=Route::Pathway(target).to_hash() data-testid="node-pathway-link">{n.label.clone()}</a>
                }
                .into_any(),
                Audience::Employer => view! {
                    <span class="node-label" data-testid=t.audience.label_testid()>{n.label.clone()}</span>
                }
                .into_any(),
            };
            view! {
                <div class="node-head">
                    <span class="node-icon" aria-hidden="true">{icon}</span>
                    <span class="group-tag">{t!("pathway-tree-pathway-tag")}</span>
                    {label}
                    {sub.map(|s| view! { <span class="node-count">{s}</span> })}
                    <span class="visually-hidden">{state_text}</span>
                </div>
            }
            .into_any()
        }
        Shape::Match => view! {
            <div class="node-head">
                <span class="node-icon" aria-hidden="true">{icon}</span>
                <span class="node-label" data-testid=t.audience.label_testid()>{n.label.clone()}</span>
                <span class="visually-hidden">{state_text}</span>
            </div>
        }
        .into_any(),
    }
}

/// A leaf in the wallet: every credential that counts (the one that fills it first), every one
/// that matches but does not count and why, the author's note and hint.
fn learner_leaf(n: &NodeProgress, t: &Tree) -> AnyView {
    let met = n.met;
    let mut creds: Vec<AnyView> = Vec::new();
    let mut counting = n.counting.clone();
    if let Some(f) = n.filled_by {
        counting.retain(|&i| i != f);
        counting.insert(0, f);
    }
    for i in counting {
        let tag = if n.filled_by == Some(i) {
            t!("pathway-tree-counts")
        } else {
            t!("pathway-tree-also-matches")
        };
        creds.push(
            view! {
                <li class="cred counts" data-testid="node-credential" data-counts="true">
                    <span aria-hidden="true">"✓ "</span>
                    {t.credentials.counting(i)}
                    <span class="muted">{format!(" — {tag}")}</span>
                </li>
            }
            .into_any(),
        );
    }
    for nc in &n.not_counted {
        creds.push(
            view! {
                <li class="cred not-counted" data-testid="node-credential" data-counts="false">
                    <span aria-hidden="true">"✗ "</span>
                    {t.credentials.not_counted(nc.item)}
                    " — " {t!("pathway-tree-doesnt-count")} " "
                    <span class="reason" data-testid="node-reason">{nc.reasons.join(", ")}</span>
                </li>
            }
            .into_any(),
        );
    }
    let none = creds.is_empty();
    let hint = (!met).then(|| n.hint.clone()).flatten();
    view! {
        {(!none).then(|| view! { <ul class="node-creds">{creds}</ul> })}
        {(none && !met).then(|| view! { <p class="muted small node-empty">{t!("pathway-tree-none-yet")}</p> })}
        {n.note.clone().map(|t| view! { <p class="node-note small" data-testid="node-note">{t}</p> })}
        {hint.map(|h| view! { <p class="node-hint small" data-testid="node-hint">{t!("pathway-tree-to-earn")} " " {link(h.url.as_deref(), h.text)}</p> })}
    }
    .into_any()
}

/// A leaf in the employer's view: the credential that fills it ("Met by …"), the shared
/// credentials that match but do not count and why, the author's note.
fn employer_leaf(n: &NodeProgress, t: &Tree) -> AnyView {
    let filled = n.filled_by.map(|i| t.credentials.counting(i));
    let blocked: Vec<AnyView> = n
        .not_counted
        .iter()
        .map(|nc| {
            view! {
                <li class="cred not-counted" data-testid="shared-requirement-not-counted">
                    <span aria-hidden="true">"✗ "</span>
                    {t!("pathway-tree-not-counted-before")} {t.credentials.not_counted(nc.item)} {t!("pathway-tree-not-counted-after")} " "
                    <span class="reason">{nc.reasons.join(", ")}</span>
                </li>
            }
            .into_any()
        })
        .collect();
    view! {
        <ul class="node-creds">
            {filled.map(|b| view! {
                <li class="cred counts"><span aria-hidden="true">"✓ "</span>{t!("pathway-tree-met-by")} " " {b}</li>
            })}
            {(n.filled_by.is_none() && n.not_counted.is_empty()).then(|| view! {
                <li class="muted">{t!("pathway-tree-none-shared")}</li>
            })}
            {blocked}
        </ul>
        {n.note.clone().map(|t| view! { <p class="node-note small">{t}</p> })}
    }
    .into_any()
}
