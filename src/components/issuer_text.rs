//! Text as the issuer wrote it, in the reader's language when the credential gives it in several
//! (VC Data Model 2.0 language value objects, picked by `wallet_core::lang_text`), marked with
//! that language and direction so that screen readers pronounce it right and the browser lays
//! it out right. Text with no stated language inherits the page's.

use wallet_core::lang_text::Shown;

/// The reader's language tag, for the `*_in(reader)` methods of the model.
pub fn reader() -> &'static str {
    crate::i18n::lang().tag()
}

/// A picked text, owned for a view: the text, its `lang` and `dir` attributes (None: not stated;
/// `dir` then stays "auto" where the view isolates the text).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picked {
    pub text: String,
    pub lang: Option<String>,
    pub dir: &'static str,
}

impl Picked {
    pub fn of(s: Shown<'_>) -> Picked {
        Picked {
            text: s.text.to_string(),
            lang: s.lang.map(str::to_string),
            dir: s.dir.map_or("auto", |d| d.as_str()),
        }
    }

    /// Interface text (no language of the issuer's): inherits the page's language.
    pub fn ours(text: String) -> Picked {
        Picked {
            text,
            lang: None,
            dir: "auto",
        }
    }
}
