//! The camera, for scanning a QR code: a stream from `getUserMedia` (the back camera when
//! there is one), shown in a `<video>`, stopped as soon as a code is read or the learner stops.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::window;

/// Asks for the camera. The error says why in words a learner understands.
pub async fn open() -> Result<web_sys::MediaStream, String> {
    let devices = window()
        .navigator()
        .media_devices()
        .map_err(|_| t!("import-camera-no-access"))?;
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
        .map_err(|_| t!("import-camera-not-asked"))?;
    match JsFuture::from(promise).await {
        Ok(stream) => stream.dyn_into().map_err(|_| t!("import-camera-no-video")),
        Err(e) => Err(
            match e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .as_deref()
            {
                Some("NotAllowedError") => t!("import-camera-refused"),
                Some("NotFoundError" | "OverconstrainedError") => t!("import-camera-not-found"),
                Some("NotReadableError") => t!("import-camera-busy"),
                _ => t!("import-camera-not-opened"),
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
