//! What the printed certificate of one credential says (the wallet's `#/print/<local id>` route;
//! the view is `src/components/certificate.rs`). Pure, so that its words and its limits are
//! tested natively: a certificate is one sheet of A4 or Letter, so long texts are clipped and
//! long skill lists cut, and saying so is part of the certificate.
//!
//! Invariants: every text here is the credential's own (untrusted: the view renders it as text,
//! isolated for bidi) or one of the fixed sentences below; the status words never claim more
//! than the [`Status`] says.

use wallet_i18n::{Lang, msg};

use crate::model::Credential;
use crate::status::Status;
use crate::time::short_date;

/// At most this many characters of the description and of the criteria are printed.
pub const MAX_TEXT: usize = 280;
/// At most this many skills (or a transcript's achievements) are printed; the rest are counted.
pub const MAX_SKILLS: usize = 6;
/// A skill's name is cut after this many characters.
pub const MAX_SKILL: usize = 60;

/// The printed QR code: this many millimetres a module (phones and a 150 dpi scan read it), its
/// side kept within [`QR_MIN_MM`, `QR_MAX_MM`].
pub const QR_MODULE_MM: f64 = 0.5;
pub const QR_MIN_MM: f64 = 30.0;
pub const QR_MAX_MM: f64 = 80.0;
/// The link under the code is printed whole up to this many characters, else its beginning.
pub const MAX_LINK: usize = 120;

/// The printed side of a QR code of `side` modules (quiet zone included), in millimetres.
pub fn qr_side_mm(side: usize) -> f64 {
    (side as f64 * QR_MODULE_MM).clamp(QR_MIN_MM, QR_MAX_MM)
}

/// Millimetres as CSS pixels (96 a inch), rounded.
pub fn mm_to_css_px(mm: f64) -> u32 {
    (mm * 96.0 / 25.4).round() as u32
}

/// The link as printed under its code: whole when short, else its first [`MAX_LINK`]
/// characters and `…`, with its length (the code and the link's target hold all of it).
pub fn link_text(link: &str) -> (String, Option<usize>) {
    let n = link.chars().count();
    if n <= MAX_LINK {
        (link.to_string(), None)
    } else {
        let head: String = link.chars().take(MAX_LINK).collect();
        (format!("{head}…"), Some(n))
    }
}

/// The certificate's content, derived from the credential alone (the status and the time of the
/// check come from the wallet's report: [`status_words`], [`checked_line`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Certificate {
    pub name: String,
    /// The language tag of `name` when the issuer gave it in several languages (the variant for
    /// the reader's language was taken: `crate::lang_text`).
    pub name_lang: Option<String>,
    /// The achievement's type (`Badge`, `Certificate`, …), as given.
    pub kind: Option<String>,
    /// The recipient's name, when the credential states one.
    pub recipient: Option<String>,
    /// The description, whitespace collapsed, clipped to [`MAX_TEXT`].
    pub description: Option<String>,
    /// Its language tag, as `name_lang`.
    pub description_lang: Option<String>,
    /// The criteria narrative, the same way.
    pub criteria: Option<String>,
    /// Its language tag, as `name_lang`.
    pub criteria_lang: Option<String>,
    /// "Skills" for a badge (alignments, else tags), "Achievements" for a transcript, in the
    /// reader's language.
    pub skills_heading: String,
    /// At most [`MAX_SKILLS`] names.
    pub skills: Vec<String>,
    /// How many were left out.
    pub more_skills: usize,
    /// Issued (valid from): `YYYY-MM-DD` as given, in the reader's language
    /// (`wallet_i18n::date`: English keeps it as it is).
    pub issued: Option<String>,
    /// Expires (valid until), the same way.
    pub expires: Option<String>,
}

/// `text` with runs of whitespace as one space, trimmed, and cut to at most `max` characters
/// (at a word boundary when one is near, ending with `…`). `None` when nothing is left.
pub fn clip(text: &str, max: usize) -> Option<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() {
        return None;
    }
    if flat.chars().count() <= max {
        return Some(flat);
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    // Back to the last space when it is not too far (a long word is cut where it is).
    let kept = match cut.rfind(' ') {
        Some(i) if cut[..i].chars().count() * 3 >= max * 2 => &cut[..i],
        _ => cut.as_str(),
    };
    Some(format!("{}…", kept.trim_end()))
}

fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Certificate {
    /// The certificate of `c`, its fixed words in `lang`.
    pub fn of(c: &Credential, lang: Lang) -> Certificate {
        let a = &c.achievement;
        let (skills_heading, names): (String, Vec<String>) = match &c.clr {
            Some(r) => (
                msg!(lang, "certificate-achievements"),
                r.achievements
                    .iter()
                    .filter_map(|x| present(&x.name).map(str::to_string))
                    .collect(),
            ),
            None => {
                let aligned: Vec<String> = a
                    .alignments
                    .iter()
                    .filter_map(|al| {
                        present(&al.target_name)
                            .or(present(&al.target_code))
                            .map(str::to_string)
                    })
                    .collect();
                let heading = msg!(lang, "certificate-skills");
                if aligned.is_empty() {
                    (heading, a.tags.clone())
                } else {
                    (heading, aligned)
                }
            }
        };
        let names: Vec<String> = names.iter().filter_map(|n| clip(n, MAX_SKILL)).collect();
        let more_skills = names.len().saturating_sub(MAX_SKILLS);
        // The issuer's text in the reader's language when it gives several.
        let reader = lang.tag();
        let name = c.name_in(reader);
        let shown_text = |s: Option<crate::lang_text::Shown<'_>>| {
            s.and_then(|s| {
                let text = clip(s.text.trim(), MAX_TEXT)?;
                Some((text, s.lang.map(str::to_string)))
            })
        };
        let (description, description_lang) = shown_text(c.description_in(reader))
            .or_else(|| shown_text(a.description_in(reader)))
            .unzip();
        let (criteria, criteria_lang) = shown_text(a.criteria_narrative_in(reader)).unzip();
        Certificate {
            name: name.text.to_string(),
            name_lang: name.lang.map(str::to_string),
            kind: present(&a.achievement_type)
                .map(|t| wallet_i18n::vocab::achievement_type(lang, t)),
            recipient: present(&c.subject.name).and_then(|n| clip(n, MAX_SKILL * 2)),
            description,
            description_lang: description_lang.flatten(),
            criteria,
            criteria_lang: criteria_lang.flatten(),
            skills_heading,
            skills: names.into_iter().take(MAX_SKILLS).collect(),
            more_skills,
            issued: present(&c.issued).map(|d| wallet_i18n::date(lang, &short_date(d))),
            expires: present(&c.expires).map(|d| wallet_i18n::date(lang, &short_date(d))),
        }
    }
}

/// The status in words, in `lang`: a headline and a sentence, never more than the status says.
pub fn status_words(s: &Status, lang: Lang) -> (String, String) {
    match s {
        Status::Verified => (
            msg!(lang, "certificate-verified"),
            msg!(lang, "certificate-verified-text"),
        ),
        Status::Expired => (
            msg!(lang, "certificate-expired"),
            msg!(lang, "certificate-expired-text"),
        ),
        Status::NotYetValid => (
            msg!(lang, "certificate-not-yet-valid"),
            msg!(lang, "certificate-not-yet-valid-text"),
        ),
        Status::Revoked => (
            msg!(lang, "certificate-revoked"),
            msg!(lang, "certificate-revoked-text"),
        ),
        Status::Invalid => (
            msg!(lang, "certificate-invalid"),
            msg!(lang, "certificate-invalid-text"),
        ),
        Status::Pending => (
            msg!(lang, "certificate-pending"),
            msg!(lang, "certificate-pending-text"),
        ),
        Status::Unverified | Status::Other(_) => (
            msg!(lang, "certificate-unverified"),
            msg!(lang, "certificate-unverified-text"),
        ),
    }
}

/// When it was checked, in `lang`: "Checked in the learner's wallet on 2026-12-03 03:40 UTC."
/// from the stored report's `checked_at` (RFC 3339); without one, that it was not checked.
pub fn checked_line(checked_at: Option<&str>, lang: Lang) -> String {
    match checked_at.map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => {
            let when = match lang {
                Lang::En => crate::report::display_time(t),
                _ => wallet_i18n::date_time(lang, t),
            };
            msg!(lang, "certificate-checked", when = when)
        }
        None => msg!(lang, "certificate-not-checked"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Credential};

    #[test]
    fn clip_cases() {
        for (text, max, want) in [
            ("", 10, None),
            ("  \n\t ", 10, None),
            ("short", 10, Some("short")),
            ("  a \n\n b  ", 10, Some("a b")),
            ("exactly10!", 10, Some("exactly10!")),
            ("one two three four", 10, Some("one two…")),
            ("abcdefghijklmnop", 10, Some("abcdefghi…")),
            // A space too early is not used: the word is cut instead.
            ("a bcdefghijklmnop", 10, Some("a bcdefgh…")),
            ("ééééééééééé", 5, Some("éééé…")),
            ("x", 0, Some("…")),
        ] {
            assert_eq!(clip(text, max).as_deref(), want, "{text:?} {max}");
        }
        // Never longer than max.
        for max in 1..40 {
            let c = clip("The quick brown fox jumps over the lazy dog again", max).unwrap();
            assert!(c.chars().count() <= max, "{max}: {c}");
        }
    }

    fn credential() -> Credential {
        let mut c = crate::parse::parse_credential(
            r#"{"@context": ["https://www.w3.org/ns/credentials/v2"],
              "type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": "did:example:i",
              "credentialSubject": {"achievement": {"name": "Data ethics"}}}"#,
        )
        .unwrap();
        c.name = "Data ethics".into();
        c.issued = Some("2024-03-15T10:00:00Z".into());
        c
    }

    #[test]
    fn certificate_cases() {
        let c = credential();
        let cert = Certificate::of(&c, Lang::En);
        assert_eq!(cert.name, "Data ethics");
        assert_eq!(cert.issued.as_deref(), Some("2024-03-15"));
        assert_eq!(cert.expires, None);
        assert_eq!(
            (cert.recipient, cert.description, cert.criteria),
            (None, None, None)
        );
        assert!(cert.skills.is_empty());

        let mut c = credential();
        c.subject.name = Some("  Alex Rivera ".into());
        c.achievement.description = Some("From the achievement.".into());
        c.achievement.criteria_narrative = Some("x".repeat(1000));
        c.achievement.tags = vec!["sql".into(), "data".into()];
        c.expires = Some("2030-01-01".into());
        let cert = Certificate::of(&c, Lang::En);
        assert_eq!(cert.recipient.as_deref(), Some("Alex Rivera"));
        assert_eq!(cert.description.as_deref(), Some("From the achievement."));
        assert_eq!(cert.criteria.as_ref().unwrap().chars().count(), MAX_TEXT);
        assert_eq!(
            cert.skills,
            ["sql", "data"],
            "tags when there are no alignments"
        );
        assert_eq!(cert.expires.as_deref(), Some("2030-01-01"));

        // The credential's description comes before the achievement's; alignments before tags.
        c.description = Some("From the credential.".into());
        c.achievement.alignments = (0..11)
            .map(|i| Alignment {
                target_name: (i != 3).then(|| format!("Skill {i}")),
                target_code: Some(format!("C{i}")),
                ..Default::default()
            })
            .collect();
        let cert = Certificate::of(&c, Lang::En);
        assert_eq!(cert.description.as_deref(), Some("From the credential."));
        assert_eq!(cert.skills.len(), MAX_SKILLS);
        assert_eq!(cert.skills[3], "C3", "the code when there is no name");
        assert_eq!(cert.more_skills, 11 - MAX_SKILLS);
        assert_eq!(cert.skills_heading, "Skills");

        // French: the fixed words and the dates; the credential's own text as it is.
        let cert = Certificate::of(&c, Lang::Fr);
        assert_eq!(cert.skills_heading, "Compétences");
        assert_eq!(cert.issued.as_deref(), Some("15 mars 2024"));
        assert_eq!(cert.expires.as_deref(), Some("1er janvier 2030"));
        assert_eq!(cert.description.as_deref(), Some("From the credential."));
    }

    #[test]
    fn status_words_never_claim_more() {
        for s in [
            Status::Verified,
            Status::Invalid,
            Status::Expired,
            Status::NotYetValid,
            Status::Revoked,
            Status::Pending,
            Status::Unverified,
            Status::Other("future".into()),
        ] {
            let (head, sentence) = status_words(&s, Lang::En);
            assert!(!head.is_empty() && sentence.ends_with('.'));
            assert_eq!(
                head == "Verified" || sentence.contains("are valid"),
                s == Status::Verified,
                "{s:?}"
            );
            let (head, sentence) = status_words(&s, Lang::Fr);
            assert!(!head.is_empty() && sentence.ends_with('.'));
            assert_eq!(
                head == "Vérifiée" || sentence.contains("sont valides"),
                s == Status::Verified,
                "{s:?}"
            );
        }
    }

    #[test]
    fn qr_and_link_cases() {
        for (side, mm) in [
            (29, 30.0),
            (60, 30.0),
            (100, 50.0),
            (145, 72.5),
            (185, 80.0),
            (0, 30.0),
        ] {
            assert_eq!(qr_side_mm(side), mm, "{side}");
        }
        assert_eq!(mm_to_css_px(25.4), 96);
        assert_eq!(mm_to_css_px(72.5), 274);
        let short = "https://w.example/#/s/2123";
        assert_eq!(link_text(short), (short.to_string(), None));
        let exact = "x".repeat(MAX_LINK);
        assert_eq!(link_text(&exact), (exact.clone(), None));
        let long = format!("https://w.example/#/s/{}", "9".repeat(4000));
        let (text, n) = link_text(&long);
        assert_eq!(n, Some(long.len()));
        assert!(text.ends_with('…'));
        assert!(long.starts_with(text.trim_end_matches('…')));
        assert_eq!(text.chars().count(), MAX_LINK + 1);
        // Multi-byte text is cut on a character boundary.
        assert_eq!(link_text(&"é".repeat(MAX_LINK + 5)).1, Some(MAX_LINK + 5));
    }

    #[test]
    fn checked_line_cases() {
        for (at, want) in [
            (
                Some("2026-12-03T03:40:12Z"),
                "Checked in the learner's wallet on 2026-12-03 03:40 UTC.",
            ),
            (
                Some("2026-12-03T03:40:12+01:00"),
                "Checked in the learner's wallet on 2026-12-03T03:40:12+01:00.",
            ),
            (None, "Not checked in the learner's wallet yet."),
            (Some(" "), "Not checked in the learner's wallet yet."),
        ] {
            assert_eq!(checked_line(at, Lang::En), want, "{at:?}");
        }
        for (at, want) in [
            (
                Some("2026-12-03T03:40:12Z"),
                "Vérifiée dans le portefeuille de l’apprenant le 3 décembre 2026 à 03 h 40 UTC.",
            ),
            (
                None,
                "Pas encore vérifiée dans le portefeuille de l’apprenant.",
            ),
        ] {
            assert_eq!(checked_line(at, Lang::Fr), want, "{at:?}");
        }
    }
}
