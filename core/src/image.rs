//! Images from credentials and baked files: what may be shown, decided from the bytes.
//!
//! Why this module exists: a credential names its image (`data:` URI or a URL) and a baked
//! badge *is* an image, and both are written by whoever made the badge. An SVG or HTML document
//! served from the wallet's own origin (a `blob:` URL, say) runs its scripts there the moment
//! someone opens it in a tab, and could read every stored credential. So the declared type
//! (`data:image/png…`, a Blob's type, a server's `Content-Type`, a file name) is never trusted:
//! [`classify`] looks at the bytes, and the shell makes a Blob only with the type of a sniffed
//! raster format ([`Raster::mime`]). An SVG is only ever rasterized, through an `<img>` of an
//! inert `data:` URL ([`svg_data_url`]; `<img>` never runs script and a `data:` document has an
//! opaque origin). Everything else is shown as a neutral placeholder.
//!
//! Pure and total: no panics on any input.

use base64::Engine;

/// Largest image the wallet fetches, stores or shows (bytes).
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;

/// A raster format recognised by its signature.
///
/// Invariant: a value of this type only ever comes from [`sniff_raster`] on the very bytes it
/// describes, so `mime()` is the true type of those bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Raster {
    Png,
    Jpeg,
    Gif,
    Webp,
    Avif,
}

impl Raster {
    /// The MIME type to give a Blob of these bytes.
    pub fn mime(self) -> &'static str {
        match self {
            Raster::Png => "image/png",
            Raster::Jpeg => "image/jpeg",
            Raster::Gif => "image/gif",
            Raster::Webp => "image/webp",
            Raster::Avif => "image/avif",
        }
    }
}

/// What some image bytes are, for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    /// A raster image: may be stored and shown as a Blob of [`Raster::mime`].
    Raster(Raster),
    /// An SVG document: shown only rasterized, via an inert `data:` URL in an `<img>`.
    Svg,
    /// Anything else (HTML, text, an unknown or truncated format, too large): a placeholder.
    Other,
}

/// The raster format of `bytes` from its signature, whatever anyone declared.
pub fn sniff_raster(bytes: &[u8]) -> Option<Raster> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Raster::Png);
    }
    if bytes.starts_with(b"\xff\xd8\xff") {
        return Some(Raster::Jpeg);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some(Raster::Gif);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some(Raster::Webp);
    }
    // ISO base media file: a first box `ftyp` whose major brand is AVIF (image or sequence).
    if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && (&bytes[8..12] == b"avif" || &bytes[8..12] == b"avis")
    {
        return Some(Raster::Avif);
    }
    None
}

/// Whether `text` (the start of a file) is an SVG document: `<svg` as the first element, after
/// an optional BOM, XML declaration, comments or doctype (looked for in the first 64 KiB).
pub fn is_svg_text(text: &str) -> bool {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    if t.starts_with("<svg") {
        return true;
    }
    if t.starts_with("<?xml") || t.starts_with("<!--") || t.starts_with("<!DOCTYPE") {
        let mut end = t.len().min(64 * 1024);
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        let head = &t[..end];
        return head.contains("<svg") || head.contains(":svg");
    }
    false
}

/// What `bytes` are, decided from the bytes alone.
pub fn classify(bytes: &[u8]) -> ImageKind {
    if bytes.is_empty() || bytes.len() > MAX_IMAGE_BYTES {
        return ImageKind::Other;
    }
    if let Some(r) = sniff_raster(bytes) {
        return ImageKind::Raster(r);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if is_svg_text(text) => ImageKind::Svg,
        _ => ImageKind::Other,
    }
}

/// How many leading bytes [`sniff_raster`] needs: a stored Blob's first `SNIFF_BYTES` decide
/// its raster type without reading the rest.
pub const SNIFF_BYTES: usize = 16;

/// What to do with a stored image Blob, decided from its size and its first [`SNIFF_BYTES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredImage {
    /// A raster image: shown as a Blob of [`Raster::mime`] (retyped when stored otherwise).
    Raster(Raster),
    /// Not a raster image (an SVG stored by an older version, or junk): read it whole and
    /// [`classify`] it.
    ReadAll,
    /// Empty or larger than [`MAX_IMAGE_BYTES`]: nothing is shown.
    Nothing,
}

/// The plan for a stored image of `size` bytes whose first bytes are `head`.
pub fn stored_image(size: u64, head: &[u8]) -> StoredImage {
    if size == 0 || size > MAX_IMAGE_BYTES as u64 {
        return StoredImage::Nothing;
    }
    match sniff_raster(head) {
        Some(r) => StoredImage::Raster(r),
        None => StoredImage::ReadAll,
    }
}

/// Where a credential's image is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageSource {
    /// In the credential itself (a `data:` URI), decoded. The declared type is ignored.
    Embedded(Vec<u8>),
    /// At an http(s) URL: fetched only at import, or when the learner asks.
    Remote(String),
    /// Nothing usable (another scheme, a broken `data:` URI).
    Unusable,
}

/// Where the image named by `src` (a credential's `image`) is.
pub fn image_source(src: &str) -> ImageSource {
    if let Some(url) = crate::safe_link(src) {
        return ImageSource::Remote(url.to_string());
    }
    match decode_data_url(src) {
        Some(bytes) => ImageSource::Embedded(bytes),
        None => ImageSource::Unusable,
    }
}

/// The bytes of a `data:` URI (base64 or percent-encoded), whatever type it declares.
/// `None` when it is not a `data:` URI, does not decode, or decodes to more than
/// [`MAX_IMAGE_BYTES`].
pub fn decode_data_url(uri: &str) -> Option<Vec<u8>> {
    let u = uri.trim();
    let head = u.get(..5)?;
    if !head.eq_ignore_ascii_case("data:") {
        return None;
    }
    let (meta, data) = u[5..].split_once(',')?;
    let is_base64 = meta
        .rsplit(';')
        .next()
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("base64"));
    let bytes = if is_base64 {
        let cleaned: Vec<u8> = data.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        let cleaned = percent_decode(&cleaned)?;
        let engine = base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new()
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
        );
        if cleaned.len() / 4 * 3 > MAX_IMAGE_BYTES + 3 {
            return None;
        }
        engine.decode(&cleaned).ok()?
    } else {
        percent_decode(data.as_bytes())?
    };
    (bytes.len() <= MAX_IMAGE_BYTES).then_some(bytes)
}

/// `%XX` escapes decoded; a malformed escape gives `None`.
fn percent_decode(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    Some(out)
}

/// An inert `data:image/svg+xml;base64,…` URL of SVG bytes, for an `<img>` only (never a Blob,
/// never a frame or a link).
pub fn svg_data_url(bytes: &[u8]) -> String {
    format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The host of an http(s) URL, lower-cased, for "Load the image from <host>".
pub fn url_host(url: &str) -> Option<String> {
    let u = crate::safe_link(url)?;
    let rest = u.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = if host_port.starts_with('[') {
        host_port.split_inclusive(']').next()?
    } else {
        host_port.split(':').next()?
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const SVG_SCRIPT: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>";

    #[test]
    fn classify_from_bytes_not_names() {
        let cases: &[(&[u8], ImageKind)] = &[
            (PNG, ImageKind::Raster(Raster::Png)),
            (
                b"\xff\xd8\xff\xe0\0\x10JFIF",
                ImageKind::Raster(Raster::Jpeg),
            ),
            (b"GIF89a\x01\0\x01\0", ImageKind::Raster(Raster::Gif)),
            (b"GIF87a\x01\0\x01\0", ImageKind::Raster(Raster::Gif)),
            (b"RIFF\x24\0\0\0WEBPVP8 ", ImageKind::Raster(Raster::Webp)),
            (
                b"\0\0\0\x1cftypavif\0\0\0\0",
                ImageKind::Raster(Raster::Avif),
            ),
            (
                b"\0\0\0\x1cftypavis\0\0\0\0",
                ImageKind::Raster(Raster::Avif),
            ),
            (SVG_SCRIPT.as_bytes(), ImageKind::Svg),
            (b"\xef\xbb\xbf  <svg/>", ImageKind::Svg),
            (
                b"<?xml version=\"1.0\"?><!DOCTYPE svg><svg/>",
                ImageKind::Svg,
            ),
            (b"<!-- c --><svg:svg xmlns:svg=\"x\"/>", ImageKind::Svg),
            // Not images: HTML, text, other RIFF/ISO files, truncated signatures, binary junk.
            (b"<html><script>alert(1)</script></html>", ImageKind::Other),
            (b"<!DOCTYPE html><p>hi", ImageKind::Other),
            (b"<script>alert(1)</script><svg/>", ImageKind::Other),
            (b"RIFF\x24\0\0\0WAVEfmt ", ImageKind::Other),
            (b"\0\0\0\x1cftypmp42\0\0\0\0", ImageKind::Other),
            (b"\x89PNG\r\n", ImageKind::Other),
            (b"GIF8", ImageKind::Other),
            (b"RIFF", ImageKind::Other),
            (b"%PDF-1.7", ImageKind::Other),
            (b"\xff\xfe<\0s\0v\0g\0", ImageKind::Other),
            (b"", ImageKind::Other),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                classify(bytes),
                *want,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn too_large_is_other() {
        let mut big = PNG.to_vec();
        big.resize(MAX_IMAGE_BYTES + 1, 0);
        assert_eq!(classify(&big), ImageKind::Other);
        big.truncate(MAX_IMAGE_BYTES);
        assert_eq!(classify(&big), ImageKind::Raster(Raster::Png));
    }

    #[test]
    fn stored_images() {
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        // (case, size, head, plan)
        let cases: &[(&str, u64, &[u8], StoredImage)] = &[
            ("png", 100, PNG, StoredImage::Raster(Raster::Png)),
            (
                "png head only",
                100,
                &PNG[..SNIFF_BYTES],
                StoredImage::Raster(Raster::Png),
            ),
            ("svg of an older version", 40, svg, StoredImage::ReadAll),
            ("junk", 5, b"hello", StoredImage::ReadAll),
            ("empty", 0, b"", StoredImage::Nothing),
            ("empty with a png head", 0, PNG, StoredImage::Nothing),
            (
                "largest",
                MAX_IMAGE_BYTES as u64,
                PNG,
                StoredImage::Raster(Raster::Png),
            ),
            (
                "too large",
                MAX_IMAGE_BYTES as u64 + 1,
                PNG,
                StoredImage::Nothing,
            ),
            ("huge", u64::MAX, b"", StoredImage::Nothing),
        ];
        for &(case, size, head, want) in cases {
            assert_eq!(stored_image(size, head), want, "{case}");
        }
    }

    /// The first [`SNIFF_BYTES`] decide a raster type exactly as the whole bytes do.
    #[test]
    fn sniff_bytes_are_enough() {
        let signatures: &[&[u8]] = &[
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
            b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01",
            b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff",
            b"RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0",
            b"\0\0\0\x1cftypavif\0\0\0\0avifmif1",
            b"\0\0\0\x1cftypavis\0\0\0\0avismsf1",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ];
        for bytes in signatures {
            assert_eq!(
                sniff_raster(&bytes[..SNIFF_BYTES]),
                sniff_raster(bytes),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn mime_types() {
        let cases = [
            (Raster::Png, "image/png"),
            (Raster::Jpeg, "image/jpeg"),
            (Raster::Gif, "image/gif"),
            (Raster::Webp, "image/webp"),
            (Raster::Avif, "image/avif"),
        ];
        for (r, m) in cases {
            assert_eq!(r.mime(), m);
        }
    }

    #[test]
    fn data_urls_decode_whatever_they_declare() {
        let b64 = base64::engine::general_purpose::STANDARD.encode(PNG);
        let cases: Vec<(String, Option<Vec<u8>>)> = vec![
            (format!("data:image/png;base64,{b64}"), Some(PNG.to_vec())),
            // A PNG declared as SVG, and as HTML: the bytes are what they are.
            (
                format!("data:image/svg+xml;base64,{b64}"),
                Some(PNG.to_vec()),
            ),
            (format!("DATA:text/html;BASE64,{b64}"), Some(PNG.to_vec())),
            (
                format!(" data:image/png;base64,{}\n", &b64[..4]),
                Some(PNG[..3].to_vec()),
            ),
            (
                "data:image/png;base64,iVBO Rw0K\nGgo=".into(),
                Some(PNG[..8].to_vec()),
            ),
            (
                "data:image/png;base64,iVBORw0KGgo".into(),
                Some(PNG[..8].to_vec()),
            ),
            (
                "data:image/svg+xml,%3Csvg%2F%3E".into(),
                Some(b"<svg/>".to_vec()),
            ),
            (
                "data:image/svg+xml;utf8,<svg/>".into(),
                Some(b"<svg/>".to_vec()),
            ),
            ("data:,".into(), Some(vec![])),
            ("data:image/png;base64,@@@@".into(), None),
            ("data:image/svg+xml,%3".into(), None),
            ("data:image/svg+xml,%zz".into(), None),
            ("data:image/png;base64".into(), None),
            ("https://example.org/a.png".into(), None),
            ("javascript:alert(1)".into(), None),
            ("dat".into(), None),
            ("daté".into(), None),
        ];
        for (uri, want) in cases {
            assert_eq!(decode_data_url(&uri), want, "{uri}");
        }
    }

    #[test]
    fn sources() {
        assert_eq!(
            image_source(" https://img.example/a.svg "),
            ImageSource::Remote("https://img.example/a.svg".into())
        );
        assert_eq!(
            image_source("data:image/svg+xml,<svg/>"),
            ImageSource::Embedded(b"<svg/>".to_vec())
        );
        assert_eq!(image_source("javascript:alert(1)"), ImageSource::Unusable);
        assert_eq!(image_source("file:///etc/passwd"), ImageSource::Unusable);
        assert_eq!(image_source("blob:https://x/1"), ImageSource::Unusable);
        assert_eq!(
            image_source("data:image/png;base64,!!"),
            ImageSource::Unusable
        );
    }

    #[test]
    fn svg_urls_are_base64_data() {
        let u = svg_data_url(SVG_SCRIPT.as_bytes());
        assert!(u.starts_with("data:image/svg+xml;base64,"));
        assert!(!u.contains('<') && !u.contains('"'));
        assert_eq!(decode_data_url(&u).unwrap(), SVG_SCRIPT.as_bytes());
    }

    #[test]
    fn hosts() {
        let cases = [
            ("https://Img.Example/a.png", Some("img.example")),
            ("http://127.0.0.1:8123/x.png", Some("127.0.0.1")),
            ("https://user:pw@h.example:8443/p?q#f", Some("h.example")),
            ("https://[::1]:8080/a", Some("[::1]")),
            ("https://h.example?x", Some("h.example")),
            ("data:image/png;base64,AA", None),
            ("https://", None),
            ("javascript:alert(1)", None),
        ];
        for (url, want) in cases {
            assert_eq!(url_host(url).as_deref(), want, "{url}");
        }
    }
}
