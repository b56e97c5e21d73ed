//! The employer's banner over a shared portfolio (`[data-testid=share-banner]`): its state and
//! counts come from `wallet_verify::banner` (pure, table-tested); this renders them, in the
//! interface's language ([`words`]: in English, exactly `Banner::words`).

use leptos::prelude::*;
use wallet_i18n::{Lang, msg};
use wallet_verify::Status;
use wallet_verify::banner::{Banner, BannerState};

/// "3 failed (1 invalid, 2 revoked)": one failure count, in `lang`.
fn failure(lang: Lang, s: Status, n: usize) -> String {
    match s {
        Status::Invalid => msg!(lang, "share-banner-why-invalid", n = n),
        Status::Revoked => msg!(lang, "share-banner-why-revoked", n = n),
        Status::Expired => msg!(lang, "share-banner-why-expired", n = n),
        Status::NotYetValid => msg!(lang, "share-banner-why-not-yet-valid", n = n),
        Status::Verified => msg!(lang, "share-banner-why-verified", n = n),
        Status::Unverified => msg!(lang, "share-banner-why-unverified", n = n),
    }
}

/// The banner's sentence in `lang`, e.g. "3 credentials: signatures valid; 2 issuers not
/// confirmed; revocation not checked for 1." (the sentence of `Banner::words`, word for word
/// in English).
pub fn words(lang: Lang, b: &Banner) -> String {
    let readable = b.total - b.unreadable;
    if b.state == BannerState::Checking {
        return msg!(
            lang,
            "share-banner-checking",
            n = b.total,
            checked = b.checked,
            readable = readable
        );
    }
    let creds = msg!(lang, "credential-count", n = b.total);
    let mut parts: Vec<String> = Vec::new();
    let failed: usize = b.failed.iter().map(|(_, n)| n).sum();
    if failed + b.unreadable > 0 {
        let mut why: Vec<String> = b
            .failed
            .iter()
            .map(|(s, n)| failure(lang, *s, *n))
            .collect();
        if b.unreadable > 0 {
            why.push(msg!(lang, "share-banner-why-unreadable", n = b.unreadable));
        }
        parts.push(msg!(
            lang,
            "share-banner-failed",
            n = failed + b.unreadable,
            why = why.join(", ")
        ));
    }
    let separator = msg!(lang, "share-banner-separator");
    if readable == 0 {
        return msg!(
            lang,
            "share-banner-sentence",
            lead = creds,
            parts = parts.join(&separator)
        );
    }
    parts.push(if b.signatures_valid == readable {
        msg!(lang, "share-banner-signatures-valid", n = readable)
    } else {
        msg!(
            lang,
            "share-banner-signatures-some",
            valid = b.signatures_valid,
            readable = readable
        )
    });
    if b.signatures_unchecked > 0 {
        parts.push(msg!(
            lang,
            "share-banner-signatures-unchecked",
            n = b.signatures_unchecked
        ));
    }
    parts.push(match b.issuers_unconfirmed {
        0 => msg!(lang, "share-banner-issuers-confirmed", n = readable),
        n => msg!(lang, "share-banner-issuers-unconfirmed", n = n),
    });
    if b.revocation_unchecked > 0 {
        parts.push(msg!(
            lang,
            "share-banner-revocation-unchecked",
            n = b.revocation_unchecked
        ));
    }
    let lead = match b.state {
        BannerState::Verified if b.total == 1 => msg!(lang, "share-banner-verified-one"),
        BannerState::Verified => msg!(lang, "share-banner-verified-all", n = b.total),
        _ => creds,
    };
    msg!(
        lang,
        "share-banner-sentence",
        lead = lead,
        parts = parts.join(&separator)
    )
}

#[component]
pub fn ShareBanner(
    #[prop(into)] banner: Signal<Banner>,
    #[prop(into)] ms: Signal<Option<f64>>,
) -> impl IntoView {
    let class = move || match banner.with(|b| b.state) {
        BannerState::Checking => "banner info",
        BannerState::Verified => "banner ok",
        BannerState::Warn => "banner warn",
        BannerState::Failed => "banner error",
    };
    let role = move || match banner.with(|b| b.state) {
        BannerState::Failed => "alert",
        _ => "status",
    };
    let hint = move || match banner.with(|b| b.state) {
        BannerState::Checking => String::new(),
        BannerState::Verified => format!(" {}", t!("share-banner-hint-verified")),
        BannerState::Warn => format!(" {}", t!("share-banner-hint-warn")),
        BannerState::Failed => format!(" {}", t!("share-banner-hint-failed")),
    };
    view! {
        <p class=class data-testid="share-banner" data-state=move || banner.with(|b| b.state.as_str())
            data-ms=move || ms.get().map(|m| m.round().to_string()) role=role>
            <strong>{move || banner.with(|b| words(crate::i18n::lang(), b))}</strong>
            {hint}
        </p>
    }
}
