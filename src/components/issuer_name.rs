//! An issuer's name as every view shows it (gallery card, detail, employer's view): the
//! registry's name when the issuer is trusted through the registry, else the credential's own
//! name marked as self-declared; a DEMO label for the demo issuers. The name is untrusted text:
//! it is rendered inside `<bdi>` so a bidi control in it (U+202E…) cannot reorder the sentence
//! around it.

use leptos::prelude::*;
use wallet_verify::trust::{IssuerLabel, NameSource, Viewer};

use crate::trust::TrustState;

/// Untrusted text, isolated for bidirectional display (`<bdi>`; the CSS adds
/// `unicode-bidi: isolate` for older engines).
pub fn isolated(text: String) -> AnyView {
    view! { <bdi class="untrusted" dir="auto">{text}</bdi> }.into_any()
}

/// An identifier, host or URL from a credential: isolated, and each bidi control shown as
/// `<U+XXXX>` (nothing legitimate in an identifier needs one).
pub fn isolated_id(text: &str) -> AnyView {
    isolated(wallet_core::bidi::escape_controls(text))
}

/// The words after a name the registry does not confirm, in the interface's language ("" for
/// a confirmed name).
fn note(source: NameSource) -> String {
    match source {
        NameSource::Registry => String::new(),
        NameSource::TrustedByLearner => t!("issuer-note-trusted"),
        NameSource::SelfDeclared => t!("issuer-note-self-declared"),
    }
}

/// The label in the interface's language: the verifier names an issuer with neither name nor
/// id "Unknown issuer" in English.
fn localized(
    mut label: IssuerLabel,
    issuer_id: Option<&str>,
    declared: Option<&str>,
) -> IssuerLabel {
    let nameless =
        declared.is_none_or(|d| d.trim().is_empty()) && issuer_id.is_none_or(str::is_empty);
    if nameless && label.source != NameSource::Registry {
        label.name = t!("issuer-unknown");
    }
    label
}

/// The whole label as plain text (the title): name, `[DEMO]`, note.
fn label_text(label: &IssuerLabel) -> String {
    let mut s = label.name.clone();
    if label.demo {
        s.push_str(" [");
        s.push_str(&t!("issuer-demo"));
        s.push(']');
    }
    let note = note(label.source);
    if !note.is_empty() {
        s.push(' ');
        s.push_str(&note);
    }
    s
}

/// The issuer's name with its trust marks. `employer`: the view of a share link, where only
/// the registry's non-demo issuers are trusted. `testid` goes on the name itself (its text is
/// the name alone); the line carries `data-trust` (`registry`, `demo`, `learner`,
/// `demo-untrusted`, `unknown`) and `data-demo`.
#[component]
pub fn IssuerName(
    issuer_id: Option<String>,
    declared: Option<String>,
    #[prop(optional)] employer: bool,
    testid: &'static str,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let state = use_context::<TrustState>();
    let names = StoredValue::new((issuer_id.clone(), declared.clone()));
    let label = move || {
        let viewer = employer.then_some(Viewer::Employer);
        match state {
            Some(s) => s.label(viewer, issuer_id.as_deref(), declared.as_deref()),
            None => {
                let r = wallet_verify::trust::Registry::default();
                let t =
                    wallet_verify::trust::decide(issuer_id.as_deref(), &r, &[], Viewer::Employer);
                (
                    wallet_verify::trust::issuer_label(
                        &t,
                        declared.as_deref(),
                        issuer_id.as_deref(),
                    ),
                    t.as_str(),
                )
            }
        }
    };
    let label = Memo::new(move |_| {
        let (l, trust) = label();
        let l = names.with_value(|(id, declared)| localized(l, id.as_deref(), declared.as_deref()));
        (l, trust)
    });
    view! {
        <span class=format!("issuer-name {class}") data-testid=format!("{testid}-line")
            data-trust=move || label.with(|l| l.1)
            data-demo=move || label.with(|l| l.0.demo.to_string())
            title=move || label.with(|l| label_text(&l.0))>
            <bdi class="untrusted" dir="auto" data-testid=testid>{move || label.with(|l| l.0.name.clone())}</bdi>
            {move || label.with(|l| l.0.demo).then(|| view! {
                " " <span class="demo-label" data-testid="demo-label" title=t!("issuer-demo-title")>{t!("issuer-demo")}</span>
            })}
            {move || {
                let source = label.with(|l| l.0.source);
                (source != NameSource::Registry).then(|| view! {
                    " " <span class="name-note" data-testid="issuer-name-note">{note(source)}</span>
                })
            }}
        </span>
    }
}
