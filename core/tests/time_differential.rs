//! `wallet_core::time` against the copies it replaced, over many generated inputs: the
//! verifier's `parse_datetime` (its acceptance rules must not change), the share encoder's
//! `days_from_civil` / `civil_from_days` and the parser's `unix_to_rfc3339`. The old copies
//! are kept here, verbatim, as the oracle.

use wallet_core::time;

mod old {
    pub fn verify_parse_datetime(s: &str) -> Option<i64> {
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
        let days = verify_days_from_civil(year, month, day);
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

    pub fn verify_days_from_civil(y: i64, m: i64, d: i64) -> i64 {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn share_days_from_civil(y: i64, m: i64, d: i64) -> i64 {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn share_civil_from_days(z: i64) -> (i64, i64, i64) {
        let z = z + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    pub fn unix_to_rfc3339(secs: i64) -> Option<String> {
        if !(-62_167_219_200..=253_402_300_799).contains(&secs) {
            return None;
        }
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Some(format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            rem / 3600,
            (rem / 60) % 60,
            rem % 60
        ))
    }
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SEEDS: &[&str] = &[
    "2023-02-24T23:36:38Z",
    "2025-01-09T15:20:02.183Z",
    "2023-02-24T23:36:38+01:00",
    "2023-02-24 23:36:38-05:30",
    "2024-02-29t24:00:00z",
    "2016-12-31T23:59:60.5",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999+23:59",
];

/// Characters a mutation may put in: the ones the grammar cares about, and some it refuses.
const ALPHABET: &[u8] = b"0123456789012345678901234567890123456789-:.+TtZz \t\nQ/\xc3\xa9";

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut b = seed.as_bytes().to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(b.len() as u64 + 1) as usize;
        let c = ALPHABET[rng.below(ALPHABET.len() as u64) as usize];
        match rng.below(4) {
            0 if at < b.len() => {
                b.remove(at);
            }
            1 => b.insert(at, c),
            _ if at < b.len() => b[at] = c,
            _ => b.push(c),
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

#[test]
fn parse_datetime_is_unchanged() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut accepted = 0;
    for i in 0..400_000 {
        let s = if i % 4 == 0 {
            // A well-formed shape with random digits: exercises the range checks.
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
                rng.below(10_000),
                rng.below(15),
                rng.below(34),
                rng.below(26),
                rng.below(62),
                rng.below(62),
                ["", "Z", "z", "+01:00", "-23:59", "+24:00", ".5Z", ".Z"][rng.below(8) as usize]
            )
        } else {
            let seed = SEEDS[rng.below(SEEDS.len() as u64) as usize];
            mutate(&mut rng, seed)
        };
        let want = old::verify_parse_datetime(&s);
        assert_eq!(time::parse_datetime(&s), want, "{s:?}");
        accepted += usize::from(want.is_some());
    }
    // The generator reaches both answers often.
    assert!(accepted > 50_000, "{accepted}");
}

#[test]
fn calendar_is_unchanged() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..200_000 {
        let (y, m, d) = (
            rng.below(10_000) as i64,
            1 + rng.below(12) as i64,
            1 + rng.below(31) as i64,
        );
        let want = old::verify_days_from_civil(y, m, d);
        assert_eq!(old::share_days_from_civil(y, m, d), want);
        assert_eq!(time::days_from_civil(y, m, d), want, "{y}-{m}-{d}");
        let z = rng.below(1 << 51) as i64 - (1 << 50);
        assert_eq!(
            time::civil_from_days(z),
            old::share_civil_from_days(z),
            "{z}"
        );
        let secs = rng.next() as i64 >> rng.below(40);
        assert_eq!(
            time::unix_to_rfc3339(secs),
            old::unix_to_rfc3339(secs),
            "{secs}"
        );
        let secs = rng.below(315_569_520_000) as i64 - 62_167_219_200;
        assert_eq!(
            time::unix_to_rfc3339(secs),
            old::unix_to_rfc3339(secs),
            "{secs}"
        );
    }
}
