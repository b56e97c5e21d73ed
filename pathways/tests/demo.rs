//! The bundled pathways (`public/pathways/`) against the demo credentials
//! (`public/demo/`), parsed with `wallet_core::parse_credential`.

use std::path::Path;

use wallet_i18n::Lang;
use wallet_pathways::{Item, Progress, evaluate, load, next_steps, parse_index};

const NOW: &str = "2025-06-01T12:00:00Z";
const DA: &str = "https://demo.example.org/pathways/northfield/data-analytics-certificate";
const CLOUD: &str = "https://demo.example.org/pathways/harbor-logistics/cloud-practitioner";
const PM: &str =
    "https://demo.example.org/pathways/harbor-logistics/project-management-foundations";
const FS: &str = "https://demo.example.org/pathways/codebridge/full-stack-developer";
const DIPLOMA: &str =
    "https://demo.example.org/pathways/northfield/professional-diploma-digital-skills";

fn public() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"))
}

fn bundled() -> Vec<wallet_pathways::Pathway> {
    let dir = public().join("pathways");
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap();
    let names = parse_index(Lang::En, &index).unwrap();
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|n| (n.clone(), std::fs::read_to_string(dir.join(n)).unwrap()))
        .collect();
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    match load(&files) {
        Ok(p) => p,
        Err(e) => panic!(
            "{}",
            e.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn demo_items(status: &str) -> Vec<Item> {
    let dir = public().join("demo");
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    index["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(dir.join(f.as_str().unwrap())).unwrap();
            let c = wallet_core::parse_credential(&text).unwrap();
            // A CLR's nested credentials are items too, with the same status here.
            let status = wallet_pathways::Status::parse(status);
            let nested = vec![status.clone(); c.clr.as_ref().map_or(0, |r| r.nested.len())];
            wallet_pathways::item::items_of(&c, status, &nested)
        })
        .collect()
}

fn by_id<'a>(p: &'a [Progress], id: &str) -> &'a Progress {
    p.iter().find(|p| p.pathway_id == id).unwrap()
}

fn node<'a>(p: &'a Progress, label: &str) -> &'a wallet_pathways::NodeProgress {
    fn find<'a>(
        n: &'a wallet_pathways::NodeProgress,
        label: &str,
    ) -> Option<&'a wallet_pathways::NodeProgress> {
        if n.label == label {
            return Some(n);
        }
        n.children.iter().find_map(|c| find(c, label))
    }
    find(&p.root, label).unwrap_or_else(|| panic!("no node {label:?} in {}", p.name))
}

#[test]
fn bundled_pathways_load() {
    let p = bundled();
    assert_eq!(p.len(), 5);
    assert_eq!(
        p.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        [DA, CLOUD, PM, FS, DIPLOMA]
    );
}

#[test]
fn demo_credentials_verified() {
    let pathways = bundled();
    let items = demo_items("verified");
    // 15 files; the transcript (15) nests copies of 01, 02 and 10.
    assert_eq!(items.len(), 18);
    assert_eq!(
        items[15..]
            .iter()
            .map(|i| i.copy_of.as_deref().unwrap())
            .collect::<Vec<_>>(),
        [&items[0].local_id, &items[1].local_id, &items[9].local_id]
    );
    let progress = evaluate(Lang::En, &pathways, &items, NOW);
    let summary: Vec<(String, String, bool, Option<usize>)> = progress
        .iter()
        .map(|p| (p.name.clone(), p.fraction(), p.complete, p.remaining))
        .collect();
    let expect = |name: &str, f: &str, complete: bool, remaining: usize| {
        (name.to_string(), f.to_string(), complete, Some(remaining))
    };
    assert_eq!(
        summary,
        [
            expect("Data Analytics Certificate", "3/3", true, 0),
            expect("Cloud Practitioner Path", "2/4", false, 2),
            expect("Project Management Foundations", "2/4", false, 2),
            expect("Full-Stack Developer Track", "4/5", false, 1),
            expect("Professional Diploma in Digital Skills", "2/3", false, 3),
        ]
    );

    // All four data courses count (3 needed).
    let da = by_id(&progress, DA);
    assert_eq!(da.root.children.iter().filter(|c| c.met).count(), 4);

    // The safety induction matches but expired.
    let cloud = by_id(&progress, CLOUD);
    let safety = node(cloud, "Current workplace safety induction");
    assert!(!safety.met);
    assert_eq!(safety.not_counted.len(), 1);
    assert_eq!(
        items[safety.not_counted[0].item].name,
        "Workplace Safety Induction"
    );
    assert_eq!(safety.not_counted[0].reasons, ["expired on 2024-03-06"]);
    assert!(node(cloud, "One tooling skill").met);

    // PM: the collaboration group is met with two different credentials.
    let pm = by_id(&progress, PM);
    let collab = node(pm, "Collaboration (two of three)");
    assert!(collab.met);
    let teamwork = node(pm, "Teamwork").filled_by.unwrap();
    let vc = node(pm, "Version control").filled_by.unwrap();
    assert_ne!(teamwork, vc);
    assert_eq!(items[vc].name, "Git & Collaboration");

    // Full-stack: SQL (2023) is too old for the data layer; Python (2024) fills it.
    let fs = by_id(&progress, FS);
    let sql = node(fs, "SQL (since 2024)");
    assert!(sql.met);
    assert_eq!(
        items[sql.filled_by.unwrap()].name,
        "Python for Data Analysis"
    );
    assert_eq!(sql.not_counted.len(), 1);
    assert_eq!(sql.not_counted[0].reasons, ["issued before 2024-01-01"]);
    assert!(node(fs, "Git & Collaboration (2024 syllabus or later)").met);

    // The diploma stacks the certificate.
    let dip = by_id(&progress, DIPLOMA);
    assert!(node(dip, "Data Analytics Certificate").met);
    let spec = node(dip, "Two specialist certificates");
    assert_eq!(
        (spec.units_met, spec.units_needed, spec.remaining),
        (0, 2, Some(3))
    );

    // Next steps: Web Security advances the full-stack track and the diploma.
    let steps = next_steps(&progress);
    let first = &steps[0];
    assert_eq!(first.label, "Web Security Fundamentals");
    assert_eq!(first.remaining, 1);
    assert_eq!(
        first
            .advances
            .iter()
            .map(|a| a.pathway_id.as_str())
            .collect::<Vec<_>>(),
        [FS, DIPLOMA]
    );
    assert_eq!(
        first.hint.as_ref().unwrap().url.as_deref(),
        Some("https://demo.example.org/codebridge/courses/web-security")
    );
    let labels: Vec<&str> = steps.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Web Security Fundamentals",
            "Cloud Security Basics",
            "Current workplace safety induction",
            "Project planning tools",
            "Risk Management Essentials",
        ]
    );
    assert!(
        steps[1..]
            .iter()
            .all(|s| s.remaining == 2 && s.advances.len() == 2)
    );
    let renew = &steps[2];
    assert_eq!(renew.not_counted[0].reasons, ["expired on 2024-03-06"]);
    // Nothing from the complete certificate.
    assert!(
        steps
            .iter()
            .all(|s| s.advances.iter().all(|a| a.pathway_id != DA))
    );
}

#[test]
fn demo_credentials_unverified_count_for_nothing() {
    let pathways = bundled();
    let items = demo_items("unverified");
    let progress = evaluate(Lang::En, &pathways, &items, NOW);
    let fractions: Vec<String> = progress.iter().map(Progress::fraction).collect();
    assert_eq!(fractions, ["0/3", "0/4", "0/4", "0/5", "0/3"]);
    assert!(progress.iter().all(|p| !p.complete));
    let da = by_id(&progress, DA);
    for leaf in &da.root.children {
        assert!(!leaf.met);
        assert_eq!(leaf.not_counted.len(), 1, "{}", leaf.label);
        assert_eq!(leaf.not_counted[0].reasons, ["not verified yet"]);
    }
    // The expired one gives both reasons.
    let safety = node(
        by_id(&progress, CLOUD),
        "Current workplace safety induction",
    );
    assert_eq!(
        safety.not_counted[0].reasons,
        ["not verified yet", "expired on 2024-03-06"]
    );
    // The too-old SQL course: unverified and too old.
    let sql = node(by_id(&progress, FS), "SQL (since 2024)");
    let sql_course = sql
        .not_counted
        .iter()
        .find(|n| items[n.item].name == "Introduction to SQL")
        .unwrap();
    assert_eq!(
        sql_course.reasons,
        ["not verified yet", "issued before 2024-01-01"]
    );
    // Next steps point at the matching credentials that only need verifying.
    let steps = next_steps(&progress);
    assert!(!steps.is_empty());
    let sql_step = steps
        .iter()
        .find(|s| s.label == "Introduction to SQL")
        .unwrap();
    assert_eq!(sql_step.not_counted[0].reasons, ["not verified yet"]);
}

// ---------------------------------------------------------------- pathways in a share link

/// Everything evaluation decides at a node (group labels are not shared, so not compared).
fn same_outcome(a: &wallet_pathways::NodeProgress, b: &wallet_pathways::NodeProgress, at: &str) {
    let at = format!("{at}/{}", a.path);
    assert_eq!(a.path, b.path, "{at}");
    assert_eq!(a.kind, b.kind, "{at}");
    assert_eq!(
        (a.met, a.units_met, a.units_needed, a.remaining),
        (b.met, b.units_met, b.units_needed, b.remaining),
        "{at}"
    );
    assert_eq!(a.filled_by, b.filled_by, "{at}");
    assert_eq!(a.counting, b.counting, "{at}");
    assert_eq!(a.not_counted, b.not_counted, "{at}");
    if a.kind == "match" {
        assert_eq!(a.label, b.label, "{at}: leaf labels are shared");
    }
    assert_eq!(a.children.len(), b.children.len(), "{at}");
    for (x, y) in a.children.iter().zip(&b.children) {
        same_outcome(x, y, &at);
    }
}

#[test]
fn shared_pathways_recompute_the_same_progress() {
    let all = bundled();
    for status in ["verified", "unverified"] {
        let items = demo_items(status);
        let full = evaluate(Lang::En, &all, &items, NOW);
        for p in &all {
            let picked = wallet_pathways::closure(&all, &[p.id.as_str()]);
            assert_eq!(picked[0].id, p.id, "the chosen pathway comes first");
            let value = wallet_pathways::to_shared(&picked);
            let text = value.to_string();
            for dropped in ["\"hint\"", "\"description\"", "requestUrl", "\"url\""] {
                assert!(!text.contains(dropped), "{dropped} is not shared: {text}");
            }
            let back = wallet_pathways::from_shared(Lang::En, &value).unwrap();
            assert_eq!(back.len(), picked.len());
            let shared = evaluate(Lang::En, &back, &items, NOW);
            for s in &shared {
                let f = by_id(&full, &s.pathway_id);
                assert_eq!(s.name, f.name);
                assert_eq!(s.goal.kind, f.goal.kind);
                assert_eq!(s.goal.issuer.name, f.goal.issuer.name);
                assert_eq!(s.fraction(), f.fraction(), "{}", s.name);
                same_outcome(&s.root, &f.root, &s.name);
            }
        }
    }
}

#[test]
fn sharing_the_diploma_carries_what_it_builds_on() {
    let all = bundled();
    let picked = wallet_pathways::closure(&all, &[DIPLOMA]);
    let ids: Vec<&str> = picked.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, [DIPLOMA, DA, CLOUD, PM, FS]);
    // Shared without the pathways it refers to, it is refused with a clear reason.
    let alone = wallet_pathways::to_shared(&picked[..1]);
    let err = wallet_pathways::from_shared(Lang::En, &alone)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown pathway"), "{err}");
    // Two chosen pathways that share a dependency carry it once.
    let two = wallet_pathways::closure(&all, &[DA, DIPLOMA, DA]);
    assert_eq!(two.len(), 5);
    assert_eq!(two[0].id, DA);
    assert_eq!(two[1].id, DIPLOMA);
    // Unknown ids are skipped.
    assert!(wallet_pathways::closure(&all, &["urn:nope"]).is_empty());
}

/// What the share panel offers (`share_candidates`): the pathways the selected credentials
/// count toward, with the progress they alone give; a transcript brings its nested credentials.
#[test]
fn share_candidates_follow_the_selection() {
    let pathways = bundled();
    let items = demo_items("verified");
    let id = |name: &str| {
        items
            .iter()
            .find(|i| i.name == name && i.copy_of.is_none())
            .unwrap_or_else(|| panic!("no demo credential {name}"))
            .local_id
            .clone()
    };
    let offered = |ids: &[String]| -> Vec<(String, usize)> {
        wallet_pathways::share_candidates(&pathways, &items, ids, NOW)
            .into_iter()
            .map(|c| (c.id, c.units_met))
            .collect()
    };
    let sql = id("Introduction to SQL");
    let cloud = id("Cloud Practitioner Essentials");
    let transcript = id("Data Analytics Certificate — Learner Record");
    for (what, ids, has, has_not) in [
        ("nothing selected", vec![], vec![], vec![DA, CLOUD]),
        (
            "one SQL course",
            vec![sql.clone()],
            vec![(DA, 1)],
            vec![CLOUD],
        ),
        (
            "a cloud course",
            vec![cloud.clone()],
            vec![(CLOUD, 1)],
            vec![DA],
        ),
        (
            "the transcript: its three nested",
            vec![transcript],
            vec![(DA, 3)],
            vec![CLOUD],
        ),
        ("both", vec![sql, cloud], vec![(DA, 1), (CLOUD, 1)], vec![]),
    ] {
        let got = offered(&ids);
        for (p, met) in has {
            let units = got.iter().find(|(i, _)| i == p).map(|(_, u)| *u);
            assert_eq!(
                units,
                Some(met),
                "{what}: {p} offered with {met} met: {got:?}"
            );
        }
        for p in has_not {
            assert!(
                !got.iter().any(|(i, _)| i == p),
                "{what}: {p} not offered: {got:?}"
            );
        }
    }
}
