//! Images on screen and in storage, made so that none can run anything.
//!
//! Every image the wallet stores or shows passes through here, and here only the bytes decide
//! (`wallet_core::image::classify`): a raster image becomes a Blob (and a `blob:` URL) of its
//! *sniffed* type; an SVG is rasterized to PNG through an `<img>` of an inert `data:` URL (an
//! `<img>` never runs script; the wallet never serves the SVG itself); anything else gives no
//! image, and the views show a neutral placeholder. Stored records from older versions (SVG
//! Blobs) are sniffed again when shown, so they are safe too.
//!
//! Invariant: every URL returned by this module is a `blob:` URL of a Blob whose type is the
//! sniffed raster type of its bytes. Opening it in a tab shows a picture and runs nothing.

use wallet_core::image::{
    ImageKind, Raster, SNIFF_BYTES, StoredImage, classify, sniff_raster, stored_image, svg_data_url,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser;

/// Longest side of a rasterized SVG (CSS shows card and detail images far smaller; this keeps
/// them sharp on high-density screens).
const RASTER_SIDE: f64 = 512.0;

/// The image to store for `bytes`: (sniffed raster MIME type, bytes), an SVG rasterized to PNG,
/// or `None` (not an image the wallet shows).
pub async fn for_storage(bytes: &[u8]) -> Option<(String, Vec<u8>)> {
    match classify(bytes) {
        ImageKind::Raster(r) => Some((r.mime().to_string(), bytes.to_vec())),
        ImageKind::Svg => rasterize_svg(bytes)
            .await
            .map(|png| (Raster::Png.mime().to_string(), png)),
        ImageKind::Other => None,
    }
}

/// A `blob:` URL to show `bytes` (see the module invariant), or `None`.
pub async fn url_for_bytes(bytes: &[u8]) -> Option<String> {
    let (mime, bytes) = for_storage(bytes).await?;
    let blob = browser::blob(&bytes, &mime).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// A `blob:` URL to show a stored image Blob, decided from its bytes, not from its stored type.
pub async fn url_for_blob(blob: &web_sys::Blob) -> Option<String> {
    let size = blob.size();
    // A Blob's size is a whole number of bytes; anything else (negative, NaN) counts as empty.
    let bytes_long = if size > 0.0 { size as u64 } else { 0 };
    if stored_image(bytes_long, &[]) == StoredImage::Nothing {
        return None;
    }
    let head = blob.slice_with_f64_and_f64(0.0, SNIFF_BYTES as f64).ok()?;
    let head = browser::read_blob(&head).await.ok()?;
    match stored_image(bytes_long, &head) {
        StoredImage::Raster(raster) => {
            let typed = if blob.type_() == raster.mime() {
                blob.clone()
            } else {
                blob.slice_with_f64_and_f64_and_content_type(0.0, size, raster.mime())
                    .ok()?
            };
            web_sys::Url::create_object_url_with_blob(&typed).ok()
        }
        // Not a raster image: an SVG stored by an older version, or junk.
        StoredImage::ReadAll => {
            let bytes = browser::read_blob(blob).await.ok()?;
            url_for_bytes(&bytes).await
        }
        StoredImage::Nothing => None,
    }
}

/// Releases a URL made here.
pub fn release(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Draws an SVG into a canvas through an `<img>` of an inert `data:` URL and returns PNG bytes.
/// `None` when the browser cannot decode it (broken SVG) or refuses to export the canvas.
async fn rasterize_svg(bytes: &[u8]) -> Option<Vec<u8>> {
    let document = browser::window().document()?;
    let img = web_sys::HtmlImageElement::new().ok()?;
    img.set_src(&svg_data_url(bytes));
    JsFuture::from(img.decode()).await.ok()?;
    let (w, h) = (img.natural_width() as f64, img.natural_height() as f64);
    let (w, h) = if w > 0.0 && h > 0.0 {
        (w, h)
    } else {
        (RASTER_SIDE, RASTER_SIDE)
    };
    let scale = RASTER_SIDE / w.max(h);
    let (cw, ch) = ((w * scale).round().max(1.0), (h * scale).round().max(1.0));
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(cw as u32);
    canvas.set_height(ch as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, cw, ch)
        .ok()?;
    let url = canvas.to_data_url_with_type("image/png").ok()?;
    let png = wallet_core::image::decode_data_url(&url)?;
    (sniff_raster(&png) == Some(Raster::Png)).then_some(png)
}
