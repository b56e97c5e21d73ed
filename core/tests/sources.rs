//! What a report says about the documents it used (`wallet_core::sources`): how old they were,
//! offline or not, and why a status list could not be used. Outcomes never change. A table of
//! cases.

use wallet_core::report::{CheckOutcome, StoredCheck, StoredReport};
use wallet_core::sources::{Documents, age, age_text};
use wallet_core::status::Status;
use wallet_i18n::Lang;

const LIST: &str = "https://issuer.example/lists/1";
const LIST2: &str = "https://issuer.example/lists/2";
const KEY: &str = "https://issuer.example/.well-known/did.json";
const OLD: &str = "2026-11-30T08:15:00Z";
const NEW: &str = "2026-12-01T09:30:00Z";

fn check(id: &str, outcome: CheckOutcome) -> StoredCheck {
    StoredCheck {
        id: id.into(),
        outcome,
        message: format!("{id}."),
        checked_at: None,
        text: None,
        notes: vec![],
    }
}

fn report(status: CheckOutcome, with_key_check: bool) -> StoredReport {
    let mut checks = vec![check("signature", CheckOutcome::Pass)];
    if with_key_check {
        checks.push(check("issuer-key", CheckOutcome::Pass));
    }
    checks.push(check("status", status));
    StoredReport {
        local_id: "x".into(),
        status: Status::Verified,
        checks,
        proofs: vec![],
        checked_at: NEW.into(),
        hosted: None,
        endorsements: vec![],
        nested: vec![],
    }
}

/// `stored`: (url, fetched at, usable); `misses`: (url, why).
fn docs(online: bool, stored: &[(&str, &str, bool)], misses: &[(&str, &str)]) -> Documents {
    Documents {
        online,
        fetched_at: stored
            .iter()
            .map(|(u, at, _)| (u.to_string(), at.to_string()))
            .collect(),
        usable: stored
            .iter()
            .filter(|s| s.2)
            .map(|(u, _, _)| u.to_string())
            .collect(),
        misses: misses
            .iter()
            .map(|(u, m)| (u.to_string(), m.to_string()))
            .collect(),
    }
}

fn get<'a>(r: &'a StoredReport, id: &str) -> &'a StoredCheck {
    r.checks.iter().find(|c| c.id == id).unwrap()
}

/// (check id, its checked_at, texts its message must hold, texts it must not hold)
type Want = (
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
);

struct Case {
    name: &'static str,
    docs: Documents,
    status: CheckOutcome,
    with_key_check: bool,
    status_urls: &'static [&'static str],
    key_urls: &'static [&'static str],
    /// What each named check must show afterwards.
    want: &'static [Want],
}

#[test]
fn reports_say_how_old_the_documents_used_were() {
    let cases = [
        Case {
            name: "online, fresh list: its time, no offline words",
            docs: docs(true, &[(LIST, OLD, true)], &[]),
            status: CheckOutcome::Pass,
            with_key_check: false,
            status_urls: &[LIST],
            key_urls: &[],
            want: &[
                ("status", Some(OLD), &["status."], &["offline"]),
                ("signature", None, &[], &["offline"]),
            ],
        },
        Case {
            name: "offline, fresh copies: the oldest list's time, said to be a copy",
            docs: docs(false, &[(LIST, NEW, true), (LIST2, OLD, true)], &[]),
            status: CheckOutcome::Pass,
            with_key_check: false,
            status_urls: &[LIST, LIST2],
            key_urls: &[],
            want: &[(
                "status",
                Some(OLD),
                &["You are offline: this used the copy of the list fetched 25 hours ago."],
                &[],
            )],
        },
        Case {
            name: "offline, revoked by a cached list: still said",
            docs: docs(false, &[(LIST, OLD, true)], &[]),
            status: CheckOutcome::Fail,
            with_key_check: false,
            status_urls: &[LIST],
            key_urls: &[],
            want: &[("status", Some(OLD), &["fetched 25 hours ago"], &[])],
        },
        Case {
            name: "offline, nothing stored: revocation not checked (offline)",
            docs: docs(false, &[], &[]),
            status: CheckOutcome::NotChecked,
            with_key_check: false,
            status_urls: &[LIST],
            key_urls: &[],
            want: &[(
                "status",
                None,
                &["Revocation not checked (offline)."],
                &["last checked"],
            )],
        },
        Case {
            name: "offline, out-of-date copy: not checked, and when it last was",
            docs: docs(false, &[(LIST, OLD, false)], &[]),
            status: CheckOutcome::NotChecked,
            with_key_check: false,
            status_urls: &[LIST],
            key_urls: &[],
            want: &[(
                "status",
                None,
                &[
                    "Revocation not checked (offline)",
                    "Revocation was last checked 2026-11-30 08:15 UTC; that copy of the list is out of date.",
                ],
                &[],
            )],
        },
        Case {
            name: "online, fetch failed, out-of-date copy: the failure, not offline",
            docs: docs(
                true,
                &[(LIST, OLD, false)],
                &[(LIST, "the host did not answer")],
            ),
            status: CheckOutcome::NotChecked,
            with_key_check: false,
            status_urls: &[LIST],
            key_urls: &[],
            want: &[(
                "status",
                None,
                &[
                    "Fetching https://issuer.example/lists/1 failed: the host did not answer.",
                    "last checked 2026-11-30 08:15 UTC",
                ],
                &["offline"],
            )],
        },
        Case {
            name: "offline, cached key document: on the issuer-key check",
            docs: docs(false, &[(KEY, OLD, true)], &[]),
            status: CheckOutcome::Pass,
            with_key_check: true,
            status_urls: &[],
            key_urls: &[KEY],
            want: &[
                (
                    "issuer-key",
                    Some(OLD),
                    &[
                        "You are offline: this used the copy of the issuer's key document fetched 25 hours ago.",
                    ],
                    &[],
                ),
                ("signature", None, &[], &["offline"]),
                // No status list: the status check is left as the verifier wrote it.
                ("status", None, &[], &["offline"]),
            ],
        },
        Case {
            name: "online, key document: its time on the signature check when there is no issuer-key check",
            docs: docs(true, &[(KEY, NEW, true)], &[]),
            status: CheckOutcome::Pass,
            with_key_check: false,
            status_urls: &[],
            key_urls: &[KEY],
            want: &[("signature", Some(NEW), &[], &["offline"])],
        },
        Case {
            name: "offline, key document not usable: nothing said about its age",
            docs: docs(false, &[(KEY, OLD, false)], &[]),
            status: CheckOutcome::Pass,
            with_key_check: true,
            status_urls: &[],
            key_urls: &[KEY],
            want: &[("issuer-key", None, &[], &["offline"])],
        },
    ];
    for case in cases {
        let mut r = report(case.status.clone(), case.with_key_check);
        let outcomes: Vec<CheckOutcome> = r.checks.iter().map(|c| c.outcome.clone()).collect();
        let status_urls: Vec<String> = case.status_urls.iter().map(|s| s.to_string()).collect();
        let key_urls: Vec<String> = case.key_urls.iter().map(|s| s.to_string()).collect();
        case.docs.annotate(&mut r, &status_urls, &key_urls);
        for (id, at, has, lacks) in case.want {
            let c = get(&r, id);
            assert_eq!(
                c.checked_at.as_deref(),
                *at,
                "{}: {id} checked_at",
                case.name
            );
            for h in *has {
                assert!(
                    c.message.contains(h),
                    "{}: {id} lacks {h:?}: {}",
                    case.name,
                    c.message
                );
            }
            for l in *lacks {
                assert!(
                    !c.message.contains(l),
                    "{}: {id} has {l:?}: {}",
                    case.name,
                    c.message
                );
            }
        }
        // The notes are typed, and their English is what the message gained.
        for c in &r.checks {
            let english: String = c
                .notes
                .iter()
                .map(|n| format!(" {}", n.english()))
                .collect();
            assert_eq!(c.message, format!("{}.{english}", c.id), "{}", case.name);
        }
        let after: Vec<CheckOutcome> = r.checks.iter().map(|c| c.outcome.clone()).collect();
        assert_eq!(after, outcomes, "{}: outcomes never change", case.name);
        assert_eq!(
            r.status,
            Status::Verified,
            "{}: the status never changes",
            case.name
        );
    }
}

#[test]
fn ages_in_words() {
    for (fetched, now, want) in [
        (
            "2026-12-01T09:00:00Z",
            "2026-12-01T09:59:59Z",
            "less than an hour ago",
        ),
        (
            "2026-12-01T09:00:00Z",
            "2026-12-01T09:00:00Z",
            "less than an hour ago",
        ),
        ("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "1 hour ago"),
        (
            "2026-12-01T09:00:00Z",
            "2026-12-03T08:59:59Z",
            "47 hours ago",
        ),
        ("2026-12-01T09:00:00Z", "2026-12-03T09:00:00Z", "2 days ago"),
        (
            "2026-11-01T09:00:00Z",
            "2026-12-01T09:00:00Z",
            "30 days ago",
        ),
        // From the future, or unreadable: the date as it is.
        (
            "2026-12-02T09:00:00Z",
            "2026-12-01T09:00:00Z",
            "2026-12-02 09:00 UTC",
        ),
        ("yesterday", "2026-12-01T09:00:00Z", "yesterday"),
        ("2026-12-01T09:00:00Z", "", "2026-12-01 09:00 UTC"),
    ] {
        assert_eq!(age(fetched, now), want, "{fetched} → {now}");
    }
}

#[test]
fn ages_in_french() {
    for (fetched, now, want) in [
        (
            "2026-12-01T09:00:00Z",
            "2026-12-01T09:59:59Z",
            "il y a moins d’une heure",
        ),
        (
            "2026-12-01T09:00:00Z",
            "2026-12-01T10:00:00Z",
            "il y a 1 heure",
        ),
        (
            "2026-12-01T09:00:00Z",
            "2026-12-03T08:59:59Z",
            "il y a 47 heures",
        ),
        (
            "2026-11-01T09:00:00Z",
            "2026-12-01T09:00:00Z",
            "il y a 30 jours",
        ),
        (
            "2026-12-02T09:00:00Z",
            "2026-12-01T09:00:00Z",
            "le 2026-12-02 09:00 UTC",
        ),
    ] {
        assert_eq!(
            age_text(fetched, now).render(Lang::Fr),
            want,
            "{fetched} → {now}"
        );
    }
}

/// A typed sentence with its offline note: shown in English exactly as `message`, and in
/// French as a whole.
#[test]
fn typed_sentences_and_notes_show_in_the_readers_language() {
    let sentence = wallet_core::text!("verify-status-not-revoked");
    let mut r = report(CheckOutcome::Pass, false);
    let status = r.checks.iter_mut().find(|c| c.id == "status").unwrap();
    status.message = sentence.english();
    status.text = Some(sentence);
    docs(false, &[(LIST, OLD, true)], &[]).annotate(&mut r, &[LIST.to_string()], &[]);
    let c = get(&r, "status");
    assert_eq!(
        c.message,
        "The issuer has not revoked this credential. You are offline: this used the copy of the list fetched 25 hours ago."
    );
    assert_eq!(c.shown(Lang::En).as_deref(), Some(c.message.as_str()));
    assert_eq!(
        c.shown(Lang::Fr).as_deref(),
        Some(
            "L’émetteur n’a pas révoqué cette attestation. Vous êtes hors ligne\u{a0}: cette vérification a utilisé la copie de la liste récupérée il y a 25 heures."
        )
    );
    // An untyped sentence (an older report) has nothing to show but its English message.
    assert_eq!(get(&r, "signature").shown(Lang::Fr), None);
}
