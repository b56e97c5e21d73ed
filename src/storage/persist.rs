//! Asking the browser to keep the wallet's data when space runs low.

use wasm_bindgen::JsValue;

/// Whether the browser keeps this wallet's data when space runs low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Not asked yet (the wallet is empty) or the answer is not in yet.
    Unknown,
    /// Persistent: the browser clears it only if the learner does.
    Granted,
    /// Best effort: the browser may clear it under storage pressure.
    Denied,
    /// This browser has no StorageManager (or not in this context).
    Unsupported,
}

impl Persistence {
    pub fn as_str(self) -> &'static str {
        match self {
            Persistence::Unknown => "unknown",
            Persistence::Granted => "granted",
            Persistence::Denied => "denied",
            Persistence::Unsupported => "unsupported",
        }
    }
}

/// localStorage key: set once the browser has been asked (so it is never asked twice).
const PERSIST_ASKED_KEY: &str = "learner-wallet.persist-asked";

/// Asks the browser to keep the wallet's data (`navigator.storage.persist()`), at most once per
/// browser profile: after that only the current state is read (`persisted()`), so a browser that
/// shows a prompt shows it once. Nothing here is shown to the learner but the answer.
pub async fn ensure_persistent() -> Persistence {
    use gloo_storage::Storage;
    use wasm_bindgen_futures::JsFuture;
    let navigator = crate::browser::window().navigator();
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .is_ok_and(|s| !s.is_undefined() && !s.is_null());
    if !present {
        return Persistence::Unsupported;
    }
    let manager = navigator.storage();
    let ask = |promise: Result<js_sys::Promise, JsValue>| async move {
        JsFuture::from(promise.ok()?).await.ok()?.as_bool()
    };
    match ask(manager.persisted()).await {
        None => return Persistence::Unsupported,
        Some(true) => return Persistence::Granted,
        Some(false) => {}
    }
    if gloo_storage::LocalStorage::get::<bool>(PERSIST_ASKED_KEY).unwrap_or(false) {
        return Persistence::Denied;
    }
    let _ = gloo_storage::LocalStorage::set(PERSIST_ASKED_KEY, true);
    match ask(manager.persist()).await {
        Some(true) => Persistence::Granted,
        Some(false) => Persistence::Denied,
        None => Persistence::Unsupported,
    }
}
