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
    let by_browser = match picture::barcode_detector() {
        Some(d) => picture::detect_with(&d, &img.clone().into()).await,
        None => None,
    };
    let texts = match by_browser {
        Some(texts) => texts,
        None => match picture::picture_luma(&img) {
            Ok((w, h, luma)) => match read_in_worker(w, h, &luma).await {
                Some(texts) => texts,
                None => return PictureQr::Unread(reader_failed()),
            },
            Err(e) => return PictureQr::Unread(e),
        },
    };
    first_usable_in(crate::i18n::lang(), &texts).map_or(PictureQr::NoCode, PictureQr::Found)
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
