//! Dates and numbers as each language writes them. English keeps ISO 8601 dates
//! (`2024-03-01`): the interface's "en" has no region, and ISO is the one order that US and
//! British readers both read right. French writes "1er mars 2024", "1 234" and "60 %" (narrow
//! no-break spaces, U+202F, as the Imprimerie nationale's rules and CLDR have them).
//!
//! Written here rather than with ICU4X: four formats over two languages are a page of code,
//! ICU4X's data for them would add far more to every bundle, and the inputs are the ISO
//! strings credentials carry, never local times.

use crate::Lang;

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Narrow no-break space: French thousands separator and the space before `%`.
const NNBSP: char = '\u{202F}';

/// `YYYY-MM-DD` at the start of `iso` as (year, month, day); None unless it is a real date.
fn ymd(iso: &str) -> Option<(&str, usize, u32)> {
    let b = iso.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = iso.get(..4)?;
    let month: usize = iso.get(5..7)?.parse().ok()?;
    let day: u32 = iso.get(8..10)?.parse().ok()?;
    if !year.bytes().all(|c| c.is_ascii_digit())
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
    {
        return None;
    }
    Some((year, month, day))
}

fn fr_date(year: &str, month: usize, day: u32) -> String {
    let day = if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    };
    format!("{day} {} {year}", FR_MONTHS[month - 1])
}

/// The date of an ISO 8601 date or date-time (`2024-03-01`, `2024-03-01T10:00:00Z`): "2024-03-01"
/// in English, "1er mars 2024" in French. Anything else is shown as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    match (lang, ymd(iso.trim())) {
        (Lang::En, Some(_)) => iso.trim().chars().take(10).collect(),
        (Lang::Fr, Some((y, m, d))) => fr_date(y, m, d),
        (_, None) => iso.to_string(),
    }
}

/// A UTC time stamp (`2026-12-01T16:50:12.345Z`), to the minute: "2026-12-01 16:50 UTC",
/// "1er décembre 2026 à 16 h 50 UTC". Anything else is shown as it is.
pub fn date_time(lang: Lang, iso: &str) -> String {
    let iso = iso.trim();
    let (Some((y, m, d)), Some(hh), Some(mm)) = (ymd(iso), iso.get(11..13), iso.get(14..16)) else {
        return iso.to_string();
    };
    if !iso.ends_with('Z') || !(hh.bytes().chain(mm.bytes())).all(|c| c.is_ascii_digit()) {
        return iso.to_string();
    }
    match lang {
        Lang::En => format!("{} {hh}:{mm} UTC", &iso[..10]),
        Lang::Fr => format!("{} à {hh} h {mm} UTC", fr_date(y, m, d)),
    }
}

/// A whole number with the language's thousands separator: "12,345" / "12 345".
pub fn number(lang: Lang, n: u64) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::Fr => NNBSP,
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A percentage: "60%" / "60 %".
pub fn percent(lang: Lang, n: u64) -> String {
    match lang {
        Lang::En => format!("{}%", number(lang, n)),
        Lang::Fr => format!("{}{NNBSP}%", number(lang, n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases = [
            (Lang::En, "2024-03-01", "2024-03-01"),
            (Lang::En, "2024-03-06T10:00:00Z", "2024-03-06"),
            (Lang::Fr, "2024-03-01", "1er mars 2024"),
            (Lang::Fr, "2024-08-15T10:00:00+02:00", "15 août 2024"),
            (Lang::Fr, "2026-12-31", "31 décembre 2026"),
            (Lang::Fr, "2024-13-01", "2024-13-01"),
            (Lang::Fr, "yesterday", "yesterday"),
            (Lang::Fr, "2024-03-0", "2024-03-0"),
            (Lang::Fr, "", ""),
            (Lang::Fr, "é024-03-01", "é024-03-01"),
        ];
        for (lang, iso, want) in cases {
            assert_eq!(date(lang, iso), want, "{lang:?} {iso:?}");
        }
    }

    #[test]
    fn date_times() {
        let cases = [
            (Lang::En, "2026-12-01T16:50:12.345Z", "2026-12-01 16:50 UTC"),
            (
                Lang::Fr,
                "2026-12-01T16:50:12.345Z",
                "1er décembre 2026 à 16 h 50 UTC",
            ),
            (
                Lang::Fr,
                "2026-12-01T16:50:12+01:00",
                "2026-12-01T16:50:12+01:00",
            ),
            (Lang::Fr, "2026-12-01", "2026-12-01"),
            (Lang::En, "2026-12-01Tab:cdZ", "2026-12-01Tab:cdZ"),
        ];
        for (lang, iso, want) in cases {
            assert_eq!(date_time(lang, iso), want, "{lang:?} {iso:?}");
        }
    }

    #[test]
    fn numbers() {
        let cases = [
            (Lang::En, 0, "0", "0%"),
            (Lang::En, 999, "999", "999%"),
            (Lang::En, 1234, "1,234", "1,234%"),
            (Lang::En, 1234567, "1,234,567", "1,234,567%"),
            (Lang::Fr, 60, "60", "60\u{202F}%"),
            (Lang::Fr, 12345, "12\u{202F}345", "12\u{202F}345\u{202F}%"),
        ];
        for (lang, n, want, want_pct) in cases {
            assert_eq!(number(lang, n), want);
            assert_eq!(percent(lang, n), want_pct);
        }
    }
}
