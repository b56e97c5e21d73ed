//! Issuer trust: which issuers are trusted where, and the name shown for an issuer.
//!
//! A signature proves who holds a key, not who the issuer is. Trust says whether a key's holder
//! is an issuer someone vouched for: the registry shipped with the wallet (real issuers, named
//! by the registry), the learner's own list (in their wallet only), and the demo issuers, whose
//! private keys are published in this repository (`tools/demo-issuer`), so anyone can sign as
//! them. This module is the one place that decides; the shell only passes the inputs (the
//! registry, the learner's list, whether the learner loaded the demo badges, and who looks).
//!
//! Rules (table-tested below):
//! - a registry issuer that is not a demo is trusted everywhere, under the registry's name;
//! - a demo issuer is trusted only in the learner's own wallet and only after the learner used
//!   "Load demo badges" there; it is never trusted in the employer's view (a share link), and
//!   the learner's list cannot make it trusted (its key is public);
//! - an issuer on the learner's list is trusted in the learner's wallet only;
//! - any other issuer is not trusted, and the name it gives itself is shown as self-declared.

use serde::Deserialize;
use wallet_core::report::Text;
use wallet_core::text;

/// One entry of the registry (`public/trust/known-issuers.json`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct RegistryEntry {
    /// The issuer id (a DID or URL), compared exactly with the credential's issuer.
    pub id: String,
    /// The name the registry gives this issuer (shown instead of the credential's).
    pub name: String,
    /// A demo issuer: its private key is public.
    #[serde(default)]
    pub demo: bool,
    /// Where the entry comes from (shown in the issuer check).
    pub source: String,
}

/// The registry of known issuers. Invariant: ids are unique (the first entry wins when a file
/// lists one twice).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Registry {
    entries: Vec<RegistryEntry>,
}

#[derive(Deserialize)]
struct RegistryFile {
    #[serde(rename = "type")]
    ty: String,
    issuers: Vec<RegistryEntry>,
}

/// The `type` a registry file must declare.
pub const REGISTRY_TYPE: &str = "LearnerWalletIssuerRegistry";

impl Registry {
    /// Read a registry file; a clear message when it is not one.
    pub fn parse(json: &str) -> Result<Registry, String> {
        let file: RegistryFile = serde_json::from_str(json)
            .map_err(|e| format!("the issuer registry cannot be read: {e}"))?;
        if file.ty != REGISTRY_TYPE {
            return Err(format!(
                "the issuer registry's type is {}, not {REGISTRY_TYPE}",
                file.ty
            ));
        }
        let mut entries: Vec<RegistryEntry> = Vec::new();
        for e in file.issuers {
            if e.id.trim().is_empty() || e.name.trim().is_empty() {
                return Err("an issuer registry entry has no id or no name".into());
            }
            if !entries.iter().any(|x| x.id == e.id) {
                entries.push(e);
            }
        }
        Ok(Registry { entries })
    }

    pub fn new(entries: Vec<RegistryEntry>) -> Registry {
        let mut r = Registry::default();
        for e in entries {
            if !r.entries.iter().any(|x| x.id == e.id) {
                r.entries.push(e);
            }
        }
        r
    }

    pub fn get(&self, id: &str) -> Option<&RegistryEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn entries(&self) -> &[RegistryEntry] {
        &self.entries
    }
}

/// Who is looking at the credential.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    /// The learner in their own wallet; `demo_loaded` when they used "Load demo badges" there.
    Learner { demo_loaded: bool },
    /// Whoever opened a share link (an employer): nothing from their own wallet counts.
    Employer,
}

/// The trust decision for one issuer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust<'a> {
    /// A registry issuer (not a demo): trusted, named by the registry.
    Registry(&'a RegistryEntry),
    /// A demo issuer in a wallet where the learner loaded the demo badges: trusted, labelled DEMO.
    Demo(&'a RegistryEntry),
    /// On the learner's own list (their wallet only).
    Learner,
    /// A demo issuer where demos are not trusted: not trusted, labelled DEMO.
    DemoUntrusted(&'a RegistryEntry),
    /// Nobody vouches for it.
    Unknown,
}

impl Trust<'_> {
    pub fn is_trusted(&self) -> bool {
        matches!(self, Trust::Registry(_) | Trust::Demo(_) | Trust::Learner)
    }

    pub fn is_demo(&self) -> bool {
        matches!(self, Trust::Demo(_) | Trust::DemoUntrusted(_))
    }

    /// A stable name for the decision (a `data-trust` attribute in the views).
    pub fn as_str(&self) -> &'static str {
        match self {
            Trust::Registry(_) => "registry",
            Trust::Demo(_) => "demo",
            Trust::Learner => "learner",
            Trust::DemoUntrusted(_) => "demo-untrusted",
            Trust::Unknown => "unknown",
        }
    }

    /// The issuer check's sentence when the signature is confirmed (`name` as shown).
    pub fn message(&self, viewer: Viewer) -> String {
        self.text(viewer).english()
    }

    /// [`Trust::message`], typed (shown in the reader's language).
    pub fn text(&self, viewer: Viewer) -> Text {
        match self {
            Trust::Registry(e) => text!(
                "verify-trust-registry",
                name = &e.name,
                source = e.source.trim_end_matches('.')
            ),
            Trust::Demo(e) => text!("verify-trust-demo", name = &e.name),
            Trust::Learner => text!("verify-trust-listed"),
            Trust::DemoUntrusted(e) => match viewer {
                Viewer::Employer => text!("verify-trust-demo-key-employer", name = &e.name),
                Viewer::Learner { .. } => text!("verify-trust-demo-key-learner", name = &e.name),
            },
            Trust::Unknown => match viewer {
                Viewer::Employer => text!("verify-trust-unknown-employer"),
                Viewer::Learner { .. } => text!("verify-trust-unlisted-valid"),
            },
        }
    }
}

/// Decide whether `issuer` is trusted for `viewer`.
pub fn decide<'a>(
    issuer: Option<&str>,
    registry: &'a Registry,
    learner: &[String],
    viewer: Viewer,
) -> Trust<'a> {
    let Some(issuer) = issuer.filter(|i| !i.is_empty()) else {
        return Trust::Unknown;
    };
    match (registry.get(issuer), viewer) {
        (Some(e), _) if !e.demo => Trust::Registry(e),
        (Some(e), Viewer::Learner { demo_loaded: true }) => Trust::Demo(e),
        (Some(e), _) => Trust::DemoUntrusted(e),
        (None, Viewer::Learner { .. }) if learner.iter().any(|l| l == issuer) => Trust::Learner,
        (None, _) => Trust::Unknown,
    }
}

/// The ids trusted for `viewer`: what the shell passes as `VerifyContext::trusted_issuers`.
pub fn trusted_ids(registry: &Registry, learner: &[String], viewer: Viewer) -> Vec<String> {
    let mut out: Vec<String> = registry
        .entries
        .iter()
        .filter(|e| decide(Some(&e.id), registry, learner, viewer).is_trusted())
        .map(|e| e.id.clone())
        .collect();
    for l in learner {
        if !out.contains(l) && decide(Some(l), registry, learner, viewer).is_trusted() {
            out.push(l.clone());
        }
    }
    out
}

/// Where the name shown for an issuer comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameSource {
    /// The registry's name: confirmed.
    Registry,
    /// The credential's own name for an issuer the learner trusts.
    TrustedByLearner,
    /// The credential's own name, confirmed by no one.
    SelfDeclared,
}

impl NameSource {
    /// The words shown after the name ("" for a confirmed name).
    pub fn note(self) -> &'static str {
        match self {
            NameSource::Registry => "",
            NameSource::TrustedByLearner => "(name given by the credential; you trust this issuer)",
            NameSource::SelfDeclared => "(name given by the credential, not confirmed)",
        }
    }
}

/// How an issuer is named on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuerLabel {
    /// The name (untrusted text unless `source` is `Registry`: render it isolated).
    pub name: String,
    pub source: NameSource,
    /// Show the DEMO label.
    pub demo: bool,
}

impl IssuerLabel {
    /// The whole label as plain text (for attributes and sentences).
    pub fn text(&self) -> String {
        let mut s = self.name.clone();
        if self.demo {
            s.push_str(" [DEMO]");
        }
        let note = self.source.note();
        if !note.is_empty() {
            s.push(' ');
            s.push_str(note);
        }
        s
    }
}

/// The label of an issuer: the registry's name when trusted through the registry, else the
/// credential's own name (or id), marked as given by the credential.
pub fn issuer_label(trust: &Trust<'_>, declared: Option<&str>, id: Option<&str>) -> IssuerLabel {
    let own = declared
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .or(id.filter(|i| !i.is_empty()))
        .unwrap_or("Unknown issuer")
        .to_string();
    match trust {
        Trust::Registry(e) | Trust::Demo(e) => IssuerLabel {
            name: e.name.clone(),
            source: NameSource::Registry,
            demo: trust.is_demo(),
        },
        Trust::Learner => IssuerLabel {
            name: own,
            source: NameSource::TrustedByLearner,
            demo: false,
        },
        Trust::DemoUntrusted(_) | Trust::Unknown => IssuerLabel {
            name: own,
            source: NameSource::SelfDeclared,
            demo: trust.is_demo(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL: &str = "did:web:real.example";
    const DEMO: &str = "did:key:z6MkDEMO";
    const MINE: &str = "did:key:z6MkMINE";
    const OTHER: &str = "did:key:z6MkOTHER";

    fn registry() -> Registry {
        Registry::new(vec![
            RegistryEntry {
                id: REAL.into(),
                name: "Real University".into(),
                demo: false,
                source: "test".into(),
            },
            RegistryEntry {
                id: DEMO.into(),
                name: "Demo College".into(),
                demo: true,
                source: "demo data".into(),
            },
        ])
    }

    #[test]
    fn decisions() {
        let reg = registry();
        let learner_with_demo = vec![MINE.to_string(), DEMO.to_string()];
        const L0: Viewer = Viewer::Learner { demo_loaded: false };
        const L1: Viewer = Viewer::Learner { demo_loaded: true };
        const E: Viewer = Viewer::Employer;
        // (issuer, viewer, decision, trusted)
        let cases: &[(Option<&str>, Viewer, &str, bool)] = &[
            (Some(REAL), L0, "registry", true),
            (Some(REAL), L1, "registry", true),
            (Some(REAL), E, "registry", true),
            (Some(DEMO), L0, "demo-untrusted", false),
            (Some(DEMO), L1, "demo", true),
            (Some(DEMO), E, "demo-untrusted", false),
            (Some(MINE), L0, "learner", true),
            (Some(MINE), L1, "learner", true),
            (Some(MINE), E, "unknown", false),
            (Some(OTHER), L0, "unknown", false),
            (Some(OTHER), L1, "unknown", false),
            (Some(OTHER), E, "unknown", false),
            (None, L1, "unknown", false),
            (Some(""), L1, "unknown", false),
        ];
        for (issuer, viewer, want, trusted) in cases {
            let t = decide(*issuer, &reg, &learner_with_demo, *viewer);
            assert_eq!(t.as_str(), *want, "{issuer:?} {viewer:?}");
            assert_eq!(t.is_trusted(), *trusted, "{issuer:?} {viewer:?}");
        }
    }

    #[test]
    fn trusted_id_lists() {
        let reg = registry();
        let learner = vec![MINE.to_string(), DEMO.to_string()];
        let cases: &[(Viewer, &[&str])] = &[
            (Viewer::Learner { demo_loaded: false }, &[REAL, MINE]),
            (Viewer::Learner { demo_loaded: true }, &[REAL, DEMO, MINE]),
            (Viewer::Employer, &[REAL]),
        ];
        for (viewer, want) in cases {
            assert_eq!(trusted_ids(&reg, &learner, *viewer), *want, "{viewer:?}");
        }
    }

    #[test]
    fn labels() {
        let reg = registry();
        let l1 = Viewer::Learner { demo_loaded: true };
        let l0 = Viewer::Learner { demo_loaded: false };
        let mine = vec![MINE.to_string()];
        // (issuer, declared name, viewer, shown text)
        let cases: &[(&str, Option<&str>, Viewer, &str)] = &[
            (REAL, Some("Fake Name"), l0, "Real University"),
            (REAL, None, Viewer::Employer, "Real University"),
            (DEMO, Some("Anything"), l1, "Demo College [DEMO]"),
            (
                DEMO,
                Some("Anything"),
                Viewer::Employer,
                "Anything [DEMO] (name given by the credential, not confirmed)",
            ),
            (
                DEMO,
                Some("Anything"),
                l0,
                "Anything [DEMO] (name given by the credential, not confirmed)",
            ),
            (
                MINE,
                Some("My Club"),
                l0,
                "My Club (name given by the credential; you trust this issuer)",
            ),
            (
                MINE,
                Some("My Club"),
                Viewer::Employer,
                "My Club (name given by the credential, not confirmed)",
            ),
            (
                OTHER,
                Some("  "),
                l1,
                "did:key:z6MkOTHER (name given by the credential, not confirmed)",
            ),
        ];
        for (id, name, viewer, want) in cases {
            let t = decide(Some(id), &reg, &mine, *viewer);
            assert_eq!(
                issuer_label(&t, *name, Some(id)).text(),
                *want,
                "{id} {viewer:?}"
            );
        }
        assert_eq!(
            issuer_label(&Trust::Unknown, None, None).name,
            "Unknown issuer"
        );
    }

    #[test]
    fn registry_files() {
        let ok = r#"{"type":"LearnerWalletIssuerRegistry","issuers":[
            {"id":"a","name":"A","source":"s"},{"id":"a","name":"B","source":"s"}]}"#;
        let r = Registry::parse(ok).unwrap();
        assert_eq!(r.entries().len(), 1);
        assert_eq!(r.get("a").unwrap().name, "A");
        assert!(!r.get("a").unwrap().demo);
        let cases = [
            "",
            "[]",
            r#"{"type":"Other","issuers":[]}"#,
            r#"{"type":"LearnerWalletIssuerRegistry","issuers":[{"id":"","name":"A","source":"s"}]}"#,
            r#"{"type":"LearnerWalletIssuerRegistry","issuers":[{"id":"a","source":"s"}]}"#,
        ];
        for c in cases {
            assert!(Registry::parse(c).is_err(), "{c}");
        }
        // The shipped registry reads, and every demo issuer in it (the demo keys, and the demo
        // OB 2.0 issuer hosted at an example.org address) is marked demo.
        let shipped = Registry::parse(include_str!("../../public/trust/known-issuers.json"))
            .expect("the shipped registry reads");
        // Every demo issuer's name ends in "(Demo)" (tools/demo-issuer/README.md): the five
        // demo keys (three Ed25519, one P-256, one RSA) and the demo OB 2.0 issuer.
        for e in shipped.entries() {
            assert_eq!(e.demo, e.name.ends_with("(Demo)"), "{}", e.id);
        }
        let demo_ids: Vec<&str> = shipped
            .entries()
            .iter()
            .filter(|e| e.demo)
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(demo_ids.len(), 6, "{demo_ids:?}");
        for id in [
            "did:key:z6MkshiUbQxwwNPpAhKoTU8qSPMe6q1xFXHxA28jNnn3gy85",
            "did:key:z6Mko1cRHGz4Q3gVCQtTrnZGEHhcskMAErdifpyUZJ2zURYN",
            "did:key:z6Mkkpbmv7iywCfoUcvYnkdmyDLfhJCwziDh4bwMn1rcU4Sx",
            "https://demo.example.org/codebridge/issuer.json",
        ] {
            assert!(demo_ids.contains(&id), "{id}");
        }
    }
}
