//! The normalized credential model shared by every format the wallet understands.
//!
//! A [`Credential`] is what the UI shows; the exact original document is kept in
//! [`Original`] because verification and re-sharing need the signed bytes.

use serde::{Deserialize, Serialize};

pub use crate::lang_text::{Direction, LangValue, Shown};

/// Which kind of document the credential came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Open Badges 3.0 under the VC Data Model 2.0 context.
    Ob3Vc2,
    /// Open Badges 3.0 under the VC Data Model 1.1 context.
    Ob3Vc11,
    /// VC-JWT / compact JWS whose payload is (or wraps in `vc`) an OB 3.0 credential.
    Ob3Jwt,
    /// Open Badges 2.0 hosted assertion (JSON).
    Ob2Hosted,
    /// Open Badges 2.0 signed assertion (compact JWS).
    Ob2Signed,
    /// Comprehensive Learner Record 2.0 (`ClrCredential`, JSON or VC-JWT): a transcript
    /// holding other credentials; its parts are in [`Credential::clr`].
    Clr,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Ob3Vc2 => "Open Badges 3.0 (VC 2.0)",
            Format::Ob3Vc11 => "Open Badges 3.0 (VC 1.1)",
            Format::Ob3Jwt => "Open Badges 3.0 (VC-JWT)",
            Format::Ob2Hosted => "Open Badges 2.0 (hosted)",
            Format::Ob2Signed => "Open Badges 2.0 (signed)",
            Format::Clr => "Comprehensive Learner Record 2.0",
        }
    }

    /// Its name as the interface shows it, in `lang` ([`Format::label`] is the English one the
    /// verifier's sentences use): the standards' own names stay as they are; only the words
    /// saying how an Open Badges 2.0 badge is verified are translated.
    pub fn label_in(self, lang: wallet_i18n::Lang) -> String {
        match self {
            Format::Ob2Hosted => wallet_i18n::msg!(lang, "format-ob2-hosted"),
            Format::Ob2Signed => wallet_i18n::msg!(lang, "format-ob2-signed"),
            _ => self.label().to_string(),
        }
    }
}

/// The exact document as received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "text", rename_all = "kebab-case")]
pub enum Original {
    /// A JSON document, byte-for-byte as given (whitespace included).
    Json(String),
    /// A compact JWS (`header.payload.signature`), as given (trimmed).
    Jws(String),
}

impl Original {
    pub fn text(&self) -> &str {
        match self {
            Original::Json(t) | Original::Jws(t) => t,
        }
    }
}

/// An image reference: a URL (http/https) or a `data:` URI, as found in the credential.
/// What it is and whether it may be shown is decided from its bytes (`crate::image`).
pub type ImageRef = String;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_langs: Vec<LangValue>,
    pub url: Option<String>,
    pub email: Option<String>,
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description_langs: Vec<LangValue>,
    pub image: Option<ImageRef>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub target_name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_name_langs: Vec<LangValue>,
    pub target_url: Option<String>,
    pub target_description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_description_langs: Vec<LangValue>,
    pub target_code: Option<String>,
    pub target_framework: Option<String>,
    pub target_type: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResultDescription {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_langs: Vec<LangValue>,
    pub result_type: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Achievement {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_langs: Vec<LangValue>,
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description_langs: Vec<LangValue>,
    /// OB 3.0 `achievementType` (e.g. "Badge", "Certificate", "Course").
    pub achievement_type: Option<String>,
    pub criteria_narrative: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria_narrative_langs: Vec<LangValue>,
    pub criteria_url: Option<String>,
    pub image: Option<ImageRef>,
    pub alignments: Vec<Alignment>,
    pub tags: Vec<String>,
    pub result_descriptions: Vec<ResultDescription>,
    /// OB 3.0 Achievement `related` ids (used later by pathways).
    pub related: Vec<String>,
    /// The creator, when it differs from the issuer (OB 3.0 `creator`).
    pub creator: Option<Profile>,
    /// OB 3.0 / CLR 2.0 `creditsAvailable`, as given.
    #[serde(default)]
    pub credits_available: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Identifier {
    pub identity_type: Option<String>,
    pub identity_hash: Option<String>,
    pub hashed: bool,
    pub salt: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Subject {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_langs: Vec<LangValue>,
    pub identifiers: Vec<Identifier>,
    /// OB 3.0 AchievementSubject `creditsEarned`, as given.
    #[serde(default)]
    pub credits_earned: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_langs: Vec<LangValue>,
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description_langs: Vec<LangValue>,
    pub narrative: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub narrative_langs: Vec<LangValue>,
    pub genre: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResultEntry {
    pub result_description: Option<String>,
    pub value: Option<String>,
    pub status: Option<String>,
    pub achieved_level: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Endorsement {
    pub id: Option<String>,
    pub issuer: Profile,
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comment_langs: Vec<LangValue>,
    pub issued: Option<String>,
}

/// A credential the wallet understands, normalized across formats.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Credential {
    /// The stable local key: the credential's `id` when it has one,
    /// otherwise `sha256:<hex of the original bytes>`.
    pub local_id: String,
    /// The credential's own `id`, if any.
    pub id: Option<String>,
    pub format: Format,
    /// Display name: the credential's `name`, else the achievement's / badge's name.
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_langs: Vec<LangValue>,
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description_langs: Vec<LangValue>,
    /// Image to show on the card: credential image, else achievement image.
    pub image: Option<ImageRef>,
    pub issuer: Profile,
    /// Issue date as given (ISO 8601): validFrom / issuanceDate / issuedOn / JWT nbf/iat.
    pub issued: Option<String>,
    /// Expiry as given: validUntil / expirationDate / expires / JWT exp.
    pub expires: Option<String>,
    pub achievement: Achievement,
    pub subject: Subject,
    pub evidence: Vec<Evidence>,
    pub results: Vec<ResultEntry>,
    pub endorsements: Vec<Endorsement>,
    /// OB 2.0: the hosted verification URL (`verify.url` or the assertion `id`).
    pub verify_url: Option<String>,
    /// Proof types present (`proof[].type`/`cryptosuite`, `JWS:<alg>`), for display.
    pub proof_types: Vec<String>,
    pub original: Original,
    /// The transcript of a Comprehensive Learner Record ([`Format::Clr`]); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clr: Option<Box<ClrRecord>>,
}

/// What a CLR 2.0 `ClrSubject` holds besides the learner.
///
/// Invariants: at most [`crate::clr::MAX_NESTED`] entries in `nested`, in document order (the
/// index is the position in `verifiableCredential`); a nested entry is never itself a CLR
/// (one level of nesting only: such an entry is [`Nested::Unreadable`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClrRecord {
    /// `ClrSubject.achievement`: the achievements the record lists (without their awards).
    pub achievements: Vec<Achievement>,
    /// `ClrSubject.association`: how the achievements relate.
    pub associations: Vec<Association>,
    /// `ClrSubject.verifiableCredential`, each parsed on its own.
    pub nested: Vec<Nested>,
    /// `ClrCredential.partial`: the issuer says the record is incomplete.
    pub partial: bool,
}

/// One CLR 2.0 `Association` between two achievements, as given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Association {
    /// e.g. `isChildOf`, `isParentOf`, `precedes`, `isPeerOf`, `exactMatchOf`, `replacedBy`.
    pub association_type: Option<String>,
    pub source_id: Option<String>,
    pub target_id: Option<String>,
}

/// A credential nested in a CLR: parsed like any other, or why it could not be.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Nested {
    Parsed(Box<Credential>),
    Unreadable(String),
}

// ---------------------------------------------------------------------------
// Text in the reader's language

/// `fn <name>_in(&self, reader) -> Option<Shown>` for text fields kept with their language
/// variants ([`crate::lang_text`]): the variant for the reader's language tag (e.g.
/// `wallet_i18n::Lang::tag()`), else the plain text. The element showing it carries
/// `lang` / `dir` from the [`Shown`] when they are given.
macro_rules! shown_in {
    ($ty:ty { $($method:ident: $plain:ident, $langs:ident;)* }) => {
        impl $ty {
            $(
                #[doc = concat!("`", stringify!($plain), "` in the reader's language (see [`crate::lang_text::shown`]).")]
                pub fn $method(&self, reader: &str) -> Option<Shown<'_>> {
                    crate::lang_text::shown(&self.$langs, self.$plain.as_deref(), reader)
                }
            )*
        }
    };
}

shown_in!(Profile {
    name_in: name, name_langs;
    description_in: description, description_langs;
});
shown_in!(Alignment {
    target_name_in: target_name, target_name_langs;
    target_description_in: target_description, target_description_langs;
});
shown_in!(ResultDescription {
    name_in: name, name_langs;
});
shown_in!(Achievement {
    name_in: name, name_langs;
    description_in: description, description_langs;
    criteria_narrative_in: criteria_narrative, criteria_narrative_langs;
});
shown_in!(Subject {
    name_in: name, name_langs;
});
shown_in!(Evidence {
    name_in: name, name_langs;
    description_in: description, description_langs;
    narrative_in: narrative, narrative_langs;
});
shown_in!(Endorsement {
    comment_in: comment, comment_langs;
});

impl Credential {
    /// The display name in the reader's language: the variant of the credential's (else the
    /// achievement's) `name` for that language, else [`Credential::name`].
    pub fn name_in(&self, reader: &str) -> Shown<'_> {
        crate::lang_text::shown(&self.name_langs, Some(&self.name), reader).unwrap_or(Shown {
            text: &self.name,
            lang: None,
            dir: None,
        })
    }

    /// The description in the reader's language (the credential's, else the achievement's).
    pub fn description_in(&self, reader: &str) -> Option<Shown<'_>> {
        crate::lang_text::shown(&self.description_langs, self.description.as_deref(), reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wallet_i18n::Lang;

    #[test]
    fn format_labels_are_english_as_before_and_translate_only_words() {
        let all = [
            Format::Ob3Vc2,
            Format::Ob3Vc11,
            Format::Ob3Jwt,
            Format::Ob2Hosted,
            Format::Ob2Signed,
            Format::Clr,
        ];
        for f in all {
            assert_eq!(f.label_in(Lang::En), f.label(), "{f:?}");
        }
        assert_eq!(
            Format::Ob2Hosted.label_in(Lang::Fr),
            "Open Badges 2.0 (hébergé)"
        );
        assert_eq!(
            Format::Clr.label_in(Lang::Fr),
            "Comprehensive Learner Record 2.0"
        );
    }
}
