//! Other tabs are told of every change on the `learner-wallet` BroadcastChannel.

use wasm_bindgen::{JsCast, JsValue};

const CHANNEL: &str = "learner-wallet";

thread_local! {
    /// One channel object per page: a BroadcastChannel does not hear its own messages,
    /// so this tab is not woken by its own writes.
    static TAB_CHANNEL: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANNEL).ok();
}

pub(super) fn notify_other_tabs() {
    TAB_CHANNEL.with(|c| {
        if let Some(channel) = c {
            let _ = channel.post_message(&JsValue::from_str("changed"));
        }
    });
}

/// Calls `on_change` whenever another tab changed the wallet.
pub fn listen_to_other_tabs(on_change: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    TAB_CHANNEL.with(|c| {
        if let Some(channel) = c {
            let callback = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| on_change());
            channel.set_onmessage(Some(callback.as_ref().unchecked_ref()));
            // Lives as long as the page.
            callback.forget();
        }
    });
}
