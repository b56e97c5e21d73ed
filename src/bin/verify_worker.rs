//! The verification worker's entry: the verification core and the message protocol of
//! `learner_wallet::verify_job`, nothing else (no views, no storage). Loaded by the wallet in a
//! dedicated Web Worker (the loader is written by scripts/boot.mjs); the page never blocks
//! while it verifies.

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static WORKER: RefCell<learner_wallet::verify_job::Worker> = RefCell::default();
}

/// One message in, the answer to post back (or nothing).
#[wasm_bindgen]
pub fn handle(message: &str) -> Option<String> {
    WORKER.with(|w| w.borrow_mut().handle(message))
}

fn main() {
    console_error_panic_hook::set_once();
}
