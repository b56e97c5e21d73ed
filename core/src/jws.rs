//! The one place a compact JWS (`header.payload.signature`, RFC 7515 §7.1) is split into its
//! parts: the parser, the verifier and the share encoder all cut tokens here, so they agree on
//! what counts as a compact JWS.
//!
//! Splitting is total and bounded: one pass over the text, no allocation, never a panic; the
//! parts are slices of the input (the signing input is `header.payload` exactly as written).
//! Decoding the parts (base64url, JSON) stays with each caller.

/// The three parts of a compact JWS, as written: every part is free of `.`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compact<'a> {
    /// The protected header, base64url (not decoded).
    pub header: &'a str,
    /// The payload, base64url (not decoded).
    pub payload: &'a str,
    /// The signature, base64url (not decoded).
    pub signature: &'a str,
    /// `header.payload`: the bytes the signature covers.
    pub signing_input: &'a str,
}

/// `text` split at its dots into a compact JWS's three parts (any of which may be empty), or
/// `Err(n)`, `n` being how many dot-separated parts it has (never 3). The text is taken as
/// given: callers trim it first when they mean to.
pub fn split(text: &str) -> Result<Compact<'_>, usize> {
    let mut dots = text.match_indices('.').map(|(i, _)| i);
    match (dots.next(), dots.next(), dots.next()) {
        (Some(a), Some(b), None) => Ok(Compact {
            header: &text[..a],
            payload: &text[a + 1..b],
            signature: &text[b + 1..],
            signing_input: &text[..b],
        }),
        (first, second, third) => Err(match (first, second, third) {
            (None, ..) => 1,
            (Some(_), None, _) => 2,
            _ => 4 + dots.count(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        // (text, Ok((header, payload, signature, signing input)) or Err(number of parts))
        type Want = Result<(&'static str, &'static str, &'static str, &'static str), usize>;
        let cases: &[(&str, Want)] = &[
            ("eyJh.eyJw.c2ln", Ok(("eyJh", "eyJw", "c2ln", "eyJh.eyJw"))),
            ("a.b.", Ok(("a", "b", "", "a.b"))),
            ("..", Ok(("", "", "", "."))),
            (".b.c", Ok(("", "b", "c", ".b"))),
            (" a.b.c ", Ok((" a", "b", "c ", " a.b"))),
            ("é.ü.ß", Ok(("é", "ü", "ß", "é.ü"))),
            ("", Err(1)),
            ("abc", Err(1)),
            ("a.b", Err(2)),
            (".", Err(2)),
            ("a.b.c.d", Err(4)),
            ("a.b.c.d.e", Err(5)),
            ("...", Err(4)),
            ("a.b.c.d.e.f.g.h.i.j", Err(10)),
        ];
        for &(text, want) in cases {
            let got = split(text).map(|c| (c.header, c.payload, c.signature, c.signing_input));
            assert_eq!(got, want, "{text:?}");
            // The same count as splitting at every dot.
            let n = text.split('.').count();
            assert_eq!(split(text).err().unwrap_or(3), n, "{text:?}");
        }
    }
}
