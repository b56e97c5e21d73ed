//! The interface's words in every language the wallet speaks, and the locale's dates and
//! numbers (issue 14.3).
//!
//! Why Fluent (`fluent-bundle`, Mozilla's implementation of Project Fluent): translators write
//! whole sentences per language, with plural and gender selectors where their grammar needs
//! them (French counts 0 and 1 as singular, English only 1), instead of the code gluing
//! fragments together. The messages live in `locales/<tag>/<area>.ftl`, one file per area of the
//! interface, compiled into the binary (`include_str!`): nothing is fetched, so the wallet
//! speaks every language offline.
//!
//! Invariants, checked by `tests/catalogue.rs`:
//!  - every language has exactly the messages English has, with the same variables;
//!  - every message the code asks for (`msg!(lang, "id", …)`, the shell's `t!("id", …)`, the
//!    verifier's typed sentences `wallet_core::text!("id", …)`) exists;
//!  - every message exists in the code (no dead entries).
//!
//! Message ids are literals at every call site, so that test can find them all: never build an
//! id with `format!`. Credential text is never translated: it is shown as the issuer wrote it
//! (`wallet_core` picks the value for the reader's language from a language map).
//!
//! Fluent's Unicode isolation marks around variables are off: names from credentials are put
//! in `<bdi>` by the views, or isolated by `wallet_core::bidi::isolate` where the message is
//! plain text.

use std::cell::RefCell;
use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

mod format;
pub use format::{date, date_time, number, percent};
pub mod vocab;

/// A language of the interface. Invariant: `ALL[0]` is the default (English), the language
/// every message is written in first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// Its BCP 47 tag (the value of `<html lang>` and of the language select's options).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Its own name for itself, as the language menu shows it.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// The language a BCP 47 tag asks for (`fr`, `fr-CA`, `FR_be`, `en-US`), by its primary
    /// subtag; None when the wallet does not speak it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first of the reader's preferred languages (the browser's `navigator.languages`, in
    /// order) the wallet speaks; English when it speaks none of them.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The message files of this language, one per area of the interface.
    fn sources(self) -> &'static [&'static str] {
        match self {
            Lang::En => EN,
            Lang::Fr => FR,
        }
    }
}

/// The areas of the interface, each a file under `locales/<tag>/` (listed here and in
/// `tests/catalogue.rs`'s `AREAS`, which checks that both lists agree with the folders).
macro_rules! area_files {
    ($tag:literal) => {
        &[
            include_str!(concat!("../locales/", $tag, "/app.ftl")),
            include_str!(concat!("../locales/", $tag, "/credential.ftl")),
            include_str!(concat!("../locales/", $tag, "/import.ftl")),
            include_str!(concat!("../locales/", $tag, "/share.ftl")),
            include_str!(concat!("../locales/", $tag, "/pathways.ftl")),
            include_str!(concat!("../locales/", $tag, "/keep.ftl")),
            include_str!(concat!("../locales/", $tag, "/verify.ftl")),
        ]
    };
}
const EN: &[&str] = area_files!("en");
const FR: &[&str] = area_files!("fr");

/// A value given to a message's variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(usize, u8, u16, u32, u64, i32, i64, f64);

thread_local! {
    /// One bundle per language, parsed on first use (a few hundred microseconds).
    static BUNDLES: RefCell<HashMap<Lang, FluentBundle<FluentResource>>> = RefCell::new(HashMap::new());
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    for source in lang.sources() {
        // A file with a syntax error still yields every message it could read
        // (tests/catalogue.rs fails on any error, so none ships).
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `id` in `lang`, with `args`. Total: a message missing in `lang` falls back to
/// English, and one missing everywhere is shown as its id (tests/catalogue.rs keeps both from
/// shipping).
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let found = format_in(lang, id, args);
    match found {
        Some(s) => s,
        None if lang != Lang::En => format_in(Lang::En, id, args).unwrap_or_else(|| id.to_string()),
        None => id.to_string(),
    }
}

fn format_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    BUNDLES.with(|cell| {
        let mut map = cell.borrow_mut();
        let bundle = map.entry(lang).or_insert_with(|| bundle(lang));
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    })
}

/// `msg!(lang, "id")` or `msg!(lang, "id", name = value, …)`: the message `id` in `lang`. The
/// id must be a literal (tests/catalogue.rs reads every call site).
#[macro_export]
macro_rules! msg {
    ($lang:expr, $id:literal) => {
        $crate::tr($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::tr($lang, $id, &[$((stringify!($name), $crate::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_matched_by_primary_subtag() {
        let cases: &[(&str, Option<Lang>)] = &[
            ("en", Some(Lang::En)),
            ("en-US", Some(Lang::En)),
            ("fr", Some(Lang::Fr)),
            ("fr-CA", Some(Lang::Fr)),
            ("FR_be", Some(Lang::Fr)),
            (" fr ", Some(Lang::Fr)),
            ("de-DE", None),
            ("", None),
            ("frr", None),
        ];
        for (tag, want) in cases {
            assert_eq!(Lang::from_tag(tag), *want, "{tag:?}");
        }
    }

    #[test]
    fn negotiation_takes_the_first_spoken_language() {
        let cases: &[(&[&str], Lang)] = &[
            (&["de-DE", "fr-FR", "en"], Lang::Fr),
            (&["en-GB", "fr"], Lang::En),
            (&["de", "es"], Lang::En),
            (&[], Lang::En),
        ];
        for (prefs, want) in cases {
            assert_eq!(Lang::negotiate(prefs.iter().copied()), *want, "{prefs:?}");
        }
    }

    #[test]
    fn messages_take_variables_and_plurals() {
        assert_eq!(
            msg!(Lang::En, "credential-count", n = 1usize),
            "1 credential"
        );
        assert_eq!(
            msg!(Lang::En, "credential-count", n = 0usize),
            "0 credentials"
        );
        // French counts zero as singular.
        assert_eq!(
            msg!(Lang::Fr, "credential-count", n = 0usize),
            "0 attestation"
        );
        assert_eq!(
            msg!(Lang::Fr, "credential-count", n = 2usize),
            "2 attestations"
        );
    }

    #[test]
    fn a_missing_message_is_its_id() {
        assert_eq!(tr(Lang::Fr, "no-such-message", &[]), "no-such-message");
    }
}
