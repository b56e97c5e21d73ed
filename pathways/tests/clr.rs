//! A Comprehensive Learner Record's nested achievements count toward pathways like any other
//! credential, each by its own verification status (`item::items_of`), never the CLR's.
//! The CLR fixture (`tests/fixtures/clr/`) nests three badges that match three requirements of
//! the bundled CodeBridge pathway.

use std::path::Path;

use wallet_i18n::Lang;
use wallet_pathways::item::{items_of, nested_owner, stored_owner};
use wallet_pathways::{Item, Status, evaluate, load};

const NOW: &str = "2025-06-01T12:00:00Z";

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn codebridge() -> Vec<wallet_pathways::Pathway> {
    let text =
        std::fs::read_to_string(root().join("public/pathways/codebridge-full-stack.json")).unwrap();
    load(&[("codebridge-full-stack.json", text.as_str())]).unwrap()
}

fn clr_items(status: &str, nested: &[&str]) -> Vec<Item> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/clr/clr-valid.json")).unwrap();
    let c = wallet_core::parse_credential(&text).unwrap();
    let nested: Vec<Status> = nested.iter().map(|s| Status::parse(s)).collect();
    items_of(&c, Status::parse(status), &nested)
}

/// The labels of the top-level requirements met.
fn met(items: &[Item]) -> Vec<String> {
    let p = evaluate(Lang::En, &codebridge(), items, NOW);
    p[0].root
        .children
        .iter()
        .filter(|n| n.met)
        .map(|n| n.label.clone())
        .collect()
}

#[test]
fn nested_items_are_derived_not_stored() {
    let items = clr_items("verified", &["verified", "invalid", "pending"]);
    assert_eq!(items.len(), 4, "the CLR and its three nested credentials");
    assert_eq!(
        items[0].local_id,
        "urn:uuid:c1a00000-0000-4000-8000-000000000001"
    );
    assert_eq!(items[0].status, Status::Verified);
    for (i, it) in items[1..].iter().enumerate() {
        assert_eq!(
            nested_owner(&it.local_id),
            Some((i, items[0].local_id.as_str()))
        );
        assert_eq!(stored_owner(&it.local_id), items[0].local_id);
    }
    let statuses: Vec<&Status> = items[1..].iter().map(|i| &i.status).collect();
    assert_eq!(
        statuses,
        [&Status::Verified, &Status::Invalid, &Status::Pending]
    );
    assert_eq!(
        items[1].achievement_ids,
        ["https://demo.example.org/codebridge/achievements/full-stack-web-capstone"]
    );
    assert_eq!(stored_owner("urn:uuid:x"), "urn:uuid:x");
}

#[test]
fn nested_statuses_decide_what_counts() {
    let all = [
        "Full-Stack Web Capstone",
        "Git & Collaboration (2024 syllabus or later)",
        "Accessible web design",
    ];
    let cases: Vec<(&str, &str, Vec<&str>, Vec<&str>)> = vec![
        (
            "all verified",
            "verified",
            vec!["verified"; 3],
            all.to_vec(),
        ),
        (
            "one forged",
            "verified",
            vec!["verified", "invalid", "verified"],
            vec![all[0], all[2]],
        ),
        (
            "one revoked",
            "verified",
            vec!["revoked", "verified", "verified"],
            vec![all[1], all[2]],
        ),
        // The CLR's own status lends nothing: nested not checked yet count for nothing.
        ("not checked yet", "verified", vec![], vec![]),
        // A broken CLR does not take away what its nested credentials prove on their own.
        ("CLR invalid", "invalid", vec!["verified"; 3], all.to_vec()),
    ];
    for (name, clr, nested, want) in cases {
        assert_eq!(met(&clr_items(clr, &nested)), want, "{name}");
    }
}
