//! What a stored report says about the fetched documents its checks used (status lists, the
//! issuer's key documents): when each copy was fetched — "how old" the answer is, which matters
//! most when the wallet is offline and verifies with copies fetched earlier — and, for a list it
//! could not use, why (the fetch failed, or the wallet is offline and holds no usable copy).
//!
//! Pure: the shell (`src/verification/round.rs`) gives one round's [`Documents`] and the URLs a
//! credential's checks depend on. Only messages and `checked_at` times change here, never an
//! outcome or a card's status: a stale copy is not usable (`wallet_verify::is_fresh`), so it
//! never makes a credential verified, online or offline.

use std::collections::{HashMap, HashSet};

use crate::report::{CheckOutcome, StoredCheck, StoredReport, Text, display_time};
use crate::text;

/// Adds a note after a check's sentence: typed (`notes`, shown in the reader's language) and
/// in English at the end of `message` (what older versions show).
fn note(check: &mut StoredCheck, t: Text) {
    check.message.push(' ');
    check.message.push_str(&t.english());
    check.notes.push(t);
}

/// One verification round's fetched documents, by URL.
#[derive(Clone, Debug, Default)]
pub struct Documents {
    /// Whether the browser said it was online when the round started (offline: nothing is
    /// fetched; only stored copies still fresh are used).
    pub online: bool,
    /// Every stored copy, fresh or not: URL → when it was fetched (RFC 3339).
    pub fetched_at: HashMap<String, String>,
    /// The URLs verification may use this round (a fresh stored copy, or fetched this round).
    /// Invariant: each is in `fetched_at`.
    pub usable: HashSet<String>,
    /// Why a URL could not be fetched this round.
    pub misses: HashMap<String, String>,
}

impl Documents {
    /// When the oldest of the usable `urls` was fetched (None: none is usable).
    fn oldest_used(&self, urls: &[String]) -> Option<String> {
        urls.iter()
            .filter(|u| self.usable.contains(*u))
            .filter_map(|u| self.fetched_at.get(u).cloned())
            .min()
    }

    /// Says on the report's checks how old the documents used were, and why a status list
    /// could not be used:
    ///  - the `status` check (when the credential has `status_urls`): checked (pass or fail) →
    ///    `checked_at` = when the oldest list used was fetched, and offline, that this was a
    ///    copy fetched earlier; not checked → per list, the failed fetch, or "Revocation not
    ///    checked (offline)", and when revocation was last checked if an out-of-date copy is
    ///    stored;
    ///  - the `issuer-key` check (else `signature`), when key documents (`key_urls`) were
    ///    used: `checked_at` = when the oldest was fetched, and offline, that it was a copy.
    pub fn annotate(&self, report: &mut StoredReport, status_urls: &[String], key_urls: &[String]) {
        if !status_urls.is_empty()
            && let Some(check) = report.checks.iter_mut().find(|c| c.id == "status")
        {
            if matches!(check.outcome, CheckOutcome::Pass | CheckOutcome::Fail) {
                check.checked_at = self.oldest_used(status_urls);
                if let (false, Some(at)) = (self.online, &check.checked_at) {
                    let age = age_text(at, &report.checked_at);
                    note(check, text!("verify-note-offline-list", age = age));
                }
            } else {
                let unusable: Vec<&String> = status_urls
                    .iter()
                    .filter(|u| !self.usable.contains(*u))
                    .collect();
                if !self.online && unusable.iter().any(|u| !self.misses.contains_key(*u)) {
                    note(check, text!("verify-note-revocation-offline"));
                }
                for url in unusable {
                    if let Some(m) = self.misses.get(url) {
                        note(
                            check,
                            text!("verify-note-fetch-failed", url = url, detail = m),
                        );
                    }
                    if let Some(at) = self.fetched_at.get(url) {
                        let when = display_time(at);
                        note(check, text!("verify-note-list-out-of-date", when = when));
                    }
                }
            }
        }
        let Some(at) = self.oldest_used(key_urls) else {
            return;
        };
        let now = report.checked_at.clone();
        let check = match report.checks.iter().position(|c| c.id == "issuer-key") {
            Some(i) => report.checks.get_mut(i),
            None => report.checks.iter_mut().find(|c| c.id == "signature"),
        };
        if let Some(check) = check {
            if !self.online {
                let age = age_text(&at, &now);
                note(check, text!("verify-note-offline-key", age = age));
            }
            check.checked_at = Some(at);
        }
    }
}

/// How long before `now` a copy was `fetched` (both RFC 3339), in words: "less than an hour
/// ago", "5 hours ago", "3 days ago"; the date itself when either time is unreadable or the copy
/// claims to come from the future.
pub fn age(fetched: &str, now: &str) -> String {
    age_text(fetched, now).english()
}

/// [`age`], typed (shown in the reader's language).
pub fn age_text(fetched: &str, now: &str) -> Text {
    let (Some(f), Some(n)) = (
        crate::time::parse_datetime(fetched),
        crate::time::parse_datetime(now),
    ) else {
        let when = display_time(fetched);
        return text!("verify-age-at", when = when);
    };
    let seconds = n.saturating_sub(f);
    let hours = seconds / 3600;
    match hours {
        _ if seconds < 0 => {
            let when = display_time(fetched);
            text!("verify-age-at", when = when)
        }
        0 => text!("verify-age-less-than-an-hour"),
        1..48 => text!("verify-age-hours", n = hours),
        _ => text!("verify-age-days", n = hours / 24),
    }
}
