//! Stored records this version cannot decode: counted (the app tells the learner), never dropped
//! or written over.

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use super::from_js;

/// A listener told a count.
type OnCount = Box<dyn Fn(usize)>;

thread_local! {
    /// Stored records found unreadable in this page, as (store, key).
    static UNREADABLE: RefCell<BTreeSet<(&'static str, String)>> = const { RefCell::new(BTreeSet::new()) };
    /// Told the number of unreadable records whenever it changes.
    static ON_UNREADABLE: RefCell<Option<OnCount>> = const { RefCell::new(None) };
}

/// Calls `on_count` with the number of stored records (credentials, whichever of their stores
/// holds the unreadable part) that could not be read, now and whenever it changes (the app shows
/// a notice while it is not zero).
pub fn watch_unreadable(on_count: impl Fn(usize) + 'static) {
    on_count(unreadable_count());
    ON_UNREADABLE.with(|w| *w.borrow_mut() = Some(Box::new(on_count)));
}

/// How many credentials have a stored record that could not be read.
fn unreadable_count() -> usize {
    UNREADABLE.with(|u| {
        u.borrow()
            .iter()
            .map(|(_, key)| key)
            .collect::<BTreeSet<_>>()
            .len()
    })
}

fn unreadable_changed() {
    let n = unreadable_count();
    ON_UNREADABLE.with(|w| {
        if let Some(f) = w.borrow().as_ref() {
            f(n)
        }
    });
}

/// Notes whether the record `key` of `store` could be read.
fn note_readable(store: &'static str, key: &str, readable: bool) {
    let changed = UNREADABLE.with(|u| {
        let mut u = u.borrow_mut();
        let entry = (store, key.to_string());
        if readable {
            u.remove(&entry)
        } else {
            u.insert(entry)
        }
    });
    if changed {
        unreadable_changed();
    }
}

/// Forgets what was noted about `stores` (before they are read again in full, or after a delete).
pub(super) fn forget_unreadable(stores: &[&str], key: Option<&str>) {
    let changed = UNREADABLE.with(|u| {
        let mut u = u.borrow_mut();
        let before = u.len();
        u.retain(|(s, k)| !(stores.contains(s) && key.is_none_or(|key| key == k.as_str())));
        before != u.len()
    });
    if changed {
        unreadable_changed();
    }
}

/// The key of a stored record (its `local_id`), whatever the rest of it holds.
fn key_of(value: &JsValue) -> String {
    js_sys::Reflect::get(value, &JsValue::from_str("local_id"))
        .ok()
        .and_then(|k| k.as_string())
        .unwrap_or_default()
}

/// Decodes a stored record of `store`. An undecodable one is noted (so the learner is told) and
/// gives `None`; the stored record itself is left as it is.
pub(super) fn decode<T: DeserializeOwned>(store: &'static str, value: JsValue) -> Option<T> {
    let key = key_of(&value);
    let out = from_js(value);
    note_readable(store, &key, out.is_some());
    out
}

/// Whether a stored value (if any) is one this wallet cannot read; noted when so.
pub(super) fn is_unreadable<T: DeserializeOwned>(
    store: &'static str,
    value: &Option<JsValue>,
) -> bool {
    value
        .as_ref()
        .is_some_and(|v| decode::<T>(store, v.clone()).is_none())
}
