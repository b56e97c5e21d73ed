//! Table-driven unit tests: node types, matching, reuse, conditions,
//! references, validation errors, next steps.

use serde_json::{Value, json};

use crate::*;
use wallet_i18n::Lang;

const NOW: &str = "2025-06-01T00:00:00Z";

/// A verified, unexpired item with an achievement id `ach:<name>`.
fn item(name: &str) -> Item {
    Item {
        local_id: format!("urn:{name}"),
        name: name.to_string(),
        achievement_ids: vec![format!("ach:{name}")],
        achievement_type: None,
        issuer_id: Some("did:example:issuer".into()),
        issuer_name: Some("Example College".into()),
        alignments: Vec::new(),
        tags: Vec::new(),
        issued: Some("2024-01-10T00:00:00Z".into()),
        expires: None,
        status: Status::Verified,
        copy_of: None,
    }
}

fn with(mut it: Item, f: impl FnOnce(&mut Item)) -> Item {
    f(&mut it);
    it
}

fn tagged(name: &str, tags: &[&str]) -> Item {
    with(item(name), |i| {
        i.tags = tags.iter().map(|t| t.to_string()).collect()
    })
}

fn leaf_id(name: &str) -> Value {
    json!({"label": name, "match": {"achievementId": format!("ach:{name}")}})
}

fn pathway_json(id: &str, req: Value) -> Value {
    json!({
        "id": id,
        "name": id.trim_start_matches("urn:p:"),
        "goal": {"kind": "certificate", "issuer": {"name": "Example College"}},
        "requirements": req
    })
}

fn file(pathways: Vec<Value>) -> String {
    json!({"type": "LearnerPathway", "version": 1, "pathways": pathways}).to_string()
}

fn parse_ok(pathways: Vec<Value>) -> Vec<Pathway> {
    match parse_pathways(&file(pathways)) {
        Ok(p) => p,
        Err(e) => panic!("{e:?}"),
    }
}

fn eval_one(req: Value, items: &[Item]) -> Progress {
    let p = parse_ok(vec![pathway_json("urn:p:one", req)]);
    evaluate(Lang::En, &p, items, NOW).remove(0)
}

// ---------------------------------------------------------------- node types

#[test]
fn node_types_and_top_level_fraction() {
    let a = || leaf_id("a");
    let b = || leaf_id("b");
    let c = || leaf_id("c");
    let have_a = vec![item("a")];
    let have_ab = vec![item("a"), item("b")];
    let have_none: Vec<Item> = vec![];
    // (requirement, credentials, k/n, complete)
    let cases: Vec<(Value, &Vec<Item>, &str, bool)> = vec![
        (a(), &have_a, "1/1", true),
        (a(), &have_none, "0/1", false),
        (json!({"all": [a(), b(), c()]}), &have_ab, "2/3", false),
        (json!({"all": [a(), b()]}), &have_ab, "2/2", true),
        (json!({"any": [a(), b(), c()]}), &have_ab, "1/1", true),
        (json!({"any": [b(), c()]}), &have_a, "0/1", false),
        (
            json!({"nOf": 2, "of": [a(), b(), c()]}),
            &have_ab,
            "2/2",
            true,
        ),
        (
            json!({"nOf": 2, "of": [a(), b(), c()]}),
            &have_a,
            "1/2",
            false,
        ),
        (
            json!({"nOf": 3, "of": [a(), b(), c()]}),
            &have_ab,
            "2/3",
            false,
        ),
        // Nesting: units are the direct children.
        (
            json!({"all": [a(), {"any": [b(), c()]}]}),
            &have_ab,
            "2/2",
            true,
        ),
        (
            json!({"all": [a(), {"all": [b(), c()]}]}),
            &have_ab,
            "1/2",
            false,
        ),
        (
            json!({"nOf": 1, "of": [{"all": [a(), b()]}, c()]}),
            &have_ab,
            "1/1",
            true,
        ),
        (
            json!({"all": [{"any": [{"nOf": 1, "of": [{"all": [a()]}]}]}]}),
            &have_a,
            "1/1",
            true,
        ),
    ];
    for (i, (req, items, fraction, complete)) in cases.into_iter().enumerate() {
        let p = eval_one(req, items);
        assert_eq!(p.fraction(), fraction, "case {i}");
        assert_eq!(p.complete, complete, "case {i}");
        assert_eq!(p.root.met, complete, "case {i}");
    }
}

#[test]
fn progress_at_every_node() {
    let p = eval_one(
        json!({"all": [leaf_id("a"), {"label": "Pick two", "nOf": 2, "of": [leaf_id("b"), leaf_id("c"), leaf_id("d")]}]}),
        &[item("a"), item("c")],
    );
    assert_eq!(p.root.kind, "all");
    assert_eq!(p.root.path, "requirements");
    let group = &p.root.children[1];
    assert_eq!(group.path, "requirements.all[1]");
    assert_eq!(group.kind, "nOf");
    assert_eq!(group.label, "Pick two");
    assert_eq!(
        (group.units_met, group.units_needed, group.met),
        (1, 2, false)
    );
    assert_eq!(group.remaining, Some(1));
    assert_eq!(group.children[1].path, "requirements.all[1].of[1]");
    assert_eq!(group.children[1].filled_by, Some(1)); // items: a, c
    assert_eq!(p.remaining, Some(1));
    // Leaves without a label describe themselves.
    let q = eval_one(
        json!({"match": {"tag": "SQL", "achievementType": "Course"}}),
        &[],
    );
    assert_eq!(q.root.label, "A Course, tagged “SQL”");
}

// ---------------------------------------------------------------- matching

#[test]
fn match_fields() {
    let full = with(item("x"), |i| {
        i.achievement_ids = vec!["ach:x".into(), "ach:x-old".into()];
        i.achievement_type = Some("Certificate".into());
        i.tags = vec!["Data Analytics".into()];
        i.alignments = vec![
            ItemAlignment {
                target_code: Some("DDS-01".into()),
                target_framework: Some("Framework A".into()),
                target_url: Some("https://f.example/a/01".into()),
                target_name: Some("Query data".into()),
            },
            ItemAlignment {
                target_code: Some("DDS-02".into()),
                target_framework: Some("Framework B".into()),
                ..Default::default()
            },
        ];
    });
    let cases: Vec<(Value, bool)> = vec![
        (json!({"achievementId": "ach:x"}), true),
        (json!({"achievementId": "ach:x-old"}), true), // related alias
        (json!({"achievementId": "ACH:X"}), false),    // ids are exact
        (json!({"achievementType": "certificate"}), true),
        (json!({"achievementType": "Badge"}), false),
        (json!({"issuer": "did:example:issuer"}), true),
        (json!({"issuer": "example college"}), true),
        (json!({"issuer": "Other College"}), false),
        (json!({"tag": "data analytics"}), true),
        (json!({"tag": "data"}), false),
        (json!({"alignment": {"targetCode": "dds-01"}}), true),
        (
            json!({"alignment": {"targetCode": "DDS-01", "targetFramework": "Framework A"}}),
            true,
        ),
        // Fields must match the same alignment.
        (
            json!({"alignment": {"targetCode": "DDS-01", "targetFramework": "Framework B"}}),
            false,
        ),
        (
            json!({"alignment": {"targetUrl": "https://f.example/a/01"}}),
            true,
        ),
        (
            json!({"alignment": {"targetUrl": "https://F.example/a/01"}}),
            false,
        ),
        (json!({"alignment": {"targetName": "query DATA"}}), true),
        (
            json!({"alignment": {"targetFramework": "Framework B"}}),
            true,
        ),
        // Every field must match.
        (
            json!({"achievementId": "ach:x", "tag": "data analytics", "issuer": "Example College"}),
            true,
        ),
        (json!({"achievementId": "ach:x", "tag": "other"}), false),
        (
            json!({"issuer": "Example College", "achievementType": "Badge"}),
            false,
        ),
    ];
    let others = [item("y"), tagged("z", &["data analytics"])];
    for (i, (m, expect)) in cases.into_iter().enumerate() {
        let mut items = vec![full.clone()];
        items.extend(others.iter().cloned());
        let p = eval_one(json!({"match": m}), &items);
        let hits: Vec<&str> = p
            .root
            .counting
            .iter()
            .map(|&c| items[c].name.as_str())
            .collect();
        assert_eq!(hits.contains(&"x"), expect, "case {i}: {m} → {hits:?}");
        // The public, allocation-happy `matches` agrees with the indexed path.
        let NodeKind::Match { criteria, .. } =
            &parse_ok(vec![pathway_json("urn:p:m", json!({"match": m}))])[0]
                .requirements
                .kind
        else {
            unreachable!()
        };
        assert_eq!(
            item::matches(criteria, &full),
            expect,
            "case {i}: matches()"
        );
    }
}

#[test]
fn item_from_credential_keeps_related_ids() {
    let text = include_str!("../../public/demo/01-intro-to-sql.json");
    let mut c = wallet_core::parse_credential(text).unwrap();
    c.achievement.related = vec!["https://old.example/sql".into(), " ".into()];
    let it = Item::from_credential(&c, Status::Verified);
    assert_eq!(
        it.achievement_ids,
        [
            "https://demo.example.org/northfield/achievements/data-101-intro-to-sql",
            "https://old.example/sql"
        ]
    );
    assert_eq!(it.status, Status::Verified);
    assert_eq!(it.tags, ["SQL", "databases", "data analytics"]);
    assert_eq!(it.alignments[0].target_code.as_deref(), Some("DDS-DATA-01"));
    assert_eq!(
        Item::from_credential(&c, Status::parse("weird")).status,
        Status::Other("weird".into())
    );
}

// ---------------------------------------------------------------- reuse

#[test]
fn a_credential_fills_one_leaf_per_group() {
    // One credential tagged both; the group needs two different ones.
    let both = tagged("both", &["sql", "python"]);
    let req = json!({"all": [
        {"label": "SQL", "match": {"tag": "sql"}},
        {"label": "Python", "match": {"tag": "python"}}
    ]});
    let p = eval_one(req.clone(), std::slice::from_ref(&both));
    assert_eq!(p.fraction(), "1/2");
    let unmet = p.root.children.iter().find(|c| !c.met).unwrap();
    assert!(
        unmet
            .note
            .as_deref()
            .unwrap()
            .contains("already counts for"),
        "{:?}",
        unmet.note
    );
    // A second credential completes it.
    let p = eval_one(req, &[both, tagged("py", &["python"])]);
    assert_eq!(p.fraction(), "2/2");
    // nOf behaves the same.
    let p = eval_one(
        json!({"nOf": 2, "of": [{"match": {"tag": "sql"}}, {"match": {"tag": "python"}}, {"match": {"tag": "r"}}]}),
        &[tagged("both", &["sql", "python"])],
    );
    assert_eq!(p.fraction(), "1/2");
}

#[test]
fn matching_finds_what_greedy_misses() {
    // Leaf 0 accepts "wide" or "narrow"; leaf 1 only "wide". Greedy gives
    // leaf 0 the first candidate ("wide") and leaf 1 nothing.
    let wide = tagged("wide", &["data", "sql"]);
    let narrow = tagged("narrow", &["data"]);
    let cases: Vec<(Value, Vec<Item>, &str)> = vec![
        (
            json!({"all": [{"match": {"tag": "data"}}, {"match": {"tag": "sql"}}]}),
            vec![wide.clone(), narrow.clone()],
            "2/2",
        ),
        (
            json!({"nOf": 2, "of": [{"match": {"tag": "data"}}, {"match": {"tag": "sql"}}, {"match": {"tag": "none"}}]}),
            vec![wide.clone(), narrow.clone()],
            "2/2",
        ),
        // A longer augmenting path: three leaves, three credentials.
        (
            json!({"all": [
                {"match": {"tag": "a"}},
                {"match": {"tag": "b"}},
                {"match": {"tag": "c"}}
            ]}),
            vec![
                tagged("1", &["a", "b", "c"]),
                tagged("2", &["a", "b"]),
                tagged("3", &["a"]),
            ],
            "3/3",
        ),
    ];
    for (i, (req, items, fraction)) in cases.into_iter().enumerate() {
        let p = eval_one(req, &items);
        assert_eq!(p.fraction(), fraction, "case {i}");
        let mut used: Vec<usize> = p.root.children.iter().filter_map(|c| c.filled_by).collect();
        let n = used.len();
        used.sort();
        used.dedup();
        assert_eq!(used.len(), n, "case {i}: a credential filled two leaves");
    }
}

#[test]
fn nested_groups_and_other_pathways_may_reuse() {
    let req = json!({"all": [{"match": {"tag": "sql"}}, {"any": [{"match": {"tag": "sql"}}]}]});
    assert_eq!(eval_one(req, &[tagged("s", &["sql"])]).fraction(), "2/2");
    let p = parse_ok(vec![
        pathway_json("urn:p:a", json!({"match": {"tag": "sql"}})),
        pathway_json("urn:p:b", json!({"match": {"tag": "sql"}})),
    ]);
    let r = evaluate(Lang::En, &p, &[tagged("s", &["sql"])], NOW);
    assert!(r[0].complete && r[1].complete);
}

/// A copy of `it` nested in a CLR (`clr-nested:<i>:urn:clr`), with `status`.
fn nested_copy(it: &Item, i: usize, status: &str) -> Item {
    with(it.clone(), |c| {
        c.copy_of = Some(c.local_id.clone());
        c.local_id = crate::item::nested_item_id("urn:clr", i);
        c.status = Status::parse(status);
    })
}

#[test]
fn one_credential_held_twice_counts_once() {
    // Two leaves the same SQL badge could fill; only one badge exists, held twice.
    let both = json!({"all": [{"match": {"achievementId": "ach:s"}}, {"match": {"tag": "sql"}}]});
    let s = tagged("s", &["sql"]);
    // (items, fraction): on its own, nested in a CLR, both, nested twice, two real badges.
    let other = with(tagged("t", &["sql"]), |i| {
        i.achievement_ids = vec!["ach:t".into()]
    });
    let cases: Vec<(Vec<Item>, &str)> = vec![
        (vec![s.clone()], "1/2"),
        (vec![nested_copy(&s, 0, "verified")], "1/2"),
        (vec![s.clone(), nested_copy(&s, 0, "verified")], "1/2"),
        (
            vec![
                nested_copy(&s, 0, "verified"),
                nested_copy(&s, 1, "verified"),
            ],
            "1/2",
        ),
        (vec![s.clone(), other.clone()], "2/2"),
        (vec![s.clone(), nested_copy(&other, 0, "verified")], "2/2"),
    ];
    for (items, want) in cases {
        assert_eq!(
            eval_one(both.clone(), &items).fraction(),
            want,
            "{items:#?}"
        );
    }
    // Which copy counts: an altered copy does not hide a genuine one; a revoked one wins.
    let one = json!({"match": {"achievementId": "ach:s"}});
    let invalid = with(s.clone(), |i| i.status = Status::Invalid);
    let cases: Vec<(Vec<Item>, bool)> = vec![
        (vec![invalid.clone(), nested_copy(&s, 0, "verified")], true),
        (vec![nested_copy(&s, 0, "invalid"), s.clone()], true),
        (vec![s.clone(), nested_copy(&s, 0, "revoked")], false),
        (vec![nested_copy(&s, 0, "revoked"), s.clone()], false),
        (vec![nested_copy(&s, 0, "pending"), s.clone()], true),
    ];
    for (items, complete) in cases {
        assert_eq!(
            eval_one(one.clone(), &items).complete,
            complete,
            "{items:#?}"
        );
    }
    // The list keeps its order and length: a second copy is simply never a candidate.
    let twice = [s.clone(), nested_copy(&s, 0, "verified")];
    let r = eval_one(
        json!({"any": [{"match": {"achievementId": "ach:s"}}]}),
        &twice,
    );
    assert_eq!(crate::item::copies_that_count(&twice), [true, false]);
    assert_eq!(r.root.children[0].counting, [0]);
}

// ---------------------------------------------------------------- conditions

#[test]
fn statuses_dates_and_conditions() {
    let base = item("a");
    let expired = with(base.clone(), |i| {
        i.expires = Some("2024-03-06T08:00:00Z".into())
    });
    let st = |s: &str| with(base.clone(), |i| i.status = Status::parse(s));
    let leaf = |cond: Value| json!({"match": {"achievementId": "ach:a"}, "conditions": cond});
    let none = json!({});
    // (item, conditions, expected reasons; empty = counts)
    let cases: Vec<(Item, Value, Vec<&str>)> = vec![
        (base.clone(), none.clone(), vec![]),
        (st("unverified"), none.clone(), vec!["not verified yet"]),
        (
            st("pending"),
            none.clone(),
            vec!["verification still in progress"],
        ),
        (st("invalid"), none.clone(), vec!["signature invalid"]),
        (st("revoked"), none.clone(), vec!["revoked by the issuer"]),
        (
            st("not-yet-valid"),
            none.clone(),
            vec!["not valid until 2024-01-10"],
        ),
        (
            st("mystery"),
            none.clone(),
            vec!["verification status “mystery”"],
        ),
        (expired.clone(), none.clone(), vec!["expired on 2024-03-06"]),
        (
            with(expired.clone(), |i| i.status = Status::Expired),
            none.clone(),
            vec!["expired on 2024-03-06"],
        ),
        (
            with(base.clone(), |i| i.status = Status::Expired),
            none.clone(),
            vec!["expired"],
        ),
        // Expiry exactly now: expired.
        (
            with(base.clone(), |i| i.expires = Some(NOW.into())),
            none.clone(),
            vec!["expired on 2025-06-01"],
        ),
        (
            with(base.clone(), |i| i.expires = Some("2026-01-01".into())),
            none.clone(),
            vec![],
        ),
        // unexpired: false accepts expired ones (also with status "expired").
        (expired.clone(), json!({"unexpired": false}), vec![]),
        (
            with(expired.clone(), |i| i.status = Status::Expired),
            json!({"unexpired": false}),
            vec![],
        ),
        // verified: false accepts unverified / pending, never invalid or revoked.
        (st("unverified"), json!({"verified": false}), vec![]),
        (st("pending"), json!({"verified": false}), vec![]),
        (
            st("invalid"),
            json!({"verified": false}),
            vec!["signature invalid"],
        ),
        (
            st("revoked"),
            json!({"verified": false}),
            vec!["revoked by the issuer"],
        ),
        // issuedAfter: on or after.
        (base.clone(), json!({"issuedAfter": "2024-01-01"}), vec![]),
        (base.clone(), json!({"issuedAfter": "2024-01-10"}), vec![]),
        (
            base.clone(),
            json!({"issuedAfter": "2024-02-01"}),
            vec!["issued before 2024-02-01"],
        ),
        (
            with(base.clone(), |i| i.issued = None),
            json!({"issuedAfter": "2024-02-01"}),
            vec!["no issue date (must be issued on or after 2024-02-01)"],
        ),
        // Issued in the future.
        (
            with(base.clone(), |i| i.issued = Some("2030-01-01".into())),
            none.clone(),
            vec!["not valid until 2030-01-01"],
        ),
        // Several reasons at once.
        (
            with(expired.clone(), |i| i.status = Status::Unverified),
            json!({"issuedAfter": "2025-01-01"}),
            vec![
                "not verified yet",
                "expired on 2024-03-06",
                "issued before 2025-01-01",
            ],
        ),
    ];
    for (i, (it, cond, reasons)) in cases.into_iter().enumerate() {
        let p = eval_one(leaf(cond.clone()), &[it]);
        if reasons.is_empty() {
            assert!(
                p.complete,
                "case {i} ({cond}) should count: {:?}",
                p.root.not_counted
            );
            assert!(p.root.not_counted.is_empty());
        } else {
            assert!(!p.complete, "case {i}");
            assert_eq!(p.root.not_counted.len(), 1, "case {i}");
            assert_eq!(p.root.not_counted[0].reasons, reasons, "case {i}");
        }
    }
}

/// The evaluation's texts in French: reasons (French dates), descriptions, notes, the engine's
/// group labels.
#[test]
fn texts_in_french() {
    let eval_fr = |req: Value, items: &[Item]| {
        let p = parse_ok(vec![pathway_json("urn:p:one", req)]);
        evaluate(Lang::Fr, &p, items, NOW).remove(0)
    };
    let base = item("a");
    let st = |s: &str| with(base.clone(), |i| i.status = Status::parse(s));
    let expired = with(base.clone(), |i| {
        i.expires = Some("2024-03-06T08:00:00Z".into())
    });
    let leaf = |cond: Value| json!({"match": {"achievementId": "ach:a"}, "conditions": cond});
    let none = json!({});
    let cases: Vec<(Item, Value, Vec<&str>)> = vec![
        (st("unverified"), none.clone(), vec!["pas encore vérifiée"]),
        (st("pending"), none.clone(), vec!["vérification en cours"]),
        (st("invalid"), none.clone(), vec!["signature non valide"]),
        (st("revoked"), none.clone(), vec!["révoquée par l’émetteur"]),
        (
            st("not-yet-valid"),
            none.clone(),
            vec!["valide seulement à partir du 10 janvier 2024"],
        ),
        (
            st("mystery"),
            none.clone(),
            vec!["état de vérification «\u{202f}mystery\u{202f}»"],
        ),
        (
            expired.clone(),
            none.clone(),
            vec!["expirée le 6 mars 2024"],
        ),
        (
            with(expired, |i| i.status = Status::Unverified),
            json!({"issuedAfter": "2025-01-01"}),
            vec![
                "pas encore vérifiée",
                "expirée le 6 mars 2024",
                "émise avant le 1er janvier 2025",
            ],
        ),
        (
            with(base.clone(), |i| i.issued = None),
            json!({"issuedAfter": "2025-01-01"}),
            vec!["sans date d’émission (doit avoir été émise le 1er janvier 2025 ou après)"],
        ),
    ];
    for (i, (it, cond, reasons)) in cases.into_iter().enumerate() {
        let p = eval_fr(leaf(cond), &[it]);
        assert_eq!(p.root.not_counted.len(), 1, "case {i}");
        assert_eq!(p.root.not_counted[0].reasons, reasons, "case {i}");
    }
    let q = eval_fr(
        json!({"match": {"tag": "SQL", "achievementType": "Course", "issuer": "did:example:x"}}),
        &[],
    );
    assert_eq!(
        q.root.label,
        "De type Cours, avec l’étiquette «\u{202f}SQL\u{202f}», délivré par did:example:x"
    );
    let both = tagged("both", &["sql", "python"]);
    let p = eval_fr(
        json!({"all": [
            {"label": "SQL", "match": {"tag": "sql"}},
            {"label": "Python", "match": {"tag": "python"}}
        ]}),
        &[both],
    );
    assert_eq!(p.root.label, "Tous");
    let unmet = p.root.children.iter().find(|c| !c.met).unwrap();
    let other = p.root.children.iter().find(|c| c.met).unwrap();
    assert_eq!(
        unmet.note.as_deref(),
        Some(
            format!(
                "«\u{202f}both\u{202f}» compte déjà pour «\u{202f}{}\u{202f}» dans ce groupe",
                other.label
            )
            .as_str()
        )
    );
}

#[test]
fn a_counting_credential_wins_over_a_blocked_one() {
    let p = eval_one(
        json!({"match": {"tag": "sql"}}),
        &[
            with(tagged("old", &["sql"]), |i| i.status = Status::Unverified),
            tagged("new", &["sql"]),
        ],
    );
    assert!(p.complete);
    assert_eq!(p.root.filled_by, Some(1)); // "new"
    assert_eq!(p.root.not_counted[0].item, 0); // "old"
}

// ---------------------------------------------------------------- references

#[test]
fn pathway_references() {
    let pathways = parse_ok(vec![
        pathway_json(
            "urn:p:diploma",
            json!({"all": [{"pathway": "urn:p:cert1"}, {"pathway": "urn:p:cert2"}]}),
        ),
        pathway_json("urn:p:cert1", json!({"all": [leaf_id("a"), leaf_id("b")]})),
        pathway_json(
            "urn:p:cert2",
            json!({"any": [{"pathway": "urn:p:badge"}, leaf_id("z")]}),
        ),
        pathway_json("urn:p:badge", leaf_id("c")),
    ]);
    let cases: Vec<(Vec<Item>, [&str; 4], bool)> = vec![
        (vec![], ["0/2", "0/2", "0/1", "0/1"], false),
        (
            vec![item("a"), item("b")],
            ["1/2", "2/2", "0/1", "0/1"],
            false,
        ),
        (
            vec![item("a"), item("b"), item("c")],
            ["2/2", "2/2", "1/1", "1/1"],
            true,
        ),
        (
            vec![item("a"), item("b"), item("z")],
            ["2/2", "2/2", "1/1", "0/1"],
            true,
        ),
    ];
    for (i, (items, fractions, diploma)) in cases.into_iter().enumerate() {
        let r = evaluate(Lang::En, &pathways, &items, NOW);
        let got: Vec<String> = r.iter().map(Progress::fraction).collect();
        assert_eq!(got, fractions, "case {i}");
        assert_eq!(r[0].complete, diploma, "case {i}");
        let reference = &r[0].root.children[0];
        assert_eq!(reference.kind, "pathway");
        assert_eq!(reference.label, "cert1");
        assert_eq!(reference.pathway_ref.as_deref(), Some("urn:p:cert1"));
    }
    // Remaining counts through references: cert1 needs 2, cert2 needs 1.
    let r = evaluate(Lang::En, &pathways, &[], NOW);
    assert_eq!(r[0].remaining, Some(3));
}

#[test]
fn evaluation_survives_unvalidated_cycles_and_unknown_references() {
    let p = parse_file(
        &file(vec![
            pathway_json("urn:p:a", json!({"pathway": "urn:p:b"})),
            pathway_json(
                "urn:p:b",
                json!({"any": [{"pathway": "urn:p:a"}, leaf_id("x")]}),
            ),
            pathway_json("urn:p:c", json!({"pathway": "urn:p:missing"})),
        ]),
        None,
    )
    .unwrap();
    let r = evaluate(Lang::En, &p, &[], NOW);
    assert_eq!(r.len(), 3);
    assert!(r.iter().all(|p| !p.complete));
    assert_eq!(r[2].remaining, None);
    let r = evaluate(Lang::En, &p, &[item("x")], NOW);
    assert!(r[0].complete && r[1].complete);
    let _ = next_steps(&r);
}

// ---------------------------------------------------------------- validation

fn errors_of(text: &str) -> Vec<PathwayError> {
    match parse_pathways(text) {
        Ok(_) => panic!("expected errors for {text}"),
        Err(e) => e,
    }
}

#[test]
fn validation_errors_name_their_place() {
    let ok_leaf = leaf_id("a");
    let p = |req: Value| {
        file(vec![
            pathway_json("urn:p:ok", leaf_id("a")),
            pathway_json("urn:p:x", req),
        ])
    };
    // (file text, kind, path, message fragment)
    let cases: Vec<(String, ErrorKind, &str, &str)> = vec![
        ("{".into(), ErrorKind::Json, "", "not valid JSON"),
        ("[]".into(), ErrorKind::WrongType, "", "must be an object"),
        (
            json!({"type": "Other", "version": 1, "pathways": []}).to_string(),
            ErrorKind::NotAPathway,
            "type",
            "LearnerPathway",
        ),
        (
            json!({"version": 1, "pathways": [pathway_json("urn:p:a", ok_leaf.clone())]}).to_string(),
            ErrorKind::MissingKey,
            "",
            "missing \"type\"",
        ),
        (
            json!({"type": "LearnerPathway", "version": 2, "pathways": [pathway_json("urn:p:a", ok_leaf.clone())]}).to_string(),
            ErrorKind::UnsupportedVersion,
            "version",
            "unsupported version 2",
        ),
        (
            json!({"type": "LearnerPathway", "version": "1", "pathways": [pathway_json("urn:p:a", ok_leaf.clone())]}).to_string(),
            ErrorKind::WrongType,
            "version",
            "must be a number",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": [
                {"version": 3, "id": "urn:p:a", "name": "A", "goal": {"kind": "job", "issuer": {"name": "E"}}, "requirements": ok_leaf.clone()}
            ]}).to_string(),
            ErrorKind::UnsupportedVersion,
            "pathways[0].version",
            "unsupported version 3",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": {}}).to_string(),
            ErrorKind::WrongType,
            "pathways",
            "must be a list",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": []}).to_string(),
            ErrorKind::EmptyGroup,
            "pathways",
            "is empty",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": [pathway_json("urn:p:a", ok_leaf.clone())], "extra": 1}).to_string(),
            ErrorKind::UnknownKey,
            "extra",
            "unknown key \"extra\"",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": [
                {"id": "not a uri", "name": "A", "goal": {"kind": "job", "issuer": {"name": "E"}}, "requirements": ok_leaf.clone()}
            ]}).to_string(),
            ErrorKind::InvalidValue,
            "pathways[0].id",
            "must be a URI",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": [
                {"id": "urn:p:a", "goal": {"kind": "job", "issuer": {"name": "E"}}, "requirements": ok_leaf.clone()}
            ]}).to_string(),
            ErrorKind::MissingKey,
            "pathways[0]",
            "missing \"name\"",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": [
                {"id": "urn:p:a", "name": 5, "goal": {"kind": "job", "issuer": {"name": "E"}}, "requirements": ok_leaf.clone()}
            ]}).to_string(),
            ErrorKind::WrongType,
            "pathways[0].name",
            "must be a string",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": [
                {"id": "urn:p:a", "name": "A", "goal": {"kind": "badge", "issuer": {"name": "E"}}, "requirements": ok_leaf.clone()}
            ]}).to_string(),
            ErrorKind::InvalidValue,
            "pathways[0].goal.kind",
            "unknown goal kind \"badge\"",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": [
                {"id": "urn:p:a", "name": "A", "goal": {"kind": "job", "issuer": {"name": "E", "url": "javascript:alert(1)"}}, "requirements": ok_leaf.clone()}
            ]}).to_string(),
            ErrorKind::InvalidValue,
            "pathways[0].goal.issuer.url",
            "http(s) URL",
        ),
        (
            json!({"type": "LearnerPathway", "version": 1, "pathways": [
                {"id": "urn:p:a", "name": "A", "goal": {"kind": "job"}, "requirements": ok_leaf.clone()}
            ]}).to_string(),
            ErrorKind::MissingKey,
            "pathways[0].goal",
            "missing \"issuer\"",
        ),
        (p(json!({"all": []})), ErrorKind::EmptyGroup, "pathways[1].requirements.all", "is empty"),
        (p(json!({"any": [ok_leaf.clone(), {"any": []}]})), ErrorKind::EmptyGroup, "pathways[1].requirements.any[1].any", "is empty"),
        (p(json!({"all": {}})), ErrorKind::WrongType, "pathways[1].requirements.all", "must be a list"),
        (
            p(json!({"all": [ok_leaf.clone(), {"nOf": 3, "of": [ok_leaf.clone(), ok_leaf.clone()]}]})),
            ErrorKind::ImpossibleCount,
            "pathways[1].requirements.all[1].nOf",
            "\"nOf\" is 3 but \"of\" has only 2 requirements",
        ),
        (p(json!({"nOf": 0, "of": [ok_leaf.clone()]})), ErrorKind::ImpossibleCount, "pathways[1].requirements.nOf", "at least 1"),
        (p(json!({"nOf": -2, "of": [ok_leaf.clone()]})), ErrorKind::ImpossibleCount, "pathways[1].requirements.nOf", "at least 1"),
        (p(json!({"nOf": 1.5, "of": [ok_leaf.clone()]})), ErrorKind::WrongType, "pathways[1].requirements.nOf", "whole number"),
        (p(json!({"nOf": "2", "of": [ok_leaf.clone()]})), ErrorKind::WrongType, "pathways[1].requirements.nOf", "whole number"),
        (p(json!({"nOf": 1})), ErrorKind::MissingKey, "pathways[1].requirements", "needs \"of\""),
        (p(json!({"label": "x"})), ErrorKind::MissingKey, "pathways[1].requirements", "needs one of"),
        (p(json!({"all": [ok_leaf.clone()], "any": [ok_leaf.clone()]})), ErrorKind::InvalidValue, "pathways[1].requirements", "only one of all, any"),
        (p(json!([ok_leaf.clone()])), ErrorKind::WrongType, "pathways[1].requirements", "must be an object"),
        (
            p(json!({"all": [{"match": {"tag": "x"}, "weight": 2}]})),
            ErrorKind::UnknownKey,
            "pathways[1].requirements.all[0].weight",
            "unknown key \"weight\"",
        ),
        (p(json!({"all": [ok_leaf.clone()], "hint": "x"})), ErrorKind::UnknownKey, "pathways[1].requirements.hint", "unknown key"),
        (p(json!({"match": {"badge": "x"}})), ErrorKind::UnknownKey, "pathways[1].requirements.match.badge", "unknown key"),
        (p(json!({"match": {}})), ErrorKind::MissingKey, "pathways[1].requirements.match", "at least one of"),
        (p(json!({"match": {"tag": 3}})), ErrorKind::WrongType, "pathways[1].requirements.match.tag", "must be a string"),
        (p(json!({"match": {"tag": " "}})), ErrorKind::InvalidValue, "pathways[1].requirements.match.tag", "must not be empty"),
        (p(json!({"match": {"alignment": {}}})), ErrorKind::MissingKey, "pathways[1].requirements.match.alignment", "at least one of"),
        (p(json!({"match": {"alignment": {"code": "x"}}})), ErrorKind::UnknownKey, "pathways[1].requirements.match.alignment.code", "unknown key"),
        (p(json!({"match": {"alignment": "DDS-1"}})), ErrorKind::WrongType, "pathways[1].requirements.match.alignment", "must be an object"),
        (
            p(json!({"match": {"tag": "x"}, "conditions": {"issuedAfter": "last year"}})),
            ErrorKind::InvalidValue,
            "pathways[1].requirements.conditions.issuedAfter",
            "must be a date",
        ),
        (
            p(json!({"match": {"tag": "x"}, "conditions": {"verified": "yes"}})),
            ErrorKind::WrongType,
            "pathways[1].requirements.conditions.verified",
            "true or false",
        ),
        (
            p(json!({"match": {"tag": "x"}, "conditions": {"fresh": true}})),
            ErrorKind::UnknownKey,
            "pathways[1].requirements.conditions.fresh",
            "unknown key",
        ),
        (p(json!({"match": {"tag": "x"}, "hint": 4})), ErrorKind::WrongType, "pathways[1].requirements.hint", "\"hint\" must be"),
        (
            p(json!({"match": {"tag": "x"}, "hint": {"text": "t", "url": "ftp://x"}})),
            ErrorKind::InvalidValue,
            "pathways[1].requirements.hint.url",
            "http(s) URL",
        ),
        (
            p(json!({"all": [ok_leaf.clone(), {"pathway": "urn:p:nowhere"}]})),
            ErrorKind::UnknownPathway,
            "pathways[1].requirements.all[1].pathway",
            "unknown pathway \"urn:p:nowhere\"",
        ),
        (p(json!({"pathway": 7})), ErrorKind::WrongType, "pathways[1].requirements.pathway", "must be a string"),
        (
            file(vec![pathway_json("urn:p:a", ok_leaf.clone()), pathway_json("urn:p:a", ok_leaf.clone())]),
            ErrorKind::DuplicateId,
            "pathways[1].id",
            "duplicate pathway id \"urn:p:a\" (also at pathways[0])",
        ),
        (
            file(vec![pathway_json("urn:p:self", json!({"any": [ok_leaf.clone(), {"pathway": "urn:p:self"}]}))]),
            ErrorKind::Cycle,
            "pathways[0].requirements.any[1].pathway",
            "cycle: urn:p:self → urn:p:self",
        ),
        (
            file(vec![
                pathway_json("urn:p:a", json!({"pathway": "urn:p:b"})),
                pathway_json("urn:p:b", json!({"all": [ok_leaf.clone(), {"pathway": "urn:p:c"}]})),
                pathway_json("urn:p:c", json!({"nOf": 1, "of": [{"pathway": "urn:p:a"}]})),
            ]),
            ErrorKind::Cycle,
            "pathways[2].requirements.of[0].pathway",
            "cycle: urn:p:a → urn:p:b → urn:p:c → urn:p:a",
        ),
    ];
    for (i, (text, kind, path, fragment)) in cases.into_iter().enumerate() {
        let errors = errors_of(&text);
        assert!(
            errors
                .iter()
                .any(|e| e.kind == kind && e.path == path && e.message.contains(fragment)),
            "case {i}: expected {kind:?} at {path:?} containing {fragment:?}, got {errors:#?}"
        );
    }
}

#[test]
fn single_pathway_files_and_several_errors_at_once() {
    let single = json!({
        "type": "LearnerPathway", "version": 1,
        "id": "urn:p:one", "name": "One",
        "goal": {"kind": "degree-credit", "issuer": {"name": "U", "url": "https://u.example"}, "requestUrl": "https://u.example/req"},
        "requirements": {"all": [leaf_id("a"), {"nOf": 1, "of": [leaf_id("b")], "label": "B"}]}
    });
    let p = parse_pathways(&single.to_string()).unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].pointer, "");
    assert_eq!(p[0].goal.kind, GoalKind::DegreeCredit);
    assert_eq!(
        p[0].goal.request_url.as_deref(),
        Some("https://u.example/req")
    );
    assert_eq!(p[0].requirements.path, "requirements");

    let mut bad = single.clone();
    bad["requirements"] =
        json!({"all": [{"any": []}, {"nOf": 5, "of": [leaf_id("b")]}, {"tag": "x"}]});
    bad["colour"] = json!("red");
    let errors = errors_of(&bad.to_string());
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "colour",
            "requirements.all[0].any",
            "requirements.all[1].nOf",
            "requirements.all[2]"
        ]
    );
    // Display includes the file name when loading several files.
    let e = load(&[("a.json", &bad.to_string())]).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "a.json: colour: unknown key \"colour\" (allowed here: type, version, id, name, description, goal, requirements)"
    );
}

#[test]
fn load_checks_references_across_files() {
    let a = json!({"type": "LearnerPathway", "version": 1, "id": "urn:p:a", "name": "A",
        "goal": {"kind": "diploma", "issuer": {"name": "U"}}, "requirements": {"pathway": "urn:p:b"}})
    .to_string();
    let b = json!({"type": "LearnerPathway", "version": 1, "id": "urn:p:b", "name": "B",
        "goal": {"kind": "certificate", "issuer": {"name": "U"}}, "requirements": leaf_id("x")})
    .to_string();
    assert_eq!(load(&[("a.json", &a), ("b.json", &b)]).unwrap().len(), 2);
    let e = load(&[("a.json", &a)]).unwrap_err();
    assert_eq!(e[0].kind, ErrorKind::UnknownPathway);
    assert_eq!(
        e[0].to_string(),
        "a.json: requirements.pathway: unknown pathway \"urn:p:b\""
    );
    let e = load(&[("a.json", &a), ("b.json", &b), ("b2.json", &b)]).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "b2.json: id: duplicate pathway id \"urn:p:b\" (also at b.json: the file)"
    );
}

#[test]
fn index_file() {
    assert_eq!(
        parse_index(Lang::En, r#"{"files": ["a.json", "b.json"], "note": "x"}"#).unwrap(),
        ["a.json", "b.json"]
    );
    assert!(parse_index(Lang::En, r#"{"files": ["../etc/passwd"]}"#).is_err());
    assert!(parse_index(Lang::En, r#"{"files": [3]}"#).is_err());
    assert!(parse_index(Lang::En, r#"{}"#).is_err());
    assert!(parse_index(Lang::En, "nope").is_err());
}

// ---------------------------------------------------------------- next steps

#[test]
fn next_steps_rank_nearest_goal_then_shared_steps() {
    let shared = || json!({"label": "Shared", "match": {"achievementId": "ach:shared"}, "hint": {"text": "Take Shared", "url": "https://x.example/shared"}});
    let pathways = parse_ok(vec![
        // Needs 1 more: "near".
        pathway_json(
            "urn:p:near",
            json!({"all": [leaf_id("a"), leaf_id("near")]}),
        ),
        // Needs 2 more: "shared" and "far".
        pathway_json("urn:p:mid", json!({"all": [shared(), leaf_id("far")]})),
        // Needs 2 more: "shared" and one of x/y.
        pathway_json(
            "urn:p:mid2",
            json!({"all": [shared(), {"any": [leaf_id("x"), leaf_id("y")]}]}),
        ),
        // Complete: no steps.
        pathway_json("urn:p:done", leaf_id("a")),
        // Needs 3: b, c, and the whole of "near" (1) through a reference.
        pathway_json(
            "urn:p:big",
            json!({"all": [leaf_id("b"), leaf_id("c"), {"pathway": "urn:p:near"}]}),
        ),
    ]);
    let progress = evaluate(Lang::En, &pathways, &[item("a")], NOW);
    let steps = next_steps(&progress);
    let summary: Vec<(&str, usize, Vec<&str>)> = steps
        .iter()
        .map(|s| {
            (
                s.label.as_str(),
                s.remaining,
                s.advances.iter().map(|a| a.pathway_id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("near", 1, vec!["urn:p:near", "urn:p:big"]),
            ("Shared", 2, vec!["urn:p:mid", "urn:p:mid2"]),
            ("far", 2, vec!["urn:p:mid"]),
            ("x", 2, vec!["urn:p:mid2"]),
            ("y", 2, vec!["urn:p:mid2"]),
            ("b", 3, vec!["urn:p:big"]),
            ("c", 3, vec!["urn:p:big"]),
        ]
    );
    assert_eq!(
        steps[1].hint.as_ref().unwrap().url.as_deref(),
        Some("https://x.example/shared")
    );
    assert_eq!(steps[0].path, "requirements.all[1]");
    assert_eq!(steps[0].pathway_id, "urn:p:near");
}

#[test]
fn next_steps_only_follow_cheapest_routes() {
    // Any of: one leaf, or a group of three: only the single leaf is listed.
    let pathways = parse_ok(vec![pathway_json(
        "urn:p:a",
        json!({"any": [leaf_id("quick"), {"all": [leaf_id("l1"), leaf_id("l2"), leaf_id("l3")]}]}),
    )]);
    let steps = next_steps(&evaluate(Lang::En, &pathways, &[], NOW));
    assert_eq!(
        steps.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(),
        ["quick"]
    );
    // 2 of 4 with one met: the three missing ones are alternatives.
    let pathways = parse_ok(vec![pathway_json(
        "urn:p:b",
        json!({"nOf": 2, "of": [leaf_id("a"), leaf_id("b"), leaf_id("c"), leaf_id("d")]}),
    )]);
    let progress = evaluate(Lang::En, &pathways, &[item("a")], NOW);
    assert_eq!(progress[0].remaining, Some(1));
    let steps = next_steps(&progress);
    assert_eq!(
        steps.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(),
        ["b", "c", "d"]
    );
    // A step for an unmet leaf whose only credential is used by a sibling.
    let pathways = parse_ok(vec![pathway_json(
        "urn:p:c",
        json!({"all": [{"label": "t1", "match": {"tag": "t"}}, {"label": "t2", "match": {"tag": "t"}}]}),
    )]);
    let steps = next_steps(&evaluate(
        Lang::En,
        &pathways,
        &[tagged("one", &["t"])],
        NOW,
    ));
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].label, "t2");
}

#[test]
fn progress_serializes_for_the_shell() {
    let p = eval_one(json!({"all": [leaf_id("a"), leaf_id("b")]}), &[item("a")]);
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["unitsMet"], 1);
    assert_eq!(v["unitsNeeded"], 2);
    assert_eq!(v["root"]["children"][0]["filledBy"], 0);
    assert_eq!(v["goal"]["kind"], "certificate");
}

// ---------------------------------------------------------------- pathways in a share link

fn shared_round_trip(p: &[Pathway]) -> Vec<Pathway> {
    let refs: Vec<&Pathway> = p.iter().collect();
    from_shared(Lang::En, &to_shared(&refs)).unwrap()
}

#[test]
fn shared_pathways_keep_conditions_and_force_verification() {
    let p = parse_ok(vec![pathway_json(
        "urn:p:one",
        json!({"all": [
            {"label": "A", "match": {"achievementId": "ach:a"}, "conditions": {"verified": false}},
            {"label": "B", "match": {"achievementId": "ach:b"}, "conditions": {"unexpired": false}},
            {"match": {"tag": "c"}, "conditions": {"issuedAfter": "2024-01-01"}},
        ]}),
    )]);
    let items = vec![
        with(item("a"), |i| i.status = Status::Unverified),
        with(item("b"), |i| i.expires = Some("2025-01-01".into())),
        with(tagged("c", &["c"]), |i| {
            i.issued = Some("2023-05-05".into())
        }),
    ];
    // The sender's copy lets the unverified credential count; a share does not.
    let before = evaluate(Lang::En, &p, &items, NOW).remove(0);
    assert_eq!(before.root.children[0].filled_by, Some(0));
    let back = shared_round_trip(&p);
    let after = evaluate(Lang::En, &back, &items, NOW).remove(0);
    let a = &after.root.children[0];
    assert_eq!(a.filled_by, None);
    assert_eq!(a.not_counted[0].reasons, ["not verified yet"]);
    // `unexpired: false` and `issuedAfter` are kept.
    assert_eq!(
        after.root.children[1].filled_by,
        Some(1),
        "expired still counts"
    );
    let c = &after.root.children[2];
    assert_eq!(c.filled_by, None);
    assert_eq!(c.not_counted[0].reasons, ["issued before 2024-01-01"]);
    assert_eq!(
        c.label, before.root.children[2].label,
        "unlabelled leaves describe their match"
    );
    assert_eq!(after.fraction(), "1/3");
}

#[test]
fn shared_pathways_refuse_bad_values_with_clear_messages() {
    let ok = parse_ok(vec![pathway_json("urn:p:one", leaf_id("a"))]);
    let good = to_shared(&ok.iter().collect::<Vec<_>>());
    assert!(from_shared(Lang::En, &good).is_ok());

    let msg = |v: Value| from_shared(Lang::En, &v).unwrap_err().to_string();
    assert!(msg(json!("hello")).starts_with("the pathway data is not valid"));
    assert!(msg(json!(null)).contains("must be an object"));
    assert!(msg(json!([1, 2])).contains("must be an object"));
    let mut v = good.clone();
    v["version"] = json!(2);
    assert!(msg(v).contains("unsupported version 2"));
    let mut v = good.clone();
    v["pathways"][0]["requirements"] = json!({"nOf": 5, "of": [leaf_id("a")]});
    let m = msg(v);
    assert!(m.contains("pathways[0].requirements.nOf"), "{m}");
    let mut v = good.clone();
    v["pathways"][0]["script"] = json!("<img src=x onerror=alert(1)>");
    assert!(msg(v).contains("unknown key \"script\""));
    let mut v = good.clone();
    v["pathways"][0]["name"] = json!("x".repeat(MAX_SHARED_BYTES));
    assert!(matches!(
        from_shared(Lang::En, &v),
        Err(SharedError::TooLarge { .. })
    ));
    assert!(msg(v).contains("too large"));
    let many: Vec<Value> = (0..MAX_SHARED_PATHWAYS + 1)
        .map(|i| pathway_json(&format!("urn:p:{i}"), leaf_id("a")))
        .collect();
    let v = json!({"type": "LearnerPathway", "version": 1, "pathways": many});
    assert_eq!(
        from_shared(Lang::En, &v),
        Err(SharedError::TooMany {
            count: MAX_SHARED_PATHWAYS + 1,
            lang: Lang::En
        })
    );
    // Several problems: the first one, and how many more.
    let mut v = good.clone();
    v["pathways"][0]["id"] = json!("not a uri");
    v["pathways"][0]["goal"]["kind"] = json!("castle");
    let m = msg(v);
    assert_eq!(
        m,
        "the pathway data is not valid (pathways[0].id: \"id\" must be a URI, not \"not a uri\"; 1 more problem)"
    );
    let mut v = good.clone();
    v["pathways"][0]["id"] = json!("not a uri");
    assert_eq!(
        from_shared(Lang::Fr, &v).unwrap_err().to_string(),
        "les données de parcours ne sont pas valides (pathways[0].id\u{a0}: «\u{202f}id\u{202f}» doit être une URI, pas «\u{202f}not a uri\u{202f}»)"
    );
    v["pathways"][0]["goal"]["kind"] = json!("castle");
    assert!(
        from_shared(Lang::Fr, &v)
            .unwrap_err()
            .to_string()
            .ends_with("\u{202f}; 1 autre problème)")
    );
    // Deep nesting: refused or read, never a panic.
    let mut deep = leaf_id("a");
    for _ in 0..200 {
        deep = json!({"all": [deep]});
    }
    let mut v = good;
    v["pathways"][0]["requirements"] = deep;
    let _ = from_shared(Lang::En, &v);
}
