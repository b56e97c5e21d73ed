//! `wallet-core`: the pure core of the learner wallet.
//!
//! Everything here is plain Rust (no `web-sys`, no `wasm-bindgen`) so it builds
//! for native targets and `wasm32-unknown-unknown` alike and is tested natively:
//!
//! - [`model`]: the normalized [`Credential`] and its parts;
//! - [`parse`]: Open Badges 3.0 (JSON, VC-JWT) and 2.0 (hosted, signed) → [`Credential`];
//! - [`unbake`]: reading (and writing) badges baked into PNG and SVG images;
//! - [`import`]: bytes or pasted text → credentials, a URL to fetch, or a clear error;
//! - [`library`]: card summaries and the gallery filter/sort;
//! - [`backup`]: the backup file format.
//!
//! All entry points are total on arbitrary input (no panics), so they can be
//! fuzzed directly.

pub mod backup;
pub mod bidi;
pub mod import;
pub mod json;
pub mod library;
pub mod linked;
pub mod model;
pub mod parse;
pub mod unbake;

pub use backup::{BackupEntry, read_backup, write_backup};
pub use import::{ImportOutcome, MAX_IMPORT_BYTES, Sniffed, import_bytes, import_text, sniff};
pub use library::{Facets, Query, SortKey, Summary, apply, facets};
pub use linked::{apply_linked, linked_urls_needed};
pub use model::*;
pub use parse::{ParseError, parse_credential, split_presentation};
pub use unbake::{Baked, UnbakeError, bake_png, bake_svg, unbake_png, unbake_svg};

/// Returns the trimmed URL when it is safe to use as a link target: only
/// `http://` and `https://` (scheme case-insensitive) with something after the
/// scheme and no control characters. `javascript:`, `data:` and everything else
/// give `None`.
pub fn safe_link(url: &str) -> Option<&str> {
    let u = url.trim();
    if u.chars().any(char::is_control) {
        return None;
    }
    let rest = strip_prefix_ci(u, "https://").or_else(|| strip_prefix_ci(u, "http://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return None;
    }
    Some(u)
}

/// Returns the trimmed source when it is safe to show as an image: an
/// http(s) URL (see [`safe_link`]) or a `data:image/(png|jpeg|jpg|gif|webp|svg+xml)`
/// URI (SVG shown through `<img>` cannot run scripts).
pub fn safe_image_src(src: &str) -> Option<&str> {
    if let Some(u) = safe_link(src) {
        return Some(u);
    }
    let u = src.trim();
    let rest = strip_prefix_ci(u, "data:image/")?;
    const TYPES: [&str; 6] = ["png", "jpeg", "jpg", "gif", "webp", "svg+xml"];
    for t in TYPES {
        if let Some(after) = strip_prefix_ci(rest, t)
            && (after.starts_with(';') || after.starts_with(','))
        {
            return Some(u);
        }
    }
    None
}

/// ASCII case-insensitive `strip_prefix` that never slices inside a character.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        assert_eq!(
            safe_link(" https://example.org/x "),
            Some("https://example.org/x")
        );
        assert_eq!(safe_link("HTTP://Example.org"), Some("HTTP://Example.org"));
        assert_eq!(safe_link("javascript:alert(1)"), None);
        assert_eq!(safe_link("JavaScript:alert(1)"), None);
        assert_eq!(safe_link("data:text/html,<script>"), None);
        assert_eq!(safe_link("https://"), None);
        assert_eq!(safe_link("https:///x"), None);
        assert_eq!(safe_link("ftp://x"), None);
        assert_eq!(safe_link("//example.org"), None);
        assert_eq!(safe_link("https://a\nb"), None);
        assert_eq!(safe_link("é"), None);
        assert_eq!(safe_link("ééééééééé"), None);
        assert_eq!(safe_link(""), None);
    }

    #[test]
    fn images() {
        assert!(safe_image_src("https://x.example/a.png").is_some());
        assert!(safe_image_src("data:image/png;base64,AAA").is_some());
        assert!(safe_image_src("DATA:IMAGE/SVG+XML;base64,AAA").is_some());
        assert!(safe_image_src("data:image/svg+xml,<svg/>").is_some());
        assert!(safe_image_src("data:image/webp;base64,AAA").is_some());
        assert!(safe_image_src("data:image/pngx;base64,AAA").is_none());
        assert!(safe_image_src("data:text/html;base64,AAA").is_none());
        assert!(safe_image_src("javascript:alert(1)").is_none());
        assert!(safe_image_src("data:image/").is_none());
    }
}
