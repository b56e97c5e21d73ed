//! What the wallet offers to import from a QR code it read (a picture given to the importer or
//! a camera frame): a share link's credentials (carried in the link, nothing fetched), a
//! credential written in the code itself, or an address to import from after the learner
//! confirms, exactly like a deep link. Pure; the shell only shows the offer.

use wallet_core::import::{ImportOutcome, import_text_in};
use wallet_core::parse::parse_credential;
use wallet_core::qr::{QrContent, classify};
use wallet_i18n::{Lang, msg};

/// One credential offered for import, with what the confirmation shows of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offered {
    /// The exact text to import.
    pub text: String,
    /// Its name, or why it cannot be read (the import will then report it too).
    pub name: String,
    pub issuer: Option<String>,
}

/// What a QR code's text leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scanned {
    /// Credentials to show and import on the learner's confirmation; `share_link` when they
    /// came from a share link (`title` and `holder` as the link gives them).
    Credentials {
        share_link: bool,
        title: Option<String>,
        holder: Option<String>,
        items: Vec<Offered>,
    },
    /// An http(s) address: the deep-link confirmation (`#/import?url=…`) takes over.
    Url(String),
    /// Nothing to import; the message says why.
    Unusable(String),
}

fn offered(lang: Lang, text: String) -> Offered {
    match parse_credential(&text) {
        Ok(c) => Offered {
            name: c.name,
            issuer: c.issuer.name,
            text,
        },
        Err(e) => Offered {
            name: msg!(
                lang,
                "share-scan-unreadable-credential",
                error = e.to_string()
            ),
            issuer: None,
            text,
        },
    }
}

/// What one QR code's text leads to, its messages in English. Total.
pub fn scanned(text: &str) -> Scanned {
    scanned_in(Lang::En, text)
}

/// What one QR code's text leads to, its messages (why it is unusable, the name of a credential
/// that cannot be read) in `lang`. Total.
pub fn scanned_in(lang: Lang, text: &str) -> Scanned {
    match classify(text) {
        QrContent::Share(payload) => match crate::decode(&payload) {
            Ok(p) if p.credentials.is_empty() => {
                Scanned::Unusable(msg!(lang, "share-scan-no-credentials"))
            }
            Ok(p) => Scanned::Credentials {
                share_link: true,
                title: p.title,
                holder: p.holder,
                items: p
                    .credentials
                    .iter()
                    .map(|c| offered(lang, c.text().to_string()))
                    .collect(),
            },
            Err(e) => Scanned::Unusable(msg!(lang, "share-scan-bad-link", error = e.message(lang))),
        },
        QrContent::Url(url) => Scanned::Url(url),
        QrContent::Text(t) if t.is_empty() => Scanned::Unusable(msg!(lang, "share-scan-empty")),
        QrContent::Text(t) => match import_text_in(lang, &t) {
            ImportOutcome::Credentials(list) => Scanned::Credentials {
                share_link: false,
                title: None,
                holder: None,
                items: list
                    .into_iter()
                    .map(|c| Offered {
                        text: c.original.text().to_string(),
                        name: c.name,
                        issuer: c.issuer.name,
                    })
                    .collect(),
            },
            ImportOutcome::NeedsFetch(url) => Scanned::Url(url),
            ImportOutcome::Error(m) => {
                Scanned::Unusable(msg!(lang, "share-scan-not-badge", error = m))
            }
        },
    }
}

/// The first code of a picture that leads somewhere, else the first one's reason; `None` when
/// the picture holds no code. Messages in English.
pub fn first_usable(texts: &[String]) -> Option<Scanned> {
    first_usable_in(Lang::En, texts)
}

/// [`first_usable`] with its messages in `lang`.
pub fn first_usable_in(lang: Lang, texts: &[String]) -> Option<Scanned> {
    let all: Vec<Scanned> = texts.iter().map(|t| scanned_in(lang, t)).collect();
    let first_unusable = all.first().cloned();
    all.into_iter()
        .find(|s| !matches!(s, Scanned::Unusable(_)))
        .or(first_unusable)
}
