//! The list of a verification report's checks, shared by the detail view
//! (`detail.rs`) and the employer's view of a share (`share.rs`): one markup,
//! one set of test ids (`verification-check` with `data-check`, `data-outcome`; the status
//! check adds `status-checked-at`, "Revocation checked <when>", when a list was read; the
//! issuer-key check `key-fetched-at`, "Issuer's key fetched <when>", when a key document was).

use leptos::prelude::*;

use super::credential_parts::{sentence_lang, shown_time};
use crate::report::{CheckOutcome, StoredCheck};

/// A person's name for a check id.
pub fn check_label(id: &str) -> String {
    match id {
        "format" => t!("check-format"),
        "signature" => t!("check-signature"),
        "issuer-key" => t!("check-issuer-key"),
        "disclosure" => t!("check-disclosure"),
        "validity" => t!("check-validity"),
        "status" => t!("check-status"),
        "issuer-trust" => t!("check-issuer-trust"),
        _ => t!("check-other"),
    }
}

/// The test id and words of a check's `checked_at`: when the revocation list used was fetched
/// (`status`), else when the issuer's key document used was (`wallet_core::sources`).
fn checked_at_words(id: &str, at: &str) -> (&'static str, String) {
    let when = shown_time(at);
    match id {
        "status" => (
            "status-checked-at",
            t!("check-status-checked-at", when = when),
        ),
        _ => ("key-fetched-at", t!("check-key-fetched-at", when = when)),
    }
}

/// The outcome in words, for screen readers (the icon says it to the eye).
fn outcome_words(outcome: &CheckOutcome) -> String {
    match outcome {
        CheckOutcome::Pass => t!("check-outcome-pass"),
        CheckOutcome::Fail => t!("check-outcome-fail"),
        CheckOutcome::Warn => t!("check-outcome-warn"),
        CheckOutcome::NotChecked | CheckOutcome::Other(_) => t!("check-outcome-not-checked"),
    }
}

fn check_icon(outcome: &CheckOutcome) -> &'static str {
    match outcome {
        CheckOutcome::Pass => "✓",
        CheckOutcome::Fail => "✗",
        CheckOutcome::Warn => "!",
        CheckOutcome::NotChecked | CheckOutcome::Other(_) => "–",
    }
}

/// `<ul class="checks">`, one item per check: icon, label, sentence (as text). The sentence is
/// the verifier's, in the interface's language when the report has it typed; else (an older
/// report, a sentence not yet translated) its English message, marked `lang="en"`.
#[component]
pub fn ChecksList(checks: Vec<StoredCheck>) -> impl IntoView {
    view! {
        <ul class="checks">
            {checks.into_iter().map(|c| {
                let said = c.sentence(crate::i18n::lang());
                view! {
                <li class=format!("check {}", c.outcome) data-testid="verification-check" data-check=c.id.clone() data-outcome=c.outcome.to_string()>
                    <span class="check-icon" role="img" aria-label=outcome_words(&c.outcome)>{check_icon(&c.outcome)}</span>
                    <strong>{check_label(&c.id)}</strong>
                    <span lang=sentence_lang(&said)><bdi dir="auto">{said.words.clone()}</bdi></span>
                    {c.checked_at.as_deref().map(|at| {
                        let (test_id, words) = checked_at_words(&c.id, at);
                        view! {
                            <span class="check-when muted small" data-testid=test_id data-checked-at=at.to_string()>
                                {words}
                            </span>
                        }
                    })}
                </li>
            }}).collect_view()}
        </ul>
    }
}
