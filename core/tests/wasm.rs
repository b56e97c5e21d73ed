//! The pure core, compiled to wasm32 and run by `wasm-bindgen-test-runner` (under node):
//! the parsers and unbaking give the same results in WebAssembly as natively.
//! Run: `cargo test -p wallet-core --target wasm32-unknown-unknown --test wasm`
#![cfg(target_arch = "wasm32")]

use wallet_core::{
    Baked, Format, ImportOutcome, Query, Summary, apply, import_bytes, parse_credential, unbake_png,
};
use wasm_bindgen_test::wasm_bindgen_test;

const OB3: &str = include_str!("../../tests/fixtures/ob3-vc2-credential.json");
const OB3_VC11: &str = include_str!("../../tests/fixtures/ob3-vc11-credential.json");
const JWT: &str = include_str!("../../tests/fixtures/ob3-vc-jwt.jwt");
const OB2: &str = include_str!("../../tests/fixtures/ob2-hosted-embedded.json");
const BAKED_PNG: &[u8] = include_bytes!("../../tests/fixtures/baked-ob3-compressed.png");
const BAKED_SVG: &[u8] = include_bytes!("../../tests/fixtures/baked-ob3.svg");
const TRUNCATED: &[u8] = include_bytes!("../../tests/fixtures/truncated.png");

#[wasm_bindgen_test]
fn parses_every_format() {
    assert_eq!(parse_credential(OB3).unwrap().format, Format::Ob3Vc2);
    assert_eq!(parse_credential(OB3_VC11).unwrap().format, Format::Ob3Vc11);
    assert_eq!(parse_credential(JWT).unwrap().format, Format::Ob3Jwt);
    assert_eq!(parse_credential(OB2).unwrap().format, Format::Ob2Hosted);
}

#[wasm_bindgen_test]
fn hashes_ids_like_native() {
    // A credential without an id gets sha256:<hex of its bytes>; sha2 must agree in wasm.
    let no_id = OB3.replacen("\"id\": \"urn:uuid:", "\"x-no-id\": \"urn:uuid:", 1);
    let c = parse_credential(&no_id).unwrap();
    assert_eq!(c.local_id, wallet_core::parse::sha256_id(no_id.as_bytes()));
    assert!(c.local_id.starts_with("sha256:") && c.local_id.len() == 7 + 64);
}

#[wasm_bindgen_test]
fn unbakes_compressed_png_and_svg() {
    match unbake_png(BAKED_PNG).unwrap() {
        Baked::Text(t) => assert!(parse_credential(&t).is_ok()),
        Baked::Url(u) => panic!("unexpected url {u}"),
    }
    match import_bytes("badge.svg", BAKED_SVG) {
        ImportOutcome::Credentials(list) => assert_eq!(list.len(), 1),
        _ => panic!("svg did not import"),
    }
    assert!(matches!(
        import_bytes("t.png", TRUNCATED),
        ImportOutcome::Error(_)
    ));
}

#[wasm_bindgen_test]
fn library_query_runs() {
    let items: Vec<Summary> = [OB3, OB3_VC11, OB2]
        .iter()
        .map(|t| {
            Summary::from_credential(
                &parse_credential(t).unwrap(),
                wallet_core::status::Status::Unverified,
                0.0,
            )
        })
        .collect();
    assert_eq!(apply(&items, &Query::default()).len(), 3);
}
