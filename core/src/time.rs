//! Dates and times, in one place: proleptic Gregorian calendar arithmetic (days since
//! 1970-01-01 ⇄ year, month, day), RFC 3339 / xsd:dateTime parsing to Unix seconds and back,
//! and the text-level date helpers the gallery, the pathways and the views use.
//!
//! Before this module the same arithmetic was written out in the verifier, the share encoder,
//! the parser, the gallery and the pathways. There is no clock here: callers pass `now`.
//!
//! Every function is total: any input gives an answer (`None` / `false` when it is not a date),
//! never a panic or an overflow; [`days_from_civil`] and [`civil_from_days`] are exact for the
//! ranges stated on them.

/// Whether `y` is a leap year of the proleptic Gregorian calendar.
pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1–12) of year `y`; 28 or 29 for any `m` outside 1–12 but February's
/// neighbours (callers check the month first).
pub fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of the proleptic Gregorian date `y-m-d` (Howard Hinnant's
/// `days_from_civil`). `m` is 1–12; `d` may run past the month's end (it counts on).
/// Exact for |y| < 2^40 (saturating beyond, never overflowing).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = y.clamp(-(1 << 40), 1 << 40);
    let (m, d) = (m.clamp(-(1 << 20), 1 << 20), d.clamp(-(1 << 40), 1 << 40));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9).rem_euclid(12);
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian `(year, month, day)` of a day count since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`); inverse of [`days_from_civil`]. Exact for |z| < 2^50
/// (saturating beyond, never overflowing).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z.clamp(-(1 << 50), 1 << 50) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Parse `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]` (also a lowercase `t`/`z`
/// or a space separator) to Unix seconds. A missing offset is taken as UTC
/// (xsd:dateTime without timezone). Hour 24 is accepted as `24:00:00`; a leap second
/// (`:60`) counts as `:59`. Returns `None` when malformed.
pub fn parse_datetime(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let year = num(0..4)?;
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let month = num(5..7)?;
    let day = num(8..10)?;
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let hour = num(11..13)?;
    let minute = num(14..16)?;
    let second = num(17..19)?;
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 24
        || minute > 59
        || second > 60
        || (hour == 24 && (minute != 0 || second != 0))
    {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let rb = rest.as_bytes();
            if rb.len() != 6 || !matches!(rb[0], b'+' | b'-') || rb[3] != b':' {
                return None;
            }
            let oh: i64 = rest.get(1..3)?.parse().ok()?;
            let om: i64 = rest.get(4..6)?.parse().ok()?;
            if oh > 23 || om > 59 {
                return None;
            }
            let o = oh * 3600 + om * 60;
            if rb[0] == b'-' { -o } else { o }
        }
    };
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset)
}

/// Unix seconds as an RFC 3339 UTC timestamp (`2024-01-02T03:04:05Z`).
/// Returns `None` outside years 0000–9999.
pub fn unix_to_rfc3339(secs: i64) -> Option<String> {
    // 0000-01-01 .. 9999-12-31T23:59:59
    if !(-62_167_219_200..=253_402_300_799).contains(&secs) {
        return None;
    }
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem / 60) % 60,
        rem % 60
    ))
}

/// A sortable key for an ISO 8601 date or date-time: `YYYY-MM-DDTHH:MM:SS`
/// (date-only values get midnight; a space separator becomes `T`; time zones
/// and fractions are ignored).
pub fn date_key(date: &str) -> String {
    let t = date.trim();
    let mut key: String = t
        .chars()
        .take(19)
        .map(|c| if c == ' ' || c == 't' { 'T' } else { c })
        .collect();
    // Date only, or a date-time cut short: pad to full length.
    const PAD: &str = "0000-01-01T00:00:00";
    if key.len() < PAD.len() && key.is_ascii() {
        let have = key.len();
        key.push_str(&PAD[have..]);
    }
    key
}

/// The date part of an ISO 8601 timestamp, for display: its first ten characters.
pub fn short_date(iso: &str) -> String {
    iso.chars().take(10).collect()
}

/// Whether `s` is `YYYY-MM-DD` (month 1–12, day 1–31), optionally followed by a time
/// (`T…`, `t…` or ` …`, not checked further).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 10 {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (b.len() == 10 || matches!(b[10], b'T' | b't' | b' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        // (y, m, d, days since 1970-01-01)
        let cases: &[(i64, i64, i64, i64)] = &[
            (1970, 1, 1, 0),
            (1969, 12, 31, -1),
            (2000, 2, 29, 11_016),
            (2000, 3, 1, 11_017),
            (1900, 3, 1, -25_508),
            (0, 1, 1, -719_528),
            (9999, 12, 31, 2_932_896),
            (2024, 1, 2, 19_724),
        ];
        for &(y, m, d, days) in cases {
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
            assert_eq!(civil_from_days(days), (y, m, d), "{days}");
        }
        for z in (-800_000..3_000_000).step_by(97) {
            let (y, m, d) = civil_from_days(z);
            assert!((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d));
            assert_eq!(days_from_civil(y, m, d), z);
        }
        // Total on extremes.
        for z in [i64::MIN, i64::MAX, -(1 << 50), 1 << 50] {
            let (y, m, d) = civil_from_days(z);
            let _ = days_from_civil(y, m, d);
        }
        let _ = days_from_civil(i64::MIN, i64::MIN, i64::MIN);
        let _ = days_from_civil(i64::MAX, i64::MAX, i64::MAX);
    }

    #[test]
    fn months() {
        // (year, month, days)
        let cases: &[(i64, i64, i64)] = &[
            (2023, 1, 31),
            (2023, 2, 28),
            (2024, 2, 29),
            (1900, 2, 28),
            (2000, 2, 29),
            (2023, 4, 30),
            (2023, 12, 31),
        ];
        for &(y, m, n) in cases {
            assert_eq!(days_in_month(y, m), n, "{y}-{m}");
        }
    }

    #[test]
    fn datetimes() {
        // (text, Unix seconds or None)
        let cases: &[(&str, Option<i64>)] = &[
            ("1970-01-01T00:00:00Z", Some(0)),
            ("2000-03-01T00:00:00Z", Some(951_868_800)),
            ("2023-02-24T23:36:38Z", Some(1_677_281_798)),
            ("2025-01-09T15:20:02.183Z", Some(1_736_436_002)),
            ("2023-02-24T23:36:38+01:00", Some(1_677_281_798 - 3600)),
            ("2023-02-24T23:36:38-00:30", Some(1_677_281_798 + 1800)),
            ("2023-02-24T23:36:38", Some(1_677_281_798)),
            ("2023-02-24 23:36:38z", Some(1_677_281_798)),
            ("2023-02-24t23:36:38Z", Some(1_677_281_798)),
            ("  2023-02-24T23:36:38Z\n", Some(1_677_281_798)),
            ("2023-02-24T24:00:00Z", Some(1_677_283_200)),
            ("2016-12-31T23:59:60Z", Some(1_483_228_799)),
            ("2024-02-29T00:00:00Z", Some(1_709_164_800)),
            ("2023-02-29T00:00:00Z", None),
            ("2023-02-30T00:00:00Z", None),
            ("2023-02-24T24:00:01Z", None),
            ("2023-02-24T23:60:00Z", None),
            ("2023-02-24T23:00:61Z", None),
            ("2023-13-01T00:00:00Z", None),
            ("2023-00-01T00:00:00Z", None),
            ("2023-02-24", None),
            ("2023-02-24T23:36:38Q", None),
            ("2023-02-24T23:36:38.", None),
            ("2023-02-24T23:36:38+24:00", None),
            ("2023-02-24T23:36:38+0100", None),
            ("２023-02-24T23:36:38Z", None),
            ("+023-02-24T23:36:38Z", None),
            ("", None),
        ];
        for &(s, want) in cases {
            assert_eq!(parse_datetime(s), want, "{s:?}");
        }
    }

    #[test]
    fn rfc3339() {
        // (Unix seconds, text or None)
        let cases: &[(i64, Option<&str>)] = &[
            (0, Some("1970-01-01T00:00:00Z")),
            (1_704_164_645, Some("2024-01-02T03:04:05Z")),
            (951_782_400, Some("2000-02-29T00:00:00Z")),
            (-1, Some("1969-12-31T23:59:59Z")),
            (-62_167_219_200, Some("0000-01-01T00:00:00Z")),
            (253_402_300_799, Some("9999-12-31T23:59:59Z")),
            (253_402_300_800, None),
            (-62_167_219_201, None),
            (i64::MIN, None),
            (i64::MAX, None),
        ];
        for &(secs, want) in cases {
            let got = unix_to_rfc3339(secs);
            assert_eq!(got.as_deref(), want, "{secs}");
            if let Some(text) = got {
                assert_eq!(parse_datetime(&text), Some(secs));
            }
        }
    }

    #[test]
    fn date_keys() {
        // (date, key)
        let cases: &[(&str, &str)] = &[
            ("2024-01-02", "2024-01-02T00:00:00"),
            ("2024-01-02 03:04:05.123Z", "2024-01-02T03:04:05"),
            ("2024-01-02t03:04:05", "2024-01-02T03:04:05"),
            (" 2024-01 ", "2024-01-01T00:00:00"),
            ("ééé", "ééé"),
            ("", "0000-01-01T00:00:00"),
        ];
        for &(d, key) in cases {
            assert_eq!(date_key(d), key, "{d:?}");
        }
        assert!(date_key("2024-01-02") < date_key("2024-01-02T00:00:01"));
    }

    #[test]
    fn short_dates() {
        // (timestamp, shown)
        let cases: &[(&str, &str)] = &[
            ("2024-01-02T03:04:05Z", "2024-01-02"),
            ("2024-01-02", "2024-01-02"),
            ("2024", "2024"),
            ("ééééééééééééé", "éééééééééé"),
            ("", ""),
        ];
        for &(iso, shown) in cases {
            assert_eq!(short_date(iso), shown, "{iso:?}");
        }
    }

    #[test]
    fn dates() {
        // (text, is a date)
        let cases: &[(&str, bool)] = &[
            ("2024-01-02", true),
            ("2024-01-02T03:04:05Z", true),
            ("2024-01-02t03", true),
            ("2024-01-02 03", true),
            ("2024-12-31", true),
            ("2024-02-31", true),
            ("2024-13-01", false),
            ("2024-00-01", false),
            ("2024-01-00", false),
            ("2024-01-32", false),
            ("2024-01-02Z", false),
            ("2024/01/02", false),
            ("2024-1-02", false),
            ("24-01-02", false),
            ("", false),
            ("２024-01-02", false),
        ];
        for &(s, want) in cases {
            assert_eq!(is_date(s), want, "{s:?}");
        }
    }
}
