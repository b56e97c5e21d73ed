//! Minimal RFC 3339 / xsd:dateTime parsing to Unix seconds (no clock here).

/// Parse `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]` (also a lowercase `t`/`z`
/// or a space separator) to Unix seconds. A missing offset is taken as UTC
/// (xsd:dateTime without timezone). Returns `None` when malformed.
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

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

/// Howard Hinnant's days_from_civil.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::parse_datetime;

    #[test]
    fn parses() {
        assert_eq!(parse_datetime("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_datetime("2000-03-01T00:00:00Z"), Some(951_868_800));
        assert_eq!(parse_datetime("2023-02-24T23:36:38Z"), Some(1_677_281_798));
        assert_eq!(
            parse_datetime("2025-01-09T15:20:02.183Z"),
            parse_datetime("2025-01-09T15:20:02Z")
        );
        assert_eq!(
            parse_datetime("2023-02-24T23:36:38+01:00"),
            Some(1_677_281_798 - 3600)
        );
        assert_eq!(parse_datetime("2023-02-24T23:36:38"), Some(1_677_281_798));
        assert_eq!(parse_datetime("2023-02-30T00:00:00Z"), None);
        assert_eq!(parse_datetime("2023-02-24"), None);
        assert_eq!(parse_datetime("2023-02-24T23:36:38Q"), None);
        assert_eq!(parse_datetime("2023-02-24T23:36:38."), None);
        assert_eq!(parse_datetime("２023-02-24T23:36:38Z"), None);
    }
}
