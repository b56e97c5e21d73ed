//! Prints the share-link figures quoted in share/README.md:
//! `cargo run -p wallet-share --example sizes` (reads the shared test vectors
//! and the demo credentials; skips what is absent).

use std::path::{Path, PathBuf};
use wallet_share::{Ecc, Original, Portfolio, encode, link, qr_svg, stats};

const PREFIX: &str = "https://wallet.example.org/";

fn vectors() -> Option<PathBuf> {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors");
    [local, PathBuf::from("/work/shared/vectors")]
        .into_iter()
        .find(|p| p.is_dir())
}

/// Removes every `image` member (the demo credentials embed SVG data URIs).
fn strip_images(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.shift_remove("image");
            m.values_mut().for_each(strip_images);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_images),
        _ => {}
    }
}

fn one(c: Original) -> Portfolio {
    Portfolio {
        credentials: vec![c],
        ..Default::default()
    }
}

fn main() {
    let mut typical: Vec<(String, Original)> = Vec::new();
    if let Some(v) = vectors() {
        for rel in [
            "1edtech-ob3/signed-ob3-eddsa-rdfc-2022.json",
            "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json",
        ] {
            match std::fs::read_to_string(v.join(rel)) {
                Ok(t) => typical.push((
                    rel.rsplit('/').next().unwrap().to_owned(),
                    Original::Json(t),
                )),
                Err(e) => eprintln!("SKIP {rel}: {e}"),
            }
        }
    } else {
        eprintln!("SKIP shared/vectors: not found");
    }
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/demo");
    let mut demo_files: Vec<_> = std::fs::read_dir(&demo)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    demo_files.sort();
    for p in demo_files {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name == "index.json" {
            continue;
        }
        let t = std::fs::read_to_string(&p).unwrap();
        if name.ends_with(".jwt") {
            typical.push((name, Original::Jws(t.trim().to_owned())));
        } else {
            let mut v: serde_json::Value = serde_json::from_str(&t).unwrap();
            strip_images(&mut v);
            typical.push((format!("{name} (no image)"), Original::Json(v.to_string())));
        }
    }
    println!(
        "{:<70} {:>6} {:>6} {:>6} {:>6} {:>5}",
        "credential", "json", "body", "frame", "chars", "QR-M"
    );
    for (name, c) in &typical {
        let p = one(c.clone());
        let s = stats(&p);
        let qr = qr_svg(&link(PREFIX, &p), Ecc::M).unwrap();
        println!(
            "{:<70} {:>6} {:>6} {:>6} {:>6} {:>5}{}",
            name,
            c.text().len(),
            s.body,
            s.frame,
            s.chars,
            qr.version,
            if s.deflated { "  (deflated)" } else { "" }
        );
    }
    // The portfolios quoted in the README: the two OB 3.0 vectors, then the smallest demo credential.
    let pick: Vec<Original> = typical
        .iter()
        .filter(|(n, _)| !n.starts_with('0') || n.starts_with("10-"))
        .map(|(_, c)| c.clone())
        .collect();
    for k in [1usize, 3] {
        if pick.len() >= k {
            let p = Portfolio {
                title: Some("My portfolio".into()),
                holder: Some("Alex Rivera".into()),
                credentials: pick[..k].to_vec(),
                pathways: None,
            };
            let l = link(PREFIX, &p);
            let s = stats(&p);
            let m = qr_svg(&l, Ecc::M).unwrap();
            let lo = qr_svg(&l, Ecc::L).unwrap();
            println!(
                "{k} credential(s) + title + holder: frame {} bytes, payload {} chars, link {} chars, QR version {} at M ({} modules), {} at L",
                s.frame,
                encode(&p).len(),
                l.len(),
                m.version,
                m.modules,
                lo.version
            );
        }
    }
}
