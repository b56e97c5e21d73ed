//! The body of one credential's view — its name, image, description, criteria, issuer, dates,
//! skills and alignments, tags, results, evidence, endorsements and recipient — written once
//! for both people who look at it: the learner in their wallet (`detail.rs`) and an employer
//! opening a share link (`employer.rs`).
//!
//! What differs between them is a parameter: the [`Audience`] (which sections, in which order,
//! under which headings and test ids) and slots the caller fills (the image, the verification
//! section, a transcript, the issuer's image, an action in the header). The caller keeps what
//! is its own: the wallet its delete, hosted copy and "check again"; the employer its report.
//!
//! Invariant: nothing here reaches wallet-only code (storage, the importer, the `Wallet`
//! state, images read from storage): the employer's viewer links this module, and link-time
//! optimisation keeps out of its wasm only what it never reaches (ARCHITECTURE.md, "Three
//! entries, one page"). Whatever needs the wallet comes in through a slot.

use leptos::prelude::*;

use super::issuer_text::{Picked, reader};
use wallet_core::bidi::escape_controls;
use wallet_core::model::{Credential, Profile};
use wallet_core::status::Status;

use super::credential_parts::{alignments_list, external_link, sentence_lang, shown_date};
use super::endorsements::Endorsements;
use super::issuer_name::{IssuerName, isolated_id};
use crate::report::StoredReport;

/// Who is looking at the credential.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The learner, in their wallet's detail view: every section, `h3` headings, `detail-*`
    /// test ids, the raw credential.
    Learner,
    /// An employer, in a share link's view: the sections an employer reads, `h4` headings,
    /// endorsers and the issuer named as an employer's browser knows them.
    Employer,
}

impl Audience {
    fn employer(self) -> bool {
        self == Audience::Employer
    }

    /// A section heading at this audience's level.
    fn heading(self, text: String) -> AnyView {
        match self {
            Audience::Learner => view! { <h3>{text}</h3> }.into_any(),
            Audience::Employer => view! { <h4>{text}</h4> }.into_any(),
        }
    }
}

/// One credential's body, from its header to its recipient. `status` is tracked on its own:
/// a new status updates the badge line only.
#[component]
pub fn CredentialBody(
    credential: Credential,
    audience: Audience,
    status: Signal<Status>,
    /// The credential's stored report (endorsements are shown from it).
    report: RwSignal<Option<StoredReport>>,
    /// The credential's image, as the caller may show it.
    image: AnyView,
    /// The verification section, the caller's.
    verification: AnyView,
    /// A Comprehensive Learner Record's transcript, the caller's (`None` for a badge).
    transcript: Option<AnyView>,
    /// The issuer's image (the wallet's view only; the employer's shows none).
    issuer_image: Option<AnyView>,
    /// An action at the end of the header (the employer's "Close"; none in the wallet).
    head_action: Option<AnyView>,
) -> impl IntoView {
    let c = &credential;
    let head = header(c, audience, status, image, head_action);
    let sections = match audience {
        Audience::Learner => view! {
            {description(c, audience, report)}
            {criteria(c, report)}
            {issuer(c, audience, report, issuer_image)}
            {dates(c, audience)}
            {badge_details(c, audience)}
            {credential_endorsements(c, audience, report)}
            {recipient(c, audience)}
        }
        .into_any(),
        Audience::Employer => view! {
            {issuer(c, audience, report, issuer_image)}
            {credential_endorsements(c, audience, report)}
            {dates(c, audience)}
            {description(c, audience, report)}
            {badge_details(c, audience)}
            {recipient(c, audience)}
        }
        .into_any(),
    };
    // The wallet's detail is a page of its own: the name is its <h1> and the sections' <h3>s
    // sit under one <h2> (screen readers list headings by level; issue 14.5).
    let outline = (audience == Audience::Learner)
        .then(|| view! { <h2 class="visually-hidden">{t!("body-about")}</h2> });
    view! {
        {head}
        {outline}
        {verification}
        {transcript}
        {sections}
    }
}

/// The image, the name, the status and the format.
fn header(
    c: &Credential,
    audience: Audience,
    status: Signal<Status>,
    image: AnyView,
    action: Option<AnyView>,
) -> AnyView {
    let Picked {
        text: name,
        lang,
        dir,
    } = Picked::of(c.name_in(reader()));
    let name = match audience {
        Audience::Learner => {
            view! { <h1 data-testid="detail-name"><bdi dir=dir lang=lang>{name}</bdi></h1> }
                .into_any()
        }
        Audience::Employer => {
            view! { <h3 class="shared-detail-name"><bdi dir=dir lang=lang>{name}</bdi></h3> }
                .into_any()
        }
    };
    let a = &c.achievement;
    view! {
        <header class="detail-head">
            {image}
            <div>
                {name}
                <span class=move || format!("status status-{}", status.get())>{move || status.get().label(crate::i18n::lang())}</span>
                <p class="muted">{c.format.label_in(crate::i18n::lang())}{a.achievement_type.as_deref().map(|t| format!(" · {}", crate::i18n::kind_label(t)))}</p>
            </div>
            {action}
        </header>
    }
    .into_any()
}

/// The description in the reader's language (the credential's, else the achievement's).
fn description_text(c: &Credential) -> Picked {
    c.description_in(reader())
        .or_else(|| c.achievement.description_in(reader()))
        .map(Picked::of)
        .unwrap_or_else(|| Picked::ours(t!("body-no-description")))
}

/// The criteria narrative in the reader's language.
fn criteria_text(c: &Credential) -> Option<Picked> {
    c.achievement
        .criteria_narrative_in(reader())
        .map(Picked::of)
}

/// The description; the employer reads the criteria beside it.
fn description(
    c: &Credential,
    audience: Audience,
    report: RwSignal<Option<StoredReport>>,
) -> AnyView {
    let a = &c.achievement;
    let d = description_text(c);
    match audience {
        Audience::Learner => view! {
            <section>
                {audience.heading(t!("body-description"))}
                <p data-testid="detail-description" class="prewrap" lang=d.lang dir=d.dir>{d.text}</p>
            </section>
        }
        .into_any(),
        Audience::Employer => view! {
            <section>
                {audience.heading(t!("body-description"))}
                <p class="prewrap" lang=d.lang dir=d.dir>{d.text}</p>
                {criteria_text(c).map(|n| view! { <h4>{t!("body-criteria")}</h4><p class="prewrap" lang=n.lang dir=n.dir>{n.text}</p> })}
                {a.criteria_url.clone().map(|u| view! { <p>{t!("body-criteria-page")} " " {external_link(&u, u.clone())}</p> })}
                <Endorsements report=report target="achievement" title=t!("endorsements-of-achievement") employer=true />
            </section>
        }
        .into_any(),
    }
}

/// The learner's criteria section (a badge's only: a transcript shows each achievement's).
fn criteria(c: &Credential, report: RwSignal<Option<StoredReport>>) -> Option<AnyView> {
    let a = &c.achievement;
    c.clr.is_none().then(|| view! {
        <section data-testid="detail-criteria">
            <h3>{t!("body-criteria")}</h3>
            {let n = criteria_text(c).unwrap_or_else(|| Picked::ours(t!("body-no-criteria")));
                view! { <p class="prewrap" lang=n.lang dir=n.dir>{n.text}</p> }}
            {a.criteria_url.clone().map(|u| view! { <p>{t!("body-criteria-page")} " " {external_link(&u, escape_controls(&u))}</p> })}
            <Endorsements report=report target="achievement" title=t!("endorsements-of-achievement") />
        </section>
    }.into_any())
}

/// The issuer: named as this audience's browser knows it, with its endorsements.
fn issuer(
    c: &Credential,
    audience: Audience,
    report: RwSignal<Option<StoredReport>>,
    image: Option<AnyView>,
) -> AnyView {
    let about = match audience {
        Audience::Learner => issuer_card(&c.issuer, image),
        Audience::Employer => {
            let p = &c.issuer;
            // The registry's word on the issuer, from the report's trust check.
            let trust = report.with_untracked(|r| {
                r.as_ref()
                    .and_then(|r| r.checks.iter().find(|k| k.id == "issuer-trust"))
                    .map(|k| (k.outcome.clone(), k.sentence(crate::i18n::lang())))
            });
            view! {
                <p><strong><IssuerName issuer_id=p.id.clone() declared=p.name.clone() employer=true testid="shared-issuer" /></strong></p>
                {trust.map(|(o, m)| view! { <p class=format!("trust trust-{o}") lang=sentence_lang(&m)>{m.words.clone()}</p> })}
                {p.url.clone().map(|u| view! { <p>{external_link(&u, escape_controls(&u))}</p> })}
                {p.id.clone().map(|id| view! { <p class="muted mono">{isolated_id(&id)}</p> })}
            }
            .into_any()
        }
    };
    view! {
        <section>
            {audience.heading(t!("body-issuer"))}
            {about}
            <Endorsements report=report target="issuer" title=t!("endorsements-of-issuer") employer=audience.employer() />
        </section>
    }
    .into_any()
}

/// The learner's view of the issuer's profile: image, name, site, email, description, id.
fn issuer_card(p: &Profile, image: Option<AnyView>) -> AnyView {
    view! {
        <div class="issuer" data-testid="detail-issuer">
            {image}
            <strong><IssuerName issuer_id=p.id.clone() declared=p.name.clone() testid="detail-issuer-name" /></strong>
            {p.url.clone().map(|u| view! { <p>{external_link(&u, escape_controls(&u))}</p> })}
            {p.email.clone().map(|e| view! { <p>{isolated_id(&e)}</p> })}
            {p.description_in(reader()).map(Picked::of).map(|d| view! { <p class="muted"><bdi dir=d.dir lang=d.lang>{d.text}</bdi></p> })}
            {p.id.clone().map(|id| view! { <p class="muted mono">{isolated_id(&id)}</p> })}
        </div>
    }
    .into_any()
}

fn opt_row(label: String, value: Option<String>) -> Option<AnyView> {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| view! { <dt>{label}</dt><dd>{v}</dd> }.into_any())
}

/// Issued and expires.
fn dates(c: &Credential, audience: Audience) -> AnyView {
    match audience {
        Audience::Learner => view! {
            <section>
                {audience.heading(t!("body-dates"))}
                <dl data-testid="detail-dates">
                    {opt_row(t!("body-issued"), c.issued.as_deref().map(shown_date))}
                    {opt_row(t!("body-expires"), c.expires.as_deref().map(shown_date))}
                    {c.issued.is_none().then(|| view! { <dt>{t!("body-issued")}</dt><dd>{t!("body-date-not-stated")}</dd> })}
                </dl>
            </section>
        }
        .into_any(),
        Audience::Employer => view! {
            <section>
                {audience.heading(t!("body-dates"))}
                <dl>
                    <dt>{t!("body-issued")}</dt><dd>{c.issued.as_deref().map(shown_date).unwrap_or_else(|| t!("body-date-not-stated"))}</dd>
                    {c.expires.as_deref().map(|d| view! { <dt>{t!("body-expires")}</dt><dd>{shown_date(d)}</dd> })}
                </dl>
            </section>
        }
        .into_any(),
    }
}

/// A badge's skills and alignments and tags (and, for the learner, its results and evidence).
/// A transcript has none of its own: it lists its achievements, each with its own.
fn badge_details(c: &Credential, audience: Audience) -> Option<AnyView> {
    if c.clr.is_some() {
        return None;
    }
    let a = &c.achievement;
    Some(match audience {
        Audience::Learner => view! {
            <section data-testid="detail-alignments">
                <h3>{t!("body-skills")}</h3>
                {alignments_list(&a.alignments, true)}
            </section>
            <section data-testid="detail-tags">
                <h3>{t!("body-tags")}</h3>
                <p class="tags">
                    {if a.tags.is_empty() { Some(view! { <span class="muted">{t!("body-no-tags")}</span> }) } else { None }}
                    {a.tags.iter().map(|t| view! { <span class="tag">{t.clone()}</span> }).collect_view()}
                </p>
            </section>
            {results(c)}
            {evidence(c)}
        }
        .into_any(),
        Audience::Employer => view! {
            <section>
                <h4>{t!("body-skills")}</h4>
                {alignments_list(&a.alignments, false)}
                {(!a.tags.is_empty()).then(|| view! {
                    <p class="tags">{a.tags.iter().map(|t| view! { <span class="tag">{t.clone()}</span> }).collect_view()}</p>
                })}
            </section>
        }
        .into_any(),
    })
}

/// The learner's results, each under its result description's name.
fn results(c: &Credential) -> AnyView {
    let a = &c.achievement;
    view! {
        <section data-testid="detail-results">
            <h3>{t!("body-results")}</h3>
            {if c.results.is_empty() {
                view! { <p class="muted">{t!("body-no-results")}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {c.results.iter().map(|r| {
                            let label = r.result_description.as_ref()
                                .and_then(|id| a.result_descriptions.iter().find(|d| d.id.as_deref() == Some(id.as_str())))
                                .and_then(|d| d.name.clone())
                                .unwrap_or_else(|| t!("body-result"));
                            let value = r.value.clone().or(r.achieved_level.clone()).or(r.status.clone()).unwrap_or_default();
                            view! { <li><strong>{label}</strong>{t!("credential-colon")}{value}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// The learner's evidence, linked when it has an http(s) id.
fn evidence(c: &Credential) -> AnyView {
    view! {
        <section data-testid="detail-evidence">
            <h3>{t!("body-evidence")}</h3>
            {if c.evidence.is_empty() {
                view! { <p class="muted">{t!("body-no-evidence")}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {c.evidence.iter().map(|e| {
                            let title = e.name_in(reader()).map(|n| n.text.to_string()).or(e.id.clone()).unwrap_or_else(|| t!("body-evidence-item"));
                            let head = match &e.id { Some(u) => external_link(u, title), None => view! { <strong>{title}</strong> }.into_any() };
                            view! {
                                <li>{head}
                                    {e.description_in(reader()).map(Picked::of).map(|d| view! { <p lang=d.lang dir=d.dir>{d.text}</p> })}
                                    {e.narrative_in(reader()).map(Picked::of).map(|d| view! { <p class="prewrap" lang=d.lang dir=d.dir>{d.text}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// Endorsements of the credential itself (and of its subject); before the first check, those
/// it carries, as not checked.
fn credential_endorsements(
    c: &Credential,
    audience: Audience,
    report: RwSignal<Option<StoredReport>>,
) -> AnyView {
    view! {
        <Endorsements report=report target="credential" title=t!("endorsements-title") pending=c.endorsements.clone() employer=audience.employer() />
    }
    .into_any()
}

/// Who the credential was awarded to; the learner also gets the raw credential.
fn recipient(c: &Credential, audience: Audience) -> Option<AnyView> {
    match audience {
        Audience::Learner => {
            let s = &c.subject;
            let shown = s.id.clone().or(s.name.clone()).unwrap_or_else(|| {
                if s.identifiers.is_empty() {
                    t!("body-not-stated")
                } else {
                    t!("body-hashed-identifier")
                }
            });
            Some(
                view! {
                    <section>
                        <h3>{t!("body-recipient")}</h3>
                        <p class="mono">{shown}</p>
                    </section>
                    <details class="raw">
                        <summary>{t!("body-raw")}</summary>
                        // A scroll container: focusable and named, so a keyboard can scroll it.
                        <pre data-testid="detail-raw" tabindex="0" role="region" aria-label=t!("body-raw")>{pretty_raw(c)}</pre>
                    </details>
                }
                .into_any(),
            )
        }
        Audience::Employer => c.subject.name.clone().map(|n| {
            view! { <section><h4>{t!("body-awarded-to")}</h4><p>{n}</p></section> }.into_any()
        }),
    }
}

/// The original text, pretty-printed when it is JSON.
fn pretty_raw(c: &Credential) -> String {
    let text = c.original.text();
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => serde_json::to_string_pretty(&v).unwrap_or_else(|_| text.to_string()),
        Err(_) => text.to_string(),
    }
}
