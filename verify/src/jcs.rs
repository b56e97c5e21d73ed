//! The JSON Canonicalization Scheme (RFC 8785), written straight into a byte buffer.
//!
//! Why not `serde_jcs` (kept as the reference the tests compare with): it routes every
//! fragment through a boxed writer, re-parses every object key as JSON to sort it, and
//! buffers each member in a map of vectors. On the eddsa-jcs-2022 hot path that was
//! most of the time besides the signature; this walk over a `serde_json::Value` writes
//! the same bytes (checked in the tests below) with no intermediate buffers.
//!
//! The rules (RFC 8785 §3.2): members sorted by their names' UTF-16 code units; strings
//! escaped as ECMAScript's `JSON.stringify` does (`\"`, `\\`, `\b \f \n \r \t`, other
//! controls as `\u00xx`, everything else literal); numbers as IEEE doubles in
//! ECMAScript's shortest form (`ryu-js`); no whitespace.

use serde_json::Value;

/// Append the canonical form of `v`.
pub fn value(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            // serde_json numbers are finite; integers become doubles first, as in JS.
            let f = n.as_f64().unwrap_or(f64::NAN);
            let mut b = ryu_js::Buffer::new();
            out.extend_from_slice(b.format(f).as_bytes());
        }
        Value::String(s) => string(out, s),
        Value::Array(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                value(out, x);
            }
            out.push(b']');
        }
        Value::Object(m) => object(out, m.iter().map(|(k, v)| (k.as_str(), v))),
    }
}

/// Append the canonical form of an object with these members (names must be unique).
pub fn object<'a>(out: &mut Vec<u8>, members: impl Iterator<Item = (&'a str, &'a Value)>) {
    let mut m: Vec<(&str, &Value)> = members.collect();
    m.sort_unstable_by(|a, b| {
        // Byte order is UTF-16 order unless a non-ASCII character decides it.
        if a.0.is_ascii() && b.0.is_ascii() {
            a.0.cmp(b.0)
        } else {
            a.0.encode_utf16().cmp(b.0.encode_utf16())
        }
    });
    out.push(b'{');
    for (i, (k, v)) in m.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, k);
        out.push(b':');
        value(out, v);
    }
    out.push(b'}');
}

fn string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &c) in bytes.iter().enumerate() {
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0c => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => &[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(c >> 4) as usize],
                HEX[(c & 15) as usize],
            ],
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(esc);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ours(v: &Value) -> String {
        let mut out = Vec::new();
        value(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn rfc8785_rules() {
        // RFC 8785 §3.2.3: sorting by UTF-16 code units puts U+1F600 (surrogates D83D…)
        // before U+FB33, although its UTF-8 bytes sort after.
        let v: Value = serde_json::from_str(
            r#"{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}"#,
        )
        .unwrap();
        assert_eq!(
            ours(&v),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"\u{f6}\":\"Latin Small Letter O With Diaeresis\",\"\u{20ac}\":\"Euro Sign\",\"\u{1f600}\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        );
        // §3.2.2.3 numbers, and string escapes.
        let v: Value = serde_json::from_str(
            r#"{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001,-0,9007199254740993,1e21,1e-7],"s":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/\u007f\u2028"}"#,
        )
        .unwrap();
        assert_eq!(
            ours(&v),
            r#"{"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27,0,9007199254740992,1e+21,1e-7],"s":"€$\u000f\nA'B\"\\\\\"/"#
                .to_string()
                + "\u{7f}\u{2028}\"}"
        );
    }

    /// The same bytes as `serde_jcs` on every JSON document the tests know of.
    #[test]
    fn same_bytes_as_serde_jcs() {
        let mut n = 0;
        let mut check = |v: &Value| {
            assert_eq!(ours(v), serde_jcs::to_string(v).unwrap(), "{v}");
            n += 1;
        };
        check(&json!({"b": [1, 2.5, -3e-9, null, true, false, "x\u{1}y"], "a": {"": {}, "é": []}}));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut dirs = vec![
            root.join("public/demo"),
            root.join("tests/fixtures"),
            root.join("../shared/vectors"),
        ];
        while let Some(d) = dirs.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "json" || x == "jsonld")
                    && let Ok(t) = std::fs::read_to_string(&p)
                    && let Ok(v) = serde_json::from_str::<Value>(&t)
                {
                    check(&v);
                }
            }
        }
        assert!(n > 50, "only {n} documents found");
    }
}
