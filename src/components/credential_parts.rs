//! Pieces of a credential's view shared by the detail view (`detail.rs`) and the employer's
//! view of a share (`share.rs`), so both show the same markup.

use leptos::prelude::*;
use wallet_core::model::Alignment;
use wallet_core::safe_link;

use crate::i18n::Lang;

/// A date from a credential (`2024-03-01`, `2024-03-01T10:00:00Z`) in the interface's
/// language: English keeps its first ten characters (as it always did), French writes
/// "1er mars 2024".
pub fn shown_date(iso: &str) -> String {
    match crate::i18n::lang() {
        Lang::En => wallet_core::time::short_date(iso),
        lang => wallet_i18n::date(lang, iso),
    }
}

/// A UTC time stamp (`2026-12-01T16:50:12.345Z`) in the interface's language, to the minute:
/// "2026-12-01 16:50 UTC" in English (as it always was), "1er décembre 2026 à 16 h 50 UTC".
pub fn shown_time(iso: &str) -> String {
    match crate::i18n::lang() {
        Lang::En => wallet_core::report::display_time(iso),
        lang => wallet_i18n::date_time(lang, iso),
    }
}

/// `lang="en"` for text that stays English (the verifier's sentences) when the interface
/// speaks another language, so screen readers pronounce it right; nothing in English.
pub fn english_text() -> Option<&'static str> {
    (crate::i18n::lang() != Lang::En).then_some("en")
}

/// The `lang` of a verifier's sentence as shown: `lang="en"` when it is the stored English
/// message (an older report, or a sentence not yet translated) and the interface is not
/// English; nothing when it is in the interface's language.
pub fn sentence_lang(s: &wallet_core::report::Shown) -> Option<&'static str> {
    if s.english { english_text() } else { None }
}

/// A link (opening in a new tab) only when the URL is http(s); otherwise the text, inert.
/// The text is untrusted: isolated for bidirectional display (`<bdi>`).
pub fn external_link(url: &str, text: String) -> AnyView {
    match safe_link(url) {
        Some(href) => view! { <a href=href.to_string() target="_blank" rel="noopener noreferrer nofollow"><bdi dir="auto">{text}</bdi></a> }.into_any(),
        None => view! { <span class="inert-url"><bdi dir="auto">{text}</bdi></span> }.into_any(),
    }
}

/// "None listed." or `<ul class="alignments">`: per skill its name (linked when it has an
/// http(s) URL), framework, code (only `with_codes`) and description.
pub fn alignments_list(alignments: &[Alignment], with_codes: bool) -> AnyView {
    if alignments.is_empty() {
        return view! { <p class="muted">{t!("alignments-none")}</p> }.into_any();
    }
    view! {
        <ul class="alignments">
            {alignments.iter().map(|al| {
                let name = al.target_name.clone().or(al.target_code.clone()).unwrap_or_else(|| t!("alignments-unnamed"));
                let label = match &al.target_url { Some(u) => external_link(u, name), None => view! { <bdi dir="auto">{name}</bdi> }.into_any() };
                let code = al.target_code.clone().filter(|_| with_codes);
                view! {
                    <li>
                        {label}
                        {al.target_framework.clone().map(|f| view! { <span class="muted">" · " {f}</span> })}
                        {code.map(|c| view! { <span class="muted mono">" (" {c} ")"</span> })}
                        {al.target_description.clone().map(|d| view! { <p class="muted">{d}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
