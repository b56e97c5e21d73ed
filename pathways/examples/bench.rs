//! Evaluation speed: 100 pathways against 1,000 credentials.
//! Run: `cargo run --release -p wallet-pathways --example bench`

#[path = "../tests/common/workload.rs"]
mod workload;

use std::time::Instant;

use wallet_i18n::Lang;
use wallet_pathways::{evaluate, next_steps};

fn main() {
    let items = workload::items(1000);
    let pathways = workload::pathways(100);
    let leaves: usize = pathways.iter().map(|p| count_leaves(&p.requirements)).sum();
    let now = "2025-06-01T00:00:00Z";
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(50)
        .max(1);
    let mut eval_ms = Vec::with_capacity(runs);
    let mut next_ms = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let progress = evaluate(Lang::En, &pathways, &items, now);
        eval_ms.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let steps = next_steps(&progress);
        next_ms.push(t.elapsed().as_secs_f64() * 1e3);
        last = Some((progress, steps));
    }
    let (progress, steps) = last.unwrap();
    // CPU time (excludes time waiting for a core on a busy machine).
    let cpu0 = cpu_ms();
    let t = Instant::now();
    for _ in 0..runs {
        drop(evaluate(Lang::En, &pathways, &items, now));
    }
    let wall = t.elapsed().as_secs_f64() * 1e3 / runs as f64;
    let cpu = cpu_ms().zip(cpu0).map(|(b, a)| (b - a) / runs as f64);
    let mut index_ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let ix = wallet_pathways::item::Index::for_pathways(&items, &pathways);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            drop(ix);
            ms
        })
        .collect();
    index_ms.sort_by(f64::total_cmp);
    let complete = progress.iter().filter(|p| p.complete).count();
    fn sizes(n: &wallet_pathways::NodeProgress) -> (usize, usize) {
        n.children
            .iter()
            .map(sizes)
            .fold((n.counting.len(), n.not_counted.len()), |a, b| {
                (a.0 + b.0, a.1 + b.1)
            })
    }
    let (counting, blocked) = progress
        .iter()
        .map(|p| sizes(&p.root))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("matches per evaluation: {counting} counting, {blocked} not counting");
    eval_ms.sort_by(f64::total_cmp);
    next_ms.sort_by(f64::total_cmp);
    println!(
        "{} pathways ({leaves} leaves) x {} credentials: {complete} complete, {} next steps",
        pathways.len(),
        items.len(),
        steps.len()
    );
    println!(
        "evaluate:   min {:.2} ms, median {:.2} ms, max {:.2} ms ({runs} runs)",
        eval_ms[0],
        eval_ms[runs / 2],
        eval_ms[runs - 1]
    );
    if let Some(cpu) = cpu {
        println!("evaluate:   {cpu:.2} ms CPU per run ({wall:.2} ms wall) over {runs} more runs");
    }
    println!(
        "  of which building the credential index: median {:.2} ms",
        index_ms[runs / 2]
    );
    println!(
        "next_steps: min {:.2} ms, median {:.2} ms, max {:.2} ms",
        next_ms[0],
        next_ms[runs / 2],
        next_ms[runs - 1]
    );
}

fn count_leaves(n: &wallet_pathways::Node) -> usize {
    use wallet_pathways::NodeKind;
    match &n.kind {
        NodeKind::All(c) | NodeKind::Any(c) | NodeKind::NOf { of: c, .. } => {
            c.iter().map(count_leaves).sum()
        }
        _ => 1,
    }
}

/// User + system CPU time of this process, from `/proc/self/stat` (Linux).
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) * 10.0) // USER_HZ = 100
}
