//! Shared by the interop test and the differential judge
//! (`examples/judge.rs`): how the wallet reads and verifies one document with
//! nothing resolved and no trusted issuer, and which message explains it.
#![allow(dead_code)]

use std::collections::HashMap;

use wallet_verify::{Check, Outcome, Report, VerifyContext, verify};

/// The wallet's verdict on one document's text.
pub enum Verdict {
    /// The wallet would not import it (`wallet_core::parse_credential` refused it).
    ParseError(String),
    Report(Report),
}

/// Parses `text` as the app does and verifies it at `now` (skew 300 s),
/// offline and with an empty trusted list.
pub fn verdict(text: &str, now: &str) -> Verdict {
    let cred = match wallet_core::parse_credential(text) {
        Ok(c) => c,
        Err(e) => return Verdict::ParseError(e.to_string()),
    };
    let resolved = HashMap::new();
    let ctx = VerifyContext {
        now,
        skew_seconds: 300,
        resolved: &resolved,
        trusted_issuers: &[],
    };
    Verdict::Report(verify(&cred, &ctx))
}

impl Verdict {
    /// The card status, or `parse-error`.
    pub fn status(&self) -> &'static str {
        match self {
            Verdict::ParseError(_) => "parse-error",
            Verdict::Report(r) => r.status.as_str(),
        }
    }

    /// The first failing check (else a signature that was not checked) as
    /// `id: message`; empty when nothing failed.
    pub fn why(&self) -> String {
        match self {
            Verdict::ParseError(e) => e.clone(),
            Verdict::Report(r) => r
                .checks
                .iter()
                .find(|c| c.outcome == Outcome::Fail)
                .or_else(|| {
                    r.checks
                        .iter()
                        .find(|c| c.outcome == Outcome::NotChecked && c.id == "signature")
                })
                .map(|c| format!("{}: {}", c.id, c.message))
                .unwrap_or_default(),
        }
    }

    /// The signature check, when the document got that far.
    pub fn signature(&self) -> Option<&Check> {
        match self {
            Verdict::ParseError(_) => None,
            Verdict::Report(r) => r.check("signature"),
        }
    }
}
