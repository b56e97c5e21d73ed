//! What the views say about pathways (`wallet_pathways::words`): group tags, the engine's
//! default group labels, goal kinds, "Eligible — …", counts. Tables of cases.

use serde_json::json;
use wallet_pathways::words::{
    default_group_label, eligible_text, group_tag, has_default_label, kind_label, reference_count,
    requirements, shared_count,
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
        (node("all", "All of", 3, 3), "All of"),
        (node("any", "Any one of", 1, 4), "Any of"),
        (node("nOf", "3 of", 3, 4), "3 of 4"),
        (node("nOf", "Pick two", 2, 5), "2 of 5"),
        (node("all", "Core", 0, 0), "All of"),
    ];
    for (n, want) in cases {
        assert_eq!(group_tag(&n), want, "{n:?}");
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
        assert_eq!(has_default_label(&n), want, "{n:?}");
    }
    assert_eq!(default_group_label("nOf", 4), "4 of");
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
    let progress = evaluate(&p, &[], "2025-06-01T00:00:00Z");
    let root = &progress[0].root;
    let defaults: Vec<bool> = std::iter::once(root)
        .chain(&root.children)
        .map(has_default_label)
        .collect();
    assert_eq!(defaults, vec![true, true, true, false]);
    assert_eq!(
        root.children.iter().map(group_tag).collect::<Vec<_>>(),
        vec!["Any of", "2 of 3", "Any of"]
    );
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
        ),
        (
            GoalKind::Diploma,
            "Diploma",
            "Eligible — request your diploma from Northfield College",
        ),
        (
            GoalKind::DegreeCredit,
            "Degree credit",
            "Eligible — request your degree credit from Northfield College",
        ),
        (
            GoalKind::Job,
            "Job",
            "Eligible — apply to Northfield College",
        ),
        (
            GoalKind::Other,
            "Goal",
            "Eligible — contact Northfield College",
        ),
    ];
    for (kind, label, eligible) in cases {
        assert_eq!(kind_label(kind), label);
        assert_eq!(eligible_text(&goal(kind)), eligible);
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
    for (n, want) in [
        (0, "0 requirements"),
        (1, "1 requirement"),
        (2, "2 requirements"),
    ] {
        assert_eq!(requirements(n), want);
    }
    let cases = [
        (progress(2, 3, false), "2 of 3 requirements met", "2 of 3"),
        (progress(0, 1, false), "0 of 1 requirement met", "0 of 1"),
        (
            progress(3, 3, true),
            "Complete: 3 of 3 requirements met",
            "complete",
        ),
        (
            progress(1, 1, true),
            "Complete: 1 of 1 requirement met",
            "complete",
        ),
    ];
    for (p, shared, reference) in cases {
        assert_eq!(shared_count(&p), shared);
        assert_eq!(reference_count(&p), reference);
    }
}
