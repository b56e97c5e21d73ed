//! The import pipeline of the shell: reads inputs (files, text, URLs, backups), hands the bytes
//! to the pure core, removes duplicates, writes the batch atomically and reports per item.

use std::collections::{BTreeMap, HashSet};

use wallet_core::import::{ImportOutcome, MAX_IMPORT_BYTES, import_bytes, import_text};
use wallet_core::library::Summary;
use wallet_core::model::Credential;

use crate::browser::{self, Fetched};
use crate::storage::{self, Document, Record};

/// One input of an import batch.
pub enum Input {
    File(web_sys::File),
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
    Text(String),
    Url(String),
    /// An entry of a backup file: the original document and when it was first added.
    Restored {
        label: String,
        text: String,
        added_at: f64,
        linked: BTreeMap<String, String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Added,
    Duplicate,
    Error,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Added => "added",
            Outcome::Duplicate => "duplicate",
            Outcome::Error => "error",
        }
    }
}

/// One line of the import report.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub outcome: Outcome,
    /// What the line is about: a file name, "Pasted text", a URL.
    pub label: String,
    pub message: String,
}

struct Found {
    linked: BTreeMap<String, String>,
    label: String,
    credential: Credential,
    source: String,
    added_at: Option<f64>,
    /// Image bytes from the file itself (a baked PNG or SVG).
    file_image: Option<(String, Vec<u8>)>,
}

fn sniff_image_mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    head.contains("<svg").then_some("image/svg+xml")
}

/// Runs the core on bytes, following one level of "the badge is at this URL".
async fn run_bytes(
    label: &str,
    source: &str,
    bytes: Vec<u8>,
    out: &mut Vec<Found>,
    lines: &mut Vec<Line>,
    depth: u8,
) {
    match import_bytes(label, &bytes) {
        ImportOutcome::Credentials(list) => {
            let file_image = sniff_image_mime(&bytes).map(|m| (m.to_string(), bytes.clone()));
            for credential in list {
                out.push(Found { linked: BTreeMap::new(), label: label.into(), credential, source: source.into(), added_at: None, file_image: file_image.clone() });
            }
        }
        ImportOutcome::NeedsFetch(url) if depth == 0 => {
            run_url(label, &url, out, lines, depth + 1).await;
        }
        ImportOutcome::NeedsFetch(url) => lines.push(Line {
            outcome: Outcome::Error,
            label: label.into(),
            message: format!("The badge points to another address ({url}) instead of holding the credential; the wallet follows only one such link."),
        }),
        ImportOutcome::Error(message) => lines.push(Line { outcome: Outcome::Error, label: label.into(), message }),
    }
}

async fn run_url(label: &str, url: &str, out: &mut Vec<Found>, lines: &mut Vec<Line>, depth: u8) {
    if wallet_core::safe_link(url).is_none() {
        lines.push(Line {
            outcome: Outcome::Error,
            label: label.into(),
            message: format!("Only http and https addresses can be imported, not “{url}”."),
        });
        return;
    }
    match browser::fetch_bytes(url).await {
        Fetched::Bytes(bytes) => Box::pin(run_bytes(label, url, bytes, out, lines, depth)).await,
        Fetched::Failed(message) => lines.push(Line {
            outcome: Outcome::Error,
            label: label.into(),
            message,
        }),
    }
}

fn too_large(size: f64) -> String {
    format!(
        "This file is too large ({:.1} MB; the limit is {} MB).",
        size / 1_048_576.0,
        MAX_IMPORT_BYTES / 1_048_576
    )
}

/// The card image of a credential: an embedded data: image, else the baked file itself.
fn card_image(found: &Found) -> Option<(String, Vec<u8>)> {
    if let Some(src) = &found.credential.image {
        if let Some(decoded) = browser::decode_data_uri(src) {
            return Some(decoded);
        }
    }
    found.file_image.clone()
}

/// Imports a batch. `existing` are the ids already in the wallet. `progress(done, total)` is called
/// as items are read. Returns the report and the summaries that were stored.
pub async fn import_batch(
    inputs: Vec<Input>,
    existing: HashSet<String>,
    progress: impl Fn(usize, usize),
) -> (Vec<Line>, Vec<Summary>) {
    let total = inputs.len();
    let mut lines = Vec::new();
    let mut found = Vec::new();
    for (i, input) in inputs.into_iter().enumerate() {
        progress(i, total);
        if i % 8 == 7 {
            browser::yield_now().await;
        }
        match input {
            Input::File(file) => {
                let name = file.name();
                if file.size() > MAX_IMPORT_BYTES as f64 {
                    lines.push(Line {
                        outcome: Outcome::Error,
                        label: name,
                        message: too_large(file.size()),
                    });
                    continue;
                }
                match browser::read_blob(&file).await {
                    Ok(bytes) => run_bytes(&name, &name, bytes, &mut found, &mut lines, 0).await,
                    Err(e) => lines.push(Line {
                        outcome: Outcome::Error,
                        label: name,
                        message: format!("The file could not be read: {e}"),
                    }),
                }
            }
            Input::Bytes { name, bytes } => {
                run_bytes(&name, &name, bytes, &mut found, &mut lines, 0).await
            }
            Input::Text(text) => {
                let label = "Pasted text".to_string();
                match import_text(&text) {
                    ImportOutcome::Credentials(list) => {
                        found.extend(list.into_iter().map(|credential| Found {
                            linked: BTreeMap::new(),
                            label: label.clone(),
                            credential,
                            source: "pasted".into(),
                            added_at: None,
                            file_image: None,
                        }))
                    }
                    ImportOutcome::NeedsFetch(url) => {
                        run_url(&url.clone(), &url, &mut found, &mut lines, 0).await
                    }
                    ImportOutcome::Error(message) => lines.push(Line {
                        outcome: Outcome::Error,
                        label,
                        message,
                    }),
                }
            }
            Input::Url(url) => run_url(&url.clone(), &url, &mut found, &mut lines, 0).await,
            Input::Restored {
                label,
                text,
                added_at,
                linked,
            } => match import_text(&text) {
                ImportOutcome::Credentials(list) => {
                    found.extend(list.into_iter().map(|mut credential| {
                        wallet_core::apply_linked(&mut credential, &linked);
                        Found {
                            linked: linked.clone(),
                            label: label.clone(),
                            credential,
                            source: "backup".into(),
                            added_at: Some(added_at),
                            file_image: None,
                        }
                    }))
                }
                ImportOutcome::NeedsFetch(_) => lines.push(Line {
                    outcome: Outcome::Error,
                    label,
                    message: "This backup entry is a link, not a credential.".into(),
                }),
                ImportOutcome::Error(message) => lines.push(Line {
                    outcome: Outcome::Error,
                    label,
                    message,
                }),
            },
        }
    }
    progress(total, total);

    // OB 2.0 assertions whose BadgeClass or Issuer is only a URL: fetch them once, keep them.
    for f in found.iter_mut() {
        for _round in 0..2 {
            let needed = wallet_core::linked_urls_needed(&f.credential);
            let mut fetched_any = false;
            for url in needed {
                if f.linked.contains_key(&url) {
                    continue;
                }
                if let Fetched::Bytes(bytes) = browser::fetch_bytes(&url).await {
                    if let Ok(text) = String::from_utf8(bytes) {
                        f.linked.insert(url, text);
                        fetched_any = true;
                    }
                }
            }
            if !fetched_any || !wallet_core::apply_linked(&mut f.credential, &f.linked) {
                break;
            }
        }
    }

    // Never store the same credential twice: same id, or the same bytes when it has no id
    // (the core makes local_id = "sha256:<hash of the bytes>" then).
    let mut seen = existing;
    let mut records = Vec::new();
    let mut added_lines = Vec::new();
    let now = browser::now_ms();
    for f in found {
        let id = f.credential.local_id.clone();
        if !seen.insert(id.clone()) {
            lines.push(Line {
                outcome: Outcome::Duplicate,
                label: f.label,
                message: format!(
                    "“{}” is already in your wallet; it was not added again.",
                    wallet_core::bidi::isolate(&f.credential.name)
                ),
            });
            continue;
        }
        let added_at = f.added_at.unwrap_or(now);
        // "pending" until the verification core has checked it (right after this write).
        let summary = Summary::from_credential(&f.credential, "pending", added_at);
        let image = card_image(&f);
        added_lines.push(Line {
            outcome: Outcome::Added,
            label: f.label.clone(),
            message: format!(
                "Added “{}” from {}.",
                wallet_core::bidi::isolate(&f.credential.name),
                wallet_core::bidi::isolate(&summary.issuer_name)
            ),
        });
        records.push(Record {
            summary,
            document: Document {
                local_id: id,
                original: f.credential.original.clone(),
                added_at,
                source: Some(f.source),
                linked: f.linked,
            },
            image,
        });
    }
    match storage::put_batch(&records).await {
        Ok(kept) => {
            // A credential whose stored copy this version cannot read is not replaced.
            let mut all: Vec<Line> = added_lines
                .into_iter()
                .zip(&records)
                .map(|(line, r)| {
                    if kept.contains(&r.summary.local_id) {
                        Line {
                            outcome: Outcome::Error,
                            label: line.label,
                            message: format!(
                                "“{}” is already stored in your wallet, but its stored record could not be read (it may be damaged, or saved by a newer version of the wallet). It was kept unchanged, not replaced.",
                                r.summary.name
                            ),
                        }
                    } else {
                        line
                    }
                })
                .collect();
            all.extend(lines);
            let added = records
                .into_iter()
                .map(|r| r.summary)
                .filter(|s| !kept.contains(&s.local_id))
                .collect();
            (all, added)
        }
        Err(e) => {
            let mut all: Vec<Line> = added_lines
                .into_iter()
                .map(|l| Line {
                    outcome: Outcome::Error,
                    label: l.label,
                    message: e.to_string(),
                })
                .collect();
            all.extend(lines);
            (all, vec![])
        }
    }
}
