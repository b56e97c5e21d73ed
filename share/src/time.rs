//! RFC 3339 timestamps as integers, for the forms credentials actually use.
//! Each form is used only when formatting the integer back gives exactly the
//! original string; anything else (other offsets, other fractions, leap
//! seconds, impossible dates) stays a plain string. The calendar arithmetic is
//! `wallet_core::time`'s; the compact encoding is this crate's.

use wallet_core::time::{civil_from_days, days_from_civil};

use crate::wire::tags::{DATE, DT_MS, DT_OFF, DT_S};

fn num(b: &[u8]) -> Option<i64> {
    let mut v = 0i64;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as i64;
    }
    Some(v)
}

/// Days of `YYYY-MM-DD` (not checked for round trip here).
fn date(b: &[u8]) -> Option<i64> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (num(&b[0..4])?, num(&b[5..7])?, num(&b[8..10])?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Seconds of `YYYY-MM-DDThh:mm:ss`.
fn datetime(b: &[u8]) -> Option<i64> {
    if b.len() != 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let days = date(&b[..10])?;
    let (h, mi, s) = (num(&b[11..13])?, num(&b[14..16])?, num(&b[17..19])?);
    if h > 23 || mi > 59 || s > 59 {
        return None;
    }
    Some(days * 86400 + h * 3600 + mi * 60 + s)
}

pub fn encode(s: &str) -> Option<(u8, i64)> {
    let b = s.as_bytes();
    let found = match b.len() {
        10 => (DATE, date(b)?),
        20 if b[19] == b'Z' => (DT_S, datetime(&b[..19])?),
        24 if b[19] == b'.' && b[23] == b'Z' => {
            (DT_MS, datetime(&b[..19])? * 1000 + num(&b[20..23])?)
        }
        25 if &b[19..] == b"+00:00" => (DT_OFF, datetime(&b[..19])?),
        _ => return None,
    };
    (decode(found.0, found.1).as_deref() == Some(s)).then_some(found)
}

fn fmt_date(days: i64) -> Option<String> {
    let (y, m, d) = civil_from_days(days);
    (0..=9999)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn fmt_dt(secs: i64) -> Option<String> {
    let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    Some(format!(
        "{}T{:02}:{:02}:{:02}",
        fmt_date(days)?,
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    ))
}

/// `None` for out-of-range values (years outside 0000–9999).
pub fn decode(tag: u8, v: i64) -> Option<String> {
    // Bound first so the arithmetic below cannot overflow on crafted input.
    if v.unsigned_abs() > 1 << 50 {
        return None;
    }
    match tag {
        DATE => fmt_date(v),
        DT_S => Some(fmt_dt(v)? + "Z"),
        DT_MS => Some(format!(
            "{}.{:03}Z",
            fmt_dt(v.div_euclid(1000))?,
            v.rem_euclid(1000)
        )),
        DT_OFF => Some(fmt_dt(v)? + "+00:00"),
        _ => None,
    }
}
