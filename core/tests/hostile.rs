//! Hostile images: entity bombs, DTDs, deep and wide SVGs, PNGs with many or
//! huge compressed chunks. Each must be refused with its specific message,
//! within a bounded time, and honest baked badges (with the DOCTYPE exporters
//! write) must still import.
//!
//! Every input is generated here; the e2e test (tests/e2e/specs/hostile-inputs)
//! writes the same kinds of files with the same recipes.

use std::time::{Duration, Instant};
use wallet_core::unbake::{
    MAX_INFLATED_BYTES, MAX_SVG_ATTRIBUTES, MAX_SVG_DEPTH, MAX_SVG_NODES, MAX_TEXT_CHUNKS,
    PNG_SIGNATURE, SvgLimit, write_chunk,
};
use wallet_core::{ImportOutcome, UnbakeError, bake_svg, import_bytes, unbake_png, unbake_svg};

/// CPU time allowed per input: 200 ms in an optimized build (`cargo test
/// --release`), ten times that unoptimized. Figures: `--nocapture`.
const SLOW: Duration = Duration::from_millis(if cfg!(debug_assertions) { 2000 } else { 200 });

/// CPU time of this thread (from /proc, so figures hold on a loaded machine);
/// wall time where /proc is not there.
fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(Duration::from_nanos)
        .unwrap_or_else(|| {
            static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
            START.get_or_init(Instant::now).elapsed()
        })
}

const OB3: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"id":"urn:x:hostile","credentialSubject":{"achievement":{"name":"Honest"}}}"#;

const SVG_HEAD: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">"#;

/// One internal entity referenced `n` times inside the badge element (3 bytes a reference).
pub fn entity_bomb(n: usize) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">]>\n{SVG_HEAD}<openbadges:credential>{}</openbadges:credential></svg>",
        "&a;".repeat(n)
    )
}

fn billion_laughs() -> String {
    let mut d = String::from("<!DOCTYPE svg [<!ENTITY l0 \"lol\">");
    for i in 1..10 {
        d.push_str(&format!(
            "<!ENTITY l{i} \"{}\">",
            format!("&l{};", i - 1).repeat(10)
        ));
    }
    d.push_str("]>");
    format!("{d}{SVG_HEAD}<text>&l9;</text></svg>")
}

fn svg_with_body(body: &str) -> String {
    format!("{SVG_HEAD}{body}</svg>")
}

fn png_base() -> Vec<u8> {
    let mut out = PNG_SIGNATURE.to_vec();
    write_chunk(&mut out, b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    let idat = miniz_oxide::deflate::compress_to_vec_zlib(&[0, 255, 0, 0, 255], 6);
    write_chunk(&mut out, b"IDAT", &idat);
    out
}

/// A compressed `iTXt` chunk `keyword` whose text inflates from `text`.
fn compressed_itxt(out: &mut Vec<u8>, keyword: &str, zlib: &[u8]) {
    let mut d = keyword.as_bytes().to_vec();
    d.extend_from_slice(b"\0\x01\x00\0\0");
    d.extend_from_slice(zlib);
    write_chunk(out, b"iTXt", &d);
}

/// `n` compressed `openbadges` chunks, each inflating to `each` bytes of spaces.
pub fn many_chunks(n: usize, each: usize) -> Vec<u8> {
    let z = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; each], 10);
    let mut out = png_base();
    for _ in 0..n {
        compressed_itxt(&mut out, "openbadges", &z);
    }
    write_chunk(&mut out, b"IEND", &[]);
    out
}

/// `n` chunks of `kind` (text ones when `tEXt`), then the badge, then IEND.
fn chunks_then_badge(n: usize, kind: &[u8; 4]) -> Vec<u8> {
    let mut out = png_base();
    for i in 0..n {
        let text = format!("Comment{i}\0hello");
        write_chunk(&mut out, kind, text.as_bytes());
    }
    let mut d = b"openbadgecredential\0\0\0\0\0".to_vec();
    d.extend_from_slice(OB3.as_bytes());
    write_chunk(&mut out, b"iTXt", &d);
    write_chunk(&mut out, b"IEND", &[]);
    out
}

/// `n` zlib bombs (each under the per-chunk limit) that together pass the total limit.
fn split_bomb() -> Vec<u8> {
    let each = MAX_INFLATED_BYTES / 2 + 1;
    let z = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; each], 10);
    let mut out = png_base();
    compressed_itxt(&mut out, "openbadges", &z); // read (2.0), then...
    compressed_itxt(&mut out, "openbadgecredential", &z); // ...3.0 wins and is read too
    write_chunk(&mut out, b"IEND", &[]);
    out
}

enum Input {
    Svg(String),
    Png(Vec<u8>),
}

struct Case {
    name: &'static str,
    input: Input,
    expect: Expect,
}

enum Expect {
    Is(Result<(), UnbakeError>),
    /// The parser's own message (it names the position), containing this.
    NotSvg(&'static str),
}

fn cases() -> Vec<Case> {
    use Expect::Is;
    use Input::*;
    let too_large = |l| Is(Err(UnbakeError::SvgTooLarge(l)));
    let decl = || Is(Err(UnbakeError::SvgDeclarations));
    let bad_chunk = |m: &str| Is(Err(UnbakeError::BadChunk(m.into())));
    let larger = "the compressed text in this PNG is larger than 8 MB once decompressed";
    let attrs: String = (0..=MAX_SVG_ATTRIBUTES)
        .map(|i| format!(" a{i}=\"\""))
        .collect();
    let many_attrs: String = (0..25_000)
        .map(|_| {
            let a: String = (0..40).map(|i| format!(" a{i}=\"\"")).collect();
            format!("<g{a}/>")
        })
        .collect();
    // Far more namespace declarations than any artwork (the parser checks each
    // against those in scope).
    let namespaces: String = (0..50_000)
        .map(|i| format!("<g xmlns:n{i}=\"urn:x:{i}\">"))
        .collect::<String>()
        + &"</g>".repeat(50_000);
    vec![
        Case {
            name: "entity bomb (1 M references, 3 MB)",
            input: Svg(entity_bomb(1_000_000)),
            expect: decl(),
        },
        Case {
            name: "billion laughs",
            input: Svg(billion_laughs()),
            expect: decl(),
        },
        Case {
            name: "parameter entity in a subset",
            input: Svg(format!(
                "<!DOCTYPE svg [<!ENTITY % p \"x\"> %p;]>{SVG_HEAD}</svg>"
            )),
            expect: decl(),
        },
        Case {
            name: "external entity (SYSTEM file)",
            input: Svg(format!(
                "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{SVG_HEAD}<openbadges:credential>&x;</openbadges:credential></svg>"
            )),
            expect: decl(),
        },
        Case {
            name: "DOCTYPE after a comment, subset with a quoted ]",
            input: Svg(format!(
                "<!-- c --><!DOCTYPE svg PUBLIC \"a]\" \"b\" [<!ENTITY a \"]\">]>{SVG_HEAD}</svg>"
            )),
            expect: decl(),
        },
        Case {
            name: "undeclared entity (no DTD)",
            input: Svg(svg_with_body(
                "<openbadges:credential>&a;</openbadges:credential>",
            )),
            expect: Expect::NotSvg("unknown entity reference 'a'"),
        },
        Case {
            name: "deep nesting (500 000 levels)",
            input: Svg(svg_with_body(
                &("<g>".repeat(500_000) + &"</g>".repeat(500_000)),
            )),
            expect: too_large(SvgLimit::Depth),
        },
        Case {
            name: "nesting just past the limit (a / in a value is no self-closing)",
            input: Svg(svg_with_body(
                &("<g a=\"/\">".repeat(MAX_SVG_DEPTH) + &"</g>".repeat(MAX_SVG_DEPTH)),
            )),
            expect: too_large(SvgLimit::Depth),
        },
        Case {
            name: "nesting at the limit, many siblings (fine)",
            input: Svg(svg_with_body(
                &("<g>".repeat(MAX_SVG_DEPTH - 2)
                    + &"<path d=\"M0,0\"/>".repeat(5000)
                    + "<openbadges:credential><![CDATA["
                    + &OB3.replace("Honest", "Honest <g><g><g>")
                    + "]]></openbadges:credential>"
                    + &"</g>".repeat(MAX_SVG_DEPTH - 2)),
            )),
            expect: Is(Ok(())),
        },
        Case {
            name: "many nodes (a million empty elements)",
            input: Svg(svg_with_body(&"<g/>".repeat(1_000_000))),
            expect: too_large(SvgLimit::Nodes),
        },
        Case {
            name: "one element with too many attributes",
            input: Svg(svg_with_body(&format!("<g{attrs}/>"))),
            expect: too_large(SvgLimit::Attributes),
        },
        Case {
            name: "many elements with many attributes",
            input: Svg(svg_with_body(&many_attrs)),
            expect: too_large(SvgLimit::AttributeWork),
        },
        Case {
            name: "a namespace declared on every level",
            input: Svg(svg_with_body(&namespaces)),
            expect: too_large(SvgLimit::Namespaces),
        },
        Case {
            name: "a thousand compressed openbadges chunks (8 MB + 1 each)",
            input: Png(many_chunks(1000, MAX_INFLATED_BYTES + 1)),
            expect: bad_chunk(larger),
        },
        Case {
            // Only the first is inflated; the others are not read, then the count stops it.
            name: "a thousand compressed openbadges chunks (8 MB each)",
            input: Png(many_chunks(1000, MAX_INFLATED_BYTES)),
            expect: Is(Err(UnbakeError::TooManyTextChunks)),
        },
        Case {
            name: "a thousand broken compressed chunks",
            input: Png(many_chunks(1000, 0)).map_broken(),
            expect: bad_chunk("the compressed text cannot be decompressed"),
        },
        Case {
            name: "two chunks that pass the total inflation limit together",
            input: Png(split_bomb()),
            expect: bad_chunk(larger),
        },
        Case {
            name: "too many text chunks before the badge",
            input: Png(chunks_then_badge(MAX_TEXT_CHUNKS, b"tEXt")),
            expect: Is(Err(UnbakeError::TooManyTextChunks)),
        },
        Case {
            name: "many non-text chunks before the badge (fine)",
            input: Png(chunks_then_badge(100_000, b"teXt")),
            expect: Is(Ok(())),
        },
        Case {
            name: "text chunks up to the limit (fine)",
            input: Png(chunks_then_badge(MAX_TEXT_CHUNKS - 1, b"tEXt")),
            expect: Is(Ok(())),
        },
    ]
}

trait Broken {
    fn map_broken(self) -> Self;
}

impl Broken for Input {
    /// Every `iTXt` chunk's zlib data made invalid (its header bytes), CRCs left as they are.
    fn map_broken(self) -> Self {
        match self {
            Input::Png(mut b) => {
                let mut i = 8;
                while i + 8 <= b.len() {
                    let len = u32::from_be_bytes(b[i..i + 4].try_into().unwrap()) as usize;
                    if &b[i + 4..i + 8] == b"iTXt" {
                        let data = i + 8 + "openbadges".len() + 5;
                        b[data] = 0xff;
                        b[data + 1] = 0xff;
                    }
                    i += 12 + len;
                }
                Input::Png(b)
            }
            other => other,
        }
    }
}

#[test]
fn hostile_images_are_refused_quickly_with_their_message() {
    for c in cases() {
        let t = cpu_time();
        let (got, size) = match &c.input {
            Input::Svg(s) => (unbake_svg(s).map(|_| ()), s.len()),
            Input::Png(b) => (unbake_png(b).map(|_| ()), b.len()),
        };
        let took = cpu_time() - t;
        let message = match (&c.expect, &got) {
            (Expect::Is(want), _) => {
                assert_eq!(&got, want, "{}", c.name);
                want.as_ref().err().map(ToString::to_string)
            }
            (Expect::NotSvg(part), Err(UnbakeError::NotSvg(m))) if m.contains(part) => {
                Some(got.clone().unwrap_err().to_string())
            }
            (_, other) => panic!("{}: {other:?}", c.name),
        };
        assert!(took < SLOW, "{}: {took:?}", c.name);
        // Through the importer too: the message the learner reads.
        let bytes = match &c.input {
            Input::Svg(s) => s.as_bytes(),
            Input::Png(b) => b,
        };
        assert!(
            bytes.len() <= wallet_core::MAX_IMPORT_BYTES,
            "{}: {}",
            c.name,
            bytes.len()
        );
        match (message, import_bytes("hostile", bytes)) {
            (Some(want), ImportOutcome::Error(m)) => assert_eq!(m, want, "{}", c.name),
            (None, ImportOutcome::Credentials(_)) => {}
            (_, other) => panic!("{}: {other:?}", c.name),
        }
        eprintln!("{:60} {:>9} bytes {took:?}", c.name, size);
    }
}

#[test]
fn messages_name_the_problem() {
    let m = UnbakeError::SvgDeclarations.to_string();
    assert!(
        m.contains("declares its own XML entities") && m.contains("without the DOCTYPE"),
        "{m}"
    );
    assert_eq!(
        UnbakeError::SvgTooLarge(SvgLimit::Nodes).to_string(),
        format!(
            "this SVG has more than {MAX_SVG_NODES} elements and text parts, more than any badge image; the wallet does not read it"
        )
    );
    assert!(
        UnbakeError::TooManyTextChunks
            .to_string()
            .contains(&format!("more than {MAX_TEXT_CHUNKS} text chunks"))
    );
}

/// What exporters write: a DOCTYPE naming the SVG 1.1 DTD (never fetched),
/// comments and processing instructions before it, `xmlns` on the root.
#[test]
fn honest_svgs_with_a_plain_doctype_still_import() {
    let bases = [
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><circle r=\"4\"/></svg>",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- Generator: Adobe Illustrator 16.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg version=\"1.1\" id=\"Layer_1\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" x=\"0px\" y=\"0px\" width=\"200px\" height=\"200px\" viewBox=\"0 0 200 200\" enable-background=\"new 0 0 200 200\" xml:space=\"preserve\">\n<g><path fill=\"#E6B422\" d=\"M100,10L120,80L190,80z\"/></g>\n</svg>",
        "<!DOCTYPE svg []>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lt;&amp;&#65;&#x42;</text></svg>",
    ];
    for base in bases {
        for ob3 in [true, false] {
            let baked = bake_svg(base, ob3, OB3).unwrap();
            // The original DOCTYPE is kept in the baked file.
            assert_eq!(baked.contains("<!DOCTYPE"), base.contains("<!DOCTYPE"));
            match import_bytes("honest.svg", baked.as_bytes()) {
                ImportOutcome::Credentials(c) => assert_eq!(c[0].local_id, "urn:x:hostile"),
                other => panic!("{base}: {other:?}"),
            }
        }
    }
    // Every honest fixture and demo badge image imports or says what it is.
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    for name in ["baked-ob3.svg", "baked-ob2.svg", "verify-ob3.svg"] {
        let text = std::fs::read_to_string(fixtures.join(name)).unwrap();
        assert!(unbake_svg(&text).is_ok(), "{name}");
    }
}

/// Honest sizes near the limits: a large artwork, a large compressed badge.
#[test]
fn large_honest_images_still_unbake() {
    let art: String = (0..50_000)
        .map(|i| format!("<path id=\"p{i}\" fill=\"#aabbcc\" stroke=\"#000\" stroke-width=\"1\" transform=\"rotate({i})\" d=\"M0,0L{i},1z\"/>"))
        .collect();
    let svg = bake_svg(&svg_with_body(&art), true, OB3).unwrap();
    let t = cpu_time();
    assert!(unbake_svg(&svg).is_ok());
    eprintln!(
        "honest SVG, 50 000 paths ({} bytes): {:?}",
        svg.len(),
        cpu_time() - t
    );
    // A 3 MB credential (an embedded image), compressed, after IDAT.
    let big = OB3.replace(
        "\"Honest\"",
        &format!(
            "\"Honest\",\"image\":\"data:image/png;base64,{}\"",
            "QUJD".repeat(750_000)
        ),
    );
    let mut png = png_base();
    compressed_itxt(
        &mut png,
        "openbadgecredential",
        &miniz_oxide::deflate::compress_to_vec_zlib(big.as_bytes(), 6),
    );
    write_chunk(&mut png, b"IEND", &[]);
    let t = cpu_time();
    assert!(unbake_png(&png).is_ok());
    eprintln!("honest PNG, 3 MB compressed badge: {:?}", cpu_time() - t);
}
