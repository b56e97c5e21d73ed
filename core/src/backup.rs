//! The wallet backup file.
//!
//! ```json
//! {
//!   "type": "LearnerWalletBackup",
//!   "version": 1,
//!   "exportedAt": "2025-01-01T00:00:00Z",
//!   "credentials": [
//!     {"kind": "json", "text": "<the original document>", "addedAt": 1735689600000, "source": "badge.png"},
//!     {"kind": "jws", "text": "eyJ...", "addedAt": 1735689600000, "source": null}
//!   ]
//! }
//! ```
//!
//! Each credential is stored as its original text (exact bytes for JSON), so
//! signatures still verify after a restore.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::model::Original;
use crate::parse::parse_credential;

/// The backup `type` value.
pub const BACKUP_TYPE: &str = "LearnerWalletBackup";
/// The backup format version written and read.
pub const BACKUP_VERSION: u64 = 1;
/// The largest backup file restore reads (checked from the file's size, before reading it): a
/// backup holds credentials' text only, each at most `import::MAX_IMPORT_BYTES`, so this is
/// thousands of credentials, and a bigger file would have to be held whole in memory, several
/// times over while it is parsed.
pub const MAX_BACKUP_BYTES: u64 = 256 * 1024 * 1024;

/// One stored credential.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupEntry {
    pub original: Original,
    /// When it was added (milliseconds since the epoch).
    pub added_at: f64,
    /// Where it came from (file name, URL, "pasted"), if known.
    pub source: Option<String>,
    /// Linked documents fetched at import (OB 2.0 BadgeClass / Issuer): URL → JSON text.
    #[serde(default)]
    pub linked: std::collections::BTreeMap<String, String>,
}

/// Serialize a backup (pretty-printed JSON). `exported_at` is an RFC 3339 timestamp.
pub fn write_backup(entries: &[BackupEntry], exported_at: &str) -> String {
    let credentials: Vec<Value> = entries
        .iter()
        .map(|e| {
            let kind = match e.original {
                Original::Json(_) => "json",
                Original::Jws(_) => "jws",
            };
            json!({
                "kind": kind,
                "text": e.original.text(),
                "addedAt": if e.added_at.is_finite() { json!(e.added_at) } else { json!(0.0) },
                "source": e.source,
                "linked": e.linked,
            })
        })
        .collect();
    let doc = json!({
        "type": BACKUP_TYPE,
        "version": BACKUP_VERSION,
        "exportedAt": exported_at,
        "credentials": credentials,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Why a backup file could not be read. `message` says it in the reader's language;
/// `Display` is the English one.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupError {
    InvalidJson {
        line: usize,
        column: usize,
    },
    NotABackup,
    /// The version as written in the file (JSON).
    UnsupportedVersion(String),
    NoVersion,
    NoCredentials,
    /// Entry `index` (1-based) is not a credential.
    Entry {
        index: usize,
        why: EntryError,
    },
}

/// Why one entry of a backup is not a credential.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryError {
    NotAnObject,
    NoText,
    UnknownKind(String),
    NoKind,
    /// The parser's own words (`crate::parse::ParseError`, English).
    NotParsed(String),
    KindMismatch,
}

impl BackupError {
    /// What the learner is told, in `lang` (a clause: the shell puts it in a sentence).
    pub fn message(&self, lang: wallet_i18n::Lang) -> String {
        use wallet_i18n::msg;
        match self {
            BackupError::InvalidJson { line, column } => {
                msg!(lang, "backup-error-json", line = *line, column = *column)
            }
            BackupError::NotABackup => msg!(lang, "backup-error-not-backup"),
            BackupError::UnsupportedVersion(v) => msg!(
                lang,
                "backup-error-version",
                version = v.as_str(),
                supported = BACKUP_VERSION
            ),
            BackupError::NoVersion => msg!(lang, "backup-error-no-version"),
            BackupError::NoCredentials => msg!(lang, "backup-error-no-credentials"),
            BackupError::Entry { index, why } => {
                let why = match why {
                    EntryError::NotAnObject => msg!(lang, "backup-entry-not-object"),
                    EntryError::NoText => msg!(lang, "backup-entry-no-text"),
                    EntryError::UnknownKind(kind) => {
                        msg!(lang, "backup-entry-unknown-kind", kind = kind.as_str())
                    }
                    EntryError::NoKind => msg!(lang, "backup-entry-no-kind"),
                    EntryError::NotParsed(why) => why.clone(),
                    EntryError::KindMismatch => msg!(lang, "backup-entry-kind-mismatch"),
                };
                msg!(lang, "backup-error-entry", index = *index, why = why)
            }
        }
    }
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(wallet_i18n::Lang::En))
    }
}

impl std::error::Error for BackupError {}

/// Read a backup written by [`write_backup`]. Every entry must still parse as
/// a credential; errors name the first bad entry (1-based).
pub fn read_backup(text: &str) -> Result<Vec<BackupEntry>, BackupError> {
    let text = crate::parse::strip_bom(text);
    let doc: Value = serde_json::from_str(text).map_err(|e| BackupError::InvalidJson {
        line: e.line(),
        column: e.column(),
    })?;
    let obj = doc
        .as_object()
        .filter(|o| o.get("type").and_then(Value::as_str) == Some(BACKUP_TYPE))
        .ok_or(BackupError::NotABackup)?;
    match obj.get("version") {
        Some(v) if v.as_u64() == Some(BACKUP_VERSION) => {}
        Some(v) => return Err(BackupError::UnsupportedVersion(v.to_string())),
        None => return Err(BackupError::NoVersion),
    }
    let items = obj
        .get("credentials")
        .and_then(Value::as_array)
        .ok_or(BackupError::NoCredentials)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let index = i + 1;
        let bad = |why: EntryError| BackupError::Entry { index, why };
        let e = item
            .as_object()
            .ok_or_else(|| bad(EntryError::NotAnObject))?;
        let text = e
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| bad(EntryError::NoText))?;
        let original = match e.get("kind").and_then(Value::as_str) {
            Some("json") => Original::Json(text.to_string()),
            Some("jws") => Original::Jws(text.to_string()),
            Some(other) => return Err(bad(EntryError::UnknownKind(other.to_string()))),
            None => return Err(bad(EntryError::NoKind)),
        };
        let parsed =
            parse_credential(text).map_err(|err| bad(EntryError::NotParsed(err.to_string())))?;
        if std::mem::discriminant(&parsed.original) != std::mem::discriminant(&original) {
            return Err(bad(EntryError::KindMismatch));
        }
        out.push(BackupEntry {
            original,
            added_at: e.get("addedAt").and_then(Value::as_f64).unwrap_or(0.0),
            source: e.get("source").and_then(Value::as_str).map(str::to_string),
            linked: e
                .get("linked")
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OB3: &str = "{\n  \"type\": [\"VerifiableCredential\", \"OpenBadgeCredential\"],\n  \"credentialSubject\": {\"achievement\": {\"name\": \"Backed up\"}}\n}\n";

    #[test]
    fn roundtrip_keeps_exact_text() {
        let entries = vec![
            BackupEntry {
                original: Original::Json(OB3.into()),
                added_at: 1_735_689_600_000.0,
                source: Some("badge.png".into()),
                linked: [("https://x.example/b".to_string(), "{}".to_string())].into(),
            },
            BackupEntry {
                original: Original::Json(OB3.replace("Backed", "Also")),
                added_at: 1.5,
                source: None,
                linked: Default::default(),
            },
        ];
        let text = write_backup(&entries, "2025-01-01T00:00:00Z");
        assert!(text.contains("\"type\": \"LearnerWalletBackup\""));
        assert!(text.contains("\"version\": 1"));
        assert!(text.contains("\"exportedAt\": \"2025-01-01T00:00:00Z\""));
        let back = read_backup(&text).unwrap();
        assert_eq!(back, entries);
        assert_eq!(read_backup(&write_backup(&[], "x")).unwrap(), vec![]);
    }

    #[test]
    fn errors() {
        assert!(
            read_backup("{")
                .unwrap_err()
                .to_string()
                .starts_with("this backup file is not valid JSON (line 1")
        );
        assert_eq!(
            read_backup(r#"{"type":"Other"}"#).unwrap_err().to_string(),
            "this is not a Learner Wallet backup file"
        );
        assert_eq!(
            read_backup(r#"{"type":"LearnerWalletBackup","version":7,"credentials":[]}"#)
                .unwrap_err()
                .to_string(),
            "unsupported backup version 7 (this wallet reads version 1)"
        );
        assert!(
            read_backup(r#"{"type":"LearnerWalletBackup","version":1}"#)
                .unwrap_err()
                .to_string()
                .contains("no credentials list")
        );
        let bad = r#"{"type":"LearnerWalletBackup","version":1,"credentials":[
            {"kind":"json","text":"{\"type\":\"OpenBadgeCredential\",\"credentialSubject\":{\"achievement\":{}}}"},
            {"kind":"json","text":"{\"type\":\"VerifiableCredential\"}"}]}"#;
        let e = read_backup(bad).unwrap_err().to_string();
        assert!(
            e.starts_with("entry 2 is not a credential: not a badge this wallet understands"),
            "{e}"
        );
        let e = read_backup(r#"{"type":"LearnerWalletBackup","version":1,"credentials":[3]}"#)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "entry 1 is not a credential: it is not an object"
        );
        use wallet_i18n::Lang;
        assert_eq!(
            e.message(Lang::Fr),
            "l’entrée 1 n’est pas une attestation\u{a0}: ce n’est pas un objet"
        );
        assert_eq!(
            BackupError::UnsupportedVersion("7".into()).message(Lang::Fr),
            "version de sauvegarde 7 non prise en charge (ce portefeuille lit la version 1)"
        );
        assert_eq!(
            BackupError::InvalidJson { line: 3, column: 9 }.message(Lang::Fr),
            "ce fichier de sauvegarde n’est pas du JSON valide (ligne 3, colonne 9)"
        );
    }
}
