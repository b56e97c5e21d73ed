//! A Comprehensive Learner Record shown as a transcript: the learner, each nested achievement
//! with its own verification status (`clr-achievement`, `data-status` as on cards), credits,
//! results, and the associations between achievements. Shared by the detail view (which reads
//! the stored report, [`ClrSection`]) and the employer's view of a share ([`transcript`], with
//! the report computed in that page).
//!
//! A nested achievement's status is its own credential's: the CLR's status never lends it a
//! green mark, and the transcript never lends the CLR one either.

use leptos::prelude::*;

use super::issuer_text::{Picked, reader};
use wallet_core::clr::{AssociationKind, association_lines};
use wallet_core::model::{ClrRecord, Credential, Nested, Subject};
use wallet_core::status::Status;

use super::credential_parts::{english_text, sentence_lang, shown_date};
use super::issuer_name::{IssuerName, isolated_id};
use crate::report::{CheckOutcome, StoredNested};
use wallet_core::report::Shown;

/// "6" → "6", "6.0" → "6" (a float written by JSON tools), anything else as given.
fn credits(v: &str) -> String {
    v.strip_suffix(".0").unwrap_or(v).to_string()
}

/// Why a nested credential is not verified: its first failed check, else the signature's or
/// format's reason when it could not be checked (`None` when verified or not checked yet).
fn why_not(n: Option<&StoredNested>) -> Option<Shown> {
    let n = n.filter(|n| !n.status.is_verified())?;
    n.checks
        .iter()
        .find(|c| c.outcome == CheckOutcome::Fail)
        .or_else(|| {
            n.checks.iter().find(|c| {
                c.outcome == CheckOutcome::NotChecked && (c.id == "signature" || c.id == "format")
            })
        })
        .or_else(|| {
            n.checks
                .iter()
                .find(|c| c.outcome == CheckOutcome::NotChecked && c.id == "status")
        })
        .map(|c| c.sentence(crate::i18n::lang()))
}

/// "X <phrase> Y": how one achievement relates to another (CLR 2.0 `AssociationType`).
fn association_phrase(kind: &str) -> String {
    match AssociationKind::parse(kind) {
        AssociationKind::ExactMatchOf => t!("clr-exact-match-of"),
        AssociationKind::IsChildOf => t!("clr-is-child-of"),
        AssociationKind::IsParentOf => t!("clr-is-parent-of"),
        AssociationKind::IsPartOf => t!("clr-is-part-of"),
        AssociationKind::IsPeerOf => t!("clr-is-peer-of"),
        AssociationKind::IsRelatedTo => t!("clr-is-related-to"),
        AssociationKind::Precedes => t!("clr-precedes"),
        AssociationKind::ReplacedBy => t!("clr-replaced-by"),
        AssociationKind::Other(other) => t!("clr-associated-other", kind = other),
    }
}

fn row(c: &Credential, status: Status, why: Option<Shown>, employer: bool) -> AnyView {
    let a = &c.achievement;
    let earned = c.subject.credits_earned.as_deref().map(credits);
    let available = a.credits_available.as_deref().map(credits);
    let credit_text = match (earned, available) {
        (Some(e), Some(av)) => Some(t!("clr-credits-of", earned = e, available = av)),
        (Some(e), None) => Some(t!("clr-credits", earned = e)),
        (None, Some(av)) => Some(t!("clr-credits-available", available = av)),
        (None, None) => None,
    };
    let results: Vec<String> = c
        .results
        .iter()
        .map(|r| {
            let label = r
                .result_description
                .as_ref()
                .and_then(|id| {
                    a.result_descriptions
                        .iter()
                        .find(|d| d.id.as_deref() == Some(id.as_str()))
                })
                .and_then(|d| d.name.clone())
                .unwrap_or_else(|| t!("body-result"));
            let value = r
                .value
                .clone()
                .or(r.achieved_level.clone())
                .or(r.status.clone())
                .unwrap_or_default();
            t!("clr-result", label = label, value = value)
        })
        .collect();
    view! {
        <li class="clr-achievement" data-testid="clr-achievement" data-status=status.to_string()
            data-achievement-id=a.id.clone().unwrap_or_default()>
            <div class="clr-achievement-head">
                <strong data-testid="clr-achievement-name">{let n = Picked::of(c.name_in(reader())); view! { <bdi dir=n.dir lang=n.lang>{n.text}</bdi> }}</strong>
                <span class=format!("status status-{status}")>{status.label(crate::i18n::lang())}</span>
            </div>
            <p class="muted small">
                {a.achievement_type.as_deref().map(|t| format!("{} · ", crate::i18n::kind_label(t)))}
                <IssuerName issuer_id=c.issuer.id.clone() declared=c.issuer.name.clone() employer=employer testid="clr-achievement-issuer" />
                {c.issued.as_deref().map(|d| format!(" · {}", shown_date(d)))}
            </p>
            {credit_text.map(|t| view! { <p class="clr-credits" data-testid="clr-credits">{t}</p> })}
            {(!results.is_empty()).then(|| view! {
                <p class="clr-results" data-testid="clr-result">{results.join(" · ")}</p>
            })}
            {why.map(|w| view! { <p class="clr-why small" data-testid="clr-achievement-why" lang=sentence_lang(&w)><bdi dir="auto">{w.words.clone()}</bdi></p> })}
        </li>
    }
    .into_any()
}

/// The transcript of `record`. `nested`: each nested credential's stored result, `None` while
/// being checked (every achievement then shows "pending").
pub fn transcript(
    record: &ClrRecord,
    learner: &Subject,
    nested: Option<&[StoredNested]>,
    employer: bool,
) -> AnyView {
    let result_of = |i: usize| nested.and_then(|n| n.iter().find(|x| x.index == i));
    let status_of =
        |i: usize| -> Status { result_of(i).map(|x| x.status.clone()).unwrap_or_default() };
    let learner_text = learner
        .name
        .clone()
        .or(learner.id.clone())
        .unwrap_or_else(|| t!("body-not-stated"));
    let verified_credits: f64 = record
        .nested
        .iter()
        .enumerate()
        .filter(|(i, _)| status_of(*i).is_verified())
        .filter_map(|(_, n)| match n {
            Nested::Parsed(c) => c.subject.credits_earned.as_deref()?.parse::<f64>().ok(),
            Nested::Unreadable(_) => None,
        })
        .filter(|x| x.is_finite() && *x >= 0.0)
        .sum();
    let any_credits = record
        .nested
        .iter()
        .any(|n| matches!(n, Nested::Parsed(c) if c.subject.credits_earned.is_some()));
    let items = record
        .nested
        .iter()
        .enumerate()
        .map(|(i, n)| match n {
            Nested::Parsed(c) => row(c, status_of(i), why_not(result_of(i)), employer),
            Nested::Unreadable(why) => {
                let status = status_of(i);
                view! {
                    <li class="clr-achievement" data-testid="clr-achievement" data-status=status.to_string()>
                        <div class="clr-achievement-head">
                            <strong>{t!("clr-entry-unreadable", n = i + 1)}</strong>
                            <span class=format!("status status-{status}")>{status.label(crate::i18n::lang())}</span>
                        </div>
                        <p class="muted small" lang=english_text()>{why.clone()}</p>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    let listed: Vec<String> = record
        .achievements
        .iter()
        .filter(|a| {
            // Achievements the record lists without a nested credential awarding them.
            !record.nested.iter().any(|n| {
                matches!(n, Nested::Parsed(c) if c.achievement.id.is_some() && c.achievement.id == a.id)
            })
        })
        .map(|a| {
            let name = a.name.clone().or(a.id.clone()).unwrap_or_else(|| t!("clr-unnamed"));
            match &a.achievement_type {
                Some(t) => format!("{name} ({})", crate::i18n::kind_label(t)),
                None => name,
            }
        })
        .collect();
    let associations = association_lines(record);
    // The relation in the interface's language (`association_lines` keeps the record's order).
    let relations: Vec<(String, String, String)> = associations
        .into_iter()
        .zip(&record.associations)
        .map(|(l, a)| {
            let side = |id: &Option<String>, name: String| match id {
                None => t!("clr-no-achievement"),
                Some(_) => name,
            };
            (
                side(&a.source_id, l.source),
                association_phrase(a.association_type.as_deref().unwrap_or("")),
                side(&a.target_id, l.target),
            )
        })
        .collect();
    let n = record.nested.len();
    view! {
        <section class="clr-transcript" data-testid="clr-transcript" data-count=n.to_string()>
            <h3>{t!("clr-transcript")}</h3>
            <p data-testid="clr-learner">{t!("clr-learner")} " " {isolated_id(&learner_text)}</p>
            {record.partial.then(|| view! {
                <p class="banner info" data-testid="clr-partial">{t!("clr-partial")}</p>
            })}
            <p class="muted small">{t!("clr-explain")}</p>
            {if n == 0 {
                view! { <p class="muted">{t!("clr-empty")}</p> }.into_any()
            } else {
                view! { <ol class="clr-achievements">{items}</ol> }.into_any()
            }}
            {any_credits.then(|| view! {
                <p data-testid="clr-credits-total">
                    {t!("clr-credits-total", credits = credits(&format!("{verified_credits:.1}")))}
                </p>
            })}
            {(!listed.is_empty()).then(|| view! {
                <div>
                    <h4>{t!("clr-also-listed")}</h4>
                    <ul>{listed.into_iter().map(|t| view! { <li data-testid="clr-listed-achievement"><bdi dir="auto">{t}</bdi></li> }).collect_view()}</ul>
                </div>
            })}
            {(!relations.is_empty()).then(|| view! {
                <div>
                    <h4>{t!("clr-relations")}</h4>
                    <ul>
                        {relations.into_iter().map(|(source, phrase, target)| view! {
                            <li data-testid="clr-association">
                                <bdi dir="auto">{source}</bdi>" "{phrase}" "<bdi dir="auto">{target}</bdi>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
        </section>
    }
    .into_any()
}

/// The detail view's transcript: the nested results of the CLR's stored report (which the
/// detail follows through re-checks, `crate::verification::stored_report`).
#[component]
pub fn ClrSection(
    report: RwSignal<Option<crate::report::StoredReport>>,
    record: ClrRecord,
    learner: Subject,
) -> impl IntoView {
    move || {
        report.with(|r| {
            transcript(
                &record,
                &learner,
                r.as_ref().map(|r| r.nested.as_slice()),
                false,
            )
        })
    }
}
