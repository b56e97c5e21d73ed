//! Verification of the credentials nested in a Comprehensive Learner Record 2.0.
//!
//! A CLR's own proof covers the whole transcript, nested credentials included, and says who
//! assembled it; it does not say that each nested credential is genuine (the CLR issuer may
//! have copied a forged or revoked badge). So every nested credential is verified on its own,
//! exactly as if it had been imported alone, and reported beside the CLR's own result:
//!
//! - the CLR's status is its own proof's status: a nested result never changes it (a valid
//!   nested badge does not make a broken CLR valid, and a revoked nested badge does not make
//!   the CLR revoked: it is shown against that achievement);
//! - at most [`wallet_core::clr::MAX_NESTED`] nested credentials (the core refuses a CLR with
//!   more), and one level only (the core never parses a CLR inside a CLR), so the work is at
//!   most that many ordinary verifications;
//! - an entry the core could not read is `unverified` with its reason, never `verified`.

use serde::Serialize;
use wallet_core::{ClrRecord, Nested};

use crate::{Outcome, Report, Source, Status, Verifier, VerifyContext};

/// The result of one nested credential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NestedReport {
    /// Position in the CLR's `verifiableCredential`.
    pub index: usize,
    /// The nested credential's local id (its `id`, else `sha256:` of its text), when read.
    pub local_id: Option<String>,
    /// Its display name, when read.
    pub name: Option<String>,
    /// Its own verification, independent of the CLR's.
    pub report: Report,
}

/// Verify every credential nested in `record`, each on its own (pure: same inputs, same
/// reports). Nested credentials never nest further (see the module header).
pub fn verify_nested(
    verifier: &Verifier,
    record: &ClrRecord,
    ctx: &VerifyContext<'_>,
) -> Vec<NestedReport> {
    record
        .nested
        .iter()
        .take(wallet_core::clr::MAX_NESTED)
        .enumerate()
        .map(|(index, n)| match n {
            Nested::Parsed(c) => NestedReport {
                index,
                local_id: Some(c.local_id.clone()),
                name: Some(c.name.clone()),
                report: verifier.verify_one(c, ctx),
            },
            Nested::Unreadable(why) => NestedReport {
                index,
                local_id: None,
                name: None,
                report: Report {
                    status: Status::Unverified,
                    checks: vec![crate::check(
                        "format",
                        Outcome::NotChecked,
                        wallet_core::text!("verify-clr-entry-unreadable", detail = why),
                    )],
                    proofs: Vec::new(),
                    source: Source::Presented,
                    endorsements: Vec::new(),
                    nested: Vec::new(),
                },
            },
        })
        .collect()
}
