//! QR codes: SVG output, versions for typical portfolios, and a real decode with zbarimg.

mod common;

use common::*;
use wallet_share::{Ecc, Original, Portfolio, QUIET, link, qr_code, qr_svg, too_big_for_one_qr};

const PREFIX: &str = "https://wallet.example.org/";

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

/// The two OB 3.0 eddsa-rdfc-2022 vectors and the smallest demo credential without images.
fn typical() -> Vec<Original> {
    let mut out = Vec::new();
    if let Some(v) = vectors() {
        for rel in [
            "1edtech-ob3/signed-ob3-eddsa-rdfc-2022.json",
            "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json",
        ] {
            if let Ok(t) = std::fs::read_to_string(v.join(rel)) {
                out.push(Original::Json(t));
            }
        }
    }
    if let Some(d) = demo_dir()
        && let Ok(t) = std::fs::read_to_string(d.join("10-data-ethics-and-privacy.json"))
    {
        let mut v: serde_json::Value = serde_json::from_str(&t).unwrap();
        strip_images(&mut v);
        out.push(Original::Json(v.to_string()));
    }
    out
}

fn portfolio(creds: &[Original]) -> Portfolio {
    Portfolio {
        title: Some("My portfolio".into()),
        holder: Some("Alex Rivera".into()),
        credentials: creds.to_vec(),
        pathways: None,
    }
}

#[test]
fn svg_is_produced_and_scales() {
    let l = link(PREFIX, &portfolio(&[]));
    let q = qr_svg(&l, Ecc::M).unwrap();
    assert!(
        q.svg
            .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")
    );
    assert!(q.svg.ends_with("</svg>"));
    let w = q.modules + 2 * QUIET;
    assert!(q.svg.contains(&format!("viewBox=\"0 0 {w} {w}\"")));
    assert_eq!(q.modules, 17 + 4 * q.version as usize);
    assert!(!too_big_for_one_qr(30) && too_big_for_one_qr(31));
    let big = "1".repeat(8000);
    assert_eq!(qr_svg(&big, Ecc::M), Err(wallet_share::QrError::TooLong));
}

#[test]
fn versions_for_typical_portfolios() {
    let t = typical();
    if t.len() < 3 {
        eprintln!("SKIP: typical credentials not found");
        return;
    }
    for (k, name) in [(1, "1 credential"), (3, "3 credentials")] {
        let l = link(PREFIX, &portfolio(&t[..k]));
        for ecc in [Ecc::L, Ecc::M, Ecc::Q] {
            let q = qr_svg(&l, ecc).unwrap();
            println!(
                "{name}: link {} chars, ECC {ecc:?}: QR version {} ({} modules), SVG {} bytes",
                l.len(),
                q.version,
                q.modules,
                q.svg.len()
            );
        }
        let m = qr_svg(&l, Ecc::M).unwrap();
        // The goals (format 2 measures 14 and 27 at M; format 1 made 17 and 30).
        assert!(
            m.version <= if k == 1 { 15 } else { 28 },
            "{name}: version {}",
            m.version
        );
        // Never worse than the crate's own segmentation.
        let auto =
            qrcode::QrCode::with_error_correction_level(l.as_bytes(), qrcode::EcLevel::M).unwrap();
        assert!(qr_code(&l, Ecc::M).unwrap().width() <= auto.width());
    }
}

// ------------------------------------------------------------ decode with zbarimg

/// Rasterizes our own SVG: a white background, then one stroked path of
/// horizontal runs, "M x y.5 h len" starting a row and "m gap 0 h len" continuing it.
fn rasterize(svg: &str, scale: usize) -> (usize, Vec<u8>) {
    let vb = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
    let w: usize = vb.split(' ').next().unwrap().parse().unwrap();
    let n = w * scale;
    let mut px = vec![255u8; n * n];
    let d = svg
        .split("d=\"")
        .nth(2)
        .expect("dark path")
        .split('"')
        .next()
        .unwrap();
    let (mut x, mut y) = (0usize, 0usize);
    let mut num = String::new();
    let mut cmds: Vec<(char, Vec<f64>)> = Vec::new();
    for c in d.chars() {
        if c.is_ascii_alphabetic() {
            if let Some(last) = cmds.last_mut() {
                last.1
                    .extend(num.split_whitespace().map(|t| t.parse::<f64>().unwrap()));
            }
            num.clear();
            cmds.push((c, Vec::new()));
        } else {
            num.push(c);
        }
    }
    if let Some(last) = cmds.last_mut() {
        last.1
            .extend(num.split_whitespace().map(|t| t.parse::<f64>().unwrap()));
    }
    for (c, args) in cmds {
        match c {
            'M' => {
                x = args[0] as usize;
                y = args[1].floor() as usize;
                assert_eq!(args[1].fract(), 0.5);
            }
            'm' => {
                x += args[0] as usize;
                assert_eq!(args[1], 0.0);
            }
            'h' => {
                let len = args[0] as usize;
                for yy in y * scale..(y + 1) * scale {
                    for xx in x * scale..(x + len) * scale {
                        px[yy * n + xx] = 0;
                    }
                }
                x += len;
            }
            other => panic!("unexpected path command {other}"),
        }
    }
    (n, px)
}

fn png(n: usize, px: &[u8]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(n * (n + 1));
    for row in px.chunks(n) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |ty: &[u8], data: &[u8]| {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = ty.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend(crc32fast::hash(&body).to_be_bytes());
    };
    let mut ihdr = (n as u32).to_be_bytes().to_vec();
    ihdr.extend((n as u32).to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]); // 8-bit grayscale
    chunk(b"IHDR", &ihdr);
    chunk(
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 6),
    );
    chunk(b"IEND", &[]);
    out
}

fn zbar(link: &str, ecc: Ecc, file: &str) -> Option<i16> {
    if !std::path::Path::new("/usr/bin/zbarimg").exists() {
        eprintln!(
            "WARNING: /usr/bin/zbarimg absent: QR decode test SKIPPED (apt-get install zbar-tools)"
        );
        return None;
    }
    let q = qr_svg(link, ecc).unwrap();
    let (n, px) = rasterize(&q.svg, 4);
    let path = std::env::temp_dir().join(file);
    std::fs::write(&path, png(n, &px)).unwrap();
    let out = std::process::Command::new("/usr/bin/zbarimg")
        .arg("--raw")
        .arg("-q")
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "zbarimg failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.strip_suffix('\n').unwrap_or(&text),
        link,
        "zbarimg read something else"
    );
    Some(q.version)
}

#[test]
fn zbarimg_reads_the_generated_code() {
    let t = typical();
    let creds: Vec<Original> = if t.is_empty() {
        vec![Original::Json(
            r#"{"type":["VerifiableCredential"],"name":"Offline sample"}"#.into(),
        )]
    } else {
        t[..1].to_vec()
    };
    let l = link(PREFIX, &portfolio(&creds));
    if let Some(v) = zbar(
        &l,
        Ecc::M,
        &format!("wallet-share-qr-{}.png", std::process::id()),
    ) {
        println!(
            "zbarimg decoded a version-{v} code back to the exact {}-char link",
            l.len()
        );
        // And what it read is a valid share link with the same credentials.
        assert_eq!(
            wallet_share::decode(&l).unwrap().credentials.len(),
            creds.len()
        );
    }
    // A format-1 link (alphanumeric segment) still makes a readable code.
    let l1 = format!("{PREFIX}#{}", wallet_share::encode_v1(&portfolio(&creds)));
    if let Some(v) = zbar(
        &l1,
        Ecc::M,
        &format!("wallet-share-qr1-{}.png", std::process::id()),
    ) {
        println!("zbarimg decoded a format-1 version-{v} code");
    }
}

#[test]
fn digits_use_numeric_mode() {
    // The explicit split (byte-mode URL, numeric payload) is never worse than
    // the crate's own segmentation, and it is what makes format 2 small.
    let t = typical();
    let l = link(PREFIX, &portfolio(&t[..t.len().min(1)]));
    let payload = &l[l.rfind('#').unwrap() + 1..];
    assert!(
        payload.bytes().all(|c| c.is_ascii_digit()),
        "format 2 is digits"
    );
    let ours = qr_code(&l, Ecc::M).unwrap();
    let auto =
        qrcode::QrCode::with_error_correction_level(l.as_bytes(), qrcode::EcLevel::M).unwrap();
    assert!(ours.width() <= auto.width());
    // Behind the app's route (`#/s/<payload>`) the digits still go in numeric
    // mode: three more URL characters cost at most one version.
    let routed = format!("{PREFIX}#/s/{payload}");
    let r = qr_code(&routed, Ecc::M).unwrap();
    assert!(
        r.width() <= ours.width() + 4,
        "{} vs {}",
        r.width(),
        ours.width()
    );
    let auto =
        qrcode::QrCode::with_error_correction_level(routed.as_bytes(), qrcode::EcLevel::M).unwrap();
    assert!(r.width() <= auto.width());
    println!(
        "routed link: version {} (crate's segmentation: {})",
        (r.width() - 17) / 4,
        (auto.width() - 17) / 4
    );
}
