//! decode(encode(p)) == p over generated credentials of every supported format,
//! over the published vectors and the demo credentials.

mod common;

use base64::Engine;
use common::*;
use wallet_share::json::{self, JVal};
use wallet_share::{Original, Portfolio};

fn s(x: &str) -> JVal {
    JVal::Str(x.to_owned())
}
fn obj(m: Vec<(&str, JVal)>) -> JVal {
    JVal::Obj(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}
fn arr(v: Vec<JVal>) -> JVal {
    JVal::Arr(v)
}

fn b58(b: &[u8]) -> String {
    bs58::encode(b).into_string()
}

fn did_key(r: &mut Rng) -> String {
    let mut k = vec![0xED, 0x01];
    k.extend(r.bytes(32));
    format!("did:key:z{}", b58(&k))
}

fn date(r: &mut Rng) -> String {
    let secs = r.below(4_000_000_000) as i64 - 300_000_000;
    let days = secs.div_euclid(86400);
    // civil from days (same algorithm as the crate, written independently enough for a test)
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    let t = secs.rem_euclid(86400);
    let (h, mi, se) = (t / 3600, t / 60 % 60, t % 60);
    match r.below(8) {
        0 => format!("{y:04}-{m:02}-{d:02}"),
        1 => format!(
            "{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{se:02}.{:03}Z",
            r.below(1000)
        ),
        2 => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{se:02}+00:00"),
        3 => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{se:02}+05:30"),
        4 => format!(
            "{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{se:02}.{}Z",
            r.below(1_000_000)
        ),
        5 => format!("{y:04}-{m:02}-{d:02}t{h:02}:{mi:02}:{se:02}z"),
        6 => format!("{y:04}-02-30T{h:02}:{mi:02}:60Z"),
        _ => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{se:02}Z"),
    }
}

fn text(r: &mut Rng) -> String {
    const WORDS: &[&str] = &[
        "the",
        "learner",
        "completed",
        "course",
        "Teamwork",
        "Ünïcödé",
        "😀",
        "\"quoted\"",
        "back\\slash",
        "new\nline",
        "tab\there",
        "\u{1}\u{1f}",
        "\u{2028}",
        "日本語",
        "ключ",
        "</script>",
        "&amp;",
        "a/b",
        "\u{7f}",
        "%20",
        "#z",
    ];
    let n = r.below(12);
    (0..n).map(|_| r.pick(WORDS)).collect::<Vec<_>>().join(" ")
}

fn string(r: &mut Rng) -> String {
    match r.below(16) {
        0 => r.pick(wallet_share::dict::DICT).to_string(),
        1 => format!(
            "https://example.org/{}/{}",
            r.below(1000),
            text(r).replace(' ', "-")
        ),
        2 => did_key(r),
        3 => {
            let k = did_key(r);
            let frag = k.strip_prefix("did:key:").unwrap().to_owned();
            format!("{k}#{frag}")
        }
        4 => {
            let u = r.bytes(16);
            let h: String = u.iter().map(|b| format!("{b:02x}")).collect();
            let u = format!(
                "urn:uuid:{}-{}-{}-{}-{}",
                &h[..8],
                &h[8..12],
                &h[12..16],
                &h[16..20],
                &h[20..]
            );
            if r.chance(20) { u.to_uppercase() } else { u }
        }
        5 => date(r),
        6 => format!("z{}", b58(&r.bytes(64))),
        7 => {
            let n = r.below(60);
            let b = r.bytes(n);
            let e = base64::engine::general_purpose::STANDARD.encode(&b);
            format!("data:image/png;base64,{e}")
        }
        8 => format!(
            "https://example.edu/issuers/{}#z{}",
            r.below(99999),
            b58(&r.bytes(34))
        ),
        9 => format!(
            "z{}",
            b58(&{
                let mut b = vec![0; r.below(3)];
                let n = r.below(40);
                b.extend(r.bytes(n));
                b
            })
        ),
        10 => String::new(),
        11 => text(r).repeat(1 + r.below(4)),
        12 => format!("did:example:{}", r.next()),
        13 => format!("mailto:{}@example.org", r.below(1000)),
        _ => text(r),
    }
}

fn number(r: &mut Rng) -> String {
    match r.below(10) {
        0 => r
            .pick(&[
                "0", "-0", "1.0", "1e3", "-1.5E-7", "1E+2", "0.1", "100", "-0.0", "2.50",
            ])
            .to_string(),
        1 => "123456789012345678901234567890".into(),
        2 => "-18446744073709551616".into(),
        3 => u64::MAX.to_string(),
        4 => (r.next() as i64).to_string(),
        5 => format!("{}.{}", r.below(1000), r.below(1000)),
        _ => r.below(100_000).to_string(),
    }
}

fn key(r: &mut Rng) -> String {
    match r.below(6) {
        0 => r
            .pick(&["", "@type", "a b", "ключ", "🔑", "\u{0}", "x\"y", "id"])
            .to_string(),
        1 | 2 => string(r),
        _ => r.pick(wallet_share::dict::DICT).to_string(),
    }
}

fn value(r: &mut Rng, depth: usize) -> JVal {
    match r.below(if depth > 4 { 5 } else { 8 }) {
        0 => JVal::Null,
        1 => JVal::Bool(r.chance(50)),
        2 => JVal::Num(number(r)),
        3 | 4 => JVal::Str(string(r)),
        5 => arr((0..r.below(20)).map(|_| value(r, depth + 1)).collect()),
        6 => arr(vec![arr(vec![value(r, depth + 1)]), arr(vec![])]),
        _ => JVal::Obj(
            (0..r.below(17))
                .map(|_| (key(r), value(r, depth + 1)))
                .collect(),
        ),
    }
}

fn extras(r: &mut Rng, m: &mut Vec<(String, JVal)>) {
    for _ in 0..r.below(4) {
        let at = r.below(m.len() + 1);
        m.insert(at, (key(r), value(r, 1)));
    }
}

fn with_extras(v: JVal, r: &mut Rng) -> JVal {
    match v {
        JVal::Obj(mut m) => {
            extras(r, &mut m);
            JVal::Obj(m)
        }
        v => v,
    }
}

fn proof(r: &mut Rng, issuer: &str) -> JVal {
    let vm = format!(
        "{issuer}#{}",
        issuer.strip_prefix("did:key:").unwrap_or("key-1")
    );
    match r.below(3) {
        0 => obj(vec![
            ("type", s("Ed25519Signature2020")),
            ("created", s(&date(r))),
            ("verificationMethod", s(&vm)),
            ("proofPurpose", s("assertionMethod")),
            ("proofValue", s(&format!("z{}", b58(&r.bytes(64))))),
        ]),
        _ => with_extras(
            obj(vec![
                ("type", s("DataIntegrityProof")),
                ("created", s(&date(r))),
                ("verificationMethod", s(&vm)),
                (
                    "cryptosuite",
                    s(r.pick(&["eddsa-rdfc-2022", "eddsa-jcs-2022"])),
                ),
                ("proofPurpose", s("assertionMethod")),
                ("proofValue", s(&format!("z{}", b58(&r.bytes(64))))),
            ]),
            r,
        ),
    }
}

/// OB 3.0 under VC 2.0 (`v2`) or VC 1.1.
fn ob3(r: &mut Rng, v2: bool, with_proof: bool) -> JVal {
    let issuer = did_key(r);
    let ctx = if v2 {
        "https://www.w3.org/ns/credentials/v2"
    } else {
        "https://www.w3.org/2018/credentials/v1"
    };
    let mut m = vec![
        (
            "@context".to_owned(),
            arr(vec![
                s(ctx),
                s("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ]),
        ),
        ("id".to_owned(), s(&string(r))),
        (
            "type".to_owned(),
            arr(vec![s("VerifiableCredential"), s("OpenBadgeCredential")]),
        ),
        ("name".to_owned(), s(&text(r))),
        (
            "issuer".to_owned(),
            with_extras(
                obj(vec![
                    ("id", s(&issuer)),
                    ("type", arr(vec![s("Profile")])),
                    ("name", s(&text(r))),
                ]),
                r,
            ),
        ),
        (
            (if v2 { "validFrom" } else { "issuanceDate" }).to_owned(),
            s(&date(r)),
        ),
        (
            "credentialSubject".to_owned(),
            obj(vec![
                ("id", s(&string(r))),
                ("type", arr(vec![s("AchievementSubject")])),
                (
                    "achievement",
                    with_extras(
                        obj(vec![
                            ("id", s(&string(r))),
                            ("type", arr(vec![s("Achievement")])),
                            ("name", s(&text(r))),
                            ("description", s(&text(r))),
                            ("criteria", obj(vec![("narrative", s(&text(r)))])),
                            (
                                "alignment",
                                arr(vec![obj(vec![
                                    ("type", arr(vec![s("Alignment")])),
                                    ("targetName", s(&text(r))),
                                    ("targetUrl", s(&string(r))),
                                    ("targetCode", s(&string(r))),
                                ])]),
                            ),
                            ("creditsAvailable", JVal::Num(number(r))),
                        ]),
                        r,
                    ),
                ),
            ]),
        ),
    ];
    extras(r, &mut m);
    if with_proof {
        let p = if r.chance(20) {
            arr(vec![proof(r, &issuer), proof(r, &issuer)])
        } else {
            proof(r, &issuer)
        };
        m.push(("proof".to_owned(), p));
    }
    JVal::Obj(m)
}

fn ob2(r: &mut Rng) -> JVal {
    with_extras(
        obj(vec![
            ("@context", s("https://w3id.org/openbadges/v2")),
            ("type", s("Assertion")),
            ("id", s(&string(r))),
            (
                "recipient",
                obj(vec![
                    ("type", s("email")),
                    ("hashed", JVal::Bool(true)),
                    ("salt", s(&text(r))),
                    ("identity", s(&format!("sha256${}", hex(&r.bytes(32))))),
                ]),
            ),
            (
                "badge",
                if r.chance(50) {
                    s(&string(r))
                } else {
                    obj(vec![("type", s("BadgeClass")), ("name", s(&text(r)))])
                },
            ),
            (
                "verification",
                obj(vec![(
                    "type",
                    s(r.pick(&["hosted", "HostedBadge", "signed"])),
                )]),
            ),
            ("issuedOn", s(&date(r))),
        ]),
        r,
    )
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn b64u(b: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

/// A compact JWS; sometimes with a segment that is not canonical compact JSON,
/// not canonical base64url, or not three segments.
fn jws(r: &mut Rng, payload: &JVal) -> String {
    let kid = did_key(r);
    let header = obj(vec![
        ("alg", s("EdDSA")),
        ("typ", s("JWT")),
        ("kid", s(&format!("{kid}#{}", &kid[8..]))),
    ]);
    let mut ps = json::to_string(payload);
    match r.below(10) {
        0 => {
            let mut t = String::new();
            pretty(payload, r, &mut t);
            ps = t;
        }
        1 => ps = ps.replace('/', "\\/"),
        _ => {}
    }
    let mut h = b64u(json::to_string(&header).as_bytes());
    let mut p = b64u(ps.as_bytes());
    let mut sig = b64u(&r.bytes(64));
    match r.below(12) {
        0 => h.push_str("=="),
        1 => sig = String::new(),
        2 => p = format!("{p}!"),
        3 => return format!("{h}.{p}"),
        4 => return format!("{h}.{p}.{sig}.extra"),
        5 => h = b64u(b"not json"),
        6 => sig = "AB".into(), // non-zero trailing bits: not canonical
        _ => {}
    }
    format!("{h}.{p}.{sig}")
}

fn credential(r: &mut Rng) -> Original {
    let json_text = |r: &mut Rng, v: &JVal| {
        if r.chance(50) {
            json::to_string(v)
        } else {
            let mut t = String::new();
            pretty(v, r, &mut t);
            t
        }
    };
    match r.below(8) {
        0 => {
            let v = ob3(r, true, false);
            Original::Json(json_text(r, &v))
        }
        1 | 2 => {
            let v = ob3(r, true, true);
            Original::Json(json_text(r, &v))
        }
        3 => {
            let with_proof = r.chance(70);
            let v = ob3(r, false, with_proof);
            Original::Json(json_text(r, &v))
        }
        4 => {
            let v = ob2(r);
            Original::Json(json_text(r, &v))
        }
        5 => {
            let vc = ob3(r, false, false);
            let payload = obj(vec![
                ("iss", s(&did_key(r))),
                ("nbf", JVal::Num(r.below(2_000_000_000).to_string())),
                ("jti", s(&string(r))),
                ("sub", s(&string(r))),
                ("vc", vc),
            ]);
            Original::Jws(jws(r, &payload))
        }
        6 => {
            let v = ob2(r);
            Original::Jws(jws(r, &v))
        }
        _ => {
            // Odd documents: any JSON value, or text that is not JSON at all.
            match r.below(4) {
                0 => Original::Json("{\"a\": 1,".into()),
                1 => Original::Json("\u{feff}{\"bom\":true}".into()),
                2 => Original::Json("[\"\\ud800\"]".into()),
                _ => {
                    let v = value(r, 0);
                    Original::Json(json_text(r, &v))
                }
            }
        }
    }
}

fn portfolio(r: &mut Rng) -> Portfolio {
    let opt = |r: &mut Rng| if r.chance(60) { Some(text(r)) } else { None };
    let title = opt(r);
    let holder = opt(r);
    let n = r.below(4);
    let credentials = (0..n).map(|_| credential(r)).collect();
    let pathways = if r.chance(40) {
        Some(serde_json::json!({
            "pathway": text(r),
            "progress": r.below(100) as f64 / 7.0,
            "big": r.next(),
            "neg": -(r.below(1000) as i64),
            "steps": [{"id": string(r), "done": r.chance(50)}, null, 1.5e300],
            "ключ": {"nested": [[[]]]}
        }))
    } else {
        None
    };
    Portfolio {
        title,
        holder,
        credentials,
        pathways,
    }
}

#[test]
fn generated_portfolios_round_trip() {
    let mut r = Rng(0x5EED_1234_ABCD_0001);
    let mut n = 0;
    for i in 0..600 {
        let p = portfolio(&mut r);
        round_trip(&p, &format!("generated #{i}"));
        n += p.credentials.len();
    }
    println!("{n} generated credentials round-tripped");
}

#[test]
fn every_format_round_trips_alone() {
    let mut r = Rng(42);
    for i in 0..200 {
        let c = credential(&mut r);
        round_trip(&one(c), &format!("single #{i}"));
    }
}

#[test]
fn empty_and_odd_portfolios() {
    round_trip(&Portfolio::default(), "empty");
    round_trip(
        &Portfolio {
            title: Some(String::new()),
            holder: Some("Zoë 😀 \"O'Brien\"".into()),
            credentials: vec![
                Original::Jws(String::new()),
                Original::Json(String::new()),
                Original::Jws("..".into()),
            ],
            pathways: Some(serde_json::Value::Null),
        },
        "odd",
    );
}

fn vector_files() -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Some(v) = vectors() {
        walk(&v.join("dcc-vc-test-fixtures"), &mut out);
        let mut w3c = Vec::new();
        walk(&v.join("w3c-vc-di-eddsa/TestVectors"), &mut w3c);
        out.extend(w3c.into_iter().filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("signed") && n.ends_with(".json")
        }));
        out.push(v.join("1edtech-ob3/signed-ob3-eddsa-rdfc-2022.json"));
    }
    out
}

#[test]
fn published_vectors_round_trip() {
    let files = vector_files();
    let mut n = 0;
    for p in &files {
        let Ok(t) = std::fs::read_to_string(p) else {
            continue;
        };
        if t.trim().is_empty() {
            continue;
        }
        let c = Original::Json(t);
        round_trip(&one(c.clone()), &p.display().to_string());
        n += 1;
    }
    if !files.is_empty() {
        assert!(n >= 15, "expected the DCC and W3C vectors, found {n}");
    }
    println!("{n} published vectors round-tripped");
}

#[test]
fn demo_credentials_round_trip_together() {
    let Some(d) = demo_dir() else { return };
    let mut files = Vec::new();
    walk(&d, &mut files);
    let mut creds = Vec::new();
    for p in files {
        let t = std::fs::read_to_string(&p).unwrap();
        if p.extension().is_some_and(|e| e == "jwt") {
            creds.push(Original::Jws(t.trim().to_owned()));
        } else if !p.ends_with("index.json") {
            creds.push(Original::Json(t));
        }
    }
    assert!(creds.len() >= 5);
    for (k, c) in creds.iter().enumerate() {
        round_trip(&one(c.clone()), &format!("demo {k}"));
    }
    let all = Portfolio {
        title: Some("Demo".into()),
        holder: Some("Alex Rivera".into()),
        credentials: creds,
        pathways: None,
    };
    let s = round_trip(&all, "all demo credentials");
    println!(
        "all {} demo credentials (with images): {} chars",
        all.credentials.len(),
        s.len()
    );
}

#[test]
fn jws_segments_use_the_compact_forms() {
    // A canonical VC-JWT must not be stored as text: its JSON segments are coded.
    let mut r = Rng(7);
    let payload = ob3(&mut r, false, false);
    let t = format!(
        "{}.{}.{}",
        b64u(br#"{"alg":"EdDSA","typ":"JWT"}"#),
        b64u(json::to_string(&payload).as_bytes()),
        b64u(&r.bytes(64))
    );
    let st = wallet_share::stats(&one(Original::Jws(t.clone())));
    assert!(st.body < t.len() / 2, "{} vs {}", st.body, t.len());
}

#[test]
fn large_bodies_use_deflate_in_format_2() {
    // Over 32 KiB of body (an embedded image): mode 1, format 1's DEFLATE.
    let mut r = Rng(11);
    let img = base64::engine::general_purpose::STANDARD.encode(r.bytes(40_000));
    let big = format!(
        r#"{{"type":["VerifiableCredential"],"name":"Big","image":"data:image/png;base64,{img}","note":"{}"}}"#,
        "the learner completed the course ".repeat(200)
    );
    let s = round_trip(&one(Original::Json(big)), "large body");
    let head: u32 = s[1..6].parse().unwrap();
    assert_eq!(head & 1, 1, "mode 1 (DEFLATE)");
    // And a body just under the bound stays with the context-mixing coder.
    let small = format!(r#"{{"note":"{}"}}"#, "x".repeat(30_000));
    let s = round_trip(&one(Original::Json(small)), "30 KB body");
    let head: u32 = s[1..6].parse().unwrap();
    assert_eq!(head & 1, 0, "mode 0 (context mixing)");
    assert!(
        s.len() < 200,
        "a repetitive body codes to little: {}",
        s.len()
    );
}
