//! The browser shell of the learner wallet: storage, routing and components on top of the pure
//! core (`wallet-core`). Keep logic that can run natively in the core.

mod app;
mod bench;
mod browser;
mod components;
mod images;
mod importer;
mod storage;
mod trust;
mod verification;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
