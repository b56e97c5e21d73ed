//! A tiny lexeme-preserving JSON tree.
//!
//! `serde_json::Value` (without `arbitrary_precision`, which we must not turn on:
//! features unify across the workspace and it changes `Value` for every crate)
//! turns `1.0` into `1.0` but `1e3` into `1000.0` and `-0` into `-0.0`; a share
//! link must give back the exact number lexemes, object key order and even
//! duplicate keys. So credentials are parsed here into [`JVal`], which keeps
//! numbers as their source lexeme and objects as ordered pairs.

/// Nesting limit for parsing and decoding (protects the stack from hostile input).
pub const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JVal {
    Null,
    Bool(bool),
    /// The number exactly as written (a valid JSON number lexeme).
    Num(String),
    Str(String),
    Arr(Vec<JVal>),
    /// Members in document order; duplicates kept.
    Obj(Vec<(String, JVal)>),
}

/// Parses a complete JSON text (surrounding whitespace allowed). `None` on any
/// syntax error, lone surrogate escape or nesting deeper than [`MAX_DEPTH`].
pub fn parse(text: &str) -> Option<JVal> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    (p.i == p.s.len()).then_some(v)
}

/// Compact serialization: no whitespace, members in order, numbers as their
/// lexeme, strings with the minimal escaping used by `JSON.stringify` and
/// serde_json (`\"`, `\\`, `\b\f\n\r\t`, other controls as `\u00xx`).
pub fn to_string(v: &JVal) -> String {
    let mut out = String::new();
    write(v, &mut out);
    out
}

fn write(v: &JVal, out: &mut String) {
    match v {
        JVal::Null => out.push_str("null"),
        JVal::Bool(true) => out.push_str("true"),
        JVal::Bool(false) => out.push_str("false"),
        JVal::Num(n) => out.push_str(n),
        JVal::Str(s) => write_str(s, out),
        JVal::Arr(items) => {
            out.push('[');
            for (k, it) in items.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                write(it, out);
            }
            out.push(']');
        }
        JVal::Obj(members) => {
            out.push('{');
            for (k, (key, val)) in members.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                write_str(key, out);
                out.push(':');
                write(val, out);
            }
            out.push('}');
        }
    }
}

/// How many more bytes [`to_string`] writes for `s` than its own length and
/// quotes (its escapes): lets a decoder charge the text before building it.
pub fn escape_extra(s: &str) -> usize {
    s.bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 8 | 12 => 1,
            0..0x20 => 5,
            _ => 0,
        })
        .sum()
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// True when `s` is exactly one JSON number lexeme.
pub fn is_number_lexeme(s: &str) -> bool {
    let b = s.as_bytes();
    number_end(b, 0) == Some(b.len())
}

/// Scans a number starting at `i`; returns the index after it.
fn number_end(b: &[u8], mut i: usize) -> Option<usize> {
    let digits = |b: &[u8], mut i: usize| {
        let st = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i > st).then_some(i)
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = digits(b, i)?,
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        i = digits(b, i + 1)?;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        i = digits(b, i)?;
    }
    Some(i)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn lit(&mut self, word: &[u8], v: JVal) -> Option<JVal> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Some(v)
        } else {
            None
        }
    }

    fn value(&mut self, depth: usize) -> Option<JVal> {
        if depth > MAX_DEPTH {
            return None;
        }
        match *self.s.get(self.i)? {
            b'n' => self.lit(b"null", JVal::Null),
            b't' => self.lit(b"true", JVal::Bool(true)),
            b'f' => self.lit(b"false", JVal::Bool(false)),
            b'"' => self.string().map(JVal::Str),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Some(JVal::Arr(items));
                }
                loop {
                    self.ws();
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match *self.s.get(self.i)? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(JVal::Arr(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Some(JVal::Obj(members));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return None;
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.s.get(self.i) != Some(&b':') {
                        return None;
                    }
                    self.i += 1;
                    self.ws();
                    let v = self.value(depth + 1)?;
                    members.push((k, v));
                    self.ws();
                    match *self.s.get(self.i)? {
                        b',' => self.i += 1,
                        b'}' => {
                            self.i += 1;
                            return Some(JVal::Obj(members));
                        }
                        _ => return None,
                    }
                }
            }
            _ => {
                let end = number_end(self.s, self.i)?;
                let lex = core::str::from_utf8(&self.s[self.i..end]).ok()?.to_owned();
                self.i = end;
                Some(JVal::Num(lex))
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.s.get(self.i..self.i + 4)?;
        let mut v = 0u32;
        for &c in h {
            v = v * 16 + (c as char).to_digit(16)?;
        }
        self.i += 4;
        Some(v)
    }

    /// At an opening quote; returns the unescaped string.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&c) = self.s.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(core::str::from_utf8(&self.s[start..self.i]).ok()?);
            match *self.s.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.i += 1;
                    let e = *self.s.get(self.i)?;
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let cp = if (0xD800..0xDC00).contains(&hi) {
                                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                                    return None;
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return None;
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(cp)?);
                        }
                        _ => return None,
                    }
                }
                _ => return None, // raw control character
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_lexemes_order_and_duplicates() {
        let t = r#" {"b":1.0,"a":[1e3,-0,0.5E-7,{}],"b":"x\u00e9\/\ud83d\ude00"} "#;
        let v = parse(t).unwrap();
        assert_eq!(
            to_string(&v),
            r#"{"b":1.0,"a":[1e3,-0,0.5E-7,{}],"b":"xé/😀"}"#
        );
        for bad in [
            "",
            "01",
            "1.",
            "[1,]",
            "{\"a\"}",
            "\"\\ud800\"",
            "tru",
            "\"\x01\"",
            "1 2",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert!(parse(&deep).is_none());
    }
}
