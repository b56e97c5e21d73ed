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

/// Read a backup written by [`write_backup`]. Every entry must still parse as
/// a credential; errors name the first bad entry (1-based).
pub fn read_backup(text: &str) -> Result<Vec<BackupEntry>, String> {
    let text = crate::parse::strip_bom(text);
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "this backup file is not valid JSON (line {}, column {})",
            e.line(),
            e.column()
        )
    })?;
    let obj = doc
        .as_object()
        .filter(|o| o.get("type").and_then(Value::as_str) == Some(BACKUP_TYPE))
        .ok_or_else(|| "this is not a Learner Wallet backup file".to_string())?;
    match obj.get("version") {
        Some(v) if v.as_u64() == Some(BACKUP_VERSION) => {}
        Some(v) => {
            return Err(format!(
                "unsupported backup version {v} (this wallet reads version {BACKUP_VERSION})"
            ));
        }
        None => return Err("the backup file has no version".into()),
    }
    let items = obj
        .get("credentials")
        .and_then(Value::as_array)
        .ok_or_else(|| "the backup file has no credentials list".to_string())?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let k = i + 1;
        let bad = |why: &str| format!("entry {k} is not a credential: {why}");
        let e = item.as_object().ok_or_else(|| bad("it is not an object"))?;
        let text = e
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("it has no text"))?;
        let original = match e.get("kind").and_then(Value::as_str) {
            Some("json") => Original::Json(text.to_string()),
            Some("jws") => Original::Jws(text.to_string()),
            Some(other) => return Err(bad(&format!("unknown kind \"{other}\""))),
            None => return Err(bad("it has no kind")),
        };
        let parsed = parse_credential(text).map_err(|err| bad(&err.to_string()))?;
        if std::mem::discriminant(&parsed.original) != std::mem::discriminant(&original) {
            return Err(bad("its kind does not match its text"));
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
                .starts_with("this backup file is not valid JSON (line 1")
        );
        assert_eq!(
            read_backup(r#"{"type":"Other"}"#).unwrap_err(),
            "this is not a Learner Wallet backup file"
        );
        assert_eq!(
            read_backup(r#"{"type":"LearnerWalletBackup","version":7,"credentials":[]}"#)
                .unwrap_err(),
            "unsupported backup version 7 (this wallet reads version 1)"
        );
        assert!(
            read_backup(r#"{"type":"LearnerWalletBackup","version":1}"#)
                .unwrap_err()
                .contains("no credentials list")
        );
        let bad = r#"{"type":"LearnerWalletBackup","version":1,"credentials":[
            {"kind":"json","text":"{\"type\":\"OpenBadgeCredential\",\"credentialSubject\":{\"achievement\":{}}}"},
            {"kind":"json","text":"{\"type\":\"VerifiableCredential\"}"}]}"#;
        let e = read_backup(bad).unwrap_err();
        assert!(
            e.starts_with("entry 2 is not a credential: not a badge this wallet understands"),
            "{e}"
        );
        let e = read_backup(r#"{"type":"LearnerWalletBackup","version":1,"credentials":[3]}"#)
            .unwrap_err();
        assert_eq!(e, "entry 1 is not a credential: it is not an object");
    }
}
