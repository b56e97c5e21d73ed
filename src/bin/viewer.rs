//! The employer's viewer entry (`learner_wallet::viewer::Viewer`): what a share link loads.

// The in-browser benchmark hooks live in the viewer: it is the entry that verifies on the page
// (the wallet verifies in its worker). tests/e2e/bench/verify-browser.mjs opens `#/s/`.
#[path = "../bench.rs"]
mod bench;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(learner_wallet::viewer::Viewer);
}
