//! Strict JSON: like `serde_json::from_str::<Value>`, but a JSON object with two members of
//! the same name is an error.
//!
//! Why: RFC 8259 leaves duplicate names undefined and parsers disagree (serde_json and
//! `JSON.parse` keep the last, others the first). If the wallet shows one value and a
//! verifier (or canonicalizer) reads the other, a signature can cover text the learner never
//! sees. RFC 8785 (JCS) and I-JSON (RFC 7493 §2.3) require unique names, so every credential
//! format the wallet reads — JSON-LD credentials, JWS headers and payloads, OB 2.0 assertions,
//! presentations, fetched key and status documents — goes through this parser.
//!
//! Cost: none beyond `serde_json`'s own `Value` parser: the check is the `entry` lookup
//! of the map being built (`cargo run --release -p wallet-core --example json_speed`: on the
//! demo credentials the two parsers are within ±5% of each other, i.e. the same within noise).

use std::fmt;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Parses JSON text, refusing duplicate member names (anywhere in the document).
/// Errors keep `serde_json`'s line and column; a duplicate reads
/// `duplicate member name "<name>"`.
pub fn from_str(text: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let v = StrictValue.deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// [`from_str`] on bytes (must be UTF-8).
pub fn from_slice(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let v = StrictValue.deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// [`from_slice`] of a part of a larger text (a JWS header or payload), with the sentence a
/// person is shown on failure: "`<what>` has a duplicate member name …" or "`<what>` is not
/// JSON".
pub fn from_slice_described(bytes: &[u8], what: &str) -> Result<Value, String> {
    from_slice(bytes).map_err(|e| {
        if is_duplicate_error(&e) {
            format!("{what} has a {e}")
        } else {
            format!("{what} is not JSON")
        }
    })
}

/// Is this error the duplicate-name error of this module?
pub fn is_duplicate_error(e: &serde_json::Error) -> bool {
    e.to_string().starts_with(DUPLICATE)
}

const DUPLICATE: &str = "duplicate member name";

struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(v) = seq.next_element_seed(StrictValue)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(StrictValue)?;
            match out.entry(key) {
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                serde_json::map::Entry::Occupied(slot) => {
                    return Err(de::Error::custom(format_args!(
                        "{DUPLICATE} \"{}\"",
                        slot.key().escape_debug()
                    )));
                }
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_refused_at_any_depth_and_the_rest_equals_serde_json() {
        // (text, Some(duplicate name) | None)
        let cases: &[(&str, Option<&str>)] = &[
            (r#"{"a":1,"b":2}"#, None),
            (r#"{"a":1,"a":1}"#, Some("a")),
            (r#"{"a":1,"a":2}"#, Some("a")),
            (r#"{"x":{"name":"A","name":"B"}}"#, Some("name")),
            (r#"[{"a":[{"k":1},{"k":2,"k":3}]}]"#, Some("k")),
            (r#"{"a":1,"\u0061":2}"#, Some("a")), // the same name once unescaped
            (r#"{"a":1,"A":2}"#, None),
            (r#"{"@id":"x","@id":"y"}"#, Some("@id")),
            (r#"[1,2.5,-0,1e3,true,null,"s",{}]"#, None),
            (r#"{"big":123456789012345678901234567890}"#, None),
        ];
        for (text, dup) in cases {
            let got = from_str(text);
            match dup {
                None => assert_eq!(
                    got.unwrap(),
                    serde_json::from_str::<Value>(text).unwrap(),
                    "{text}"
                ),
                Some(name) => {
                    let e = got.expect_err(text);
                    assert!(is_duplicate_error(&e), "{text}: {e}");
                    assert!(
                        e.to_string().contains(&format!("\"{name}\"")),
                        "{text}: {e}"
                    );
                }
            }
        }
    }

    #[test]
    fn syntax_errors_and_trailing_text_are_errors_as_in_serde_json() {
        for text in ["", "{", "{\"a\":}", "[1,]", "{} x", "\u{feff}{}", "nul"] {
            assert!(from_str(text).is_err(), "{text:?}");
            assert!(serde_json::from_str::<Value>(text).is_err(), "{text:?}");
        }
        assert!(from_slice(b"{\"a\":1}").is_ok());
        assert!(from_slice(b"{\"a\":\xff}").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(from_str(&deep).is_err());
    }
}
