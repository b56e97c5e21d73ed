//! The employer's viewer entry (`learner_wallet::viewer::Viewer`): what a share link loads.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(learner_wallet::viewer::Viewer);
}
