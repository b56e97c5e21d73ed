//! Pictures and camera frames as greyscale pixels, for QR reading (`wallet_core::qr`), and the
//! browser's own QR reader (`BarcodeDetector`) where it exists.
//!
//! A picture is decoded by the browser through an `<img>` of a Blob typed from its sniffed
//! format (never run, never shown), only after `wallet_core::qr::picture_size` has read its
//! declared size from the header and refused anything over its cap; it is then drawn scaled
//! down to at most `wallet_core::qr::MAX_SIDE` on its longest side.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use wallet_core::image::Raster;
use wallet_core::qr::{luma_of_rgba, scaled_size};

use super::window;

/// Greyscale pixels: (width, height, one byte per pixel, row by row).
pub type Luma = (usize, usize, Vec<u8>);

/// Draws `source` (an `<img>` or `<video>`) at `w × h` and reads its pixels as grey.
fn draw_luma(source: &DrawSource, w: u32, h: u32) -> Result<Luma, String> {
    let (w, h) = scaled_size(w, h);
    let document = window()
        .document()
        .ok_or_else(|| t!("import-browser-no-document"))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| t!("import-browser-no-canvas"))?
        .dyn_into()
        .map_err(|_| t!("import-browser-no-canvas"))?;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| t!("import-browser-no-2d-canvas"))?;
    let (fw, fh) = (f64::from(w), f64::from(h));
    let drawn = match source {
        DrawSource::Image(img) => {
            ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, fw, fh)
        }
        DrawSource::Video(v) => {
            ctx.draw_image_with_html_video_element_and_dw_and_dh(v, 0.0, 0.0, fw, fh)
        }
    };
    drawn.map_err(|_| t!("import-picture-not-drawn"))?;
    let data = ctx
        .get_image_data(0.0, 0.0, fw, fh)
        .map_err(|_| t!("import-picture-pixels-unread"))?;
    Ok((w as usize, h as usize, luma_of_rgba(&data.data())))
}

enum DrawSource<'a> {
    Image(&'a web_sys::HtmlImageElement),
    Video(&'a web_sys::HtmlVideoElement),
}

/// A picture whose format and declared size the core has checked, decoded by the browser in
/// an `<img>` that is never attached to the page.
pub async fn decoded_picture(
    bytes: &[u8],
    raster: Raster,
    w: u32,
    h: u32,
) -> Result<web_sys::HtmlImageElement, String> {
    let blob = super::blob(bytes, raster.mime())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| t!("import-browser-no-object-url"))?;
    let img =
        web_sys::HtmlImageElement::new().map_err(|_| t!("import-browser-no-image-element"))?;
    img.set_src(&url);
    let decoded = JsFuture::from(img.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(|_| t!("import-picture-undecodable"))?;
    // The decoded size must be what the header declared (that is what was checked).
    if img.natural_width() != w || img.natural_height() != h {
        return Err(t!("import-picture-size-mismatch"));
    }
    Ok(img)
}

/// The grey pixels of a decoded picture, scaled down to the reading size.
pub fn picture_luma(img: &web_sys::HtmlImageElement) -> Result<Luma, String> {
    draw_luma(
        &DrawSource::Image(img),
        img.natural_width(),
        img.natural_height(),
    )
}

/// The grey pixels of a camera's current frame; `None` before the first frame.
pub fn video_luma(video: &web_sys::HtmlVideoElement) -> Option<Luma> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return None;
    }
    draw_luma(&DrawSource::Video(video), w, h).ok()
}

/// The browser's `BarcodeDetector` for QR codes, when it has one (Chromium on Android, macOS,
/// ChromeOS; not on Linux or Windows, nor Firefox).
pub fn barcode_detector() -> Option<JsValue> {
    let ctor = js_sys::Reflect::get(&window(), &JsValue::from_str("BarcodeDetector")).ok()?;
    let ctor: js_sys::Function = ctor.dyn_into().ok()?;
    let options = js_sys::Object::new();
    let formats = js_sys::Array::of1(&JsValue::from_str("qr_code"));
    js_sys::Reflect::set(&options, &JsValue::from_str("formats"), &formats).ok()?;
    js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&options)).ok()
}

/// The texts of the QR codes `detector` finds in `source` (an image, video or canvas); `None`
/// when it fails (the caller then reads the pixels itself).
pub async fn detect_with(detector: &JsValue, source: &JsValue) -> Option<Vec<String>> {
    let detect: js_sys::Function = js_sys::Reflect::get(detector, &JsValue::from_str("detect"))
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = detect.call1(detector, source).ok()?.dyn_into().ok()?;
    let found = JsFuture::from(promise).await.ok()?;
    let found: js_sys::Array = found.dyn_into().ok()?;
    Some(
        found
            .iter()
            .filter_map(|c| {
                js_sys::Reflect::get(&c, &JsValue::from_str("rawValue"))
                    .ok()?
                    .as_string()
            })
            .take(wallet_core::qr::MAX_CODES)
            .collect(),
    )
}
