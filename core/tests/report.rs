//! The stored report's JSON: reports stored by earlier versions (outcomes and endorsement
//! targets as texts) read back identically, typed outcomes write exactly those texts, and texts
//! this version does not know are kept, never an error. Tables of cases.

use serde_json::{Value, json};
use wallet_core::report::{
    CheckOutcome, EndorsementTarget, StoredCheck, StoredReport, display_time,
};
use wallet_core::status::Status;

#[test]
fn check_outcomes_are_stored_as_their_texts() {
    for (text, outcome) in [
        ("pass", CheckOutcome::Pass),
        ("fail", CheckOutcome::Fail),
        ("not-checked", CheckOutcome::NotChecked),
        ("warn", CheckOutcome::Warn),
        ("", CheckOutcome::Other(String::new())),
        ("Pass", CheckOutcome::Other("Pass".into())),
        ("skipped", CheckOutcome::Other("skipped".into())),
    ] {
        let json = serde_json::to_value(&outcome).unwrap();
        assert_eq!(json, Value::String(text.into()), "{outcome:?}");
        assert_eq!(
            serde_json::from_value::<CheckOutcome>(json).unwrap(),
            outcome
        );
        assert_eq!(outcome.as_str(), text);
        assert_eq!(outcome.to_string(), text);
    }
}

#[test]
fn endorsement_targets_are_stored_as_their_texts() {
    for (text, target) in [
        ("credential", EndorsementTarget::Credential),
        ("achievement", EndorsementTarget::Achievement),
        ("issuer", EndorsementTarget::Issuer),
        ("subject", EndorsementTarget::Subject),
        ("evidence", EndorsementTarget::Other("evidence".into())),
    ] {
        let json = serde_json::to_value(&target).unwrap();
        assert_eq!(json, Value::String(text.into()), "{target:?}");
        assert_eq!(
            serde_json::from_value::<EndorsementTarget>(json).unwrap(),
            target
        );
        assert_eq!(EndorsementTarget::from(text), target);
        assert_eq!(target.to_string(), text);
    }
}

/// A report as an earlier version stored it, with every field.
fn full() -> Value {
    json!({
        "local_id": "urn:uuid:1",
        "status": "verified",
        "checks": [
            {"id": "signature", "outcome": "pass", "message": "Signed by did:key:z6Mk…"},
            {"id": "status", "outcome": "pass", "message": "Not revoked.", "checked_at": "2026-12-01T16:50:12.345Z"},
            {"id": "issuer-trust", "outcome": "warn", "message": "Unknown issuer."},
            {"id": "validity", "outcome": "not-checked", "message": ""},
            {"id": "format", "outcome": "fail", "message": "x"}
        ],
        "proofs": [
            {"suite": "eddsa-rdfc-2022", "verification_method": "did:key:z6Mk#z6Mk", "outcome": "pass", "message": ""}
        ],
        "checked_at": "2026-12-01T16:50:12.345Z",
        "hosted": null,
        "endorsements": [
            {"target": "issuer", "endorser_id": "did:web:e.example", "endorser_name": "E", "comment": null, "status": "verified", "message": ""},
            {"target": "subject", "endorser_id": null, "endorser_name": null, "comment": "Good", "status": "invalid", "message": "bad"}
        ],
        "nested": [
            {"index": 0, "local_id": "urn:uuid:2", "status": "unverified",
             "checks": [{"id": "signature", "outcome": "not-checked", "message": "offline"}],
             "proofs": []}
        ]
    })
}

#[test]
fn stored_reports_read_back_identically() {
    // (stored JSON, the JSON this version writes back)
    let minimal_out = json!({
        "local_id": "a", "status": "pending", "checks": [], "proofs": [],
        "checked_at": "", "hosted": null
    });
    for (stored, written) in [
        (full(), full()),
        // Fields missing in early reports take their defaults; empty lists are not written.
        (
            json!({"local_id": "a", "status": "pending"}),
            minimal_out.clone(),
        ),
        (
            json!({"local_id": "a", "status": "pending", "endorsements": [], "nested": []}),
            minimal_out,
        ),
        // Unknown fields (a newer wallet's) are ignored.
        (
            json!({"local_id": "a", "status": "expired", "checks": [{"id": "x", "outcome": "pass", "extra": 1}], "future": true}),
            json!({"local_id": "a", "status": "expired", "checks": [{"id": "x", "outcome": "pass", "message": ""}], "proofs": [], "checked_at": "", "hosted": null}),
        ),
        // An outcome and a target this version does not know are kept as they are.
        (
            json!({"local_id": "a", "status": "unverified", "checks": [{"id": "x", "outcome": "later", "message": "m"}], "proofs": [], "checked_at": "", "hosted": "https://h.example/a",
                   "endorsements": [{"target": "evidence", "endorser_id": null, "endorser_name": null, "comment": null, "status": "pending", "message": ""}]}),
            json!({"local_id": "a", "status": "unverified", "checks": [{"id": "x", "outcome": "later", "message": "m"}], "proofs": [], "checked_at": "", "hosted": "https://h.example/a",
                   "endorsements": [{"target": "evidence", "endorser_id": null, "endorser_name": null, "comment": null, "status": "pending", "message": ""}]}),
        ),
    ] {
        let report: StoredReport = serde_json::from_value(stored.clone()).unwrap();
        assert_eq!(serde_json::to_value(&report).unwrap(), written, "{stored}");
        // And once more: what this version writes reads back the same.
        let again: StoredReport = serde_json::from_value(written.clone()).unwrap();
        assert_eq!(again, report);
    }
}

#[test]
fn full_report_is_typed() {
    let r: StoredReport = serde_json::from_value(full()).unwrap();
    assert_eq!(r.status, Status::Verified);
    let outcomes: Vec<&CheckOutcome> = r.checks.iter().map(|c| &c.outcome).collect();
    assert_eq!(
        outcomes,
        [
            &CheckOutcome::Pass,
            &CheckOutcome::Pass,
            &CheckOutcome::Warn,
            &CheckOutcome::NotChecked,
            &CheckOutcome::Fail
        ]
    );
    assert_eq!(
        r.checks[1].checked_at.as_deref(),
        Some("2026-12-01T16:50:12.345Z")
    );
    assert_eq!(r.endorsements[0].target, EndorsementTarget::Issuer);
    assert_eq!(r.endorsements[1].target, EndorsementTarget::Subject);
    assert_eq!(r.nested[0].checks[0].outcome, CheckOutcome::NotChecked);
}

#[test]
fn a_check_without_checked_at_does_not_write_it() {
    let c = StoredCheck {
        id: "signature".into(),
        outcome: CheckOutcome::NotChecked,
        message: "m".into(),
        checked_at: None,
        text: None,
        notes: vec![],
    };
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        json!({"id": "signature", "outcome": "not-checked", "message": "m"})
    );
}

#[test]
fn unreadable_reports_are_errors_not_panics() {
    for bad in [
        json!(null),
        json!([]),
        json!({"status": "verified"}),
        json!({"local_id": "a", "status": "verified", "checks": [{"id": "x", "outcome": 1}]}),
        json!({"local_id": "a", "status": "verified", "checks": "no"}),
    ] {
        assert!(
            serde_json::from_value::<StoredReport>(bad.clone()).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn display_time_cases() {
    for (iso, shown) in [
        ("2026-12-01T16:50:12.345Z", "2026-12-01 16:50 UTC"),
        ("2026-12-01T16:50Z", "2026-12-01 16:50 UTC"),
        ("2026-12-01T16:50:12+01:00", "2026-12-01T16:50:12+01:00"),
        ("short", "short"),
        ("", ""),
        // Byte positions, as ever: odd text gives odd output, never a panic.
        ("é026-12-01T16:50:12Z", "é026-12-0 T16:5 UTC"),
        ("2026-12-0éT16:50Z", "2026-12-0éT16:50Z"),
    ] {
        assert_eq!(display_time(iso), shown, "{iso}");
    }
}

/// The typed sentence and notes (added after reports were first stored): written only when
/// present, read back identically, and absent in older reports.
#[test]
fn typed_texts_are_stored_and_read_back() {
    let text = wallet_core::text!(
        "verify-signatures-issuer-valid-other-failed",
        valid = 1usize,
        n = 2usize,
        reason = wallet_core::text!("verify-proof-valid", suite = "eddsa-rdfc-2022")
    );
    let note = wallet_core::text!("verify-note-revocation-offline");
    let c = StoredCheck {
        id: "signature".into(),
        outcome: CheckOutcome::Pass,
        message: text.english(),
        checked_at: None,
        text: Some(text.clone()),
        notes: vec![note],
    };
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(
        json,
        json!({"id": "signature", "outcome": "pass",
               "message": "1 of 2 signatures are valid, including the issuer's; another failed: The eddsa-rdfc-2022 signature is valid.",
               "text": {"id": "verify-signatures-issuer-valid-other-failed",
                        "args": [["valid", 1], ["n", 2],
                                 ["reason", {"id": "verify-proof-valid", "args": [["suite", "eddsa-rdfc-2022"]]}]]},
               "notes": [{"id": "verify-note-revocation-offline"}]})
    );
    let back: StoredCheck = serde_json::from_value(json).unwrap();
    assert_eq!(back, c);
    // An older report's check: no text, no notes.
    let old: StoredCheck =
        serde_json::from_value(json!({"id": "status", "outcome": "pass", "message": "m"})).unwrap();
    assert_eq!((old.text, old.notes), (None, vec![]));
}
