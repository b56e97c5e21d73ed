//! The inputs of the issuer-trust decision (`wallet_verify::trust`), kept by the shell: the
//! registry (the copy this deployment serves at `trust/known-issuers.json`, else the one
//! bundled in the app), the learner's own list and whether the learner used "Load demo badges"
//! (gloo-storage). The decision itself is pure and lives in the verify crate; this module only
//! reads and writes the inputs, and holds them in signals so names re-render when they change.

use std::cell::RefCell;
use std::sync::Arc;

use gloo_storage::Storage;
use leptos::prelude::*;
use wallet_verify::trust::{IssuerLabel, Registry, Trust, Viewer, decide, issuer_label};

use crate::browser;

/// The registry bundled with the app (used when the deployment serves none).
const BUNDLED: &str = include_str!("../public/trust/known-issuers.json");
/// The deployment's registry, relative to the page (same origin as the app itself).
const REGISTRY_PATH: &str = "trust/known-issuers.json";
/// gloo-storage key of the issuers the learner marked as trusted.
const TRUSTED_KEY: &str = "learner-wallet.trusted-issuers";
/// gloo-storage key set only by "Load demo badges".
const DEMO_KEY: &str = "learner-wallet.demo-loaded";

thread_local! {
    static REGISTRY: RefCell<Option<Arc<Registry>>> = const { RefCell::new(None) };
    /// The JSON text [`REGISTRY`] was read from (handed to the verification worker).
    static REGISTRY_TEXT: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
    /// The app's [`TrustState`] (event handlers have no reactive owner to ask for it).
    static STATE: RefCell<Option<TrustState>> = const { RefCell::new(None) };
}

fn state() -> Option<TrustState> {
    STATE.with(|s| *s.borrow())
}

fn bundled() -> Registry {
    Registry::parse(BUNDLED).unwrap_or_default()
}

/// The registry: fetched once from this deployment (same origin), else the bundled copy.
pub async fn registry() -> Arc<Registry> {
    if let Some(r) = REGISTRY.with(|r| r.borrow().clone()) {
        return r;
    }
    let fetched = match browser::fetch_bytes(&browser::resolve_url(REGISTRY_PATH)).await {
        browser::Fetched::Bytes(b) => std::str::from_utf8(&b)
            .ok()
            .and_then(|t| Some((Registry::parse(t).ok()?, Arc::<str>::from(t)))),
        browser::Fetched::Failed(_) => None,
    };
    let (r, text) = fetched.unwrap_or_else(|| (bundled(), Arc::from(BUNDLED)));
    let r = Arc::new(r);
    REGISTRY_TEXT.with(|slot| *slot.borrow_mut() = Some(text));
    REGISTRY.with(|slot| *slot.borrow_mut() = Some(r.clone()));
    if let Some(t) = state() {
        t.registry.set(r.clone());
    }
    r
}

/// The JSON text of [`registry`] (the bundled copy until it has been read).
pub fn registry_text() -> Arc<str> {
    REGISTRY_TEXT
        .with(|t| t.borrow().clone())
        .unwrap_or_else(|| Arc::from(BUNDLED))
}

/// Issuers the learner trusts (their wallet only).
pub fn learner_trusted() -> Vec<String> {
    gloo_storage::LocalStorage::get(TRUSTED_KEY).unwrap_or_default()
}

pub fn set_learner_trusted(list: &[String]) {
    let _ = gloo_storage::LocalStorage::set(TRUSTED_KEY, list);
    if let Some(t) = state() {
        t.learner.set(list.to_vec());
    }
}

/// Whether the learner used "Load demo badges" in this wallet.
pub fn demo_loaded() -> bool {
    gloo_storage::LocalStorage::get::<bool>(DEMO_KEY).unwrap_or(false)
}

/// Called by "Load demo badges" only (importing a demo file by hand does not count).
pub fn mark_demo_loaded() {
    let _ = gloo_storage::LocalStorage::set(DEMO_KEY, true);
    if let Some(t) = state() {
        t.demo_loaded.set(true);
    }
}

/// The learner's wallet as a viewer.
pub fn learner_viewer() -> Viewer {
    Viewer::Learner {
        demo_loaded: demo_loaded(),
    }
}

/// The trust inputs as signals (provided by the app), so issuer names update when they change.
#[derive(Clone, Copy)]
pub struct TrustState {
    pub registry: RwSignal<Arc<Registry>>,
    pub learner: RwSignal<Vec<String>>,
    pub demo_loaded: RwSignal<bool>,
}

impl TrustState {
    pub fn provide() {
        let registry = REGISTRY
            .with(|r| r.borrow().clone())
            .unwrap_or_else(|| Arc::new(bundled()));
        let t = TrustState {
            registry: RwSignal::new(registry),
            learner: RwSignal::new(learner_trusted()),
            demo_loaded: RwSignal::new(demo_loaded()),
        };
        STATE.with(|s| *s.borrow_mut() = Some(t));
        provide_context(t);
    }

    /// The label of an issuer for `viewer` (tracked: re-runs when an input changes), and the
    /// decision's name.
    pub fn label(
        self,
        viewer: Option<Viewer>,
        issuer_id: Option<&str>,
        declared: Option<&str>,
    ) -> (IssuerLabel, &'static str) {
        let viewer = viewer.unwrap_or(Viewer::Learner {
            demo_loaded: self.demo_loaded.get(),
        });
        let registry = self.registry.get();
        let learner = self.learner.get();
        let t: Trust<'_> = decide(issuer_id, &registry, &learner, viewer);
        (issuer_label(&t, declared, issuer_id), t.as_str())
    }
}
