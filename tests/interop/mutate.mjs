// The differential harness: structural mutations of credentials signed by
// Digital Bazaar (fixed TEST-ONLY key, sign.mjs), judged by Digital Bazaar's
// verifier in JSON-LD safe mode and by wallet-verify (verify/examples/judge.rs),
// OFFLINE.
//
//   node tests/interop/mutate.mjs [--seed N] [--count N] [--examples DIR]
//        [--judge 'COMMAND'] [--json FILE] [--only I] [--show-all]
//
// Bases: a plain and a rich Open Badges 3.0 credential, each signed with
// eddsa-rdfc-2022 (VC 2.0), Ed25519Signature2020 (VC 2.0 and VC 1.1) and
// eddsa-jcs-2022 (VC 2.0, for contrast: JCS signs the JSON, not the RDF), and
// ecdsa-rdfc-2019 / ecdsa-jcs-2019 with a fresh P-256 key per run.
// Every mutation is applied AFTER signing (mutations.mjs); each base is also
// judged unmutated, and controls (unmutated, members reordered) are mixed in.
//
// The reference verdict is `vc.verifyCredential` (vc 7.3 / jsonld-signatures
// 11.6 / data-integrity 2.5: their canonize calls jsonld.js with
// `safe: true` and `base: null`, so anything expansion or toRDF would drop is
// an error), at the time sign.mjs signs for, EXCEPT that a document whose
// JSON text names a member twice is never reference-valid: JSON.parse keeps
// the last value, so a JS verifier cannot see the duplicate, and RFC 8785 /
// I-JSON (which the wallet follows) refuse such text.
//
// Classes: agree-valid, agree-invalid, DANGER (ours `verified`, reference
// not: must be 0; the exit status is 1 otherwise, or when a control is not
// agree-valid), ref-valid-ours-not (documented in EXPLAINED below or printed
// as unexplained).
//
// `--judge` is the command that runs wallet-verify's judge (default: cargo run
// of the example); `--examples DIR` writes every disagreeing document there;
// `--only I` runs mutation number I alone (reproduces one case of a seed).
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {vc, documentLoader, verifySuites, firstError, dbVerdict} from
  './lib.mjs';
import {
  NOW, SUITES, TEST_ONLY_SEED_ISSUER, badge, ecdsaKey, keyFromSeed, sign
} from './sign.mjs';
import {
  MUTATIONS, WEIGHTS, Rng, emit, hasDuplicateMembers
} from './mutations.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function args() {
  const a = {seed: 1, count: 300, examples: null, json: null, only: null,
    judge: 'cargo run --quiet --locked -p wallet-verify --example judge --',
    showAll: false};
  const argv = process.argv.slice(2);
  for(let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      if(i + 1 >= argv.length) {
        throw new Error(`${k} needs a value`);
      }
      return argv[++i];
    };
    if(k === '--seed') {
      a.seed = Number(v());
    } else if(k === '--count') {
      a.count = Number(v());
    } else if(k === '--examples') {
      a.examples = v();
    } else if(k === '--json') {
      a.json = v();
    } else if(k === '--judge') {
      a.judge = v();
    } else if(k === '--only') {
      a.only = Number(v());
    } else if(k === '--show-all') {
      a.showAll = true;
    } else {
      throw new Error(`unknown argument ${k} (see the header of mutate.mjs)`);
    }
  }
  if(!Number.isInteger(a.seed) || !Number.isInteger(a.count) || a.count < 0) {
    throw new Error('--seed and --count take integers');
  }
  return a;
}

/** A badge with more structure: arrays, numbers, a boolean, nested nodes. */
function richBadge({issuer, context, vc1}) {
  const b = badge({issuer, context, vc1});
  b.issuer.url = 'https://issuer.example.org/';
  b.credentialSubject = {
    id: 'did:example:learner-1234',
    type: ['AchievementSubject'],
    activityStartDate: '2024-01-01',
    creditsEarned: 2.5,
    identifier: [{
      type: 'IdentityObject', hashed: false, identityHash: 'learner@example.org',
      identityType: 'emailAddress',
    }],
    achievement: {
      id: 'urn:uuid:0d8f1a7c-5e3b-4f2a-8c6d-9b7e1a2c3d4f',
      type: ['Achievement'],
      name: 'Interop Test Achievement',
      description: 'Signed by Digital Bazaar libraries for wallet-verify.',
      achievementType: 'Certificate',
      creditsAvailable: 3,
      criteria: {
        id: 'https://issuer.example.org/criteria/1',
        narrative: 'Pass the interop test.',
      },
      image: {id: 'https://issuer.example.org/badge.png', type: 'Image',
        caption: 'Badge image'},
      tag: ['interop', 'test'],
      alignment: [{
        type: ['Alignment'], targetName: 'Testing',
        targetUrl: 'https://example.org/skills/testing', targetCode: 'T1',
      }],
      resultDescription: [{
        id: 'urn:uuid:9a1b2c3d-0000-4000-8000-000000000001',
        type: ['ResultDescription'], name: 'Score', resultType: 'Percent',
        valueMax: '100', valueMin: '0',
      }],
    },
    result: [{
      type: ['Result'],
      resultDescription: 'urn:uuid:9a1b2c3d-0000-4000-8000-000000000001',
      value: '90',
    }],
  };
  b.evidence = [{
    id: 'https://issuer.example.org/evidence/1', type: ['Evidence'],
    name: 'Portfolio', narrative: 'A portfolio of tests.',
  }];
  return b;
}

const SHORT = {
  'eddsa-rdfc-2022': 'rdfc', 'eddsa-jcs-2022': 'jcs',
  'Ed25519Signature2020': 'ed2020', 'Ed25519Signature2020-vc1': 'ed2020-vc1',
  'ecdsa-rdfc-2019': 'ecdsa-rdfc', 'ecdsa-jcs-2019': 'ecdsa-jcs',
};

async function bases() {
  const edIssuer = await keyFromSeed(TEST_ONLY_SEED_ISSUER);
  // ECDSA keys have no seed: a fresh P-256 key each run (the mutations stay seeded).
  const p256 = await ecdsaKey('P-256');
  const out = [];
  for(const suiteName of Object.keys(SHORT)) {
    const {context, vc1, curve} = SUITES[suiteName];
    const issuer = curve ? p256 : edIssuer;
    for(const [shape, make] of [['plain', badge], ['rich', richBadge]]) {
      const doc = await sign(make({issuer: issuer.did, context, vc1}),
        {suiteName, key: issuer});
      out.push({name: `${SHORT[suiteName]}-${shape}`, suite: suiteName, doc});
    }
  }
  return out;
}

/** Per-mutation generator: mutation I of a seed is reproducible alone. */
function rngFor(seed, i) {
  let h = (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(i + 1, 0x85ebca6b)) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return new Rng(h ^ (h >>> 16));
}

const KINDS = Object.keys(WEIGHTS);

/** Mutation number I: {i, base, kind, detail, text, dups}. */
function mutation(seed, i, baseDocs) {
  const r = rngFor(seed, i);
  const base = r.pick(baseDocs);
  for(let attempt = 0; attempt < 20; attempt++) {
    const doc = JSON.parse(JSON.stringify(base.doc));
    let kind;
    let detail;
    if(r.chance(0.03)) {
      kind = 'control';
      detail = MUTATIONS.control(doc, r);
    } else if(r.chance(0.08)) {
      // Two mutations at once.
      const k1 = r.weighted(KINDS.map(k => [WEIGHTS[k], k]));
      const k2 = r.weighted(KINDS.map(k => [WEIGHTS[k], k]));
      const d1 = MUTATIONS[k1](doc, r);
      const d2 = d1 && MUTATIONS[k2](doc, r);
      kind = 'combo';
      detail = d2 && `${k1}: ${d1}; ${k2}: ${d2}`;
    } else {
      kind = r.weighted(KINDS.map(k => [WEIGHTS[k], k]));
      detail = MUTATIONS[kind](doc, r);
    }
    if(detail) {
      return {i, base: base.name, suite: base.suite, kind, detail,
        text: emit(doc), pretty: emit(doc, 2), dups: hasDuplicateMembers(doc)};
    }
  }
  throw new Error(`mutation ${i}: no applicable mutation in 20 attempts`);
}

/** The error's message with jsonld.js's safe-mode event code, when given. */
function refError(e, depth = 0) {
  if(!e || depth > 4) {
    return [];
  }
  if(Array.isArray(e)) {
    return e.flatMap(x => refError(x, depth + 1));
  }
  const ev = e.details?.event;
  const own = `${e.message ?? e}${ev ? ` [${ev.code}: ${ev.message}]` : ''}`;
  const inner = [...refError(e.errors, depth + 1), ...refError(e.cause, depth + 1)];
  return inner.length && !ev ? inner : [own];
}

function refErrors(result) {
  const parts = [...refError(result.error)];
  for(const r of result.results ?? []) {
    if(!r.verified) {
      parts.push(...refError(r.error));
    }
  }
  const uniq = [...new Set(parts)];
  return uniq.join(' | ') || firstError(result);
}

/** Digital Bazaar's verdict on the text (what JSON.parse gives a JS verifier). */
async function reference(m) {
  let credential;
  try {
    credential = JSON.parse(m.text);
  } catch(e) {
    return {verified: false, error: `JSON.parse: ${e.message}`};
  }
  try {
    const result = await vc.verifyCredential({
      credential, suite: verifySuites(), documentLoader, now: new Date(NOW),
    });
    return {verified: result.verified === true,
      error: result.verified ? null : refErrors(result)};
  } catch(e) {
    return {verified: false, error: `threw: ${refError(e).join(' | ')}`};
  }
}

/** wallet-verify's verdicts, one per text, through the judge. */
function ours(texts, command) {
  const run = spawnSync(command, {
    shell: true, cwd: ROOT, input: texts.join('\n') + '\n',
    maxBuffer: 1 << 30, encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if(run.status !== 0) {
    throw new Error(`judge failed (${command}): exit ${run.status}`);
  }
  const lines = run.stdout.split('\n').filter(Boolean).map(l => JSON.parse(l));
  if(lines.length !== texts.length) {
    throw new Error(`judge gave ${lines.length} verdicts for ${texts.length} documents`);
  }
  return lines;
}

// Why the reference says valid where we do not, by pattern (documented
// disagreements). A ref-valid-ours-not case matching none is "unexplained".
const EXPLAINED = [
  {
    test: m => m.ours.status === 'parse-error' &&
      /not a badge this wallet understands/.test(m.ours.why),
    reason: 'stricter: the wallet reads only the JSON shapes Open Badges 3.0 ' +
      'specifies (credentialSubject, achievement: objects); JSON-LD flattens ' +
      '[[…]] into the same graph, so DB accepts it',
  },
  {
    test: m => /is not a valid date/.test(m.ours.why),
    reason: 'stricter: VC validity dates are single dateTime strings; JSON-LD ' +
      'flattens [[date]] into the same literal',
  },
  {
    test: m => /"_:"/.test(m.detail),
    reason: 'stricter: "_:" (empty label) is not a blank node identifier ' +
      '(RDF 1.1 N-Quads, JSON-LD 1.1 §1.7); jsonld.js takes it as one',
  },
  {
    test: m => /Protected term redefinition/.test(m.ours.why),
    reason: 'OUR BUG (issue 11): JSON-LD 1.1 allows a protected term to be ' +
      'redefined identically (an @import or a repeated context)',
  },
  {
    test: m => /is not a JSON-LD keyword a document may use there/.test(m.ours.why),
    reason: 'stricter (safe mode, issue 11): a context-only keyword (@vocab, @version, ' +
      '@prefix, @protected, …) or @direction as a member of a node object; jsonld.js ' +
      'ignores a string value there but expands an object value (so a relative id inside ' +
      'it is an error), the json-ld crate ignores both: two readings, so refused',
  },
  {
    test: m => /a list inside the list/.test(m.ours.why),
    reason: 'stricter (safe mode): an array inside an array; JSON-LD flattens [[x]] into x ' +
      'while the wallet reads and shows values by their JSON shape: two readings, so refused',
  },
  {
    test: m => /is a blank node; JSON-LD processing/.test(m.ours.why),
    reason: 'stricter (safe mode): a member named "_:…" is a blank-node property; ' +
      'jsonld.js refuses it only when it has a value ("blank node predicate"), an empty ' +
      'array gives no statement',
  },
  {
    test: m => /(unsupported context|which this wallet does not hold)/.test(m.ours.why) &&
      /undefined-terms\/v2|ob_v3p0\.html|jff-vc-edu|OBv3_beta/.test(m.text),
    reason: 'a context DB\'s test loader bundles and the wallet does not: ours ' +
      'cannot check it (wallet: unverified, "could not be checked")',
  },
];

function classify(m) {
  const refValid = m.ref.verified && !m.dups;
  const oursVerified = m.ours.status === 'verified';
  if(refValid && oursVerified) {
    return 'agree-valid';
  }
  if(!refValid && !oursVerified) {
    return 'agree-invalid';
  }
  return oursVerified ? 'DANGER' : 'ref-valid-ours-not';
}

const CLASSES = ['agree-valid', 'agree-invalid', 'DANGER', 'ref-valid-ours-not'];

function table(results) {
  const kinds = [...new Set(results.map(m => m.kind))].sort();
  const rows = [['kind', 'tried', ...CLASSES]];
  const total = Object.fromEntries(CLASSES.map(c => [c, 0]));
  for(const k of kinds) {
    const ms = results.filter(m => m.kind === k);
    const counts = CLASSES.map(c => ms.filter(m => m.cls === c).length);
    CLASSES.forEach((c, j) => (total[c] += counts[j]));
    rows.push([k, ms.length, ...counts]);
  }
  rows.push(['TOTAL', results.length, ...CLASSES.map(c => total[c])]);
  const widths = rows[0].map((_, j) => Math.max(...rows.map(r => String(r[j]).length)));
  return rows.map(r => r.map((x, j) => (j ? String(x).padStart(widths[j]) :
    String(x).padEnd(widths[j]))).join('  ')).join('\n');
}

function oursText(o) {
  const sig = o.signature ? ` [signature ${o.signature.outcome}: ${o.signature.message}]` : '';
  return `${o.status}${o.why ? ` (${o.why})` : ''}${sig}`;
}

async function main() {
  const a = args();
  const t0 = Date.now();
  const baseDocs = await bases();
  const ms = [];
  // Every base unmutated, then the seeded mutations.
  baseDocs.forEach((b, j) => ms.push({i: -1 - j, base: b.name, suite: b.suite,
    kind: 'control-base', detail: 'unmutated signed base',
    text: emit(b.doc), pretty: emit(b.doc, 2), dups: false}));
  const range = a.only !== null ? [a.only] : [...Array(a.count).keys()];
  for(const i of range) {
    ms.push(mutation(a.seed, i, baseDocs));
  }
  const t1 = Date.now();
  for(const [j, m] of ms.entries()) {
    m.ref = await reference(m);
    if(j && j % 1000 === 0) {
      process.stderr.write(`  reference: ${j}/${ms.length} judged\n`);
    }
  }
  const t2 = Date.now();
  const verdicts = ours(ms.map(m => m.text), a.judge);
  const t3 = Date.now();
  ms.forEach((m, j) => {
    m.ours = verdicts[j];
    m.cls = classify(m);
  });

  console.log(`differential harness: seed ${a.seed}, ${ms.length - baseDocs.length} ` +
    `mutations + ${baseDocs.length} signed bases; Digital Bazaar ` +
    `${((t2 - t1) / 1000).toFixed(1)} s, wallet-verify judge ` +
    `${((t3 - t2) / 1000).toFixed(1)} s (build included), generation ` +
    `${((t1 - t0) / 1000).toFixed(1)} s`);
  console.log(table(ms));

  if(a.examples) {
    fs.mkdirSync(a.examples, {recursive: true});
  }
  const write = m => {
    if(!a.examples) {
      return null;
    }
    const file = path.join(a.examples,
      `${m.cls}-${m.kind}-s${a.seed}-${m.i}-${m.base}.json`);
    fs.writeFileSync(file, m.pretty + '\n');
    return file;
  };
  const controlsBad = ms.filter(m => m.kind.startsWith('control') &&
    m.cls !== 'agree-valid');
  for(const cls of ['DANGER', 'ref-valid-ours-not']) {
    const bad = ms.filter(m => m.cls === cls);
    if(!bad.length) {
      continue;
    }
    console.log(`\n== ${cls}: ${bad.length}`);
    for(const m of bad) {
      m.file = write(m);
      const why = cls === 'ref-valid-ours-not' ?
        EXPLAINED.find(e => e.test(m))?.reason ?? 'UNEXPLAINED' : null;
      m.explained = why;
    }
    // Up to 3 examples, of different kinds first.
    const shown = a.showAll ? bad : [...new Map(bad.map(m => [m.kind, m])).values(),
      ...bad].filter((m, j, xs) => xs.indexOf(m) === j).slice(0, 3);
    for(const m of shown) {
      const sig = await dbVerdict(JSON.parse(m.text), {now: NOW}).catch(() => null);
      console.log(`\n#${m.i} ${m.kind} on ${m.base}: ${m.detail}`);
      console.log(`  reference: ${m.ref.verified ? 'verified' : 'NOT verified'}` +
        `${m.dups ? ' by DB, but the text has duplicate member names' : ''}` +
        `${m.ref.error ? ` (${m.ref.error})` : ''}` +
        `${sig ? `; proofs alone: ${sig.signatureVerified ? 'ok' : sig.signatureError}` : ''}`);
      console.log(`  ours:      ${oursText(m.ours)}`);
      if(m.explained) {
        console.log(`  why:       ${m.explained}`);
      }
      if(m.file) {
        console.log(`  document:  ${m.file}`);
      } else {
        console.log(`  document:  ${m.text.length > 4000 ? m.text.slice(0, 4000) + '…' : m.text}`);
      }
    }
    if(!a.showAll) {
      console.log(`\n  all ${cls} (kind, base: mutation):`);
      for(const m of bad.slice(0, 60)) {
        console.log(`  #${m.i} ${m.kind}, ${m.base}: ${m.detail.slice(0, 140)}`);
      }
      if(bad.length > 60) {
        console.log(`  … ${bad.length - 60} more (--show-all, --json)`);
      }
    }
    if(cls === 'ref-valid-ours-not') {
      const byReason = new Map();
      for(const m of bad) {
        byReason.set(m.explained, (byReason.get(m.explained) ?? 0) + 1);
      }
      for(const [r, n] of byReason) {
        console.log(`  ${n} × ${r}`);
      }
    }
  }
  for(const m of controlsBad) {
    console.log(`\nCONTROL NOT AGREE-VALID: #${m.i} ${m.kind} on ${m.base}: ` +
      `reference ${m.ref.verified ? 'verified' : m.ref.error}; ours ${oursText(m.ours)}`);
  }
  if(a.json) {
    fs.writeFileSync(a.json, JSON.stringify(ms.map(({pretty, ...m}) => m)) + '\n');
  }
  const danger = ms.filter(m => m.cls === 'DANGER').length;
  console.log(`\n${danger} DANGER (ours verified, reference not), ` +
    `${controlsBad.length} failed controls`);
  if(danger || controlsBad.length) {
    process.exitCode = 1;
  }
}

await main();
