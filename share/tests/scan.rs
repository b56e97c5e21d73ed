//! What a scanned QR code leads to (`wallet_share::scan`): a share link's credentials (with
//! their names, nothing fetched), a credential in the code itself, an address (the deep-link
//! confirmation), or a reason; a picture's first usable code wins.

use wallet_i18n::Lang;
use wallet_share::scan::{Offered, Scanned, first_usable, first_usable_in, scanned, scanned_in};
use wallet_share::{Original, Portfolio, encode, links::share_link};

fn demo(file: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../public/demo/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn names(s: &Scanned) -> Vec<String> {
    match s {
        Scanned::Credentials { items, .. } => items.iter().map(|o| o.name.clone()).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn what_a_code_leads_to() {
    let sql = demo("01-intro-to-sql.json");
    let jwt = demo("05-cloud-practitioner-essentials.jwt");
    let p = Portfolio {
        title: Some("Data skills".into()),
        holder: Some("Alex".into()),
        credentials: vec![
            Original::Json(sql.clone()),
            Original::Jws(jwt.trim().into()),
        ],
        pathways: None,
    };
    let link = share_link("http://127.0.0.1:9/wallet/", &p);

    match scanned(&link) {
        Scanned::Credentials {
            share_link,
            title,
            holder,
            items,
        } => {
            assert!(share_link);
            assert_eq!(
                (title.as_deref(), holder.as_deref()),
                (Some("Data skills"), Some("Alex"))
            );
            assert_eq!(items.len(), 2);
            // The text the link carries (the same JSON, written compactly) is what is imported.
            let carried = wallet_share::decode(&encode(&p)).unwrap();
            assert_eq!(items[0].text, carried.credentials[0].text());
            let value = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
            assert_eq!(value(&items[0].text), value(&sql));
            assert_eq!(items[0].name, "Introduction to SQL");
            assert_eq!(
                items[0].issuer.as_deref(),
                Some("Northfield University (Demo)")
            );
            assert_eq!(items[1].name, "Cloud Practitioner Essentials");
        }
        other => panic!("{other:?}"),
    }
    // A link from another wallet's address works the same: the payload is what counts.
    let elsewhere = format!("https://wallet.example.org/app/#/s/{}", encode(&p));
    assert_eq!(
        names(&scanned(&elsewhere)),
        ["Introduction to SQL", "Cloud Practitioner Essentials"]
    );
    // A credential written in the code itself.
    assert_eq!(
        scanned(jwt.trim()),
        Scanned::Credentials {
            share_link: false,
            title: None,
            holder: None,
            items: vec![Offered {
                text: jwt.trim().into(),
                name: "Cloud Practitioner Essentials".into(),
                issuer: Some("Harbor Logistics Academy (Demo)".into()),
            }],
        }
    );

    // (text, expected) for everything that is not credentials.
    let damaged = {
        let mut l = link.clone();
        let c = l.pop().unwrap();
        l.push(if c == '0' { '1' } else { '0' });
        l
    };
    let cases: Vec<(String, Result<&str, &str>)> = vec![
        (
            "https://issuer.example/badge.json".into(),
            Ok("https://issuer.example/badge.json"),
        ),
        (
            "  https://issuer.example/b?x=1  ".into(),
            Ok("https://issuer.example/b?x=1"),
        ),
        (damaged, Err("share link that cannot be read")),
        (
            link[..link.len() - 5].to_string(),
            Err("share link that cannot be read"),
        ),
        (
            format!("https://x.example/#/s/{}", encode(&Portfolio::default())),
            Err("no credentials"),
        ),
        ("hello".into(), Err("neither a badge nor a link")),
        (
            "{\"type\":\"ShoppingList\"}".into(),
            Err("neither a badge nor a link"),
        ),
        (
            "javascript:alert(1)".into(),
            Err("neither a badge nor a link"),
        ),
        ("".into(), Err("empty")),
    ];
    for (text, want) in cases {
        match (scanned(&text), want) {
            (Scanned::Url(u), Ok(url)) => assert_eq!(u, url),
            (Scanned::Unusable(m), Err(why)) => assert!(m.contains(why), "{text:.60}: {m}"),
            (other, _) => panic!("{text:.60}: {other:?}"),
        }
    }
}

#[test]
fn a_pictures_first_usable_code_wins() {
    let url = "https://issuer.example/b.json".to_string();
    let cases: Vec<(Vec<String>, Option<&str>)> = vec![
        (vec![], None),
        (vec!["hello".into()], Some("unusable")),
        (vec!["hello".into(), url.clone()], Some("url")),
        (vec![url.clone(), "hello".into()], Some("url")),
    ];
    for (texts, want) in cases {
        let got = first_usable(&texts).map(|s| match s {
            Scanned::Url(_) => "url",
            Scanned::Unusable(_) => "unusable",
            Scanned::Credentials { .. } => "credentials",
        });
        assert_eq!(got, want, "{texts:?}");
    }
}

#[test]
fn unusable_codes_say_why_in_each_language() {
    let link = share_link(
        "http://127.0.0.1:9/wallet/",
        &Portfolio {
            credentials: vec![Original::Json(demo("01-intro-to-sql.json"))],
            ..Portfolio::default()
        },
    );
    let cut = link[..link.len() - 5].to_string();
    let empty_link = format!("https://x.example/#/s/{}", encode(&Portfolio::default()));
    let cases: Vec<(&str, Lang, &str)> = vec![
        ("", Lang::En, "The QR code is empty."),
        ("", Lang::Fr, "Le code QR est vide."),
        (
            &empty_link,
            Lang::En,
            "The QR code holds a share link with no credentials.",
        ),
        (
            &empty_link,
            Lang::Fr,
            "Le code QR contient un lien de partage sans aucune attestation.",
        ),
        (
            &cut,
            Lang::En,
            "The QR code holds a share link that cannot be read: this share link is incomplete (it was cut off).",
        ),
        (
            &cut,
            Lang::Fr,
            "Le code QR contient un lien de partage illisible\u{a0}: ce lien de partage est incomplet (il a été tronqué).",
        ),
    ];
    for (text, lang, want) in cases {
        match scanned_in(lang, text) {
            Scanned::Unusable(m) => assert_eq!(m, want, "{lang:?} {text:.60}"),
            other => panic!("{text:.60}: {other:?}"),
        }
    }
    // The English default is the same as asking for English.
    assert_eq!(scanned("hello"), scanned_in(Lang::En, "hello"));
    match first_usable_in(Lang::Fr, &["hello".to_string()]) {
        Some(Scanned::Unusable(m)) => assert!(
            m.starts_with("Le code QR contient un texte qui n’est ni un badge ni un lien\u{a0}: "),
            "{m}"
        ),
        other => panic!("{other:?}"),
    }
}
