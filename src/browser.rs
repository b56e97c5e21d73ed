//! Small wrappers over browser APIs used by the shell (files, fetch, downloads, timers, URLs);
//! the clipboard, Web Share and printing of the share panel are in [`share`]; pictures and
//! camera frames as pixels for QR reading in [`picture`] and [`camera`].

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub mod camera;
pub mod picture;
pub mod share;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// The page URL without its fragment: the base of every share link the wallet makes (works
/// from any host and sub-path).
pub fn page_base() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

fn js_err(e: JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| t!("import-unknown-error"))
}

/// A Blob of the given bytes and MIME type.
pub fn blob(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, String> {
    let parts = Array::new();
    parts.push(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js_err)
}

/// Reads a File (or Blob) into bytes.
pub async fn read_blob(blob: &web_sys::Blob) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(js_err)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser paint and handle input (used between chunks of long work).
pub async fn yield_now() {
    sleep(0).await;
}

/// Waits `ms` milliseconds (a `setTimeout`).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// The outcome of fetching a URL for import.
pub enum Fetched {
    Bytes(Vec<u8>),
    Failed(String),
}

/// Every fetch gives up after this long (the whole request: headers and body).
pub const FETCH_TIMEOUT_MS: u32 = 10_000;
/// Every fetch refuses a body larger than this (10 MiB).
pub const FETCH_MAX_BYTES: usize = 10 * 1024 * 1024;
/// What a fetch of a badge or of a document verification needs asks for.
pub const ACCEPT_DOCUMENT: &str =
    "application/ld+json, application/json, application/jwt, image/png, image/svg+xml, */*";
/// What a fetch of a credential's image asks for.
pub const ACCEPT_IMAGE: &str =
    "image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml;q=0.8";

/// Why a bounded fetch gave nothing. One variant per reason a person is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// Not `https:`, loopback `http:` or the wallet's own origin; or not a URL at all.
    NotAllowed(String),
    /// The browser says it is offline; nothing was tried.
    Offline,
    /// A network error or a CORS refusal (the browser does not say which).
    Unreachable,
    /// No complete answer within the time limit (milliseconds).
    TimedOut(u32),
    /// The answer is (or grew) larger than the limit (bytes).
    TooLarge(usize),
    /// The server answered with an error status.
    Http(u16, String),
    /// The body could not be read.
    Read(String),
}

impl FetchError {
    /// A short clause: "it did not answer within 10 s".
    pub fn reason(&self) -> String {
        match self {
            FetchError::NotAllowed(why) => why.clone(),
            FetchError::Offline => t!("import-fetch-offline"),
            FetchError::Unreachable => t!("import-fetch-unreachable"),
            FetchError::TimedOut(ms) => t!("import-fetch-timed-out", seconds = ms / 1000),
            FetchError::TooLarge(max) => t!("import-fetch-too-large", max = max / (1024 * 1024)),
            FetchError::Http(code, text) => {
                t!("import-fetch-http", code = *code, status = text.as_str())
                    .trim_end()
                    .to_string()
            }
            FetchError::Read(why) => t!("import-fetch-read", reason = why),
        }
    }
}

/// Whether the wallet may fetch `url`: `https:`, `http:` on a loopback host (127.0.0.0/8,
/// `localhost`, `[::1]`), or the wallet's own origin. `Err` says why not.
pub fn fetch_allowed(url: &str) -> Result<String, String> {
    let base = window().location().href().unwrap_or_default();
    let parsed = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| t!("import-fetch-not-a-web-address", url = url))?;
    let href = parsed.href();
    match parsed.protocol().as_str() {
        "https:" => Ok(href),
        "http:" => {
            let host = parsed.hostname().to_ascii_lowercase();
            let loopback = host == "localhost"
                || host == "[::1]"
                || host.strip_prefix("127.").is_some_and(|r| {
                    r.split('.').count() == 3 && r.split('.').all(|p| p.parse::<u8>().is_ok())
                });
            let own = window().location().origin().ok() == Some(parsed.origin());
            if loopback || own {
                Ok(href)
            } else {
                Err(t!("import-fetch-only-https", url = href))
            }
        }
        other => Err(t!("import-fetch-only-https-scheme", scheme = other)),
    }
}

/// Fetches `url` with a time limit and a size limit: `https:` or loopback `http:` only; the
/// request is aborted (AbortController) after `timeout_ms`, a `Content-Length` above
/// `max_bytes` is refused before reading, and the body is read as a stream that stops as
/// soon as it passes `max_bytes`. Shared by every fetch of the shell (imports, verification
/// documents, images).
pub async fn fetch_bounded(
    url: &str,
    accept: &str,
    max_bytes: usize,
    timeout_ms: u32,
) -> Result<Vec<u8>, FetchError> {
    let href = fetch_allowed(url).map_err(FetchError::NotAllowed)?;
    // Offline, only this deployment's own files are asked for (demo badges, pathways, the trust
    // registry): the service worker (sw.js) answers them from its cache.
    let offline = !window().navigator().on_line();
    if offline && !same_origin(&href) {
        return Err(FetchError::Offline);
    }
    let controller = web_sys::AbortController::new().map_err(|e| FetchError::Read(js_err(e)))?;
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let on_timeout = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.unchecked_ref(),
            i32::try_from(timeout_ms).unwrap_or(i32::MAX),
        )
        .ok();
    let result = fetch_with_signal(&href, accept, &controller, max_bytes).await;
    if let Some(t) = timer {
        window().clear_timeout_with_handle(t);
    }
    match result {
        Err(_) if timed_out.get() => Err(FetchError::TimedOut(timeout_ms)),
        Err(FetchError::Unreachable) if offline => Err(FetchError::Offline),
        Err(e) => {
            if matches!(e, FetchError::TooLarge(_)) {
                controller.abort();
            }
            Err(e)
        }
        ok => ok,
    }
}

async fn fetch_with_signal(
    href: &str,
    accept: &str,
    controller: &web_sys::AbortController,
    max_bytes: usize,
) -> Result<Vec<u8>, FetchError> {
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_mode(web_sys::RequestMode::Cors);
    // Nothing about the learner goes with a request: no cookies, no referring page.
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    init.set_signal(Some(&controller.signal()));
    let headers = web_sys::Headers::new().map_err(|e| FetchError::Read(js_err(e)))?;
    let _ = headers.set("Accept", accept);
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(href, &init)
        .map_err(|e| FetchError::NotAllowed(t!("import-fetch-bad-url", detail = js_err(e))))?;
    let response = JsFuture::from(window().fetch_with_request(&request))
        .await
        .map_err(|_| FetchError::Unreachable)?
        .unchecked_into::<web_sys::Response>();
    if !response.ok() {
        return Err(FetchError::Http(response.status(), response.status_text()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes as u64) {
        return Err(FetchError::TooLarge(max_bytes));
    }
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut out: Vec<u8> = Vec::with_capacity(declared.map_or(0, |n| n as usize));
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| FetchError::Read(js_err(e)))?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(|e| FetchError::Read(js_err(e)))?;
        let bytes = Uint8Array::new(&value);
        if out.len() + bytes.length() as usize > max_bytes {
            let _ = reader.cancel();
            return Err(FetchError::TooLarge(max_bytes));
        }
        let start = out.len();
        out.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut out[start..]);
    }
    Ok(out)
}

/// Fetches a badge URL (bounded like every fetch). A failure is explained in plain words.
pub async fn fetch_bytes(url: &str) -> Fetched {
    match fetch_bounded(url, ACCEPT_DOCUMENT, FETCH_MAX_BYTES, FETCH_TIMEOUT_MS).await {
        Ok(bytes) => Fetched::Bytes(bytes),
        Err(FetchError::NotAllowed(why)) => {
            Fetched::Failed(t!("import-download-not-allowed", reason = why))
        }
        Err(FetchError::Offline) => Fetched::Failed(t!("import-download-offline", url = url)),
        Err(FetchError::Unreachable) => {
            Fetched::Failed(t!("import-download-unreachable", url = url))
        }
        Err(FetchError::Http(code, text)) => Fetched::Failed(t!(
            "import-download-http",
            url = url,
            code = code,
            status = text
        )),
        Err(e) => Fetched::Failed(t!("import-download-failed", url = url, reason = e.reason())),
    }
}

/// Offers bytes to the user as a downloaded file.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let blob = blob(bytes, mime)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_err)?;
    let document = window()
        .document()
        .ok_or_else(|| t!("import-browser-no-document"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_err)?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none").ok();
    document
        .body()
        .ok_or_else(|| t!("import-browser-no-body"))?
        .append_child(&a)
        .map_err(js_err)?;
    a.click();
    a.remove();
    // Revoke later: the download has started by then.
    let url2 = url.clone();
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
    });
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 10_000);
    Ok(())
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today's date as YYYY-MM-DD (UTC).
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// The files of a FileList as a Vec.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return vec![] };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Whether `href` is on this page's origin (this deployment's own files).
fn same_origin(href: &str) -> bool {
    web_sys::Url::new(href).is_ok_and(|u| window().location().origin().ok() == Some(u.origin()))
}

/// Resolves a relative URL (like `demo/index.json`) against the page, so the app works under any sub-path.
pub fn resolve_url(relative: &str) -> String {
    let base = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(relative, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| relative.to_string())
}

/// Fetches a credential's image (bounded like every fetch). The caller decides from the bytes
/// what it is; the server's `Content-Type` is ignored.
pub async fn fetch_image(url: &str) -> Result<Vec<u8>, FetchError> {
    fetch_bounded(
        url,
        ACCEPT_IMAGE,
        wallet_core::image::MAX_IMAGE_BYTES,
        FETCH_TIMEOUT_MS,
    )
    .await
}
