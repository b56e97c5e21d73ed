//! An issuer's name as every view shows it (gallery card, detail, employer's view): the
//! registry's name when the issuer is trusted through the registry, else the credential's own
//! name marked as self-declared; a DEMO label for the demo issuers. The name is untrusted text:
//! it is rendered inside `<bdi>` so a bidi control in it (U+202E…) cannot reorder the sentence
//! around it.

use leptos::prelude::*;
use wallet_verify::trust::{NameSource, Viewer};

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
    let label = Memo::new(move |_| label());
    view! {
        <span class=format!("issuer-name {class}") data-testid=format!("{testid}-line")
            data-trust=move || label.with(|l| l.1)
            data-demo=move || label.with(|l| l.0.demo.to_string())
            title=move || label.with(|l| l.0.text())>
            <bdi class="untrusted" dir="auto" data-testid=testid>{move || label.with(|l| l.0.name.clone())}</bdi>
            {move || label.with(|l| l.0.demo).then(|| view! {
                " " <span class="demo-label" data-testid="demo-label" title="A demo issuer: its signing key is published, anyone can sign as it.">"DEMO"</span>
            })}
            {move || {
                let note = label.with(|l| l.0.source);
                (note != NameSource::Registry).then(|| view! {
                    " " <span class="name-note" data-testid="issuer-name-note">{note.note()}</span>
                })
            }}
        </span>
    }
}
