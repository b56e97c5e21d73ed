//! "Add badges": paste, files, drag and drop, a URL; and the per-item report.

use leptos::prelude::*;

use super::import_fields::{FileButton, LinkForm, PasteField, pasted, submitted_link, take_files};
use crate::browser;
use crate::importer::Input;
use crate::wallet::Wallet;

/// "3 added · 1 already in your wallet · 2 could not be imported"
fn summary(lines: &[crate::importer::Line]) -> String {
    use crate::importer::Outcome;
    let count = |o: Outcome| lines.iter().filter(|l| l.outcome == o).count();
    let mut parts = vec![t!("import-summary-added", n = count(Outcome::Added))];
    let dup = count(Outcome::Duplicate);
    if dup > 0 {
        parts.push(t!("import-summary-duplicate", n = dup));
    }
    let err = count(Outcome::Error);
    if err > 0 {
        parts.push(t!("import-summary-failed", n = err));
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
        if let Some(files) = take_files(file_input) {
            leptos::task::spawn_local(wallet.import(files.into_iter().map(Input::File).collect()));
        }
    };
    let submit_text = move |_| {
        let Some(t) = pasted(text) else {
            wallet.lines.set(vec![crate::importer::Line {
                outcome: crate::importer::Outcome::Error,
                label: t!("import-pasted-label"),
                message: t!("import-paste-empty"),
            }]);
            return;
        };
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
        if let Some(u) = submitted_link(&ev, url) {
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
            <h2 id="import-title">{t!("import-title")}</h2>
            <div
                class="dropzone"
                class:dragging=move || dragging.get()
                data-testid="drop-zone"
                on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>{t!("import-drop-hint")}</p>
                <FileButton
                    label_class="button primary"
                    label=t!("import-choose-files")
                    testid="import-file"
                    accept=".json,.jsonld,.jwt,.jws,.txt,.png,.svg,.jpg,.jpeg,.gif,.webp,application/json,image/png,image/svg+xml,image/jpeg,image/gif,image/webp"
                    multiple=true
                    input_ref=file_input
                    on_change=on_files
                />
                <super::scan_qr::ScanQr />
            </div>
            <super::qr_offer::QrOffer />
            <div class="import-grid">
                <PasteField
                    id="import-text"
                    label=t!("import-paste-label")
                    value=text
                    button_testid="import-submit"
                    button_label=t!("import-paste-submit")
                    disabled=move || wallet.busy.get()
                    on_submit=submit_text
                />
                <LinkForm
                    id="import-url"
                    label=t!("import-url-label")
                    placeholder=t!("import-url-placeholder")
                    value=url
                    button_testid="import-url-submit"
                    button_label=t!("import-url-submit")
                    disabled=move || wallet.busy.get()
                    on_submit=submit_url
                />
            </div>
            <Show when=move || wallet.progress.get().is_some()>
                <p class="progress" data-testid="import-progress" role="status">
                    {move || wallet.progress.get().map(|(d, t)| t!("import-progress", done = d.min(t), total = t)).unwrap_or_default()}
                    <progress
                        max=move || wallet.progress.get().map(|p| p.1).unwrap_or(1)
                        value=move || wallet.progress.get().map(|p| p.0).unwrap_or(0)
                    ></progress>
                </p>
            </Show>
            <Show when=move || { wallet.lines.with(|l| l.len()) > 1 }>
                <p class="import-summary" data-testid="import-summary" role="status">{move || summary(&wallet.lines.get())}</p>
            </Show>
            // A scroll container when long: focusable and named, so a keyboard can scroll it.
            <div class="messages" data-testid="import-message" aria-live="polite" tabindex="0" role="region" aria-label=t!("import-results-label")>
                <For
                    each=move || wallet.lines.get().into_iter().enumerate()
                    key=|(i, l)| (*i, l.message.clone())
                    children=move |(_, line)| {
                        view! {
                            <p class=format!("result {}", line.outcome.as_str()) data-testid="import-result" data-outcome=line.outcome.as_str()>
                                <strong>{line.label.clone()}</strong>
                                {t!("import-result-separator")}
                                {line.message.clone()}
                            </p>
                        }
                    }
                />
            </div>
        </section>
    }
}
