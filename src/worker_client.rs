//! The page's side of the verification worker (`src/bin/verify_worker.rs`, protocol in
//! `crate::verify_job`): all verification of the wallet runs there, never on the page.
//! Started on first use from the loader URL the boot script publishes
//! (`window.verifyWorkerUrl`, written by scripts/boot.mjs). A worker that fails (a credential
//! that makes it panic, its wasm not loading) answers `None` to what it was asked, and the next
//! [`get`] starts a fresh one, at most [`MAX_STARTS`] times per page; after that, or when no
//! worker can be started, [`get`] gives `None` and the caller reports the credentials as not
//! checked.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::report::StoredReport;
use crate::verify_job::{Item, Request, Response};

type Pending = Rc<RefCell<HashMap<u64, oneshot::Sender<Option<Response>>>>>;

type Settled = Rc<RefCell<Vec<Box<dyn FnOnce()>>>>;

pub struct VerifyWorker {
    worker: web_sys::Worker,
    pending: Pending,
    next_job: Cell<u64>,
    failed: Rc<Cell<bool>>,
    /// Its wasm is loaded and it answers.
    ready: Rc<Cell<bool>>,
    /// Called once it is ready or has failed.
    settled: Settled,
}

/// Starts the worker now (the wallet does so when it opens, so that its wasm is loaded while
/// the page is online) and calls `then` once it is ready to verify or cannot run.
pub fn start_now(then: impl FnOnce() + 'static) {
    match get() {
        Some(w) if !w.ready.get() && !w.failed.get() => w.settled.borrow_mut().push(Box::new(then)),
        _ => then(),
    }
}

fn settle(settled: &Settled) {
    for f in std::mem::take(&mut *settled.borrow_mut()) {
        f();
    }
}

/// Workers started per page at most (the first and the restarts after failures).
pub const MAX_STARTS: u32 = 8;

thread_local! {
    static WORKER: RefCell<Option<Rc<VerifyWorker>>> = const { RefCell::new(None) };
    static STARTS: Cell<u32> = const { Cell::new(0) };
}

/// A running worker: the current one, or a fresh one when there is none or it failed; `None`
/// when none can run (not published by the page, refused by the browser, too many failures).
pub fn get() -> Option<Rc<VerifyWorker>> {
    if let Some(w) = WORKER
        .with(|w| w.borrow().clone())
        .filter(|w| !w.failed.get())
    {
        return Some(w);
    }
    if STARTS.with(|n| n.get()) >= MAX_STARTS {
        return None;
    }
    STARTS.with(|n| n.set(n.get() + 1));
    if let Some(old) = WORKER.with(|w| w.borrow_mut().take()) {
        old.worker.terminate();
    }
    let started = start().map(Rc::new);
    WORKER.with(|w| *w.borrow_mut() = started.clone());
    started
}

fn start() -> Option<VerifyWorker> {
    let window = web_sys::window()?;
    let url = js_sys::Reflect::get(&window, &"verifyWorkerUrl".into())
        .ok()?
        .as_string()?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let pending: Pending = Rc::default();
    let failed = Rc::new(Cell::new(false));
    let ready = Rc::new(Cell::new(false));
    let settled: Settled = Rc::default();
    let (answers, broken) = (pending.clone(), failed.clone());
    let (is_ready, on_settled) = (ready.clone(), settled.clone());
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            if text == "ready" {
                is_ready.set(true);
                settle(&on_settled);
                return;
            }
            if text == "failed" {
                fail(&broken, &answers);
                settle(&on_settled);
                return;
            }
            let Ok(answer) = serde_json::from_str::<Response>(&text) else {
                return;
            };
            if let Some(tx) = answers.borrow_mut().remove(&answer.job) {
                let _ = tx.send(answer.error.is_none().then_some(answer));
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A worker that fails (its script missing, a panic: the loader then posts "failed")
    // answers nothing more, and later rounds verify on the main thread.
    let (broken, waiting, on_settled) = (failed.clone(), pending.clone(), settled.clone());
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
        fail(&broken, &waiting);
        settle(&on_settled);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(VerifyWorker {
        worker,
        pending,
        next_job: Cell::new(1),
        failed,
        ready,
        settled,
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
        let (job, answer) = self.ask();
        self.post(&Request::Verify {
            round,
            job,
            now,
            items,
        });
        answer.await.ok().flatten().map(|a| a.reports)
    }

    /// A new job number and where its answer will arrive.
    fn ask(&self) -> (u64, oneshot::Receiver<Option<Response>>) {
        let job = self.next_job.get();
        self.next_job.set(job + 1);
        let (tx, rx) = oneshot::channel();
        self.pending.borrow_mut().insert(job, tx);
        (job, rx)
    }

    /// The texts of the QR codes in a grey picture, or `None` when the worker could not answer
    /// (it failed on this picture: the next [`get`] starts a fresh one).
    pub async fn read_qr(&self, width: usize, height: usize, luma: &[u8]) -> Option<Vec<String>> {
        use base64::Engine;
        if self.failed.get() {
            return None;
        }
        let (job, answer) = self.ask();
        self.post(&Request::ReadQr {
            job,
            width,
            height,
            luma: base64::engine::general_purpose::STANDARD.encode(luma),
        });
        answer.await.ok().flatten().map(|a| a.codes)
    }
}
