//! Bidirectional-text safety for untrusted strings shown inline.
//!
//! A credential's text can carry Unicode bidi controls: U+202E (RIGHT-TO-LEFT OVERRIDE) makes
//! "moc.elgoog" look like "google.com". Views render every untrusted name inside an isolate
//! (`<bdi>`), so a control cannot reorder the sentence around it; identifiers and hosts (where
//! nothing legitimate needs a control) are in addition shown with each control escaped
//! visibly, so what is read is what is compared.

/// The bidi formatting characters (Unicode UAX #9 explicit formatting and marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// `s` with every bidi control replaced by a visible `<U+XXXX>` (for ids, hosts and URLs).
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(is_bidi_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_bidi_control(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` as an isolate inside plain text (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE), for
/// sentences built as strings (messages, attributes) where no `<bdi>` can go. A PDI inside `s`
/// would close the isolate early, so those are removed from it.
pub fn isolate(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 6);
    out.push('\u{2068}');
    out.extend(s.chars().filter(|c| *c != '\u{2069}'));
    out.push('\u{2069}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        let cases = [
            ("example.com", "example.com"),
            ("\u{202E}moc.elgoog", "<U+202E>moc.elgoog"),
            ("a\u{2066}b\u{2069}c\u{200F}", "a<U+2066>b<U+2069>c<U+200F>"),
            ("\u{061C}\u{202A}", "<U+061C><U+202A>"),
            // Right-to-left letters are not controls: kept.
            ("جامعة", "جامعة"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(escape_controls(input), want, "{input:?}");
        }
        assert_eq!(
            isolate("a\u{202E}b\u{2069}c"),
            "\u{2068}a\u{202E}bc\u{2069}"
        );
        assert!(!is_bidi_control('a'));
        assert!(!is_bidi_control('\u{200D}'));
    }
}
