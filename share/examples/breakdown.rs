//! Where the bytes of a typical share link go, and what QR versions hold:
//! `cargo run --release -p wallet-share --example breakdown`.
//!
//! Costs are marginal: fields are blanked one group after another (each group
//! replaced by empty strings) and the frame shrinkage is attributed to it.

use qrcode::bits::Bits;
use qrcode::{EcLevel, Version};
use serde_json::Value;
use wallet_share::{Original, Portfolio, Stats, stats, stats_v1};

const PREFIX: &str = "https://wallet.example.org/#";

/// Largest payload (characters) after PREFIX in byte mode, in the given mode.
fn capacity(v: i16, ecc: EcLevel, mode: &str) -> usize {
    let fits = |n: usize| {
        let mut b = Bits::new(Version::Normal(v));
        let ok = b.push_byte_data(PREFIX.as_bytes()).is_ok()
            && match mode {
                "alnum" => b.push_alphanumeric_data(&vec![b'A'; n]).is_ok(),
                "numeric" => b.push_numeric_data(&vec![b'1'; n]).is_ok(),
                _ => b.push_byte_data(&vec![b'a'; n]).is_ok(),
            };
        ok && b.push_terminator(ecc).is_ok()
    };
    let mut n = 0;
    while fits(n + 1) {
        n += 1;
    }
    n
}

fn blank(v: &mut Value, pred: &dyn Fn(&str, &str) -> bool) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if let Value::String(s) = x {
                    if pred(k, s) {
                        *s = String::new();
                    }
                } else {
                    blank(x, pred);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| blank(x, pred)),
        _ => {}
    }
}

fn main() {
    println!("QR capacity for a link {PREFIX}<payload> (prefix in byte mode):");
    println!(
        "{:>3} {:>3} {:>8} {:>8} {:>6}",
        "v", "ecc", "alnum", "numeric", "byte"
    );
    for v in [14i16, 15, 16, 17, 29, 30] {
        for (e, n) in [(EcLevel::M, "M"), (EcLevel::L, "L")] {
            println!(
                "{v:>3} {n:>3} {:>8} {:>8} {:>6}",
                capacity(v, e, "alnum"),
                capacity(v, e, "numeric"),
                capacity(v, e, "byte")
            );
        }
    }
    let Some(path) = ["../shared/vectors", "/work/shared/vectors"]
        .iter()
        .map(|p| std::path::Path::new(p).join("1edtech-ob3/signed-ob3-eddsa-rdfc-2022.json"))
        .find(|p| p.exists())
    else {
        eprintln!("SKIP: 1EdTech vector not found");
        return;
    };
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    if std::env::var_os("PRINT_LINK").is_some() {
        let p = Portfolio {
            title: Some("My portfolio".into()),
            holder: Some("Alex Rivera".into()),
            credentials: vec![Original::Json(v.to_string())],
            pathways: None,
        };
        println!("{}", wallet_share::link(PREFIX, &p));
        return;
    }
    // Segmentation: the crate's own optimiser against our explicit split.
    let p = Portfolio {
        title: Some("My portfolio".into()),
        holder: Some("Alex Rivera".into()),
        credentials: vec![Original::Json(v.to_string())],
        pathways: None,
    };
    let ver = |c: &qrcode::QrCode| match c.version() {
        Version::Normal(v) | Version::Micro(v) => v,
    };
    for (name, l) in [
        (
            "format 1",
            format!("{PREFIX}{}", wallet_share::encode_v1(&p)),
        ),
        ("format 2", wallet_share::link(PREFIX, &p)),
    ] {
        let auto = qrcode::QrCode::with_error_correction_level(l.as_bytes(), EcLevel::M).unwrap();
        let ours = wallet_share::qr_code(&l, wallet_share::Ecc::M).unwrap();
        let n = l.len() - PREFIX.len();
        let mode_bits = if name == "format 1" {
            4 + 11 + n / 2 * 11 + n % 2 * 6
        } else {
            4 + 12 + n / 3 * 10 + [0, 4, 7][n % 3]
        };
        println!(
            "{name}: link {} chars; payload segment {} bits (+ {} for the URL in byte mode); QR version at M: crate's segmentation {}, byte+{} split {}",
            l.len(),
            mode_bits,
            4 + 16 + 8 * PREFIX.len(),
            ver(&auto),
            if name == "format 1" {
                "alphanumeric"
            } else {
                "numeric"
            },
            ver(&ours)
        );
    }
    for (name, f) in [
        ("format 1", stats_v1 as fn(&Portfolio) -> Stats),
        ("format 2", stats),
    ] {
        println!("\n{name}");
        breakdown(v.clone(), f);
    }
}

fn breakdown(mut v: Value, stats: fn(&Portfolio) -> Stats) {
    let frame = |v: &Value, th: bool| {
        let p = Portfolio {
            title: th.then(|| "My portfolio".into()),
            holder: th.then(|| "Alex Rivera".into()),
            credentials: vec![Original::Json(v.to_string())],
            pathways: None,
        };
        stats(&p)
    };
    let full = frame(&v, true);
    println!(
        "\n1EdTech vector + title + holder: body {} B, frame {} B, payload {} chars",
        full.body, full.frame, full.chars
    );
    let mut last = full.frame;
    let mut row = |name: &str, now: usize| {
        println!("{name:<44} {:>4} B", last as isize - now as isize);
        last = now;
    };
    row("title + holder", frame(&v, false).frame);
    type P = Box<dyn Fn(&str, &str) -> bool>;
    let groups: Vec<(&str, P)> = vec![
        ("signature (proofValue)", Box::new(|k, _| k == "proofValue")),
        (
            "key (verificationMethod)",
            Box::new(|k, _| k == "verificationMethod"),
        ),
        (
            "English text (name, description, narrative)",
            Box::new(|k, _| ["name", "description", "narrative"].contains(&k)),
        ),
        ("ids and URLs", Box::new(|k, _| k == "id" || k == "url")),
        ("dates", Box::new(|k, _| k == "validFrom" || k == "created")),
        (
            "other strings (type names, suite, context)",
            Box::new(|_, _| true),
        ),
    ];
    for (name, pred) in groups {
        blank(&mut v, &*pred);
        row(name, frame(&v, false).frame);
    }
    row("structure (keys, arrays, objects) + framing", 0);
}
