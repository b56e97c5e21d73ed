//! What the learner is told about the browser storage itself: stored records this version could
//! not read (kept as they are, never dropped), and whether the browser keeps the wallet's data
//! when space runs low (persistent storage, asked for once the wallet holds a credential).

use leptos::prelude::*;

use crate::storage::{self, Persistence};
use crate::wallet::Wallet;

/// Wires the storage state into the wallet: the unreadable-record count, and the one request for
/// persistent storage once the wallet holds a credential (on open, or at the first import).
pub fn watch(wallet: Wallet) {
    storage::watch_unreadable(move |n| wallet.unreadable.set(n));
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let holds_one = wallet.summaries.with(|s| !s.is_empty());
        if holds_one && !asked.get_value() {
            asked.set_value(true);
            leptos::task::spawn_local(async move {
                wallet.persistence.set(storage::ensure_persistent().await);
            });
        }
    });
}

/// The words of the unreadable-records notice.
fn unreadable_text(n: usize) -> String {
    t!("storage-unreadable-records", n = n)
}

/// A notice while some stored record could not be read.
#[component]
pub fn UnreadableNotice() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    move || {
        let n = wallet.unreadable.get();
        (n > 0).then(|| {
            view! {
                <div class="banner warn" role="status" data-testid="storage-unreadable" data-count=n.to_string()>
                    {unreadable_text(n)}
                </div>
            }
        })
    }
}

/// One small line for the backup area: does the browser keep this wallet's data?
#[component]
pub fn PersistenceLine() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    move || {
        let p = wallet.persistence.get();
        let text = match p {
            Persistence::Unknown => return None,
            Persistence::Granted => t!("storage-persistence-granted"),
            Persistence::Denied => t!("storage-persistence-denied"),
            Persistence::Unsupported => t!("storage-persistence-unsupported"),
        };
        Some(view! {
            <p class="muted small" data-testid="storage-persistence" data-state=p.as_str()>{text}</p>
        })
    }
}
