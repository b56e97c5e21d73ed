// Structural mutations of signed credentials, for the differential harness
// (mutate.mjs): each mutation changes a signed document AFTER signing, at a
// random place, in one of the ways JSON-LD processors are known to treat
// differently (dropped nodes, relative and invalid IRIs, keywords, value
// conversions, containers, contexts, duplicate member names, …).
//
// A document is plain JSON data plus two markers that JS objects cannot hold
// and `emit` writes as raw JSON text:
// - `new Raw('1.0')`: a number token written as is (`1.0`, `-0`, `1e400`);
// - `obj[DUPS] = [{key, value, after}]`: duplicate member names, written
//   before (JSON.parse keeps the original) or after (JSON.parse keeps the
//   injected value) the object's own members.
// Everything is driven by `Rng` (seeded), so a seed reproduces a run.

/** A number token written verbatim. */
export class Raw {
  constructor(text) {
    this.text = text;
  }
}

/** Symbol under which an object lists duplicate members to write. */
export const DUPS = Symbol('duplicate members');

/** mulberry32: small, seeded, deterministic. */
export class Rng {
  constructor(seed) {
    this.s = (seed >>> 0) || 0x9e3779b9;
  }
  next() {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  below(n) {
    return Math.floor(this.next() * n);
  }
  pick(xs) {
    return xs[this.below(xs.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** Picks from [[weight, x], …]. */
  weighted(pairs) {
    const total = pairs.reduce((a, [w]) => a + w, 0);
    let r = this.next() * total;
    for(const [w, x] of pairs) {
      if((r -= w) < 0) {
        return x;
      }
    }
    return pairs[pairs.length - 1][1];
  }
}

/**
 * JSON text of a document with markers: one line (JSON Lines safe), or
 * indented by `indent` spaces per level for people.
 */
export function emit(v, indent = 0, depth = 0) {
  const nl = indent ? '\n' + ' '.repeat(indent * (depth + 1)) : '';
  const end = indent ? '\n' + ' '.repeat(indent * depth) : '';
  if(v instanceof Raw) {
    return v.text;
  }
  if(Array.isArray(v)) {
    if(!v.length) {
      return '[]';
    }
    return '[' + nl + v.map(x => emit(x, indent, depth + 1)).join(',' + nl) +
      end + ']';
  }
  if(v && typeof v === 'object') {
    const dups = v[DUPS] ?? [];
    const member = ([k, x]) => JSON.stringify(k) + (indent ? ': ' : ':') +
      emit(x, indent, depth + 1);
    const parts = [
      ...dups.filter(d => !d.after).map(d => member([d.key, d.value])),
      ...Object.entries(v).map(member),
      ...dups.filter(d => d.after).map(d => member([d.key, d.value])),
    ];
    if(!parts.length) {
      return '{}';
    }
    return '{' + nl + parts.join(',' + nl) + end + '}';
  }
  return JSON.stringify(v);
}

const isObj = v => v !== null && typeof v === 'object' && !Array.isArray(v) &&
  !(v instanceof Raw);

// ------------------------------------------------------------------ places

/**
 * Every object node of the document (outside `@context`), with its path:
 * [{node, path, inProof}]. The root is `$`.
 */
export function nodes(doc) {
  const out = [];
  const walk = (v, path, inProof) => {
    if(Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, inProof));
    } else if(isObj(v)) {
      out.push({node: v, path, inProof});
      for(const [k, x] of Object.entries(v)) {
        if(k !== '@context') {
          walk(x, `${path}.${k}`, inProof || k === 'proof');
        }
      }
    }
  };
  walk(doc, '$', false);
  return out;
}

/** Every member (holder, key) whose value is not an object: [{node, key, path}]. */
function leaves(doc, {proof = false} = {}) {
  const out = [];
  for(const {node, path, inProof} of nodes(doc)) {
    if(inProof && !proof) {
      continue;
    }
    for(const [k, v] of Object.entries(node)) {
      if(k === '@context' || k === 'proof') {
        continue;
      }
      if(!isObj(v)) {
        out.push({node, key: k, path: `${path}.${k}`});
      }
    }
  }
  return out;
}

/** A random object node; the proof only now and then. */
function place(doc, r) {
  const all = nodes(doc);
  const outside = all.filter(n => !n.inProof);
  const pool = r.chance(0.1) ? all.filter(n => n.inProof) : outside;
  return r.pick(pool.length ? pool : outside);
}

// ------------------------------------------------------------------ pools

// Terms: defined by VC/OB contexts, undefined, IRIs, and odd keys.
const DEFINED_TERMS = ['name', 'description', 'narrative', 'image', 'url',
  'tag', 'criteria', 'achievement', 'evidence', 'endorsement', 'alignment',
  'result', 'creditsAvailable', 'inLanguage', 'awardedDate', 'validUntil',
  'credentialSubject', 'issuer', 'id', 'type'];
const UNDEFINED_TERMS = ['favouriteColour', 'fakeProperty', 'Name', 'NAME',
  'naMe', 'injected'];
const IRI_TERMS = ['https://schema.org/name', 'https://example.org/vocab#x',
  'urn:example:prop', 'ex:injected', 'schema:name', 'did:example:prop',
  'https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative'];
const ODD_TERMS = ['', ' ', 'name ', 'fake prop', '_:b0', '#frag',
  'rel/path', './x', '../x', ':x', 'http://', 'https://exa mple.org/p',
  '<https://example.org/p>', '\u0000', 'naïve', '__proto__', 'constructor'];
const KEYWORDS = ['@foo', '@id', '@type', '@index', '@language', '@reverse',
  '@included', '@graph', '@list', '@set', '@json', '@nest', '@value',
  '@context', '@vocab', '@base', '@container', '@direction', '@none',
  '@version', '@protected', '@propagate', '@import', '@prefix', '@',
  '@ID', '@Type', '@1', '@foo-bar'];

// Identifiers: relative, absolute, blank, invalid, empty.
const RELATIVE_IDS = ['fake-achievement', './fake', '../fake', '#fake',
  '?q=1', '/fake', 'fake/achievement', 'fake%20achievement'];
const ABSOLUTE_IDS = ['https://example.org/fake', 'urn:uuid:00000000-0000-4000-8000-000000000000',
  'did:example:fake', 'did:key:z6MkfakeFakeFake', 'urn:x:y', 'mailto:a@example.org',
  'https://example.org/a#b', 'HTTPS://EXAMPLE.ORG/x', 'javascript:alert(1)',
  'data:,x', 'tag:example.org,2024:x'];
const BLANK_IDS = ['_:b0', '_:c14n0', '_:fake', '_:'];
const INVALID_IDS = ['https://exa mple.org/x', '<https://example.org/x>',
  'urn:uuid:with space', '', ' ', 'http://[::1', 'https://example.org/\u0000',
  'https://example.org/{x}', '"quoted"', 'https://example.org/a\\b',
  'https://example.org/\u00e9', 'a b:c', ':', '::', '1:x', '@fake', '@id'];
const ID_POOL = [[4, RELATIVE_IDS], [2, ABSOLUTE_IDS], [2, BLANK_IDS],
  [3, INVALID_IDS]];

const TYPES = ['Fake', 'fake-type', './Fake', '#Fake', 'Achievement',
  'Profile', 'Evidence', 'Result', 'AchievementSubject', 'VerifiableCredential',
  'https://example.org/Fake', 'ex:Fake', '_:b0', '', ' ', 'Fake Type',
  '<https://example.org/T>', '@id', '@json', '@vocab', '@none', 'xsd:string',
  'https://www.w3.org/2018/credentials#VerifiableCredential', 'Type:',
  'EndorsementCredential', 'OpenBadgeCredential'];

const INJECTED = 'Doctor of Philosophy';

function scalarPool(r) {
  return r.pick([INJECTED, 'x', '', 1, 0, -1, 2.5, true, false,
    new Raw('1.0'), new Raw('-0'), new Raw('1e400'), new Raw('1E2'),
    new Raw('12345678901234567890'), 'https://example.org/x', 'fake-ref',
    '2024-01-15T10:00:00Z', '_:b0']);
}

function idFrom(r) {
  return r.pick(r.weighted(ID_POOL.map(([w, xs]) => [w, xs])));
}

/** An injected node: an id (often relative), a type, content, nested nodes. */
function fakeNode(r, {id = idFrom(r), type = 'Achievement'} = {}) {
  const n = {};
  if(id !== undefined) {
    n.id = id;
  }
  if(type) {
    n.type = [type];
  }
  n.name = INJECTED;
  n.description = 'Injected after signing.';
  if(r.chance(0.6)) {
    n.criteria = {narrative: 'Injected criteria.'};
    if(r.chance(0.5)) {
      n.criteria.id = r.pick(RELATIVE_IDS);
    }
  }
  if(r.chance(0.4)) {
    n.alignment = [{type: ['Alignment'], targetName: 'Injected skill',
      targetUrl: 'https://example.org/skill'}];
    if(r.chance(0.6)) {
      n.alignment[0].id = r.pick(RELATIVE_IDS);
    }
  }
  if(r.chance(0.3)) {
    n.achievementType = 'Degree';
  }
  return n;
}

// Contexts to append: bundled, unknown, inline.
const KNOWN_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://www.w3.org/2018/credentials/v1',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
  'https://w3id.org/security/data-integrity/v2',
  'https://w3id.org/security/data-integrity/v1',
  'https://w3id.org/security/suites/ed25519-2020/v1',
  'https://w3id.org/security/multikey/v1',
  'https://www.w3.org/ns/did/v1',
  'https://www.w3.org/ns/credentials/undefined-terms/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];
const OTHER_CONTEXTS = [
  'https://example.org/unknown-context.json',
  'https://www.w3.org/ns/credentials/v3',
  'http://www.w3.org/ns/credentials/v2',
  'https://www.w3.org/ns/credentials/v2/',
  'fake-context.json', '', null,
  {'@vocab': 'https://example.org/vocab#'},
  {'@base': 'https://example.org/'},
  {'@version': 1.1},
  {name: 'https://example.org/name'},
  {name: {'@id': 'https://schema.org/name'}},
  {fakeProperty: 'https://example.org/fakeProperty'},
  {favouriteColour: {'@id': 'https://example.org/c', '@type': '@json'}},
  {achievement: {'@id': 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement', '@container': '@index'}},
  {'@protected': true, fake: 'https://example.org/fake'},
  {id: '@id', type: '@type'},
  {'@language': 'en'},
  {'@direction': 'rtl'},
  {'@propagate': false},
  {'@import': 'https://www.w3.org/ns/credentials/v2'},
  {ex: 'https://example.org/'},
  {description: null},
  {},
  [],
];

// ------------------------------------------------------------------ mutations

const ADD_KEY_POOLS = [[3, DEFINED_TERMS], [3, UNDEFINED_TERMS],
  [2, IRI_TERMS], [2, ODD_TERMS]];

function keyFrom(r, withKeywords = true) {
  const pools = withKeywords ? [...ADD_KEY_POOLS, [3, KEYWORDS]] : ADD_KEY_POOLS;
  return r.pick(r.weighted(pools));
}

/** A value for a keyword key, sensible or not. */
function keywordValue(r, kw) {
  switch(kw) {
  case '@id':
    return r.chance(0.8) ? idFrom(r) : scalarPool(r);
  case '@type':
    return r.chance(0.5) ? r.pick(TYPES) : [r.pick(TYPES)];
  case '@index':
    return r.pick(['i1', '', 1, {x: 1}, ['a']]);
  case '@language':
    return r.pick(['en', 'en-GB', 'not a language', '', 1, null]);
  case '@direction':
    return r.pick(['rtl', 'ltr', 'up', null]);
  case '@reverse':
    return r.pick([
      {name: INJECTED},
      {'https://example.org/p': {'@id': 'https://example.org/y'}},
      {'https://example.org/p': {'@id': 'fake'}},
      {achievement: {id: r.pick(RELATIVE_IDS), name: INJECTED}},
      'x', []]);
  case '@included':
    return [fakeNode(r, {type: r.pick(['Achievement', 'Profile', null])})];
  case '@graph':
    return r.chance(0.5) ? [fakeNode(r)] : fakeNode(r);
  case '@list':
  case '@set':
    return r.pick([[INJECTED], [fakeNode(r)], [], INJECTED, [[INJECTED]]]);
  case '@json':
    return r.pick([{a: 1}, [1, 2], INJECTED]);
  case '@nest':
    return r.pick([{name: INJECTED}, {description: INJECTED, fakeProperty: 'x'},
      INJECTED, [{name: INJECTED}]]);
  case '@value':
    return r.pick([INJECTED, 1, true, null, {a: 1}, [INJECTED]]);
  case '@context':
    return r.pick(OTHER_CONTEXTS.filter(c => c !== '' && c !== null));
  default:
    return r.chance(0.5) ? INJECTED : fakeNode(r);
  }
}

function valueFor(r, key) {
  if(key.startsWith('@')) {
    return keywordValue(r, key);
  }
  return r.weighted([
    [5, () => (key === 'id' ? idFrom(r) :
      key === 'type' ? r.pick(TYPES) : INJECTED)],
    [3, () => scalarPool(r)],
    [2, () => fakeNode(r, {type: r.chance(0.5) ? 'Achievement' : null})],
    [1, () => [INJECTED, scalarPool(r)]],
    [1, () => ({'@value': INJECTED})],
    [1, () => ({'@id': idFrom(r)})],
    [1, () => null],
    [1, () => []],
    [1, () => ({})],
  ])();
}

/** Sets node[key] = value, keeping the key's place if it exists. */
function setKey(node, key, value) {
  node[key] = value;
}

/** Renames node's member `from` to `to` at the same position. */
function renameKey(node, from, to) {
  const entries = Object.entries(node).map(([k, v]) => [k === from ? to : k, v]);
  for(const k of Object.keys(node)) {
    delete node[k];
  }
  for(const [k, v] of entries) {
    node[k] = v;
  }
}

const SECTIONS = {
  achievement: doc => doc.credentialSubject,
  result: doc => doc.credentialSubject,
  evidence: doc => doc,
  endorsement: doc => doc,
  alignment: doc => achievementOf(doc),
  resultDescription: doc => achievementOf(doc),
  credentialSubject: doc => doc,
  image: doc => achievementOf(doc),
  criteria: doc => achievementOf(doc),
  related: doc => achievementOf(doc),
  identifier: doc => doc.credentialSubject,
};

function achievementOf(doc) {
  const a = doc.credentialSubject?.achievement;
  return Array.isArray(a) ? a[a.length - 1] : a;
}

const TYPE_OF = {
  achievement: 'Achievement', result: 'Result', evidence: 'Evidence',
  endorsement: 'EndorsementCredential', alignment: 'Alignment',
  resultDescription: 'ResultDescription', credentialSubject: 'AchievementSubject',
  image: 'Image', criteria: null, related: 'Related',
  identifier: 'IdentityObject',
};

/**
 * The catalogue: kind → (doc, r) => detail text, or null when it does not
 * apply to this document. Each mutates `doc` in place.
 */
export const MUTATIONS = {
  // Unmutated: both verifiers must say valid.
  'control': () => 'unmutated',

  // Same data, other JSON: members in another order (RDF and JCS unchanged).
  'control-key-order': (doc, r) => {
    const {node, path} = place(doc, r);
    const entries = Object.entries(node);
    for(const k of Object.keys(node)) {
      delete node[k];
    }
    for(const [k, v] of entries.reverse()) {
      node[k] = v;
    }
    return `members of ${path} reversed`;
  },

  // The attack: an injected first element (relative ids, content).
  'inject-first-element': (doc, r) => {
    const section = r.pick(Object.keys(SECTIONS));
    const holder = SECTIONS[section](doc);
    if(!isObj(holder)) {
      return null;
    }
    const idKind = r.weighted([[6, 'relative'], [1, 'none'], [1, 'blank'],
      [1, 'absolute'], [2, 'invalid']]);
    const id = {
      relative: r.pick(RELATIVE_IDS), none: undefined, blank: r.pick(BLANK_IDS),
      absolute: r.pick(ABSOLUTE_IDS), invalid: r.pick(INVALID_IDS),
    }[idKind];
    const fake = fakeNode(r, {id, type: TYPE_OF[section]});
    let where = r.weighted([[6, 'first'], [2, 'last'], [1, 'replace']]);
    const old = holder[section];
    if(where === 'replace' || old === undefined) {
      holder[section] = r.chance(0.5) ? [fake] : fake;
      where = old === undefined ? 'added (no signed value)' : where;
    } else {
      const arr = Array.isArray(old) ? old : [old];
      holder[section] = where === 'first' ? [fake, ...arr] : [...arr, fake];
    }
    return `${section}: injected ${where} element, id ${idKind} ` +
      `${JSON.stringify(id)}`;
  },

  // A string in an @id-coerced property (image, criteria, evidence, …).
  'id-coerced-string': (doc, r) => {
    const {node, path} = place(doc, r);
    const key = r.pick(['image', 'criteria', 'evidence', 'url', 'source',
      'parentOrg', 'address', 'issuer', 'achievedLevel', 'targetUrl']);
    const v = idFrom(r);
    const old = node[key];
    node[key] = old !== undefined && r.chance(0.5) ?
      [v, ...(Array.isArray(old) ? old : [old])] : v;
    return `${path}.${key} = ${JSON.stringify(v)}${old !== undefined ? ' (beside the signed value)' : ''}`;
  },

  // A member added: defined / undefined terms, IRIs, odd keys, keywords.
  'add-member': (doc, r) => {
    const {node, path} = place(doc, r);
    const key = keyFrom(r);
    const value = valueFor(r, key);
    setKey(node, key, value);
    return `${path}[${JSON.stringify(key)}] = ${emit(value).slice(0, 120)}`;
  },

  // A keyword member added where it may or may not be allowed.
  'add-keyword': (doc, r) => {
    const {node, path} = place(doc, r);
    const key = r.pick(KEYWORDS);
    const value = keywordValue(r, key);
    setKey(node, key, value);
    return `${path}[${JSON.stringify(key)}] = ${emit(value).slice(0, 120)}`;
  },

  // An existing member renamed.
  'rename-member': (doc, r) => {
    const {node, path} = place(doc, r);
    const keys = Object.keys(node).filter(k => k !== '@context');
    if(!keys.length) {
      return null;
    }
    const from = r.pick(keys);
    const to = r.weighted([[3, () => keyFrom(r, false)], [2, () => r.pick(KEYWORDS)],
      [1, () => (from === 'id' ? '@id' : from === 'type' ? '@type' : from + 's')]])();
    if(to === from || Object.hasOwn(node, to)) {
      return null;
    }
    renameKey(node, from, to);
    return `${path}: ${JSON.stringify(from)} renamed ${JSON.stringify(to)}`;
  },

  // A member moved to another object.
  'move-member': (doc, r) => {
    const a = place(doc, r);
    const b = place(doc, r);
    const keys = Object.keys(a.node).filter(k => k !== '@context');
    if(a.node === b.node || !keys.length) {
      return null;
    }
    const k = r.pick(keys);
    if(Object.hasOwn(b.node, k) && r.chance(0.5)) {
      const old = b.node[k];
      b.node[k] = [a.node[k], ...(Array.isArray(old) ? old : [old])].flat();
    } else {
      b.node[k] = a.node[k];
    }
    delete a.node[k];
    return `${a.path}.${k} moved to ${b.path}`;
  },

  // A member removed.
  'remove-member': (doc, r) => {
    const {node, path} = place(doc, r);
    const keys = Object.keys(node).filter(k => k !== '@context');
    if(!keys.length) {
      return null;
    }
    const k = r.pick(keys);
    delete node[k];
    return `${path}.${k} removed`;
  },

  // An id changed or added: relative, absolute, blank, invalid, empty.
  'set-id': (doc, r) => {
    const {node, path} = place(doc, r);
    const key = r.chance(0.85) ? 'id' : '@id';
    const v = r.chance(0.05) ? r.pick([null, 1, ['a'], {}]) : idFrom(r);
    const had = Object.hasOwn(node, key);
    node[key] = v;
    return `${path}.${key} ${had ? 'changed to' : 'added:'} ${JSON.stringify(v)}`;
  },

  // A type changed, added to, or replaced.
  'set-type': (doc, r) => {
    const {node, path} = place(doc, r);
    const key = r.chance(0.85) ? 'type' : '@type';
    const t = r.pick(TYPES);
    const old = node[key];
    const how = r.weighted([[3, 'append'], [2, 'prepend'], [2, 'replace'],
      [1, 'odd']]);
    if(how === 'odd') {
      node[key] = r.pick([null, 1, {}, [[t]], {'@id': t}, [null], []]);
    } else if(how === 'replace' || old === undefined) {
      node[key] = r.chance(0.5) ? t : [t];
    } else {
      const arr = Array.isArray(old) ? old : [old];
      node[key] = how === 'append' ? [...arr, t] : [t, ...arr];
    }
    return `${path}.${key} ${how} ${JSON.stringify(t)} → ${emit(node[key])}`;
  },

  // Arrays vs single values: wrap, unwrap, nest, empty.
  'array-shape': (doc, r) => {
    const l = r.pick(leavesAndObjects(doc));
    if(!l) {
      return null;
    }
    const {node, key, path} = l;
    const v = node[key];
    const how = Array.isArray(v) ?
      r.pick(['unwrap', 'nest', 'empty', 'null-inside', 'duplicate-element']) :
      r.pick(['wrap', 'wrap', 'nest']);
    if(how === 'unwrap') {
      if(v.length !== 1) {
        return null;
      }
      node[key] = v[0];
    } else if(how === 'wrap') {
      node[key] = [v];
    } else if(how === 'nest') {
      node[key] = Array.isArray(v) ? [v] : [[v]];
    } else if(how === 'empty') {
      node[key] = [];
    } else if(how === 'null-inside') {
      node[key] = [...v, null];
    } else {
      node[key] = [...v, v[v.length - 1]];
    }
    return `${path}: ${how}`;
  },

  // A nested object inserted (with or without an id).
  'insert-object': (doc, r) => {
    const {node, path} = place(doc, r);
    const key = r.weighted([[4, () => r.pick(DEFINED_TERMS.filter(
      k => k !== 'id' && k !== 'type'))], [2, () => r.pick(UNDEFINED_TERMS)],
    [1, () => r.pick(IRI_TERMS)]])();
    const withId = r.chance(0.5);
    const obj = r.chance(0.7) ? fakeNode(r, {
      id: withId ? idFrom(r) : undefined,
      type: r.pick([null, 'Achievement', 'Profile', 'Fake'])}) :
      r.pick([{}, {id: idFrom(r)}, {type: ['Achievement']}, {name: INJECTED},
        {'@value': INJECTED}]);
    const old = node[key];
    node[key] = old === undefined ? obj :
      [obj, ...(Array.isArray(old) ? old : [old])];
    return `${path}.${key} ${old === undefined ? '=' : 'gets first'} ${emit(obj).slice(0, 120)}`;
  },

  // Value objects: @value, @language, @type, @index, @direction.
  'value-object': (doc, r) => {
    const l = r.pick(leaves(doc).filter(x => !['id', 'type', '@id', '@type']
      .includes(x.key)));
    if(!l) {
      return null;
    }
    const v = l.node[l.key];
    const s = Array.isArray(v) ? v[0] : v;
    const o = r.pick([
      {'@value': s},
      {'@value': s, '@language': 'en'},
      {'@value': s, '@language': 'not a language'},
      {'@value': s, '@type': 'http://www.w3.org/2001/XMLSchema#string'},
      {'@value': s, '@type': 'https://example.org/T'},
      {'@value': s, '@type': 'relative-type'},
      {'@value': s, '@type': '_:b0'},
      {'@value': s, '@index': 'i1'},
      {'@value': s, '@direction': 'rtl'},
      {'@value': s, '@direction': 'rtl', '@language': 'en'},
      {'@value': s, '@foo': 'x'},
      {'@value': s, 'name': 'x'},
      {'@value': null},
      {'@value': s, '@language': 'en', '@type': 'https://example.org/T'},
      {'@language': 'en'},
      {'@value': [s]},
      {'@value': {x: s}},
      {'@value': s, '@type': '@json'},
      {'@value': s, '@type': '@id'},
    ]);
    l.node[l.key] = Array.isArray(v) ? [o, ...v.slice(1)] : o;
    return `${l.path} = ${emit(o).slice(0, 120)}`;
  },

  // Language maps and index maps where the context has no such container.
  'map-container': (doc, r) => {
    const l = r.pick(leavesAndObjects(doc).filter(x => !['id', 'type', '@id',
      '@type'].includes(x.key)));
    if(!l) {
      return null;
    }
    const v = l.node[l.key];
    const o = r.pick([{en: v}, {'@none': v}, {'en-GB': v, 'fr': INJECTED},
      {i1: v}, {'@index': 'i1', ...(isObj(v) ? v : {'@value': v})},
      {'@language': 'en', '@value': v}, {'': v}, {'@foo': v}]);
    l.node[l.key] = o;
    return `${l.path} = ${emit(o).slice(0, 120)}`;
  },

  // Numbers and strings re-typed.
  'retype-scalar': (doc, r) => {
    const ls = leaves(doc).filter(x => !['@context'].includes(x.key));
    const numeric = ls.filter(x => typeof x.node[x.key] === 'number' ||
      typeof x.node[x.key] === 'boolean');
    const l = numeric.length && r.chance(0.6) ? r.pick(numeric) : r.pick(ls);
    if(!l) {
      return null;
    }
    const v = l.node[l.key];
    const s = Array.isArray(v) ? v[0] : v;
    const n = typeof s === 'number' ? s : 1;
    const to = r.pick([
      String(s), n, new Raw(`${n}.0`), new Raw(`${n}.00`), new Raw(`${n}e0`),
      new Raw(`${n}E+0`), new Raw(`${n * 10}e-1`), !!s, s === true ? 'true' : 'false',
      new Raw('-0'), new Raw('-0.0'), new Raw('1e400'), new Raw('-1e400'),
      new Raw('12345678901234567890'), new Raw('1e21'), new Raw('100000000000000000000'),
      new Raw('9007199254740993'), new Raw('0.1'), new Raw('1.5e300'), new Raw('5e-324'),
      new Raw('0.30000000000000004'), 1, '1', true, 0, '',
    ]);
    l.node[l.key] = Array.isArray(v) ? [to, ...v.slice(1)] : to;
    return `${l.path}: ${emit(v).slice(0, 40)} → ${emit(to)}`;
  },

  // Null values.
  'null-value': (doc, r) => {
    const how = r.pick(['leaf', 'add', 'id', 'type', 'in-array', 'context-null']);
    if(how === 'leaf') {
      const l = r.pick(leavesAndObjects(doc));
      l.node[l.key] = null;
      return `${l.path} = null`;
    }
    const {node, path} = place(doc, r);
    if(how === 'add') {
      const k = keyFrom(r);
      node[k] = null;
      return `${path}[${JSON.stringify(k)}] = null (added)`;
    }
    if(how === 'id' || how === 'type') {
      const k = r.chance(0.7) ? how : `@${how}`;
      node[k] = null;
      return `${path}.${k} = null`;
    }
    if(how === 'in-array') {
      const arrays = Object.keys(node).filter(k => Array.isArray(node[k]) &&
        k !== '@context');
      if(!arrays.length) {
        return null;
      }
      const k = r.pick(arrays);
      node[k] = r.chance(0.5) ? [null, ...node[k]] : [...node[k], null];
      return `${path}.${k}: null element`;
    }
    node['@context'] = null;
    return `${path}["@context"] = null`;
  },

  // @context appended, removed, reordered, duplicated, reshaped.
  'context': (doc, r) => {
    let ctx = doc['@context'];
    const arr = Array.isArray(ctx) ? [...ctx] : [ctx];
    const how = r.pick(['append', 'append', 'prepend', 'insert', 'remove',
      'reorder', 'swap-first', 'duplicate', 'shape', 'nested', 'replace-first']);
    const pick = () => (r.chance(0.5) ? r.pick(KNOWN_CONTEXTS) :
      r.pick(OTHER_CONTEXTS));
    let detail;
    if(how === 'append') {
      const c = pick();
      arr.push(c);
      detail = `append ${JSON.stringify(c)}`;
    } else if(how === 'prepend') {
      const c = pick();
      arr.unshift(c);
      detail = `prepend ${JSON.stringify(c)}`;
    } else if(how === 'insert') {
      const c = pick();
      const i = 1 + r.below(arr.length);
      arr.splice(i, 0, c);
      detail = `insert at ${i} ${JSON.stringify(c)}`;
    } else if(how === 'remove') {
      const i = r.below(arr.length);
      detail = `remove ${JSON.stringify(arr[i])}`;
      arr.splice(i, 1);
    } else if(how === 'reorder') {
      arr.reverse();
      detail = 'reversed';
    } else if(how === 'swap-first') {
      if(arr.length < 3) {
        return null;
      }
      [arr[1], arr[2]] = [arr[2], arr[1]];
      detail = 'second and third swapped';
    } else if(how === 'duplicate') {
      const i = r.below(arr.length);
      arr.splice(i + 1, 0, arr[i]);
      detail = `duplicate ${JSON.stringify(arr[i])}`;
    } else if(how === 'shape') {
      ctx = r.pick([arr[0], [arr], {'@context': arr}, arr.join(' ')]);
      doc['@context'] = ctx;
      return `@context reshaped: ${emit(ctx).slice(0, 120)}`;
    } else if(how === 'replace-first') {
      const c = pick();
      detail = `replace ${JSON.stringify(arr[0])} with ${JSON.stringify(c)}`;
      arr[0] = c;
    } else {
      // A scoped @context inside a node.
      const {node, path} = place(doc, r);
      const c = r.chance(0.5) ? r.pick(OTHER_CONTEXTS) : pick();
      node['@context'] = c;
      return `${path}["@context"] = ${emit(c).slice(0, 120)}`;
    }
    doc['@context'] = arr;
    return `@context ${detail}`;
  },

  // Duplicate member names (raw JSON text): JSON.parse keeps the last.
  'duplicate-member': (doc, r) => {
    const {node, path} = place(doc, r);
    const keys = Object.keys(node);
    const key = r.chance(0.85) ? r.pick(keys) : '@context';
    if(key === '@context' && path !== '$') {
      return null;
    }
    const after = r.chance(0.5);
    const old = node[key];
    let value;
    if(key === 'id') {
      value = r.pick([...RELATIVE_IDS, ...ABSOLUTE_IDS]);
    } else if(key === 'type') {
      value = r.pick(TYPES);
    } else if(key === '@context') {
      value = r.pick([[...(Array.isArray(old) ? old : [old]), {'@vocab': 'https://example.org/#'}],
        [...(Array.isArray(old) ? old : [old])].reverse()]);
    } else if(isObj(old)) {
      value = fakeNode(r, {type: null});
    } else {
      value = r.pick([INJECTED, 'Injected', 1, [INJECTED]]);
    }
    node[DUPS] = [...(node[DUPS] ?? []), {key, value, after}];
    return `${path}.${key} given twice, injected ${after ? 'last (JSON.parse keeps it)' : 'first (JSON.parse keeps the signed value)'}: ${emit(value).slice(0, 80)}`;
  },

  // @graph, @included, @reverse, @list, @json, @nest at structural places.
  'keyword-structure': (doc, r) => {
    const how = r.pick(['graph-subject', 'included-root', 'reverse-root',
      'list-tags', 'json-description', 'nest-achievement', 'set-type',
      'graph-root', 'list-achievement', 'id-in-value']);
    const cs = doc.credentialSubject;
    const ach = achievementOf(doc);
    switch(how) {
    case 'graph-subject':
      doc.credentialSubject = {'@graph': [cs]};
      return 'credentialSubject wrapped in @graph';
    case 'graph-root': {
      const {proof, ...rest} = doc;
      for(const k of Object.keys(doc)) {
        delete doc[k];
      }
      doc['@context'] = rest['@context'];
      delete rest['@context'];
      doc['@graph'] = [rest];
      doc.proof = proof;
      return 'root content moved into @graph';
    }
    case 'included-root':
      doc['@included'] = [fakeNode(r, {id: r.chance(0.5) ? r.pick(RELATIVE_IDS) :
        r.pick(ABSOLUTE_IDS)})];
      return '@included with an injected node';
    case 'reverse-root':
      doc['@reverse'] = {[r.pick(['achievement', 'https://example.org/p',
        'credentialSubject'])]: {id: r.pick([...RELATIVE_IDS, ...ABSOLUTE_IDS]),
        name: INJECTED}};
      return `@reverse ${emit(doc['@reverse']).slice(0, 100)}`;
    case 'list-tags':
      if(!ach) {
        return null;
      }
      ach.tag = {'@list': [INJECTED, ...(Array.isArray(ach.tag) ? ach.tag : [])]};
      return 'achievement.tag as @list';
    case 'list-achievement':
      cs.achievement = {'@list': [fakeNode(r), cs.achievement]};
      return 'achievement as @list with an injected first element';
    case 'json-description':
      if(!ach) {
        return null;
      }
      ach.description = {'@value': {text: INJECTED}, '@type': '@json'};
      return 'achievement.description as a @json value';
    case 'nest-achievement':
      if(!ach) {
        return null;
      }
      ach['@nest'] = {name: INJECTED, [r.pick(['description', 'fakeProperty'])]: INJECTED};
      return 'achievement gets @nest with name and content';
    case 'set-type':
      cs.type = {'@set': Array.isArray(cs.type) ? cs.type : [cs.type]};
      return 'credentialSubject.type as @set';
    default:
      if(!ach) {
        return null;
      }
      ach.criteria = {'@id': r.pick(RELATIVE_IDS), narrative: INJECTED};
      return `achievement.criteria with @id ${JSON.stringify(ach.criteria['@id'])}`;
    }
  },
};

function leavesAndObjects(doc) {
  const out = [];
  for(const {node, path, inProof} of nodes(doc)) {
    if(inProof) {
      continue;
    }
    for(const k of Object.keys(node)) {
      if(k !== '@context' && k !== 'proof') {
        out.push({node, key: k, path: `${path}.${k}`});
      }
    }
  }
  return out;
}

/** Weights of the kinds (controls are a fixed share, see mutate.mjs). */
export const WEIGHTS = {
  'control-key-order': 3,
  'inject-first-element': 10,
  'id-coerced-string': 5,
  'add-member': 10,
  'add-keyword': 8,
  'rename-member': 6,
  'move-member': 3,
  'remove-member': 2,
  'set-id': 8,
  'set-type': 6,
  'array-shape': 5,
  'insert-object': 6,
  'value-object': 5,
  'map-container': 4,
  'retype-scalar': 6,
  'null-value': 4,
  'context': 8,
  'duplicate-member': 5,
  'keyword-structure': 4,
};

/** True when the text has an object with a member name given twice. */
export function hasDuplicateMembers(v) {
  if(Array.isArray(v)) {
    return v.some(hasDuplicateMembers);
  }
  if(isObj(v)) {
    return (v[DUPS]?.length ?? 0) > 0 ||
      Object.values(v).some(hasDuplicateMembers);
  }
  return false;
}
