//! The employer's banner over a shared portfolio: one state for all its credentials, and the
//! words that say why.
//!
//! "Verified" is a promise: every credential's signature, dates and revocation were checked and
//! every issuer is one this viewer trusts. Anything that could not be confirmed (an unknown or
//! demo issuer, a revocation list not checked, a key document not at hand) is a warning, and
//! anything proven wrong (invalid, revoked, expired, not yet valid, unreadable) is a failure.

use wallet_core::{Credential, Original};

use wallet_i18n::{Lang, msg};

use crate::{Outcome, Report, Status};

/// The banner's state (`data-state` on `[data-testid=share-banner]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BannerState {
    /// A credential is still being checked.
    Checking,
    /// Every credential verified, every issuer trusted.
    Verified,
    /// Nothing failed, but something could not be confirmed.
    Warn,
    /// A credential failed (or could not be read).
    Failed,
}

impl BannerState {
    pub fn as_str(self) -> &'static str {
        match self {
            BannerState::Checking => "checking",
            BannerState::Verified => "verified",
            BannerState::Warn => "warn",
            BannerState::Failed => "failed",
        }
    }
}

/// What the banner needs of one checked credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub status: Status,
    /// The issuer id (issuers are counted once each).
    pub issuer: Option<String>,
    /// The issuer is trusted by this viewer.
    pub issuer_trusted: bool,
    /// The signature check passed.
    pub signature_ok: bool,
    /// The credential declares a status list that was not checked.
    pub revocation_unchecked: bool,
}

impl Item {
    /// From a verification report and the trust decision for its issuer.
    pub fn from_report(report: &Report, credential: &Credential, issuer_trusted: bool) -> Item {
        let outcome = |id: &str| report.check(id).map(|c| c.outcome);
        Item {
            status: report.status,
            issuer: credential.issuer.id.clone(),
            issuer_trusted,
            signature_ok: outcome("signature") == Some(Outcome::Pass),
            revocation_unchecked: declares_status(credential)
                && outcome("status") != Some(Outcome::Pass)
                && report.status != Status::Revoked,
        }
    }
}

/// Whether the credential declares a `credentialStatus` (in its JSON, or in a JWT's credential).
pub fn declares_status(credential: &Credential) -> bool {
    let value = match &credential.original {
        Original::Json(text) => serde_json::from_str::<serde_json::Value>(text).ok(),
        Original::Jws(text) => crate::jws::decode(text)
            .ok()
            .map(|j| crate::jws::credential_of(&j.payload).clone()),
    };
    value.is_some_and(|v| {
        v.get("credentialStatus")
            .is_some_and(|s| !s.is_null() && s.as_array().is_none_or(|a| !a.is_empty()))
    })
}

/// The banner: its state and the counts its words are made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Banner {
    pub state: BannerState,
    /// Credentials in the link (readable or not).
    pub total: usize,
    pub checked: usize,
    pub unreadable: usize,
    /// Credentials whose signature passed.
    pub signatures_valid: usize,
    /// Credentials whose signature could not be checked (no failure).
    pub signatures_unchecked: usize,
    /// Distinct issuers (of credentials that did not fail) this viewer does not trust.
    pub issuers_unconfirmed: usize,
    /// Credentials (that did not fail) whose revocation was not checked.
    pub revocation_unchecked: usize,
    /// Failed credentials per status, in a fixed order.
    pub failed: Vec<(Status, usize)>,
}

const FAILURES: [Status; 4] = [
    Status::Invalid,
    Status::Revoked,
    Status::Expired,
    Status::NotYetValid,
];

/// The banner for `items` (`None` = still being checked) and `unreadable` credentials.
pub fn banner(items: &[Option<Item>], unreadable: usize) -> Banner {
    let done: Vec<&Item> = items.iter().flatten().collect();
    let failed: Vec<(Status, usize)> = FAILURES
        .iter()
        .map(|s| (*s, done.iter().filter(|i| i.status == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let standing: Vec<&&Item> = done
        .iter()
        .filter(|i| !FAILURES.contains(&i.status))
        .collect();
    let mut untrusted: Vec<Option<&str>> = Vec::new();
    let mut anonymous = 0;
    for i in standing.iter().filter(|i| !i.issuer_trusted) {
        match i.issuer.as_deref() {
            Some(id) if untrusted.contains(&Some(id)) => {}
            Some(id) => untrusted.push(Some(id)),
            None => anonymous += 1,
        }
    }
    let b = Banner {
        state: BannerState::Checking,
        total: items.len() + unreadable,
        checked: done.len(),
        unreadable,
        signatures_valid: done.iter().filter(|i| i.signature_ok).count(),
        signatures_unchecked: standing.iter().filter(|i| !i.signature_ok).count(),
        issuers_unconfirmed: untrusted.len() + anonymous,
        revocation_unchecked: standing.iter().filter(|i| i.revocation_unchecked).count(),
        failed,
    };
    let state = if done.len() < items.len() {
        BannerState::Checking
    } else if !b.failed.is_empty() || unreadable > 0 {
        BannerState::Failed
    } else if standing.iter().all(|i| {
        i.status == Status::Verified
            && i.issuer_trusted
            && i.signature_ok
            && !i.revocation_unchecked
    }) && !items.is_empty()
    {
        BannerState::Verified
    } else {
        BannerState::Warn
    };
    Banner { state, ..b }
}

impl Banner {
    /// The banner's sentence in `lang`, e.g. "3 credentials: signatures valid; 2 issuers not
    /// confirmed; revocation not checked for 1." (messages `share-banner-*`, i18n/locales).
    pub fn words(&self, lang: Lang) -> String {
        words(lang, self)
    }
}

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
fn words(lang: Lang, b: &Banner) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn item(
        status: Status,
        issuer: &str,
        trusted: bool,
        sig: bool,
        rev_unchecked: bool,
    ) -> Option<Item> {
        Some(Item {
            status,
            issuer: Some(issuer.into()),
            issuer_trusted: trusted,
            signature_ok: sig,
            revocation_unchecked: rev_unchecked,
        })
    }

    #[test]
    fn states_and_words() {
        use Status::*;
        let ok = |i: &str| item(Verified, i, true, true, false);
        let cases: Vec<(Vec<Option<Item>>, usize, BannerState, &str)> = vec![
            (
                vec![None, ok("a")],
                0,
                BannerState::Checking,
                "Checking 2 credentials in your browser… (1 of 2 done)",
            ),
            (
                vec![ok("a"), ok("b")],
                0,
                BannerState::Verified,
                "All 2 credentials verified in your browser: signatures valid; issuers confirmed.",
            ),
            (
                vec![ok("a")],
                0,
                BannerState::Verified,
                "The credential was verified in your browser: signature valid; issuer confirmed.",
            ),
            // Unknown issuers (counted once each), revocation not checked.
            (
                vec![
                    item(Verified, "x", false, true, false),
                    item(Verified, "x", false, true, false),
                    item(Verified, "y", false, true, false),
                    item(Unverified, "a", true, true, true),
                ],
                0,
                BannerState::Warn,
                "4 credentials: signatures valid; 2 issuers not confirmed; revocation not checked for 1.",
            ),
            // A verified status whose revocation was not checked is still no "verified" banner.
            (
                vec![item(Verified, "a", true, true, true)],
                0,
                BannerState::Warn,
                "1 credential: signature valid; issuer confirmed; revocation not checked for 1.",
            ),
            // A key document not at hand: the signature could not be checked.
            (
                vec![item(Unverified, "a", true, false, false), ok("b")],
                0,
                BannerState::Warn,
                "2 credentials: 1 of 2 signatures valid; signature not checked for 1; issuers confirmed.",
            ),
            (
                vec![
                    item(Expired, "a", true, true, false),
                    item(Verified, "x", false, true, false),
                ],
                0,
                BannerState::Failed,
                "2 credentials: 1 failed (1 expired); signatures valid; 1 issuer not confirmed.",
            ),
            (
                vec![
                    item(Invalid, "a", false, false, false),
                    item(Revoked, "b", true, true, false),
                    item(NotYetValid, "c", true, true, false),
                ],
                0,
                BannerState::Failed,
                "3 credentials: 3 failed (1 invalid, 1 revoked, 1 not yet valid); 2 of 3 signatures valid; issuers confirmed.",
            ),
            (
                vec![ok("a")],
                1,
                BannerState::Failed,
                "2 credentials: 1 failed (1 unreadable); signature valid; issuer confirmed.",
            ),
            (
                vec![],
                2,
                BannerState::Failed,
                "2 credentials: 2 failed (2 unreadable).",
            ),
        ];
        for (items, unreadable, state, words) in cases {
            let b = banner(&items, unreadable);
            assert_eq!(b.state, state, "{items:?}");
            assert_eq!(b.words(Lang::En), words, "{items:?}");
        }
    }

    #[test]
    fn french_words() {
        let cases = vec![(vec![], 2, "2 attestations : 2 en échec (2 illisibles).")];
        for (items, unreadable, words) in cases {
            let b = banner(&items, unreadable);
            assert_eq!(
                b.words(Lang::Fr),
                words.replace(" :", "\u{a0}:"),
                "{items:?}"
            );
        }
    }

    #[test]
    fn never_verified_unless_all_confirmed() {
        // Every single unconfirmed fact on an otherwise verified credential keeps it from "verified".
        let base = Item {
            status: Status::Verified,
            issuer: Some("a".into()),
            issuer_trusted: true,
            signature_ok: true,
            revocation_unchecked: false,
        };
        let spoilers: [fn(&mut Item); 4] = [
            |i| i.issuer_trusted = false,
            |i| i.signature_ok = false,
            |i| i.revocation_unchecked = true,
            |i| i.status = Status::Unverified,
        ];
        for spoil in spoilers {
            let mut i = base.clone();
            spoil(&mut i);
            assert_eq!(
                banner(&[Some(base.clone()), Some(i.clone())], 0).state,
                BannerState::Warn,
                "{i:?}"
            );
        }
        assert_eq!(banner(&[Some(base)], 0).state, BannerState::Verified);
    }
}
