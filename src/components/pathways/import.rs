//! "Add a pathway": a pathway file pasted, chosen or fetched from a link, checked with the
//! loaded pathways (`wallet_pathways::files::add_file`) and kept in this browser.

use leptos::prelude::*;
use wallet_core::safe_link;
use wallet_pathways::files::{check_file_size, name_from_url};

use super::state::PathwaysState;
use crate::browser;
use crate::components::import_fields::{
    FileButton, LinkForm, PasteField, pasted, submitted_link, take_files,
};

/// The import panel's result: one line, or a list of problems.
fn message_view(ok: bool, lines: Vec<String>) -> impl IntoView {
    view! {
        <div class=if ok { "result added" } else { "result error" } data-outcome=if ok { "added" } else { "error" }>
            {if lines.len() == 1 {
                view! { <span>{lines[0].clone()}</span> }.into_any()
            } else {
                view! { <ul class="error-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
            }}
        </div>
    }
}

/// Import a pathway file: paste, file, or URL.
#[component]
pub(super) fn PathwayImport() -> impl IntoView {
    let state = expect_context::<PathwaysState>();
    let text = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let not_ready = move || state.busy.get() || state.loaded.with(|l| l.is_none());

    let submit_text = move |_| {
        let Some(t) = pasted(text) else {
            state.say(false, vec![t!("pathway-import-paste-first")]);
            return;
        };
        if state.import(t!("pathway-import-pasted-name"), t) {
            text.set(String::new());
        }
    };
    let on_file = move |_| {
        let Some(files) = take_files(file_input) else {
            return;
        };
        leptos::task::spawn_local(async move {
            state.busy.set(true);
            for f in files {
                let name = f.name();
                if let Err(e) = check_file_size(&name, f.size()) {
                    state.say(false, e.lines(crate::i18n::lang()));
                    continue;
                }
                match browser::read_blob(&f).await {
                    Ok(bytes) => {
                        state.import(name, String::from_utf8_lossy(&bytes).into_owned());
                    }
                    Err(e) => state.say(
                        false,
                        vec![t!("pathway-import-read-error", name = &name, error = e)],
                    ),
                }
            }
            state.busy.set(false);
        });
    };
    let submit_url = move |ev: leptos::ev::SubmitEvent| {
        let Some(u) = submitted_link(&ev, url) else {
            return;
        };
        if safe_link(&u).is_none() {
            state.say(false, vec![t!("pathway-import-link-invalid")]);
            return;
        }
        leptos::task::spawn_local(async move {
            state.busy.set(true);
            let name = name_from_url(&u);
            match browser::fetch_bytes(&u).await {
                browser::Fetched::Bytes(b) => {
                    if state.import(name, String::from_utf8_lossy(&b).into_owned()) {
                        url.set(String::new());
                    }
                }
                browser::Fetched::Failed(msg) => state.say(false, vec![msg]),
            }
            state.busy.set(false);
        });
    };

    view! {
        <section class="panel import pathway-import" aria-labelledby="pathway-import-title">
            <h2 id="pathway-import-title">{t!("pathway-import-title")}</h2>
            <p class="muted small">{t!("pathway-import-intro")}</p>
            <div class="import-grid">
                <PasteField
                    id="pathway-import-text"
                    label=t!("pathway-import-paste-label")
                    value=text
                    button_testid="pathway-import-submit"
                    button_label=t!("pathway-import-paste-button")
                    disabled=not_ready
                    on_submit=submit_text
                />
                <div class="field">
                    <LinkForm
                        id="pathway-import-url"
                        label=t!("pathway-import-link-label")
                        placeholder=t!("pathway-import-link-placeholder")
                        value=url
                        button_testid="pathway-import-url-submit"
                        button_label=t!("pathway-import-link-button")
                        disabled=not_ready
                        on_submit=submit_url
                    />
                    <FileButton
                        label_class="button"
                        label=t!("pathway-import-file-button")
                        testid="pathway-import-file"
                        accept=".json,application/json"
                        multiple=false
                        input_ref=file_input
                        on_change=on_file
                    />
                </div>
            </div>
            <div class="messages" data-testid="pathway-import-message" aria-live="polite">
                {move || state.message.get().map(|(ok, lines)| message_view(ok, lines))}
            </div>
        </section>
    }
}
