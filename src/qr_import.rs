//! QR import in the shell: a picture given to the importer, or the camera, is read for QR
//! codes (the browser's `BarcodeDetector` where it has one, else `wallet_core::qr` on the
//! pixels, in the verification worker), and what the first usable code leads to (`wallet_share::scan`) is offered: a share
//! link's credentials are shown and added on the learner's confirmation, an address goes to
//! the deep-link confirmation (`#/import?url=…`), anything else is a message.

use wallet_core::qr::picture_size;
use wallet_share::scan::{Scanned, first_usable_in};

use crate::browser::picture;
use crate::importer::Line;

/// Credentials a QR code offers, waiting for the learner's confirmation.
/// Invariant: `scanned` is [`Scanned::Credentials`].
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    /// Where the code was read: a file name or "the camera".
    pub source: String,
    pub scanned: Scanned,
}

/// What a picture's QR codes lead to.
pub enum PictureQr {
    Found(Scanned),
    NoCode,
    /// Not read: the reason (too large, undecodable…).
    Unread(String),
}

/// Reads a picture (PNG, JPEG, GIF, WebP) for QR codes; its declared size is checked first.
pub async fn read_picture(bytes: &[u8]) -> PictureQr {
    let (raster, w, h) = match picture_size(bytes) {
        Ok(size) => size,
        Err(e) => return PictureQr::Unread(e.message(crate::i18n::lang())),
    };
    let img = match picture::decoded_picture(bytes, raster, w, h).await {
        Ok(img) => img,
        Err(e) => return PictureQr::Unread(e),
    };
    let texts = match read_codes(
        picture::barcode_detector().as_ref(),
        &img.clone().into(),
        || picture::picture_luma(&img).map(Some),
    )
    .await
    {
        Codes::Read(texts) => texts,
        Codes::NoPixels => return PictureQr::NoCode,
        Codes::PixelsUnreadable(e) => return PictureQr::Unread(e),
        Codes::ReaderFailed => return PictureQr::Unread(reader_failed()),
    };
    first_usable_in(crate::i18n::lang(), &texts).map_or(PictureQr::NoCode, PictureQr::Found)
}

/// What reading one image's QR codes gave.
pub enum Codes {
    /// The codes' texts (none: no code in the image).
    Read(Vec<String>),
    /// The image has no pixels yet (a camera frame not ready).
    NoPixels,
    /// Its pixels could not be read: why.
    PixelsUnreadable(String),
    /// The reader failed on it (in the worker).
    ReaderFailed,
}

/// Reads the QR codes of one image, a picture or a camera frame: with the browser's
/// `BarcodeDetector` when there is one, else from its grey pixels (`pixels`, taken only then)
/// in the worker.
pub async fn read_codes(
    detector: Option<&wasm_bindgen::JsValue>,
    source: &wasm_bindgen::JsValue,
    pixels: impl FnOnce() -> Result<Option<picture::Luma>, String>,
) -> Codes {
    if let Some(d) = detector
        && let Some(texts) = picture::detect_with(d, source).await
    {
        return Codes::Read(texts);
    }
    match pixels() {
        Ok(Some((w, h, luma))) => match read_in_worker(w, h, &luma).await {
            Some(texts) => Codes::Read(texts),
            None => Codes::ReaderFailed,
        },
        Ok(None) => Codes::NoPixels,
        Err(e) => Codes::PixelsUnreadable(e),
    }
}

/// Said when the QR reader could not finish on a picture (it failed in the worker).
pub fn reader_failed() -> String {
    t!("import-qr-reader-failed")
}

/// Reads QR codes in the verification worker (`crate::verify_job::Request::ReadQr`): the
/// reader panics on some pictures, and a panic there ends the worker, never the wallet.
/// `None` when no worker could answer.
pub async fn read_in_worker(width: usize, height: usize, luma: &[u8]) -> Option<Vec<String>> {
    crate::worker_client::get()?
        .read_qr(width, height, luma)
        .await
}

/// A picture the importer found no badge in (`line` says so): what its QR code offers, or the
/// line, saying also what was found about a QR code.
pub async fn after_no_badge(line: Line, bytes: &[u8]) -> Result<Scanned, Line> {
    let message = match read_picture(bytes).await {
        PictureQr::Found(Scanned::Unusable(m)) => m,
        PictureQr::Found(offer) => return Ok(offer),
        PictureQr::NoCode => t!("import-picture-no-qr", message = &line.message),
        PictureQr::Unread(why) => {
            t!(
                "import-picture-qr-unread",
                message = &line.message,
                reason = why
            )
        }
    };
    Err(Line { message, ..line })
}
