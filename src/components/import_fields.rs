//! The pieces the two import panels share — badges (`import_panel.rs`) and pathway files
//! (`pathways.rs`): the paste field, the link form and the file button (one markup each,
//! the test ids passed in), and the first steps of their handlers.

use leptos::ev::{Event, MouseEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;

use crate::browser;

/// A labelled textarea bound to `value`, and the button that submits it.
#[component]
pub fn PasteField(
    /// The textarea's `id` and `data-testid`.
    id: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    button_testid: &'static str,
    #[prop(into)] button_label: String,
    #[prop(into)] disabled: Signal<bool>,
    on_submit: impl FnMut(MouseEvent) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea
                id=id
                rows="4"
                spellcheck="false"
                data-testid=id
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <button class="button" data-testid=button_testid on:click=on_submit disabled=move || disabled.get()>
                {button_label}
            </button>
        </div>
    }
}

/// A form with a labelled URL input bound to `value`, and its submit button.
#[component]
pub fn LinkForm(
    /// The input's `id` and `data-testid`.
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] placeholder: String,
    value: RwSignal<String>,
    button_testid: &'static str,
    #[prop(into)] button_label: String,
    #[prop(into)] disabled: Signal<bool>,
    on_submit: impl FnMut(SubmitEvent) + 'static,
) -> impl IntoView {
    view! {
        <form class="field" on:submit=on_submit>
            <label for=id>{label}</label>
            <input
                id=id
                type="url"
                placeholder=placeholder
                data-testid=id
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <button class="button" type="submit" data-testid=button_testid disabled=move || disabled.get()>
                {button_label}
            </button>
        </form>
    }
}

/// A button-styled label around a hidden file input.
#[component]
pub fn FileButton(
    /// The label's classes.
    label_class: &'static str,
    #[prop(into)] label: String,
    /// The input's `data-testid`.
    testid: &'static str,
    accept: &'static str,
    multiple: bool,
    input_ref: NodeRef<html::Input>,
    on_change: impl FnMut(Event) + 'static,
) -> impl IntoView {
    view! {
        <label class=label_class>
            {label}
            <input
                type="file"
                multiple=multiple
                class="visually-hidden"
                accept=accept
                data-testid=testid
                node_ref=input_ref
                on:change=on_change
            />
        </label>
    }
}

/// The pasted text, unless it is blank.
pub fn pasted(text: RwSignal<String>) -> Option<String> {
    let t = text.get_untracked();
    (!t.trim().is_empty()).then_some(t)
}

/// On a link form's submit: keeps the page where it is and gives the trimmed link, if any.
pub fn submitted_link(ev: &SubmitEvent, url: RwSignal<String>) -> Option<String> {
    ev.prevent_default();
    let u = url.get_untracked().trim().to_string();
    (!u.is_empty()).then_some(u)
}

/// The files chosen in a file input, which is then cleared (so that choosing the same file
/// again is a change too). `None` before the input is mounted.
pub fn take_files(input: NodeRef<html::Input>) -> Option<Vec<web_sys::File>> {
    let input = input.get()?;
    let files = browser::files_of(input.files());
    input.set_value("");
    Some(files)
}
