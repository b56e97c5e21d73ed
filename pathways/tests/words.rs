//! What the views say about pathways (`wallet_pathways::words`): group tags, the engine's
//! default group labels, goal kinds, "Eligible — …", counts. Tables of cases.

use serde_json::json;
use wallet_i18n::Lang;
use wallet_pathways::words::{
    count, default_group_label, eligible_text, group_tag, has_default_label, kind_label,
    reference_count, requirements, shared_count,
};
use wallet_pathways::{
    Goal, GoalIssuer, GoalKind, NodeProgress, Progress, evaluate, parse_pathways,
};

fn node(kind: &str, label: &str, needed: usize, children: usize) -> NodeProgress {
    NodeProgress {
        path: "requirements".into(),
        kind: kind.into(),
        label: label.into(),
        met: false,
        units_met: 0,
        units_needed: needed,
        remaining: None,
        hint: None,
        children: (0..children).map(|_| node("match", "leaf", 1, 0)).collect(),
        filled_by: None,
        counting: vec![],
        not_counted: vec![],
        note: None,
        match_key: None,
        pathway_ref: None,
    }
}

#[test]
fn group_tags() {
    let cases = [
        (node("all", "All of", 3, 3), "All of", "Tous"),
        (
            node("any", "Any one of", 1, 4),
            "Any of",
            "Au moins un parmi",
        ),
        (node("nOf", "3 of", 3, 4), "3 of 4", "Au moins 3 parmi 4"),
        (
            node("nOf", "Pick two", 2, 5),
            "2 of 5",
            "Au moins 2 parmi 5",
        ),
        (node("all", "Core", 0, 0), "All of", "Tous"),
    ];
    for (n, en, fr) in cases {
        assert_eq!(group_tag(Lang::En, &n), en, "{n:?}");
        assert_eq!(group_tag(Lang::Fr, &n), fr, "{n:?}");
    }
}

#[test]
fn default_labels() {
    let cases = [
        (node("all", "All of", 3, 3), true),
        (node("all", "Core modules", 3, 3), false),
        (node("any", "Any one of", 1, 2), true),
        (node("any", "Any of", 1, 2), false),
        (node("nOf", "2 of", 2, 3), true),
        (node("nOf", "3 of", 2, 3), false),
        (node("nOf", "Two electives", 2, 3), false),
    ];
    for (n, want) in cases {
        assert_eq!(has_default_label(Lang::En, &n), want, "{n:?}");
    }
    assert_eq!(default_group_label(Lang::En, "nOf", 4), "4 of");
    assert_eq!(default_group_label(Lang::Fr, "nOf", 4), "Au moins 4 parmi");
    // A group evaluated in French has the French default label.
    assert!(has_default_label(
        Lang::Fr,
        &node("any", "Au moins un parmi", 1, 2)
    ));
    assert!(!has_default_label(
        Lang::Fr,
        &node("any", "Any one of", 1, 2)
    ));
}

#[test]
fn the_engine_gives_the_default_labels() {
    let file = json!({"type": "LearnerPathway", "version": 1, "pathways": [{
        "id": "urn:p:a", "name": "A",
        "goal": {"kind": "certificate", "issuer": {"name": "College"}},
        "requirements": {"all": [
            {"any": [{"match": {"achievementId": "ach:1"}}, {"match": {"achievementId": "ach:2"}}]},
            {"nOf": 2, "of": [{"match": {"achievementId": "ach:3"}}, {"match": {"achievementId": "ach:4"}}, {"match": {"achievementId": "ach:5"}}]},
            {"label": "Electives", "any": [{"match": {"achievementId": "ach:6"}}]}
        ]}
    }]});
    let p = parse_pathways(&file.to_string()).unwrap();
    for (lang, tags) in [
        (Lang::En, ["Any of", "2 of 3", "Any of"]),
        (
            Lang::Fr,
            [
                "Au moins un parmi",
                "Au moins 2 parmi 3",
                "Au moins un parmi",
            ],
        ),
    ] {
        let progress = evaluate(lang, &p, &[], "2025-06-01T00:00:00Z");
        let root = &progress[0].root;
        let defaults: Vec<bool> = std::iter::once(root)
            .chain(&root.children)
            .map(|n| has_default_label(lang, n))
            .collect();
        assert_eq!(defaults, vec![true, true, true, false], "{lang:?}");
        assert_eq!(
            root.children
                .iter()
                .map(|n| group_tag(lang, n))
                .collect::<Vec<_>>(),
            tags
        );
    }
}

fn goal(kind: GoalKind) -> Goal {
    Goal {
        kind,
        issuer: GoalIssuer {
            name: "Northfield College".into(),
            url: None,
        },
        request_url: None,
    }
}

#[test]
fn goal_kinds_and_eligibility() {
    let cases = [
        (
            GoalKind::Certificate,
            "Certificate",
            "Eligible — request your certificate from Northfield College",
            "Certificat",
            "Admissible — demandez votre certificat auprès de Northfield College",
        ),
        (
            GoalKind::Diploma,
            "Diploma",
            "Eligible — request your diploma from Northfield College",
            "Diplôme",
            "Admissible — demandez votre diplôme auprès de Northfield College",
        ),
        (
            GoalKind::DegreeCredit,
            "Degree credit",
            "Eligible — request your degree credit from Northfield College",
            "Crédits universitaires",
            "Admissible — demandez vos crédits universitaires auprès de Northfield College",
        ),
        (
            GoalKind::Job,
            "Job",
            "Eligible — apply to Northfield College",
            "Emploi",
            "Admissible — postulez auprès de Northfield College",
        ),
        (
            GoalKind::Other,
            "Goal",
            "Eligible — contact Northfield College",
            "Objectif",
            "Admissible — contactez Northfield College",
        ),
    ];
    for (kind, label, eligible, fr_label, fr_eligible) in cases {
        assert_eq!(kind_label(Lang::En, kind), label);
        assert_eq!(eligible_text(Lang::En, &goal(kind)), eligible);
        assert_eq!(kind_label(Lang::Fr, kind), fr_label);
        assert_eq!(eligible_text(Lang::Fr, &goal(kind)), fr_eligible);
    }
}

fn progress(met: usize, needed: usize, complete: bool) -> Progress {
    Progress {
        pathway_id: "urn:p:a".into(),
        name: "A".into(),
        description: None,
        goal: goal(GoalKind::Certificate),
        units_met: met,
        units_needed: needed,
        complete,
        remaining: Some(needed - met),
        root: node("all", "All of", needed, needed),
    }
}

#[test]
fn counts() {
    // French counts 0 as singular.
    for (n, en, fr) in [
        (0, "0 requirements", "0 exigence"),
        (1, "1 requirement", "1 exigence"),
        (2, "2 requirements", "2 exigences"),
    ] {
        assert_eq!(requirements(Lang::En, n), en);
        assert_eq!(requirements(Lang::Fr, n), fr);
    }
    let cases = [
        (
            progress(2, 3, false),
            "2 of 3 requirements met",
            "2 of 3",
            "2 exigences remplies sur 3",
            "2 sur 3",
        ),
        (
            progress(0, 1, false),
            "0 of 1 requirement met",
            "0 of 1",
            "0 exigence remplie sur 1",
            "0 sur 1",
        ),
        (
            progress(0, 2, false),
            "0 of 2 requirements met",
            "0 of 2",
            "0 exigence remplie sur 2",
            "0 sur 2",
        ),
        (
            progress(3, 3, true),
            "Complete: 3 of 3 requirements met",
            "complete",
            "Terminé\u{a0}: 3 exigences remplies sur 3",
            "terminé",
        ),
        (
            progress(1, 1, true),
            "Complete: 1 of 1 requirement met",
            "complete",
            "Terminé\u{a0}: 1 exigence remplie sur 1",
            "terminé",
        ),
    ];
    for (p, shared, reference, fr_shared, fr_reference) in cases {
        assert_eq!(shared_count(Lang::En, &p), shared);
        assert_eq!(reference_count(Lang::En, &p), reference);
        assert_eq!(shared_count(Lang::Fr, &p), fr_shared);
        assert_eq!(reference_count(Lang::Fr, &p), fr_reference);
    }
    assert_eq!(count(Lang::En, 1, 4), "1 of 4");
    assert_eq!(count(Lang::Fr, 1, 4), "1 sur 4");
}
