//! JSON-LD → RDF → RDFC-1.0 canonical N-Quads, with every context bundled.
//!
//! - Contexts come only from `verify/contexts/` (see `contexts/README.md`);
//!   any other context URL is an error ("unsupported context <url>"), so
//!   verification never touches the network.
//! - Safe mode: a term the contexts do not define is an error instead of
//!   being silently dropped, and so is a term that only expands through the
//!   VC 2.0 "issuer-dependent" / "undefined-term" `@vocab` fallbacks.
//! - The processed top-level `@context` is cached (keyed by its JSON text), so
//!   a second credential with the same contexts does not re-process them.
//! - RDFC-1.0 runs with a limit on Hash N-Degree Quads calls against
//!   poisoned graphs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use json_ld::expansion::{self, Action, Policy};
use json_ld::syntax::TryFromJson;
use json_ld::{Expand, Process, RemoteDocument};
use json_ld::{IriBuf, ValidId};
use rdf_types::LiteralType;
use serde_json::Value;

/// A bundled context: URL and its JSON text.
pub struct BundledContext {
    pub url: &'static str,
    pub text: &'static str,
}

/// All contexts this crate knows. Sources are listed in `contexts/README.md`.
pub const CONTEXTS: &[BundledContext] = &[
    BundledContext {
        url: "https://www.w3.org/2018/credentials/v1",
        text: include_str!("../contexts/credentials-v1.jsonld"),
    },
    BundledContext {
        url: "https://www.w3.org/ns/credentials/v2",
        text: include_str!("../contexts/credentials-v2.jsonld"),
    },
    BundledContext {
        url: "https://www.w3.org/ns/credentials/examples/v2",
        text: include_str!("../contexts/credentials-examples-v2.jsonld"),
    },
    BundledContext {
        url: "https://w3id.org/security/data-integrity/v1",
        text: include_str!("../contexts/data-integrity-v1.jsonld"),
    },
    BundledContext {
        url: "https://w3id.org/security/data-integrity/v2",
        text: include_str!("../contexts/data-integrity-v2.jsonld"),
    },
    BundledContext {
        url: "https://w3id.org/security/multikey/v1",
        text: include_str!("../contexts/multikey-v1.jsonld"),
    },
    BundledContext {
        url: "https://w3id.org/security/suites/ed25519-2020/v1",
        text: include_str!("../contexts/ed25519-signature-2020-v1.jsonld"),
    },
    BundledContext {
        url: "https://www.w3.org/ns/did/v1",
        text: include_str!("../contexts/did-v1.jsonld"),
    },
    BundledContext {
        url: "https://www.w3.org/ns/credentials/status/v1",
        text: include_str!("../contexts/vc-bitstring-status-list-v1.jsonld"),
    },
    BundledContext {
        url: "https://w3id.org/vc/status-list/2021/v1",
        text: include_str!("../contexts/vc-status-list-v1.jsonld"),
    },
    BundledContext {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        text: include_str!("../contexts/ob-v3p0-3.0.0.json"),
    },
    BundledContext {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        text: include_str!("../contexts/ob-v3p0-3.0.1.json"),
    },
    BundledContext {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        text: include_str!("../contexts/ob-v3p0-3.0.2.json"),
    },
    BundledContext {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        text: include_str!("../contexts/ob-v3p0-3.0.3.json"),
    },
    BundledContext {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        text: include_str!("../contexts/ob-v3p0-extensions.json"),
    },
];

/// Is this context URL bundled?
pub fn is_bundled(url: &str) -> bool {
    CONTEXTS.iter().any(|c| c.url == url)
}

/// `@vocab` fallbacks whose use means "the contexts do not define this term".
const UNDEFINED_VOCABS: &[&str] = &[
    "https://www.w3.org/ns/credentials/issuer-dependent#",
    "https://www.w3.org/ns/credentials/undefined-term#",
];

/// Upper bound on Hash N-Degree Quads calls (RDFC-1.0 poisoning guard).
/// Real credentials need a handful; poisoned graphs need millions.
const HNDQ_CALL_LIMIT: usize = 4000;
/// Upper bound on quads per document.
const MAX_QUADS: usize = 20_000;

/// Why a document could not be canonicalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LdError {
    /// A context URL that is not bundled.
    UnsupportedContext(String),
    /// A term the contexts do not define (safe mode).
    UndefinedTerm(String),
    /// The graph is too large or too complex to canonicalize safely.
    TooComplex(String),
    /// Any other JSON-LD error.
    Invalid(String),
}

impl std::fmt::Display for LdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LdError::UnsupportedContext(u) => write!(f, "unsupported context {u}"),
            LdError::UndefinedTerm(t) => write!(
                f,
                "the term \"{t}\" is not defined by the credential's contexts"
            ),
            LdError::TooComplex(m) => write!(f, "the document is too complex to check: {m}"),
            LdError::Invalid(m) => write!(f, "the document is not valid JSON-LD: {m}"),
        }
    }
}

type ActiveContext = json_ld::Context<IriBuf, json_ld::BlankIdBuf>;

/// Holds the parsed bundled contexts and a cache of processed `@context`s.
pub struct LdEngine {
    loader: HashMap<IriBuf, RemoteDocument<IriBuf>>,
    cache: RefCell<HashMap<String, Rc<ActiveContext>>>,
    fast: crate::fastld::FastLd,
}

impl Default for LdEngine {
    fn default() -> Self {
        Self::new()
    }
}

impl LdEngine {
    pub fn new() -> Self {
        let mut loader = HashMap::new();
        for c in CONTEXTS {
            let (Ok(iri), Ok((value, _))) = (
                IriBuf::new(c.url.to_string()),
                <json_syntax::Value as json_syntax::Parse>::parse_str(c.text),
            ) else {
                continue; // cannot happen for the bundled files (tested)
            };
            loader.insert(
                iri.clone(),
                RemoteDocument::new(
                    Some(iri),
                    Some("application/ld+json".parse().expect("static mime")),
                    value,
                ),
            );
        }
        LdEngine {
            loader,
            cache: RefCell::new(HashMap::new()),
            fast: crate::fastld::FastLd::new(),
        }
    }

    /// Number of processed `@context` values held in the cache.
    pub fn cached_contexts(&self) -> usize {
        self.cache.borrow().len()
    }

    fn active_context(&self, ctx: &Value) -> Result<Rc<ActiveContext>, LdError> {
        let key = serde_json::to_string(ctx).map_err(|e| LdError::Invalid(e.to_string()))?;
        if let Some(c) = self.cache.borrow().get(&key) {
            return Ok(c.clone());
        }
        check_context_urls(ctx)?;
        let syntax = json_ld::syntax::context::Context::try_from_json(
            json_syntax::Value::from_serde_json(ctx.clone()),
        )
        .map_err(|e| LdError::Invalid(format!("invalid @context: {e}")))?;
        let processed = futures::executor::block_on(syntax.process_full(
            &mut (),
            &ActiveContext::new(None),
            &self.loader,
            None,
            json_ld::context_processing::Options::default(),
            (),
        ))
        .map_err(|e| context_error(e.to_string(), ctx))?;
        let active = Rc::new(processed.into_processed());
        let mut cache = self.cache.borrow_mut();
        if cache.len() > 64 {
            cache.clear();
        }
        cache.insert(key, active.clone());
        Ok(active)
    }

    /// Canonical N-Quads (RDFC-1.0) of a JSON-LD document whose `@context`
    /// is at the top level.
    pub fn canonicalize(&self, doc: &Value) -> Result<String, LdError> {
        let quads = self.to_quads(doc)?;
        canonicalize_quads(&quads)
    }

    /// The RDF dataset of a JSON-LD document, as oxrdf quads: the fast path
    /// (`fastld`) when it handles the document, else the json-ld crate.
    pub fn to_quads(&self, doc: &Value) -> Result<Vec<oxrdf::Quad>, LdError> {
        match self.to_quads_fast(doc)? {
            Ok(quads) => Ok(quads),
            Err(_fallback) => self.to_quads_slow(doc),
        }
    }

    /// The fast path alone: `Ok(Err(fallback))` means "not supported by the
    /// fast path" (the caller must use [`Self::to_quads_slow`]). Only errors
    /// of the top-level `@context` (shared with the slow path) are reported
    /// from here; every other error falls back.
    pub fn to_quads_fast(
        &self,
        doc: &Value,
    ) -> Result<Result<Vec<oxrdf::Quad>, crate::fastld::Fallback>, LdError> {
        let obj = doc
            .as_object()
            .ok_or_else(|| LdError::Invalid("the document is not a JSON object".into()))?;
        let ctx = obj
            .get("@context")
            .ok_or_else(|| LdError::Invalid("the document has no @context".into()))?;
        let active = self.active_context(ctx)?;
        Ok(self
            .fast
            .to_quads(obj, &active, &self.loader, MAX_QUADS)
            .and_then(|quads| match check_undefined_terms(&quads) {
                Ok(()) => Ok(quads),
                Err(_) => Err(crate::fastld::Fallback("undefined-term @vocab")),
            }))
    }

    /// The json-ld crate path alone.
    pub fn to_quads_slow(&self, doc: &Value) -> Result<Vec<oxrdf::Quad>, LdError> {
        let obj = doc
            .as_object()
            .ok_or_else(|| LdError::Invalid("the document is not a JSON object".into()))?;
        let ctx = obj
            .get("@context")
            .ok_or_else(|| LdError::Invalid("the document has no @context".into()))?;
        let active = self.active_context(ctx)?;
        let mut body = obj.clone();
        body.remove("@context");
        let input = json_syntax::Value::from_serde_json(Value::Object(body));
        let options = expansion::Options {
            policy: Policy {
                invalid: Action::Reject,
                vocab: Action::Keep,
                allow_undefined: false,
            },
            ..Default::default()
        };
        let mut expanded = futures::executor::block_on(input.expand_full(
            &mut (),
            (*active).clone(),
            None,
            &self.loader,
            options,
            (),
        ))
        .map_err(|e| expansion_error(e, ctx))?;
        let mut generator = rdf_types::generator::Blank::new();
        expanded.relabel_and_canonicalize_with(&mut (), &mut generator);
        let mut out = Vec::new();
        for q in json_ld::RdfQuads::rdf_quads_full(&expanded, &mut (), &mut generator, None, false)
        {
            if out.len() >= MAX_QUADS {
                return Err(LdError::TooComplex(format!(
                    "more than {MAX_QUADS} statements"
                )));
            }
            let rdf_types::Quad(s, p, o, g) = q;
            let subject = match s.as_ref() {
                ValidId::Iri(i) => oxrdf::Subject::NamedNode(named(i.as_str())?),
                ValidId::Blank(b) => oxrdf::Subject::BlankNode(blank(b.as_str())),
            };
            let predicate = match p.as_ref() {
                ValidId::Iri(i) => named(i.as_str())?,
                ValidId::Blank(_) => continue,
            };
            let object = match o {
                rdf_types::Object::Id(ValidId::Iri(i)) => {
                    oxrdf::Term::NamedNode(named(i.as_str())?)
                }
                rdf_types::Object::Id(ValidId::Blank(b)) => {
                    oxrdf::Term::BlankNode(blank(b.as_str()))
                }
                rdf_types::Object::Literal(l) => {
                    let lit = match &l.type_ {
                        LiteralType::Any(dt) => {
                            oxrdf::Literal::new_typed_literal(l.value.as_str(), named(dt.as_str())?)
                        }
                        LiteralType::LangString(tag) => {
                            oxrdf::Literal::new_language_tagged_literal_unchecked(
                                l.value.as_str(),
                                tag.as_str().to_ascii_lowercase(),
                            )
                        }
                    };
                    oxrdf::Term::Literal(lit)
                }
            };
            let graph_name = match g {
                None => oxrdf::GraphName::DefaultGraph,
                Some(ValidId::Iri(i)) => oxrdf::GraphName::NamedNode(named(i.as_str())?),
                Some(ValidId::Blank(b)) => oxrdf::GraphName::BlankNode(blank(b.as_str())),
            };
            out.push(oxrdf::Quad::new(subject, predicate, object, graph_name));
        }
        check_undefined_terms(&out)?;
        Ok(out)
    }
}

/// RDFC-1.0 canonical N-Quads of a list of quads (SHA-256, call limit).
pub fn canonicalize_quads(quads: &[oxrdf::Quad]) -> Result<String, LdError> {
    if let Some(c) = crate::rdfc::canonicalize_simple(quads) {
        return Ok(c);
    }
    canonicalize_quads_full(quads)
}

/// RDFC-1.0 by the `rdf-canon` crate alone (the whole algorithm).
pub fn canonicalize_quads_full(quads: &[oxrdf::Quad]) -> Result<String, LdError> {
    let options = rdf_canon::CanonicalizationOptions {
        hndq_call_limit: Some(HNDQ_CALL_LIMIT),
    };
    rdf_canon::canonicalize_quads_with::<sha2::Sha256>(quads, &options).map_err(|e| match e {
        rdf_canon::CanonicalizationError::HndqCallLimitExceeded(n) => LdError::TooComplex(format!(
            "blank-node canonicalization needed more than {n} steps"
        )),
        other => LdError::Invalid(other.to_string()),
    })
}

fn named(iri: &str) -> Result<oxrdf::NamedNode, LdError> {
    oxrdf::NamedNode::new(iri).map_err(|e| LdError::Invalid(format!("bad IRI <{iri}>: {e}")))
}

fn blank(id: &str) -> oxrdf::BlankNode {
    oxrdf::BlankNode::new_unchecked(id.strip_prefix("_:").unwrap_or(id))
}

/// Every string URL in a (top-level) `@context` value must be bundled.
fn check_context_urls(ctx: &Value) -> Result<(), LdError> {
    match ctx {
        Value::String(u) if !is_bundled(u) => Err(LdError::UnsupportedContext(u.clone())),
        Value::Array(items) => items.iter().try_for_each(check_context_urls),
        _ => Ok(()),
    }
}

/// Report the first term that only expanded through an "undefined term"
/// `@vocab` fallback.
fn check_undefined_terms(quads: &[oxrdf::Quad]) -> Result<(), LdError> {
    const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    let undefined = |iri: &str| {
        UNDEFINED_VOCABS
            .iter()
            .find_map(|v| iri.strip_prefix(v))
            .map(str::to_string)
    };
    for q in quads {
        if let Some(t) = undefined(q.predicate.as_str()) {
            return Err(LdError::UndefinedTerm(t));
        }
        if q.predicate.as_str() == RDF_TYPE
            && let oxrdf::Term::NamedNode(n) = &q.object
            && let Some(t) = undefined(n.as_str())
        {
            return Err(LdError::UndefinedTerm(t));
        }
    }
    Ok(())
}

fn context_error(message: String, ctx: &Value) -> LdError {
    // A loading failure means a nested context URL is not bundled.
    if message.contains("loading") || message.contains("Loading") {
        if let Some(u) = first_unbundled(ctx) {
            return LdError::UnsupportedContext(u);
        }
        return LdError::UnsupportedContext(
            "(a context referenced from inside another context)".into(),
        );
    }
    LdError::Invalid(message)
}

fn first_unbundled(v: &Value) -> Option<String> {
    match v {
        Value::String(u) if !is_bundled(u) => Some(u.clone()),
        Value::Array(a) => a.iter().find_map(first_unbundled),
        Value::Object(o) => o.values().find_map(first_unbundled),
        _ => None,
    }
}

fn expansion_error(e: expansion::Error, ctx: &Value) -> LdError {
    match e {
        expansion::Error::KeyExpansionFailed(k) => LdError::UndefinedTerm(k),
        expansion::Error::ContextProcessing(c) => context_error(c.to_string(), ctx),
        other => LdError::Invalid(other.to_string()),
    }
}
