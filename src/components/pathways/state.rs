//! The pathways' state, shared by the Progress view, the tree and the share panel: the bundled
//! pathway files (fetched on the first visit), the imported ones (kept in localStorage under
//! [`IMPORTED_KEY`]: they are small), the wallet's credentials as evaluation items, and the
//! evaluation. Every decision about the files is `wallet_pathways::files`; this is the glue to
//! the browser (fetch, localStorage, signals).

use std::collections::HashMap;

use leptos::prelude::*;
use wallet_pathways::files::{
    ImportedFile, Loaded, add_file, load_library, remove_file, removed_message,
};
use wallet_pathways::{
    Item, NextStep, Pathway, Progress, Status, evaluate, next_steps, parse_index,
};

use crate::i18n::Lang;
use crate::wallet::Wallet;
use crate::{browser, storage};

/// localStorage key of the imported pathway files: `[{name, json}]`.
pub const IMPORTED_KEY: &str = "learner-wallet.pathways";

fn read_imported() -> Vec<ImportedFile> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(IMPORTED_KEY).unwrap_or_default()
}

fn write_imported(list: &[ImportedFile]) -> Result<(), String> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::set(IMPORTED_KEY, list)
        .map_err(|e| t!("pathway-save-failed", error = e.to_string()))
}

/// Everything the views show: the credentials (as evaluation items), progress and next steps.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Eval {
    pub items: Vec<Item>,
    pub progress: Vec<Progress>,
    pub next: Vec<NextStep>,
    /// Fetch and validation errors, verbatim.
    pub errors: Vec<String>,
    /// Pathway id → imported file name (only for imported pathways).
    pub imported: HashMap<String, String>,
}

impl Eval {
    pub fn find(&self, id: &str) -> Option<&Progress> {
        self.progress.iter().find(|p| p.pathway_id == id)
    }

    /// Item `i`'s name and local id (empty if there is none).
    pub fn item_name(&self, i: usize) -> (String, String) {
        self.items
            .get(i)
            .map(|it| (it.name.clone(), it.local_id.clone()))
            .unwrap_or_default()
    }
}

/// Pathway state shared by the Progress and tree views (provided once by the app).
#[derive(Clone, Copy)]
pub struct PathwaysState {
    /// The language the evaluation's texts are in: the interface's, set by the views when they
    /// render (the state outlives a change of language; the views are rendered anew).
    lang: RwSignal<Lang>,
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
    /// The files loaded; `errors` has the bundled files' fetch errors first.
    pub(super) loaded: Memo<Option<Loaded>>,
    pub(super) eval: Memo<Option<Eval>>,
    /// The import panel's result: (ok, lines).
    pub(super) message: RwSignal<Option<(bool, Vec<String>)>>,
    pub(super) busy: RwSignal<bool>,
}

impl PathwaysState {
    /// Creates the state under the app's owner and provides it as context.
    pub fn provide(wallet: Wallet) {
        let lang = RwSignal::new(crate::i18n::lang());
        let active = RwSignal::new(false);
        let bundled = RwSignal::new(None::<Vec<(String, String)>>);
        let bundled_errors = RwSignal::new(Vec::<String>::new());
        let imported = RwSignal::new(read_imported());
        let items = RwSignal::new(None::<Vec<Item>>);
        let cache = StoredValue::new(HashMap::<String, Vec<Item>>::new());
        let loaded = Memo::new(move |_| {
            let bundled = bundled.get()?;
            let mut loaded = imported.with(|i| load_library(lang.get(), &bundled, i));
            let mut errors = bundled_errors.get();
            errors.append(&mut loaded.errors);
            loaded.errors = errors;
            Some(loaded)
        });
        let eval = Memo::new(move |_| {
            let l = loaded.get()?;
            let items = items.get()?;
            let progress = evaluate(lang.get(), &l.pathways, &items, &browser::now_iso());
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
            lang,
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

    /// Starts loading on the first visit (also called by the share panel), and follows the
    /// interface's language (every view calls this when it renders).
    pub fn activate(self) {
        let lang = crate::i18n::lang();
        if self.lang.get_untracked() != lang {
            self.lang.set(lang);
            // The import panel's last result was in the other language.
            self.message.set(None);
        }
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

    /// Shows the import panel's result.
    pub(super) fn say(self, ok: bool, lines: Vec<String>) {
        self.message.set(Some((ok, lines)));
    }

    /// Validates a new pathway file together with the loaded ones, and keeps it if valid.
    /// Whether it was kept.
    pub(super) fn import(self, name: String, json: String) -> bool {
        if let Err(e) = wallet_pathways::files::check_size(&name, &json) {
            self.say(false, e.lines(crate::i18n::lang()));
            return false;
        }
        let Some(loaded) = self.loaded.get_untracked() else {
            self.say(false, vec![t!("pathway-import-still-loading")]);
            return false;
        };
        let added = self.imported.with_untracked(|list| {
            add_file(crate::i18n::lang(), &loaded.accepted, list, &name, &json)
        });
        match added {
            Ok(added) => {
                let mut list = self.imported.get_untracked();
                list.push(added.file.clone());
                if let Err(e) = write_imported(&list) {
                    self.say(false, vec![e]);
                    return false;
                }
                self.imported.set(list);
                self.say(true, vec![added.message(crate::i18n::lang())]);
                true
            }
            Err(e) => {
                self.say(false, e.lines(crate::i18n::lang()));
                false
            }
        }
    }

    /// Forgets an imported file.
    pub(super) fn remove(self, file: &str) {
        let list = self.imported.with_untracked(|l| remove_file(l, file));
        match write_imported(&list) {
            Ok(()) => {
                self.imported.set(list);
                self.say(true, vec![removed_message(crate::i18n::lang(), file)]);
            }
            Err(e) => self.say(false, vec![e]),
        }
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
    let names = match parse_index(crate::i18n::lang(), &index) {
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
