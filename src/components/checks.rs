//! The list of a verification report's checks, shared by the detail view
//! (`detail.rs`) and the employer's view of a share (`share.rs`): one markup,
//! one set of test ids (`verification-check` with `data-check`, `data-outcome`; the status
//! check adds `status-checked-at`, "Revocation checked <when>", when a list was read; the
//! issuer-key check `key-fetched-at`, "Issuer's key fetched <when>", when a key document was).

use leptos::prelude::*;

use crate::report::{CheckOutcome, StoredCheck, display_time};

/// A person's name for a check id.
pub fn check_label(id: &str) -> &'static str {
    match id {
        "format" => "Format",
        "signature" => "Signature",
        "issuer-key" => "Issuer's key",
        "disclosure" => "Disclosure",
        "validity" => "Dates",
        "status" => "Revocation",
        "issuer-trust" => "Issuer",
        _ => "Check",
    }
}

/// The test id and words of a check's `checked_at`: when the revocation list used was fetched
/// (`status`), else when the issuer's key document used was (`wallet_core::sources`).
fn checked_at_words(id: &str) -> (&'static str, &'static str) {
    match id {
        "status" => ("status-checked-at", "Revocation checked"),
        _ => ("key-fetched-at", "Issuer's key fetched"),
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

/// `<ul class="checks">`, one item per check: icon, label, message (as text).
#[component]
pub fn ChecksList(checks: Vec<StoredCheck>) -> impl IntoView {
    view! {
        <ul class="checks">
            {checks.into_iter().map(|c| view! {
                <li class=format!("check {}", c.outcome) data-testid="verification-check" data-check=c.id.clone() data-outcome=c.outcome.to_string()>
                    <span class="check-icon" aria-hidden="true">{check_icon(&c.outcome)}</span>
                    <strong>{check_label(&c.id)}</strong>
                    <span><bdi dir="auto">{c.message}</bdi></span>
                    {c.checked_at.as_deref().map(|at| {
                        let (test_id, words) = checked_at_words(&c.id);
                        view! {
                            <span class="check-when muted small" data-testid=test_id data-checked-at=at.to_string()>
                                {format!("{words} {}", display_time(at))}
                            </span>
                        }
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
}
