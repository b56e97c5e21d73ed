//! `wallet-core`: the pure core of the learner wallet.
//!
//! Everything here is plain Rust (no `web-sys`, no `wasm-bindgen`) so it builds
//! for native targets and `wasm32-unknown-unknown` alike and is tested natively:
//!
//! - [`model`]: the normalized [`Credential`] and its parts;
//! - [`parse`]: Open Badges 3.0 (JSON, VC-JWT) and 2.0 (hosted, signed) → [`Credential`];
//! - [`lang_text`]: text written in several languages (VC DM 2.0 language value objects) and
//!   the pick for a reader's language;
//! - [`clr`]: Comprehensive Learner Record 2.0 transcripts and the credentials they nest;
//! - [`unbake`]: reading (and writing) badges baked into PNG and SVG images;
//! - [`import`]: bytes or pasted text → credentials, a URL to fetch, or a clear error;
//! - [`jws`]: the one splitter of compact JWS tokens;
//! - [`image`]: what a credential's or a baked file's image is, decided from its bytes;
//! - [`library`]: card summaries and the gallery filter/sort;
//! - [`time`]: calendar arithmetic, date-time parsing and the date helpers, in one place;
//! - [`backup`]: the backup file format; [`sealed`]: encrypted backups;
//! - [`qr`]: reading QR codes from a picture's pixels and what they hold.
//!
//! All entry points are total on arbitrary input (no panics), so they can be
//! fuzzed directly; the one exception is QR reading (`qr::read_codes`, see its module),
//! which runs only in the worker.

pub mod backup;
pub mod bidi;
pub mod certificate;
pub mod clr;
pub mod image;
pub mod import;
pub mod json;
pub mod jws;
pub mod lang_text;
pub mod library;
pub mod linked;
pub mod model;
pub mod parse;
pub mod qr;
pub mod report;
pub mod route;
pub mod sealed;
pub mod sources;
pub mod status;
pub mod time;
pub mod unbake;

pub use backup::{BackupEntry, read_backup, write_backup};
pub use image::{ImageKind, ImageSource, Raster, classify, image_source};
pub use import::{
    ImportOutcome, MAX_IMPORT_BYTES, Sniffed, import_bytes, import_bytes_in, import_text,
    import_text_in, sniff, sniff_in,
};
pub use library::{Facets, Query, SortKey, Summary, apply, facets};
pub use linked::{apply_linked, linked_urls_needed};
pub use model::*;
pub use parse::{JwsPart, JwsProblem, NotBadge, ParseError, parse_credential, split_presentation};
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
}
