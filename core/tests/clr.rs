//! Comprehensive Learner Record 2.0: what the core reads from a `ClrCredential` in each way
//! it arrives (JSON, VC-JWT, baked PNG and SVG), and what it refuses.

mod common;

use common::{fixture_bytes, fixture_text};
use serde_json::{Value, json};
use wallet_core::{Format, ImportOutcome, Nested, Original, import_bytes, parse_credential};

fn one(o: ImportOutcome) -> wallet_core::Credential {
    match o {
        ImportOutcome::Credentials(mut c) if c.len() == 1 => c.remove(0),
        other => panic!("{other:?}"),
    }
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[test]
fn the_transcript_is_read() {
    let c = parse_credential(&fixture_text("clr/clr-valid.json")).unwrap();
    assert_eq!(c.format, Format::Clr);
    assert_eq!(c.format.label(), "Comprehensive Learner Record 2.0");
    assert_eq!(c.name, "Transcript of Ada Learner (test only)");
    assert_eq!(
        c.issuer.name.as_deref(),
        Some("Harbor Test College (test only)")
    );
    assert_eq!(
        c.subject.id.as_deref(),
        Some("did:example:learner-ada-1234")
    );
    assert_eq!(c.proof_types, ["eddsa-rdfc-2022"]);
    let r = c.clr.as_ref().unwrap();
    assert!(!r.partial);
    assert_eq!(r.achievements.len(), 4);
    assert_eq!(
        r.achievements[0].achievement_type.as_deref(),
        Some("Certificate")
    );
    assert_eq!(r.achievements[0].credits_available.as_deref(), Some("11"));
    assert_eq!(r.associations.len(), 3);
    let a = &r.associations[0];
    assert_eq!(a.association_type.as_deref(), Some("isChildOf"));
    assert_eq!(
        a.target_id.as_deref(),
        Some("https://demo.example.org/codebridge/programs/full-stack-certificate")
    );
    let nested: Vec<&wallet_core::Credential> = r
        .nested
        .iter()
        .map(|n| match n {
            Nested::Parsed(c) => c.as_ref(),
            Nested::Unreadable(e) => panic!("{e}"),
        })
        .collect();
    assert_eq!(nested.len(), 3);
    let capstone = nested[0];
    assert_eq!(capstone.format, Format::Ob3Vc2);
    assert!(capstone.clr.is_none());
    assert_eq!(
        capstone.local_id,
        "urn:uuid:4c1e0000-0000-4000-8000-000000000001"
    );
    assert_eq!(capstone.subject.credits_earned.as_deref(), Some("6"));
    assert_eq!(capstone.achievement.credits_available.as_deref(), Some("6"));
    assert_eq!(capstone.results[0].value.as_deref(), Some("A"));
    assert_eq!(capstone.proof_types, ["eddsa-rdfc-2022"]);
    // The nested text is the nested object (re-serialized), with its own proof.
    let Original::Json(t) = &capstone.original else {
        panic!()
    };
    let v: Value = serde_json::from_str(t).unwrap();
    assert_eq!(v["proof"]["cryptosuite"], "eddsa-rdfc-2022");
    assert_eq!(
        nested[2].achievement.alignments[0].target_code.as_deref(),
        Some("DDS-WEB-06")
    );
}

#[test]
fn every_way_in() {
    let json = fixture_text("clr/clr-valid.json");
    let payload: Value = serde_json::from_str(&json).unwrap();
    let jwt = format!(
        "{}.{}.{}",
        b64(br#"{"alg":"EdDSA","typ":"vc+jwt"}"#),
        b64(serde_json::to_string(&payload).unwrap().as_bytes()),
        b64(&[0; 64])
    );
    let vc11_jwt = format!(
        "{}.{}.{}",
        b64(br#"{"alg":"ES256"}"#),
        b64(json!({"iss": payload["issuer"]["id"], "vc": payload})
            .to_string()
            .as_bytes()),
        b64(&[0; 64])
    );
    let cases: Vec<(&str, ImportOutcome, &str)> = vec![
        (
            "json",
            import_bytes("clr.json", json.as_bytes()),
            "eddsa-rdfc-2022",
        ),
        (
            "vc-jose",
            import_bytes("clr.jwt", jwt.as_bytes()),
            "JWS:EdDSA",
        ),
        (
            "vc-jwt 1.1",
            import_bytes("clr.jwt", vc11_jwt.as_bytes()),
            "JWS:ES256",
        ),
        (
            "baked png",
            import_bytes("clr.png", &fixture_bytes("baked-clr.png")),
            "eddsa-rdfc-2022",
        ),
        (
            "baked svg",
            import_bytes("clr.svg", &fixture_bytes("baked-clr.svg")),
            "eddsa-rdfc-2022",
        ),
    ];
    for (name, outcome, proof) in cases {
        let c = one(outcome);
        assert_eq!(c.format, Format::Clr, "{name}");
        assert_eq!(c.proof_types, [proof], "{name}");
        assert_eq!(c.clr.as_ref().unwrap().nested.len(), 3, "{name}");
    }
}

fn clr_with(subject: Value) -> String {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"],
        "type": ["VerifiableCredential", "ClrCredential"],
        "issuer": "did:example:college",
        "partial": true,
        "credentialSubject": subject,
    })
    .to_string()
}

#[test]
fn refused_and_unreadable() {
    let badge = fixture_text("ob3-vc2-credential.json");
    let badge: Value = serde_json::from_str(&badge).unwrap();
    let refused: Vec<(&str, String, &str)> = vec![
        (
            "no subject",
            clr_with(Value::Null),
            "credentialSubject is missing",
        ),
        (
            "two learners",
            clr_with(json!([{"type": "ClrSubject"}, {"type": "ClrSubject"}])),
            "one learner (ClrSubject); this one has 2",
        ),
        ("subject a string", clr_with(json!("x")), "is not an object"),
        (
            "201 nested",
            clr_with(json!({"verifiableCredential": vec![badge.clone(); 201]})),
            "holds 201 credentials; the wallet reads at most 200",
        ),
    ];
    for (name, text, want) in refused {
        let e = parse_credential(&text).unwrap_err().to_string();
        assert!(e.contains(want), "{name}: {e}");
    }

    let inner = clr_with(json!({"verifiableCredential": [badge.clone()]}));
    let inner_jws = format!(
        "{}.{}.{}",
        b64(br#"{"alg":"EdDSA"}"#),
        b64(inner.as_bytes()),
        b64(&[0; 64])
    );
    let enveloped = json!({"type": "EnvelopedVerifiableCredential",
    "id": format!("data:application/vc+jwt,{}", {
        let p = serde_json::to_string(&badge).unwrap();
        format!("{}.{}.{}", b64(br#"{"alg":"EdDSA"}"#), b64(p.as_bytes()), b64(&[0; 64]))
    })});
    let text = clr_with(json!({"verifiableCredential": [
        badge,
        serde_json::from_str::<Value>(&inner).unwrap(),
        inner_jws,
        "not a credential",
        {"type": ["VerifiableCredential", "EndorsementCredential"]},
        enveloped,
    ]}));
    let c = parse_credential(&text).unwrap();
    assert_eq!(c.name, "Comprehensive Learner Record");
    let r = c.clr.unwrap();
    assert!(r.partial);
    let kinds: Vec<String> = r
        .nested
        .iter()
        .map(|n| match n {
            Nested::Parsed(c) => format!("{:?}", c.format),
            Nested::Unreadable(e) => e.clone(),
        })
        .collect();
    assert_eq!(kinds[0], "Ob3Vc2");
    assert!(
        kinds[1].contains("only one level of nesting"),
        "{}",
        kinds[1]
    );
    assert!(
        kinds[2].contains("only one level of nesting"),
        "{}",
        kinds[2]
    );
    assert!(kinds[3].contains("JSON string"), "{}", kinds[3]);
    assert!(kinds[4].contains("EndorsementCredential"), "{}", kinds[4]);
    assert_eq!(kinds[5], "Ob3Jwt");
}

#[test]
fn associations_read_as_sentences() {
    let c = parse_credential(&fixture_text("clr/clr-valid.json")).unwrap();
    let lines = wallet_core::clr::association_lines(c.clr.as_ref().unwrap());
    assert_eq!(lines.len(), 3);
    assert_eq!(
        format!(
            "{} {} {}",
            lines[0].source, lines[0].phrase, lines[0].target
        ),
        "Full-Stack Web Capstone (test only) is a child of Full-Stack Developer Certificate (test only)"
    );
    use wallet_core::clr::AssociationKind as K;
    let table = [
        ("exactMatchOf", "is an exact match of"),
        ("isChildOf", "is a child of"),
        ("isParentOf", "is a parent of"),
        ("isPartOf", "is part of"),
        ("isPeerOf", "is a peer of"),
        ("isRelatedTo", "is related to"),
        ("precedes", "precedes"),
        ("replacedBy", "is replaced by"),
        ("somethingElse", "is associated (somethingElse) with"),
    ];
    for (t, phrase) in table {
        assert_eq!(K::parse(t).phrase(), phrase, "{t}");
    }
    // Ids the record does not name are shown as ids.
    let text = clr_with(json!({"association": [{"type": "Association",
        "associationType": "precedes", "sourceId": "urn:a"}]}));
    let r = parse_credential(&text).unwrap().clr.unwrap();
    let l = &wallet_core::clr::association_lines(&r)[0];
    assert_eq!(
        (l.source.as_str(), l.target.as_str()),
        ("urn:a", "(no achievement given)")
    );
}
