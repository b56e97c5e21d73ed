//! A credential's status as the wallet stores and shows it: the verifier's verdict
//! (`wallet_verify::Status`, converted into this type in one place), `pending` until the first
//! check, or a text an older or newer version stored that this one does not know.
//!
//! One type from storage to the views: gallery summaries, stored reports, pathway items and the
//! employer's view all hold it, and nothing compares status strings. It is stored exactly as
//! before it existed, as its kebab-case text (`"verified"`, `"not-yet-valid"`, …), so no stored
//! record changes.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Status {
    Verified,
    Invalid,
    Expired,
    NotYetValid,
    Revoked,
    /// Checked, but what was needed could not be (a key offline, an unsupported proof).
    Unverified,
    /// Not checked yet.
    #[default]
    Pending,
    /// Anything else, as stored (trimmed).
    Other(String),
}

impl Status {
    /// The status of a stored text (case and surrounding spaces ignored). Total.
    pub fn parse(s: &str) -> Status {
        match s.trim().to_ascii_lowercase().as_str() {
            "verified" => Status::Verified,
            "invalid" => Status::Invalid,
            "expired" => Status::Expired,
            "not-yet-valid" => Status::NotYetValid,
            "revoked" => Status::Revoked,
            "unverified" => Status::Unverified,
            "pending" => Status::Pending,
            _ => Status::Other(s.trim().to_string()),
        }
    }

    /// The stored text (also the `data-status` value and the CSS class suffix).
    pub fn as_str(&self) -> &str {
        match self {
            Status::Verified => "verified",
            Status::Invalid => "invalid",
            Status::Expired => "expired",
            Status::NotYetValid => "not-yet-valid",
            Status::Revoked => "revoked",
            Status::Unverified => "unverified",
            Status::Pending => "pending",
            Status::Other(s) => s,
        }
    }

    /// What a person reads on a card, in `lang`.
    pub fn label(&self, lang: wallet_i18n::Lang) -> String {
        match self {
            Status::Verified => wallet_i18n::msg!(lang, "status-verified"),
            Status::Invalid => wallet_i18n::msg!(lang, "status-invalid"),
            Status::Expired => wallet_i18n::msg!(lang, "status-expired"),
            Status::NotYetValid => wallet_i18n::msg!(lang, "status-not-yet-valid"),
            Status::Revoked => wallet_i18n::msg!(lang, "status-revoked"),
            Status::Pending => wallet_i18n::msg!(lang, "status-pending"),
            Status::Unverified | Status::Other(_) => wallet_i18n::msg!(lang, "status-unverified"),
        }
    }

    pub fn is_verified(&self) -> bool {
        *self == Status::Verified
    }
}

impl From<String> for Status {
    fn from(s: String) -> Status {
        Status::parse(&s)
    }
}

impl From<Status> for String {
    fn from(s: Status) -> String {
        s.as_str().to_string()
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_round_trips() {
        for (text, status) in [
            ("verified", Status::Verified),
            ("invalid", Status::Invalid),
            ("expired", Status::Expired),
            ("not-yet-valid", Status::NotYetValid),
            ("revoked", Status::Revoked),
            ("unverified", Status::Unverified),
            ("pending", Status::Pending),
            ("suspended", Status::Other("suspended".into())),
        ] {
            assert_eq!(Status::parse(text), status);
            assert_eq!(status.as_str(), text);
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{text}\""), "stored as its text");
            assert_eq!(serde_json::from_str::<Status>(&json).unwrap(), status);
        }
        assert_eq!(Status::parse(" Verified "), Status::Verified);
        assert_eq!(Status::default(), Status::Pending);
    }
}
