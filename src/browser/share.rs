//! Browser APIs the share panel uses: the clipboard, the Web Share sheet and printing.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::window;

fn js_get(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `navigator.clipboard.writeText(text)`; false when unavailable or refused.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let nav: JsValue = window().navigator().into();
    let Some(clip) = js_get(&nav, "clipboard") else {
        return false;
    };
    let Some(f) = js_get(&clip, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    match f.call1(&clip, &JsValue::from_str(text)) {
        Ok(p) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

pub fn can_web_share() -> bool {
    let nav: JsValue = window().navigator().into();
    js_get(&nav, "share").is_some()
}

/// `navigator.share({ title, text, url })`.
pub fn web_share(title: &str, url: &str) {
    let nav: JsValue = window().navigator().into();
    let Some(f) = js_get(&nav, "share").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &t!("share-web-text").into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    if let Ok(p) = f.call1(&nav, &data)
        && let Ok(p) = p.dyn_into::<js_sys::Promise>()
    {
        // A dismissed share sheet rejects: nothing to report.
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}

/// Prints only the share sheet (`.share-print`, see style/main.css).
pub fn print_share() {
    let root = window().document().and_then(|d| d.document_element());
    if let Some(r) = &root {
        let _ = r.class_list().add_1("printing-share");
    }
    let _ = window().print();
    if let Some(r) = &root {
        let _ = r.class_list().remove_1("printing-share");
    }
}
