//! "Scan a QR code": the camera's picture in the page until a QR code is read (then the camera
//! stops and what the code leads to is offered, `crate::qr_import`), the learner stops, the
//! view goes away, or [`SCAN_LIMIT_MS`] pass.

use leptos::prelude::*;
use wallet_share::scan::{Scanned, first_usable_in};

use crate::qr_import::{Codes, read_codes};

use crate::browser::{camera, picture};
use crate::wallet::Wallet;

/// Frames are read this often.
const FRAME_MS: i32 = 200;
/// The camera stops by itself after this long without a code.
const SCAN_LIMIT_MS: i32 = 120_000;

async fn scan(
    wallet: Wallet,
    scanning: RwSignal<bool>,
    status: RwSignal<Option<String>>,
    video: NodeRef<leptos::html::Video>,
) {
    let stream = match camera::open().await {
        Ok(s) => s,
        Err(e) => {
            let _ = status.try_set(Some(t!("import-camera-failed", reason = e)));
            let _ = scanning.try_set(false);
            return;
        }
    };
    let Some(v) = video.get_untracked() else {
        camera::stop(&stream);
        return;
    };
    v.set_src_object(Some(&stream));
    let _ = v.play();
    let pointing = t!("import-camera-point");
    let _ = status.try_set(Some(pointing.clone()));
    let detector = picture::barcode_detector();
    let mut waited = 0;
    let found: Option<Scanned> = loop {
        crate::browser::sleep(FRAME_MS).await;
        waited += FRAME_MS;
        if !scanning.try_get_untracked().unwrap_or(false) {
            break None;
        }
        if waited > SCAN_LIMIT_MS {
            let _ = status.try_set(Some(t!("import-camera-timeout")));
            break None;
        }
        let texts = match read_codes(detector.as_ref(), &v.clone().into(), || {
            Ok(picture::video_luma(&v))
        })
        .await
        {
            Codes::Read(texts) => texts,
            Codes::NoPixels | Codes::PixelsUnreadable(_) => continue,
            Codes::ReaderFailed => {
                let _ = status.try_set(Some(t!(
                    "import-camera-stopped",
                    reason = crate::qr_import::reader_failed()
                )));
                break None;
            }
        };
        if let Some(s) = first_usable_in(crate::i18n::lang(), &texts) {
            break Some(s);
        }
    };
    camera::stop(&stream);
    v.set_src_object(None);
    let _ = scanning.try_set(false);
    if let Some(s) = found {
        let _ = status.try_set(None);
        wallet.take_scanned(&t!("import-qr-source-camera"), s);
    } else if status.try_get_untracked().flatten() == Some(pointing) {
        let _ = status.try_set(None);
    }
}

#[component]
pub fn ScanQr() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let scanning = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let video: NodeRef<leptos::html::Video> = NodeRef::new();
    on_cleanup(move || {
        let _ = scanning.try_set(false);
    });
    let start = move |_| {
        if scanning.get_untracked() {
            return;
        }
        scanning.set(true);
        status.set(Some(t!("import-camera-opening")));
        leptos::task::spawn_local(scan(wallet, scanning, status, video));
    };
    view! {
        <div class="scan-qr">
            <button class="button secondary" data-testid="scan-qr" on:click=start disabled=move || scanning.get()>
                {t!("import-scan-qr")}
            </button>
            <div class="qr-scanner" hidden=move || !scanning.get()>
                <video node_ref=video data-testid="qr-video" autoplay=true muted=true playsinline=true aria-label=t!("import-camera-preview")></video>
                <button class="button secondary" data-testid="qr-scan-stop" on:click=move |_| scanning.set(false)>{t!("import-camera-stop")}</button>
            </div>
            {move || status.get().map(|s| view! { <p class="muted" role="status" data-testid="qr-scan-status">{s}</p> })}
        </div>
    }
}
