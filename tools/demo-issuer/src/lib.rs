//! Demo credential generator (DEMO ONLY).
//!
//! Produces a fixed set of realistic Open Badges credentials for the learner
//! wallet's "Load demo" button. Everything here is deterministic: fixed keys
//! (from `demo-keys.json`), fixed dates, fixed UUIDs, insertion-ordered JSON
//! (serde_json `preserve_order`). Running the generator twice yields the same
//! bytes; `tests/regenerate.rs` enforces that the committed `public/demo/`
//! matches.
//!
//! Layout: one function per credential returns a [`DemoFile`] holding either a
//! `serde_json::Value` (JSON-LD credentials, OB 2.0 assertion) or a compact
//! JWS string (VC-JWT). [`write_all`] serialises them. Every JSON-LD credential
//! passes through [`finish_json_ld`] / `finish_with`, which adds a Data Integrity
//! proof (eddsa-rdfc-2022 for most; eddsa-jcs-2022 and Ed25519Signature2020 for one
//! each) signed with the issuer's DEMO key.

pub mod clr;
pub mod suites;

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

/// The demo key file, compiled in so the output does not depend on the cwd.
pub const DEMO_KEYS_JSON: &str = include_str!("../demo-keys.json");

pub const LEARNER_DID: &str = "did:example:learner-alex-rivera";
pub const LEARNER_NAME: &str = "Alex Rivera";
pub const LEARNER_EMAIL: &str = "alex.rivera@example.com";

const CTX_VC2: &str = "https://www.w3.org/ns/credentials/v2";
const CTX_VC1: &str = "https://www.w3.org/2018/credentials/v1";
const CTX_OB3: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const CTX_OB2: &str = "https://w3id.org/openbadges/v2";
const DEMO_BASE: &str = "https://demo.example.org";

// ---------------------------------------------------------------------------
// Keys and issuers
// ---------------------------------------------------------------------------

/// One demo issuer: key material plus its public profile.
pub struct DemoIssuer {
    pub key: &'static str,
    pub signing_key: SigningKey,
    pub name: &'static str,
    pub slug: &'static str,
    pub initials: &'static str,
    pub colour: &'static str,
    pub description: &'static str,
}

impl DemoIssuer {
    pub fn verifying_key(&self) -> VerifyingKey {
        self.signing_key.verifying_key()
    }

    /// Multibase (base58btc, `z`) Ed25519 multikey: 0xed 0x01 + public key.
    pub fn multikey(&self) -> String {
        multikey(&self.verifying_key())
    }

    pub fn did(&self) -> String {
        format!("did:key:{}", self.multikey())
    }

    /// The verification method id (`did:key:z…#z…`).
    pub fn key_id(&self) -> String {
        format!("{}#{}", self.did(), self.multikey())
    }

    pub fn url(&self) -> String {
        format!("{DEMO_BASE}/{}", self.slug)
    }

    pub fn image_data_uri(&self) -> String {
        svg_data_uri(&shield_svg(self.initials, self.colour))
    }

    /// OB 3.0 `Profile` for the issuer (id = did:key).
    pub fn profile(&self) -> Value {
        json!({
            "id": self.did(),
            "type": ["Profile"],
            "name": self.name,
            "url": self.url(),
            "description": self.description,
            "email": format!("badges@{}.demo.example.org", self.slug),
            "image": {
                "id": self.image_data_uri(),
                "type": "Image",
                "caption": format!("{} logo", self.name)
            }
        })
    }
}

pub fn multikey(vk: &VerifyingKey) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(&[0xed, 0x01]);
    bytes.extend_from_slice(vk.as_bytes());
    format!("z{}", bs58::encode(bytes).into_string())
}

fn hex_decode_32(s: &str) -> [u8; 32] {
    assert_eq!(s.len(), 64, "seed must be 64 hex characters");
    let mut out = [0u8; 32];
    for (i, chunk) in s.as_bytes().chunks(2).enumerate() {
        let hex = std::str::from_utf8(chunk).expect("ascii");
        out[i] = u8::from_str_radix(hex, 16).expect("hex seed");
    }
    out
}

fn hex_encode(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn seed_for(keys: &Value, key: &str) -> [u8; 32] {
    let entry = keys["issuers"]
        .as_array()
        .expect("issuers array")
        .iter()
        .find(|e| e["key"] == key)
        .unwrap_or_else(|| panic!("no demo key {key}"));
    hex_decode_32(entry["seed_hex"].as_str().expect("seed_hex"))
}

/// The three demo issuers, keys loaded from `demo-keys.json`.
pub struct Issuers {
    pub northfield: DemoIssuer,
    pub harbor: DemoIssuer,
    pub codebridge: DemoIssuer,
}

pub fn issuers() -> Issuers {
    let keys: Value = serde_json::from_str(DEMO_KEYS_JSON).expect("demo-keys.json is JSON");
    assert!(
        keys["warning"]
            .as_str()
            .unwrap_or("")
            .starts_with("DEMO ONLY"),
        "demo-keys.json must carry its DEMO ONLY warning"
    );
    let mk = |key: &'static str| SigningKey::from_bytes(&seed_for(&keys, key));
    Issuers {
        northfield: DemoIssuer {
            key: "northfield",
            signing_key: mk("northfield"),
            name: "Northfield University (Demo)",
            slug: "northfield",
            initials: "NU",
            colour: "#1f4e8c",
            description: "A fictional university used to demonstrate the learner wallet. Not a real institution; credentials from it are DEMO ONLY.",
        },
        harbor: DemoIssuer {
            key: "harbor",
            signing_key: mk("harbor"),
            name: "Harbor Logistics Academy (Demo)",
            slug: "harbor-logistics",
            initials: "HL",
            colour: "#0f7b6c",
            description: "The fictional in-house training academy of a logistics employer, used to demonstrate workplace credentials. DEMO ONLY.",
        },
        codebridge: DemoIssuer {
            key: "codebridge",
            signing_key: mk("codebridge"),
            name: "CodeBridge Bootcamp (Demo)",
            slug: "codebridge",
            initials: "CB",
            colour: "#b4432a",
            description: "A fictional coding bootcamp used to demonstrate project-based credentials. DEMO ONLY.",
        },
    }
}

// ---------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------

/// A small shield with initials, for issuer logos.
pub fn shield_svg(initials: &str, colour: &str) -> String {
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 72" width="64" height="72">"#,
            r#"<path d="M32 2 60 12v22c0 18-12 30-28 36C16 64 4 52 4 34V12z" fill="{c}" stroke="white" stroke-width="3"/>"#,
            r#"<text x="32" y="44" font-family="Arial,Helvetica,sans-serif" font-size="22" font-weight="700" fill="white" text-anchor="middle">{i}</text>"#,
            r#"</svg>"#
        ),
        c = colour,
        i = initials
    )
}

/// A round badge with a short label, for achievement images.
pub fn badge_svg(label: &str, colour: &str) -> String {
    let size = if label.chars().count() > 3 { 15 } else { 20 };
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80" width="80" height="80">"#,
            r#"<circle cx="40" cy="40" r="37" fill="{c}"/>"#,
            r#"<circle cx="40" cy="40" r="30" fill="none" stroke="white" stroke-width="2" stroke-dasharray="4 3"/>"#,
            r#"<text x="40" y="47" font-family="Arial,Helvetica,sans-serif" font-size="{s}" font-weight="700" fill="white" text-anchor="middle">{l}</text>"#,
            r#"</svg>"#
        ),
        c = colour,
        s = size,
        l = label
    )
}

pub fn svg_data_uri(svg: &str) -> String {
    format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg))
}

fn image(label: &str, colour: &str, caption: &str) -> Value {
    json!({
        "id": svg_data_uri(&badge_svg(label, colour)),
        "type": "Image",
        "caption": caption
    })
}

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

fn sha256_hex(s: &str) -> String {
    hex_encode(&Sha256::digest(s.as_bytes()))
}

/// `sha256$<hex>` of the learner's email with a salt (OB 2.0 / OB 3.0 style).
pub fn hashed_email(salt: &str) -> String {
    format!("sha256${}", sha256_hex(&format!("{LEARNER_EMAIL}{salt}")))
}

fn alignment(
    name: &str,
    url: &str,
    description: &str,
    code: &str,
    framework: &str,
    kind: &str,
) -> Value {
    json!({
        "type": ["Alignment"],
        "targetName": name,
        "targetUrl": url,
        "targetDescription": description,
        "targetCode": code,
        "targetFramework": framework,
        "targetType": kind
    })
}

const SKILLS_FRAMEWORK: &str = "Demo Digital Skills Framework (ESCO-style)";
const ONET: &str = "O*NET-SOC 2019";

fn skill(name: &str, slug: &str, code: &str, description: &str) -> Value {
    alignment(
        name,
        &format!("{DEMO_BASE}/frameworks/digital-skills/{slug}"),
        description,
        code,
        SKILLS_FRAMEWORK,
        "ceasn:Competency",
    )
}

fn onet(name: &str, code: &str, description: &str) -> Value {
    alignment(
        name,
        &format!("https://www.onetonline.org/link/summary/{code}"),
        description,
        code,
        ONET,
        "ext:Occupation",
    )
}

/// Subject with the learner's DID (and name).
fn subject_did(achievement: Value) -> Value {
    json!({
        "id": LEARNER_DID,
        "type": ["AchievementSubject"],
        "name": LEARNER_NAME,
        "achievement": achievement
    })
}

/// Subject identified only by a salted hash of the learner's email.
fn subject_hashed(salt: &str, achievement: Value) -> Value {
    json!({
        "type": ["AchievementSubject"],
        "identifier": [{
            "type": "IdentityObject",
            "identityHash": hashed_email(salt),
            "identityType": "emailAddress",
            "hashed": true,
            "salt": salt
        }],
        "achievement": achievement
    })
}

fn set(v: &mut Value, key: &str, value: Value) {
    v.as_object_mut()
        .expect("object")
        .insert(key.to_string(), value);
}

/// Which Verifiable Credentials data model a JSON-LD credential uses.
#[derive(Clone, Copy)]
enum Vcdm {
    V2,
    V1,
}

struct Dates {
    from: &'static str,
    until: Option<&'static str>,
}

/// An OB 3.0 `OpenBadgeCredential` envelope.
fn ob3_credential(
    model: Vcdm,
    uuid: &str,
    name: &str,
    issuer: &DemoIssuer,
    dates: Dates,
    subject: Value,
) -> Value {
    let mut vc = json!({
        "@context": match model {
            Vcdm::V2 => json!([CTX_VC2, CTX_OB3]),
            Vcdm::V1 => json!([CTX_VC1, CTX_OB3]),
        },
        "id": format!("urn:uuid:{uuid}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": issuer.profile(),
    });
    match model {
        Vcdm::V2 => {
            set(&mut vc, "validFrom", json!(dates.from));
            if let Some(u) = dates.until {
                set(&mut vc, "validUntil", json!(u));
            }
        }
        Vcdm::V1 => {
            set(&mut vc, "issuanceDate", json!(dates.from));
            if let Some(u) = dates.until {
                set(&mut vc, "expirationDate", json!(u));
            }
        }
    }
    set(&mut vc, "awardedDate", json!(dates.from));
    set(&mut vc, "credentialSubject", subject);
    vc
}

/// Which Data Integrity proof a demo credential carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suite {
    /// DataIntegrityProof, cryptosuite eddsa-rdfc-2022 (most demo credentials).
    EddsaRdfc2022,
    /// DataIntegrityProof, cryptosuite eddsa-jcs-2022.
    EddsaJcs2022,
    /// The older Ed25519Signature2020 suite.
    Ed25519Signature2020,
}

const CTX_DI2: &str = "https://w3id.org/security/data-integrity/v2";
const CTX_ED2020: &str = "https://w3id.org/security/suites/ed25519-2020/v1";

thread_local! {
    /// JSON-LD processing with the contexts bundled in the verification core.
    static LD: wallet_verify::jsonld::LdEngine = wallet_verify::jsonld::LdEngine::new();
}

fn add_context(vc: &mut Value, ctx: &str) {
    if let Some(Value::Array(list)) = vc.get_mut("@context")
        && !list.iter().any(|c| c == ctx)
    {
        list.push(json!(ctx));
    }
}

/// Every JSON-LD credential passes through here before being written: it gets a Data
/// Integrity proof signed with the issuer's DEMO key (vc-di-eddsa §3; Ed25519 signatures
/// are deterministic, so the output stays byte-identical between runs).
fn finish_json_ld(vc: Value, issuer: &DemoIssuer) -> Value {
    finish_with(vc, issuer, Suite::EddsaRdfc2022)
}

fn finish_with(mut vc: Value, issuer: &DemoIssuer, suite: Suite) -> Value {
    let vc1 = vc["@context"]
        .as_array()
        .is_some_and(|l| l.iter().any(|c| c == CTX_VC1));
    match suite {
        // VC 1.1 has no Data Integrity terms of its own.
        Suite::EddsaRdfc2022 | Suite::EddsaJcs2022 if vc1 => add_context(&mut vc, CTX_DI2),
        Suite::Ed25519Signature2020 => add_context(&mut vc, CTX_ED2020),
        _ => {}
    }
    let created = vc
        .get("validFrom")
        .or_else(|| vc.get("issuanceDate"))
        .and_then(Value::as_str)
        .unwrap_or("2024-01-01T00:00:00Z")
        .to_string();
    let mut config = serde_json::Map::new();
    match suite {
        Suite::Ed25519Signature2020 => {
            config.insert("type".into(), json!("Ed25519Signature2020"));
        }
        Suite::EddsaRdfc2022 | Suite::EddsaJcs2022 => {
            config.insert("type".into(), json!("DataIntegrityProof"));
            let name = if suite == Suite::EddsaRdfc2022 {
                "eddsa-rdfc-2022"
            } else {
                "eddsa-jcs-2022"
            };
            config.insert("cryptosuite".into(), json!(name));
        }
    }
    config.insert("created".into(), json!(created));
    config.insert("verificationMethod".into(), json!(issuer.key_id()));
    config.insert("proofPurpose".into(), json!("assertionMethod"));
    // The proof configuration is canonicalized with the document's context.
    let mut with_ctx = config.clone();
    with_ctx.insert("@context".into(), vc["@context"].clone());
    let (canon_config, canon_doc) = match suite {
        Suite::EddsaJcs2022 => (
            serde_jcs::to_vec(&Value::Object(with_ctx)).expect("jcs"),
            serde_jcs::to_vec(&vc).expect("jcs"),
        ),
        _ => LD.with(|ld| {
            (
                ld.canonicalize(&Value::Object(with_ctx))
                    .expect("canonical proof config")
                    .into_bytes(),
                ld.canonicalize(&vc)
                    .expect("canonical document")
                    .into_bytes(),
            )
        }),
    };
    let mut hash = Sha256::digest(&canon_config).to_vec();
    hash.extend_from_slice(&Sha256::digest(&canon_doc));
    let signature = issuer.signing_key.sign(&hash);
    config.insert(
        "proofValue".into(),
        json!(format!(
            "z{}",
            bs58::encode(signature.to_bytes()).into_string()
        )),
    );
    if suite == Suite::EddsaJcs2022 {
        // eddsa-jcs-2022 signs the proof with the document's context (the context-prefix rule).
        let mut signed_proof = serde_json::Map::new();
        signed_proof.insert("@context".into(), vc["@context"].clone());
        signed_proof.extend(config);
        config = signed_proof;
    }
    set(&mut vc, "proof", Value::Object(config));
    vc
}

/// Compact JWS (EdDSA) over `base64url(header).base64url(payload)`.
pub fn sign_jwt(issuer: &DemoIssuer, payload: &Value) -> String {
    let header = json!({"alg": "EdDSA", "typ": "JWT", "kid": issuer.key_id()});
    let h = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&header).expect("json"));
    let p = URL_SAFE_NO_PAD.encode(serde_json::to_vec(payload).expect("json"));
    let signing_input = format!("{h}.{p}");
    let sig = issuer.signing_key.sign(signing_input.as_bytes());
    format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(sig.to_bytes()))
}

// ---------------------------------------------------------------------------
// The credentials
// ---------------------------------------------------------------------------

pub enum Content {
    Json(Value),
    Jwt(String),
}

pub struct DemoFile {
    /// File name inside the output directory, e.g. `01-intro-to-sql.json`.
    pub name: &'static str,
    pub content: Content,
}

impl DemoFile {
    pub fn bytes(&self) -> Vec<u8> {
        match &self.content {
            Content::Json(v) => {
                let mut s = serde_json::to_string_pretty(v).expect("json");
                s.push('\n');
                s.into_bytes()
            }
            Content::Jwt(t) => format!("{t}\n").into_bytes(),
        }
    }
}

fn intro_to_sql(i: &Issuers) -> DemoFile {
    let nu = &i.northfield;
    let achievement = json!({
        "id": format!("{DEMO_BASE}/northfield/achievements/data-101-intro-to-sql"),
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": "Introduction to SQL",
        "humanCode": "DATA 101",
        "description": "A one-semester course on querying relational databases: SELECT, filtering, joins, aggregation, subqueries and basic schema design, using PostgreSQL.",
        "criteria": {
            "id": format!("{DEMO_BASE}/northfield/courses/data-101/criteria"),
            "narrative": "Complete all weekly lab assignments, pass the mid-term practical (writing queries against a sample retail database) and achieve a final grade of C or better."
        },
        "image": image("SQL", nu.colour, "Introduction to SQL course badge"),
        "fieldOfStudy": "Data Analytics",
        "creditsAvailable": 5,
        "alignment": [
            skill("Query relational databases with SQL", "sql-querying", "DDS-DATA-01", "Write SQL queries that filter, join and aggregate data stored in relational databases."),
            skill("Design simple relational schemas", "relational-schema-design", "DDS-DATA-02", "Model entities and relationships as normalised tables with keys and constraints."),
            onet("Database Administrators", "15-1242.00", "Administer, test, and implement computer databases.")
        ],
        "tag": ["SQL", "databases", "data analytics"],
        "resultDescription": [{
            "id": format!("{DEMO_BASE}/northfield/courses/data-101/results/final-grade"),
            "type": ["ResultDescription"],
            "name": "Final grade",
            "resultType": "LetterGrade",
            "allowedValue": ["A", "B", "C", "D", "F"],
            "requiredValue": "C"
        }],
        "creator": {"id": nu.did(), "type": ["Profile"], "name": nu.name}
    });
    let mut subject = subject_did(achievement);
    set(
        &mut subject,
        "result",
        json!([{
            "type": ["Result"],
            "resultDescription": format!("{DEMO_BASE}/northfield/courses/data-101/results/final-grade"),
            "value": "A"
        }]),
    );
    set(&mut subject, "creditsEarned", json!(5));
    set(&mut subject, "term", json!("Autumn 2023"));
    let vc = ob3_credential(
        Vcdm::V2,
        "3f1c2a5e-8b1d-4c0a-9e2f-5a7b6c8d9e01",
        "Introduction to SQL",
        nu,
        Dates {
            from: "2023-12-15T09:00:00Z",
            until: None,
        },
        subject,
    );
    DemoFile {
        name: "01-intro-to-sql.json",
        content: Content::Json(finish_json_ld(vc, nu)),
    }
}

fn python_data_analysis(i: &Issuers) -> DemoFile {
    let nu = &i.northfield;
    let achievement = json!({
        "id": format!("{DEMO_BASE}/northfield/achievements/data-201-python-data-analysis"),
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": "Python for Data Analysis",
        "humanCode": "DATA 201",
        "description": "Cleaning, transforming and analysing tabular data with Python, pandas and Jupyter notebooks; reproducible analysis workflows.",
        "criteria": {
            "id": format!("{DEMO_BASE}/northfield/courses/data-201/criteria"),
            "narrative": "Submit six graded notebooks and a final analysis project on a public data set, each assessed against the course rubric with an overall score of at least 60%."
        },
        "image": image("PY", nu.colour, "Python for Data Analysis course badge"),
        "fieldOfStudy": "Data Analytics",
        "creditsAvailable": 5,
        "alignment": [
            skill("Analyse data with Python", "python-data-analysis", "DDS-DATA-05", "Load, clean, reshape and summarise data sets using Python and pandas."),
            skill("Query relational databases with SQL", "sql-querying", "DDS-DATA-01", "Write SQL queries that filter, join and aggregate data stored in relational databases."),
            onet("Data Scientists", "15-2051.00", "Develop and implement a set of techniques or analytics applications to transform raw data into meaningful information.")
        ],
        "tag": ["Python", "pandas", "data analytics"],
        "resultDescription": [{
            "id": format!("{DEMO_BASE}/northfield/courses/data-201/results/score"),
            "type": ["ResultDescription"],
            "name": "Final score",
            "resultType": "Percent",
            "valueMin": "0",
            "valueMax": "100",
            "requiredValue": "60"
        }]
    });
    let mut subject = subject_did(achievement);
    set(
        &mut subject,
        "result",
        json!([{
            "type": ["Result"],
            "resultDescription": format!("{DEMO_BASE}/northfield/courses/data-201/results/score"),
            "value": "88"
        }]),
    );
    set(&mut subject, "creditsEarned", json!(5));
    set(&mut subject, "term", json!("Spring 2024"));
    let mut vc = ob3_credential(
        Vcdm::V2,
        "7a4e9c21-3d5b-4f8e-a1c6-2b9d0e4f7a02",
        "Python for Data Analysis",
        nu,
        Dates {
            from: "2024-05-24T09:00:00Z",
            until: None,
        },
        subject,
    );
    set(
        &mut vc,
        "evidence",
        json!([{
            "id": format!("{DEMO_BASE}/northfield/portfolios/alex-rivera/city-bike-usage-analysis"),
            "type": ["Evidence"],
            "name": "Final project: City bike-share usage analysis",
            "description": "Jupyter notebook analysing two years of bike-share trips: cleaning, seasonal trends and station demand.",
            "narrative": "Alex combined trip records with weather data and identified the five stations most at risk of running empty at peak times.",
            "genre": "Project",
            "audience": "Course instructors"
        }]),
    );
    DemoFile {
        name: "02-python-data-analysis.json",
        content: Content::Json(finish_json_ld(vc, nu)),
    }
}

fn data_visualization(i: &Issuers) -> DemoFile {
    let nu = &i.northfield;
    let achievement = json!({
        "id": format!("{DEMO_BASE}/northfield/achievements/data-210-data-visualization"),
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": "Data Visualization Fundamentals",
        "humanCode": "DATA 210",
        "description": "Principles of visual perception and chart design; building clear, accessible charts and dashboards from analysed data.",
        "criteria": {
            "id": format!("{DEMO_BASE}/northfield/courses/data-210/criteria"),
            "narrative": "Produce a portfolio of five visualisations and one interactive dashboard, peer-reviewed and assessed by the instructor as meeting the course standard."
        },
        "image": image("VIZ", nu.colour, "Data Visualization Fundamentals course badge"),
        "fieldOfStudy": "Data Analytics",
        "creditsAvailable": 5,
        "alignment": [
            skill("Communicate insights with data visualisation", "data-visualisation", "DDS-DATA-07", "Choose and build charts and dashboards that communicate findings accurately to non-specialists."),
            onet("Data Scientists", "15-2051.00", "Develop and implement a set of techniques or analytics applications to transform raw data into meaningful information.")
        ],
        "tag": ["data visualisation", "dashboards", "data analytics"]
    });
    let mut subject = subject_did(achievement);
    set(&mut subject, "creditsEarned", json!(5));
    set(&mut subject, "term", json!("Autumn 2024"));
    let vc = ob3_credential(
        Vcdm::V1,
        "c2d8f4a6-1e3b-4a9c-8d7e-6f5a4b3c2d03",
        "Data Visualization Fundamentals",
        nu,
        Dates {
            from: "2024-12-13T09:00:00Z",
            until: None,
        },
        subject,
    );
    DemoFile {
        name: "03-data-visualization.json",
        content: Content::Json(finish_json_ld(vc, nu)),
    }
}

fn workplace_safety(i: &Issuers) -> DemoFile {
    let hl = &i.harbor;
    let achievement = json!({
        "id": format!("{DEMO_BASE}/harbor-logistics/achievements/workplace-safety-induction"),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": "Workplace Safety Induction",
        "description": "Mandatory site induction covering hazard awareness, manual handling, forklift traffic zones, emergency procedures and incident reporting at Harbor Logistics warehouses.",
        "criteria": {
            "id": format!("{DEMO_BASE}/harbor-logistics/training/safety-induction/criteria"),
            "narrative": "Attend the half-day induction, complete the supervised site walk-through and pass the 20-question safety quiz (minimum 16 correct). Must be renewed every 12 months."
        },
        "image": image("SAFE", hl.colour, "Workplace Safety Induction certificate"),
        "alignment": [
            onet("Occupational Health and Safety Specialists", "19-5011.00", "Review, evaluate, and analyze work environments and design programs and procedures to control, eliminate, and prevent disease or injury.")
        ],
        "tag": ["health and safety", "induction", "logistics"]
    });
    // Identified by a hashed email: employers often only know the work email.
    let subject = subject_hashed("hl-2023-salt", achievement);
    let vc = ob3_credential(
        Vcdm::V2,
        "5b6c7d8e-9f01-4a2b-8c3d-4e5f6a7b8c04",
        "Workplace Safety Induction",
        hl,
        Dates {
            from: "2023-03-06T08:00:00Z",
            until: Some("2024-03-06T08:00:00Z"),
        },
        subject,
    );
    DemoFile {
        name: "04-workplace-safety-induction.json",
        content: Content::Json(finish_json_ld(vc, hl)),
    }
}

fn cloud_practitioner(i: &Issuers) -> DemoFile {
    let hl = &i.harbor;
    let id = "urn:uuid:e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a05";
    let issued = "2024-06-14T10:00:00Z";
    let vc = json!({
        "@context": [CTX_VC1, CTX_OB3],
        "id": id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Cloud Practitioner Essentials",
        "issuer": hl.profile(),
        "issuanceDate": issued,
        "credentialSubject": subject_did(json!({
            "id": format!("{DEMO_BASE}/harbor-logistics/achievements/cloud-practitioner-essentials"),
            "type": ["Achievement"],
            "achievementType": "Badge",
            "name": "Cloud Practitioner Essentials",
            "description": "Foundations of cloud computing for operations staff: service models, shared responsibility, cost awareness and the company's approved cloud tools.",
            "criteria": {
                "id": format!("{DEMO_BASE}/harbor-logistics/training/cloud-essentials/criteria"),
                "narrative": "Complete the six online modules and pass the final assessment with at least 70%."
            },
            "image": image("CLD", hl.colour, "Cloud Practitioner Essentials badge"),
            "alignment": [
                skill("Explain cloud service models", "cloud-service-models", "DDS-CLOUD-01", "Describe IaaS, PaaS and SaaS and the shared-responsibility model."),
                onet("Computer Systems Analysts", "15-1211.00", "Analyze science, engineering, business, and other data processing problems to develop and implement solutions to complex applications problems.")
            ],
            "tag": ["cloud", "IT literacy"]
        }))
    });
    // VC-JWT (VCDM 1.1 JWT encoding): registered claims mirror the vc.
    let payload = json!({
        "iss": hl.did(),
        "nbf": 1_718_359_200_i64, // 2024-06-14T10:00:00Z
        "jti": id,
        "sub": LEARNER_DID,
        "vc": vc
    });
    DemoFile {
        name: "05-cloud-practitioner-essentials.jwt",
        content: Content::Jwt(sign_jwt(hl, &payload)),
    }
}

fn agile_project(i: &Issuers) -> DemoFile {
    let hl = &i.harbor;
    let achievement = json!({
        "id": format!("{DEMO_BASE}/harbor-logistics/achievements/agile-project-fundamentals"),
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": "Agile Project Fundamentals",
        "description": "Two-day workshop on iterative delivery: user stories, backlog refinement, sprint planning, stand-ups and retrospectives, applied to a warehouse process-improvement project.",
        "criteria": {
            "id": format!("{DEMO_BASE}/harbor-logistics/training/agile-fundamentals/criteria"),
            "narrative": "Participate in both workshop days and facilitate one sprint retrospective with a real project team, confirmed by the team lead."
        },
        "image": image("AGL", hl.colour, "Agile Project Fundamentals badge"),
        "alignment": [
            skill("Plan work in iterations", "iterative-planning", "DDS-PM-02", "Break work into user stories and plan, review and improve it in short iterations."),
            onet("Project Management Specialists", "13-1082.00", "Analyze and coordinate the schedule, timeline, procurement, staffing, and budget of a product or service on a per project basis.")
        ],
        "tag": ["agile", "project management", "teamwork"]
    });
    let vc = ob3_credential(
        Vcdm::V1,
        "0a1b2c3d-4e5f-4061-8728-39a4b5c6d706",
        "Agile Project Fundamentals",
        hl,
        Dates {
            from: "2024-09-20T15:30:00Z",
            until: Some("2027-09-20T15:30:00Z"),
        },
        subject_did(achievement),
    );
    DemoFile {
        name: "06-agile-project-fundamentals.json",
        content: Content::Json(finish_with(vc, hl, Suite::Ed25519Signature2020)),
    }
}

fn full_stack_capstone(i: &Issuers) -> DemoFile {
    let cb = &i.codebridge;
    let nu = &i.northfield;
    let achievement_id = format!("{DEMO_BASE}/codebridge/achievements/full-stack-web-capstone");
    // Endorsement of the achievement by Northfield University (also demo).
    let endorsement = json!({
        "@context": [CTX_VC2, CTX_OB3],
        "id": "urn:uuid:9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b10",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Northfield University endorses the Full-Stack Web Capstone",
        "issuer": {
            "id": nu.did(),
            "type": ["Profile"],
            "name": nu.name,
            "url": nu.url()
        },
        "validFrom": "2024-01-10T00:00:00Z",
        "credentialSubject": {
            "id": achievement_id,
            "type": ["EndorsementSubject"],
            "endorsementComment": "Northfield's School of Computing has reviewed this capstone's assessment and recognises it as equivalent to 10 credits of second-year web development coursework."
        }
    });
    // Signed by the endorser (Northfield's DEMO key), so the wallet can verify it on its own.
    let endorsement = finish_json_ld(endorsement, nu);
    let achievement = json!({
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": "Full-Stack Web Capstone",
        "description": "Twelve-week capstone in which learners design, build, test and deploy a full-stack web application in a team of three, using TypeScript, a REST API and a relational database.",
        "criteria": {
            "id": format!("{DEMO_BASE}/codebridge/programs/full-stack/capstone-criteria"),
            "narrative": "Ship a working, deployed application with automated tests; present it at demo day; pass a code review with a CodeBridge mentor covering architecture, security and accessibility."
        },
        "image": image("FS", cb.colour, "Full-Stack Web Capstone certificate"),
        "alignment": [
            skill("Build web applications end to end", "full-stack-development", "DDS-WEB-04", "Design and implement front end, API and persistence layers of a web application."),
            skill("Test software automatically", "automated-testing", "DDS-SE-03", "Write unit and end-to-end tests and run them in continuous integration."),
            onet("Web Developers", "15-1254.00", "Develop and implement websites, web applications, application databases, and interactive web interfaces.")
        ],
        "tag": ["web development", "TypeScript", "capstone", "teamwork"],
        "endorsement": [endorsement]
    });
    let mut vc = ob3_credential(
        Vcdm::V2,
        "4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e07",
        "Full-Stack Web Capstone",
        cb,
        Dates {
            from: "2024-03-29T17:00:00Z",
            until: None,
        },
        subject_did(achievement),
    );
    set(
        &mut vc,
        "evidence",
        json!([
            {
                "id": format!("{DEMO_BASE}/codebridge/showcase/pantry-share"),
                "type": ["Evidence"],
                "name": "PantryShare — deployed capstone application",
                "description": "A web app that lets neighbours share surplus food, with accounts, listings, map search and notifications.",
                "genre": "Web application",
                "audience": "Employers"
            },
            {
                "id": format!("{DEMO_BASE}/codebridge/showcase/pantry-share/demo-day-video"),
                "type": ["Evidence"],
                "name": "Demo day presentation (video)",
                "narrative": "Ten-minute team presentation and live demo; Alex presented the API design and test strategy.",
                "genre": "Presentation"
            }
        ]),
    );
    DemoFile {
        name: "07-full-stack-web-capstone.json",
        content: Content::Json(finish_json_ld(vc, cb)),
    }
}

fn git_collaboration(i: &Issuers) -> DemoFile {
    let cb = &i.codebridge;
    let salt = "cb-ob2-salt";
    // Open Badges 2.0 hosted assertion with badge and issuer embedded.
    let assertion = json!({
        "@context": CTX_OB2,
        "type": "Assertion",
        "id": format!("{DEMO_BASE}/codebridge/assertions/6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b08.json"),
        "recipient": {
            "type": "email",
            "hashed": true,
            "salt": salt,
            "identity": hashed_email(salt)
        },
        "badge": {
            "type": "BadgeClass",
            "id": format!("{DEMO_BASE}/codebridge/badges/git-and-collaboration.json"),
            "name": "Git & Collaboration",
            "description": "Uses Git and pull-request workflows to collaborate on a shared codebase: branching, rebasing, resolving conflicts and reviewing code.",
            "image": svg_data_uri(&badge_svg("GIT", cb.colour)),
            "criteria": {
                "id": format!("{DEMO_BASE}/codebridge/badges/git-and-collaboration/criteria"),
                "narrative": "Merge at least ten reviewed pull requests into a team repository, resolve a merge conflict live with a mentor, and review five pull requests from peers."
            },
            "issuer": {
                "type": "Issuer",
                "id": format!("{DEMO_BASE}/codebridge/issuer.json"),
                "name": cb.name,
                "url": cb.url(),
                "email": format!("badges@{}.demo.example.org", cb.slug),
                "description": cb.description,
                "image": cb.image_data_uri()
            },
            "tags": ["Git", "version control", "teamwork"],
            "alignment": [{
                "targetName": "Collaborate using version control",
                "targetUrl": format!("{DEMO_BASE}/frameworks/digital-skills/version-control"),
                "targetDescription": "Use a distributed version control system and code review to work on shared code.",
                "targetFramework": SKILLS_FRAMEWORK,
                "targetCode": "DDS-SE-01"
            }]
        },
        "issuedOn": "2024-02-09T12:00:00Z",
        "verification": {"type": "hosted"},
        "evidence": {
            "id": format!("{DEMO_BASE}/codebridge/showcase/pantry-share/pulls"),
            "narrative": "Pull-request history of the PantryShare team repository."
        }
    });
    DemoFile {
        name: "08-git-and-collaboration.json",
        content: Content::Json(assertion),
    }
}

fn accessible_web(i: &Issuers) -> DemoFile {
    let cb = &i.codebridge;
    let achievement = json!({
        "id": format!("{DEMO_BASE}/codebridge/achievements/accessible-web-design"),
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": "Accessible Web Design",
        "description": "Builds web interfaces that work for everyone: semantic HTML, keyboard navigation, colour contrast, ARIA used sparingly and testing with screen readers.",
        "criteria": {
            "id": format!("{DEMO_BASE}/codebridge/badges/accessible-web-design/criteria"),
            "narrative": "Audit an existing page against WCAG 2.2 AA, fix every level-A and AA issue found, and demonstrate the page with a screen reader."
        },
        "image": image("A11Y", cb.colour, "Accessible Web Design badge"),
        "alignment": [
            skill("Design accessible web interfaces", "web-accessibility", "DDS-WEB-06", "Apply WCAG success criteria when designing and building web pages."),
            onet("Web and Digital Interface Designers", "15-1255.00", "Design digital user interfaces or websites.")
        ],
        "tag": ["accessibility", "web development", "WCAG"]
    });
    let vc = ob3_credential(
        Vcdm::V2,
        "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a09",
        "Accessible Web Design",
        cb,
        Dates {
            from: "2024-02-23T12:00:00Z",
            until: None,
        },
        subject_did(achievement),
    );
    DemoFile {
        name: "09-accessible-web-design.json",
        content: Content::Json(finish_with(vc, cb, Suite::EddsaJcs2022)),
    }
}

fn data_ethics(i: &Issuers) -> DemoFile {
    let nu = &i.northfield;
    let achievement = json!({
        "id": format!("{DEMO_BASE}/northfield/achievements/data-ethics-and-privacy"),
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": "Data Ethics and Privacy",
        "description": "Short course on responsible data use: consent, data minimisation, anonymisation pitfalls, bias in data sets and the basics of data-protection law.",
        "criteria": {
            "id": format!("{DEMO_BASE}/northfield/short-courses/data-ethics/criteria"),
            "narrative": "Complete the four online units and write a 1,000-word ethics review of a data project, graded pass/fail."
        },
        "image": image("ETH", nu.colour, "Data Ethics and Privacy badge"),
        "alignment": [
            skill("Handle personal data responsibly", "data-protection", "DDS-DATA-09", "Apply privacy and ethics principles when collecting, analysing and sharing data.")
        ],
        "tag": ["data ethics", "privacy", "data analytics"]
    });
    let vc = ob3_credential(
        Vcdm::V2,
        "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d10",
        "Data Ethics and Privacy",
        nu,
        Dates {
            from: "2025-01-31T09:00:00Z",
            until: None,
        },
        subject_did(achievement),
    );
    DemoFile {
        name: "10-data-ethics-and-privacy.json",
        content: Content::Json(finish_json_ld(vc, nu)),
    }
}

/// All demo files, in output order.
pub fn demo_files() -> Vec<DemoFile> {
    let i = issuers();
    let k = suites::keys();
    let mut files = vec![
        intro_to_sql(&i),
        python_data_analysis(&i),
        data_visualization(&i),
        workplace_safety(&i),
        cloud_practitioner(&i),
        agile_project(&i),
        full_stack_capstone(&i),
        git_collaboration(&i),
        accessible_web(&i),
        data_ethics(&i),
        suites::statistics_foundations(&k),
        suites::spreadsheet_modelling(&k),
        suites::sql_performance(&k),
        suites::data_storytelling(),
    ];
    let json = |n: usize| match &files[n].content {
        Content::Json(v) => v,
        Content::Jwt(_) => unreachable!("demo {} is JSON", files[n].name),
    };
    // Introduction to SQL, Python for Data Analysis, Data Ethics and Privacy.
    let transcript = clr::analytics_transcript(&i, &[json(0), json(1), json(9)]);
    files.push(transcript);
    files
}

/// `index.json` listing the files.
pub fn index_json(files: &[DemoFile]) -> Value {
    json!({
        "files": files.iter().map(|f| f.name).collect::<Vec<_>>(),
        "note": "Generated by tools/demo-issuer; DEMO ONLY"
    })
}

/// Write every demo file plus `index.json` into `out` (created if needed).
/// Returns the written file names (including `index.json`).
pub fn write_all(out: &Path) -> io::Result<Vec<String>> {
    fs::create_dir_all(out)?;
    let files = demo_files();
    let mut written = Vec::new();
    for f in &files {
        fs::write(out.join(f.name), f.bytes())?;
        written.push(f.name.to_string());
    }
    let index = DemoFile {
        name: "index.json",
        content: Content::Json(index_json(&files)),
    };
    fs::write(out.join(index.name), index.bytes())?;
    written.push(index.name.to_string());
    Ok(written)
}
