//! Stackable pathways: progress toward certificates (the Progress view), what to earn next,
//! a pathway's requirement tree, and importing pathway files.
//!
//! Pathways come from `pathways/index.json` (bundled, relative to the page) and from files the
//! learner imported (kept in localStorage under [`IMPORTED_KEY`]: they are small). They are
//! validated with `wallet_pathways::load` and evaluated against every stored credential, with
//! the verification status of its summary. Pathway and credential text is untrusted: it is
//! rendered only as text, and links only when http(s).

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wallet_core::safe_link;
use wallet_pathways::{
    GoalKind, Item, NextStep, NodeProgress, Pathway, Progress, Status, evaluate, load, next_steps,
    parse_index,
};

use super::import_fields::{FileButton, LinkForm, PasteField, pasted, submitted_link, take_files};
use crate::app::{Route, Wallet, detail_href};
use crate::{browser, storage};

/// localStorage key of the imported pathway files: `[{name, json}]`.
pub const IMPORTED_KEY: &str = "learner-wallet.pathways";
/// Largest pathway file accepted for import.
const MAX_PATHWAY_BYTES: usize = 512 * 1024;
/// Next steps shown before "Show all".
const STEPS_SHOWN: usize = 8;

/// An imported pathway file, as kept in localStorage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportedFile {
    pub name: String,
    pub json: String,
}

fn read_imported() -> Vec<ImportedFile> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(IMPORTED_KEY).unwrap_or_default()
}

fn write_imported(list: &[ImportedFile]) -> Result<(), String> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::set(IMPORTED_KEY, list)
        .map_err(|e| format!("Could not save the pathway in this browser: {e}"))
}

pub fn pathway_href(id: &str) -> String {
    crate::app::Route::Pathway(id.to_string()).to_hash()
}

/// The pathways that loaded, and the problems with the files that did not.
#[derive(Clone, Debug, Default, PartialEq)]
struct Loaded {
    pathways: Vec<Pathway>,
    /// The files that were accepted (bundled first), for validating an import against them.
    accepted: Vec<(String, String)>,
    /// Validation and fetch errors, verbatim.
    errors: Vec<String>,
    /// Pathway id → imported file name (only for imported pathways).
    imported: HashMap<String, String>,
}

/// Loads all files together; if that fails, accepts files one by one (repeating while some
/// file becomes loadable), so one bad file does not hide the others.
fn load_files(files: &[(String, String)]) -> (Vec<Pathway>, Vec<(String, String)>, Vec<String>) {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, j)| (n.as_str(), j.as_str()))
        .collect();
    if let Ok(p) = load(&refs) {
        return (p, files.to_vec(), vec![]);
    }
    let mut accepted: Vec<(String, String)> = Vec::new();
    let mut remaining: Vec<(String, String)> = files.to_vec();
    loop {
        let mut progressed = false;
        let mut still = Vec::new();
        for f in remaining {
            let mut trial: Vec<(&str, &str)> = accepted
                .iter()
                .map(|(n, j)| (n.as_str(), j.as_str()))
                .collect();
            trial.push((f.0.as_str(), f.1.as_str()));
            if load(&trial).is_ok() {
                accepted.push(f);
                progressed = true;
            } else {
                still.push(f);
            }
        }
        remaining = still;
        if !progressed || remaining.is_empty() {
            break;
        }
    }
    let mut errors = Vec::new();
    for f in &remaining {
        let mut trial: Vec<(&str, &str)> = accepted
            .iter()
            .map(|(n, j)| (n.as_str(), j.as_str()))
            .collect();
        trial.push((f.0.as_str(), f.1.as_str()));
        if let Err(e) = load(&trial) {
            errors.extend(e.iter().map(|e| e.to_string()));
        }
    }
    let refs: Vec<(&str, &str)> = accepted
        .iter()
        .map(|(n, j)| (n.as_str(), j.as_str()))
        .collect();
    let pathways = load(&refs).unwrap_or_default();
    (pathways, accepted, errors)
}

/// Everything the views show: the credentials (as evaluation items), progress and next steps.
#[derive(Clone, Debug, PartialEq)]
struct Eval {
    items: Vec<Item>,
    progress: Vec<Progress>,
    next: Vec<NextStep>,
    errors: Vec<String>,
    imported: HashMap<String, String>,
}

impl Eval {
    fn find(&self, id: &str) -> Option<&Progress> {
        self.progress.iter().find(|p| p.pathway_id == id)
    }
}

/// Pathway state shared by the Progress and tree views (provided once by the app).
#[derive(Clone, Copy)]
pub struct PathwaysState {
    /// Set on the first visit: pathways and documents are read only when needed.
    active: RwSignal<bool>,
    /// Bundled files (name, json) once fetched.
    bundled: RwSignal<Option<Vec<(String, String)>>>,
    bundled_errors: RwSignal<Vec<String>>,
    imported: RwSignal<Vec<ImportedFile>>,
    /// Evaluation items with the summaries' statuses; `None` until the documents are read.
    items: RwSignal<Option<Vec<Item>>>,
    /// Evaluation items by stored local id (statuses filled in from the summaries): the
    /// credential's own, then for a CLR one derived item per nested credential
    /// (`wallet_pathways::item::items_of`).
    cache: StoredValue<HashMap<String, Vec<Item>>>,
    loaded: Memo<Option<Loaded>>,
    eval: Memo<Option<Eval>>,
    /// The import panel's result: (ok, lines).
    message: RwSignal<Option<(bool, Vec<String>)>>,
    busy: RwSignal<bool>,
}

impl PathwaysState {
    /// Creates the state under the app's owner and provides it as context.
    pub fn provide(wallet: Wallet) {
        let active = RwSignal::new(false);
        let bundled = RwSignal::new(None::<Vec<(String, String)>>);
        let bundled_errors = RwSignal::new(Vec::<String>::new());
        let imported = RwSignal::new(read_imported());
        let items = RwSignal::new(None::<Vec<Item>>);
        let cache = StoredValue::new(HashMap::<String, Vec<Item>>::new());
        let loaded = Memo::new(move |_| {
            let bundled = bundled.get()?;
            let imported_files = imported.get();
            let mut files = bundled.clone();
            files.extend(
                imported_files
                    .iter()
                    .map(|f| (f.name.clone(), f.json.clone())),
            );
            let (pathways, accepted, mut errors) = load_files(&files);
            let mut all_errors = bundled_errors.get();
            all_errors.append(&mut errors);
            let imported_names: HashSet<&str> =
                imported_files.iter().map(|f| f.name.as_str()).collect();
            let imported = pathways
                .iter()
                .filter_map(|p| {
                    let s = p.source.as_deref()?;
                    imported_names
                        .contains(s)
                        .then(|| (p.id.clone(), s.to_string()))
                })
                .collect();
            Some(Loaded {
                pathways,
                accepted,
                errors: all_errors,
                imported,
            })
        });
        let eval = Memo::new(move |_| {
            let l = loaded.get()?;
            let items = items.get()?;
            let progress = evaluate(&l.pathways, &items, &browser::now_iso());
            let next = next_steps(&progress);
            Some(Eval {
                items,
                progress,
                next,
                errors: l.errors,
                imported: l.imported,
            })
        });
        let state = PathwaysState {
            active,
            bundled,
            bundled_errors,
            imported,
            items,
            cache,
            loaded,
            eval,
            message: RwSignal::new(None),
            busy: RwSignal::new(false),
        };
        // Re-evaluate when the credentials or their statuses change.
        Effect::new(move |_| {
            if !active.get() {
                return;
            }
            let missing = wallet
                .summaries
                .with(|s| cache.with_value(|c| s.iter().any(|x| !c.contains_key(&x.local_id))));
            if missing {
                leptos::task::spawn_local(async move {
                    state.read_documents(wallet).await;
                });
            } else {
                state.rebuild_items(wallet);
            }
        });
        provide_context(state);
    }

    /// Starts loading on the first visit (also called by the share panel).
    pub fn activate(self) {
        if self.active.get_untracked() {
            return;
        }
        self.active.set(true);
        leptos::task::spawn_local(async move {
            let (files, errors) = fetch_bundled().await;
            self.bundled_errors.set(errors);
            self.bundled.set(Some(files));
        });
    }

    /// The loaded pathways and the wallet's credentials as evaluation items (with their current
    /// statuses), once both are ready (after [`Self::activate`]). Reactive.
    pub fn pathways_and_items(self) -> Option<(Vec<Pathway>, Vec<Item>)> {
        let pathways = self
            .loaded
            .with(|l| l.as_ref().map(|l| l.pathways.clone()))?;
        let items = self.items.get()?;
        Some((pathways, items))
    }

    async fn read_documents(self, wallet: Wallet) {
        match storage::load_documents().await {
            Ok(docs) => {
                let parsed: Vec<(String, Vec<Item>)> = docs
                    .into_iter()
                    .filter_map(|doc| {
                        let mut c = wallet_core::parse_credential(doc.original.text()).ok()?;
                        wallet_core::apply_linked(&mut c, &doc.linked);
                        // Summaries are keyed by the stored local id (derived ids too).
                        c.local_id = doc.local_id.clone();
                        let items = wallet_pathways::item::items_of(&c, Status::Unverified, &[]);
                        Some((doc.local_id, items))
                    })
                    .collect();
                self.cache.update_value(|c| c.extend(parsed));
            }
            Err(e) => wallet.storage_message.set(Some(e.to_string())),
        }
        self.rebuild_items(wallet);
    }

    fn rebuild_items(self, wallet: Wallet) {
        let mut list: Vec<Item> = wallet.summaries.with_untracked(|s| {
            self.cache.with_value(|c| {
                s.iter()
                    .flat_map(|x| {
                        let items = c.get(&x.local_id).cloned().unwrap_or_default();
                        items.into_iter().map(move |mut item| {
                            // A derived item's status is its nested credential's own.
                            item.status = match wallet_pathways::item::nested_owner(&item.local_id)
                            {
                                Some((i, _)) => x.nested_status.get(i).cloned().unwrap_or_default(),
                                None => x.status.clone(),
                            };
                            item
                        })
                    })
                    .collect()
            })
        });
        list.sort_by(|a, b| a.local_id.cmp(&b.local_id));
        self.items.set(Some(list));
    }
}

/// Fetches `pathways/index.json` and its files, relative to the page.
async fn fetch_bundled() -> (Vec<(String, String)>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let index = match browser::fetch_bytes(&browser::resolve_url("pathways/index.json")).await {
        browser::Fetched::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
        browser::Fetched::Failed(msg) => return (files, vec![msg]),
    };
    let names = match parse_index(&index) {
        Ok(n) => n,
        Err(e) => return (files, vec![e]),
    };
    for name in names {
        match browser::fetch_bytes(&browser::resolve_url(&format!("pathways/{name}"))).await {
            browser::Fetched::Bytes(b) => {
                files.push((name, String::from_utf8_lossy(&b).into_owned()))
            }
            browser::Fetched::Failed(msg) => errors.push(msg),
        }
    }
    (files, errors)
}

/// Validates a new pathway file together with the loaded ones, and keeps it if valid.
fn import_pathway(state: PathwaysState, name: String, json: String) -> bool {
    if json.len() > MAX_PATHWAY_BYTES {
        state.message.set(Some((
            false,
            vec![format!(
                "{name}: too large for a pathway file ({} KB; at most {} KB).",
                json.len() / 1024,
                MAX_PATHWAY_BYTES / 1024
            )],
        )));
        return false;
    }
    let Some(loaded) = state.loaded.get_untracked() else {
        state.message.set(Some((
            false,
            vec!["The pathways are still loading; try again in a moment.".into()],
        )));
        return false;
    };
    // A unique name, so messages and removal refer to this file only.
    let taken = |n: &str| {
        loaded.accepted.iter().any(|(a, _)| a == n)
            || state
                .imported
                .with_untracked(|l| l.iter().any(|f| f.name == n))
    };
    let mut unique = name.clone();
    let mut i = 2;
    while taken(&unique) {
        unique = format!("{name} ({i})");
        i += 1;
    }
    let mut trial: Vec<(&str, &str)> = loaded
        .accepted
        .iter()
        .map(|(n, j)| (n.as_str(), j.as_str()))
        .collect();
    trial.push((unique.as_str(), json.as_str()));
    match load(&trial) {
        Ok(all) => {
            let names: Vec<String> = all
                .iter()
                .filter(|p| p.source.as_deref() == Some(unique.as_str()))
                .map(|p| p.name.clone())
                .collect();
            let mut list = state.imported.get_untracked();
            list.push(ImportedFile { name: unique, json });
            if let Err(e) = write_imported(&list) {
                state.message.set(Some((false, vec![e])));
                return false;
            }
            state.imported.set(list);
            let text = if names.len() == 1 {
                format!("Added pathway {}", names[0])
            } else {
                format!("Added pathways {}", names.join(", "))
            };
            state.message.set(Some((true, vec![text])));
            true
        }
        Err(mut errors) => {
            // Name the file as the learner knows it (the suffix only keeps kept files apart).
            for e in &mut errors {
                if e.source.as_deref() == Some(unique.as_str()) {
                    e.source = Some(name.clone());
                }
            }
            state.message.set(Some((
                false,
                errors.iter().map(|e| e.to_string()).collect(),
            )));
            false
        }
    }
}

fn remove_imported(state: PathwaysState, file: &str) {
    let mut list = state.imported.get_untracked();
    list.retain(|f| f.name != file);
    match write_imported(&list) {
        Ok(()) => {
            state.imported.set(list);
            state
                .message
                .set(Some((true, vec![format!("Removed {file}")])));
        }
        Err(e) => state.message.set(Some((false, vec![e]))),
    }
}

/// "My badges" / "Progress".
#[component]
pub fn Nav() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let on_progress = move || matches!(wallet.route.get(), Route::Progress | Route::Pathway(_));
    view! {
        <nav class="nav" aria-label="Sections">
            <a href=wallet_core::route::Route::Wallet.to_hash() data-testid="nav-wallet" aria-current=move || (!on_progress()).then_some("page")>"My badges"</a>
            <a href=wallet_core::route::Route::Progress.to_hash() data-testid="nav-progress" aria-current=move || on_progress().then_some("page")>"Progress"</a>
        </nav>
    }
}

pub(crate) fn kind_label(k: GoalKind) -> &'static str {
    match k {
        GoalKind::Certificate => "Certificate",
        GoalKind::Diploma => "Diploma",
        GoalKind::DegreeCredit => "Degree credit",
        GoalKind::Job => "Job",
        GoalKind::Other => "Goal",
    }
}

fn eligible_text(p: &Progress) -> String {
    let issuer = &p.goal.issuer.name;
    match p.goal.kind {
        GoalKind::Certificate => format!("Eligible — request your certificate from {issuer}"),
        GoalKind::Diploma => format!("Eligible — request your diploma from {issuer}"),
        GoalKind::DegreeCredit => format!("Eligible — request your degree credit from {issuer}"),
        GoalKind::Job => format!("Eligible — apply to {issuer}"),
        GoalKind::Other => format!("Eligible — contact {issuer}"),
    }
}

/// A link only when the URL is http(s); otherwise the text, inert.
fn link(url: Option<&str>, text: String) -> AnyView {
    match url.and_then(safe_link) {
        Some(href) => view! { <a href=href.to_string() target="_blank" rel="noopener noreferrer nofollow">{text}</a> }.into_any(),
        None => view! { <span>{text}</span> }.into_any(),
    }
}

/// An accessible progress ring: `k/n` in the middle.
pub(crate) fn ring(k: usize, n: usize, name: &str, large: bool) -> AnyView {
    let pct = if n == 0 {
        100.0
    } else {
        (k.min(n) as f64) * 100.0 / n as f64
    };
    view! {
        <div
            class=if large { "ring large" } else { "ring" }
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax=n.to_string()
            aria-valuenow=k.to_string()
            aria-valuetext=format!("{k} of {n}")
            aria-label=format!("Progress toward {name}")
        >
            <svg viewBox="0 0 36 36" aria-hidden="true">
                <circle class="ring-track" cx="18" cy="18" r="15.9155" />
                <circle class="ring-fill" cx="18" cy="18" r="15.9155" pathLength="100" stroke-dasharray=format!("{pct:.1} 100") />
            </svg>
            <span class="ring-text" aria-hidden="true">{format!("{k}/{n}")}</span>
        </div>
    }
    .into_any()
}

fn eligible_banner(p: &Progress) -> AnyView {
    let request = p
        .goal
        .request_url
        .as_deref()
        .and_then(safe_link)
        .map(str::to_string);
    view! {
        <div class="eligible" data-testid="pathway-eligible" role="status">
            <span class="eligible-icon" aria-hidden="true">"★"</span>
            <span>{eligible_text(p)}</span>
            {request.map(|href| view! {
                <a class="button small primary" href=href target="_blank" rel="noopener noreferrer nofollow" data-testid="pathway-request">
                    "Request"
                </a>
            })}
        </div>
    }
    .into_any()
}

fn pathway_card(p: &Progress, imported_file: Option<String>, state: PathwaysState) -> AnyView {
    let href = pathway_href(&p.pathway_id);
    let remove = imported_file.map(|file| {
        let f = file.clone();
        view! {
            <button class="button small" data-testid="pathway-remove"
                on:click=move |_| remove_imported(state, &f)>
                "Remove"
            </button>
            <span class="kind">"Imported"</span>
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
                    <h3 class="pathway-name"><a href=href data-testid="pathway-link">{p.name.clone()}</a></h3>
                    <p class="pathway-meta">
                        <span class="kind">{kind_label(p.goal.kind)}</span>
                        " "
                        <span class="pathway-issuer">{p.goal.issuer.name.clone()}</span>
                    </p>
                    <p class="pathway-count" data-testid="pathway-count">
                        {format!("{} of {}", p.units_met, p.units_needed)}
                        {(!p.complete).then(|| p.remaining.map(|r| format!(" · {r} more credential{} needed", if r == 1 { "" } else { "s" }))).flatten()}
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

fn item_name(e: &Eval, i: usize) -> (String, String) {
    e.items
        .get(i)
        .map(|it| (it.name.clone(), it.local_id.clone()))
        .unwrap_or_default()
}

fn next_step_view(s: &NextStep, e: &Eval) -> AnyView {
    let hint = s.hint.clone();
    let held: Vec<(String, String, String)> = s
        .not_counted
        .iter()
        .map(|nc| {
            let (name, id) = item_name(e, nc.item);
            (name, id, nc.reasons.join(", "))
        })
        .collect();
    view! {
        <li class="next-step" data-testid="next-step" data-key=s.key.clone()>
            <strong class="next-label">{s.label.clone()}</strong>
            {hint.map(|h| view! { <p class="next-hint">{link(h.url.as_deref(), h.text)}</p> })}
            <p class="next-advances muted small">
                "Advances: "
                {s.advances.iter().enumerate().map(|(i, a)| view! {
                    {(i > 0).then_some(", ")}
                    <a href=pathway_href(&a.pathway_id)>{a.name.clone()}</a>
                    {format!(" ({}/{}, {} to go)", a.units_met, a.units_needed, a.remaining)}
                }).collect_view()}
            </p>
            {(!held.is_empty()).then(|| view! {
                <ul class="held small">
                    {held.into_iter().map(|(name, id, why)| view! {
                        <li>"You have " <a href=detail_href(&id)><bdi dir="auto">{name}</bdi></a> " — " <span class="reason">{why}</span></li>
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
                <p class="banner-title">"Some pathway files could not be loaded:"</p>
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
                <h2 id="progress-title">"Progress"</h2>
                <p class="count">"Pathways to certificates, diplomas and jobs, from the badges in your wallet"</p>
            </div>
            {move || match state.eval.get() {
                None => view! { <p class="loading" data-testid="pathways-loading">"Loading pathways…"</p> }.into_any(),
                Some(e) => {
                    let mut order: Vec<&Progress> = e.progress.iter().collect();
                    order.sort_by_key(|p| !p.complete);
                    let complete = order.iter().filter(|p| p.complete).count();
                    let empty = wallet.summaries.with(|s| s.is_empty());
                    let steps = e.next.len();
                    let shown = if show_all.get() { steps } else { steps.min(STEPS_SHOWN) };
                    view! {
                        {errors_view(&e.errors)}
                        {empty.then(|| view! { <p class="muted">"Your wallet is empty: add badges to see your progress."</p> })}
                        <p class="muted small" data-testid="pathways-summary">
                            {format!("{} pathway{} · {complete} complete", order.len(), if order.len() == 1 { "" } else { "s" })}
                        </p>
                        <ul class="pathway-cards">
                            {order.iter().map(|p| pathway_card(p, e.imported.get(&p.pathway_id).cloned(), state)).collect_view()}
                        </ul>
                        <section class="next-steps" aria-labelledby="next-title">
                            <h3 id="next-title">"Next steps"</h3>
                            {(steps == 0).then(|| view! { <p class="muted">"Nothing left to earn for these pathways."</p> })}
                            <ol class="next-list">
                                {e.next.iter().take(shown).map(|s| next_step_view(s, &e)).collect_view()}
                            </ol>
                            {(steps > STEPS_SHOWN).then(|| view! {
                                <button class="button small" data-testid="next-steps-toggle" on:click=move |_| show_all.update(|v| *v = !*v)>
                                    {if show_all.get_untracked() { "Show fewer".to_string() } else { format!("Show all {steps} steps") }}
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

/// Import a pathway file: paste, file, or URL.
#[component]
fn PathwayImport() -> impl IntoView {
    let state = expect_context::<PathwaysState>();
    let text = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let not_ready = move || state.busy.get() || state.loaded.with(|l| l.is_none());

    let submit_text = move |_| {
        let Some(t) = pasted(text) else {
            state.message.set(Some((
                false,
                vec!["Paste a pathway file (JSON) first.".into()],
            )));
            return;
        };
        if import_pathway(state, "Pasted pathway".into(), t) {
            text.set(String::new());
        }
    };
    let on_file = move |_| {
        let Some(files) = take_files(file_input) else {
            return;
        };
        leptos::task::spawn_local(async move {
            state.busy.set(true);
            for f in files {
                let name = f.name();
                if f.size() > MAX_PATHWAY_BYTES as f64 {
                    state.message.set(Some((
                        false,
                        vec![format!("{name}: too large for a pathway file.")],
                    )));
                    continue;
                }
                match browser::read_blob(&f).await {
                    Ok(bytes) => {
                        import_pathway(state, name, String::from_utf8_lossy(&bytes).into_owned());
                    }
                    Err(e) => state
                        .message
                        .set(Some((false, vec![format!("{name}: {e}")]))),
                }
            }
            state.busy.set(false);
        });
    };
    let submit_url = move |ev: leptos::ev::SubmitEvent| {
        let Some(u) = submitted_link(&ev, url) else {
            return;
        };
        if safe_link(&u).is_none() {
            state.message.set(Some((
                false,
                vec!["Enter an http(s) link to a pathway file.".into()],
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            state.busy.set(true);
            let name = u
                .split(['?', '#'])
                .next()
                .and_then(|p| p.trim_end_matches('/').rsplit('/').next())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| u.clone());
            match browser::fetch_bytes(&u).await {
                browser::Fetched::Bytes(b) => {
                    if import_pathway(state, name, String::from_utf8_lossy(&b).into_owned()) {
                        url.set(String::new());
                    }
                }
                browser::Fetched::Failed(msg) => state.message.set(Some((false, vec![msg]))),
            }
            state.busy.set(false);
        });
    };

    view! {
        <section class="panel import pathway-import" aria-labelledby="pathway-import-title">
            <h2 id="pathway-import-title">"Add a pathway"</h2>
            <p class="muted small">
                "A pathway file (JSON, \"type\": \"LearnerPathway\") from a school, training provider or employer says which badges lead to a certificate. It is kept in this browser only."
            </p>
            <div class="import-grid">
                <PasteField
                    id="pathway-import-text"
                    label="Paste a pathway file"
                    value=text
                    button_testid="pathway-import-submit"
                    button_label="Add pasted pathway"
                    disabled=not_ready
                    on_submit=submit_text
                />
                <div class="field">
                    <LinkForm
                        id="pathway-import-url"
                        label="Or from a link"
                        placeholder="https://school.example/pathways/certificate.json"
                        value=url
                        button_testid="pathway-import-url-submit"
                        button_label="Add from link"
                        disabled=not_ready
                        on_submit=submit_url
                    />
                    <FileButton
                        label_class="button"
                        label="Choose a pathway file"
                        testid="pathway-import-file"
                        accept=".json,application/json"
                        multiple=false
                        input_ref=file_input
                        on_change=on_file
                    />
                </div>
            </div>
            <div class="messages" data-testid="pathway-import-message" aria-live="polite">
                {move || state.message.get().map(|(ok, lines)| view! {
                    <div class=if ok { "result added" } else { "result error" } data-outcome=if ok { "added" } else { "error" }>
                        {if lines.len() == 1 {
                            view! { <span>{lines[0].clone()}</span> }.into_any()
                        } else {
                            view! { <ul class="error-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </div>
                })}
            </div>
        </section>
    }
}

/// A group's kind, e.g. "All of", "Any of", "3 of 4".
pub(crate) fn group_tag(n: &NodeProgress) -> String {
    match n.kind.as_str() {
        "all" => "All of".into(),
        "any" => "Any of".into(),
        _ => format!("{} of {}", n.units_needed, n.children.len()),
    }
}

/// The label the engine gives a group without an author label.
fn default_group_label(n: &NodeProgress) -> bool {
    match n.kind.as_str() {
        "all" => n.label == "All of",
        "any" => n.label == "Any one of",
        _ => n.label == format!("{} of", n.units_needed),
    }
}

fn node_view(n: &NodeProgress, e: &Eval) -> AnyView {
    let met = n.met;
    let icon = if met { "✓" } else { "" };
    let state_text = if met { "met" } else { "not met yet" };
    let class = format!("node {} kind-{}", if met { "met" } else { "unmet" }, n.kind);
    let head = match n.kind.as_str() {
        "all" | "any" | "nOf" => {
            let label = (!default_group_label(n)).then(|| n.label.clone());
            view! {
                <div class="node-head">
                    <span class="node-icon" aria-hidden="true">{icon}</span>
                    <span class="group-tag" data-testid="group-tag">{group_tag(n)}</span>
                    {label.map(|l| view! { <span class="node-label">{l}</span> })}
                    <span class="node-count">{format!("{}/{}", n.units_met, n.units_needed)}</span>
                    <span class="visually-hidden">{state_text}</span>
                </div>
            }
            .into_any()
        }
        "pathway" => {
            let target = n.pathway_ref.clone().unwrap_or_default();
            let sub = e.find(&target).map(|p| {
                if p.complete {
                    "complete".to_string()
                } else {
                    format!("{} of {}", p.units_met, p.units_needed)
                }
            });
            view! {
                <div class="node-head">
                    <span class="node-icon" aria-hidden="true">{icon}</span>
                    <span class="group-tag">"Pathway"</span>
                    <a class="node-label" href=pathway_href(&target) data-testid="node-pathway-link">{n.label.clone()}</a>
                    {sub.map(|s| view! { <span class="node-count">{s}</span> })}
                    <span class="visually-hidden">{state_text}</span>
                </div>
            }
            .into_any()
        }
        _ => view! {
            <div class="node-head">
                <span class="node-icon" aria-hidden="true">{icon}</span>
                <span class="node-label">{n.label.clone()}</span>
                <span class="visually-hidden">{state_text}</span>
            </div>
        }
        .into_any(),
    };
    let body = match n.kind.as_str() {
        "match" => {
            let mut creds: Vec<AnyView> = Vec::new();
            let mut counting = n.counting.clone();
            if let Some(f) = n.filled_by {
                counting.retain(|&i| i != f);
                counting.insert(0, f);
            }
            for i in counting {
                let (name, id) = item_name(e, i);
                let tag = if n.filled_by == Some(i) {
                    "counts"
                } else {
                    "also matches"
                };
                creds.push(
                    view! {
                        <li class="cred counts" data-testid="node-credential" data-counts="true">
                            <span aria-hidden="true">"✓ "</span>
                            <a href=detail_href(&id)><bdi dir="auto">{name}</bdi></a>
                            <span class="muted">{format!(" — {tag}")}</span>
                        </li>
                    }
                    .into_any(),
                );
            }
            for nc in &n.not_counted {
                let (name, id) = item_name(e, nc.item);
                creds.push(view! {
                    <li class="cred not-counted" data-testid="node-credential" data-counts="false">
                        <span aria-hidden="true">"✗ "</span>
                        <a href=detail_href(&id)><bdi dir="auto">{name}</bdi></a>
                        " — doesn't count: "
                        <span class="reason" data-testid="node-reason">{nc.reasons.join(", ")}</span>
                    </li>
                }.into_any());
            }
            let none = creds.is_empty();
            let hint = (!met).then(|| n.hint.clone()).flatten();
            view! {
                {(!none).then(|| view! { <ul class="node-creds">{creds}</ul> })}
                {(none && !met).then(|| view! { <p class="muted small node-empty">"No matching credential in your wallet yet."</p> })}
                {n.note.clone().map(|t| view! { <p class="node-note small" data-testid="node-note">{t}</p> })}
                {hint.map(|h| view! { <p class="node-hint small" data-testid="node-hint">"To earn: " {link(h.url.as_deref(), h.text)}</p> })}
            }
            .into_any()
        }
        "pathway" => {
            let hint = (!met).then(|| n.hint.clone()).flatten();
            hint.map(|h| view! { <p class="node-hint small" data-testid="node-hint">{link(h.url.as_deref(), h.text)}</p> }.into_any())
                .unwrap_or_else(|| ().into_any())
        }
        _ => view! {
            <ul class="tree-children">
                {n.children.iter().map(|c| node_view(c, e)).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <li class=class data-testid="pathway-node" data-met=met.to_string() data-kind=n.kind.clone() data-path=n.path.clone()>
            {head}
            {body}
        </li>
    }
    .into_any()
}

/// A pathway's requirement tree.
#[component]
pub fn PathwayDetail(pathway_id: String) -> impl IntoView {
    let state = expect_context::<PathwaysState>();
    state.activate();
    browser::window().scroll_to_with_x_and_y(0.0, 0.0);
    let id = StoredValue::new(pathway_id);
    move || {
        match state.eval.get() {
        None => view! { <p class="loading">"Loading pathways…"</p> }.into_any(),
        Some(e) => match e.find(&id.get_value()) {
            None => view! {
                <div class="panel">
                    <a class="back" href=wallet_core::route::Route::Progress.to_hash() data-testid="back-to-progress">"← Progress"</a>
                    <p class="banner error" data-testid="pathway-missing">"This pathway is not loaded (it may have been removed)."</p>
                </div>
            }
            .into_any(),
            Some(p) => view! {
                <article class="panel pathway-detail" data-testid="pathway-detail" data-pathway-id=p.pathway_id.clone()
                    data-progress=p.fraction() data-complete=p.complete.to_string()>
                    <a class="back" href=wallet_core::route::Route::Progress.to_hash() data-testid="back-to-progress">"← Progress"</a>
                    <header class="pathway-detail-head">
                        {ring(p.units_met, p.units_needed, &p.name, true)}
                        <div>
                            <h2 data-testid="pathway-name">{p.name.clone()}</h2>
                            <p class="pathway-meta">
                                <span class="kind">{kind_label(p.goal.kind)}</span>
                                " "
                                {link(p.goal.issuer.url.as_deref(), p.goal.issuer.name.clone())}
                            </p>
                            <p class="pathway-count">{format!("{} of {}", p.units_met, p.units_needed)}</p>
                        </div>
                    </header>
                    {p.complete.then(|| eligible_banner(p))}
                    {p.description.clone().map(|d| view! { <p class="prewrap">{d}</p> })}
                    <h3>"Requirements"</h3>
                    <ul class="tree" data-testid="pathway-tree">
                        {node_view(&p.root, &e)}
                    </ul>
                </article>
            }
            .into_any(),
        },
    }
    }
}
