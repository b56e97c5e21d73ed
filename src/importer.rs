//! The import pipeline of the shell: reads inputs (files, text, URLs, backups), hands the bytes
//! to the pure core, removes duplicates, writes the batch atomically and reports per item.

use std::collections::{BTreeMap, HashSet};

use wallet_core::image::{ImageKind, classify, sniff_raster};
use wallet_core::import::{ImportOutcome, MAX_IMPORT_BYTES, import_bytes_in, import_text_in};
use wallet_core::library::Summary;
use wallet_core::model::Credential;

use wallet_share::scan::Scanned;

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
    /// The bytes of the file itself when it is an image (a baked PNG or SVG).
    file_image: Option<Vec<u8>>,
}

mod batch_images;
use batch_images::batch_images;

/// Runs the core on bytes, following one level of "the badge is at this URL".
async fn run_bytes(
    label: &str,
    source: &str,
    bytes: Vec<u8>,
    out: &mut Vec<Found>,
    lines: &mut Vec<Line>,
    depth: u8,
) {
    match import_bytes_in(crate::i18n::lang(), label, &bytes) {
        ImportOutcome::Credentials(list) => {
            let file_image = (classify(&bytes) != ImageKind::Other).then(|| bytes.clone());
            for credential in list {
                out.push(Found {
                    linked: BTreeMap::new(),
                    label: label.into(),
                    credential,
                    source: source.into(),
                    added_at: None,
                    file_image: file_image.clone(),
                });
            }
        }
        ImportOutcome::NeedsFetch(url) if depth == 0 => {
            run_url(label, &url, out, lines, depth + 1).await;
        }
        ImportOutcome::NeedsFetch(url) => lines.push(Line {
            outcome: Outcome::Error,
            label: label.into(),
            message: t!("import-points-elsewhere", url = url),
        }),
        ImportOutcome::Error(message) => lines.push(Line {
            outcome: Outcome::Error,
            label: label.into(),
            message,
        }),
    }
}

async fn run_url(label: &str, url: &str, out: &mut Vec<Found>, lines: &mut Vec<Line>, depth: u8) {
    if wallet_core::safe_link(url).is_none() {
        lines.push(Line {
            outcome: Outcome::Error,
            label: label.into(),
            message: t!("import-url-not-http", url = url),
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
    let lang = crate::i18n::lang();
    t!(
        "import-too-large",
        size = wallet_core::import::decimal(lang, &format!("{:.1}", size / 1_048_576.0)),
        limit = MAX_IMPORT_BYTES / 1_048_576
    )
}

/// Imports a batch. `existing` are the ids already in the wallet. `progress(done, total)` is called
/// as items are read. Returns the report, the summaries that were stored, and what the QR codes
/// of pictures that hold no badge lead to (file name, offer), for the learner to confirm.
pub async fn import_batch(
    inputs: Vec<Input>,
    existing: HashSet<String>,
    progress: impl Fn(usize, usize),
) -> (Vec<Line>, Vec<Summary>, Vec<(String, Scanned)>) {
    let total = inputs.len();
    let mut lines = Vec::new();
    let mut found = Vec::new();
    let mut scanned = Vec::new();
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
                    Ok(bytes) => {
                        let before = (found.len(), lines.len());
                        let picture = sniff_raster(&bytes).is_some().then(|| bytes.clone());
                        run_bytes(&name, &name, bytes, &mut found, &mut lines, 0).await;
                        // A picture that holds no badge may show a QR code.
                        if let Some(bytes) = picture
                            && found.len() == before.0
                            && lines.len() == before.1 + 1
                            && let Some(line) = lines.pop()
                        {
                            match crate::qr_import::after_no_badge(line, &bytes).await {
                                Ok(offer) => scanned.push((name, offer)),
                                Err(line) => lines.push(line),
                            }
                        }
                    }
                    Err(e) => lines.push(Line {
                        outcome: Outcome::Error,
                        label: name,
                        message: t!("import-file-unreadable", reason = e),
                    }),
                }
            }
            Input::Bytes { name, bytes } => {
                run_bytes(&name, &name, bytes, &mut found, &mut lines, 0).await
            }
            Input::Text(text) => {
                let label = t!("import-pasted-label");
                match import_text_in(crate::i18n::lang(), &text) {
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
            } => match import_text_in(crate::i18n::lang(), &text) {
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
                    message: t!("import-backup-entry-link"),
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
                if let Fetched::Bytes(bytes) = browser::fetch_bytes(&url).await
                    && let Ok(text) = String::from_utf8(bytes)
                {
                    f.linked.insert(url, text);
                    fetched_any = true;
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
    let mut new = Vec::new();
    for f in found {
        if !seen.insert(f.credential.local_id.clone()) {
            lines.push(Line {
                outcome: Outcome::Duplicate,
                label: f.label,
                message: t!(
                    "import-duplicate",
                    name = wallet_core::bidi::isolate(&f.credential.name)
                ),
            });
            continue;
        }
        new.push(f);
    }
    let images = batch_images(&new).await;
    let mut records = Vec::new();
    let mut added_lines = Vec::new();
    let now = browser::now_ms();
    for (f, (image, image_note)) in new.into_iter().zip(images) {
        let id = f.credential.local_id.clone();
        let added_at = f.added_at.unwrap_or(now);
        // "pending" until the verification core has checked it (right after this write).
        let summary = Summary::from_credential(
            &f.credential,
            wallet_core::status::Status::Pending,
            added_at,
        );
        let mut message = t!(
            "import-added",
            name = wallet_core::bidi::isolate(&f.credential.name),
            issuer = wallet_core::bidi::isolate(&summary.issuer_name)
        );
        if let Some(note) = image_note {
            message.push(' ');
            message.push_str(&note);
        }
        added_lines.push(Line {
            outcome: Outcome::Added,
            label: f.label.clone(),
            message,
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
                            message: t!("import-stored-unreadable", name = &r.summary.name),
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
            (all, added, scanned)
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
            (all, vec![], scanned)
        }
    }
}
