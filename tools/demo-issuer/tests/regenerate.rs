//! The committed `public/demo/` must be exactly what the generator produces,
//! and the demo VC-JWT must carry a real Ed25519 signature.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, VerifyingKey};
use serde_json::Value;

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/demo")
}

fn temp_out(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("demo-issuer-test-{tag}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn committed_output_matches_generator() {
    let out = temp_out("regen");
    demo_issuer::write_all(&out).expect("generate");
    let committed = committed_dir();
    let fresh_names = listing(&out);
    assert_eq!(
        listing(&committed),
        fresh_names,
        "public/demo/ has different files than the generator writes; run `cargo run -p demo-issuer -- --out public/demo`"
    );
    for name in &fresh_names {
        let a = fs::read(out.join(name)).unwrap();
        let b = fs::read(committed.join(name)).unwrap();
        assert!(
            a == b,
            "public/demo/{name} differs from the generator output; run `cargo run -p demo-issuer -- --out public/demo` (never hand-edit it)"
        );
    }
    let _ = fs::remove_dir_all(&out);
}

#[test]
fn generation_is_deterministic() {
    let a = demo_issuer::demo_files();
    let b = demo_issuer::demo_files();
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.name, y.name);
        assert_eq!(x.bytes(), y.bytes(), "{} is not deterministic", x.name);
    }
}

fn did_key_to_verifying_key(did: &str) -> VerifyingKey {
    let mb = did
        .strip_prefix("did:key:z")
        .expect("did:key with base58btc multibase");
    let bytes = bs58::decode(mb).into_vec().expect("base58");
    assert_eq!(&bytes[..2], &[0xed, 0x01], "Ed25519 multicodec prefix");
    VerifyingKey::from_bytes(bytes[2..].try_into().expect("32-byte key")).expect("valid key")
}

#[test]
fn jwt_signature_verifies() {
    let path = committed_dir().join("05-cloud-practitioner-essentials.jwt");
    let jwt = fs::read_to_string(&path).expect("committed jwt");
    let jwt = jwt.trim();
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3, "compact JWS");
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap()).unwrap();
    let payload: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    assert_eq!(header["alg"], "EdDSA");
    assert_eq!(header["typ"], "JWT");
    let iss = payload["iss"].as_str().unwrap();
    let kid = header["kid"].as_str().unwrap();
    let (kid_did, fragment) = kid.split_once('#').unwrap();
    assert_eq!(kid_did, iss);
    assert_eq!(format!("did:key:{fragment}"), iss);
    assert_eq!(payload["vc"]["issuer"]["id"], iss);
    assert_eq!(payload["jti"], payload["vc"]["id"]);
    assert_eq!(payload["sub"], payload["vc"]["credentialSubject"]["id"]);

    let vk = did_key_to_verifying_key(iss);
    let sig_bytes = URL_SAFE_NO_PAD.decode(parts[2]).unwrap();
    let sig = Signature::from_slice(&sig_bytes).expect("64-byte signature");
    let signing_input = format!("{}.{}", parts[0], parts[1]);
    vk.verify_strict(signing_input.as_bytes(), &sig)
        .expect("JWT signature verifies");

    // A tampered payload must not verify.
    let tampered = format!("{}.{}x", parts[0], parts[1]);
    assert!(vk.verify_strict(tampered.as_bytes(), &sig).is_err());

    // And the key is the Harbor demo key from demo-keys.json.
    assert_eq!(iss, demo_issuer::issuers().harbor.did());
}

#[test]
fn demo_content_rules() {
    let committed = committed_dir();
    let index: Value =
        serde_json::from_slice(&fs::read(committed.join("index.json")).unwrap()).unwrap();
    let files: Vec<&str> = index["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(files.len() >= 8, "about ten demo credentials");
    let mut expired = 0;
    let mut ids = std::collections::BTreeSet::new();
    for f in &files {
        if !f.ends_with(".json") {
            continue;
        }
        let v: Value = serde_json::from_slice(&fs::read(committed.join(f)).unwrap()).unwrap();
        let text = v.to_string();
        assert!(text.contains("(Demo)"), "{f}: issuer must be labelled Demo");
        assert!(
            ids.insert(v["id"].as_str().unwrap().to_string()),
            "{f}: duplicate id"
        );
        if let Some(u) = v["validUntil"].as_str().or(v["expirationDate"].as_str())
            && u.starts_with("2024")
        {
            expired += 1;
        }
        // Every data: image is small.
        for part in text.split("data:image/svg+xml;base64,").skip(1) {
            let b64 = part.split('"').next().unwrap();
            assert!(b64.len() < 2048, "{f}: image over 2 KB");
        }
    }
    assert!(
        expired >= 1,
        "one credential must be expired (validUntil in 2024)"
    );

    let keys: Value = serde_json::from_str(demo_issuer::DEMO_KEYS_JSON).unwrap();
    assert_eq!(
        keys["warning"],
        "DEMO ONLY — these private keys are public; never trust credentials signed with them"
    );
}
