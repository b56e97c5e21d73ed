//! Restore a backup file: merged into the wallet without duplicates (the importer dedupes by
//! `local_id`). An encrypted file (`wallet_core::sealed`) first asks for its passphrase; a
//! wrong one says so and changes nothing, and the learner can try again.

use leptos::prelude::*;
use wallet_core::backup::{MAX_BACKUP_BYTES, read_backup};
use wallet_core::sealed::{OpenError, is_sealed, open};

use crate::browser;
use crate::importer::{Input, Line, Outcome};
use crate::wallet::Wallet;

/// An encrypted backup waiting for its passphrase.
#[derive(Clone, Debug)]
pub struct Sealed {
    name: String,
    text: String,
    error: Option<String>,
    busy: bool,
}

/// The encrypted file being restored, if any (shared by the button and the prompt).
#[derive(Clone, Copy, Default)]
pub struct Pending(RwSignal<Option<Sealed>>);

fn fail(wallet: Wallet, name: &str, message: String) {
    wallet.lines.set(vec![Line {
        outcome: Outcome::Error,
        label: name.to_string(),
        message,
    }]);
}

/// Imports the entries of a plain backup's text.
async fn restore_plain(wallet: Wallet, name: &str, text: &str) {
    match read_backup(text) {
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
        Err(e) => fail(wallet, name, e.message(crate::i18n::lang())),
    }
}

async fn read_file(wallet: Wallet, pending: Pending, file: web_sys::File) {
    let name = file.name();
    pending.0.set(None);
    // Refused from its size, never read: restore holds the whole file in memory.
    if file.size() > MAX_BACKUP_BYTES as f64 {
        let lang = crate::i18n::lang();
        return fail(
            wallet,
            &name,
            t!(
                "restore-too-large",
                size = wallet_i18n::number(lang, (file.size() / 1_048_576.0).ceil() as u64),
                limit = MAX_BACKUP_BYTES / 1_048_576
            ),
        );
    }
    let bytes = match browser::read_blob(&file).await {
        Ok(b) => b,
        Err(e) => return fail(wallet, &name, t!("restore-read-failed", error = e)),
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    if is_sealed(&text) {
        wallet.lines.set(Vec::new());
        pending.0.set(Some(Sealed {
            name,
            text,
            error: None,
            busy: false,
        }));
    } else {
        restore_plain(wallet, &name, &text).await;
    }
}

async fn unlock(wallet: Wallet, pending: Pending, passphrase: String) {
    let Some(sealed) = pending.0.get_untracked() else {
        return;
    };
    pending.0.update(|p| {
        if let Some(p) = p {
            p.busy = true;
            p.error = None;
        }
    });
    browser::yield_now().await;
    match open(&sealed.text, &passphrase) {
        Ok(plain) => {
            pending.0.set(None);
            restore_plain(wallet, &sealed.name, &plain).await;
        }
        Err(e) => {
            let message = match e {
                OpenError::WrongPassphrase => t!("restore-wrong-passphrase"),
                other => t!("restore-cannot", why = other.message(crate::i18n::lang())),
            };
            pending.0.update(|p| {
                if let Some(p) = p {
                    p.busy = false;
                    p.error = Some(message);
                }
            });
        }
    }
}

/// "Restore from backup…": a file picker.
#[component]
pub fn RestoreButton(pending: Pending) -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    view! {
        <label class="button">
            {t!("restore-button")}
            <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="restore-file" node_ref=input
                on:change=move |_| {
                    if let Some(el) = input.get()
                        && let Some(file) = browser::files_of(el.files()).into_iter().next() {
                            el.set_value("");
                            leptos::task::spawn_local(read_file(wallet, pending, file));
                        }
                } />
        </label>
    }
}

/// The passphrase prompt for an encrypted backup, while one is pending.
#[component]
pub fn RestorePassphrase(pending: Pending) -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let passphrase = RwSignal::new(String::new());
    // The passphrase is not kept once its file is restored or given up.
    Effect::new(move || {
        if pending.0.with(Option::is_none) {
            passphrase.set(String::new());
        }
    });
    let submit = move || {
        if pending
            .0
            .with_untracked(|p| p.as_ref().is_some_and(|p| !p.busy))
        {
            let pass = passphrase.get_untracked();
            leptos::task::spawn_local(unlock(wallet, pending, pass));
        }
    };
    move || {
        pending.0.get().map(|p| {
            view! {
                <form class="restore-passphrase" data-testid="restore-dialog"
                    on:submit=move |ev| { ev.prevent_default(); submit(); }>
                    <p>
                        <strong><bdi>{p.name.clone()}</bdi></strong>
                        " "{t!("restore-sealed-prompt")}
                    </p>
                    <div class="field">
                        <label for="restore-passphrase">{t!("restore-passphrase-label")}</label>
                        <input id="restore-passphrase" type="password" autocomplete="current-password"
                            data-testid="restore-passphrase"
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                    </div>
                    {p.error.clone().map(|e| view! {
                        <p class="result error" role="alert" data-testid="restore-error">{e}</p>
                    })}
                    <div class="actions">
                        <button class="button" type="submit" data-testid="restore-submit" disabled=p.busy>
                            {if p.busy { t!("restore-decrypting") } else { t!("restore-submit") }}
                        </button>
                        <button class="button secondary" type="button" data-testid="restore-cancel"
                            on:click=move |_| pending.0.set(None)>
                            {t!("restore-cancel")}
                        </button>
                    </div>
                </form>
            }
        })
    }
}
