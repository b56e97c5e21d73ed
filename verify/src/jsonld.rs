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
    BundledContext {
        url: "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        text: include_str!("../contexts/clr-v2p0-2.0.0.json"),
    },
    BundledContext {
        url: "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        text: include_str!("../contexts/clr-v2p0-2.0.1.json"),
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

/// Upper bound on Hash N-Degree Quads calls (RDFC-1.0 poisoning guard), and through the
/// patched `vendor/rdf-canon` on the work those calls do (16 units per call: quads hashed,
/// orderings of related blank nodes tried). Real credentials need a handful; the W3C suite
/// at most 468 calls and 27,456 units; poisoned graphs need millions, and a node in k
/// statements of two identical graphs k! orderings. At the bound: 10–70 ms natively.
const HNDQ_CALL_LIMIT: usize = 4000;
/// Upper bound on quads per document.
const MAX_QUADS: usize = 20_000;
/// Upper bound on the quads of a dataset given to the whole RDFC-1.0 algorithm (`rdf-canon`),
/// which runs only when two blank nodes share a first-degree hash (the fast RDFC declines).
/// Its set-up alone is linear but heavy: 4,117 quads took 35 ms natively, 142 ms in Chromium
/// and 1.4 s on the first (cold) call, a stall. Real credentials that need it (duplicated
/// blank structures) have a few dozen quads; the W3C suite's inputs fewer than 100.
const MAX_FULL_RDFC_QUADS: usize = 1_000;
/// Upper bound on the JSON values (objects, arrays, scalars) of a document given to JSON-LD
/// processing. Real credentials have a few hundred; a transcript with a hundred
/// achievements a few thousand.
pub const MAX_VALUES: usize = 12_000;
/// Upper bound on the JSON values of a document the json-ld crate may process (the fast
/// path declined it).
pub const MAX_SLOW_VALUES: usize = 2_500;

/// The number of JSON values in `v`, counting stops past `limit`.
pub(crate) fn count_values(v: &Value, limit: usize) -> usize {
    let mut n = 0;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        n += 1;
        if n > limit {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
    n
}

/// Why a document could not be canonicalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LdError {
    /// A context URL that is not bundled.
    UnsupportedContext(String),
    /// A term the contexts do not define (safe mode).
    UndefinedTerm(String),
    /// The graph is too large or too complex to canonicalize safely.
    TooComplex(String),
    /// Safe mode: JSON-LD processing would drop, ignore or alter this part of the document,
    /// so the signature would not cover it (jsonld.js safe mode's events, see [`safe_mode`]).
    Unsafe(String),
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
            LdError::Unsafe(m) => write!(
                f,
                "{m}; JSON-LD processing would leave it out of what the signature covers"
            ),
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
        safe_mode::check_context(ctx, "the @context")?;
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
    ///
    /// Bounded work: a document of more than [`MAX_VALUES`] JSON values is refused before
    /// any JSON-LD work, and the json-ld crate (about ten times slower than the fast path)
    /// runs only on documents of at most [`MAX_SLOW_VALUES`]; beyond, "too complex to check"
    /// (the card says `unverified`). `examples/worst_case.rs` prints the times these bounds
    /// allow.
    pub fn to_quads(&self, doc: &Value) -> Result<Vec<oxrdf::Quad>, LdError> {
        let values = count_values(doc, MAX_VALUES + 1);
        if values > MAX_VALUES {
            return Err(LdError::TooComplex(format!(
                "more than {MAX_VALUES} JSON values"
            )));
        }
        match self.to_quads_fast(doc)? {
            Ok(quads) => Ok(quads),
            Err(_) if values > MAX_SLOW_VALUES => Err(LdError::TooComplex(format!(
                "it needs the general JSON-LD processor, which this wallet runs only on documents of at most {MAX_SLOW_VALUES} JSON values"
            ))),
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
        // The same safe-mode checks of the JSON as the slow path, in the same order, so both
        // give the same error (what expansion drops before its output could be checked).
        safe_mode::check_json(obj)?;
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
        safe_mode::check_json(obj)?;
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
        safe_mode::check(&expanded)?;
        let mut generator = rdf_types::generator::Blank::new();
        expanded.relabel_and_canonicalize_with(&mut (), &mut generator);
        let mut out = Vec::new();
        // `@direction` becomes an `https://www.w3.org/ns/i18n#` datatype, as jsonld.js does with
        // `rdfDirection: 'i18n-datatype'`, which Digital Bazaar's RDFC suites use (see
        // [`i18n_datatype`] for where the crate's IRI differs and how it is corrected).
        for q in json_ld::RdfQuads::rdf_quads_full(
            &expanded,
            &mut (),
            &mut generator,
            Some(json_ld::rdf::RdfDirection::I18nDatatype),
            false,
        ) {
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
                            let dt = i18n_datatype(dt.as_str()).unwrap_or_else(|| dt.to_string());
                            oxrdf::Literal::new_typed_literal(l.value.as_str(), named(&dt)?)
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

/// The i18n namespace of `rdfDirection: "i18n-datatype"` (JSON-LD 1.1 API §8.6 step 13).
pub const I18N: &str = "https://www.w3.org/ns/i18n#";

/// The datatype IRI JSON-LD 1.1 (and jsonld.js) gives a string with a base direction, from the
/// one the json-ld crate 0.21 makes: `i18n#<language in lower case>_<direction>`, with an empty
/// language when there is none (`i18n#_rtl`). The crate keeps the language as written
/// (`i18n#fr-CA_ltr`) and leaves out the underscore without one (`i18n#rtl`). `None` for any
/// other datatype. Every `i18n#` datatype reaching here comes from a `@direction`: safe mode
/// refuses a value typed in that namespace ([`safe_mode`]), which the crate would not tell apart.
fn i18n_datatype(dt: &str) -> Option<String> {
    let rest = dt.strip_prefix(I18N)?;
    let (language, direction) = match rest.rsplit_once('_') {
        Some((language, direction)) => (language, direction),
        None => ("", rest),
    };
    Some(format!(
        "{I18N}{}_{direction}",
        language.to_ascii_lowercase()
    ))
}

/// RDFC-1.0 canonical N-Quads of a list of quads (SHA-256, call limit): the fast RDFC, else
/// the whole algorithm on at most [`MAX_FULL_RDFC_QUADS`] quads.
pub fn canonicalize_quads(quads: &[oxrdf::Quad]) -> Result<String, LdError> {
    if let Some(c) = crate::rdfc::canonicalize_simple(quads) {
        return Ok(c);
    }
    if quads.len() > MAX_FULL_RDFC_QUADS {
        return Err(LdError::TooComplex(format!(
            "blank-node canonicalization: blank nodes that look alike need the whole RDFC-1.0 algorithm, which this wallet runs on at most {MAX_FULL_RDFC_QUADS} statements"
        )));
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
    if has_import(ctx) {
        return Err(import_unsupported());
    }
    match ctx {
        Value::String(u) if !is_bundled(u) => Err(LdError::UnsupportedContext(u.clone())),
        Value::Array(items) => items.iter().try_for_each(check_context_urls),
        _ => Ok(()),
    }
}

/// Does a context value use `@import`? Processors disagree on it (Digital Bazaar's verifier
/// refuses a credential whose context imports the VC context, the json-ld crate accepts it),
/// so it is not checked: "could not be checked", never `verified`.
pub(crate) fn has_import(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.contains_key("@import") || o.values().any(has_import),
        Value::Array(a) => a.iter().any(has_import),
        _ => false,
    }
}

pub(crate) fn import_unsupported() -> LdError {
    LdError::UnsupportedContext("(a context that uses @import)".into())
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

/// JSON-LD safe mode over an expanded document, with the json-ld crate's types.
///
/// Parity with jsonld.js `safe: true` (what Digital Bazaar's verifiers use): every event that
/// mode turns into an error is an error here too. Expansion with `allow_undefined: false`
/// already refuses undefined terms and invalid keys; what expansion *keeps* but RDF
/// conversion would silently drop is found here:
/// - a node `@id` that is relative or not an IRI (jsonld.js "relative @id reference",
///   "relative subject/object reference"): its whole node, with everything under it, would
///   vanish from the signed graph — the forgery of issue 11;
/// - a `@type` that is relative ("relative @type reference");
/// - a property that is not an absolute IRI, or is a blank node ("relative predicate
///   reference", "blank node predicate"); the same for `@reverse` properties;
/// - a `null` `@value` ("null @value value"), a malformed `@language` ("invalid @language
///   value");
/// - a `@direction` anywhere but in a value object (`ltr` or `rtl`, without `@type`), and any
///   `@direction` in a context (a default or term direction: not supported here, refused rather
///   than read otherwise). A value's direction is signed as an `i18n#` datatype (jsonld.js
///   `rdfDirection: 'i18n-datatype'`, what Digital Bazaar's RDFC suites use since
///   jsonld-signatures 11.5: w3c/vc-data-integrity#366); without that option jsonld.js safe mode
///   fails ("rdfDirection not set") and others drop the direction, so a proof made that way
///   does not verify here (it never passes with another reading). A value `@type` in the
///   `i18n#` namespace is refused: its literal would be the same as a direction's;
/// - the same inside `@list`, `@graph` and `@included`.
pub(crate) mod safe_mode {
    use json_ld::object::node::Node;
    use json_ld::object::{Literal, Object, Value};
    use json_ld::{ExpandedDocument, Id, IriBuf, ValidId};

    use super::LdError;

    type Doc = ExpandedDocument<IriBuf, json_ld::BlankIdBuf>;
    type Obj = Object<IriBuf, json_ld::BlankIdBuf>;
    type N = Node<IriBuf, json_ld::BlankIdBuf>;

    /// Nesting bound (the expansion already bounds recursion; this keeps the walk total).
    const MAX_DEPTH: usize = 256;

    /// The JSON-LD 1.1 keywords a document body may use as keys (node, value, list and set
    /// objects; `@none` in maps). Any other `@`-key is refused: a reserved one (`@` + letters:
    /// `@foo`, `@ID`) is dropped by JSON-LD (jsonld.js safe mode: "invalid property"); a
    /// context-only keyword (`@version`, `@vocab`, `@base`, `@container`, `@prefix`,
    /// `@protected`, `@propagate`, `@import`) in a node object is read differently by
    /// different processors (jsonld.js expands its value, the json-ld crate ignores it).
    /// `@direction` is allowed in value objects only (checked below).
    const BODY_KEYWORDS: &[&str] = &[
        "@context",
        "@direction",
        "@graph",
        "@id",
        "@included",
        "@index",
        "@language",
        "@list",
        "@nest",
        "@reverse",
        "@set",
        "@type",
        "@value",
    ];

    /// What expansion drops before anything can be seen in its output: reserved `@` keys
    /// and null `@value`s ("null @value value"). Embedded `@context` values are left to
    /// context processing.
    pub fn check_json(obj: &serde_json::Map<String, serde_json::Value>) -> Result<(), LdError> {
        type M = serde_json::Map<String, serde_json::Value>;
        fn walk(v: &serde_json::Value, at: &str, depth: usize) -> Result<(), LdError> {
            use serde_json::Value as J;
            if depth > MAX_DEPTH {
                return Err(LdError::TooComplex("nested too deeply".into()));
            }
            match v {
                J::Array(a) => a.iter().try_for_each(|i| match i {
                    // JSON-LD drops a null in an array and flattens an array in an array
                    // (outside lists): what is shown and what is signed would differ in shape.
                    J::Null => Err(unsafe_(format!("a null inside the list {at}"))),
                    J::Array(_) => Err(unsafe_(format!("a list inside the list {at}"))),
                    _ => walk(i, at, depth + 1),
                }),
                J::Object(o) => object(o, at, depth),
                J::String(s) => iri_text(s, at),
                _ => Ok(()),
            }
        }
        fn object(o: &M, at: &str, depth: usize) -> Result<(), LdError> {
            for (k, v) in o {
                if k == "@context" {
                    if super::has_import(v) {
                        return Err(super::import_unsupported());
                    }
                    check_context(v, at)?;
                    continue;
                }
                iri_text(k, at)?;
                // A node id or type written like a keyword (`"id": "@fake"`) is dropped by
                // JSON-LD (jsonld.js: "reserved @id value").
                if matches!(k.as_str(), "id" | "@id" | "type" | "@type")
                    && let Some(s) = v.as_str()
                    && s.len() > 1
                    && s.starts_with('@')
                    && s[1..].bytes().all(|b| b.is_ascii_alphabetic())
                {
                    return Err(unsafe_(format!(
                        "the {k} \"{}\" in {at} is a reserved keyword form",
                        s.escape_debug()
                    )));
                }
                let reserved = k.len() > 1
                    && k.starts_with('@')
                    && k[1..].bytes().all(|b| b.is_ascii_alphabetic());
                if reserved && !BODY_KEYWORDS.contains(&k.as_str()) {
                    return Err(unsafe_(format!(
                        "the key \"{}\" in {at} is not a JSON-LD keyword a document may use there",
                        k.escape_debug()
                    )));
                }
                if k == "@direction" {
                    // Only a value object may carry a direction, `ltr` or `rtl`, and not with a
                    // `@type` (JSON-LD: "invalid base direction", "invalid value object").
                    let typed = o.contains_key("@type") || o.contains_key("type");
                    if !o.contains_key("@value")
                        || typed
                        || !matches!(v.as_str(), Some("ltr" | "rtl"))
                    {
                        return Err(unsafe_(format!(
                            "the @direction {v} in {at} is not the direction (ltr or rtl) of a string value"
                        )));
                    }
                }
                if k == "@language" {
                    // Only a value object may carry a language, and it must be a BCP 47 tag
                    // (jsonld.js: "invalid @language value").
                    let tag = v.as_str().unwrap_or("");
                    if !o.contains_key("@value") || !well_formed_language(tag) {
                        return Err(unsafe_(format!(
                            "the @language {v} in {at} is not a language tag of a value"
                        )));
                    }
                }
                // List, set and value objects admit only their own keywords (JSON-LD 1.1
                // §9.5–9.7); anything else is a syntax error for jsonld.js.
                let allowed: Option<&[&str]> = match k.as_str() {
                    "@list" | "@set" => Some(&["@list", "@set", "@index", "@context"]),
                    // (`type` is the VC contexts' alias of `@type`.)
                    "@value" => Some(&[
                        "@value",
                        "@type",
                        "type",
                        "@language",
                        "@direction",
                        "@index",
                        "@context",
                    ]),
                    _ => None,
                };
                if let Some(allowed) = allowed
                    && let Some(other) = o.keys().find(|x| !allowed.contains(&x.as_str()))
                {
                    return Err(unsafe_(format!(
                        "the {k} object in {at} also has \"{}\"",
                        other.escape_debug()
                    )));
                }
                if k == "@value" && v.is_null() {
                    return Err(unsafe_(format!("a null @value in {at}")));
                }
                walk(v, k, depth + 1)?;
            }
            Ok(())
        }
        object(obj, "the document", 0)
    }

    /// A string that could be read as an IRI must not percent-encode bytes that are not
    /// UTF-8: the json-ld crate's IRI type panics on them when it hashes the IRI (found by
    /// the `jsonld_safe` fuzz target), and a panic aborts the page.
    pub(crate) fn iri_text(s: &str, at: &str) -> Result<(), LdError> {
        pct_text(s, at, false)
    }

    /// [`iri_text`], and for a string of a context (`in_context`) also no `%` without two hex
    /// digits after it: a prefix or `@vocab` ending in `%` or `%d` would complete a
    /// percent-encoding with the first characters of a term (`"ex": "http://a/%"` and
    /// `"ex:df"`), making bytes that are not UTF-8 out of two strings that pass alone.
    fn pct_text(s: &str, at: &str, in_context: bool) -> Result<(), LdError> {
        if !s.contains('%') || s.contains(char::is_whitespace) {
            return Ok(());
        }
        let b = s.as_bytes();
        let mut decoded = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if b[i] == b'%'
                && i + 2 < b.len()
                && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
            {
                decoded.push((h * 16 + l) as u8);
                i += 3;
            } else if b[i] == b'%' && in_context {
                return Err(unsafe_(format!(
                    "\"{}\" in {at} has a % that does not start a percent-encoding",
                    s.escape_debug()
                )));
            } else {
                decoded.push(b[i]);
                i += 1;
            }
        }
        if std::str::from_utf8(&decoded).is_err() {
            return Err(unsafe_(format!(
                "\"{}\" in {at} percent-encodes bytes that are not UTF-8",
                s.escape_debug()
            )));
        }
        Ok(())
    }

    /// Every key and string of a `@context` value is checked too ([`pct_text`] in context
    /// mode): a prefix or `@vocab` defined there becomes part of the IRIs the document
    /// expands to (the fuzz target found `"rdf": "http://www.w3.org/1999/02/22-r%df-syntax-ns#"`
    /// in an embedded context, which panicked).
    pub fn check_context(v: &serde_json::Value, at: &str) -> Result<(), LdError> {
        use serde_json::Value as J;
        match v {
            J::String(s) => pct_text(s, at, true),
            J::Array(a) => a.iter().try_for_each(|x| check_context(x, at)),
            J::Object(o) => o.iter().try_for_each(|(k, x)| {
                if k == "@direction" {
                    return Err(unsafe_(format!(
                        "a @direction in a context in {at}: a default or term direction is not supported"
                    )));
                }
                pct_text(k, at, true)?;
                check_context(x, at)
            }),
            _ => Ok(()),
        }
    }

    pub fn check(doc: &Doc) -> Result<(), LdError> {
        for o in doc.iter() {
            object(o.inner(), "the document", 0)?;
        }
        Ok(())
    }

    /// A short name for a property IRI, for messages: the part after the last `#` or `/`.
    fn short(iri: &str) -> &str {
        iri.rsplit(['#', '/'])
            .find(|s| !s.is_empty())
            .unwrap_or(iri)
    }

    fn unsafe_(m: String) -> LdError {
        LdError::Unsafe(m)
    }

    fn object(o: &Obj, at: &str, depth: usize) -> Result<(), LdError> {
        if depth > MAX_DEPTH {
            return Err(LdError::TooComplex("nested too deeply".into()));
        }
        match o {
            Object::Value(v) => value(v, at),
            Object::List(l) => l.iter().try_for_each(|i| object(i.inner(), at, depth + 1)),
            Object::Node(n) => node(n, at, depth + 1),
        }
    }

    fn value(v: &Value<IriBuf>, at: &str) -> Result<(), LdError> {
        match v {
            Value::Literal(Literal::Null, _) => Err(unsafe_(format!("a null @value in {at}"))),
            Value::LangString(s) => {
                // The crate drops a literal whose language it does not find well-formed.
                if s.language().is_some_and(|l| l.as_well_formed().is_none()) {
                    return Err(unsafe_(format!(
                        "the @language of a value in {at} is not a language tag"
                    )));
                }
                match s.language() {
                    Some(l) if !well_formed_language(l.as_str()) => Err(unsafe_(format!(
                        "the @language \"{}\" in {at} is not a language tag",
                        l.as_str().escape_debug()
                    ))),
                    _ => Ok(()),
                }
            }
            Value::Literal(_, Some(ty)) if ty.as_str().starts_with(super::I18N) => {
                Err(unsafe_(format!(
                    "a value in {at} typed {}: write a language and direction with @language and @direction",
                    ty.as_str()
                )))
            }
            Value::Literal(..) | Value::Json(_) => Ok(()),
        }
    }

    /// jsonld.js's language-tag check (BCP 47 shape).
    fn well_formed_language(tag: &str) -> bool {
        let mut parts = tag.split('-');
        let first = parts.next().unwrap_or("");
        (1..=8).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_alphabetic())
            && parts
                .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
    }

    fn id_text(id: &Id<IriBuf, json_ld::BlankIdBuf>) -> Result<(), String> {
        match id {
            Id::Valid(_) => Ok(()),
            Id::Invalid(s) => Err(s.clone()),
        }
    }

    fn node(n: &N, at: &str, depth: usize) -> Result<(), LdError> {
        if let Some(id) = &n.id
            && let Err(s) = id_text(id)
        {
            return Err(unsafe_(format!(
                "the @id \"{}\" in {at} is a relative or invalid IRI",
                s.escape_debug()
            )));
        }
        for t in n.types() {
            if let Err(s) = id_text(t) {
                return Err(unsafe_(format!(
                    "the @type \"{}\" in {at} is a relative or invalid IRI",
                    s.escape_debug()
                )));
            }
        }
        for (prop, values) in n.properties().iter() {
            let name = predicate(prop, at)?;
            for v in values {
                object(v.inner(), name, depth + 1)?;
            }
        }
        if let Some(rev) = n.reverse_properties() {
            for (prop, nodes) in rev.iter() {
                let name = predicate(prop, at)?;
                for v in nodes {
                    node(v.inner(), name, depth + 1)?;
                }
            }
        }
        if let Some(included) = n.included() {
            for v in included {
                node(v.inner(), "@included", depth + 1)?;
            }
        }
        if let Some(graph) = n.graph() {
            for v in graph {
                object(v.inner(), "@graph", depth + 1)?;
            }
        }
        Ok(())
    }

    fn predicate<'a>(p: &'a Id<IriBuf, json_ld::BlankIdBuf>, at: &str) -> Result<&'a str, LdError> {
        match p {
            Id::Valid(ValidId::Iri(i)) => Ok(short(i.as_str())),
            Id::Valid(ValidId::Blank(b)) => Err(unsafe_(format!(
                "the property {} in {at} is a blank node",
                b.as_str()
            ))),
            Id::Invalid(s) => Err(unsafe_(format!(
                "the property \"{}\" in {at} is not an absolute IRI",
                s.escape_debug()
            ))),
        }
    }
}
