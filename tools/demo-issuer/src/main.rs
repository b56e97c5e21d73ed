//! `cargo run -p demo-issuer -- --out public/demo`
//!
//! Regenerates the DEMO ONLY credentials. Output is deterministic.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" | "-o" => out = args.next().map(PathBuf::from),
            "--help" | "-h" => {
                println!(
                    "usage: demo-issuer --out <dir>\n\nWrites the DEMO ONLY credentials and index.json into <dir>."
                );
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("demo-issuer: unknown argument {other:?} (try --help)");
                return ExitCode::from(2);
            }
        }
    }
    let Some(out) = out else {
        eprintln!("demo-issuer: missing --out <dir>");
        return ExitCode::from(2);
    };
    match demo_issuer::write_all(&out) {
        Ok(names) => {
            for n in &names {
                println!("wrote {}", out.join(n).display());
            }
            println!("DEMO ONLY: these credentials are signed/issued with publicly known keys.");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("demo-issuer: cannot write to {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
