//! A verification report as the wallet stores and shows it (`reports` store, schema v2; the
//! employer's view keeps it in memory only). Made by the shell from `wallet_verify::Report`
//! (`src/report.rs`); pure here so that the stored JSON is pinned by native round-trip tests
//! (`core/tests/report.rs`): reports stored by earlier versions must read back identically.
//!
//! Outcomes and endorsement targets are typed, stored as exactly the texts earlier versions
//! wrote (`pass`, `not-checked`, `issuer`, …). A text this version does not know (a newer
//! wallet's) is kept as it is (`Other`), never an error: the report stays readable.

use serde::{Deserialize, Serialize};

use crate::status::Status;

/// The outcome of one check, stored as `pass`, `fail`, `not-checked` or `warn`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum CheckOutcome {
    Pass,
    Fail,
    NotChecked,
    Warn,
    /// A text this version does not know, kept as stored.
    Other(String),
}

impl CheckOutcome {
    pub fn as_str(&self) -> &str {
        match self {
            CheckOutcome::Pass => "pass",
            CheckOutcome::Fail => "fail",
            CheckOutcome::NotChecked => "not-checked",
            CheckOutcome::Warn => "warn",
            CheckOutcome::Other(s) => s,
        }
    }
}

impl From<String> for CheckOutcome {
    fn from(s: String) -> Self {
        match s.as_str() {
            "pass" => CheckOutcome::Pass,
            "fail" => CheckOutcome::Fail,
            "not-checked" => CheckOutcome::NotChecked,
            "warn" => CheckOutcome::Warn,
            _ => CheckOutcome::Other(s),
        }
    }
}

impl From<CheckOutcome> for String {
    fn from(o: CheckOutcome) -> Self {
        match o {
            CheckOutcome::Other(s) => s,
            o => o.as_str().to_string(),
        }
    }
}

impl std::fmt::Display for CheckOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an embedded endorsement endorses, stored as `credential`, `achievement`, `issuer` or
/// `subject`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum EndorsementTarget {
    Credential,
    Achievement,
    Issuer,
    Subject,
    /// A text this version does not know, kept as stored.
    Other(String),
}

impl EndorsementTarget {
    pub fn as_str(&self) -> &str {
        match self {
            EndorsementTarget::Credential => "credential",
            EndorsementTarget::Achievement => "achievement",
            EndorsementTarget::Issuer => "issuer",
            EndorsementTarget::Subject => "subject",
            EndorsementTarget::Other(s) => s,
        }
    }
}

impl From<String> for EndorsementTarget {
    fn from(s: String) -> Self {
        match s.as_str() {
            "credential" => EndorsementTarget::Credential,
            "achievement" => EndorsementTarget::Achievement,
            "issuer" => EndorsementTarget::Issuer,
            "subject" => EndorsementTarget::Subject,
            _ => EndorsementTarget::Other(s),
        }
    }
}

impl From<&str> for EndorsementTarget {
    fn from(s: &str) -> Self {
        s.to_string().into()
    }
}

impl From<EndorsementTarget> for String {
    fn from(t: EndorsementTarget) -> Self {
        match t {
            EndorsementTarget::Other(s) => s,
            t => t.as_str().to_string(),
        }
    }
}

impl std::fmt::Display for EndorsementTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One check of a report (`format`, `signature`, `status`, `issuer-trust`, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredCheck {
    pub id: String,
    pub outcome: CheckOutcome,
    #[serde(default)]
    pub message: String,
    /// For the `status` check when a status list was read: when the oldest list used was
    /// fetched (RFC 3339); for the `issuer-key` (else `signature`) check when fetched key
    /// documents were used: when the oldest was fetched (`crate::sources`). Absent in reports
    /// stored before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredProof {
    pub suite: String,
    #[serde(default)]
    pub verification_method: Option<String>,
    /// `pass`, `fail`, `not-checked`, `warn` as the verifier said it; only shown (as the
    /// `verification-proof` item's `data-outcome`), never compared.
    pub outcome: String,
    #[serde(default)]
    pub message: String,
}

/// One embedded endorsement's result (`wallet_verify::endorse`), as stored and shown beside
/// the thing endorsed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEndorsement {
    pub target: EndorsementTarget,
    #[serde(default)]
    pub endorser_id: Option<String>,
    #[serde(default)]
    pub endorser_name: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
    /// Its own verdict (`verified`, `invalid`, `unverified`, `expired`, …).
    pub status: Status,
    #[serde(default)]
    pub message: String,
}

/// A verification report as stored (and shown) by the shell. Read back by later versions of the
/// wallet, so decoded tolerantly: unknown fields are ignored, lists and texts default to empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredReport {
    pub local_id: String,
    pub status: Status,
    #[serde(default)]
    pub checks: Vec<StoredCheck>,
    #[serde(default)]
    pub proofs: Vec<StoredProof>,
    #[serde(default)]
    pub checked_at: String,
    /// The URL of the OB 2.0 hosted copy the facts come from (then shown instead of the
    /// presented copy), if the verifier used one.
    #[serde(default)]
    pub hosted: Option<String>,
    /// The embedded endorsements, each verified on its own (absent in older reports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endorsements: Vec<StoredEndorsement>,
    /// A CLR's nested credentials, each verified on its own (empty for other credentials).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nested: Vec<StoredNested>,
}

/// One nested credential's result in a CLR's report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredNested {
    /// Position in the CLR's `verifiableCredential`.
    pub index: usize,
    #[serde(default)]
    pub local_id: Option<String>,
    /// Its card status (`verified`, `invalid`, …), never upgraded by the CLR's.
    pub status: Status,
    #[serde(default)]
    pub checks: Vec<StoredCheck>,
    #[serde(default)]
    pub proofs: Vec<StoredProof>,
}

/// "2026-12-01T16:50:12.345Z" → "2026-12-01 16:50 UTC" (what the detail shows).
pub fn display_time(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(d), Some(t)) if iso.ends_with('Z') => format!("{d} {t} UTC"),
        _ => iso.to_string(),
    }
}
