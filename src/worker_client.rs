//! The page's side of the verification worker (`src/bin/verify_worker.rs`, protocol in
//! `crate::verify_job`). Started once, on first use, from the loader URL the boot script
//! publishes (`window.verifyWorkerUrl`, written by scripts/boot.mjs). If it cannot be started,
//! or fails later, [`get`] gives `None` and the caller verifies on the main thread instead
//! (time-sliced, as before the worker existed): the reports are the same either way.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::report::StoredReport;
use crate::verify_job::{Item, Request, Response};

type Pending = Rc<RefCell<HashMap<u64, oneshot::Sender<Option<Vec<StoredReport>>>>>>;

pub struct VerifyWorker {
    worker: web_sys::Worker,
    pending: Pending,
    next_job: Cell<u64>,
    failed: Rc<Cell<bool>>,
}

thread_local! {
    static WORKER: RefCell<Option<Rc<VerifyWorker>>> = const { RefCell::new(None) };
    static TRIED: Cell<bool> = const { Cell::new(false) };
}

/// The running worker, started on first call; `None` when there is none (not published by
/// the page, refused by the browser, or failed since).
pub fn get() -> Option<Rc<VerifyWorker>> {
    if !TRIED.with(|t| t.replace(true)) {
        let started = start();
        WORKER.with(|w| *w.borrow_mut() = started.map(Rc::new));
    }
    WORKER
        .with(|w| w.borrow().clone())
        .filter(|w| !w.failed.get())
}

fn start() -> Option<VerifyWorker> {
    let window = web_sys::window()?;
    let url = js_sys::Reflect::get(&window, &"verifyWorkerUrl".into())
        .ok()?
        .as_string()?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let pending: Pending = Rc::default();
    let failed = Rc::new(Cell::new(false));
    let (answers, broken) = (pending.clone(), failed.clone());
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            if text == "failed" {
                fail(&broken, &answers);
                return;
            }
            let Ok(answer) = serde_json::from_str::<Response>(&text) else {
                return;
            };
            if let Some(tx) = answers.borrow_mut().remove(&answer.job) {
                let _ = tx.send(answer.error.is_none().then_some(answer.reports));
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A worker that fails (its script missing, a panic: the loader then posts "failed")
    // answers nothing more, and later rounds verify on the main thread.
    let (broken, waiting) = (failed.clone(), pending.clone());
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
        fail(&broken, &waiting);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(VerifyWorker {
        worker,
        pending,
        next_job: Cell::new(1),
        failed,
    })
}

/// The worker failed: it answers nothing more; every waiting request gets `None`.
fn fail(failed: &Cell<bool>, pending: &Pending) {
    failed.set(true);
    for (_, tx) in pending.borrow_mut().drain() {
        let _ = tx.send(None);
    }
}

impl VerifyWorker {
    /// Posts a message that has no answer (`round`, `resolved`, `end`).
    pub fn post(&self, request: &Request) {
        if let Ok(text) = serde_json::to_string(request) {
            let _ = self.worker.post_message(&text.into());
        }
    }

    /// The reports of `items` (one per item that parses, in order), or `None` when the worker
    /// could not answer.
    pub async fn verify(
        &self,
        round: u64,
        now: String,
        items: Vec<Item>,
    ) -> Option<Vec<StoredReport>> {
        if self.failed.get() {
            return None;
        }
        let job = self.next_job.get();
        self.next_job.set(job + 1);
        let (tx, rx) = oneshot::channel();
        self.pending.borrow_mut().insert(job, tx);
        self.post(&Request::Verify {
            round,
            job,
            now,
            items,
        });
        rx.await.ok().flatten()
    }
}
