//! The verifier's sentences are typed (`wallet_core::report::Text`, shown in the reader's
//! language) and their English is, byte for byte, the `message` every earlier version showed
//! and stored: for every check, proof, endorsement and nested credential of every fixture and
//! demo credential — as issued, tampered with, expired and not yet valid — the Text rendered in
//! English is the message, and it renders in French too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use wallet_core::report::Text;
use wallet_i18n::Lang;
use wallet_verify::{Report, VerifyContext, verify};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn files() -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![root().join("tests/fixtures"), root().join("public/demo")];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
        } else if p
            .extension()
            .is_some_and(|e| e == "json" || e == "jwt" || e == "jws")
            && !p.to_string_lossy().contains("fuzz-slow")
            && std::fs::metadata(&p).unwrap().len() < 200_000
        {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[derive(Default)]
struct Tally {
    typed: usize,
    english: usize,
}

/// `SHOW_ENGLISH=1` lists the sentences still English only.
fn same(what: &str, message: &str, text: &Option<Text>, tally: &mut Tally) {
    let Some(t) = text else {
        tally.english += 1;
        if std::env::var("SHOW_ENGLISH").is_ok() {
            eprintln!("EN {what}: {message}");
        }
        return;
    };
    tally.typed += 1;
    assert_eq!(t.english(), message, "{what}: {t:?}");
    let fr = t.render(Lang::Fr);
    assert!(!fr.is_empty() && fr != t.id, "{what}: no French for {t:?}");
}

fn compare(what: &str, r: &Report, tally: &mut Tally) {
    for c in &r.checks {
        same(
            &format!("{what} check {}", c.id),
            &c.message,
            &c.text,
            tally,
        );
    }
    for p in &r.proofs {
        same(
            &format!("{what} proof {}", p.suite),
            &p.message,
            &p.text,
            tally,
        );
    }
    for e in &r.endorsements {
        same(&format!("{what} endorsement"), &e.message, &e.text, tally);
    }
    for n in &r.nested {
        compare(&format!("{what} nested {}", n.index), &n.report, tally);
    }
}

#[test]
fn every_sentence_renders_in_english_as_its_message() {
    let resolved = HashMap::new();
    let mut tally = Tally::default();
    let mut credentials = 0;
    for path in files() {
        let text = std::fs::read_to_string(&path).unwrap();
        // As issued, and tampered with (a name changed after signing).
        let tampered = text.replacen("\"name\": \"", "\"name\": \"X", 1);
        for (variant, doc) in [("", &text), (" tampered", &tampered)] {
            let Ok(cred) = wallet_core::parse_credential(doc) else {
                continue;
            };
            credentials += 1;
            for now in [
                "2026-12-03T00:00:00Z",
                "2100-01-01T00:00:00Z",
                "2000-01-01T00:00:00Z",
            ] {
                for trusted in [vec![], cred.issuer.id.clone().into_iter().collect()] {
                    let ctx = VerifyContext {
                        now,
                        skew_seconds: 300,
                        resolved: &resolved,
                        trusted_issuers: &trusted,
                    };
                    let what = format!("{}{variant} at {now}", path.display());
                    compare(&what, &verify(&cred, &ctx), &mut tally);
                }
            }
        }
    }
    assert!(credentials > 20, "only {credentials} credentials read");
    eprintln!(
        "{} typed sentences, {} English only",
        tally.typed, tally.english
    );
    assert!(tally.typed > tally.english, "most sentences are typed");
}

/// The trust decision's sentence for each viewer (what the shell puts on the issuer check).
#[test]
fn trust_sentences_render_in_english_as_their_message() {
    use wallet_verify::trust::{Registry, Viewer, decide};
    let registry = Registry::parse(
        &std::fs::read_to_string(root().join("public/trust/known-issuers.json")).unwrap(),
    )
    .unwrap();
    let mut ids: Vec<Option<String>> = registry
        .entries()
        .iter()
        .map(|e| Some(e.id.clone()))
        .collect();
    ids.extend([
        Some("did:example:learner".into()),
        Some("did:example:nobody".into()),
        None,
    ]);
    let learner = vec!["did:example:learner".to_string()];
    for id in &ids {
        for viewer in [
            Viewer::Employer,
            Viewer::Learner { demo_loaded: true },
            Viewer::Learner { demo_loaded: false },
        ] {
            let t = decide(id.as_deref(), &registry, &learner, viewer);
            let text = t.text(viewer);
            assert_eq!(text.english(), t.message(viewer));
            assert_ne!(text.render(Lang::Fr), text.english(), "{id:?} {viewer:?}");
        }
    }
}
