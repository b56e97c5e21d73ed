//! Export everything to a backup file, encrypted under a passphrase when the learner gives
//! one (`wallet_core::sealed`, format in docs/backup.md), plain with a warning otherwise.
//! Restoring is `restore.rs`.

use leptos::prelude::*;
use wallet_core::backup::{BackupEntry, write_backup};
use wallet_core::sealed::{DEFAULT_KDF, seal};

use crate::browser;
use crate::storage;
use crate::wallet::Wallet;

/// What the last export did, shown under the buttons.
#[derive(Clone, Debug, PartialEq)]
enum Exported {
    Encrypted(usize),
    Plain(usize),
}

/// Salt and nonce for one file, from the browser's CSPRNG (`crypto.getRandomValues`).
pub(crate) fn random<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    getrandom02::getrandom(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

async fn export(wallet: Wallet, passphrase: String, busy: RwSignal<bool>) -> Option<Exported> {
    let (docs, unreadable) = match storage::load_documents_counted().await {
        Ok(found) => found,
        Err(e) => {
            wallet.storage_message.set(Some(e.to_string()));
            return None;
        }
    };
    if unreadable > 0 {
        wallet.storage_message.set(Some(t!(
            "backup-partial",
            n = docs.len(),
            unreadable = unreadable
        )));
    }
    let count = docs.len();
    let entries: Vec<BackupEntry> = docs
        .into_iter()
        .map(|d| BackupEntry {
            original: d.original,
            added_at: d.added_at,
            source: d.source,
            linked: d.linked,
        })
        .collect();
    let plain = write_backup(&entries, &browser::now_iso());
    let today = browser::today();
    let (name, text, done) = if passphrase.is_empty() {
        (
            format!("learner-wallet-backup-{today}.json"),
            plain,
            Exported::Plain(count),
        )
    } else {
        busy.set(true);
        browser::yield_now().await;
        let sealed = match (random::<16>(), random::<12>()) {
            (Ok(salt), Ok(nonce)) => seal(&plain, &passphrase, salt, nonce, DEFAULT_KDF)
                .map_err(|e| e.message(crate::i18n::lang())),
            (Err(e), _) | (_, Err(e)) => Err(t!("backup-no-random", error = e)),
        };
        busy.set(false);
        match sealed {
            Ok(text) => (
                format!("learner-wallet-backup-{today}.encrypted.json"),
                text,
                Exported::Encrypted(count),
            ),
            Err(e) => {
                wallet
                    .storage_message
                    .set(Some(t!("backup-encrypt-failed", error = e)));
                return None;
            }
        }
    };
    match browser::download(&name, "application/json", text.as_bytes()) {
        Ok(()) => Some(done),
        Err(e) => {
            wallet
                .storage_message
                .set(Some(t!("backup-download-failed", error = e)));
            None
        }
    }
}

/// The line under the buttons: what the passphrase will do, or what the last export did.
fn export_note(passphrase: &str, last: Option<&Exported>, busy: bool) -> (String, &'static str) {
    match (busy, last) {
        (true, _) => (t!("backup-encrypting"), "muted"),
        (false, Some(Exported::Plain(n))) => (t!("backup-done-plain", n = *n), "result warn"),
        (false, Some(Exported::Encrypted(n))) => (t!("backup-done-encrypted", n = *n), "muted"),
        (false, None) if passphrase.is_empty() => (t!("backup-note-plain"), "muted"),
        (false, None) => (t!("backup-note-encrypted"), "muted"),
    }
}

#[component]
pub fn BackupPanel() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let passphrase = RwSignal::new(String::new());
    let last = RwSignal::new(None::<Exported>);
    let busy = RwSignal::new(false);
    let pending = super::restore::Pending::default();
    let start_export = move |_| {
        if busy.get_untracked() {
            return;
        }
        let pass = passphrase.get_untracked();
        leptos::task::spawn_local(async move {
            if let Some(done) = export(wallet, pass, busy).await {
                last.set(Some(done));
            }
        });
    };
    view! {
        <section class="panel backup" aria-labelledby="backup-title">
            <h2 id="backup-title">{t!("backup-title")}</h2>
            <p class="muted">{t!("backup-intro")}</p>
            <super::storage_status::PersistenceLine />
            <div class="field backup-passphrase">
                <label for="backup-passphrase">{t!("backup-passphrase-label")}</label>
                <input id="backup-passphrase" type="password" autocomplete="new-password"
                    data-testid="backup-passphrase"
                    prop:value=move || passphrase.get()
                    on:input=move |ev| {
                        passphrase.set(event_target_value(&ev));
                        last.set(None);
                    } />
            </div>
            <div class="actions">
                <button class="button" data-testid="export-backup" disabled=move || busy.get()
                    on:click=start_export>
                    {t!("backup-download")}
                </button>
                <super::restore::RestoreButton pending />
            </div>
            {move || {
                let (text, class) = last.with(|l| passphrase.with(|p| export_note(p, l.as_ref(), busy.get())));
                view! { <p class=class data-testid="backup-note" role="status">{text}</p> }
            }}
            <super::restore::RestorePassphrase pending />
        </section>
    }
}
