//! The pathway engine in WebAssembly (wasm-bindgen-test-runner under node):
//! the bundled pathways give the same progress as natively, and the timing
//! of 100 pathways against 1,000 credentials (goal: ≤ 20 ms).
//! Run: `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!       cargo test --release -p wallet-pathways --target wasm32-unknown-unknown --test wasm -- --nocapture`
#![cfg(target_arch = "wasm32")]

mod common;

use wallet_i18n::Lang;
use wallet_pathways::{Item, Progress, evaluate, load, next_steps};
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

use common::workload;

#[wasm_bindgen_test]
fn bundled_pathways_in_wasm() {
    let files = [
        (
            "northfield-data-analytics.json",
            include_str!("../../public/pathways/northfield-data-analytics.json"),
        ),
        (
            "harbor-logistics.json",
            include_str!("../../public/pathways/harbor-logistics.json"),
        ),
        (
            "codebridge-full-stack.json",
            include_str!("../../public/pathways/codebridge-full-stack.json"),
        ),
        (
            "northfield-digital-skills-diploma.json",
            include_str!("../../public/pathways/northfield-digital-skills-diploma.json"),
        ),
    ];
    let pathways = load(&files).unwrap();
    let demo = [
        include_str!("../../public/demo/01-intro-to-sql.json"),
        include_str!("../../public/demo/02-python-data-analysis.json"),
        include_str!("../../public/demo/03-data-visualization.json"),
        include_str!("../../public/demo/04-workplace-safety-induction.json"),
        include_str!("../../public/demo/05-cloud-practitioner-essentials.jwt"),
        include_str!("../../public/demo/06-agile-project-fundamentals.json"),
        include_str!("../../public/demo/07-full-stack-web-capstone.json"),
        include_str!("../../public/demo/08-git-and-collaboration.json"),
        include_str!("../../public/demo/09-accessible-web-design.json"),
        include_str!("../../public/demo/10-data-ethics-and-privacy.json"),
    ];
    let items: Vec<Item> = demo
        .iter()
        .map(|t| {
            Item::from_credential(
                &wallet_core::parse_credential(t).unwrap(),
                wallet_pathways::Status::Verified,
            )
        })
        .collect();
    let progress = evaluate(Lang::En, &pathways, &items, "2025-06-01T12:00:00Z");
    let fractions: Vec<String> = progress.iter().map(Progress::fraction).collect();
    assert_eq!(fractions, ["3/3", "2/4", "2/4", "4/5", "2/3"]);
    assert_eq!(next_steps(&progress)[0].label, "Web Security Fundamentals");
}

#[wasm_bindgen_test]
fn speed_100_pathways_1000_credentials() {
    let items = workload::items(1000);
    let pathways = workload::pathways(100);
    let now = "2025-06-01T00:00:00Z";
    let runs = 20;
    let mut ms: Vec<f64> = Vec::with_capacity(runs);
    let mut steps_ms: Vec<f64> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = js_sys::Date::now();
        let progress = evaluate(Lang::En, &pathways, &items, now);
        let t2 = js_sys::Date::now();
        let steps = next_steps(&progress);
        steps_ms.push(js_sys::Date::now() - t2);
        ms.push(t2 - t);
        assert!(!steps.is_empty());
    }
    ms.sort_by(f64::total_cmp);
    steps_ms.sort_by(f64::total_cmp);
    console_log!(
        "wasm: evaluate 100 pathways x 1000 credentials: min {} ms, median {} ms, max {} ms; next_steps median {} ms",
        ms[0],
        ms[runs / 2],
        ms[runs - 1],
        steps_ms[runs / 2]
    );
}
