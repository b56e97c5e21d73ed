//! The browser shell of the learner wallet: storage, routing and components on top of the pure
//! crates (`wallet-core`, `wallet-verify`, `wallet-pathways`, `wallet-share`). Keep logic that
//! can run natively in those crates.
//!
//! Two entries link this library (see ARCHITECTURE.md): the wallet (`src/main.rs`) and the
//! employer's viewer (`src/bin/viewer.rs`), which opens `#/s/…` share links with only the share
//! decoder, the verification core and the employer's view. Link-time optimisation keeps out of
//! each wasm what its entry never reaches, so a module used only by the wallet (storage,
//! import, backup, pathways UI, the share panel) must not be reached from the viewer's code.

// First, so that `t!` is in scope in every module after it.
#[macro_use]
pub mod i18n;
pub mod app;
pub mod browser;
pub mod components;
pub mod images;
pub mod importer;
pub mod qr_import;
pub mod report;
pub mod storage;
pub mod trust;
pub mod verification;
pub mod verify_job;
pub mod viewer;
pub mod wallet;
pub mod worker_client;
