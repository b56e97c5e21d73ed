//! Baked badges: a credential (or a URL to one) embedded in a PNG or SVG image.
//!
//! - PNG: an `iTXt` chunk with keyword `openbadgecredential` (Open Badges 3.0)
//!   or `openbadges` (Open Badges 2.0; older bakers also used `tEXt`/`zTXt`).
//! - SVG: an `<openbadges:credential>` (3.0) or `<openbadges:assertion>` (2.0)
//!   element holding the document (usually in CDATA) or a `verify="URL"`
//!   attribute.
//!
//! The `bake_*` functions write the same structures; they serve the share
//! feature and the test fixtures.

use std::fmt;

/// What was found inside an image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Baked {
    /// The badge itself: JSON or a compact JWS (trimmed).
    Text(String),
    /// An http(s) URL where the badge (assertion) can be fetched.
    Url(String),
}

/// Why an image could not be unbaked (or baked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnbakeError {
    /// The bytes do not start with the PNG signature.
    NotPng,
    /// A chunk runs past the end of the file (before any badge was found).
    Truncated,
    /// A well-formed PNG with no badge chunk.
    NoBadgeInPng,
    /// The badge chunk is there but cannot be read; the reason is specific.
    BadChunk(String),
    /// The text is not well-formed XML / SVG; the reason comes from the parser.
    NotSvg(String),
    /// A well-formed SVG with no badge element.
    NoBadgeInSvg,
    /// The baked content is empty or not usable.
    EmptyBadge,
    /// Invalid arguments to a `bake_*` function.
    InvalidInput(String),
    /// The SVG declares entities or markup in a DOCTYPE internal subset: never
    /// expanded (a few lines of them can expand to gigabytes).
    SvgDeclarations,
    /// The SVG is more complex than any badge artwork (which limit says).
    SvgTooLarge(SvgLimit),
    /// The PNG has more text chunks than [`MAX_TEXT_CHUNKS`].
    TooManyTextChunks,
}

impl UnbakeError {
    /// What went wrong, in `lang`, for the person importing (or baking). A specific reason
    /// carried by the error (the XML parser's, a damaged chunk's) stays as it is: English.
    pub fn message(&self, lang: wallet_i18n::Lang) -> String {
        use crate::import::count;
        use wallet_i18n::msg;
        match self {
            UnbakeError::NotPng => msg!(lang, "import-unbake-not-png"),
            UnbakeError::Truncated => msg!(lang, "import-unbake-truncated"),
            UnbakeError::NoBadgeInPng => msg!(lang, "import-unbake-no-badge-png"),
            UnbakeError::BadChunk(r) => msg!(lang, "import-unbake-bad-chunk", reason = r),
            UnbakeError::NotSvg(r) => msg!(lang, "import-unbake-not-svg", reason = r),
            UnbakeError::NoBadgeInSvg => msg!(lang, "import-unbake-no-badge-svg"),
            UnbakeError::EmptyBadge => msg!(lang, "import-unbake-empty"),
            UnbakeError::InvalidInput(r) => msg!(lang, "import-unbake-invalid-input", reason = r),
            UnbakeError::SvgDeclarations => msg!(lang, "import-unbake-svg-declarations"),
            UnbakeError::SvgTooLarge(limit) => {
                let what = match limit {
                    SvgLimit::Nodes => msg!(
                        lang,
                        "import-unbake-svg-nodes",
                        n = count(lang, u64::from(MAX_SVG_NODES))
                    ),
                    SvgLimit::Attributes => msg!(
                        lang,
                        "import-unbake-svg-attributes",
                        n = count(lang, MAX_SVG_ATTRIBUTES as u64)
                    ),
                    SvgLimit::AttributeWork => msg!(lang, "import-unbake-svg-attribute-work"),
                    SvgLimit::Namespaces => msg!(
                        lang,
                        "import-unbake-svg-namespaces",
                        n = count(lang, MAX_SVG_NAMESPACES as u64)
                    ),
                    SvgLimit::Depth => msg!(
                        lang,
                        "import-unbake-svg-depth",
                        n = count(lang, MAX_SVG_DEPTH as u64)
                    ),
                };
                msg!(lang, "import-unbake-svg-too-large", what = what)
            }
            UnbakeError::TooManyTextChunks => msg!(
                lang,
                "import-unbake-too-many-chunks",
                n = count(lang, MAX_TEXT_CHUNKS as u64)
            ),
        }
    }
}

impl fmt::Display for UnbakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(wallet_i18n::Lang::En))
    }
}

impl std::error::Error for UnbakeError {}

/// Which bound an SVG exceeds ([`UnbakeError::SvgTooLarge`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SvgLimit {
    /// [`MAX_SVG_NODES`].
    Nodes,
    /// [`MAX_SVG_ATTRIBUTES`] on one element.
    Attributes,
    /// [`MAX_SVG_ATTRIBUTE_WORK`] over the document.
    AttributeWork,
    /// [`MAX_SVG_NAMESPACES`].
    Namespaces,
    /// [`MAX_SVG_DEPTH`].
    Depth,
}

/// The PNG file signature.
pub const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
/// Maximum size of decompressed text we accept from the compressed chunks of
/// one PNG, all together (not only per chunk).
pub const MAX_INFLATED_BYTES: usize = 8 * 1024 * 1024;
/// Most text chunks (`tEXt`, `zTXt`, `iTXt`) one PNG may have: real images
/// carry a handful (software, comments, XMP, the badge).
pub const MAX_TEXT_CHUNKS: usize = 100;
/// Most nodes (elements, text, comments, attributes' namespaces) an SVG may
/// have. Badge artwork has a few thousand; the parser's time is linear in it
/// (100,000 nodes: about 70 ms natively at the release build's opt-level "z").
pub const MAX_SVG_NODES: u32 = 100_000;
/// Most attributes on one SVG element. The parser checks each new attribute
/// against the element's earlier ones (quadratic in their number).
pub const MAX_SVG_ATTRIBUTES: usize = 256;
/// Bound on the sum over elements of (attributes)²: the parser's
/// duplicate-attribute work. Artwork with 100,000 elements of 8 attributes
/// uses 6.4 M.
pub const MAX_SVG_ATTRIBUTE_WORK: usize = 16_000_000;
/// Most `xmlns` declarations in one SVG. Each element that declares one copies
/// the namespaces in scope (quadratic in their number); artwork has about ten.
pub const MAX_SVG_NAMESPACES: usize = 1000;
/// Deepest element nesting in an SVG (artwork nests a few dozen groups).
pub const MAX_SVG_DEPTH: usize = 1000;
/// PNG keyword for Open Badges 3.0.
pub const KEYWORD_OB3: &str = "openbadgecredential";
/// PNG keyword for Open Badges 2.0.
pub const KEYWORD_OB2: &str = "openbadges";
/// SVG namespace for Open Badges 3.0.
pub const SVG_NS_OB3: &str = "https://purl.imsglobal.org/ob/v3p0";
/// SVG namespace for Open Badges 2.0.
pub const SVG_NS_OB2: &str = "http://openbadges.org";

fn classify(text: &str) -> Result<Baked, UnbakeError> {
    let t = crate::parse::strip_bom(text).trim();
    if t.is_empty() {
        return Err(UnbakeError::EmptyBadge);
    }
    if !t.chars().any(char::is_whitespace)
        && let Some(url) = crate::safe_link(t)
    {
        return Ok(Baked::Url(url.to_string()));
    }
    Ok(Baked::Text(t.to_string()))
}

// ---------------------------------------------------------------------------
// PNG

/// One chunk of a PNG: its type, its data and its byte range in the file.
struct Chunk<'a> {
    kind: [u8; 4],
    data: &'a [u8],
    start: usize,
    end: usize,
}

/// Walks the chunks. Yields `Err(Truncated)` once if a chunk runs past the end
/// and stops after `IEND`. Never reads out of bounds. CRCs are not checked:
/// a wrong CRC does not make the credential inside less verifiable.
struct Chunks<'a> {
    bytes: &'a [u8],
    pos: usize,
    done: bool,
}

impl<'a> Iterator for Chunks<'a> {
    type Item = Result<Chunk<'a>, UnbakeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let b = self.bytes;
        let pos = self.pos;
        let header = b.get(pos..pos.checked_add(8)?);
        let Some(header) = header else {
            self.done = true;
            return Some(Err(UnbakeError::Truncated));
        };
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = [header[4], header[5], header[6], header[7]];
        let data_start = pos + 8;
        let end = data_start.checked_add(len).and_then(|e| e.checked_add(4));
        let Some(end) = end.filter(|e| *e <= b.len()) else {
            self.done = true;
            return Some(Err(UnbakeError::Truncated));
        };
        self.pos = end;
        if &kind == b"IEND" {
            self.done = true;
        }
        Some(Ok(Chunk {
            kind,
            data: &b[data_start..data_start + len],
            start: pos,
            end,
        }))
    }
}

fn chunks(bytes: &[u8]) -> Result<Chunks<'_>, UnbakeError> {
    if bytes.len() < 8 || bytes[..8] != PNG_SIGNATURE {
        return Err(UnbakeError::NotPng);
    }
    Ok(Chunks {
        bytes,
        pos: 8,
        done: false,
    })
}

/// Inflates zlib data within what is left of the file's budget (`left`,
/// reduced by what this chunk inflates to).
fn inflate(data: &[u8], left: &mut usize) -> Result<Vec<u8>, UnbakeError> {
    let out = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(data, *left).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => UnbakeError::BadChunk(format!(
                "the compressed text in this PNG is larger than {} MB once decompressed",
                MAX_INFLATED_BYTES / (1024 * 1024)
            )),
            _ => UnbakeError::BadChunk("the compressed text cannot be decompressed".into()),
        },
    )?;
    *left -= out.len();
    Ok(out)
}

/// `tEXt`/`zTXt` text is Latin-1 by the PNG spec, but bakers write UTF-8.
fn latin1_or_utf8(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

fn split_nul(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let i = data.iter().position(|&b| b == 0)?;
    Some((&data[..i], &data[i + 1..]))
}

/// The keyword of a text chunk (`iTXt`, `tEXt`, `zTXt`), if it is one.
fn text_keyword<'a>(c: &Chunk<'a>) -> Option<&'a [u8]> {
    if !matches!(&c.kind, b"iTXt" | b"tEXt" | b"zTXt") {
        return None;
    }
    split_nul(c.data).map(|(k, _)| k)
}

fn chunk_text(c: &Chunk<'_>, left: &mut usize) -> Result<String, UnbakeError> {
    let Some((_, rest)) = split_nul(c.data) else {
        return Err(UnbakeError::BadChunk(
            "the text chunk has no keyword separator".into(),
        ));
    };
    match &c.kind {
        b"tEXt" => Ok(latin1_or_utf8(rest)),
        b"zTXt" => {
            let (&method, compressed) = rest
                .split_first()
                .ok_or_else(|| UnbakeError::BadChunk("the zTXt chunk is too short".into()))?;
            if method != 0 {
                return Err(UnbakeError::BadChunk(
                    "unknown zTXt compression method".into(),
                ));
            }
            Ok(latin1_or_utf8(&inflate(compressed, left)?))
        }
        _ => {
            // iTXt: flag, method, language\0, translated keyword\0, text.
            let short = || UnbakeError::BadChunk("the iTXt chunk is too short".into());
            let (&flag, rest) = rest.split_first().ok_or_else(short)?;
            let (&method, rest) = rest.split_first().ok_or_else(short)?;
            let (_lang, rest) = split_nul(rest).ok_or_else(short)?;
            let (_translated, text) = split_nul(rest).ok_or_else(short)?;
            let bytes = match flag {
                0 => text.to_vec(),
                1 if method == 0 => inflate(text, left)?,
                1 => {
                    return Err(UnbakeError::BadChunk(
                        "unknown iTXt compression method".into(),
                    ));
                }
                _ => {
                    return Err(UnbakeError::BadChunk(
                        "invalid iTXt compression flag".into(),
                    ));
                }
            };
            String::from_utf8(bytes)
                .map_err(|_| UnbakeError::BadChunk("the iTXt text is not UTF-8".into()))
        }
    }
}

/// Find the badge baked into a PNG.
///
/// The chunks are walked here rather than with the `png` crate: its reader
/// stops collecting metadata at the first `IDAT`, and bakers often put the
/// `iTXt` after the image data, just before `IEND`.
///
/// An `openbadgecredential` chunk (3.0) wins over an `openbadges` one (2.0).
/// Keywords are matched ASCII case-insensitively. If the file is cut short
/// after a complete badge chunk, the badge is still returned.
///
/// Bounded work: the first badge chunk that cannot be read ends the search
/// with its error; at most one chunk of each version is read; at most
/// [`MAX_TEXT_CHUNKS`] text chunks are looked at; and all compressed chunks
/// together inflate to at most [`MAX_INFLATED_BYTES`].
pub fn unbake_png(bytes: &[u8]) -> Result<Baked, UnbakeError> {
    let mut ob2: Option<String> = None;
    let mut truncated = false;
    let mut text_chunks = 0;
    let mut left = MAX_INFLATED_BYTES;
    for chunk in chunks(bytes)? {
        let chunk = match chunk {
            Ok(c) => c,
            Err(_) => {
                truncated = true;
                break;
            }
        };
        let Some(keyword) = text_keyword(&chunk) else {
            continue;
        };
        text_chunks += 1;
        if text_chunks > MAX_TEXT_CHUNKS {
            return Err(UnbakeError::TooManyTextChunks);
        }
        if keyword.eq_ignore_ascii_case(KEYWORD_OB3.as_bytes()) && &chunk.kind == b"iTXt" {
            return classify(&chunk_text(&chunk, &mut left)?);
        }
        if keyword.eq_ignore_ascii_case(KEYWORD_OB2.as_bytes()) && ob2.is_none() {
            ob2 = Some(chunk_text(&chunk, &mut left)?);
        }
    }
    match ob2 {
        Some(t) => classify(&t),
        None if truncated => Err(UnbakeError::Truncated),
        None => Err(UnbakeError::NoBadgeInPng),
    }
}

/// Appends one PNG chunk to `out`: length (big-endian), type, data, and the
/// CRC-32 of type and data. Used for baking and by the app's PNG encoder.
/// A minimal PNG encoder: 8-bit grayscale (`rgba == false`) or RGBA, no interlace, one IDAT
/// (zlib level 9). Used for the share QR code and the generated badge image.
pub fn encode_png(width: u32, height: u32, rgba: bool, pixels: &[u8]) -> Vec<u8> {
    let row = width as usize * if rgba { 4 } else { 1 };
    let mut raw = Vec::with_capacity((row + 1) * height as usize);
    for line in pixels.chunks(row).take(height as usize) {
        raw.push(0); // filter: none
        raw.extend_from_slice(line);
    }
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, if rgba { 6 } else { 0 }, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    write_chunk(&mut out, b"IHDR", &ihdr);
    write_chunk(
        &mut out,
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 9),
    );
    write_chunk(&mut out, b"IEND", &[]);
    out
}

pub fn write_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut h = crc32fast::Hasher::new();
    h.update(kind);
    h.update(data);
    out.extend_from_slice(&h.finalize().to_be_bytes());
}

/// Bake `text` into a PNG as an uncompressed `iTXt` chunk with `keyword`
/// (`openbadgecredential` for 3.0, `openbadges` for 2.0), placed right after
/// `IHDR`. Existing text chunks with the same keyword are removed.
pub fn bake_png(png: &[u8], keyword: &str, text: &str) -> Result<Vec<u8>, UnbakeError> {
    if keyword.is_empty()
        || keyword.len() > 79
        || !keyword.bytes().all(|b| (0x20..=0x7e).contains(&b))
    {
        return Err(UnbakeError::InvalidInput(
            "a PNG keyword has 1 to 79 printable ASCII characters".into(),
        ));
    }
    if u32::try_from(text.len()).is_err() || text.len() > i32::MAX as usize - 100 {
        return Err(UnbakeError::InvalidInput("the text is too large".into()));
    }
    let mut data = Vec::with_capacity(keyword.len() + 5 + text.len());
    data.extend_from_slice(keyword.as_bytes());
    data.extend_from_slice(&[0, 0, 0, 0, 0]); // \0, flag, method, lang\0, translated\0
    data.extend_from_slice(text.as_bytes());

    let mut out = Vec::with_capacity(png.len() + data.len() + 12);
    out.extend_from_slice(&PNG_SIGNATURE);
    let mut saw_ihdr = false;
    for (i, chunk) in chunks(png)?.enumerate() {
        let chunk = chunk?;
        if i == 0 && &chunk.kind != b"IHDR" {
            return Err(UnbakeError::InvalidInput(
                "the PNG does not start with IHDR".into(),
            ));
        }
        if text_keyword(&chunk).is_some_and(|k| k.eq_ignore_ascii_case(keyword.as_bytes())) {
            continue;
        }
        out.extend_from_slice(&png[chunk.start..chunk.end]);
        if i == 0 {
            saw_ihdr = true;
            write_chunk(&mut out, b"iTXt", &data);
        }
    }
    if !saw_ihdr {
        return Err(UnbakeError::Truncated);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// SVG

/// An XML prolog's DOCTYPE: its byte range, and whether it has an internal
/// subset (`[…]`) with anything but whitespace in it.
fn doctype(text: &str) -> Option<(std::ops::Range<usize>, bool)> {
    let b = text.as_bytes();
    let mut i = 0;
    // The prolog: whitespace, the XML declaration, processing instructions, comments.
    loop {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let rest = &text[i..];
        if rest.starts_with("<?") {
            i += rest.find("?>")? + 2;
        } else if rest.starts_with("<!--") {
            i += rest.find("-->")? + 3;
        } else if rest.starts_with("<!DOCTYPE") {
            break;
        } else {
            return None;
        }
    }
    let start = i;
    let mut quote: Option<u8> = None;
    let mut subset = false;
    i += "<!DOCTYPE".len();
    while let Some(&c) = b.get(i) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'[' => {
                let close = text[i..].find(']')?;
                subset = !text[i + 1..i + close].trim().is_empty();
                i += close;
            }
            None if c == b'>' => return Some((start..i + 1, subset)),
            None => {}
        }
        i += 1;
    }
    // Unterminated: let the parser word the error.
    Some((start..b.len(), true))
}

/// The text to parse: a DOCTYPE that only names a DTD (`<!DOCTYPE svg PUBLIC
/// …>`, common in exported SVG) is blanked to spaces (same byte offsets; a DTD
/// is never fetched, so it changes nothing); one that declares anything is
/// refused, so no entity is ever expanded.
fn without_doctype(text: &str) -> Result<std::borrow::Cow<'_, str>, UnbakeError> {
    match doctype(text) {
        None => Ok(std::borrow::Cow::Borrowed(text)),
        Some((_, true)) => Err(UnbakeError::SvgDeclarations),
        Some((range, false)) => {
            let mut s = String::with_capacity(text.len());
            s.push_str(&text[..range.start]);
            s.extend(std::iter::repeat_n(' ', range.len()));
            s.push_str(&text[range.end..]);
            Ok(std::borrow::Cow::Owned(s))
        }
    }
}

/// Counts what makes the XML parser's work grow faster than the text (see
/// [`MAX_SVG_ATTRIBUTES`], [`MAX_SVG_ATTRIBUTE_WORK`], [`MAX_SVG_NAMESPACES`])
/// with a scan of start tags (skipping comments, CDATA, processing
/// instructions and end tags). Anything it does not understand is skipped as
/// text: well-formedness is the parser's to judge.
fn prescan(text: &str) -> Result<(), UnbakeError> {
    let b = text.as_bytes();
    let skip_to = |from: usize, end: &str| text[from..].find(end).map(|k| from + k + end.len());
    let (mut work, mut namespaces, mut depth) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(k) = text[i..].find('<') {
        i += k;
        let rest = &text[i..];
        let next = if rest.starts_with("<!--") {
            skip_to(i + 4, "-->")
        } else if rest.starts_with("<![CDATA[") {
            skip_to(i + 9, "]]>")
        } else if rest.starts_with("<?") {
            skip_to(i + 2, "?>")
        } else if rest.starts_with("</") {
            depth = depth.saturating_sub(1);
            skip_to(i + 2, ">")
        } else if rest.starts_with("<!") {
            skip_to(i + 2, ">")
        } else {
            // A start tag: attribute names are what precedes each `=` outside quotes.
            let mut attributes = 0usize;
            let mut j = i + 1;
            let (mut word_start, mut after_space) = (j, false);
            let mut quote: Option<u8> = None;
            let mut end = None;
            while let Some(&c) = b.get(j) {
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None if c == b'"' || c == b'\'' => quote = Some(c),
                    None if c.is_ascii_whitespace() => after_space = true,
                    None if c == b'=' => {
                        attributes += 1;
                        if text[word_start..j].starts_with("xmlns") {
                            namespaces += 1;
                        }
                    }
                    None if c == b'>' => {
                        end = Some(j + 1);
                        break;
                    }
                    None if c == b'<' => {
                        end = Some(j);
                        break;
                    }
                    None => {
                        if after_space {
                            (word_start, after_space) = (j, false);
                        }
                    }
                }
                j += 1;
            }
            if attributes > MAX_SVG_ATTRIBUTES {
                return Err(UnbakeError::SvgTooLarge(SvgLimit::Attributes));
            }
            work += attributes * attributes;
            if work > MAX_SVG_ATTRIBUTE_WORK {
                return Err(UnbakeError::SvgTooLarge(SvgLimit::AttributeWork));
            }
            if namespaces > MAX_SVG_NAMESPACES {
                return Err(UnbakeError::SvgTooLarge(SvgLimit::Namespaces));
            }
            if end.is_some_and(|e| b[e - 1] == b'>' && b[e - 2] != b'/') {
                depth += 1;
                if depth > MAX_SVG_DEPTH {
                    return Err(UnbakeError::SvgTooLarge(SvgLimit::Depth));
                }
            }
            end.filter(|&e| e > i)
        };
        match next {
            Some(n) => i = n,
            None => break,
        }
    }
    Ok(())
}

/// Parses with DTDs refused and the node count capped: no entity expansion,
/// work linear in the text (after [`prescan`]).
fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_SVG_NODES,
    };
    roxmltree::Document::parse_with_options(text, opts)
}

fn xml_error(e: roxmltree::Error) -> UnbakeError {
    match e {
        roxmltree::Error::DtdDetected | roxmltree::Error::EntityReferenceLoop(_) => {
            UnbakeError::SvgDeclarations
        }
        roxmltree::Error::NodesLimitReached => UnbakeError::SvgTooLarge(SvgLimit::Nodes),
        e => UnbakeError::NotSvg(e.to_string()),
    }
}

/// Which badge element a node is: `Some(true)` for 3.0 `credential`,
/// `Some(false)` for 2.0 `assertion`. Matched by namespace URI, or leniently
/// by an `openbadges` prefix / any namespace mentioning openbadges.
fn badge_element(node: &roxmltree::Node<'_, '_>) -> Option<bool> {
    if !node.is_element() {
        return None;
    }
    let tag = node.tag_name();
    let ob3 = match tag.name() {
        "credential" => true,
        "assertion" => false,
        _ => return None,
    };
    let ns = tag.namespace()?;
    let ns_trim = ns.trim_end_matches('/');
    let known = ns_trim.eq_ignore_ascii_case(SVG_NS_OB3)
        || ns_trim.eq_ignore_ascii_case(SVG_NS_OB2)
        || ns_trim.eq_ignore_ascii_case("https://openbadges.org")
        || ns.to_ascii_lowercase().contains("openbadges")
        || ns.to_ascii_lowercase().contains("imsglobal.org/ob")
        || node.lookup_prefix(ns) == Some("openbadges");
    known.then_some(ob3)
}

fn element_badge(node: &roxmltree::Node<'_, '_>) -> Result<Baked, UnbakeError> {
    let mut content = String::new();
    for d in node.descendants() {
        if d.is_text()
            && let Some(t) = d.text()
        {
            content.push_str(t);
        }
    }
    if !content.trim().is_empty() {
        return classify(&content);
    }
    let verify = node
        .attributes()
        .find(|a| a.name() == "verify")
        .map(|a| a.value().trim().to_string());
    match verify {
        Some(v) if !v.is_empty() => match crate::safe_link(&v) {
            Some(url) => Ok(Baked::Url(url.to_string())),
            None => Err(UnbakeError::NotSvg(format!(
                "the badge's verify attribute is not an http(s) URL: {v}"
            ))),
        },
        _ => Err(UnbakeError::EmptyBadge),
    }
}

/// Add `xmlns:openbadges` to the root start tag (for SVGs that use the prefix
/// without declaring it). Returns `None` if there is no `<svg` to patch.
fn declare_prefix(text: &str) -> Option<String> {
    let i = text.find("<svg")?;
    let at = i + 4;
    let mut s = String::with_capacity(text.len() + 40);
    s.push_str(&text[..at]);
    s.push_str(" xmlns:openbadges=\"");
    s.push_str(SVG_NS_OB2);
    s.push('"');
    s.push_str(&text[at..]);
    Some(s)
}

/// Find the badge baked into an SVG image.
///
/// A 3.0 `credential` element wins over a 2.0 `assertion`. The element's text
/// (CDATA or plain, entities decoded) is the badge; when empty, its `verify`
/// attribute gives a URL.
///
/// Bounded work: no DTD is read and no entity but XML's own five is expanded
/// ([`UnbakeError::SvgDeclarations`]); nodes, attributes and namespace
/// declarations are capped ([`UnbakeError::SvgTooLarge`]).
pub fn unbake_svg(text: &str) -> Result<Baked, UnbakeError> {
    let text = without_doctype(crate::parse::strip_bom(text))?;
    let text = text.as_ref();
    prescan(text)?;
    let patched;
    let doc = match parse_xml(text) {
        Ok(d) => d,
        Err(roxmltree::Error::UnknownNamespace(prefix, _)) if prefix == "openbadges" => {
            patched = declare_prefix(text).ok_or(UnbakeError::NoBadgeInSvg)?;
            parse_xml(&patched).map_err(xml_error)?
        }
        Err(e) => return Err(xml_error(e)),
    };
    if !doc
        .root_element()
        .tag_name()
        .name()
        .eq_ignore_ascii_case("svg")
    {
        return Err(UnbakeError::NotSvg("the root element is not <svg>".into()));
    }
    let mut ob2 = None;
    for node in doc.descendants() {
        match badge_element(&node) {
            Some(true) => return element_badge(&node),
            Some(false) if ob2.is_none() => ob2 = Some(node),
            _ => {}
        }
    }
    match ob2 {
        Some(node) => element_badge(&node),
        None => Err(UnbakeError::NoBadgeInSvg),
    }
}

/// Byte offset just after the `>` that ends the start tag beginning at `start`,
/// and whether the tag is self-closing (`/>`).
fn start_tag_end(text: &str, start: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => {
                let self_closing = i > start && bytes[i - 1] == b'/';
                return Some((i + 1, self_closing));
            }
            None => {}
        }
        i += 1;
    }
    None
}

/// Text or an attribute value for XML: the five markup characters escaped, and the control
/// characters XML 1.0 does not allow dropped. The one XML escape of the app.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Bake `text` (JSON, a JWS, or an http(s) URL) into an SVG.
///
/// Declares `xmlns:openbadges` on the root element (3.0 namespace when `ob3`,
/// else the 2.0 one) and inserts `<openbadges:credential>` (3.0) or
/// `<openbadges:assertion>` (2.0) right after the root start tag, holding the
/// text in CDATA (a URL goes in a `verify` attribute). Existing badge elements
/// are removed first.
pub fn bake_svg(svg: &str, ob3: bool, text: &str) -> Result<String, UnbakeError> {
    let svg = crate::parse::strip_bom(svg);
    // Parsed without its DOCTYPE (same offsets); the output keeps the original's.
    let parsed = without_doctype(svg)?;
    prescan(&parsed)?;
    let doc = parse_xml(&parsed).map_err(xml_error)?;
    let root = doc.root_element();
    if !root.tag_name().name().eq_ignore_ascii_case("svg") {
        return Err(UnbakeError::NotSvg("the root element is not <svg>".into()));
    }
    let ns = if ob3 { SVG_NS_OB3 } else { SVG_NS_OB2 };
    let tag = if ob3 {
        "openbadges:credential"
    } else {
        "openbadges:assertion"
    };
    let root_start = root.range().start;
    let (tag_end, self_closing) = start_tag_end(svg, root_start)
        .ok_or_else(|| UnbakeError::NotSvg("the <svg> start tag is not closed".into()))?;

    // Where the prefix is declared on the root and to what.
    let declared = root
        .namespaces()
        .find(|n| n.name() == Some("openbadges"))
        .map(|n| n.uri().to_string());
    let root_decl = match &declared {
        None => format!(" xmlns:openbadges=\"{ns}\""),
        Some(_) => String::new(),
    };
    let element_decl = match &declared {
        Some(uri) if uri != ns => format!(" xmlns:openbadges=\"{ns}\""),
        _ => String::new(),
    };

    let body = text.trim();
    let element = match crate::safe_link(body).filter(|u| !u.contains(char::is_whitespace)) {
        Some(url) => format!("<{tag}{element_decl} verify=\"{}\"/>", xml_escape(url)),
        None => format!(
            "<{tag}{element_decl}><![CDATA[{}]]></{tag}>",
            body.replace("]]>", "]]]]><![CDATA[>")
        ),
    };

    // Ranges of existing badge elements (children of the root, after its start tag).
    let mut remove: Vec<std::ops::Range<usize>> = doc
        .descendants()
        .filter(|n| badge_element(n).is_some())
        .map(|n| n.range())
        .filter(|r| r.start >= tag_end)
        .collect();
    remove.sort_by_key(|r| r.start);
    let mut rest = String::with_capacity(svg.len() - tag_end);
    let mut pos = tag_end;
    for r in remove {
        if r.start < pos {
            continue; // nested inside an already removed element
        }
        rest.push_str(&svg[pos..r.start]);
        pos = r.end;
    }
    rest.push_str(&svg[pos..]);

    let mut out = String::with_capacity(svg.len() + element.len() + 64);
    if self_closing {
        // `<svg ... />` → `<svg ...>` + element + `</svg>`.
        let slash = tag_end - 2;
        out.push_str(&svg[..slash]);
        out.push_str(&root_decl);
        out.push('>');
        out.push_str(&element);
        out.push_str("</svg>");
        out.push_str(&rest);
    } else {
        let gt = tag_end - 1;
        out.push_str(&svg[..gt]);
        out.push_str(&root_decl);
        out.push('>');
        out.push_str(&element);
        out.push_str(&rest);
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn messages_in_french() {
        let fr = wallet_i18n::Lang::Fr;
        let cases = [
            (UnbakeError::Truncated, "le PNG est tronqué"),
            (
                UnbakeError::SvgTooLarge(SvgLimit::Nodes),
                "ce SVG comporte plus de 100\u{202f}000 éléments et parties de texte, plus \
                 qu’aucune image de badge\u{202f}; le portefeuille ne le lit pas",
            ),
            (
                UnbakeError::BadChunk("the zTXt chunk is too short".into()),
                "le badge intégré à ce PNG est endommagé\u{a0}: the zTXt chunk is too short",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.message(fr), want);
        }
        assert_eq!(
            UnbakeError::SvgTooLarge(SvgLimit::Nodes).to_string(),
            "this SVG has more than 100000 elements and text parts, more than any badge image; \
             the wallet does not read it"
        );
    }

    #[test]
    fn xml_escape_table() {
        for (input, want) in [
            ("plain", "plain"),
            ("a & b", "a &amp; b"),
            ("<svg onload=\"x\">", "&lt;svg onload=&quot;x&quot;&gt;"),
            ("it's", "it&apos;s"),
            ("bell\u{7}nul\u{0}", "bellnul"),
            ("tab\tnl\ncr\r", "tab\tnl\ncr\r"),
            ("é ✓ \u{202E}", "é ✓ \u{202E}"),
        ] {
            assert_eq!(xml_escape(input), want, "{input:?}");
        }
    }

    #[test]
    fn encoded_png_carries_a_baked_credential_back() {
        for (w, h, rgba) in [(1u32, 1u32, false), (3, 2, true), (17, 5, false)] {
            let px = vec![200u8; (w * h) as usize * if rgba { 4 } else { 1 }];
            let png = encode_png(w, h, rgba, &px);
            assert!(png.starts_with(&PNG_SIGNATURE));
            assert_eq!(&png[12..16], b"IHDR");
            assert_eq!(
                &png[16..24],
                [w.to_be_bytes(), h.to_be_bytes()].concat().as_slice()
            );
            let baked = bake_png(&png, "openbadgecredential", "{\"a\":1}").unwrap();
            assert_eq!(unbake_png(&baked), Ok(Baked::Text("{\"a\":1}".into())));
        }
    }

    /// A minimal valid 1×1 PNG (IHDR, IDAT, IEND).
    pub(crate) fn tiny_png() -> Vec<u8> {
        let mut out = PNG_SIGNATURE.to_vec();
        let ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
        write_chunk(&mut out, b"IHDR", &ihdr);
        let raw = [0u8, 255, 0, 0, 255];
        let idat = miniz_oxide::deflate::compress_to_vec_zlib(&raw, 6);
        write_chunk(&mut out, b"IDAT", &idat);
        write_chunk(&mut out, b"IEND", &[]);
        out
    }

    fn chunk_kinds(png: &[u8]) -> Vec<String> {
        chunks(png)
            .unwrap()
            .map(|c| String::from_utf8_lossy(&c.unwrap().kind).into_owned())
            .collect()
    }

    #[test]
    fn write_chunk_layout() {
        // IEND is the same in every PNG: length 0, type, CRC-32 of "IEND".
        let mut out = vec![0xAA];
        write_chunk(&mut out, b"IEND", &[]);
        assert_eq!(out, b"\xAA\0\0\0\0IEND\xAE\x42\x60\x82");
        let mut out = Vec::new();
        write_chunk(&mut out, b"tEXt", b"k\0v");
        assert_eq!(&out[..8], b"\0\0\0\x03tEXt");
        assert_eq!(&out[8..11], b"k\0v");
        let mut h = crc32fast::Hasher::new();
        h.update(b"tEXtk\0v");
        assert_eq!(out[11..], h.finalize().to_be_bytes());
    }

    #[test]
    fn bake_unbake_png_roundtrip() {
        let png = tiny_png();
        assert_eq!(unbake_png(&png), Err(UnbakeError::NoBadgeInPng));
        let baked = bake_png(&png, KEYWORD_OB3, "{\"a\":1}").unwrap();
        assert_eq!(chunk_kinds(&baked), ["IHDR", "iTXt", "IDAT", "IEND"]);
        assert_eq!(unbake_png(&baked), Ok(Baked::Text("{\"a\":1}".into())));
        // Re-baking replaces rather than duplicates.
        let again = bake_png(&baked, KEYWORD_OB3, "{\"b\":2}").unwrap();
        assert_eq!(chunk_kinds(&again), ["IHDR", "iTXt", "IDAT", "IEND"]);
        assert_eq!(unbake_png(&again), Ok(Baked::Text("{\"b\":2}".into())));
        // A URL is a URL.
        let url = bake_png(&png, KEYWORD_OB2, " https://example.org/a.json\n").unwrap();
        assert_eq!(
            unbake_png(&url),
            Ok(Baked::Url("https://example.org/a.json".into()))
        );
        // The CRC is right.
        let c = chunks(&baked).unwrap().nth(1).unwrap().unwrap();
        let crc = u32::from_be_bytes(baked[c.end - 4..c.end].try_into().unwrap());
        let mut h = crc32fast::Hasher::new();
        h.update(b"iTXt");
        h.update(c.data);
        assert_eq!(crc, h.finalize());
    }

    #[test]
    fn ob3_wins_over_ob2_and_itxt_after_idat() {
        let png = tiny_png();
        let iend_at = png.len() - 12;
        let mut out = png[..iend_at].to_vec();
        let mut d = b"openbadges\0https://example.org/ob2".to_vec();
        write_chunk(&mut out, b"tEXt", &d);
        d = b"openbadgecredential\0\0\0\0\0{\"x\":3}".to_vec();
        write_chunk(&mut out, b"iTXt", &d);
        out.extend_from_slice(&png[iend_at..]);
        assert_eq!(unbake_png(&out), Ok(Baked::Text("{\"x\":3}".into())));
    }

    #[test]
    fn compressed_chunks() {
        let png = tiny_png();
        let mut out = png[..png.len() - 12].to_vec();
        let z = miniz_oxide::deflate::compress_to_vec_zlib(b"{\"z\":true}", 9);
        let mut d = b"openbadges\0\x01\x00en\0\0".to_vec();
        d.extend_from_slice(&z);
        write_chunk(&mut out, b"iTXt", &d);
        write_chunk(&mut out, b"IEND", &[]);
        assert_eq!(unbake_png(&out), Ok(Baked::Text("{\"z\":true}".into())));

        let mut out = png[..png.len() - 12].to_vec();
        let mut d = b"openbadges\0\x00".to_vec();
        d.extend_from_slice(&z);
        write_chunk(&mut out, b"zTXt", &d);
        assert_eq!(unbake_png(&out), Ok(Baked::Text("{\"z\":true}".into())));

        // Garbage compressed data.
        let mut out = png[..png.len() - 12].to_vec();
        write_chunk(&mut out, b"iTXt", b"openbadges\0\x01\x00\0\0notzlib");
        assert!(matches!(unbake_png(&out), Err(UnbakeError::BadChunk(_))));
    }

    #[test]
    fn inflate_is_capped() {
        let big = vec![b' '; MAX_INFLATED_BYTES + 10];
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&big, 6);
        let png = tiny_png();
        let mut out = png[..33].to_vec();
        let mut d = b"openbadges\0\x01\x00\0\0".to_vec();
        d.extend_from_slice(&z);
        write_chunk(&mut out, b"iTXt", &d);
        match unbake_png(&out) {
            Err(UnbakeError::BadChunk(m)) => assert!(m.contains("larger"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn png_errors() {
        assert_eq!(unbake_png(b""), Err(UnbakeError::NotPng));
        assert_eq!(unbake_png(b"GIF89a......"), Err(UnbakeError::NotPng));
        let png = bake_png(&tiny_png(), KEYWORD_OB3, "{\"a\":1}").unwrap();
        // Cut inside the iTXt chunk: truncated.
        assert_eq!(unbake_png(&png[..40]), Err(UnbakeError::Truncated));
        // Cut after the iTXt chunk: the badge is still there.
        assert!(unbake_png(&png[..png.len() - 5]).is_ok());
        // A huge length field.
        let mut bad = PNG_SIGNATURE.to_vec();
        bad.extend_from_slice(&[0xff, 0xff, 0xff, 0xff]);
        bad.extend_from_slice(b"iTXt");
        assert_eq!(unbake_png(&bad), Err(UnbakeError::Truncated));
        for n in 0..png.len() {
            let _ = unbake_png(&png[..n]);
            let _ = bake_png(&png[..n], "openbadges", "x");
        }
        assert_eq!(
            UnbakeError::NoBadgeInPng.to_string(),
            "this PNG has no baked badge (no openbadges / openbadgecredential text chunk)"
        );
        assert!(bake_png(&tiny_png(), "", "x").is_err());
        assert!(bake_png(&tiny_png(), "bad\0kw", "x").is_err());
    }

    const SVG: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" data-x="a>b"><circle r="4"/></svg>"#;

    #[test]
    fn svg_roundtrip() {
        assert_eq!(unbake_svg(SVG), Err(UnbakeError::NoBadgeInSvg));
        let doc = r#"{"a":"x ]]> y <tag> & more"}"#;
        let baked = bake_svg(SVG, true, doc).unwrap();
        assert!(baked.contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\""));
        assert!(
            baked.contains(
                "data-x=\"a>b\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><openbadges:credential><![CDATA["
            ),
            "{baked}"
        );
        assert_eq!(unbake_svg(&baked), Ok(Baked::Text(doc.into())));
        // Re-bake replaces.
        let again = bake_svg(&baked, true, "{}").unwrap();
        assert_eq!(
            again.matches("<openbadges:credential").count(),
            1,
            "{again}"
        );
        assert_eq!(unbake_svg(&again), Ok(Baked::Text("{}".into())));
        // 2.0 with a URL after a 3.0 namespace declaration.
        let ob2 = bake_svg(&again, false, "https://example.org/a").unwrap();
        assert!(ob2.contains("verify=\"https://example.org/a\""));
        // The 3.0 credential element is still... removed (all badge elements are).
        assert_eq!(
            unbake_svg(&ob2),
            Ok(Baked::Url("https://example.org/a".into()))
        );
        // Self-closing root.
        let sc = bake_svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", false, "{}").unwrap();
        assert_eq!(unbake_svg(&sc), Ok(Baked::Text("{}".into())));
    }

    #[test]
    fn svg_variants() {
        let ob3_verify = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
            <openbadges:credential verify="https://example.org/c/1"></openbadges:credential></svg>"#;
        assert_eq!(
            unbake_svg(ob3_verify),
            Ok(Baked::Url("https://example.org/c/1".into()))
        );
        let ob2_text = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
            <openbadges:assertion verify="https://example.org/a/1">{"type":"Assertion"}</openbadges:assertion></svg>"#;
        assert_eq!(
            unbake_svg(ob2_text),
            Ok(Baked::Text("{\"type\":\"Assertion\"}".into()))
        );
        // Undeclared prefix: lenient.
        let undeclared = r#"<svg xmlns="http://www.w3.org/2000/svg"><openbadges:assertion verify="https://example.org/a/2"/></svg>"#;
        assert_eq!(
            unbake_svg(undeclared),
            Ok(Baked::Url("https://example.org/a/2".into()))
        );
        // Other prefix bound to the right namespace.
        let other = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0/"><ob:credential><![CDATA[ eyJ.eyJ.sig ]]></ob:credential></svg>"#;
        assert_eq!(unbake_svg(other), Ok(Baked::Text("eyJ.eyJ.sig".into())));
        let bad_verify = r#"<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="javascript:x"/></svg>"#;
        assert!(matches!(
            unbake_svg(bad_verify),
            Err(UnbakeError::NotSvg(_))
        ));
        assert!(matches!(unbake_svg("<svg"), Err(UnbakeError::NotSvg(_))));
        assert!(matches!(unbake_svg("<html/>"), Err(UnbakeError::NotSvg(_))));
        let empty =
            r#"<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion/></svg>"#;
        assert_eq!(unbake_svg(empty), Err(UnbakeError::EmptyBadge));
        // Billion laughs is refused, not expanded.
        let lol = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><svg>&lol9;</svg>"#;
        assert!(unbake_svg(lol).is_err());
        assert!(bake_svg("<html/>", true, "{}").is_err());
    }
}
