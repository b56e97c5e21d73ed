//! Export everything to a backup file, and restore one (merging, without duplicates).

use leptos::prelude::*;
use wallet_core::backup::{BackupEntry, read_backup, write_backup};

use crate::wallet::Wallet;
use crate::browser;
use crate::importer::{Input, Line, Outcome};
use crate::storage;

async fn export(wallet: Wallet) {
    match storage::load_documents_counted().await {
        Ok((docs, unreadable)) => {
            if unreadable > 0 {
                wallet.storage_message.set(Some(format!(
                    "The backup holds {} badge(s). {unreadable} stored record(s) could not be read, so they are not in it; they were kept unchanged in this browser.",
                    docs.len()
                )));
            }
            let entries: Vec<BackupEntry> = docs
                .into_iter()
                .map(|d| BackupEntry {
                    original: d.original,
                    added_at: d.added_at,
                    source: d.source,
                    linked: d.linked,
                })
                .collect();
            let text = write_backup(&entries, &browser::now_iso());
            let name = format!("learner-wallet-backup-{}.json", browser::today());
            if let Err(e) = browser::download(&name, "application/json", text.as_bytes()) {
                wallet
                    .storage_message
                    .set(Some(format!("The backup could not be downloaded: {e}")));
            }
        }
        Err(e) => wallet.storage_message.set(Some(e.to_string())),
    }
}

async fn restore(wallet: Wallet, file: web_sys::File) {
    let name = file.name();
    let fail = |message: String| {
        wallet.lines.set(vec![Line {
            outcome: Outcome::Error,
            label: name.clone(),
            message,
        }])
    };
    let bytes = match browser::read_blob(&file).await {
        Ok(b) => b,
        Err(e) => return fail(format!("The file could not be read: {e}")),
    };
    let text = String::from_utf8_lossy(&bytes);
    match read_backup(&text) {
        Ok(entries) => {
            let inputs = entries
                .into_iter()
                .enumerate()
                .map(|(i, e)| Input::Restored {
                    label: format!("{name} #{}", i + 1),
                    text: e.original.text().to_string(),
                    added_at: e.added_at,
                    linked: e.linked,
                })
                .collect();
            wallet.import(inputs).await;
        }
        Err(e) => fail(e),
    }
}

#[component]
pub fn BackupPanel() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let restore_input: NodeRef<leptos::html::Input> = NodeRef::new();
    view! {
        <section class="panel backup" aria-labelledby="backup-title">
            <h2 id="backup-title">"Backup"</h2>
            <p class="muted">"Your badges live only in this browser. Keep a backup file somewhere safe."</p>
            <super::storage_status::PersistenceLine />
            <div class="actions">
                <button class="button" data-testid="export-backup" on:click=move |_| leptos::task::spawn_local(export(wallet))>
                    "Download backup"
                </button>
                <label class="button">
                    "Restore from backup…"
                    <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="restore-file" node_ref=restore_input
                        on:change=move |_| {
                            if let Some(input) = restore_input.get()
                                && let Some(file) = browser::files_of(input.files()).into_iter().next() {
                                    input.set_value("");
                                    leptos::task::spawn_local(restore(wallet, file));
                                }
                        } />
                </label>
            </div>
        </section>
    }
}
