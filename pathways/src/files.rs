//! The learner's pathway files: the bundled ones and those they imported, loaded so that one bad
//! file does not hide the others; adding a file (size cap, a name of its own, validated with the
//! loaded ones) and removing one. The browser shell keeps the list (localStorage) and fetches
//! the files; every decision about them, and every message about them, is made here.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use wallet_i18n::{Lang, msg};

use crate::format::{Pathway, PathwayError, load_in};

/// Largest pathway file accepted for import (bytes of its text).
pub const MAX_PATHWAY_BYTES: usize = 512 * 1024;

/// An imported pathway file, as the shell keeps it (localStorage: `[{"name", "json"}]`).
/// Its name is unique among the loaded files (see [`add_file`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedFile {
    pub name: String,
    pub json: String,
}

/// The pathways that loaded, and the problems with the files that did not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub pathways: Vec<Pathway>,
    /// The files that were accepted (name, json; bundled first), for validating an import
    /// against them.
    pub accepted: Vec<(String, String)>,
    /// Validation errors, as text.
    pub errors: Vec<String>,
    /// Pathway id → imported file name (only for imported pathways).
    pub imported: HashMap<String, String>,
}

fn refs(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(n, j)| (n.as_str(), j.as_str()))
        .collect()
}

/// `accepted` plus one more file, as [`load`] takes them.
fn with_one<'a>(
    accepted: &'a [(String, String)],
    name: &'a str,
    json: &'a str,
) -> Vec<(&'a str, &'a str)> {
    let mut trial = refs(accepted);
    trial.push((name, json));
    trial
}

/// Loads all files together; if that fails, accepts files one by one (repeating while some
/// file becomes loadable, since a file may refer to a later one), so one bad file does not hide
/// the others. Returns the pathways, the accepted files and the errors of the others (in
/// `lang`).
pub fn load_files(
    lang: Lang,
    files: &[(String, String)],
) -> (Vec<Pathway>, Vec<(String, String)>, Vec<String>) {
    if let Ok(p) = load_in(lang, &refs(files)) {
        return (p, files.to_vec(), vec![]);
    }
    let mut accepted: Vec<(String, String)> = Vec::new();
    let mut remaining: Vec<(String, String)> = files.to_vec();
    loop {
        let mut progressed = false;
        let mut still = Vec::new();
        for f in remaining {
            if load_in(lang, &with_one(&accepted, &f.0, &f.1)).is_ok() {
                accepted.push(f);
                progressed = true;
            } else {
                still.push(f);
            }
        }
        remaining = still;
        if !progressed || remaining.is_empty() {
            break;
        }
    }
    let mut errors = Vec::new();
    for f in &remaining {
        if let Err(e) = load_in(lang, &with_one(&accepted, &f.0, &f.1)) {
            errors.extend(e.iter().map(|e| e.text(lang)));
        }
    }
    let pathways = load_in(lang, &refs(&accepted)).unwrap_or_default();
    (pathways, accepted, errors)
}

/// The bundled files (fetched) and the imported ones (kept by the shell), loaded together:
/// bundled first, then imported, in their order. The errors are in `lang`.
pub fn load_library(lang: Lang, bundled: &[(String, String)], imported: &[ImportedFile]) -> Loaded {
    let mut files = bundled.to_vec();
    files.extend(imported.iter().map(|f| (f.name.clone(), f.json.clone())));
    let (pathways, accepted, errors) = load_files(lang, &files);
    let imported_names: HashSet<&str> = imported.iter().map(|f| f.name.as_str()).collect();
    let imported = pathways
        .iter()
        .filter_map(|p| {
            let s = p.source.as_deref()?;
            imported_names
                .contains(s)
                .then(|| (p.id.clone(), s.to_string()))
        })
        .collect();
    Loaded {
        pathways,
        accepted,
        errors,
        imported,
    }
}

/// Why a pathway file was not added.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// A chosen file is larger than [`MAX_PATHWAY_BYTES`] (said before reading it).
    FileTooLarge { name: String },
    /// A pasted, read or fetched text is larger than [`MAX_PATHWAY_BYTES`].
    TooLarge { name: String, bytes: usize },
    /// The file does not load with the loaded pathways: every problem, each naming the file as
    /// the learner knows it.
    Invalid(Vec<PathwayError>),
}

impl ImportError {
    /// The lines of the message shown to the learner, in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        match self {
            ImportError::FileTooLarge { name } => {
                vec![msg!(lang, "pathway-file-too-large", name = name)]
            }
            ImportError::TooLarge { name, bytes } => vec![msg!(
                lang,
                "pathway-file-too-large-size",
                name = name,
                size = bytes / 1024,
                max = MAX_PATHWAY_BYTES / 1024
            )],
            ImportError::Invalid(errors) => errors.iter().map(|e| e.text(lang)).collect(),
        }
    }
}

/// In English (logs, tests); the learner reads [`ImportError::lines`].
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.lines(Lang::En).join("\n"))
    }
}

/// A chosen file's size (as the browser reports it) checked before it is read.
pub fn check_file_size(name: &str, size: f64) -> Result<(), ImportError> {
    if size > MAX_PATHWAY_BYTES as f64 {
        Err(ImportError::FileTooLarge {
            name: name.to_string(),
        })
    } else {
        Ok(())
    }
}

/// A file's text checked against [`MAX_PATHWAY_BYTES`] (the first check of [`add_file`]).
pub fn check_size(name: &str, json: &str) -> Result<(), ImportError> {
    if json.len() > MAX_PATHWAY_BYTES {
        Err(ImportError::TooLarge {
            name: name.to_string(),
            bytes: json.len(),
        })
    } else {
        Ok(())
    }
}

/// A file that can be added: kept under its unique name.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    pub file: ImportedFile,
    /// The names of the pathways it defines.
    pub names: Vec<String>,
}

impl Added {
    /// "Added pathway A", "Added pathways A, B".
    pub fn message(&self, lang: Lang) -> String {
        msg!(
            lang,
            "pathway-added",
            n = self.names.len(),
            names = self.names.join(", ")
        )
    }
}

/// `name`, else `name (2)`, `name (3)`, …: the first that no accepted or imported file has,
/// so messages and removal refer to this file only.
pub fn unique_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut unique = name.to_string();
    let mut i = 2;
    while taken(&unique) {
        unique = format!("{name} ({i})");
        i += 1;
    }
    unique
}

/// Validates a new pathway file (`name` as the learner knows it) together with the accepted
/// files; the file to keep (under a unique name) if valid. The caller appends it to the
/// imported list. The errors' messages are in `lang`.
pub fn add_file(
    lang: Lang,
    accepted: &[(String, String)],
    imported: &[ImportedFile],
    name: &str,
    json: &str,
) -> Result<Added, ImportError> {
    check_size(name, json)?;
    let unique = unique_name(name, |n| {
        accepted.iter().any(|(a, _)| a == n) || imported.iter().any(|f| f.name == n)
    });
    match load_in(lang, &with_one(accepted, &unique, json)) {
        Ok(all) => {
            let names = all
                .iter()
                .filter(|p| p.source.as_deref() == Some(unique.as_str()))
                .map(|p| p.name.clone())
                .collect();
            Ok(Added {
                file: ImportedFile {
                    name: unique,
                    json: json.to_string(),
                },
                names,
            })
        }
        Err(mut errors) => {
            // Name the file as the learner knows it (the suffix only keeps kept files apart).
            for e in &mut errors {
                if e.source.as_deref() == Some(unique.as_str()) {
                    e.source = Some(name.to_string());
                }
            }
            Err(ImportError::Invalid(errors))
        }
    }
}

/// The imported list without the file named `name`.
pub fn remove_file(imported: &[ImportedFile], name: &str) -> Vec<ImportedFile> {
    imported
        .iter()
        .filter(|f| f.name != name)
        .cloned()
        .collect()
}

/// "Removed <file>".
pub fn removed_message(lang: Lang, name: &str) -> String {
    msg!(lang, "pathway-removed", name = name)
}

/// The name of a file fetched from `url`: its last path segment (no query or fragment), else
/// the URL itself.
pub fn name_from_url(url: &str) -> String {
    url.split(['?', '#'])
        .next()
        .and_then(|p| p.trim_end_matches('/').rsplit('/').next())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| url.to_string())
}
