//! Issue 11, "say exactly what was checked": VC-JWT NumericDates that are not integers, and
//! OB 2.0 hosted verification taking the issuer's hosted copy as the source of truth.

use std::collections::HashMap;

use serde_json::{Value, json};
use wallet_verify::{Outcome, Source, Status, VerifyContext, verify};

mod common;
use common::{TestKey, ob3_credential, sign_jws};

/// 2025-11-23T12:00:00Z = 1_763_899_200.
const NOW: &str = "2025-11-23T12:00:00Z";
const NOW_S: f64 = 1_763_899_200.0;

fn ctx(resolved: &HashMap<String, Value>) -> VerifyContext<'_> {
    VerifyContext {
        now: NOW,
        skew_seconds: 60,
        resolved,
        trusted_issuers: &[],
    }
}

fn jwt(payload_extra: Value, vc_extra: Value) -> String {
    let key = TestKey::from_seed(9);
    let did = key.did.clone();
    let mut vc = ob3_credential("urn:uuid:dates", &did, "Dates");
    for (k, v) in vc_extra.as_object().unwrap() {
        vc[k] = v.clone();
    }
    let mut payload = json!({"iss": did, "jti": "urn:uuid:dates", "vc": vc});
    for (k, v) in payload_extra.as_object().unwrap() {
        payload[k] = v.clone();
    }
    sign_jws(&key.sk, &json!({"alg": "EdDSA"}), &payload)
}

#[test]
fn jwt_numeric_dates() {
    let none = HashMap::new();
    let past = NOW_S - 86_400.0 + 0.5;
    let future = NOW_S + 86_400.0 + 0.5;
    // (payload claims, credential dates, status, what)
    let cases: Vec<(Value, Value, Status, &str)> = vec![
        (json!({}), json!({}), Status::Verified, "no dates"),
        (
            json!({"exp": NOW_S as i64 - 86_400}),
            json!({}),
            Status::Expired,
            "integer exp, past",
        ),
        (
            json!({"exp": past}),
            json!({}),
            Status::Expired,
            "fractional exp, past (was: never expires)",
        ),
        (
            json!({"exp": 1_700_000_000.5}),
            json!({}),
            Status::Expired,
            "the issue's example",
        ),
        (
            json!({"exp": future}),
            json!({}),
            Status::Verified,
            "fractional exp, future",
        ),
        (
            json!({"exp": 1.7e9}),
            json!({}),
            Status::Expired,
            "exponent form",
        ),
        (
            json!({"nbf": future}),
            json!({}),
            Status::NotYetValid,
            "fractional nbf, future",
        ),
        (
            json!({"nbf": past}),
            json!({}),
            Status::Verified,
            "fractional nbf, past",
        ),
        (
            json!({"exp": "1700000000"}),
            json!({}),
            Status::Invalid,
            "exp as a string",
        ),
        (
            json!({"exp": true}),
            json!({}),
            Status::Invalid,
            "exp as a boolean",
        ),
        (
            json!({"exp": 1e300}),
            json!({}),
            Status::Invalid,
            "exp out of range",
        ),
        (
            json!({"nbf": [1]}),
            json!({}),
            Status::Invalid,
            "nbf as an array",
        ),
        (
            json!({"exp": -1.5}),
            json!({}),
            Status::Expired,
            "negative exp",
        ),
        // The claims bound the credential's own dates: the earlier end, the later start win.
        (
            json!({"exp": past}),
            json!({"validUntil": "2099-01-01T00:00:00Z"}),
            Status::Expired,
            "exp earlier than validUntil",
        ),
        (
            json!({"exp": future}),
            json!({"validUntil": "2020-01-01T00:00:00Z"}),
            Status::Expired,
            "validUntil earlier than exp",
        ),
        (
            json!({"nbf": future}),
            json!({"validFrom": "2020-01-01T00:00:00Z"}),
            Status::NotYetValid,
            "nbf later than validFrom",
        ),
        (
            json!({"exp": past}),
            json!({"expirationDate": "2099-01-01T00:00:00Z"}),
            Status::Expired,
            "exp earlier than a VC 1.1 expirationDate",
        ),
        (
            json!({"exp": future}),
            json!({"validUntil": "not a date"}),
            Status::Invalid,
            "a malformed validUntil is still refused",
        ),
    ];
    for (claims, dates, want, what) in cases {
        let c = wallet_core::parse_credential(&jwt(claims, dates)).expect("parses");
        let r = verify(&c, &ctx(&none));
        assert_eq!(r.status, want, "{what}: {:#?}", r.checks);
        if want == Status::Invalid && what.starts_with("exp") || what.starts_with("nbf as") {
            let f = r.check("format").unwrap();
            assert_eq!(f.outcome, Outcome::Fail, "{what}");
            assert!(f.message.contains("claim"), "{what}: {}", f.message);
        }
    }
}

const HOSTED_URL: &str = "https://makerspace.riverton.example/assertions/1042.json";

fn ob2(extra: Value) -> Value {
    let mut v: Value = serde_json::from_str(include_str!(
        "../../tests/fixtures/ob2-hosted-embedded.json"
    ))
    .unwrap();
    for (k, x) in extra.as_object().unwrap() {
        if x.is_null() {
            v.as_object_mut().unwrap().remove(k);
        } else {
            v[k] = x.clone();
        }
    }
    v
}

#[test]
fn ob2_hosted_copy_is_the_source_of_truth() {
    let past = "2024-01-01T00:00:00Z";
    let future = "2099-01-01T00:00:00Z";
    // (presented changes, hosted copy (None = not fetched), status, source is hosted, what)
    let cases: Vec<(Value, Option<Value>, Status, bool, &str)> = vec![
        (
            json!({}),
            None,
            Status::Unverified,
            false,
            "not fetched: nothing confirmed",
        ),
        (
            json!({}),
            Some(ob2(json!({}))),
            Status::Verified,
            true,
            "the same",
        ),
        (
            json!({}),
            Some(ob2(json!({"expires": past}))),
            Status::Expired,
            true,
            "the issuer set an expiry on its copy: the presented copy cannot lift it",
        ),
        (
            json!({"expires": future}),
            Some(ob2(json!({"expires": past}))),
            Status::Expired,
            true,
            "presented expiry later than the hosted one",
        ),
        (
            json!({"expires": past}),
            Some(ob2(json!({"expires": future}))),
            Status::Verified,
            true,
            "the issuer extended the expiry",
        ),
        (
            json!({"expires": past}),
            Some(ob2(json!({}))),
            Status::Verified,
            true,
            "the issuer's copy does not expire",
        ),
        (
            json!({}),
            Some(ob2(json!({"expires": "soon"}))),
            Status::Invalid,
            true,
            "hosted expiry malformed",
        ),
        (
            json!({}),
            Some(ob2(json!({"revoked": true, "revocationReason": "mistake"}))),
            Status::Revoked,
            true,
            "revoked on the issuer's server",
        ),
        (
            json!({}),
            Some(ob2(
                json!({"recipient": {"type": "email", "hashed": false, "identity": "x@y"}}),
            )),
            Status::Invalid,
            false,
            "a different badge is hosted there",
        ),
    ];
    for (presented, hosted, want, from_hosted, what) in cases {
        let c = wallet_core::parse_credential(&ob2(presented).to_string()).expect("parses");
        let mut resolved = HashMap::new();
        if let Some(h) = hosted {
            resolved.insert(HOSTED_URL.to_string(), h);
        }
        let r = verify(&c, &ctx(&resolved));
        assert_eq!(r.status, want, "{what}: {:#?}", r.checks);
        let want_source = if from_hosted {
            Source::Hosted(HOSTED_URL.into())
        } else {
            Source::Presented
        };
        assert_eq!(r.source, want_source, "{what}");
    }
}
