//! The demo credentials in the proof formats certified issuers send besides EdDSA (issue 12):
//! an RS256 VC-JWT (issuer `did:jwk` of an RSA-2048 key), an ES256 VC-JOSE token and an
//! `ecdsa-rdfc-2019` credential (issuer `did:key` of a P-256 key), and an `ecdsa-sd-2023`
//! derived disclosure.
//!
//! Still deterministic: ECDSA signs with RFC 6979 nonces and RSA PKCS#1 v1.5 has no
//! randomness. The `ecdsa-sd-2023` credential is the exception: its base proof and derivation
//! use random HMAC and ephemeral keys, and a derivation is what a holder's wallet does, not an
//! issuer. It is made once by Digital Bazaar's libraries (`node
//! tests/interop/demo-sd.mjs`, with the `summit` DEMO key below) into `holder/`, and copied
//! from there unchanged.
//!
//! DEMO ONLY: both private keys are in `demo-keys.json`, published.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::Signer as _;
use rsa::{BigUint, Pkcs1v15Sign, RsaPrivateKey, traits::PublicKeyParts as _};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

use crate::{Content, DEMO_BASE, DemoFile, LD, LEARNER_DID, image, onet, skill, svg_data_uri};

const CTX_VC2: &str = "https://www.w3.org/ns/credentials/v2";
const CTX_VC1: &str = "https://www.w3.org/2018/credentials/v1";
const CTX_OB3: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// The derived `ecdsa-sd-2023` credential (see the module header).
const SD_DERIVED: &str = include_str!("../holder/14-data-storytelling.json");

/// A demo issuer's public face.
struct Face {
    name: &'static str,
    initials: &'static str,
    slug: &'static str,
    colour: &'static str,
    description: &'static str,
}

impl Face {
    fn profile(&self, id: &str) -> Value {
        json!({
            "id": id,
            "type": ["Profile"],
            "name": self.name,
            "url": format!("{DEMO_BASE}/{}", self.slug),
            "description": self.description,
            "image": {
                "id": svg_data_uri(&crate::shield_svg(self.initials, self.colour)),
                "type": "Image",
                "caption": format!("{} logo", self.name)
            }
        })
    }
}

const SUMMIT: Face = Face {
    name: "Summit Skills Council (Demo)",
    initials: "SS",
    slug: "summit",
    colour: "#6a3d9a",
    description: "A fictional industry skills council that signs with a P-256 (ECDSA) key. DEMO ONLY.",
};

const LAKESIDE: Face = Face {
    name: "Lakeside Institute of Technology (Demo)",
    initials: "LT",
    slug: "lakeside",
    colour: "#8c5a1f",
    description: "A fictional institute whose platform signs VC-JWTs with an RSA key (RS256). DEMO ONLY.",
};

/// The `summit` P-256 key and the `lakeside` RSA key from `demo-keys.json`.
pub struct Keys {
    pub p256: p256::ecdsa::SigningKey,
    pub rsa: RsaPrivateKey,
}

pub fn keys() -> Keys {
    let keys: Value = serde_json::from_str(crate::DEMO_KEYS_JSON).expect("demo-keys.json");
    let scalar = keys["ecdsa_issuers"][0]["p256_scalar_hex"]
        .as_str()
        .expect("p256_scalar_hex");
    let p256 = p256::ecdsa::SigningKey::from_slice(&crate::hex_decode_32(scalar))
        .expect("a P-256 scalar");
    let jwk = &keys["rsa_issuers"][0]["jwk"];
    let int = |m: &str| {
        BigUint::from_bytes_be(
            &URL_SAFE_NO_PAD
                .decode(jwk[m].as_str().expect("RSA JWK member"))
                .expect("base64url"),
        )
    };
    let rsa = RsaPrivateKey::from_components(int("n"), int("e"), int("d"), vec![int("p"), int("q")])
        .expect("an RSA key");
    Keys { p256, rsa }
}

impl Keys {
    /// `did:key` of the P-256 key: `z` + base58btc(0x80 0x24 ‖ compressed point).
    pub fn p256_did(&self) -> String {
        let point = self.p256.verifying_key().to_encoded_point(true);
        let mut bytes = vec![0x80, 0x24];
        bytes.extend_from_slice(point.as_bytes());
        format!("did:key:z{}", bs58::encode(bytes).into_string())
    }

    pub fn p256_key_id(&self) -> String {
        let did = self.p256_did();
        format!("{did}#{}", &did["did:key:".len()..])
    }

    /// `did:jwk` of the RSA public key (its JWK, members in order kty, n, e).
    pub fn rsa_did(&self) -> String {
        let public = self.rsa.to_public_key();
        let jwk = format!(
            r#"{{"kty":"RSA","n":"{}","e":"{}"}}"#,
            URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
            URL_SAFE_NO_PAD.encode(public.e().to_bytes_be())
        );
        format!("did:jwk:{}", URL_SAFE_NO_PAD.encode(jwk))
    }
}

/// A compact JWS signed by `sign` over `base64url(header).base64url(payload)`.
fn compact(header: &Value, payload: &Value, sign: impl Fn(&[u8]) -> Vec<u8>) -> String {
    let h = URL_SAFE_NO_PAD.encode(serde_json::to_vec(header).expect("json"));
    let p = URL_SAFE_NO_PAD.encode(serde_json::to_vec(payload).expect("json"));
    let input = format!("{h}.{p}");
    let sig = sign(input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

fn es256(key: &p256::ecdsa::SigningKey, msg: &[u8]) -> Vec<u8> {
    let sig: p256::ecdsa::Signature = key.sign(msg);
    sig.to_bytes().to_vec()
}

fn achievement(slug: &str, face: &Face, name: &str, code: &str, description: &str) -> Value {
    json!({
        "id": format!("{DEMO_BASE}/{}/achievements/{slug}", face.slug),
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": name,
        "description": description,
        "criteria": {
            "narrative": format!("Complete the {name} module and its assessed project.")
        },
        "image": image(code, face.colour, &format!("{name} badge")),
        "alignment": [
            skill(name, slug, &format!("DDS-{code}-01"), description),
            onet("Data Scientists", "15-2051.00", "Develop and implement a set of techniques or analytics applications to transform raw data into meaningful information.")
        ],
        "tag": ["data", "demo"]
    })
}

fn subject(achievement: Value) -> Value {
    json!({"id": LEARNER_DID, "type": ["AchievementSubject"], "achievement": achievement})
}

/// 11: RS256 VC-JWT (VC 1.1 claims), issuer `did:jwk` of the RSA key.
pub fn statistics_foundations(k: &Keys) -> DemoFile {
    let did = k.rsa_did();
    let id = "urn:uuid:5a1c0e11-7d2b-4c3a-9e4f-11a2b3c4d511";
    let vc = json!({
        "@context": [CTX_VC1, CTX_OB3],
        "id": id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Statistics Foundations",
        "issuer": LAKESIDE.profile(&did),
        "issuanceDate": "2024-09-20T09:00:00Z",
        "credentialSubject": subject(achievement(
            "statistics-foundations", &LAKESIDE, "Statistics Foundations", "STAT",
            "Descriptive statistics, probability, sampling and hypothesis tests, applied to real data sets.")),
    });
    let payload = json!({
        "iss": did,
        "nbf": 1_726_822_800_i64, // 2024-09-20T09:00:00Z
        "jti": id,
        "sub": LEARNER_DID,
        "vc": vc
    });
    let header = json!({"alg": "RS256", "typ": "JWT", "kid": format!("{did}#0")});
    let token = compact(&header, &payload, |m| {
        k.rsa
            .sign(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(m))
            .expect("RSA signature")
    });
    DemoFile {
        name: "11-statistics-foundations.jwt",
        content: Content::Jwt(token),
    }
}

/// 12: ES256 VC-JOSE (VC 2.0: the payload is the credential), issuer `did:key` P-256.
pub fn spreadsheet_modelling(k: &Keys) -> DemoFile {
    let did = k.p256_did();
    let vc = json!({
        "@context": [CTX_VC2, CTX_OB3],
        "id": "urn:uuid:5a1c0e12-7d2b-4c3a-9e4f-12a2b3c4d512",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Spreadsheet Modelling",
        "issuer": SUMMIT.profile(&did),
        "validFrom": "2024-10-04T09:00:00Z",
        "credentialSubject": subject(achievement(
            "spreadsheet-modelling", &SUMMIT, "Spreadsheet Modelling", "XLS",
            "Builds auditable spreadsheet models: structured inputs, lookups, scenarios and checks.")),
    });
    let header = json!({"alg": "ES256", "typ": "vc+jwt", "kid": k.p256_key_id()});
    DemoFile {
        name: "12-spreadsheet-modelling.jwt",
        content: Content::Jwt(compact(&header, &vc, |m| es256(&k.p256, m))),
    }
}

/// 13: `ecdsa-rdfc-2019` (vc-di-ecdsa §3.2, P-256 / SHA-256), issuer `did:key` P-256.
pub fn sql_performance(k: &Keys) -> DemoFile {
    let did = k.p256_did();
    let mut vc = json!({
        "@context": [CTX_VC2, CTX_OB3],
        "id": "urn:uuid:5a1c0e13-7d2b-4c3a-9e4f-13a2b3c4d513",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "SQL Performance Tuning",
        "issuer": SUMMIT.profile(&did),
        "validFrom": "2024-11-08T09:00:00Z",
        "credentialSubject": subject(achievement(
            "sql-performance-tuning", &SUMMIT, "SQL Performance Tuning", "SQLP",
            "Reads query plans, designs indexes and rewrites slow queries without changing their results.")),
    });
    let config = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "ecdsa-rdfc-2019",
        "created": "2024-11-08T09:00:00Z",
        "verificationMethod": k.p256_key_id(),
        "proofPurpose": "assertionMethod"
    });
    let mut with_ctx = config.clone();
    with_ctx["@context"] = vc["@context"].clone();
    let (c, d) = LD.with(|ld| {
        (
            ld.canonicalize(&with_ctx).expect("canonical proof options"),
            ld.canonicalize(&vc).expect("canonical document"),
        )
    });
    let mut hash = Sha256::digest(c.as_bytes()).to_vec();
    hash.extend_from_slice(&Sha256::digest(d.as_bytes()));
    let mut proof = config;
    proof["proofValue"] = json!(format!(
        "z{}",
        bs58::encode(es256(&k.p256, &hash)).into_string()
    ));
    vc["proof"] = proof;
    DemoFile {
        name: "13-sql-performance-tuning.json",
        content: Content::Json(vc),
    }
}

/// 14: an `ecdsa-sd-2023` disclosure of a Summit badge (made by `tests/interop/demo-sd.mjs`).
pub fn data_storytelling() -> DemoFile {
    DemoFile {
        name: "14-data-storytelling.json",
        content: Content::Json(serde_json::from_str(SD_DERIVED).expect("holder/ JSON")),
    }
}
