#[test]
fn rdfc_doc() {
    let e = wallet_verify::jsonld::LdEngine::new();
    let base = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/vectors/w3c-vc-di-eddsa/TestVectors/"
    );
    let mut d: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{base}eddsa-rdfc-2022/signedDataInt.json")).unwrap(),
    )
    .unwrap();
    d.as_object_mut().unwrap().remove("proof");
    let c = e.canonicalize(&d).unwrap();
    let want =
        std::fs::read_to_string(format!("{base}eddsa-rdfc-2022/canonDocDataInt.txt")).unwrap();
    assert_eq!(c.trim(), want.trim());
}
