//! Shared helpers for the integration tests: where the fixtures and the
//! published vectors are, and the fixture generator.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use wallet_core::unbake::{KEYWORD_OB2, KEYWORD_OB3, PNG_SIGNATURE, bake_png, bake_svg};

/// `<workspace>/tests/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// `/work/shared/vectors` (the workspace's `../shared/vectors`), if present.
pub fn vectors_dir() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("SKIPPED: ../shared/vectors not found");
        None
    }
}

pub fn fixture_bytes(name: &str) -> Vec<u8> {
    let p = fixtures_dir().join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()))
}

pub fn fixture_text(name: &str) -> String {
    String::from_utf8(fixture_bytes(name)).expect("fixture is UTF-8")
}

/// Every file under `dir`, recursively, sorted.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

// ---------------------------------------------------------------------------
// Fixture generator

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut h = crc32fast::Hasher::new();
    h.update(kind);
    h.update(data);
    out.extend_from_slice(&h.finalize().to_be_bytes());
}

/// A 64×64 RGBA PNG: a gold medal with a darker rim on a transparent background.
pub fn base_png() -> Vec<u8> {
    const N: u32 = 64;
    let mut raw = Vec::with_capacity((N * (N * 4 + 1)) as usize);
    for y in 0..N {
        raw.push(0); // filter: none
        for x in 0..N {
            let dx = x as f64 - 31.5;
            let dy = y as f64 - 31.5;
            let r = (dx * dx + dy * dy).sqrt();
            let px: [u8; 4] = if r < 24.0 {
                [0xf2, 0xc1, 0x2e, 0xff]
            } else if r < 30.0 {
                [0xb8, 0x86, 0x0b, 0xff]
            } else {
                [0, 0, 0, 0]
            };
            raw.extend_from_slice(&px);
        }
    }
    let mut out = PNG_SIGNATURE.to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&N.to_be_bytes());
    ihdr.extend_from_slice(&N.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8-bit RGBA
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 9),
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Insert a chunk just before IEND (the last 12 bytes of a well-formed PNG).
fn before_iend(png: &[u8], kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let at = png.len() - 12;
    let mut out = png[..at].to_vec();
    chunk(&mut out, kind, data);
    out.extend_from_slice(&png[at..]);
    out
}

pub const BASE_SVG: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <title>Badge</title>
  <circle cx="64" cy="64" r="60" fill="#b8860b"/>
  <circle cx="64" cy="64" r="48" fill="#f2c12e"/>
  <text x="64" y="72" font-size="24" text-anchor="middle" font-family="sans-serif">★</text>
</svg>
"##;

pub const OB2_URL: &str = "https://badges.lakeshore-library.example/assertions/a7f3e2.json";

fn jws(header: &str, payload: &str, sig: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(payload),
        URL_SAFE_NO_PAD.encode(sig)
    )
}

pub fn vc_jwt() -> String {
    let payload = r#"{"iss":"https://learn.meridian-code.example/issuer","sub":"did:example:learner-2290","nbf":1717243200,"exp":1906545600,"jti":"urn:uuid:8e4c2b1a-7d6f-4a3b-9c0e-1f2d3e4c5b6a","vc":{"@context":["https://www.w3.org/2018/credentials/v1","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"type":["Profile"],"name":"Meridian Code Academy","url":"https://learn.meridian-code.example"},"name":"Responsive Web Design","credentialSubject":{"type":["AchievementSubject"],"achievement":{"id":"https://learn.meridian-code.example/achievements/rwd","type":["Achievement"],"achievementType":"Badge","name":"Responsive Web Design","description":"Builds accessible, responsive web pages with HTML and CSS.","criteria":{"narrative":"Complete 5 graded projects, each reviewed by a mentor."},"alignment":[{"type":["Alignment"],"targetName":"Web design","targetUrl":"http://data.europa.eu/esco/skill/web-design","targetFramework":"ESCO"},{"type":["Alignment"],"targetCode":"15-1255.00","targetUrl":"https://www.onetonline.org/link/summary/15-1255.00","targetFramework":"O*NET-SOC"}],"tag":["web","css"]}}}}"#;
    let sig: Vec<u8> = (0u8..64).collect();
    jws(r#"{"alg":"EdDSA","typ":"JWT"}"#, payload, &sig)
}

pub fn ob2_signed() -> String {
    let payload = r#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:uuid:5b1e0f2d-4c3a-4b7e-8d9f-6a5b4c3d2e1f","recipient":{"type":"email","hashed":true,"salt":"s4lt","identity":"sha256$8f3e1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7f"},"badge":{"type":"BadgeClass","id":"https://open.fenwick-university.example/badges/peer-mentor","name":"Peer Mentor","description":"Mentored first-year students for a full semester.","image":"https://open.fenwick-university.example/badges/peer-mentor.png","criteria":{"narrative":"Hold weekly sessions with three mentees for 12 weeks."},"issuer":{"type":"Profile","id":"https://open.fenwick-university.example/issuer","name":"Fenwick University","url":"https://www.fenwick-university.example"}},"issuedOn":"2021-05-20T12:00:00Z","verification":{"type":"SignedBadge","creator":"https://open.fenwick-university.example/keys/1"}}"#;
    let sig: Vec<u8> = (0..256u32).map(|i| (i * 7 % 256) as u8).collect();
    jws(r#"{"alg":"RS256"}"#, payload, &sig)
}

/// A VerifiablePresentation holding the VC 2.0 fixture (embedded JSON) and
/// the VC-JWT fixture (a string).
pub fn presentation(ob3_vc2: &str) -> String {
    let vc: serde_json::Value = serde_json::from_str(ob3_vc2).expect("fixture JSON");
    let vp = serde_json::json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": "did:example:learner-4471",
        "verifiableCredential": [vc, vc_jwt()],
    });
    let mut s = serde_json::to_string_pretty(&vp).expect("serialize");
    s.push('\n');
    s
}

/// All generated fixtures: (file name, bytes). Inputs are the hand-written JSON fixtures.
pub fn generated() -> Vec<(&'static str, Vec<u8>)> {
    let ob3_vc2 = fixture_text("ob3-vc2-credential.json");
    let ob3_vc11 = fixture_text("ob3-vc11-credential.json");
    let ob2_embedded = fixture_text("ob2-hosted-embedded.json");
    let clr = fixture_text("clr/clr-valid.json");
    let base = base_png();

    let baked_ob3 = bake_png(&base, KEYWORD_OB3, &ob3_vc2).expect("bake");
    let mut text = KEYWORD_OB2.as_bytes().to_vec();
    text.push(0);
    text.extend_from_slice(OB2_URL.as_bytes());
    let baked_ob2_url = before_iend(&base, b"tEXt", &text);
    let mut itxt = KEYWORD_OB3.as_bytes().to_vec();
    itxt.extend_from_slice(&[0, 1, 0]); // \0, compressed, zlib
    itxt.extend_from_slice(b"en\0\0");
    itxt.extend_from_slice(&miniz_oxide::deflate::compress_to_vec_zlib(
        ob3_vc11.as_bytes(),
        9,
    ));
    let baked_compressed = before_iend(&base, b"iTXt", &itxt);
    // Cut in the middle of the iTXt chunk (which follows the 33-byte IHDR).
    let truncated = baked_ob3[..33 + 40].to_vec();

    vec![
        // A CLR 2.0 baked like an OB 3.0 credential (the CLR's own fixture, tests/fixtures/clr).
        (
            "baked-clr.png",
            bake_png(&base, KEYWORD_OB3, &clr).expect("bake"),
        ),
        (
            "baked-clr.svg",
            bake_svg(BASE_SVG, true, &clr).expect("bake").into_bytes(),
        ),
        ("ob3-vc-jwt.jwt", format!("{}\n", vc_jwt()).into_bytes()),
        ("ob2-signed.jws", format!("{}\n", ob2_signed()).into_bytes()),
        ("presentation-two.json", presentation(&ob3_vc2).into_bytes()),
        ("baked-ob3.png", baked_ob3),
        ("baked-ob2-url.png", baked_ob2_url),
        ("baked-ob3-compressed.png", baked_compressed),
        (
            "baked-ob3.svg",
            bake_svg(BASE_SVG, true, &ob3_vc2)
                .expect("bake")
                .into_bytes(),
        ),
        (
            "verify-ob3.svg",
            bake_svg(
                BASE_SVG,
                true,
                "https://training.harbourlight.example/credentials/3f9d2c1b.json",
            )
            .expect("bake")
            .into_bytes(),
        ),
        (
            "baked-ob2.svg",
            bake_svg(BASE_SVG, false, &ob2_embedded)
                .expect("bake")
                .into_bytes(),
        ),
        ("truncated.png", truncated),
        ("no-badge.png", base),
    ]
}
