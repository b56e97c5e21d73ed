//! The wallet's own fixtures in `<workspace>/tests/fixtures/`.
//!
//! Regenerate the generated ones with
//! `cargo test -p wallet-core --test fixtures -- --ignored generate_fixtures`.

mod common;

use common::{fixture_bytes, fixture_text, fixtures_dir, generated};
use wallet_core::unbake::{Baked, UnbakeError, unbake_png, unbake_svg};
use wallet_core::{Format, ImportOutcome, Original, import_bytes, import_text, parse_credential};

#[test]
#[ignore = "writes tests/fixtures; run on purpose"]
fn generate_fixtures() {
    for (name, bytes) in generated() {
        let p = fixtures_dir().join(name);
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
        eprintln!("wrote {}", p.display());
    }
}

#[test]
fn text_fixtures_are_up_to_date() {
    for (name, bytes) in generated() {
        if name.ends_with(".png") {
            continue; // image data depends on the deflate implementation
        }
        assert_eq!(
            fixture_bytes(name),
            bytes,
            "{name} is stale: run the generate_fixtures test"
        );
    }
}

fn creds(o: ImportOutcome) -> Vec<wallet_core::Credential> {
    match o {
        ImportOutcome::Credentials(c) => c,
        other => panic!("{other:?}"),
    }
}

fn import_file(name: &str) -> ImportOutcome {
    import_bytes(name, &fixture_bytes(name))
}

#[test]
fn ob3_vc11_fixture() {
    let text = fixture_text("ob3-vc11-credential.json");
    let c = parse_credential(&text).unwrap();
    assert_eq!(c.format, Format::Ob3Vc11);
    assert_eq!(c.name, "Introduction to Data Analysis");
    assert_eq!(
        c.issuer.name.as_deref(),
        Some("Northbridge Community College")
    );
    assert_eq!(c.issued.as_deref(), Some("2024-06-14T16:00:00Z"));
    assert_eq!(c.expires.as_deref(), Some("2029-06-14T16:00:00Z"));
    assert_eq!(c.achievement.achievement_type.as_deref(), Some("Course"));
    assert_eq!(c.achievement.alignments.len(), 2);
    assert_eq!(c.achievement.tags, vec!["data", "python", "spreadsheets"]);
    assert_eq!(c.results[0].value.as_deref(), Some("A-"));
    assert_eq!(c.evidence[0].genre.as_deref(), Some("Project"));
    assert_eq!(
        c.endorsements[0].issuer.name.as_deref(),
        Some("Valley Data Alliance")
    );
    assert_eq!(
        c.endorsements[0].issued.as_deref(),
        Some("2024-03-01T00:00:00Z")
    );
    assert!(c.subject.identifiers[0].hashed);
    assert_eq!(c.proof_types, vec!["Ed25519Signature2020"]);
    assert_eq!(c.original, Original::Json(text.clone()));
    assert_eq!(
        c.image.as_deref(),
        Some("https://badges.northbridge.example/img/data-101.png")
    );
    let s = wallet_core::Summary::from_credential(&c, wallet_core::status::Status::Unverified, 1.0);
    assert_eq!(
        s.skills,
        vec!["Data analysis", "Python (computer programming)"]
    );
}

#[test]
fn ob3_vc2_fixture() {
    let c = parse_credential(&fixture_text("ob3-vc2-credential.json")).unwrap();
    assert_eq!(c.format, Format::Ob3Vc2);
    assert_eq!(c.name, "Workplace First Aid");
    assert_eq!(c.local_id, "urn:uuid:3f9d2c1b-8a7e-4d6c-b5a4-93e2f1d0c8b7");
    assert_eq!(c.proof_types, vec!["eddsa-rdfc-2022"]);
    assert_eq!(c.expires.as_deref(), Some("2028-02-03T09:30:00Z"));
}

#[test]
fn ob2_fixtures() {
    let c = parse_credential(&fixture_text("ob2-hosted-embedded.json")).unwrap();
    assert_eq!(c.format, Format::Ob2Hosted);
    assert_eq!(c.name, "Laser Cutter Safety");
    assert_eq!(c.issuer.name.as_deref(), Some("Riverton Makerspace"));
    assert_eq!(
        c.verify_url.as_deref(),
        Some("https://makerspace.riverton.example/assertions/1042.json")
    );
    assert_eq!(c.achievement.tags.len(), 3);
    assert_eq!(c.evidence.len(), 2);

    let c = parse_credential(&fixture_text("ob2-hosted-badge-url.json")).unwrap();
    assert_eq!(c.achievement.name, None);
    assert_eq!(
        c.name,
        "Open Badge (details at https://badges.lakeshore-library.example/badgeclasses/summer-reading-2022.json)"
    );
    assert_eq!(c.verify_url.as_deref(), Some(common::OB2_URL));
    assert_eq!(c.expires.as_deref(), Some("2032-08-31"));
    assert_eq!(
        c.subject.identifiers[0].identity_hash.as_deref(),
        Some("sam.reader@example.org")
    );
}

#[test]
fn jws_fixtures() {
    let text = fixture_text("ob3-vc-jwt.jwt");
    let c = parse_credential(&text).unwrap();
    assert_eq!(c.format, Format::Ob3Jwt);
    assert_eq!(c.local_id, "urn:uuid:8e4c2b1a-7d6f-4a3b-9c0e-1f2d3e4c5b6a");
    assert_eq!(
        c.issuer.id.as_deref(),
        Some("https://learn.meridian-code.example/issuer")
    );
    assert_eq!(c.issuer.name.as_deref(), Some("Meridian Code Academy"));
    assert_eq!(c.issued.as_deref(), Some("2024-06-01T12:00:00Z"));
    assert_eq!(c.expires.as_deref(), Some("2030-06-01T12:00:00Z"));
    assert_eq!(c.subject.id.as_deref(), Some("did:example:learner-2290"));
    assert_eq!(c.proof_types, vec!["JWS:EdDSA"]);
    assert_eq!(c.original, Original::Jws(text.trim().to_string()));

    let c = parse_credential(&fixture_text("ob2-signed.jws")).unwrap();
    assert_eq!(c.format, Format::Ob2Signed);
    assert_eq!(c.name, "Peer Mentor");
    assert_eq!(c.proof_types, vec!["JWS:RS256"]);
    assert_eq!(c.verify_url, None);
    assert_eq!(creds(import_file("ob2-signed.jws")).len(), 1);
}

#[test]
fn baked_pngs() {
    let ob3 = fixture_text("ob3-vc2-credential.json");
    assert_eq!(
        unbake_png(&fixture_bytes("baked-ob3.png")),
        Ok(Baked::Text(ob3.trim().to_string()))
    );
    let c = creds(import_file("baked-ob3.png"));
    assert_eq!(c[0].format, Format::Ob3Vc2);
    assert_eq!(c[0].name, "Workplace First Aid");

    assert_eq!(
        import_file("baked-ob2-url.png"),
        ImportOutcome::NeedsFetch(common::OB2_URL.into())
    );
    let c = creds(import_file("baked-ob3-compressed.png"));
    assert_eq!(c[0].format, Format::Ob3Vc11);
    assert_eq!(c[0].name, "Introduction to Data Analysis");

    assert_eq!(
        unbake_png(&fixture_bytes("truncated.png")),
        Err(UnbakeError::Truncated)
    );
    assert_eq!(
        import_file("truncated.png"),
        ImportOutcome::Error("the PNG is truncated".into())
    );
    assert_eq!(
        import_file("no-badge.png"),
        ImportOutcome::Error(
            "this PNG has no baked badge (no openbadges / openbadgecredential text chunk)".into()
        )
    );
}

#[test]
fn baked_svgs() {
    let c = creds(import_file("baked-ob3.svg"));
    assert_eq!(c[0].name, "Workplace First Aid");
    assert_eq!(
        unbake_svg(&fixture_text("verify-ob3.svg")),
        Ok(Baked::Url(
            "https://training.harbourlight.example/credentials/3f9d2c1b.json".into()
        ))
    );
    assert!(matches!(
        import_file("verify-ob3.svg"),
        ImportOutcome::NeedsFetch(_)
    ));
    let c = creds(import_file("baked-ob2.svg"));
    assert_eq!(c[0].format, Format::Ob2Hosted);
    assert_eq!(c[0].name, "Laser Cutter Safety");
}

#[test]
fn malformed_fixtures() {
    match import_file("not-a-badge.json") {
        ImportOutcome::Error(m) => assert_eq!(
            m,
            "not a badge this wallet understands: it is a Verifiable Credential but has no OpenBadgeCredential or AchievementCredential type (it is a EmployeeIdCredential)"
        ),
        other => panic!("{other:?}"),
    }
    let vp = fixture_text("presentation-two.json");
    assert!(
        parse_credential(&vp)
            .unwrap_err()
            .to_string()
            .contains("VerifiablePresentation")
    );
    let parts = wallet_core::split_presentation(&vp).unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[1], common::vc_jwt());
    let c = creds(import_text(&vp));
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].format, Format::Ob3Vc2);
    assert_eq!(c[1].format, Format::Ob3Jwt);
}

#[test]
fn backup_files_given_to_the_importer_point_to_restore() {
    for name in [
        "backup/plain-v1.json",
        "backup/sealed-v1-default.json",
        "backup/sealed-v1-small.json",
    ] {
        match import_file(name) {
            ImportOutcome::Error(m) => assert!(m.contains("Restore from backup"), "{name}: {m}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn every_fixture_imports_or_explains() {
    let mut n = 0;
    for p in common::walk(&fixtures_dir()) {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name == "README.md" {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        if let ImportOutcome::Error(m) = import_bytes(&name, &bytes) {
            // Digital Bazaar's canonical N-Quads of the i18n fixtures (tests/fixtures/i18n/).
            let canonical = name.ends_with(".nq");
            assert!(
                canonical
                    || matches!(
                        name.as_str(),
                        "truncated.png" | "no-badge.png" | "not-a-badge.json"
                        // Not badges by design: a hostile page, an image with a script, and the script that makes them.
                        | "hostile-html.html" | "hostile-svg-script.svg" | "make-hostile-images.mjs"
                        // JSON-LD fuzz findings (a VC 2.0 example credential, not a badge).
                        | "fuzz-slow-canonicalization-1.json" | "fuzz-slow-canonicalization-2.json"
                        // Digital Bazaar's verdicts on the CLR fixtures (tests/fixtures/clr/).
                        | "verdicts.json"
                        // The status lists of the Displayer fixtures (tests/fixtures/displayer/).
                        | "ed-list.json" | "p256-list.json"
                        // The script that makes the signed OB 2.0 fixtures.
                        | "make-ob2-signed.mjs"
                        // The key, badge and issuer documents those fixtures are checked against.
                        | "docs.json"
                        // Backup files (tests/fixtures/backup/): the importer points to Restore.
                        | "make-sealed.py" | "plain-v1.json" | "sealed-v1-default.json" | "sealed-v1-small.json"
                        // A picture with no badge that makes the QR reader panic, and its script.
                        | "rqrr-panic.png" | "make-rqrr-panic.mjs"
                        // The script that signs the i18n fixtures.
                        | "make.mjs"
                    ),
                "{name}: {m}"
            )
        }
        n += 1;
    }
    assert!(n >= 16, "only {n} fixtures");
}
