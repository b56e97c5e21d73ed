//! Endorsements beside the thing they endorse (the achievement, the issuer, the credential),
//! each with the result of verifying it on its own (`wallet_verify::endorse`): "Endorsed by
//! <name> — verified" or "— not verified (why)". An endorsement never changes the card.
//!
//! Test ids: `endorsement` on each item, with `data-status` (a card status value, or `pending`
//! before the first check) and `data-target`; `endorsement-endorser` on the endorser's name.

use leptos::prelude::*;
use wallet_core::model::Endorsement;
use wallet_core::status::Status;

use super::credential_parts::sentence_lang;
use super::issuer_name::IssuerName;
use crate::report::{EndorsementTarget, StoredEndorsement, StoredReport};

/// The endorsements of one `target` (`achievement`, `issuer`, `credential`; `credential`
/// also shows the subject's). Before the first check (or with a report stored before
/// endorsements were verified), `pending` lists what the credential carries, as not checked.
#[component]
pub fn Endorsements(
    report: RwSignal<Option<StoredReport>>,
    target: &'static str,
    #[prop(into)] title: String,
    /// The credential's own endorsements as parsed, shown while not checked yet.
    #[prop(optional)]
    pending: Vec<Endorsement>,
    /// In the employer's view of a share link: endorsers are named as an employer's browser
    /// knows them (the registry only, nothing from this browser's own wallet).
    #[prop(optional)]
    employer: bool,
) -> impl IntoView {
    let pending = StoredValue::new(pending);
    let items = move || -> Vec<StoredEndorsement> {
        let checked: Vec<StoredEndorsement> = report.with(|r| {
            r.as_ref()
                .map(|r| r.endorsements.clone())
                .unwrap_or_default()
        });
        let target = EndorsementTarget::from(target);
        if !checked.is_empty() {
            return checked
                .into_iter()
                .filter(|e| {
                    e.target == target
                        || (target == EndorsementTarget::Credential
                            && e.target == EndorsementTarget::Subject)
                })
                .collect();
        }
        pending.with_value(|p| {
            p.iter()
                .map(|e| StoredEndorsement {
                    target: target.clone(),
                    endorser_id: e.issuer.id.clone(),
                    endorser_name: e.issuer.name.clone(),
                    comment: e
                        .comment_in(super::issuer_text::reader())
                        .map(|c| c.text.to_string()),
                    status: Status::Pending,
                    message: "Not checked yet.".into(),
                    text: None,
                })
                .collect()
        })
    };
    move || {
        let list = items();
        (!list.is_empty()).then(|| {
            view! {
                <div class="endorsements" data-testid="endorsements" data-target=target>
                    <h4>{title.clone()}</h4>
                    <ul>
                        {list.into_iter().map(|e| view! { <EndorsementItem e=e employer=employer /> }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// One endorsement: who, verified or not (and why), and the endorser's comment.
#[component]
fn EndorsementItem(e: StoredEndorsement, employer: bool) -> impl IntoView {
    // The reason is the verifier's sentence: in the interface's language when typed, else
    // its English message, marked so.
    let verdict = match e.status {
        Status::Verified => view! { {t!("endorsement-verified")} }.into_any(),
        Status::Pending => view! { {t!("endorsement-pending")} }.into_any(),
        _ => {
            let said = e.sentence(crate::i18n::lang());
            let why = said.words.trim_end_matches('.').to_string();
            view! { {t!("endorsement-not-verified")} " (" <span lang=sentence_lang(&said)>{why}</span> ")" }.into_any()
        }
    };
    let class = format!("endorsement status-{}", e.status);
    view! {
        <li class=class data-testid="endorsement" data-status=e.status.to_string() data-target=e.target.to_string()>
            <span>{t!("endorsement-by")} " "</span>
            <IssuerName issuer_id=e.endorser_id.clone() declared=e.endorser_name.clone() employer=employer testid="endorsement-endorser" />
            <span class="endorsement-verdict">" — "<bdi dir="auto">{verdict}</bdi></span>
            {e.comment.clone().map(|t| view! { <p class="endorsement-comment"><bdi dir="auto">{t}</bdi></p> })}
        </li>
    }
}
