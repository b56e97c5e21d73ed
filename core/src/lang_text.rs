//! Human-readable text "as the issuer wrote it", in every language it was written in.
//!
//! VC Data Model 2.0 §11.1 lets a natural-language property (`name`, `description`,
//! `narrative`, …) be a plain string, a *language value object*
//! `{"@value": "…", "@language": "fr", "@direction": "rtl"}`, or an array of strings and such
//! objects (one per language). [`read`] keeps every variant with its language tag and base
//! direction; [`pick`] chooses the one for a reader's language, and [`shown`] is what a view
//! displays (the text, with the `lang` and `dir` its element should carry).
//!
//! What is read, and why (the proof must cover whatever is shown):
//! - a language value object has `@value` (a string) and optionally `@language` (a well-formed
//!   BCP 47 tag, the shape JSON-LD processors accept) and `@direction`. VC DM 2.0 says it "MUST
//!   NOT include any other keys": an object with any other key (`@type`, `@index`, `@context`,
//!   `type`, …) is *not read*, because it is something else in JSON-LD (a typed literal, an
//!   indexed value, a node) and what a processor signs for it is not "this text in this
//!   language". A malformed `@language` is not read either (JSON-LD processors in safe mode
//!   refuse it, so no proof covers it);
//! - `@direction` is kept only when it is `ltr` or `rtl`; any other value is ignored (the
//!   text is shown with the direction found from its content). A credential with such a value
//!   does not verify (JSON-LD: "invalid base direction");
//! - a JSON-LD language *map* (`{"en": "…", "fr": "…"}`) is not read: it is one only when the
//!   credential's context says so (`@container: @language`), which none of the contexts the
//!   wallet knows does; under them such an object is a node, and showing its members as
//!   translations would be a reading the proof does not make;
//! - blank values are skipped, like blank strings everywhere in the parser; nested arrays and
//!   other JSON kinds are skipped. Arrays are bounded by the import size limits.
//!
//! Values are kept as written, bidi controls included: the views isolate untrusted text
//! (`<bdi>`) as they do for every other string.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A base direction given by the issuer (`@direction`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The HTML `dir` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One variant of a text: the value, its language tag (as written) and base direction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangValue {
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

/// What a view shows for one text: the picked value, and the `lang` / `dir` attributes of the
/// element that shows it (each only when the issuer gave it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub lang: Option<&'a str>,
    pub dir: Option<Direction>,
}

/// The variants of a text property when it is written with language value objects (one, or an
/// array of them and strings), in document order; empty for a plain string (the common case,
/// which the `Option<String>` fields of the model already hold), an absent value or anything
/// unreadable.
pub fn read(v: Option<&Value>) -> Vec<LangValue> {
    match v {
        Some(Value::Object(o)) => value_object(o).into_iter().collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| match item {
                Value::String(s) => plain(s),
                Value::Object(o) => value_object(o),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A text property: its default text (a plain string, else the variant [`pick`]ed for no
/// particular reader: the untagged one, else the first) and its variants ([`read`]).
pub fn field(obj: &Map<String, Value>, key: &str) -> (Option<String>, Vec<LangValue>) {
    match obj.get(key) {
        Some(Value::String(s)) => (plain(s).map(|v| v.value), Vec::new()),
        v => {
            let langs = read(v);
            (pick(&langs, "").map(|v| v.value.clone()), langs)
        }
    }
}

fn plain(s: &str) -> Option<LangValue> {
    (!s.trim().is_empty()).then(|| LangValue {
        value: s.to_string(),
        language: None,
        direction: None,
    })
}

fn value_object(o: &Map<String, Value>) -> Option<LangValue> {
    if o.keys()
        .any(|k| !matches!(k.as_str(), "@value" | "@language" | "@direction"))
    {
        return None;
    }
    let value = o.get("@value")?.as_str()?;
    if value.trim().is_empty() {
        return None;
    }
    let language = match o.get("@language") {
        None => None,
        Some(Value::String(tag)) if well_formed_tag(tag) => Some(tag.clone()),
        Some(_) => return None,
    };
    let direction = match o.get("@direction").and_then(Value::as_str) {
        Some("ltr") => Some(Direction::Ltr),
        Some("rtl") => Some(Direction::Rtl),
        _ => None,
    };
    Some(LangValue {
        value: value.to_string(),
        language,
        direction,
    })
}

/// The BCP 47 shape JSON-LD processors check (jsonld.js, and the verifier's safe mode): a
/// primary subtag of 1–8 letters, then subtags of 1–8 letters or digits.
pub fn well_formed_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (1..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag).trim()
}

/// The variant for a reader whose language tag is `reader` (e.g. `wallet_i18n::Lang::tag()`):
/// the first with exactly that tag (case-insensitive), else one with the reader's primary
/// subtag: the bare primary tag first (`fr` for a `fr-BE` reader, as RFC 4647 lookup), then the
/// first tag with that primary subtag (`fr-CA` for `fr`), else the first untagged one (no
/// `@language`, or `und`), else the first. `None` only when there are no variants. Total: any
/// `reader` works (an empty one gets the untagged, else the first).
pub fn pick<'a>(langs: &'a [LangValue], reader: &str) -> Option<&'a LangValue> {
    let reader = reader.trim();
    fn tag<'v>(v: &&'v LangValue) -> Option<&'v str> {
        v.language.as_deref()
    }
    if !reader.is_empty() {
        if let Some(v) = langs
            .iter()
            .find(|v| tag(v).is_some_and(|t| t.eq_ignore_ascii_case(reader)))
        {
            return Some(v);
        }
        let p = primary(reader);
        if !p.is_empty()
            && let Some(v) = langs
                .iter()
                .find(|v| tag(v).is_some_and(|t| t.eq_ignore_ascii_case(p)))
                .or_else(|| {
                    langs
                        .iter()
                        .find(|v| tag(v).is_some_and(|t| primary(t).eq_ignore_ascii_case(p)))
                })
        {
            return Some(v);
        }
    }
    langs
        .iter()
        .find(|v| tag(v).is_none_or(|t| t.eq_ignore_ascii_case("und")))
        .or_else(|| langs.first())
}

/// What to show for a text: the [`pick`]ed variant when the issuer wrote it in languages, else
/// the plain text (without `lang` or `dir`: the issuer did not say).
pub fn shown<'a>(
    langs: &'a [LangValue],
    plain: Option<&'a str>,
    reader: &str,
) -> Option<Shown<'a>> {
    match pick(langs, reader) {
        Some(v) => Some(Shown {
            text: &v.value,
            lang: v.language.as_deref(),
            dir: v.direction,
        }),
        None => plain.map(|text| Shown {
            text,
            lang: None,
            dir: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lv(value: &str, language: Option<&str>, direction: Option<Direction>) -> LangValue {
        LangValue {
            value: value.into(),
            language: language.map(str::to_string),
            direction,
        }
    }

    #[test]
    fn reading() {
        use Direction::*;
        let cases: Vec<(Value, Vec<LangValue>)> = vec![
            (json!("Plain"), vec![]),
            (json!(null), vec![]),
            (json!(42), vec![]),
            (
                json!({"@value": "Bonjour", "@language": "fr"}),
                vec![lv("Bonjour", Some("fr"), None)],
            ),
            (
                json!({"@value": "مرحبا", "@language": "ar", "@direction": "rtl"}),
                vec![lv("مرحبا", Some("ar"), Some(Rtl))],
            ),
            (
                json!({"@value": "No tag", "@direction": "ltr"}),
                vec![lv("No tag", None, Some(Ltr))],
            ),
            (
                json!([{"@value": "Hello", "@language": "en"}, "Untagged",
                       {"@value": "Salut", "@language": "fr-CA", "@direction": "ltr"}]),
                vec![
                    lv("Hello", Some("en"), None),
                    lv("Untagged", None, None),
                    lv("Salut", Some("fr-CA"), Some(Ltr)),
                ],
            ),
            // Direction other than ltr/rtl: ignored, value kept.
            (
                json!({"@value": "X", "@language": "en", "@direction": "auto"}),
                vec![lv("X", Some("en"), None)],
            ),
            (
                json!({"@value": "X", "@direction": 7}),
                vec![lv("X", None, None)],
            ),
            // Not language value objects: not read.
            (json!({"@value": "X", "@type": "xsd:string"}), vec![]),
            (
                json!({"@value": "X", "@language": "en", "@index": "i"}),
                vec![],
            ),
            (json!({"@value": "X", "type": "Thing"}), vec![]),
            (json!({"@value": "X", "@context": {}}), vec![]),
            (json!({"@value": 5}), vec![]),
            (json!({"@value": null, "@language": "en"}), vec![]),
            (json!({"@language": "en"}), vec![]),
            (json!({"@value": "  ", "@language": "en"}), vec![]),
            (json!({"@value": "X", "@language": "not a tag"}), vec![]),
            (json!({"@value": "X", "@language": ""}), vec![]),
            (json!({"@value": "X", "@language": 3}), vec![]),
            (json!({"@value": "X", "@language": "toolongtag"}), vec![]),
            // A language map is not read (the known contexts make it a node).
            (json!({"en": "Hello", "fr": "Bonjour"}), vec![]),
            // Arrays: unreadable items are skipped.
            (
                json!([null, 1, ["x"], {"a": 1}, " ", {"@value": "Y", "@language": "de"}]),
                vec![lv("Y", Some("de"), None)],
            ),
            (json!([]), vec![]),
            // Bidi controls are kept as written (the views isolate them).
            (
                json!({"@value": "a\u{202e}b", "@language": "en"}),
                vec![lv("a\u{202e}b", Some("en"), None)],
            ),
        ];
        for (v, want) in cases {
            assert_eq!(read(Some(&v)), want, "{v}");
        }
        assert_eq!(read(None), vec![]);
    }

    #[test]
    fn fields() {
        let o = json!({
            "plain": "Name", "blank": " ",
            "one": {"@value": "Nom", "@language": "fr"},
            "many": [{"@value": "Name", "@language": "en"}, {"@value": "Nom", "@language": "fr"}],
            "untagged_second": [{"@value": "Nom", "@language": "fr"}, "Default"],
            "strings": ["A", "B"],
            "bad": {"@value": "X", "@type": "xsd:string"},
        });
        let o = o.as_object().unwrap();
        assert_eq!(field(o, "plain"), (Some("Name".into()), vec![]));
        assert_eq!(field(o, "blank"), (None, vec![]));
        assert_eq!(field(o, "absent"), (None, vec![]));
        assert_eq!(field(o, "bad"), (None, vec![]));
        assert_eq!(field(o, "one").0.as_deref(), Some("Nom"));
        assert_eq!(field(o, "one").1.len(), 1);
        assert_eq!(field(o, "many").0.as_deref(), Some("Name"), "the first");
        assert_eq!(field(o, "untagged_second").0.as_deref(), Some("Default"));
        assert_eq!(field(o, "strings").0.as_deref(), Some("A"));
        assert_eq!(field(o, "strings").1.len(), 2);
    }

    #[test]
    fn picking() {
        let en = lv("Hello", Some("en"), None);
        let en_gb = lv("Hello (GB)", Some("en-GB"), None);
        let fr_ca = lv("Salut", Some("fr-CA"), Some(Direction::Ltr));
        let fr = lv("Bonjour", Some("FR"), None);
        let und = lv("Untagged", None, None);
        let und_tag = lv("Und", Some("und"), None);
        let ar = lv("مرحبا", Some("ar"), Some(Direction::Rtl));
        let all = [
            en_gb.clone(),
            fr_ca.clone(),
            en.clone(),
            fr.clone(),
            und.clone(),
        ];
        let cases: &[(&[LangValue], &str, Option<&LangValue>)] = &[
            // Exact (case-insensitive) beats an earlier primary-subtag match.
            (&all, "en", Some(&en)),
            (&all, "fr", Some(&fr)),
            (&all, "fr-CA", Some(&fr_ca)),
            (&all, "en-gb", Some(&en_gb)),
            // Primary subtag, both ways.
            (&[en_gb.clone(), fr_ca.clone()], "fr", Some(&fr_ca)),
            (&[en.clone(), fr.clone()], "fr-BE", Some(&fr)),
            (&[en.clone(), fr.clone()], "fr_BE", Some(&fr)),
            // The bare primary tag before a sibling region.
            (&[fr_ca.clone(), fr.clone()], "fr-BE", Some(&fr)),
            (&[en_gb.clone(), en.clone()], "en-US", Some(&en)),
            (&[en_gb.clone(), fr.clone()], "en-US", Some(&en_gb)),
            // Untagged next (no @language, or "und").
            (&[ar.clone(), und.clone()], "fr", Some(&und)),
            (&[ar.clone(), und_tag.clone()], "fr", Some(&und_tag)),
            // Then the first.
            (&[ar.clone(), en.clone()], "fr", Some(&ar)),
            // No reader language: untagged, else first.
            (&all, "", Some(&und)),
            (&[ar.clone(), en.clone()], "  ", Some(&ar)),
            // Hostile or odd reader tags are still total.
            (&all, "-", Some(&und)),
            (&all, "\u{202e}fr", Some(&und)),
            (&all, "fr-", Some(&fr)),
            (&[], "fr", None),
        ];
        for (langs, reader, want) in cases {
            assert_eq!(pick(langs, reader), *want, "{reader:?} in {langs:?}");
        }
    }

    #[test]
    fn showing() {
        let langs = [
            lv("Hello", Some("en"), None),
            lv("مرحبا", Some("ar"), Some(Direction::Rtl)),
        ];
        assert_eq!(
            shown(&langs, Some("Hello"), "ar"),
            Some(Shown {
                text: "مرحبا",
                lang: Some("ar"),
                dir: Some(Direction::Rtl)
            })
        );
        assert_eq!(
            shown(&[], Some("Plain"), "fr"),
            Some(Shown {
                text: "Plain",
                lang: None,
                dir: None
            })
        );
        assert_eq!(shown(&[], None, "fr"), None);
        assert_eq!(Direction::Rtl.as_str(), "rtl");
        assert_eq!(serde_json::to_string(&Direction::Ltr).unwrap(), "\"ltr\"");
    }
}
