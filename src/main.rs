//! The wallet's entry: the whole app (`learner_wallet::app::App`).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(learner_wallet::app::App);
}
