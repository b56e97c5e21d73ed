//! The message catalogue against itself and against the code (issue 14.3: "a test fails when
//! any string is missing in a language"):
//!  - every file parses with no error (fluent-syntax, the reference parser);
//!  - every language has the same areas, the same messages in each, with the same variables;
//!  - every call site (`msg!(lang, "id", …)`, the shell's `t!("id", …)`, and
//!    `wallet_core::text!("id", …)`, the verifier's typed sentences rendered later) names a
//!    message that exists and gives exactly its variables;
//!  - every message is used somewhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

const LANGS: &[&str] = &["en", "fr"];
const AREAS: &[&str] = &[
    "app",
    "credential",
    "import",
    "share",
    "pathways",
    "keep",
    "verify",
];
/// Where messages are asked for, relative to the workspace root.
const CODE: &[&str] = &[
    "src",
    "core/src",
    "pathways/src",
    "share/src",
    "verify/src",
    "i18n/src",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Message id → its variables, for one file.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn variables_of_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                variables_of_inline(a, out);
            }
            for a in &arguments.named {
                variables_of_inline(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

fn variables_of_expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => variables_of_inline(i, out),
    }
}

fn variables_of_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            variables_of_expression(expression, out);
        }
    }
}

fn read_area(lang: &str, area: &str) -> Messages {
    let path = root().join(format!("i18n/locales/{lang}/{area}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}: {errors:?}", path.display()),
    };
    let mut messages = Messages::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    variables_of_pattern(v, &mut vars);
                } else {
                    panic!("{}: message {} has no value", path.display(), m.id.name);
                }
                assert!(
                    messages.insert(m.id.name.to_string(), vars).is_none(),
                    "{}: {} twice",
                    path.display(),
                    m.id.name
                );
            }
            ast::Entry::Junk { content } => panic!("{}: cannot read {content:?}", path.display()),
            _ => {}
        }
    }
    messages
}

#[test]
fn the_areas_are_the_folders() {
    for lang in LANGS {
        let mut found: Vec<String> = std::fs::read_dir(root().join("i18n/locales").join(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        found.sort();
        let mut want: Vec<String> = AREAS.iter().map(|a| format!("{a}.ftl")).collect();
        want.sort();
        assert_eq!(found, want, "locales/{lang}/");
    }
    let lib = std::fs::read_to_string(root().join("i18n/src/lib.rs")).unwrap();
    for area in AREAS {
        assert!(
            lib.contains(&format!("\"/{area}.ftl\"")),
            "{area}.ftl is not compiled in (src/lib.rs)"
        );
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let mut ids = BTreeSet::new();
    for area in AREAS {
        let english = read_area("en", area);
        for lang in &LANGS[1..] {
            let other = read_area(lang, area);
            let missing: Vec<&String> =
                english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang}/{area}.ftl lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{lang}/{area}.ftl has {extra:?}, which en/{area}.ftl has not"
            );
            for (id, vars) in &english {
                assert_eq!(
                    &other[id], vars,
                    "{lang}/{area}.ftl: {id} has other variables than in English"
                );
            }
        }
        for id in english.keys() {
            assert!(ids.insert(id.clone()), "{id} is in two areas");
        }
    }
}

/// Every `msg!(…, "id", name = …)`, `t!("id", name = …)` and `text!("id", name = …)` in the
/// code: (file, id, names). Each macro is found by its name followed by `!(`, with no letter,
/// digit or `_` before the name; the id is the first string literal inside.
fn call_sites() -> Vec<(String, String, BTreeSet<String>)> {
    let mut files = vec![];
    let mut stack: Vec<PathBuf> = CODE.iter().map(|d| root().join(d)).collect();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            files.push(p);
        }
    }
    let mut sites = vec![];
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root()).unwrap().display().to_string();
        for (at, _) in text.match_indices("!(") {
            let before = &text[..at];
            let is_msg = before.ends_with("msg")
                && !before[..at - 3].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            let is_t = before.ends_with('t')
                && !before[..at - 1].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            let is_text = before.ends_with("text")
                && !before[..at - 4].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            if !is_msg && !is_t && !is_text {
                continue;
            }
            // Comments name the macros without calling them.
            let line_start = before.rfind('\n').map_or(0, |n| n + 1);
            if before[line_start..].trim_start().starts_with("//") {
                continue;
            }
            // The macro's own definition (`macro_rules!`) has patterns, not ids.
            let rest = &text[at + 2..];
            let Some(q) = rest.find('"') else { continue };
            if rest[..q].contains('$') || rest[..q].contains(')') && is_t {
                continue;
            }
            let Some(end) = rest[q + 1..].find('"') else {
                continue;
            };
            let id = rest[q + 1..q + 1 + end].to_string();
            // The named arguments, up to the call's closing parenthesis.
            let mut depth = 1;
            let mut in_str = false;
            let mut close = rest.len();
            let bytes = rest.as_bytes();
            let mut i = q + end + 2;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' if in_str => i += 1,
                    b'"' => in_str = !in_str,
                    b'(' | b'[' | b'{' if !in_str => depth += 1,
                    b')' | b']' | b'}' if !in_str => {
                        depth -= 1;
                        if depth == 0 {
                            close = i;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            let args = &rest[q + end + 2..close];
            let mut names = BTreeSet::new();
            let mut depth = 0;
            let mut in_str = false;
            let mut start = 0;
            let abytes = args.as_bytes();
            for (j, b) in abytes.iter().enumerate() {
                match b {
                    b'"' => in_str = !in_str,
                    b'(' | b'[' | b'{' if !in_str => depth += 1,
                    b')' | b']' | b'}' if !in_str => depth -= 1,
                    b',' if !in_str && depth == 0 => {
                        if let Some(n) = arg_name(&args[start..j]) {
                            names.insert(n);
                        }
                        start = j + 1;
                    }
                    _ => {}
                }
            }
            if let Some(n) = arg_name(&args[start..]) {
                names.insert(n);
            }
            sites.push((name.clone(), id, names));
        }
    }
    sites
}

/// `name = value` → `name`.
fn arg_name(part: &str) -> Option<String> {
    let (name, _) = part.split_once('=')?;
    let name = name.trim();
    (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .then(|| name.to_string())
}

#[test]
fn every_message_asked_for_exists_with_its_variables_and_every_message_is_used() {
    let mut english = Messages::new();
    for area in AREAS {
        english.extend(read_area("en", area));
    }
    let sites = call_sites();
    assert!(
        sites.len() > 10,
        "the scan found only {} call sites",
        sites.len()
    );
    let mut used = BTreeSet::new();
    let mut problems = vec![];
    for (file, id, names) in &sites {
        if id == "no-such-message" {
            continue;
        }
        used.insert(id.clone());
        match english.get(id) {
            None => problems.push(format!("{file}: {id} is in no message file")),
            Some(vars) if vars != names => problems.push(format!(
                "{file}: {id} takes {vars:?}, the code gives {names:?}"
            )),
            _ => {}
        }
    }
    for id in english.keys() {
        if !used.contains(id) {
            problems.push(format!("{id} is never used"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
