//! Fast JSON-LD → RDF for the bundled contexts.
//!
//! A direct port of the subset of the json-ld 0.21 expansion + toRdf
//! algorithms that credentials use, with every context transition
//! (property-scoped, type-scoped, reverting a non-propagated type-scoped
//! context) processed once by the json-ld crate itself and memoized, and every
//! key's expansion / term definition memoized per active context. The JSON is
//! walked once and quads are emitted directly; no expanded document is built.
//!
//! Supported: `@id`, `@type` (with type-scoped contexts), property-scoped
//! contexts, `@protected` (enforced by the json-ld crate's context
//! processing), `@id` / `@vocab` / datatype coercion, `@json`, `@container`
//! `@set` / `@list` / `@graph`, strings, booleans, integers up to 2^53, nulls,
//! arrays, nested node objects, document blank node identifiers.
//!
//! Embedded `@context`s inside the body are processed by the json-ld crate
//! and memoized by their JSON text.
//!
//! Anything else returns [`Fallback`] and the caller runs the json-ld crate:
//! value objects (`@value`), `@list` / `@set`
//! objects, `@graph` / `@reverse` / `@nest` / `@included` / `@index` /
//! `@language` / `@direction` keys, language / index / id / type maps,
//! non-integer or large numbers, language-tagged strings, relative or
//! otherwise invalid IRIs, and *every* error (an undefined term, an invalid
//! `@type` value, a context-processing error such as a protected term
//! redefinition): errors are always reported by the slow path, so their text
//! and the term they name are exactly the json-ld crate's.
//!
//! **Invariant: a fast path may decline, never disagree.** Whenever [`FastLd::to_quads`]
//! returns quads, the slow path (the json-ld crate followed by `jsonld::safe_mode`) returns
//! the same canonical quads; a document the slow path refuses (safe mode: relative or invalid
//! `@id`/`@type`, undefined terms, `@`-keys, values that would not convert) is always
//! declined here, never answered. `tests/fastld.rs` checks it over every document the tests
//! can reach and thousands of mutations, the safe-mode ones included.

use std::collections::HashMap;
use std::rc::Rc;

use json_ld::context_processing::algorithm::{Action, MalformedIri, expand_iri_simple};
use json_ld::syntax::{ContainerKind, Keyword, Nullable};
use json_ld::{Environment, Id, IriBuf, Process, RemoteDocument, Term, Type, ValidId};
use oxrdf::{BlankNode, GraphName, Literal, NamedNode, Quad, Subject, Term as RdfTerm};
use serde_json::{Map, Value};

pub type ActiveContext = json_ld::Context<IriBuf, json_ld::BlankIdBuf>;
pub type Loader = HashMap<IriBuf, RemoteDocument<IriBuf>>;

/// The fast path does not handle this document; use the json-ld crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fallback(pub &'static str);

type R<T> = Result<T, Fallback>;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_FIRST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
const RDF_REST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
const RDF_NIL: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
const RDF_JSON: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";

/// Bound on processed contexts per top-level `@context` (adversarial nesting).
const MAX_CONTEXTS: usize = 512;
/// Bound on nesting depth (the slow path recurses too; deeper → fallback).
const MAX_DEPTH: usize = 64;

/// How a key expands in an active context, with its term definition there.
#[derive(Clone, Debug)]
enum KeyKind {
    Id,
    Type,
    Value,
    /// Expands to `null` (or keyword-like `@foo`): JSON-LD would drop it silently, so the
    /// fast path declines (safe mode refuses it on the slow path).
    Ignore,
    Prop(NamedNode),
    /// Anything else: another keyword, an undefined term, a blank-node
    /// property, an IRI oxrdf rejects.
    Unsupported,
}

#[derive(Clone, Debug)]
enum Coerce {
    None,
    Id,
    Vocab,
    Json,
    Iri(NamedNode),
    Unsupported,
}

#[derive(Clone, Debug)]
struct KeyInfo {
    kind: KeyKind,
    defined: bool,
    list: bool,
    graph: bool,
    /// Language, index, id or type container.
    other_container: bool,
    coerce: Coerce,
    /// Language or direction mapping on the term (not supported).
    lang_or_dir: bool,
    reverse_or_nest: bool,
    /// Address of the term's local (scoped) context inside its active
    /// context; stable because active contexts are held in `Rc`s.
    scoped: Option<usize>,
}

struct Ctx {
    ctx: Rc<ActiveContext>,
    /// Default language or direction set (not supported).
    lang_or_dir: bool,
    keys: HashMap<String, Rc<KeyInfo>>,
    /// Type value → (address of its local context, if any).
    type_scoped: HashMap<String, Option<usize>>,
    /// Type value → expansion as a `@type` value (vocab, document relative).
    type_iri: HashMap<String, Option<NamedNode>>,
    previous: Option<Option<usize>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Transition {
    /// Property-scoped context applied to a node object (override protected).
    PropertyNode,
    /// Property-scoped context applied to a scalar (no override, json-ld 0.21).
    PropertyScalar,
    /// Type-scoped context (no propagation).
    TypeScoped,
}

/// All active contexts derived from one top-level `@context`.
struct Compiled {
    arena: Vec<Ctx>,
    transitions: HashMap<(usize, usize, Transition), usize>,
    /// (active context, embedded `@context` JSON text) → active context.
    embedded: HashMap<(usize, String), usize>,
}

/// Cache of compiled contexts, keyed by the (cached, hence address-stable)
/// processed top-level context.
#[derive(Default)]
pub struct FastLd {
    compiled: std::cell::RefCell<HashMap<usize, (Rc<ActiveContext>, Compiled)>>,
}

impl FastLd {
    pub fn new() -> Self {
        Self::default()
    }

    /// Quads of `body` (a JSON-LD document object; its top-level `@context`
    /// entry is skipped)
    /// under the processed top-level context `root`, or a fallback.
    pub fn to_quads(
        &self,
        body: &Map<String, Value>,
        root: &Rc<ActiveContext>,
        loader: &Loader,
        max_quads: usize,
    ) -> R<Vec<Quad>> {
        let mut cache = self.compiled.borrow_mut();
        let key = Rc::as_ptr(root) as usize;
        if !cache.contains_key(&key) {
            if cache.len() > 64 {
                cache.clear();
            }
            cache.insert(
                key,
                (
                    root.clone(),
                    Compiled {
                        arena: vec![Ctx::new(root.clone())],
                        transitions: HashMap::new(),
                        embedded: HashMap::new(),
                    },
                ),
            );
        }
        let (_, compiled) = cache.get_mut(&key).expect("inserted");
        let mut w = Walker {
            c: compiled,
            loader,
            out: Vec::with_capacity(32),
            graph: GraphName::DefaultGraph,
            blanks: HashMap::new(),
            next_blank: 0,
            max_quads,
            depth: 0,
        };
        w.top(body)?;
        Ok(w.out)
    }
}

impl Ctx {
    fn new(ctx: Rc<ActiveContext>) -> Self {
        let lang_or_dir =
            ctx.default_language().is_some() || ctx.default_base_direction().is_some();
        Ctx {
            ctx,
            lang_or_dir,
            keys: HashMap::new(),
            type_scoped: HashMap::new(),
            type_iri: HashMap::new(),
            previous: None,
        }
    }
}

fn xiri(
    ctx: &ActiveContext,
    loader: &Loader,
    s: &str,
    document_relative: bool,
    vocab: bool,
) -> Option<Term<IriBuf, json_ld::BlankIdBuf>> {
    let mut warnings = ();
    let mut env = Environment {
        vocabulary: &mut (),
        loader,
        warnings: &mut warnings,
    };
    expand_iri_simple::<MalformedIri, _, _, _>(
        &mut env,
        ctx,
        Nullable::Some(s.into()),
        document_relative,
        if vocab { Some(Action::Keep) } else { None },
    )
    .ok()
    .flatten()
}

fn key_info(ctx: &ActiveContext, loader: &Loader, key: &str) -> KeyInfo {
    let kind = match xiri(ctx, loader, key, false, true) {
        Some(Term::Keyword(Keyword::Id)) => KeyKind::Id,
        Some(Term::Keyword(Keyword::Type)) => KeyKind::Type,
        Some(Term::Keyword(Keyword::Value)) => KeyKind::Value,
        Some(Term::Null) => KeyKind::Ignore,
        Some(Term::Id(Id::Valid(ValidId::Iri(i)))) => match NamedNode::new(i.as_str()) {
            Ok(n) => KeyKind::Prop(n),
            Err(_) => KeyKind::Unsupported,
        },
        _ => KeyKind::Unsupported,
    };
    let mut info = KeyInfo {
        kind,
        defined: false,
        list: false,
        graph: false,
        other_container: false,
        coerce: Coerce::None,
        lang_or_dir: false,
        reverse_or_nest: false,
        scoped: None,
    };
    if let Some(def) = ctx.get(key) {
        info.defined = true;
        let c = def.container();
        info.list = c.contains(ContainerKind::List);
        info.graph = c.contains(ContainerKind::Graph);
        info.other_container = c.contains(ContainerKind::Language)
            || c.contains(ContainerKind::Index)
            || c.contains(ContainerKind::Id)
            || c.contains(ContainerKind::Type);
        info.coerce = match def.typ() {
            None => Coerce::None,
            Some(Type::Id) => Coerce::Id,
            Some(Type::Vocab) => Coerce::Vocab,
            Some(Type::Json) => Coerce::Json,
            Some(Type::Iri(i)) => match NamedNode::new(i.as_str()) {
                Ok(n) => Coerce::Iri(n),
                Err(_) => Coerce::Unsupported,
            },
            Some(Type::None) => Coerce::Unsupported,
        };
        info.lang_or_dir = def.language().is_some() || def.direction().is_some();
        info.reverse_or_nest = def.reverse_property() || def.nest().is_some();
        info.scoped = def.context().map(|c| c as *const _ as usize);
    }
    info
}

/// An expanded value, as it appears as the object of a triple.
enum Item {
    Node(RdfTerm),
    List(Vec<Item>),
}

struct Walker<'a> {
    c: &'a mut Compiled,
    loader: &'a Loader,
    out: Vec<Quad>,
    graph: GraphName,
    blanks: HashMap<String, BlankNode>,
    next_blank: usize,
    max_quads: usize,
    depth: usize,
}

impl Walker<'_> {
    fn key(&mut self, ctx: usize, key: &str) -> Rc<KeyInfo> {
        if let Some(k) = self.c.arena[ctx].keys.get(key) {
            return k.clone();
        }
        let info = Rc::new(key_info(&self.c.arena[ctx].ctx, self.loader, key));
        self.c.arena[ctx].keys.insert(key.to_string(), info.clone());
        info
    }

    fn fresh(&mut self) -> BlankNode {
        self.next_blank += 1;
        BlankNode::new_unchecked(format!("f{}", self.next_blank))
    }

    fn doc_blank(&mut self, label: &str) -> BlankNode {
        if let Some(b) = self.blanks.get(label) {
            return b.clone();
        }
        let b = self.fresh();
        self.blanks.insert(label.to_string(), b.clone());
        b
    }

    fn emit(&mut self, s: Subject, p: NamedNode, o: RdfTerm) -> R<()> {
        if self.out.len() >= self.max_quads {
            return Err(Fallback("too many statements"));
        }
        self.out.push(Quad::new(s, p, o, self.graph.clone()));
        Ok(())
    }

    /// Expansion of a node identifier (`@id` value, `@type: @id` string).
    fn node_id(&mut self, ctx: usize, s: &str) -> R<RdfTerm> {
        match xiri(&self.c.arena[ctx].ctx, self.loader, s, true, false) {
            Some(Term::Id(Id::Valid(ValidId::Iri(i)))) => NamedNode::new(i.as_str())
                .map(RdfTerm::NamedNode)
                .map_err(|_| Fallback("IRI rejected by oxrdf")),
            Some(Term::Id(Id::Valid(ValidId::Blank(b)))) => {
                Ok(RdfTerm::BlankNode(self.doc_blank(b.as_str())))
            }
            _ => Err(Fallback("invalid or relative node identifier")),
        }
    }

    /// Expansion of a `@type` value or a `@type: @vocab` string.
    fn vocab_iri(&mut self, ctx: usize, s: &str) -> R<NamedNode> {
        if let Some(r) = self.c.arena[ctx].type_iri.get(s) {
            return r.clone().ok_or(Fallback("invalid or blank type"));
        }
        let r = match xiri(&self.c.arena[ctx].ctx, self.loader, s, true, true) {
            Some(Term::Id(Id::Valid(ValidId::Iri(i)))) => NamedNode::new(i.as_str()).ok(),
            _ => None,
        };
        self.c.arena[ctx].type_iri.insert(s.to_string(), r.clone());
        r.ok_or(Fallback("invalid or blank type"))
    }

    fn push_ctx(&mut self, ctx: ActiveContext) -> R<usize> {
        if self.c.arena.len() >= MAX_CONTEXTS {
            return Err(Fallback("too many distinct active contexts"));
        }
        self.c.arena.push(Ctx::new(Rc::new(ctx)));
        Ok(self.c.arena.len() - 1)
    }

    /// Active context `from` with the local context of `term`'s definition in
    /// active context `src` (whose address is `local`) applied.
    fn transition(
        &mut self,
        from: usize,
        src: usize,
        term: &str,
        local: usize,
        kind: Transition,
    ) -> R<usize> {
        if let Some(&to) = self.c.transitions.get(&(from, local, kind)) {
            return Ok(to);
        }
        let src_ctx = self.c.arena[src].ctx.clone();
        let def = src_ctx
            .get(term)
            .ok_or(Fallback("internal: definition vanished"))?;
        let local_ctx = def
            .context()
            .ok_or(Fallback("internal: no local context"))?;
        if local_ctx as *const _ as usize != local {
            return Err(Fallback("internal: local context moved"));
        }
        let base = def.base_url().cloned();
        let options = json_ld::context_processing::Options::default();
        let options = match kind {
            Transition::PropertyNode => options.with_override(),
            Transition::PropertyScalar => options,
            Transition::TypeScoped => options.without_propagation(),
        };
        let from_ctx = self.c.arena[from].ctx.clone();
        let processed = futures::executor::block_on(local_ctx.process_with(
            &mut (),
            &from_ctx,
            self.loader,
            base,
            options,
        ))
        .map_err(|_| Fallback("context processing error"))?
        .into_processed();
        let to = self.push_ctx(processed)?;
        self.c.transitions.insert((from, local, kind), to);
        Ok(to)
    }

    /// Active context `from` with an embedded `@context` value applied.
    fn embedded(&mut self, from: usize, local: &Value) -> R<usize> {
        let text = serde_json::to_string(local).map_err(|_| Fallback("@context"))?;
        if let Some(&to) = self.c.embedded.get(&(from, text.clone())) {
            return Ok(to);
        }
        use json_ld::syntax::TryFromJson;
        let syntax = json_ld::syntax::context::Context::try_from_json(
            json_syntax::Value::from_serde_json(local.clone()),
        )
        .map_err(|_| Fallback("invalid embedded @context"))?;
        let from_ctx = self.c.arena[from].ctx.clone();
        let processed = futures::executor::block_on(syntax.process_with(
            &mut (),
            &from_ctx,
            self.loader,
            None,
            json_ld::context_processing::Options::default(),
        ))
        .map_err(|_| Fallback("embedded @context processing error"))?
        .into_processed();
        let to = self.push_ctx(processed)?;
        self.c.embedded.insert((from, text), to);
        Ok(to)
    }

    fn previous(&mut self, ctx: usize) -> R<Option<usize>> {
        if let Some(p) = self.c.arena[ctx].previous {
            return Ok(p);
        }
        let p = match self.c.arena[ctx].ctx.previous_context() {
            None => None,
            Some(prev) => {
                let prev = prev.clone();
                Some(self.push_ctx(prev)?)
            }
        };
        self.c.arena[ctx].previous = Some(p);
        Ok(p)
    }

    fn top(&mut self, body: &Map<String, Value>) -> R<()> {
        // Top level: active property null, root context. A node object with
        // no properties and no types produces no quads in either path.
        self.node(0, None, body).map(|_| ())
    }

    /// Expand `value` as the value of property `prop` (a key whose term
    /// definition is looked up in `ctx`), emitting the triples of nested
    /// nodes; returns the objects of the `prop` triples.
    fn element(&mut self, ctx: usize, prop: &str, value: &Value, out: &mut Vec<Item>) -> R<()> {
        match value {
            Value::Null => Ok(()),
            Value::Array(items) => {
                let info = self.key(ctx, prop);
                if info.list {
                    let mut list = Vec::new();
                    for item in items {
                        if item.is_array() {
                            return Err(Fallback("nested array in a list"));
                        }
                        self.element(ctx, prop, item, &mut list)?;
                    }
                    out.push(Item::List(list));
                } else {
                    for item in items {
                        self.element(ctx, prop, item, out)?;
                    }
                }
                Ok(())
            }
            Value::Object(obj) => {
                let t = self.node(ctx, Some(prop), obj)?;
                out.push(Item::Node(t));
                Ok(())
            }
            scalar => {
                let info = self.key(ctx, prop);
                let (lctx, info) = match info.scoped {
                    Some(local) => {
                        let to =
                            self.transition(ctx, ctx, prop, local, Transition::PropertyScalar)?;
                        (to, self.key(to, prop))
                    }
                    None => (ctx, info),
                };
                let term = self.literal(lctx, &info, scalar)?;
                out.push(Item::Node(term));
                Ok(())
            }
        }
    }

    /// Value expansion of a scalar + toRdf.
    fn literal(&mut self, ctx: usize, info: &KeyInfo, v: &Value) -> R<RdfTerm> {
        if let Value::String(s) = v {
            match &info.coerce {
                Coerce::Id => return self.node_id(ctx, s),
                Coerce::Vocab => return Ok(RdfTerm::NamedNode(self.vocab_iri(ctx, s)?)),
                _ => {}
            }
        }
        let dt = match &info.coerce {
            Coerce::None | Coerce::Id | Coerce::Vocab => None,
            Coerce::Iri(t) => Some(t.clone()),
            Coerce::Json | Coerce::Unsupported => return Err(Fallback("unsupported coercion")),
        };
        let (lex, preferred) = match v {
            Value::Bool(b) => (if *b { "true" } else { "false" }.to_string(), XSD_BOOLEAN),
            Value::Number(n) => {
                let i = n.as_i64().ok_or(Fallback("non-integer number"))?;
                if i.unsigned_abs() > (1u64 << 53) {
                    return Err(Fallback("integer beyond 2^53"));
                }
                if dt.as_ref().is_some_and(|t| t.as_str() == XSD_DOUBLE) {
                    return Err(Fallback("integer typed xsd:double"));
                }
                (i.to_string(), XSD_INTEGER)
            }
            Value::String(s) => {
                if dt.is_none() && (info.lang_or_dir || self.c.arena[ctx].lang_or_dir) {
                    return Err(Fallback("language or direction"));
                }
                (s.clone(), XSD_STRING)
            }
            _ => return Err(Fallback("internal: not a scalar")),
        };
        let dt = match dt {
            Some(t) => t,
            None => NamedNode::new_unchecked(preferred),
        };
        Ok(RdfTerm::Literal(Literal::new_typed_literal(lex, dt)))
    }

    /// Expand a node object; emits its triples into the current graph and
    /// returns its identifier.
    fn node(&mut self, ctx0: usize, prop: Option<&str>, obj: &Map<String, Value>) -> R<RdfTerm> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Fallback("nesting too deep"));
        }
        let r = self.node_inner(ctx0, prop, obj);
        self.depth -= 1;
        r
    }

    fn node_inner(
        &mut self,
        ctx0: usize,
        prop: Option<&str>,
        obj: &Map<String, Value>,
    ) -> R<RdfTerm> {
        // Preliminary key expansion in the incoming context.
        let mut has_id = false;
        let n_keys = obj.len() - usize::from(self.depth == 1 && obj.contains_key("@context"));
        for k in obj.keys() {
            match self.key(ctx0, k).kind {
                KeyKind::Value => return Err(Fallback("value object")),
                KeyKind::Id => has_id = true,
                _ => {}
            }
        }

        // Revert a non-propagated (type-scoped) context.
        let mut ctx = ctx0;
        if !(n_keys == 1 && has_id)
            && let Some(prev) = self.previous(ctx0)?
        {
            ctx = prev;
        }
        // Property-scoped context, from the definition in the incoming context.
        if let Some(p) = prop {
            let info = self.key(ctx0, p);
            if let Some(local) = info.scoped {
                ctx = self.transition(ctx, ctx0, p, local, Transition::PropertyNode)?;
            }
        }
        // An embedded `@context` (not the document's top-level one).
        if self.depth > 1
            && let Some(local) = obj.get("@context")
        {
            ctx = self.embedded(ctx, local)?;
        }
        // Type-scoped contexts.
        let type_scoped = ctx;
        let mut type_entry: Option<&Value> = None;
        for (k, v) in obj {
            if matches!(self.key(type_scoped, k).kind, KeyKind::Type) {
                if type_entry.is_some() {
                    return Err(Fallback("several @type entries"));
                }
                type_entry = Some(v);
            }
        }
        if let Some(tv) = type_entry {
            let mut types: Vec<&str> = match tv {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => return Err(Fallback("invalid @type value")),
            };
            types.sort_unstable();
            for t in types {
                let local = match self.c.arena[type_scoped].type_scoped.get(t) {
                    Some(l) => *l,
                    None => {
                        let l = self.c.arena[type_scoped]
                            .ctx
                            .get(t)
                            .and_then(|d| d.context())
                            .map(|c| c as *const _ as usize);
                        self.c.arena[type_scoped]
                            .type_scoped
                            .insert(t.to_string(), l);
                        l
                    }
                };
                if let Some(local) = local {
                    ctx = self.transition(ctx, type_scoped, t, local, Transition::TypeScoped)?;
                }
            }
        }
        // Subject.
        let mut subject: Option<RdfTerm> = None;
        for (k, v) in obj {
            if matches!(self.key(ctx, k).kind, KeyKind::Id) {
                if subject.is_some() {
                    return Err(Fallback("colliding @id"));
                }
                let s = v.as_str().ok_or(Fallback("invalid @id value"))?;
                subject = Some(self.node_id(ctx, s)?);
            }
        }
        let subject = match subject {
            Some(s) => s,
            None => RdfTerm::BlankNode(self.fresh()),
        };
        let subj: Subject = match &subject {
            RdfTerm::NamedNode(n) => Subject::NamedNode(n.clone()),
            RdfTerm::BlankNode(b) => Subject::BlankNode(b.clone()),
            _ => return Err(Fallback("internal: literal subject")),
        };
        // Entries, in document order.
        for (k, v) in obj {
            if k == "@context" {
                continue;
            }
            let info = self.key(ctx, k);
            match &info.kind {
                KeyKind::Id => {}
                // JSON-LD drops such a key silently; safe mode refuses it (jsonld.js
                // "invalid property"): the slow path reports it.
                KeyKind::Ignore => {
                    return Err(Fallback("key that expands to null or an unknown keyword"));
                }
                KeyKind::Type => {
                    let vals: Vec<&Value> = match v {
                        Value::Array(a) => a.iter().collect(),
                        other => vec![other],
                    };
                    for t in vals {
                        let t = t.as_str().ok_or(Fallback("invalid @type value"))?;
                        let iri = self.vocab_iri(type_scoped, t)?;
                        self.emit(
                            subj.clone(),
                            NamedNode::new_unchecked(RDF_TYPE),
                            RdfTerm::NamedNode(iri),
                        )?;
                    }
                }
                KeyKind::Prop(p) => {
                    if info.other_container || info.reverse_or_nest {
                        return Err(Fallback("unsupported container or reverse/nest term"));
                    }
                    let p = p.clone();
                    if matches!(info.coerce, Coerce::Json) {
                        if info.list || info.graph {
                            return Err(Fallback("@json with @list/@graph container"));
                        }
                        let mut j = json_syntax::Value::from_serde_json(v.clone());
                        j.canonicalize();
                        let text = json_syntax::Print::compact_print(&j).to_string();
                        let lit =
                            Literal::new_typed_literal(text, NamedNode::new_unchecked(RDF_JSON));
                        self.emit(subj.clone(), p, RdfTerm::Literal(lit))?;
                        continue;
                    }
                    if info.graph {
                        if info.list {
                            return Err(Fallback("@graph + @list container"));
                        }
                        let vals: Vec<&Value> = match v {
                            Value::Array(a) => a.iter().collect(),
                            other => vec![other],
                        };
                        for item in vals {
                            let Value::Object(o) = item else {
                                return Err(Fallback("non-object in a @graph container"));
                            };
                            let g = self.fresh();
                            let saved =
                                std::mem::replace(&mut self.graph, GraphName::BlankNode(g.clone()));
                            let r = self.node(ctx, Some(k), o);
                            self.graph = saved;
                            r?;
                            self.emit(subj.clone(), p.clone(), RdfTerm::BlankNode(g))?;
                        }
                        continue;
                    }
                    if info.list && v.is_null() {
                        return Err(Fallback("null under a @list container"));
                    }
                    let mut items = Vec::new();
                    self.element(ctx, k, v, &mut items)?;
                    if info.list && !matches!(v, Value::Array(_)) {
                        items = vec![Item::List(items)];
                    }
                    for it in items {
                        let o = self.item_term(it)?;
                        self.emit(subj.clone(), p.clone(), o)?;
                    }
                }
                KeyKind::Value | KeyKind::Unsupported => {
                    return Err(Fallback("unsupported keyword or undefined term"));
                }
            }
        }
        Ok(subject)
    }

    fn item_term(&mut self, it: Item) -> R<RdfTerm> {
        match it {
            Item::Node(t) => Ok(t),
            Item::List(items) => {
                if items.is_empty() {
                    return Ok(RdfTerm::NamedNode(NamedNode::new_unchecked(RDF_NIL)));
                }
                let head = self.fresh();
                let mut cur = head.clone();
                let n = items.len();
                for (i, it) in items.into_iter().enumerate() {
                    let o = match it {
                        Item::Node(t) => t,
                        Item::List(_) => return Err(Fallback("list of lists")),
                    };
                    self.emit(
                        Subject::BlankNode(cur.clone()),
                        NamedNode::new_unchecked(RDF_FIRST),
                        o,
                    )?;
                    let rest = if i + 1 == n {
                        RdfTerm::NamedNode(NamedNode::new_unchecked(RDF_NIL))
                    } else {
                        let b = self.fresh();
                        let t = RdfTerm::BlankNode(b.clone());
                        self.emit(
                            Subject::BlankNode(cur.clone()),
                            NamedNode::new_unchecked(RDF_REST),
                            t,
                        )?;
                        cur = b;
                        continue;
                    };
                    self.emit(
                        Subject::BlankNode(cur.clone()),
                        NamedNode::new_unchecked(RDF_REST),
                        rest,
                    )?;
                }
                Ok(RdfTerm::BlankNode(head))
            }
        }
    }
}
