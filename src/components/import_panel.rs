//! "Add badges": paste, files, drag and drop, a URL; and the per-item report.

use leptos::prelude::*;

use crate::app::Wallet;
use crate::browser;
use crate::importer::Input;

/// "3 added · 1 already in your wallet · 2 could not be imported"
fn summary(lines: &[crate::importer::Line]) -> String {
    use crate::importer::Outcome;
    let count = |o: Outcome| lines.iter().filter(|l| l.outcome == o).count();
    let mut parts = vec![format!("{} added", count(Outcome::Added))];
    let dup = count(Outcome::Duplicate);
    if dup > 0 {
        parts.push(format!("{dup} already in your wallet"));
    }
    let err = count(Outcome::Error);
    if err > 0 {
        parts.push(format!("{err} could not be imported"));
    }
    parts.join(" · ")
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let wallet = expect_context::<Wallet>();
    let text = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();

    let on_files = move |_| {
        if let Some(input) = file_input.get() {
            let files = browser::files_of(input.files());
            input.set_value("");
            leptos::task::spawn_local(wallet.import(files.into_iter().map(Input::File).collect()));
        }
    };
    let submit_text = move |_| {
        let t = text.get_untracked();
        if t.trim().is_empty() {
            wallet.lines.set(vec![crate::importer::Line {
                outcome: crate::importer::Outcome::Error,
                label: "Pasted text".into(),
                message: "Paste a badge first: its JSON, or a JWS/JWT, or a link to it.".into(),
            }]);
            return;
        }
        leptos::task::spawn_local(async move {
            wallet.import(vec![Input::Text(t)]).await;
            if wallet.lines.with_untracked(|l| {
                l.iter()
                    .all(|x| x.outcome != crate::importer::Outcome::Error)
            }) {
                text.set(String::new());
            }
        });
    };
    let submit_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let u = url.get_untracked().trim().to_string();
        if !u.is_empty() {
            leptos::task::spawn_local(async move {
                wallet.import(vec![Input::Url(u)]).await;
            });
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(false);
        let files = browser::files_of(ev.data_transfer().and_then(|d| d.files()));
        leptos::task::spawn_local(wallet.import(files.into_iter().map(Input::File).collect()));
    };

    view! {
        <section class="panel import" aria-labelledby="import-title">
            <h2 id="import-title">"Add badges"</h2>
            <div
                class="dropzone"
                class:dragging=move || dragging.get()
                data-testid="drop-zone"
                on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>"Drop badge files here — JSON, JWT, baked PNG or SVG — or"</p>
                <label class="button primary">
                    "Choose files"
                    <input
                        type="file"
                        multiple
                        class="visually-hidden"
                        accept=".json,.jsonld,.jwt,.jws,.txt,.png,.svg,application/json,image/png,image/svg+xml"
                        data-testid="import-file"
                        node_ref=file_input
                        on:change=on_files
                    />
                </label>
            </div>
            <div class="import-grid">
                <div class="field">
                    <label for="import-text">"Paste a badge (JSON, JWS/JWT or a link)"</label>
                    <textarea
                        id="import-text"
                        rows="4"
                        spellcheck="false"
                        data-testid="import-text"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                    <button class="button" data-testid="import-submit" on:click=submit_text disabled=move || wallet.busy.get()>
                        "Add pasted badge"
                    </button>
                </div>
                <form class="field" on:submit=submit_url>
                    <label for="import-url">"Or import from a link"</label>
                    <input
                        id="import-url"
                        type="url"
                        placeholder="https://issuer.example/badges/123.json"
                        data-testid="import-url"
                        prop:value=move || url.get()
                        on:input=move |ev| url.set(event_target_value(&ev))
                    />
                    <button class="button" type="submit" data-testid="import-url-submit" disabled=move || wallet.busy.get()>
                        "Import from link"
                    </button>
                </form>
            </div>
            <Show when=move || wallet.progress.get().is_some()>
                <p class="progress" data-testid="import-progress" role="status">
                    {move || wallet.progress.get().map(|(d, t)| format!("Importing {} of {}…", d.min(t), t)).unwrap_or_default()}
                    <progress
                        max=move || wallet.progress.get().map(|p| p.1).unwrap_or(1)
                        value=move || wallet.progress.get().map(|p| p.0).unwrap_or(0)
                    ></progress>
                </p>
            </Show>
            <Show when=move || { wallet.lines.with(|l| l.len()) > 1 }>
                <p class="import-summary" data-testid="import-summary" role="status">{move || summary(&wallet.lines.get())}</p>
            </Show>
            <div class="messages" data-testid="import-message" aria-live="polite">
                <For
                    each=move || wallet.lines.get().into_iter().enumerate()
                    key=|(i, l)| (*i, l.message.clone())
                    children=move |(_, line)| {
                        view! {
                            <p class=format!("result {}", line.outcome.as_str()) data-testid="import-result" data-outcome=line.outcome.as_str()>
                                <strong>{line.label.clone()}</strong>
                                ": "
                                {line.message.clone()}
                            </p>
                        }
                    }
                />
            </div>
        </section>
    }
}
