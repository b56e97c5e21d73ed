// Signs fresh Open Badges 3.0 credentials with Digital Bazaar's libraries
// (eddsa-rdfc-2022, eddsa-jcs-2022, Ed25519Signature2020, ecdsa-rdfc-2019,
// ecdsa-jcs-2019, ecdsa-sd-2023 through sd.mjs), makes tampered
// variants, and records Digital Bazaar's verdict on each, OFFLINE.
//
//   node tests/interop/sign.mjs [OUT_DIR]
//
// Writes OUT_DIR/NN-name.json (one credential each) and OUT_DIR/verdicts.json:
//   {now, documents: [{file, name, suite, variant, expect, db: {verified,
//    error, signatureVerified, signatureError}}]}
// `verify/tests/interop.rs` runs this and compares wallet-verify's status.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import * as base58btc from 'base58-universal';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {cryptosuite as ecdsaRdfc2019} from
  '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {createSignCryptosuite as createEcdsaJcsSignCryptosuite} from
  '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createSignCryptosuite as createJcsSignCryptosuite} from
  '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {
  Ed25519VerificationKey2020
} from '@digitalbazaar/ed25519-verification-key-2020';
import {vc, jsigs, documentLoader, dbVerdict, requested} from './lib.mjs';
import {addSdDocuments} from './sd.mjs';

// The time both verifiers use (wallet-verify gets the same `now`).
export const NOW = '2025-06-01T12:00:00Z';
const CREATED = '2024-01-15T10:00:00Z';

// TEST-ONLY keys: fixed seeds, public in this repository. Never use them for
// anything but these tests.
export const TEST_ONLY_SEED_ISSUER =
  '1e57000000000000000000000000000000000000000000000000000000000001';
export const TEST_ONLY_SEED_OTHER =
  '1e57000000000000000000000000000000000000000000000000000000000002';

export const VC1 = 'https://www.w3.org/2018/credentials/v1';
export const VC2 = 'https://www.w3.org/ns/credentials/v2';
export const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const ED2020 = 'https://w3id.org/security/suites/ed25519-2020/v1';
export const DI2 = 'https://w3id.org/security/data-integrity/v2';

export async function keyFromSeed(hex) {
  const seed = Uint8Array.from(Buffer.from(hex, 'hex'));
  const probe = await Ed25519Multikey.generate({seed});
  const did = `did:key:${probe.publicKeyMultibase}`;
  const multikey = await Ed25519Multikey.generate({seed, controller: did});
  const key2020 = await Ed25519VerificationKey2020.generate({
    seed, id: `${did}#${probe.publicKeyMultibase}`, controller: did});
  return {did, multikey, key2020};
}

/** A fresh P-256 or P-384 key as a did:key (ECDSA keys have no seed: new on every run). */
export async function ecdsaKey(curve) {
  const probe = await EcdsaMultikey.generate({curve});
  const {publicKeyMultibase} = await probe.export({publicKey: true});
  const did = `did:key:${publicKeyMultibase}`;
  const multikey = await EcdsaMultikey.from({
    ...(await probe.export({publicKey: true, secretKey: true, includeContext: true})),
    id: `${did}#${publicKeyMultibase}`, controller: did});
  return {did, multikey, curve};
}

export function badge({issuer, context, vc1 = false, extra = {}}) {
  const cred = {
    '@context': context,
    id: 'urn:uuid:6b0a4c3e-2f5d-4d8e-9a41-0c1f3e2d7b58',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: issuer,
      type: ['Profile'],
      name: 'Interop Test Issuer (test only)',
    },
    name: 'Interop Test Badge',
    credentialSubject: {
      id: 'did:example:learner-1234',
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:uuid:0d8f1a7c-5e3b-4f2a-8c6d-9b7e1a2c3d4f',
        type: ['Achievement'],
        name: 'Interop Test Achievement',
        description: 'Signed by Digital Bazaar libraries for wallet-verify.',
        criteria: {narrative: 'Pass the interop test.'},
      },
    },
  };
  if(vc1) {
    cred.issuanceDate = '2024-01-15T10:00:00Z';
  } else {
    cred.validFrom = '2024-01-15T10:00:00Z';
  }
  return {...cred, ...extra};
}

export const SUITES = {
  'eddsa-rdfc-2022': {
    context: [VC2, OB303],
    suite: ({key, date}) => new DataIntegrityProof({
      signer: key.multikey.signer(), cryptosuite: eddsaRdfc2022, date}),
  },
  'eddsa-jcs-2022': {
    context: [VC2, OB303],
    suite: ({key, date}) => new DataIntegrityProof({
      signer: key.multikey.signer(), cryptosuite: createJcsSignCryptosuite(),
      date}),
  },
  // VC 2.0 needs the suite's own context for Ed25519Signature2020.
  'Ed25519Signature2020': {
    context: [VC2, OB303, ED2020],
    suite: ({key, date}) => new Ed25519Signature2020({key: key.key2020, date}),
  },
  // ECDSA (vc-di-ecdsa): P-256 and P-384 keys, RDFC and JCS.
  'ecdsa-rdfc-2019': {
    context: [VC2, OB303],
    curve: 'P-256',
    suite: ({key, date}) => new DataIntegrityProof({
      signer: key.multikey.signer(), cryptosuite: ecdsaRdfc2019, date}),
  },
  'ecdsa-rdfc-2019-p384': {
    context: [VC2, OB303],
    curve: 'P-384',
    suite: ({key, date}) => new DataIntegrityProof({
      signer: key.multikey.signer(), cryptosuite: ecdsaRdfc2019, date}),
  },
  'ecdsa-jcs-2019': {
    context: [VC2, OB303],
    curve: 'P-256',
    suite: ({key, date}) => new DataIntegrityProof({
      signer: key.multikey.signer(), cryptosuite: createEcdsaJcsSignCryptosuite(),
      date}),
  },
  'ecdsa-jcs-2019-p384': {
    context: [VC2, OB303],
    curve: 'P-384',
    suite: ({key, date}) => new DataIntegrityProof({
      signer: key.multikey.signer(), cryptosuite: createEcdsaJcsSignCryptosuite(),
      date}),
  },
  // The legacy suite as it is mostly found: VC 1.1 (like demo 06).
  'Ed25519Signature2020-vc1': {
    context: [VC1, OB303, ED2020],
    vc1: true,
    suite: ({key, date}) => new Ed25519Signature2020({key: key.key2020, date}),
  },
};

export async function sign(cred, {suiteName, key, date = CREATED, purpose}) {
  const suite = SUITES[suiteName].suite({key, date});
  return jsigs.sign(structuredClone(cred), {
    suite,
    purpose: purpose ?? new vc.CredentialIssuancePurpose(),
    documentLoader,
  });
}

const clone = x => structuredClone(x);
const proofOf = d => (Array.isArray(d.proof) ? d.proof[0] : d.proof);

function flipSignatureByte(proofValue) {
  const bytes = base58btc.decode(proofValue.slice(1));
  bytes[10] ^= 0x01;
  return 'z' + base58btc.encode(bytes);
}

/** Every document: [name, suiteName, doc, expect] (expect is informative). */
const notSigned = [];

async function makeDocuments(edIssuer, edOther) {
  const docs = [];
  const add = (name, suiteName, doc, expect) =>
    docs.push({name, suiteName, doc, expect});
  // ECDSA suites sign with an ECDSA issuer of their curve (and an "other" of the same curve).
  const ecdsa = {};
  for(const curve of ['P-256', 'P-384']) {
    ecdsa[curve] = {issuer: await ecdsaKey(curve), other: await ecdsaKey(curve)};
  }

  for(const suiteName of Object.keys(SUITES)) {
    const {context, vc1, curve} = SUITES[suiteName];
    const issuer = curve ? ecdsa[curve].issuer : edIssuer;
    const other = curve ? ecdsa[curve].other : edOther;
    const short = {
      'eddsa-rdfc-2022': 'rdfc',
      'eddsa-jcs-2022': 'jcs',
      'ecdsa-rdfc-2019': 'ecdsa-rdfc',
      'ecdsa-rdfc-2019-p384': 'ecdsa-rdfc-p384',
      'ecdsa-jcs-2019': 'ecdsa-jcs',
      'ecdsa-jcs-2019-p384': 'ecdsa-jcs-p384',
      'Ed25519Signature2020': 'ed2020',
      'Ed25519Signature2020-vc1': 'ed2020-vc1',
    }[suiteName];
    const base = badge({issuer: issuer.did, context, vc1});
    const valid = await sign(base, {suiteName, key: issuer});
    add(`${short}-valid`, suiteName, valid, 'verified');

    let d = clone(valid);
    d.name = 'Interop Test Badge (edited)';
    add(`${short}-changed-name`, suiteName, d, 'invalid');

    d = clone(valid);
    d.credentialSubject.achievement.name = 'A different achievement';
    add(`${short}-changed-achievement-name`, suiteName, d, 'invalid');

    d = clone(valid);
    d.issuer.id = other.did;
    add(`${short}-changed-issuer-id`, suiteName, d, 'invalid');

    d = clone(valid);
    if(vc1) {
      d.issuanceDate = '2024-01-16T10:00:00Z';
      add(`${short}-changed-issuanceDate`, suiteName, d, 'invalid');
    } else {
      d.validFrom = '2024-01-16T10:00:00Z';
      add(`${short}-changed-validFrom`, suiteName, d, 'invalid');
    }

    d = clone(valid);
    delete d.proof;
    add(`${short}-removed-proof`, suiteName, d, 'unverified');

    d = clone(valid);
    proofOf(d).proofValue = flipSignatureByte(proofOf(d).proofValue);
    add(`${short}-signature-byte-flip`, suiteName, d, 'invalid');

    d = clone(valid);
    proofOf(d).proofValue = proofOf(d).proofValue.slice(0, 40);
    add(`${short}-proofValue-truncated`, suiteName, d, 'invalid');

    d = clone(valid);
    proofOf(d).proofPurpose = 'authentication';
    add(`${short}-proofPurpose-changed`, suiteName, d, 'invalid');

    // A valid signature, but for authentication (with a challenge), not
    // assertionMethod.
    d = await sign(base, {
      suiteName, key: issuer,
      purpose: new jsigs.purposes.AuthenticationProofPurpose({
        challenge: 'test-challenge-1234', domain: 'example.org'}),
    });
    add(`${short}-signed-for-authentication`, suiteName, d, 'invalid');

    // The proof names another key (its DID is not the issuer).
    d = clone(valid);
    proofOf(d).verificationMethod = `${other.did}#${other.did.slice(8)}`;
    add(`${short}-verificationMethod-other-key`, suiteName, d, 'invalid');

    // Validly signed by another key whose DID is not the issuer.
    d = await sign(base, {suiteName, key: other});
    add(`${short}-signed-by-non-issuer-key`, suiteName, d, 'invalid');

    // A verificationMethod whose fragment is not the key.
    d = clone(valid);
    proofOf(d).verificationMethod = `${issuer.did}#key-1`;
    add(`${short}-verificationMethod-bad-fragment`, suiteName, d, 'invalid');

    d = clone(valid);
    if(proofOf(d).cryptosuite) {
      proofOf(d).cryptosuite = {
        'eddsa-rdfc-2022': 'eddsa-jcs-2022',
        'eddsa-jcs-2022': 'eddsa-rdfc-2022',
        'ecdsa-rdfc-2019': 'ecdsa-jcs-2019',
        'ecdsa-jcs-2019': 'ecdsa-rdfc-2019',
      }[proofOf(d).cryptosuite];
      add(`${short}-cryptosuite-swapped`, suiteName, d, 'invalid');
      d = clone(valid);
      proofOf(d).cryptosuite = 'eddsa-unknown-2022';
      add(`${short}-cryptosuite-unknown`, suiteName, d, 'unverified');
    } else {
      proofOf(d).type = 'Ed25519Signature2018';
      add(`${short}-proof-type-2018`, suiteName, d, 'unverified');
      d = clone(valid);
      proofOf(d).type = 'DataIntegrityProof';
      proofOf(d).cryptosuite = 'eddsa-rdfc-2022';
      add(`${short}-proof-type-dataintegrity`, suiteName, d, 'invalid');
    }

    // Added after signing: a term no context defines …
    d = clone(valid);
    d.favouriteColour = 'green';
    add(`${short}-added-undefined-property`, suiteName, d, 'invalid');

    // … and a term the OB context does define.
    d = clone(valid);
    d.description = 'A description added after signing.';
    add(`${short}-added-defined-property`, suiteName, d, 'invalid');

    d = clone(valid);
    proofOf(d).created = '2024-01-15T10:00:01Z';
    add(`${short}-proof-created-changed`, suiteName, d, 'invalid');

    // Signed with a validity end in the past: valid signature, expired.
    const expiredBase = clone(base);
    if(vc1) {
      expiredBase.expirationDate = '2025-01-15T10:00:00Z';
    } else {
      expiredBase.validUntil = '2025-01-15T10:00:00Z';
    }
    d = await sign(expiredBase, {suiteName, key: issuer});
    add(`${short}-expired`, suiteName, d, 'expired');

    // Signed with a validity start in the future.
    if(!vc1) {
      d = await sign(badge({issuer: issuer.did, context, extra: {
        validFrom: '2026-01-01T00:00:00Z'}}), {suiteName, key: issuer});
      add(`${short}-not-yet-valid`, suiteName, d, 'not-yet-valid');
      d = await sign(badge({issuer: issuer.did, context, extra: {
        validUntil: '2030-01-01T00:00:00Z'}}), {suiteName, key: issuer});
      add(`${short}-validUntil-future`, suiteName, d, 'verified');
    }

    // The same contexts in another order.
    d = clone(valid);
    d['@context'] = [...d['@context']].reverse();
    add(`${short}-context-reordered`, suiteName, d, 'invalid');
    // Non-VC contexts swapped (the VC context stays first).
    if(d['@context'].length > 2) {
      d = clone(valid);
      const [first, ...rest] = d['@context'];
      d['@context'] = [first, ...rest.reverse()];
      add(`${short}-context-tail-reordered`, suiteName, d, '?');
    }

    // Same data, other JSON: keys reordered and the `type` array reordered.
    d = clone(valid);
    d = Object.fromEntries(Object.entries(d).reverse());
    add(`${short}-keys-reordered`, suiteName, d, 'verified');
    d = clone(valid);
    d.credentialSubject.type = ['AchievementSubject'];
    d.type = ['OpenBadgeCredential', 'VerifiableCredential'];
    add(`${short}-type-array-reordered`, suiteName, d,
      suiteName.includes('jcs') ? 'invalid' : 'verified');

    // Signed WITH a term no context defines (valid signature), where DB's
    // signer allows it (its JSON-LD safe mode refuses it for RDF suites).
    try {
      d = await sign(badge({issuer: issuer.did, context, vc1,
        extra: {favouriteColour: 'green'}}), {suiteName, key: issuer});
      add(`${short}-signed-with-undefined-property`, suiteName, d, '?');
    } catch(e) {
      notSigned.push({name: `${short}-signed-with-undefined-property`,
        suite: suiteName, error: String(e.message ?? e)});
    }

    // A proofValue in another multibase (base64url, 'u').
    d = clone(valid);
    proofOf(d).proofValue = 'u' + Buffer.from(
      base58btc.decode(proofOf(d).proofValue.slice(1))).toString('base64url');
    add(`${short}-proofValue-base64url`, suiteName, d, 'invalid');
  }

  // ecdsa-sd-2023: base proofs, disclosures, and tampering (sd.mjs).
  await addSdDocuments(add, {
    issuer: ecdsa['P-256'].issuer, other: ecdsa['P-256'].other, p384: ecdsa['P-384'].issuer});

  const [issuer, other] = [edIssuer, edOther];
  // An ECDSA and an EdDSA proof on one credential (a proof set across suites).
  {
    const ec = ecdsa['P-256'].issuer;
    const b = badge({issuer: ec.did, context: [VC2, OB303]});
    const p1 = await sign(b, {suiteName: 'ecdsa-rdfc-2019', key: ec});
    const p2 = await sign(b, {suiteName: 'ecdsa-jcs-2019', key: ec});
    const both = clone(b);
    both.proof = [p1.proof, p2.proof];
    add('proofset-ecdsa-rdfc-jcs-valid', 'proof set', both, 'verified');
    // An ECDSA proof whose verificationMethod names an Ed25519 key (the issuer's DID is
    // the ECDSA key's: the proof's key is someone else's and of the wrong type).
    const wrongType = clone(p1);
    wrongType.proof.verificationMethod = `${edIssuer.did}#${edIssuer.did.slice(8)}`;
    add('ecdsa-rdfc-verificationMethod-ed25519', 'ecdsa-rdfc-2019', wrongType, 'invalid');
    // An EdDSA proof naming a P-256 key.
    const e1 = await sign(badge({issuer: edIssuer.did, context: [VC2, OB303]}),
      {suiteName: 'eddsa-rdfc-2022', key: edIssuer});
    e1.proof.verificationMethod = `${ec.did}#${ec.did.slice(8)}`;
    add('rdfc-verificationMethod-p256', 'eddsa-rdfc-2022', e1, 'invalid');
  }
  // The Data Integrity context beside VC 2.0 (which already defines its terms): JSON-LD
  // 1.1 allows a protected term to be redefined identically, so this is valid.
  for(const suiteName of ['eddsa-rdfc-2022', 'eddsa-jcs-2022']) {
    const context = [VC2, OB303, DI2];
    const d = await sign(badge({issuer: issuer.did, context}), {suiteName, key: issuer});
    add(`${suiteName}-with-data-integrity-context`, suiteName, d, 'verified');
    const e = await sign(badge({issuer: issuer.did, context: [VC2, DI2, OB303]}),
      {suiteName, key: issuer});
    add(`${suiteName}-with-data-integrity-context-second`, suiteName, e, 'verified');
    // VC 1.1 needs the Data Integrity context for a DataIntegrityProof.
    const f = await sign(badge({issuer: issuer.did, context: [VC1, OB303, DI2], vc1: true}),
      {suiteName, key: issuer});
    add(`${suiteName}-vc1-with-data-integrity-context`, suiteName, f, 'verified');
  }

  // Honest shapes a certified issuer may send (held-out credentials will): credits as
  // floats and integers (xsd:float), a language-tagged value, results, an issuer given as a
  // string, several subjects, an image object, evidence, a credentialSchema.
  const ach = (extra) => ({
    id: 'urn:uuid:0d8f1a7c-5e3b-4f2a-8c6d-9b7e1a2c3d4f',
    type: ['Achievement'],
    name: 'Interop Test Achievement',
    description: 'Signed by Digital Bazaar libraries for wallet-verify.',
    criteria: {narrative: 'Pass the interop test.'},
    ...extra,
  });
  const SHAPES = [
    ['credits-float', (c) => { c.credentialSubject.achievement = ach({creditsAvailable: 3.5}); }],
    ['credits-integer', (c) => { c.credentialSubject.achievement = ach({creditsAvailable: 3}); }],
    ['credits-large', (c) => { c.credentialSubject.achievement = ach({creditsAvailable: 120.25}); }],
    ['result-credits-earned', (c) => {
      c.credentialSubject.creditsEarned = 4.0;
      c.credentialSubject.result = [{type: ['Result'], value: 'A', status: 'Completed'}];
    }],
    ['name-language-value', (c) => { c.name = {'@value': 'Insignia de prueba', '@language': 'es'}; }],
    ['issuer-string', (c) => { c.issuer = c.issuer.id; }],
    ['image-object', (c) => {
      c.credentialSubject.achievement = ach({image: {id: 'https://example.com/badge.png', type: 'Image', caption: 'Badge'}});
    }],
    ['evidence', (c) => {
      c.evidence = [{id: 'https://example.com/evidence/1', type: ['Evidence'], name: 'Portfolio', narrative: 'Built a thing.'}];
    }],
    ['credential-schema', (c) => {
      c.credentialSchema = [{id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019'}];
    }],
    ['valid-until-future', (c) => { c.validUntil = '2035-01-01T00:00:00Z'; }],
    ['subject-identifier', (c) => {
      delete c.credentialSubject.id;
      c.credentialSubject.identifier = [{type: 'IdentityObject', identityHash: 'learner@example.com', identityType: 'emailAddress', hashed: false}];
    }],
  ];
  for(const [shape, change] of SHAPES) {
    for(const suiteName of ['eddsa-rdfc-2022', 'eddsa-jcs-2022']) {
      const c = badge({issuer: issuer.did, context: [VC2, OB303]});
      change(c);
      let d;
      try {
        d = await sign(c, {suiteName, key: issuer});
      } catch(e) {
        notSigned.push({name: `${suiteName}-shape-${shape}`, error: e.message});
        continue;
      }
      add(`${suiteName}-shape-${shape}`, suiteName, d, 'verified');
    }
  }

  // Proof sets (two independent proofs on one credential).
  const base = badge({issuer: issuer.did, context: [VC2, OB303]});
  const rdfc = await sign(base, {suiteName: 'eddsa-rdfc-2022', key: issuer});
  const jcs = await sign(base, {suiteName: 'eddsa-jcs-2022', key: issuer});
  let d = clone(base);
  d.proof = [rdfc.proof, jcs.proof];
  add('proofset-rdfc-jcs-valid', 'proof set', d, 'verified');
  d = clone(d);
  d.proof[1].proofValue = flipSignatureByte(d.proof[1].proofValue);
  add('proofset-rdfc-valid-jcs-bad', 'proof set', d, 'verified');
  // A second, valid proof by a key that is not the issuer's, beside the issuer's own.
  const byOther = await sign(base, {suiteName: 'eddsa-jcs-2022', key: other});
  d = clone(base);
  d.proof = [rdfc.proof, byOther.proof];
  add('proofset-issuer-valid-other-valid', 'proof set', d, 'verified');
  // Only the other key's proof is valid; the issuer's was tampered with.
  d = clone(d);
  d.proof[0].proofValue = flipSignatureByte(d.proof[0].proofValue);
  add('proofset-issuer-bad-other-valid', 'proof set', d, 'invalid');

  return docs;
}

async function main() {
  const out = process.argv[2] ??
    fs.mkdtempSync(path.join(os.tmpdir(), 'wallet-interop-'));
  fs.mkdirSync(out, {recursive: true});
  const issuer = await keyFromSeed(TEST_ONLY_SEED_ISSUER);
  const other = await keyFromSeed(TEST_ONLY_SEED_OTHER);
  const docs = await makeDocuments(issuer, other);
  const verdicts = [];
  let n = 0;
  for(const {name, suiteName, doc, expect} of docs) {
    n += 1;
    const file = `${String(n).padStart(3, '0')}-${name}.json`;
    fs.writeFileSync(path.join(out, file), JSON.stringify(doc, null, 2) + '\n');
    const db = await dbVerdict(doc, {now: NOW});
    verdicts.push({file, name, suite: suiteName, expect, db});
  }
  // Offline check: the loader served contexts and did:key only.
  const foreign = requested.filter(u => !u.startsWith('did:key:') &&
    !u.startsWith('https://'));
  fs.writeFileSync(path.join(out, 'verdicts.json'), JSON.stringify({
    now: NOW,
    issuer: issuer.did,
    other: other.did,
    documents: verdicts,
    notSigned,
  }, null, 2) + '\n');
  for(const v of verdicts) {
    const s = v.db.verified ? 'verified' :
      `NOT verified (signature ${v.db.signatureVerified ? 'ok' : 'bad'}): ${v.db.error}`;
    console.log(`${v.file.padEnd(60)} ${s}`);
  }
  for(const x of notSigned) {
    console.log(`(not made: ${x.name}: DB refused to sign: ${x.error})`);
  }
  if(foreign.length) {
    console.log('unexpected loader URLs:', foreign);
  }
  console.log(`wrote ${verdicts.length} documents and verdicts.json to ${out}`);
}

// Run only as a script: mutate.mjs imports the signing above.
if(import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
