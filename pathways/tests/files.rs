//! The learner's pathway files (`wallet_pathways::files`): loading bundled and imported files so
//! that one bad file does not hide the others, adding one (size cap, unique name, validation,
//! messages), removing one, the stored form. Tables of cases.

use serde_json::{Value, json};
use wallet_i18n::Lang;
use wallet_pathways::files::{
    Added, ImportError, ImportedFile, MAX_PATHWAY_BYTES, add_file, check_file_size, load_files,
    load_library, name_from_url, remove_file, removed_message, unique_name,
};

fn pathway(id: &str, name: &str, req: Value) -> Value {
    json!({
        "id": id,
        "name": name,
        "goal": {"kind": "certificate", "issuer": {"name": "Example College"}},
        "requirements": req
    })
}

fn leaf(a: &str) -> Value {
    json!({"label": a, "match": {"achievementId": format!("ach:{a}")}})
}

fn file(pathways: Vec<Value>) -> String {
    json!({"type": "LearnerPathway", "version": 1, "pathways": pathways}).to_string()
}

/// A file with one pathway `urn:p:<n>` named `<n>`.
fn one(n: &str) -> String {
    file(vec![pathway(
        &format!("urn:p:{n}"),
        n,
        json!({"all": [leaf(n)]}),
    )])
}

/// A file with one pathway `urn:p:<n>` that needs pathway `urn:p:<target>`.
fn refers(n: &str, target: &str) -> String {
    file(vec![pathway(
        &format!("urn:p:{n}"),
        n,
        json!({"all": [{"pathway": format!("urn:p:{target}")}]}),
    )])
}

fn named(files: &[(&str, String)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(n, j)| (n.to_string(), j.clone()))
        .collect()
}

fn ids(p: &[wallet_pathways::Pathway]) -> Vec<&str> {
    p.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn load_files_keeps_every_good_file() {
    // (files, accepted names, pathway ids, number of errors, an error mentions)
    type Case<'a> = (
        Vec<(&'a str, String)>,
        Vec<&'a str>,
        Vec<&'a str>,
        usize,
        &'a str,
    );
    let cases: Vec<Case> = vec![
        (vec![], vec![], vec![], 0, ""),
        (
            vec![("a.json", one("a")), ("b.json", one("b"))],
            vec!["a.json", "b.json"],
            vec!["urn:p:a", "urn:p:b"],
            0,
            "",
        ),
        (
            vec![
                ("a.json", one("a")),
                ("bad.json", "{".into()),
                ("b.json", one("b")),
            ],
            vec!["a.json", "b.json"],
            vec!["urn:p:a", "urn:p:b"],
            1,
            "bad.json",
        ),
        // A file that refers to a later one is accepted once that one is.
        (
            vec![("c.json", refers("c", "a")), ("a.json", one("a"))],
            vec!["c.json", "a.json"],
            vec!["urn:p:c", "urn:p:a"],
            0,
            "",
        ),
        (
            vec![("x.json", refers("x", "missing")), ("a.json", one("a"))],
            vec!["a.json"],
            vec!["urn:p:a"],
            1,
            "x.json",
        ),
        // The same id twice: the second file is refused.
        (
            vec![("a.json", one("a")), ("a2.json", one("a"))],
            vec!["a.json"],
            vec!["urn:p:a"],
            1,
            "a2.json",
        ),
    ];
    for (files, accepted, want_ids, n_errors, mention) in cases {
        let (pathways, acc, errors) = load_files(Lang::En, &named(&files));
        let acc: Vec<&str> = acc.iter().map(|(n, _)| n.as_str()).collect();
        let mut got_ids = ids(&pathways);
        let mut want_ids = want_ids.clone();
        got_ids.sort();
        want_ids.sort();
        let mut got_acc = acc.clone();
        let mut want_acc = accepted.clone();
        got_acc.sort();
        want_acc.sort();
        assert_eq!(got_acc, want_acc, "{files:?}");
        assert_eq!(got_ids, want_ids, "{files:?}");
        assert_eq!(errors.len(), n_errors, "{errors:?}");
        assert!(errors.iter().all(|e| e.contains(mention)), "{errors:?}");
    }
}

#[test]
fn load_library_marks_imported_pathways() {
    let bundled = named(&[("a.json", one("a"))]);
    let imported = vec![
        ImportedFile {
            name: "mine.json".into(),
            json: one("m"),
        },
        ImportedFile {
            name: "bad".into(),
            json: "[]".into(),
        },
    ];
    let l = load_library(Lang::En, &bundled, &imported);
    assert_eq!(ids(&l.pathways), vec!["urn:p:a", "urn:p:m"]);
    assert_eq!(l.accepted.len(), 2);
    assert_eq!(l.errors.len(), 1, "{:?}", l.errors);
    assert_eq!(l.imported.len(), 1);
    assert_eq!(
        l.imported.get("urn:p:m").map(String::as_str),
        Some("mine.json")
    );
    assert_eq!(load_library(Lang::En, &[], &[]), Default::default());
}

#[test]
fn file_size_is_capped_before_reading() {
    let max = MAX_PATHWAY_BYTES as f64;
    for (size, ok) in [
        (0.0, true),
        (max, true),
        (max + 1.0, false),
        (f64::NAN, true),
        (f64::INFINITY, false),
    ] {
        let got = check_file_size("p.json", size);
        assert_eq!(got.is_ok(), ok, "{size}");
        if let Err(e) = got {
            assert_eq!(
                e.lines(Lang::En),
                vec!["p.json: too large for a pathway file.".to_string()]
            );
            assert_eq!(
                e.lines(Lang::Fr),
                vec!["p.json\u{a0}: trop volumineux pour un fichier de parcours.".to_string()]
            );
        }
    }
}

#[test]
fn unique_names() {
    let cases: &[(&str, &[&str], &str)] = &[
        ("a", &[], "a"),
        ("a", &["a"], "a (2)"),
        ("a", &["a", "a (2)"], "a (3)"),
        ("a", &["a (2)"], "a"),
        ("", &[""], " (2)"),
    ];
    for (name, taken, want) in cases {
        assert_eq!(
            unique_name(name, |n| taken.contains(&n)),
            *want,
            "{name} {taken:?}"
        );
    }
}

#[test]
fn adding_a_file() {
    let accepted = named(&[("a.json", one("a"))]);
    let kept = vec![ImportedFile {
        name: "Pasted pathway".into(),
        json: one("p"),
    }];
    let two = file(vec![
        pathway("urn:p:x", "X", json!({"all": [leaf("x")]})),
        pathway("urn:p:y", "Y", json!({"all": [leaf("y")]})),
    ]);
    let big = " ".repeat(MAX_PATHWAY_BYTES + 1);
    // (name, json, Ok(kept name, message) | Err(first line contains))
    /// Ok(the name it is kept under, the message) or Err(what every line says).
    type Want<'a> = Result<(&'a str, &'a str), &'a str>;
    let cases: Vec<(&str, String, Want)> = vec![
        ("b.json", one("b"), Ok(("b.json", "Added pathway b"))),
        (
            "Pasted pathway",
            one("q"),
            Ok(("Pasted pathway (2)", "Added pathway q")),
        ),
        ("a.json", one("c"), Ok(("a.json (2)", "Added pathway c"))),
        (
            "two.json",
            two.clone(),
            Ok(("two.json", "Added pathways X, Y")),
        ),
        (
            "b.json",
            refers("b", "a"),
            Ok(("b.json", "Added pathway b")),
        ),
        // Invalid: the messages name the file as the learner knows it.
        ("a.json", one("a"), Err("a.json: ")),
        ("Pasted pathway", "{".into(), Err("Pasted pathway: ")),
        ("z.json", refers("z", "nowhere"), Err("z.json: ")),
        (
            "big.json",
            big.clone(),
            Err("big.json: too large for a pathway file (512 KB; at most 512 KB)."),
        ),
    ];
    for (name, json, want) in cases {
        let got = add_file(Lang::En, &accepted, &kept, name, &json);
        match (got, want) {
            (Ok(added), Ok((kept_name, message))) => {
                assert_eq!(added.file.name, kept_name);
                assert_eq!(added.file.json, json);
                assert_eq!(added.message(Lang::En), message);
            }
            (Err(e), Err(first)) => {
                let lines = e.lines(Lang::En);
                assert!(!lines.is_empty());
                assert!(
                    lines
                        .iter()
                        .all(|l| l.starts_with(first) || l.contains(first)),
                    "{name}: {lines:?}"
                );
                assert!(!lines.iter().any(|l| l.contains(" (2)")), "{lines:?}");
            }
            (got, want) => panic!("{name}: {got:?}, wanted {want:?}"),
        }
    }
    // Exactly at the cap: not refused for its size.
    let at_cap = format!(
        "{}{}",
        one("e"),
        " ".repeat(MAX_PATHWAY_BYTES - one("e").len())
    );
    assert!(add_file(Lang::En, &accepted, &kept, "e.json", &at_cap).is_ok());
    assert!(
        matches!(add_file(Lang::En, &[], &[], "x", &big), Err(ImportError::TooLarge { bytes, .. }) if bytes == MAX_PATHWAY_BYTES + 1)
    );
}

#[test]
fn added_messages() {
    let added = |names: &[&str]| Added {
        file: ImportedFile {
            name: "f".into(),
            json: String::new(),
        },
        names: names.iter().map(|n| n.to_string()).collect(),
    };
    let cases: [(&[&str], &str, &str); 3] = [
        (&["A"], "Added pathway A", "Parcours ajouté\u{a0}: A"),
        (
            &["A", "B"],
            "Added pathways A, B",
            "Parcours ajoutés\u{a0}: A, B",
        ),
        (&[], "Added pathways ", "Parcours ajouté\u{a0}: "),
    ];
    for (names, en, fr) in cases {
        assert_eq!(added(names).message(Lang::En), en);
        assert_eq!(added(names).message(Lang::Fr), fr);
    }
}

#[test]
fn removing_a_file() {
    let f = |n: &str| ImportedFile {
        name: n.into(),
        json: "{}".into(),
    };
    let list = vec![f("a"), f("b"), f("a (2)")];
    let cases: &[(&str, &[&str])] = &[
        ("a", &["b", "a (2)"]),
        ("a (2)", &["a", "b"]),
        ("none", &["a", "b", "a (2)"]),
    ];
    for (name, left) in cases {
        let got: Vec<String> = remove_file(&list, name)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(got, *left, "{name}");
    }
    assert_eq!(removed_message(Lang::En, "a.json"), "Removed a.json");
    assert_eq!(
        removed_message(Lang::Fr, "a.json"),
        "Fichier retiré\u{a0}: a.json"
    );
}

#[test]
fn names_from_urls() {
    let cases = [
        (
            "https://school.example/pathways/certificate.json",
            "certificate.json",
        ),
        (
            "https://school.example/pathways/certificate.json?v=2#top",
            "certificate.json",
        ),
        ("https://school.example/pathways/", "pathways"),
        ("https://school.example/", "school.example"),
        ("https://school.example", "school.example"),
        ("https://x.example/?a/b", "x.example"),
        ("", ""),
        ("?q", "?q"),
    ];
    for (url, want) in cases {
        assert_eq!(name_from_url(url), want, "{url}");
    }
}

#[test]
fn stored_form_is_unchanged() {
    let list = vec![ImportedFile {
        name: "a.json".into(),
        json: "{\"x\":1}".into(),
    }];
    let text = serde_json::to_string(&list).unwrap();
    assert_eq!(text, r#"[{"name":"a.json","json":"{\"x\":1}"}]"#);
    let back: Vec<ImportedFile> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, list);
}

#[test]
fn text_size_is_capped() {
    for (len, ok) in [
        (0, true),
        (MAX_PATHWAY_BYTES, true),
        (MAX_PATHWAY_BYTES + 1, false),
        (MAX_PATHWAY_BYTES * 3, false),
    ] {
        let got = wallet_pathways::files::check_size("t", &"x".repeat(len));
        assert_eq!(got.is_ok(), ok, "{len}");
        if let Err(e) = got {
            assert_eq!(
                e.lines(Lang::En),
                vec![format!(
                    "t: too large for a pathway file ({} KB; at most 512 KB).",
                    len / 1024
                )]
            );
            assert_eq!(
                e.lines(Lang::Fr),
                vec![format!(
                    "t\u{a0}: trop volumineux pour un fichier de parcours ({}\u{a0}Ko\u{202f}; 512\u{a0}Ko au maximum).",
                    len / 1024
                )]
            );
        }
    }
}

#[test]
fn file_errors_in_the_learners_language() {
    let bad = json!({"type": "LearnerPathway", "version": 1, "id": "urn:p:x", "name": "X",
        "requirements": {"all": []}})
    .to_string();
    let lines = |lang| match add_file(lang, &[], &[], "x.json", &bad) {
        Err(e) => e.lines(lang),
        Ok(a) => panic!("{a:?}"),
    };
    let en = lines(Lang::En);
    assert!(
        en.contains(&"x.json: missing \"goal\"".to_string()),
        "{en:?}"
    );
    assert!(
        en.contains(
            &"x.json: requirements.all: \"all\" is empty: a group needs at least one requirement"
                .to_string()
        ),
        "{en:?}"
    );
    let fr = lines(Lang::Fr);
    assert!(
        fr.contains(&"x.json\u{a0}: clé «\u{202f}goal\u{202f}» manquante".to_string()),
        "{fr:?}"
    );
    assert!(
        fr.contains(
            &"x.json\u{a0}: requirements.all\u{a0}: «\u{202f}all\u{202f}» est vide\u{a0}: un groupe doit contenir au moins une exigence"
                .to_string()
        ),
        "{fr:?}"
    );
    match add_file(Lang::Fr, &[], &[], "y.json", "{") {
        Err(e) => {
            let l = e.lines(Lang::Fr);
            assert!(
                l[0].starts_with("y.json\u{a0}: JSON non valide\u{a0}: "),
                "{l:?}"
            );
        }
        Ok(a) => panic!("{a:?}"),
    }
    let (_, _, errors) = load_files(Lang::Fr, &[("z.json".to_string(), "[]".to_string())]);
    assert_eq!(
        errors,
        ["z.json\u{a0}: un fichier de parcours doit être un objet, pas une liste"]
    );
}
