//! The share panel's pure texts: the share link, LinkedIn's link, `encodeURIComponent`, large
//! embedded images, and the QR helpers (display size, PNG, data URI, ECC fallback). Tables of
//! cases.

use base64::Engine;
use wallet_share::links::{
    LARGE_IMAGE_CHARS, credential_link, encode_uri_component, has_large_image, largest_data_uri,
    linkedin_url, scannable_qr, share_link, signed_text,
};
use wallet_share::{
    Ecc, Original, Portfolio, QUIET, best_qr, decode, qr_png, qr_px, svg_data_uri,
    too_big_for_one_qr,
};

fn jws(payload: &str) -> Original {
    let b = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    Original::Jws(format!(
        "{}.{}.sig",
        b.encode(r#"{"alg":"EdDSA"}"#),
        b.encode(payload)
    ))
}

#[test]
fn encode_uri_component_matches_javascript() {
    for (input, want) in [
        ("", ""),
        ("abcXYZ019", "abcXYZ019"),
        ("-_.!~*'()", "-_.!~*'()"),
        ("a b", "a%20b"),
        ("a&b=c?d#e/f", "a%26b%3Dc%3Fd%23e%2Ff"),
        ("+,;:@$", "%2B%2C%3B%3A%40%24"),
        ("é", "%C3%A9"),
        ("—", "%E2%80%94"),
        ("😀", "%F0%9F%98%80"),
        ("\u{2067}x\u{2069}", "%E2%81%A7x%E2%81%A9"),
        ("100%", "100%25"),
    ] {
        assert_eq!(encode_uri_component(input), want, "{input:?}");
    }
}

#[test]
fn linkedin_url_cases() {
    const HEAD: &str = "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME";
    for (name, org, issued, cert, tail) in [
        (
            "Data ethics",
            "Example U",
            Some("2024-03-15T00:00:00Z"),
            "https://w.example/#/s/2123",
            "&name=Data%20ethics&organizationName=Example%20U&issueYear=2024&issueMonth=3&certUrl=https%3A%2F%2Fw.example%2F%23%2Fs%2F2123",
        ),
        ("A", "B", None, "u", "&name=A&organizationName=B&certUrl=u"),
        // A month out of range is left out; the year stays.
        (
            "A",
            "B",
            Some("2024-13-01"),
            "u",
            "&name=A&organizationName=B&issueYear=2024&certUrl=u",
        ),
        (
            "A",
            "B",
            Some("2024-00-01"),
            "u",
            "&name=A&organizationName=B&issueYear=2024&certUrl=u",
        ),
        // Not a date at all: neither.
        (
            "A",
            "B",
            Some("soon"),
            "u",
            "&name=A&organizationName=B&certUrl=u",
        ),
        // Too short for a month.
        (
            "A",
            "B",
            Some("2024"),
            "u",
            "&name=A&organizationName=B&issueYear=2024&certUrl=u",
        ),
        // Multi-byte text where the year would be: no panic, no year.
        (
            "A",
            "B",
            Some("é2024-01"),
            "u",
            "&name=A&organizationName=B&certUrl=u",
        ),
        (
            "Ünïcode & more",
            "Org/Dept",
            Some("1999-12-31"),
            "x y",
            "&name=%C3%9Cn%C3%AFcode%20%26%20more&organizationName=Org%2FDept&issueYear=1999&issueMonth=12&certUrl=x%20y",
        ),
    ] {
        assert_eq!(
            linkedin_url(name, org, issued, cert),
            format!("{HEAD}{tail}"),
            "{name:?} {issued:?}"
        );
    }
}

#[test]
fn signed_text_cases() {
    for (o, want) in [
        (
            Original::Json(r#"{"a":1}"#.into()),
            r#"{"a":1}"#.to_string(),
        ),
        (jws(r#"{"vc":{}}"#), r#"{"vc":{}}"#.to_string()),
        (Original::Jws("nodots".into()), String::new()),
        (Original::Jws("a.!!!.c".into()), String::new()),
        (Original::Jws(String::new()), String::new()),
        // Padding is tolerated.
        (
            Original::Jws("a.eyJ4IjoxfQ==.c".into()),
            r#"{"x":1}"#.to_string(),
        ),
        // Not UTF-8.
        (Original::Jws("a._w.c".into()), String::new()),
    ] {
        assert_eq!(signed_text(&o), want, "{o:?}");
    }
}

#[test]
fn largest_data_uri_cases() {
    let big = format!(
        r#"{{"image":"data:image/png;base64,{}"}}"#,
        "A".repeat(3000)
    );
    for (text, want) in [
        (r#"{"a":1}"#.to_string(), 0),
        (r#"{"image":"data:x"}"#.to_string(), 6),
        (r#"{"a":"data:ab","b":"data:abcdef"}"#.to_string(), 11),
        // Unterminated: to the end of the text.
        ("data:abc".to_string(), 8),
        ("data:".to_string(), 5),
        (big.clone(), "data:image/png;base64,".len() + 3000),
    ] {
        assert_eq!(
            largest_data_uri(&Original::Json(text.clone())),
            want,
            "{text:.40}"
        );
    }
    assert_eq!(
        largest_data_uri(&jws(&big)),
        "data:image/png;base64,".len() + 3000
    );
    assert!(has_large_image(&Original::Json(big)));
    let edge = format!("data:{}", "A".repeat(LARGE_IMAGE_CHARS - 5));
    assert!(!has_large_image(&Original::Json(edge.clone())));
    assert!(has_large_image(&Original::Json(format!("{edge}A"))));
}

#[test]
fn share_link_goes_to_the_viewer_route_and_decodes() {
    let p = Portfolio {
        title: Some("T".into()),
        holder: None,
        credentials: vec![Original::Json(r#"{"id":"urn:x"}"#.into())],
        pathways: None,
    };
    for base in [
        "https://w.example/",
        "http://127.0.0.1:8080/sub/index.html",
        "",
    ] {
        let l = share_link(base, &p);
        let payload = l.strip_prefix(&format!("{base}#/s/")).expect(&l);
        assert_eq!(decode(payload).unwrap(), p, "{base}");
    }
}

/// Base64 text that does not compress (a linear congruential generator's bytes).
fn noise(chars: usize) -> String {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..chars * 3 / 4 + 3)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (x >> 56) as u8
        })
        .collect();
    let mut s = base64::engine::general_purpose::STANDARD.encode(bytes);
    s.truncate(chars);
    s
}

#[test]
fn credential_link_holds_that_credential_alone() {
    let c = Original::Json(r#"{"id":"urn:one","name":"Data ethics"}"#.into());
    for (base, holder) in [
        ("https://w.example/", None),
        (
            "http://127.0.0.1:8080/sub/dir/",
            Some("Alex Rivera".to_string()),
        ),
        ("https://w.example/index.html?x=1", None),
    ] {
        let l = credential_link(base, &c, holder.clone());
        let payload = l.strip_prefix(&format!("{base}#/s/")).expect(&l);
        let want = Portfolio {
            title: None,
            holder,
            credentials: vec![c.clone()],
            pathways: None,
        };
        assert_eq!(decode(payload).unwrap(), want, "{base}");
        assert_eq!(l, share_link(base, &want), "the share panel's link of it");
    }
}

#[test]
fn scannable_qr_only_up_to_the_comfortable_version() {
    // (size of an incompressible embedded image, whether one scannable code holds the link)
    for (image, want) in [
        (0, true),
        (200, true),
        (1_000, true),
        (LARGE_IMAGE_CHARS + 1, false),
        (40_000, false),
    ] {
        let c = Original::Json(format!(
            r#"{{"id":"urn:big","name":"Big","image":"data:image/png;base64,{}"}}"#,
            noise(image)
        ));
        let link = credential_link("https://w.example/wallet/", &c, None);
        let q = scannable_qr(&link);
        assert_eq!(
            q.is_some(),
            want,
            "image of {image} characters, link {} characters",
            link.len()
        );
        if let Some(q) = q {
            assert!(!too_big_for_one_qr(q.version));
            assert_eq!(Some(&q), best_qr(&link).as_ref());
        }
    }
}

#[test]
fn qr_px_cases() {
    // (modules, target, pixels): whole pixels per module, 2 to 8.
    for (modules, target, want) in [
        (21, 560, 29 * 8),
        (21, 290, 29 * 8),
        (21, 116, 29 * 4),
        (21, 0, 29 * 2),
        (177, 560, 185 * 3),
        (177, 360, 185 * 2),
        (25, 360, 33 * 8),
        (0, 0, 2 * QUIET * 2),
    ] {
        assert_eq!(qr_px(modules, target), want, "{modules} {target}");
    }
}

#[test]
fn qr_png_is_a_png_of_the_code() {
    for (link, ecc) in [("https://w.example/#/s/2123", Ecc::M), ("x", Ecc::L)] {
        let png = qr_png(link, ecc).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap()) as usize;
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap()) as usize;
        let modules = wallet_share::qr_code(link, ecc).unwrap().width();
        assert_eq!(
            (w, h),
            ((modules + 2 * QUIET) * 8, (modules + 2 * QUIET) * 8)
        );
    }
    assert_eq!(qr_png(&"9".repeat(10_000), Ecc::L), None);
}

#[test]
fn best_qr_prefers_m_then_l() {
    let small = best_qr("https://w.example/#/s/2123").unwrap();
    assert_eq!(small.ecc, Ecc::M);
    assert_eq!(small.modules, 17 + 4 * small.version as usize);
    assert!(!too_big_for_one_qr(small.version));
    // 6,000 digits: more than version 40 holds at M (5,596), less than at L (7,089).
    let q = best_qr(&"1".repeat(6_000)).unwrap();
    assert_eq!(q.ecc, Ecc::L);
    assert!(too_big_for_one_qr(q.version));
    assert_eq!(best_qr(&"1".repeat(8_000)), None);
    for (e, n) in [(Ecc::L, "L"), (Ecc::M, "M"), (Ecc::Q, "Q"), (Ecc::H, "H")] {
        assert_eq!(e.name(), n);
    }
}

#[test]
fn svg_data_uri_is_base64_of_the_svg() {
    for svg in ["", "<svg/>", "<svg>é</svg>"] {
        let uri = svg_data_uri(svg);
        let b64 = uri.strip_prefix("data:image/svg+xml;base64,").unwrap();
        let back = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        assert_eq!(back, svg.as_bytes());
    }
}
