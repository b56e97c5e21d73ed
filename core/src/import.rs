//! Import: a dropped/picked file's bytes, or pasted text, to credentials.
//!
//! The content decides, not the file name: PNG by signature, SVG by its root
//! element, anything else must be UTF-8 text (JSON, a compact JWS, or a URL).

use wallet_i18n::{Lang, msg};

use crate::model::Credential;
use crate::parse::{ParseError, parse_credential, split_presentation, strip_bom};
use crate::unbake::{Baked, unbake_png, unbake_svg};

/// Largest file accepted by [`import_bytes`].
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// What kind of content some bytes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sniffed {
    /// UTF-8 text (BOM removed).
    Text(String),
    /// A PNG image.
    Png,
    /// An SVG image.
    Svg,
}

/// The result of an import.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    /// One credential, or several from a presentation or a list.
    Credentials(Vec<Credential>),
    /// The image holds only a URL (or a URL was pasted): the shell fetches it
    /// and calls [`import_text`] with the response body.
    NeedsFetch(String),
    /// A message for the user, specific to what went wrong, in the language asked for
    /// ([`import_bytes_in`], [`import_text_in`]; English for [`import_bytes`], [`import_text`]).
    Error(String),
}

/// Recognize content: PNG signature, an SVG document, or UTF-8 text.
/// Other binary data gives a message naming the format when it is a common one (English;
/// [`sniff_in`] says it in another language).
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, String> {
    sniff_in(Lang::En, bytes)
}

/// [`sniff`], its message in `lang`.
pub fn sniff_in(lang: Lang, bytes: &[u8]) -> Result<Sniffed, String> {
    if bytes.starts_with(&crate::unbake::PNG_SIGNATURE) {
        return Ok(Sniffed::Png);
    }
    /// Common formats that are not badges, by their first bytes.
    enum Known {
        Jpeg,
        Gif,
        Pdf,
        Zip,
        Riff,
        DamagedPng,
    }
    let known: [(&[u8], Known); 6] = [
        (b"\xff\xd8\xff", Known::Jpeg),
        (b"GIF8", Known::Gif),
        (b"%PDF", Known::Pdf),
        (b"PK\x03\x04", Known::Zip),
        (b"RIFF", Known::Riff),
        (b"\x89PNG", Known::DamagedPng),
    ];
    for (magic, format) in known {
        if bytes.starts_with(magic) {
            let what = match format {
                Known::Jpeg => msg!(lang, "import-format-jpeg"),
                Known::Gif => msg!(lang, "import-format-gif"),
                Known::Pdf => msg!(lang, "import-format-pdf"),
                Known::Zip => msg!(lang, "import-format-zip"),
                Known::Riff => msg!(lang, "import-format-riff"),
                Known::DamagedPng => msg!(lang, "import-format-damaged-png"),
            };
            return Err(msg!(lang, "import-unsupported-format", what = what));
        }
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(msg!(lang, "import-binary-file"));
    };
    let text = strip_bom(text);
    if crate::image::is_svg_text(text) {
        return Ok(Sniffed::Svg);
    }
    Ok(Sniffed::Text(text.to_string()))
}

fn mb(lang: Lang, n: usize) -> String {
    let v = n as f64 / (1024.0 * 1024.0);
    let s = format!("{v:.1}");
    let s = s.strip_suffix(".0").map(str::to_string).unwrap_or(s);
    decimal(lang, &s)
}

/// A decimal number written by `format!` ("10.5") as `lang` writes it ("10,5" in French).
pub fn decimal(lang: Lang, formatted: &str) -> String {
    match lang {
        Lang::En => formatted.to_string(),
        Lang::Fr => formatted.replace('.', ","),
    }
}

/// A count in a message: as Rust writes it in English ("100000", what the messages have
/// always said), grouped as `lang` writes it elsewhere ("100 000" in French).
pub(crate) fn count(lang: Lang, n: u64) -> String {
    match lang {
        Lang::En => n.to_string(),
        _ => wallet_i18n::number(lang, n),
    }
}

/// Import a file. `name` is only used to word messages (e.g. a `.png` that is
/// not a PNG). Messages in English; [`import_bytes_in`] says them in another language.
pub fn import_bytes(name: &str, bytes: &[u8]) -> ImportOutcome {
    import_bytes_in(Lang::En, name, bytes)
}

/// [`import_bytes`], its messages in `lang`.
pub fn import_bytes_in(lang: Lang, name: &str, bytes: &[u8]) -> ImportOutcome {
    if bytes.len() > MAX_IMPORT_BYTES {
        return ImportOutcome::Error(msg!(
            lang,
            "import-file-too-large",
            size = mb(lang, bytes.len()),
            limit = MAX_IMPORT_BYTES / (1024 * 1024)
        ));
    }
    if bytes.is_empty() {
        return ImportOutcome::Error(msg!(lang, "import-file-empty"));
    }
    let lower = name.to_ascii_lowercase();
    let sniffed = match sniff_in(lang, bytes) {
        Ok(s) => s,
        Err(m) => return ImportOutcome::Error(m),
    };
    let baked = match sniffed {
        Sniffed::Png => unbake_png(bytes),
        Sniffed::Svg => match std::str::from_utf8(bytes) {
            Ok(t) => unbake_svg(t),
            Err(_) => return ImportOutcome::Error(msg!(lang, "import-svg-not-utf8")),
        },
        Sniffed::Text(text) => {
            if lower.ends_with(".png") {
                return ImportOutcome::Error(msg!(lang, "import-png-misnamed"));
            }
            return import_text_in(lang, &text);
        }
    };
    match baked {
        Ok(Baked::Url(url)) => ImportOutcome::NeedsFetch(url),
        Ok(Baked::Text(text)) => match import_text_in(lang, &text) {
            ImportOutcome::NeedsFetch(u) => ImportOutcome::NeedsFetch(u),
            ImportOutcome::Credentials(c) => ImportOutcome::Credentials(c),
            ImportOutcome::Error(m) => {
                ImportOutcome::Error(msg!(lang, "import-baked-badge-error", reason = m))
            }
        },
        Err(e) => ImportOutcome::Error(e.message(lang)),
    }
}

/// Import pasted (or fetched) text: JSON, a compact JWS, a VerifiablePresentation
/// or a JSON list of credentials, or an http(s) URL (→ [`ImportOutcome::NeedsFetch`]).
///
/// From a presentation or list, the items that are badges are imported; the
/// import fails only when none is. Messages in English; [`import_text_in`] says them in
/// another language.
pub fn import_text(text: &str) -> ImportOutcome {
    import_text_in(Lang::En, text)
}

/// [`import_text`], its messages in `lang`.
pub fn import_text_in(lang: Lang, text: &str) -> ImportOutcome {
    let t = strip_bom(text).trim();
    if t.is_empty() {
        return ImportOutcome::Error(ParseError::Empty.message(lang));
    }
    if !t.contains(char::is_whitespace)
        && let Some(url) = crate::safe_link(t)
    {
        return ImportOutcome::NeedsFetch(url.to_string());
    }
    if t.starts_with('<') {
        return ImportOutcome::Error(msg!(lang, "import-html-page"));
    }
    if let Some(items) = split_presentation(t) {
        return import_many(lang, items, Many::Presentation);
    }
    if t.starts_with('[')
        && let Ok(serde_json::Value::Array(items)) = crate::json::from_str(t)
    {
        let texts = items
            .iter()
            .filter_map(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Object(_) => serde_json::to_string(v).ok(),
                _ => None,
            })
            .collect();
        return import_many(lang, texts, Many::List);
    }
    if is_backup(t) {
        return ImportOutcome::Error(msg!(lang, "import-backup-file"));
    }
    match parse_credential(text) {
        Ok(c) => ImportOutcome::Credentials(vec![c]),
        Err(e) => ImportOutcome::Error(e.message(lang)),
    }
}

/// What holds several credentials.
#[derive(Clone, Copy)]
enum Many {
    Presentation,
    List,
}

/// A plain or encrypted backup file of this wallet (given to the importer by mistake). Only
/// text naming one of the two types is parsed a second time.
fn is_backup(t: &str) -> bool {
    use crate::{backup::BACKUP_TYPE, sealed::SEALED_TYPE};
    t.starts_with('{')
        && (t.contains(BACKUP_TYPE) || t.contains(SEALED_TYPE))
        && crate::json::from_str(t).is_ok_and(|v| {
            matches!(
                v.get("type").and_then(|t| t.as_str()),
                Some(BACKUP_TYPE | SEALED_TYPE)
            )
        })
}

fn import_many(lang: Lang, items: Vec<String>, what: Many) -> ImportOutcome {
    if items.is_empty() {
        return ImportOutcome::Error(match what {
            Many::Presentation => msg!(lang, "import-presentation-empty"),
            Many::List => msg!(lang, "import-list-empty"),
        });
    }
    let n = items.len();
    let mut creds = Vec::new();
    let mut first_err = None;
    for item in items {
        match parse_credential(&item) {
            Ok(c) => creds.push(c),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    match first_err {
        Some(e) if creds.is_empty() => {
            let first = e.message(lang);
            ImportOutcome::Error(match what {
                Many::Presentation => {
                    msg!(lang, "import-presentation-no-badge", n = n, first = first)
                }
                Many::List => msg!(lang, "import-list-no-badge", n = n, first = first),
            })
        }
        _ => ImportOutcome::Credentials(creds),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unbake::{KEYWORD_OB3, bake_png, bake_svg};

    const OB3: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"id":"urn:x:1","credentialSubject":{"achievement":{"name":"Imported"}}}"#;

    fn tiny_png() -> Vec<u8> {
        crate::unbake::tests::tiny_png()
    }

    fn creds(o: ImportOutcome) -> Vec<Credential> {
        match o {
            ImportOutcome::Credentials(c) => c,
            other => panic!("{other:?}"),
        }
    }

    fn err(o: ImportOutcome) -> String {
        match o {
            ImportOutcome::Error(m) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(&tiny_png()), Ok(Sniffed::Png));
        assert_eq!(sniff(b"\xef\xbb\xbf<svg/>"), Ok(Sniffed::Svg));
        assert_eq!(sniff(b"<?xml version=\"1.0\"?>\n<svg/>"), Ok(Sniffed::Svg));
        assert_eq!(sniff(b"\xef\xbb\xbf{}"), Ok(Sniffed::Text("{}".into())));
        assert!(sniff(b"\xff\xd8\xff\xe0").unwrap_err().contains("JPEG"));
        assert!(sniff(&[0x00, 0xff, 0xfe]).unwrap_err().contains("binary"));
    }

    #[test]
    fn import_json_png_svg() {
        assert_eq!(
            creds(import_bytes("a.json", OB3.as_bytes()))[0].name,
            "Imported"
        );
        let png = bake_png(&tiny_png(), KEYWORD_OB3, OB3).unwrap();
        let c = creds(import_bytes("a.png", &png));
        assert_eq!(c[0].local_id, "urn:x:1");
        let svg = bake_svg(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
            true,
            OB3,
        )
        .unwrap();
        assert_eq!(
            creds(import_bytes("a.svg", svg.as_bytes()))[0].name,
            "Imported"
        );
        let url_png = bake_png(&tiny_png(), "openbadges", "https://example.org/a").unwrap();
        assert_eq!(
            import_bytes("x", &url_png),
            ImportOutcome::NeedsFetch("https://example.org/a".into())
        );
    }

    #[test]
    fn import_errors() {
        assert_eq!(err(import_bytes("a", b"")), "this file is empty");
        let big = vec![b' '; MAX_IMPORT_BYTES + 1];
        assert_eq!(
            err(import_bytes("a", &big)),
            "this file is too large (10 MB; the limit is 10 MB)"
        );
        let big = vec![b' '; MAX_IMPORT_BYTES * 3 / 2];
        assert!(err(import_bytes("a", &big)).contains("(15 MB;"));
        assert!(err(import_bytes("a.png", b"{}")).contains("named .png"));
        assert_eq!(
            err(import_bytes("a.png", &tiny_png())),
            "this PNG has no baked badge (no openbadges / openbadgecredential text chunk)"
        );
        let png = bake_png(&tiny_png(), KEYWORD_OB3, "{\"type\":\"x\"}").unwrap();
        let m = err(import_bytes("a.png", &png));
        assert!(
            m.starts_with("the badge baked into this image: not a badge"),
            "{m}"
        );
        assert!(err(import_text("  ")).contains("empty"));
        assert!(err(import_text("{")).starts_with("This is not valid JSON (line 1"));
        assert!(err(import_text("<!doctype html><html></html>")).contains("HTML"));
        assert!(err(import_bytes("a.html", b"<html></html>")).contains("HTML"));
    }

    #[test]
    fn errors_are_said_in_the_readers_language() {
        let fr = Lang::Fr;
        let png = bake_png(&tiny_png(), KEYWORD_OB3, "{\"type\":\"x\"}").unwrap();
        let big = vec![b' '; MAX_IMPORT_BYTES * 3 / 2];
        let cases: Vec<(ImportOutcome, &str)> = vec![
            (import_bytes_in(fr, "a", b""), "ce fichier est vide"),
            (
                import_bytes_in(fr, "a", &big),
                "ce fichier est trop volumineux (15 Mo\u{202f}; la limite est de 10 Mo)",
            ),
            (
                import_bytes_in(fr, "a.jpg", b"\xff\xd8\xff\xe0"),
                "il s’agit d’une image JPEG\u{202f}; les badges peuvent être importés depuis des \
                 images PNG ou SVG, des fichiers JSON ou du texte signé (JWS)",
            ),
            (
                import_bytes_in(fr, "a.png", &tiny_png()),
                "ce PNG ne contient aucun badge intégré (pas de bloc de texte openbadges / \
                 openbadgecredential)",
            ),
            (
                import_bytes_in(fr, "a.png", &png),
                "le badge intégré à cette image\u{a0}: ce n’est pas un badge que ce portefeuille \
                 sait lire\u{a0}: le document n’a pas le type OpenBadgeCredential ni \
                 AchievementCredential (son type est x)",
            ),
            (
                import_text_in(fr, "  "),
                "Il n’y a rien à importer\u{a0}: le texte est vide.",
            ),
            (
                import_text_in(fr, "{"),
                "Ce n’est pas du JSON valide (ligne 1, colonne 1)\u{a0}: EOF while parsing an object",
            ),
            (
                import_text_in(fr, r#"{"type":"VerifiablePresentation"}"#),
                "cette présentation ne contient aucune attestation",
            ),
            (
                import_text_in(fr, r#"[{"type":"Profile"}]"#),
                "cette liste contient 1 attestation, mais aucune n’est un badge que ce \
                 portefeuille sait lire\u{202f}; la première\u{a0}: ce n’est pas un badge que ce \
                 portefeuille sait lire\u{a0}: c’est le profil d’un émetteur, pas un badge",
            ),
        ];
        for (outcome, want) in cases {
            assert_eq!(err(outcome), want);
        }
        // English is what import_bytes and import_text say.
        assert_eq!(err(import_text_in(Lang::En, "  ")), err(import_text("  ")));
    }

    #[test]
    fn import_text_variants() {
        assert_eq!(
            import_text(" https://example.org/b.json \n"),
            ImportOutcome::NeedsFetch("https://example.org/b.json".into())
        );
        let vp = format!(
            r#"{{"type":"VerifiablePresentation","verifiableCredential":[{OB3},{{"type":"VerifiableCredential"}}]}}"#
        );
        assert_eq!(creds(import_text(&vp)).len(), 1);
        let vp_bad = r#"{"type":"VerifiablePresentation","verifiableCredential":[{"type":"VerifiableCredential"}]}"#;
        assert!(err(import_text(vp_bad)).contains("none is a badge"));
        let vp_empty = r#"{"type":"VerifiablePresentation"}"#;
        assert!(err(import_text(vp_empty)).contains("holds no credentials"));
        let list = format!("[{OB3}, {OB3}]");
        assert_eq!(creds(import_text(&list)).len(), 2);
    }
}
