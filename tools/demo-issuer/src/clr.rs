//! The demo Comprehensive Learner Record (issue 12, point 8): Northfield University's
//! transcript for its Data Analytics Certificate, a CLR 2.0 `ClrCredential` that nests three
//! of the demo's own signed badges (Introduction to SQL, Python for Data Analysis, Data Ethics
//! and Privacy) verbatim, lists the program they belong to with `isChildOf` associations and
//! the credits, and is signed by Northfield with `eddsa-rdfc-2022`.
//!
//! Why these three: a transcript repeats badges the learner may also hold one by one, so the
//! wallet shows the same achievements twice (the badge and the transcript line) and a pathway
//! counts each achievement once whichever of the two it comes from. All three are VC 2.0: a
//! VC 1.1 credential cannot be nested in a VC 2.0 CLR (its context would redefine the VC 2.0
//! context's protected terms, which JSON-LD refuses).
//!
//! Deterministic like every demo credential (Ed25519 signatures have no randomness).

use serde_json::{Value, json};

use crate::{Content, DEMO_BASE, DemoFile, Issuers, finish_json_ld};

const CTX_VC2: &str = "https://www.w3.org/ns/credentials/v2";
const CTX_CLR: &str = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
const CTX_OB3: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// The file name the transcript is written under.
pub const FILE: &str = "15-data-analytics-transcript.json";

/// The transcript, nesting `nested` (the signed demo credentials, in order) unchanged.
pub fn analytics_transcript(i: &Issuers, nested: &[&Value]) -> DemoFile {
    let nu = &i.northfield;
    let program_id = format!("{DEMO_BASE}/northfield/programs/data-analytics-certificate");
    let achievements: Vec<Value> = nested
        .iter()
        .map(|vc| vc["credentialSubject"]["achievement"].clone())
        .collect();
    let credits: f64 = nested
        .iter()
        .filter_map(|vc| vc["credentialSubject"]["creditsEarned"].as_f64())
        .sum();
    let program = json!({
        "id": program_id,
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": "Data Analytics Certificate (in progress)",
        "description": "Northfield University's stackable certificate: any three of the four data courses. This record lists the courses completed so far.",
        "criteria": {"narrative": "Complete three of the four data courses with a grade of C or better."},
        "fieldOfStudy": "Data Analytics",
        "creditsAvailable": 15,
        "creator": {"id": nu.did(), "type": ["Profile"], "name": nu.name}
    });
    let associations: Vec<Value> = achievements
        .iter()
        .map(|a| {
            json!({
                "type": "Association",
                "associationType": "isChildOf",
                "sourceId": a["id"],
                "targetId": program_id,
            })
        })
        .collect();
    let mut list = vec![program];
    list.extend(achievements);
    let vc = json!({
        "@context": [CTX_VC2, CTX_CLR, CTX_OB3],
        "id": "urn:uuid:7d0c5b1e-2f4a-4e8b-9c3d-15a0c1e2d3f4",
        "type": ["VerifiableCredential", "ClrCredential"],
        "issuer": nu.profile(),
        "name": "Data Analytics Certificate — Learner Record",
        "description": format!(
            "Comprehensive Learner Record of the courses Alex Rivera completed towards Northfield's Data Analytics Certificate ({credits} credits so far). DEMO ONLY."
        ),
        "validFrom": "2024-06-30T12:00:00Z",
        "credentialSubject": {
            "id": crate::LEARNER_DID,
            "type": ["ClrSubject"],
            "verifiableCredential": nested,
            "achievement": list,
            "association": associations,
        },
    });
    DemoFile {
        name: FILE,
        content: Content::Json(finish_json_ld(vc, nu)),
    }
}
