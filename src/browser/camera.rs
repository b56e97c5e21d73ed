//! The camera, for scanning a QR code: a stream from `getUserMedia` (the back camera when
//! there is one), shown in a `<video>`, stopped as soon as a code is read or the learner stops.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::window;

/// Asks for the camera. The error says why in words a learner understands.
pub async fn open() -> Result<web_sys::MediaStream, String> {
    let devices = window().navigator().media_devices().map_err(|_| {
        "this browser gives no access to a camera here (it needs a secure https page)".to_string()
    })?;
    let constraints = web_sys::MediaStreamConstraints::new();
    let video = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &video,
        &JsValue::from_str("facingMode"),
        &JsValue::from_str("environment"),
    );
    constraints.set_video(&video);
    constraints.set_audio(&JsValue::FALSE);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| "the camera could not be asked for".to_string())?;
    match JsFuture::from(promise).await {
        Ok(stream) => stream
            .dyn_into()
            .map_err(|_| "the camera gave no video".to_string()),
        Err(e) => Err(
            match e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .as_deref()
            {
                Some("NotAllowedError") => "permission to use the camera was refused".to_string(),
                Some("NotFoundError" | "OverconstrainedError") => "no camera was found".to_string(),
                Some("NotReadableError") => {
                    "the camera is in use by another application".to_string()
                }
                _ => "the camera could not be opened".to_string(),
            },
        ),
    }
}

/// Stops every track of `stream` (the camera light goes off).
pub fn stop(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}
