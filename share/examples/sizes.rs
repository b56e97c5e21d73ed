//! Prints the share-link figures quoted in share/README.md:
//! `cargo run -p wallet-share --example sizes` (reads the shared test vectors
//! and the demo credentials; skips what is absent), and what sharing a
//! pathway adds (the bundled pathways in `public/pathways/`).

use std::path::{Path, PathBuf};

// The test helpers' directory walk (and the rest of them, unused here: the module allows
// dead code itself).
#[path = "../tests/common/mod.rs"]
mod common;
use wallet_share::{Ecc, Original, Portfolio, encode, encode_v1, link, qr_svg, stats, stats_v1};

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
    println!("Format 2 (new links) against format 1, one credential per link:");
    println!(
        "{:<62} {:>5} {:>5} | {:>6} {:>5} | {:>6} {:>6} {:>5}",
        "credential", "json", "body", "f1", "QR-M", "f2", "chars", "QR-M"
    );
    for (name, c) in &typical {
        let p = one(c.clone());
        let (s1, s2) = (stats_v1(&p), stats(&p));
        let q1 = qr_svg(&format!("{PREFIX}#{}", encode_v1(&p)), Ecc::M).unwrap();
        let q2 = qr_svg(&link(PREFIX, &p), Ecc::M).unwrap();
        println!(
            "{:<62} {:>5} {:>5} | {:>6} {:>5} | {:>6} {:>6} {:>5}",
            name,
            c.text().len(),
            s2.body,
            s1.frame,
            q1.version,
            s2.frame,
            s2.chars,
            q2.version,
        );
    }
    held_out();
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
            for (f, l, s) in [
                (1, format!("{PREFIX}#{}", encode_v1(&p)), stats_v1(&p)),
                (2, link(PREFIX, &p), stats(&p)),
            ] {
                let m = qr_svg(&l, Ecc::M).unwrap();
                let lo = qr_svg(&l, Ecc::L).unwrap();
                println!(
                    "format {f}: {k} credential(s) + title + holder: frame {} bytes, payload {} chars, link {} chars, QR version {} at M ({} modules), {} at L",
                    s.frame,
                    l.len() - PREFIX.len() - 1,
                    l.len(),
                    m.version,
                    m.modules,
                    lo.version
                );
            }
            let _ = encode(&p);
        }
    }
    pathway_sizes(&typical);
}

/// Totals over credential sets that had no part in building format 2's
/// priming text (`src/prime.rs`): all DCC fixtures and the W3C signed vectors.
fn held_out() {
    let Some(v) = vectors() else { return };
    let json = |files: Vec<PathBuf>| -> Vec<Original> {
        files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter(|t| t.trim_start().starts_with('{'))
            .map(Original::Json)
            .collect()
    };
    let mut dcc = Vec::new();
    common::walk(&v.join("dcc-vc-test-fixtures"), &mut dcc);
    let mut w3c = Vec::new();
    common::walk(&v.join("w3c-vc-di-eddsa/TestVectors"), &mut w3c);
    w3c.retain(|p| {
        let n = p.file_name().unwrap().to_string_lossy();
        n.starts_with("signed") && n.ends_with(".json")
    });
    println!("\nHeld-out sets (one credential per link; sum of frame bytes):");
    for (name, cs) in [
        ("DCC fixtures", json(dcc)),
        ("W3C eddsa signed vectors", json(w3c)),
    ] {
        let (mut f1, mut f2) = (0, 0);
        for c in &cs {
            f1 += stats_v1(&one(c.clone())).frame;
            f2 += stats(&one(c.clone())).frame;
        }
        println!(
            "{name:<28} {:>3} credentials: format 1 {f1:>6} B, format 2 {f2:>6} B ({:.0} %)",
            cs.len(),
            100.0 * f2 as f64 / f1.max(1) as f64
        );
    }
}

/// Bytes and characters a shared pathway adds (its compact definition, plus
/// the pathways it refers to), alone and next to the credentials it counts.
fn pathway_sizes(typical: &[(String, Original)]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/pathways");
    let Ok(index) = std::fs::read_to_string(dir.join("index.json")) else {
        eprintln!("SKIP public/pathways: not found");
        return;
    };
    let names = wallet_pathways::parse_index(wallet_i18n::Lang::En, &index).unwrap();
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|n| (n.clone(), std::fs::read_to_string(dir.join(n)).unwrap()))
        .collect();
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let all = wallet_pathways::load(&files).unwrap();
    // The four data courses (demo 01, 02, 03, 10), images removed as above.
    let data: Vec<Original> = typical
        .iter()
        .filter(|(n, _)| {
            ["01-", "02-", "03-", "10-"]
                .iter()
                .any(|p| n.starts_with(p))
        })
        .map(|(_, c)| c.clone())
        .collect();
    println!();
    println!(
        "What a shared pathway adds to a link (frame bytes, link characters): alone, and next to\n\
         the four data courses (demo 01, 02, 03, 10 without images), whose achievement ids it repeats."
    );
    println!(
        "{:<44} {:>5} {:>7} {:>7} {:>9} {:>9}",
        "pathway (+ pathways it refers to)", "json", "+bytes", "+chars", "+bytes/4", "+chars/4"
    );
    let base = |creds: &[Original]| Portfolio {
        title: Some("My portfolio".into()),
        holder: Some("Alex Rivera".into()),
        credentials: creds.to_vec(),
        pathways: None,
    };
    for p in &all {
        let picked = wallet_pathways::closure(&all, &[p.id.as_str()]);
        let value = wallet_pathways::to_shared(&picked);
        let mut row = Vec::new();
        for creds in [&[][..], &data[..]] {
            let without = base(creds);
            let with = Portfolio {
                pathways: Some(value.clone()),
                ..without.clone()
            };
            let (a, b) = (stats(&without), stats(&with));
            row.push((b.frame - a.frame, b.chars - a.chars));
        }
        let name = if picked.len() > 1 {
            format!("{} (+{})", p.name, picked.len() - 1)
        } else {
            p.name.clone()
        };
        println!(
            "{:<44} {:>5} {:>7} {:>7} {:>9} {:>9}",
            name,
            value.to_string().len(),
            row[0].0,
            row[0].1,
            row[1].0,
            row[1].1
        );
    }
    if data.len() == 4 {
        let da = wallet_pathways::closure(&all, &[all[0].id.as_str()]);
        let p = Portfolio {
            pathways: Some(wallet_pathways::to_shared(&da)),
            ..base(&data)
        };
        let version = |p: &Portfolio| {
            [Ecc::M, Ecc::L]
                .into_iter()
                .find_map(|e| {
                    qr_svg(&link(PREFIX, p), e)
                        .ok()
                        .map(|q| format!("{} at {e:?}", q.version))
                })
                .unwrap_or_else(|| "none (too big)".into())
        };
        println!(
            "4 data credentials + {}: frame {} bytes, link {} chars, QR version {} (without the pathway: {} bytes, version {})",
            all[0].name,
            stats(&p).frame,
            link(PREFIX, &p).len(),
            version(&p),
            stats(&base(&data)).frame,
            version(&base(&data))
        );
    }
}
