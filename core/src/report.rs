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

/// A sentence of the verifier, typed: a message id of `i18n/locales/<tag>/verify.ftl` and its
/// arguments, rendered in the reader's language when shown ([`Text::render`]). Stored with the
/// report, so a report checked in one language reads in another. Made only with [`text!`]
/// (`wallet_core::text!("id", name = value)`), whose literal id the catalogue test reads.
///
/// Invariant: the English rendering is the sentence's `message` (the verifier fills both from
/// one `Text`), so what English readers and older versions see never drifts from it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, TextArg)>,
}

/// A value of a [`Text`]'s variable: words given as they are (a URL, a date, an English detail
/// from a library, a name), a whole number (plurals select on it), or another sentence, rendered
/// in the same language.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TextArg {
    Str(String),
    Num(i64),
    Msg(Box<Text>),
}

impl Text {
    /// Use [`text!`], which keeps the id a literal.
    #[doc(hidden)]
    pub fn new(id: &str, args: Vec<(String, TextArg)>) -> Self {
        Text {
            id: id.to_string(),
            args,
        }
    }

    /// The sentence in `lang`.
    pub fn render(&self, lang: wallet_i18n::Lang) -> String {
        let args: Vec<(&str, wallet_i18n::Arg)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    TextArg::Str(s) => wallet_i18n::Arg::Text(s.clone()),
                    TextArg::Num(n) => wallet_i18n::Arg::Number(*n as f64),
                    TextArg::Msg(t) => wallet_i18n::Arg::Text(t.render(lang)),
                };
                (name.as_str(), v)
            })
            .collect();
        wallet_i18n::tr(lang, &self.id, &args)
    }

    /// The sentence in English (what `message` holds).
    pub fn english(&self) -> String {
        self.render(wallet_i18n::Lang::En)
    }
}

impl From<&str> for TextArg {
    fn from(s: &str) -> Self {
        TextArg::Str(s.to_string())
    }
}
impl From<&&str> for TextArg {
    fn from(s: &&str) -> Self {
        TextArg::Str(s.to_string())
    }
}
impl From<String> for TextArg {
    fn from(s: String) -> Self {
        TextArg::Str(s)
    }
}
impl From<&String> for TextArg {
    fn from(s: &String) -> Self {
        TextArg::Str(s.clone())
    }
}
impl From<Text> for TextArg {
    fn from(t: Text) -> Self {
        TextArg::Msg(Box::new(t))
    }
}
impl From<&Text> for TextArg {
    fn from(t: &Text) -> Self {
        TextArg::Msg(Box::new(t.clone()))
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for TextArg {
            fn from(n: $t) -> Self {
                TextArg::Num(n as i64)
            }
        }
    )*};
}
num_arg!(usize, u8, u16, u32, u64, i32, i64);

/// `text!("id")` or `text!("id", name = value, …)`: a [`Text`]. The id must be a literal: the
/// catalogue test (`i18n/tests/catalogue.rs`) reads every `text!(` call site as it reads
/// `msg!(`, and checks the id and its variables.
#[macro_export]
macro_rules! text {
    ($id:literal) => {
        $crate::report::Text::new($id, ::std::vec::Vec::new())
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::report::Text::new(
            $id,
            ::std::vec![$((::std::string::String::from(stringify!($name)), $crate::report::TextArg::from($value))),+],
        )
    };
}

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
    /// `message` typed, to be shown in the reader's language; absent in reports stored before
    /// it existed and for sentences not yet translated (then `message` is shown, as English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// What `crate::sources` said after the sentence (offline, a failed fetch), typed; their
    /// English is also appended to `message`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
}

/// A verifier's sentence as a view shows it: in the reader's language when it is typed, else
/// the stored English `message` (`english`: to be marked `lang="en"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub words: String,
    pub english: bool,
}

impl Shown {
    fn of(message: &str, text: Option<&Text>, lang: wallet_i18n::Lang) -> Shown {
        match text {
            Some(t) => Shown {
                words: t.render(lang),
                english: false,
            },
            None => Shown {
                words: message.to_string(),
                english: true,
            },
        }
    }
}

impl StoredCheck {
    /// What a view shows: [`StoredCheck::shown`], else `message` as English.
    pub fn sentence(&self, lang: wallet_i18n::Lang) -> Shown {
        match self.shown(lang) {
            Some(words) => Shown {
                words,
                english: false,
            },
            None => Shown::of(&self.message, None, lang),
        }
    }

    /// The sentence and its notes in `lang`; None when the sentence is not typed (an older
    /// report, or a sentence still English only): then show `message`, marked English.
    pub fn shown(&self, lang: wallet_i18n::Lang) -> Option<String> {
        let text = self.text.as_ref()?;
        Some(
            std::iter::once(text)
                .chain(&self.notes)
                .map(|t| t.render(lang))
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
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
    /// `message` typed (see [`StoredCheck::text`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

impl StoredProof {
    /// What a view shows (see [`Shown`]).
    pub fn sentence(&self, lang: wallet_i18n::Lang) -> Shown {
        Shown::of(&self.message, self.text.as_ref(), lang)
    }
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
    /// `message` typed (see [`StoredCheck::text`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

impl StoredEndorsement {
    /// What a view shows (see [`Shown`]).
    pub fn sentence(&self, lang: wallet_i18n::Lang) -> Shown {
        Shown::of(&self.message, self.text.as_ref(), lang)
    }
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
