// ecdsa-sd-2023 (selective disclosure) cases for sign.mjs: Digital Bazaar's
// `@digitalbazaar/ecdsa-sd-2023-cryptosuite` signs a base proof (issuer) and
// derives disclosures (holder); each derived credential is then tampered with in
// the ways a holder or a forger could, including inside the CBOR proof value.
//
// Every document is judged by DB (lib.mjs `dbVerdict`, whose suites include the
// ecdsa-sd-2023 verifier) and by wallet-verify (verify/tests/interop.rs).
import * as cborg from 'cborg';
import {
  createDiscloseCryptosuite, createSignCryptosuite,
} from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {vc, jsigs, documentLoader} from './lib.mjs';

const VC1 = 'https://www.w3.org/2018/credentials/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const DI2 = 'https://w3id.org/security/data-integrity/v2';
const CREATED = '2024-01-15T10:00:00Z';

/** The issuer's mandatory statements: who issued it, when, and what for. */
export const MANDATORY = ['/issuer', '/validFrom', '/credentialSubject/achievement/name'];
const MANDATORY_VC1 = ['/issuer', '/issuanceDate', '/credentialSubject/achievement/name'];

/** A badge with several optional parts (description, criteria, results, a name). */
export function sdBadge({issuer, vc1 = false, extra = {}}) {
  const cred = {
    '@context': vc1 ? [VC1, OB303, DI2] : [VC2, OB303],
    id: 'urn:uuid:1b0b7c9e-3a44-4f2e-8d0b-sd2023000001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {id: issuer, type: ['Profile'], name: 'Interop SD Issuer (test only)'},
    name: 'Interop SD Badge',
    credentialSubject: {
      id: 'did:example:learner-5678',
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:uuid:2c1d8e0f-4b55-4a3f-9e1c-sd2023000002',
        type: ['Achievement'],
        name: 'Selective Disclosure Achievement',
        description: 'Only what the holder chooses is shown.',
        criteria: {narrative: 'Complete the selective disclosure exercise.'},
      },
      result: [
        {type: ['Result'], value: 'A'},
        {type: ['Result'], value: '92'},
      ],
    },
  };
  if(vc1) {
    cred.issuanceDate = CREATED;
  } else {
    cred.validFrom = CREATED;
  }
  return {...cred, ...extra};
}

export async function signBase(cred, key, {mandatoryPointers = MANDATORY} = {}) {
  const suite = new DataIntegrityProof({
    signer: key.multikey.signer(),
    cryptosuite: createSignCryptosuite({mandatoryPointers}), date: CREATED});
  return jsigs.sign(structuredClone(cred), {
    suite, purpose: new vc.CredentialIssuancePurpose(), documentLoader});
}

export async function derive(signed, selectivePointers) {
  const suite = new DataIntegrityProof({
    cryptosuite: createDiscloseCryptosuite({selectivePointers})});
  return jsigs.derive(structuredClone(signed), {
    suite, purpose: new vc.CredentialIssuancePurpose(), documentLoader});
}

// The derived proof value: [baseSignature, publicKey, signatures, labelMap, mandatoryIndexes].
const HEAD = Buffer.from([0xd9, 0x5d, 0x01]);
function decodePv(pv) {
  const bytes = Buffer.from(pv.slice(1), 'base64url');
  return cborg.decode(bytes.subarray(3), {useMaps: true});
}
function encodePv(fields, {head = HEAD} = {}) {
  return 'u' + Buffer.concat([head, Buffer.from(cborg.encode(fields, {useMaps: true}))])
    .toString('base64url');
}
/** A copy of `doc` whose proof value fields went through `change`. */
function withFields(doc, change) {
  const d = structuredClone(doc);
  const f = decodePv(d.proof.proofValue);
  change(f);
  d.proof.proofValue = encodePv(f);
  return d;
}
const flip = (bytes, i = 5) => {
  const b = Uint8Array.from(bytes);
  b[i] ^= 1;
  return b;
};

/**
 * Adds every ecdsa-sd-2023 case through `add(name, suite, doc, expect)`.
 * `issuer` and `other` are P-256 did:key keys (lib: ecdsaKey('P-256')); `p384` a P-384 one.
 */
export async function addSdDocuments(add, {issuer, other, p384}) {
  const S = 'ecdsa-sd-2023';
  const clone = x => structuredClone(x);
  const base = await signBase(sdBadge({issuer: issuer.did}), issuer);
  // The base proof itself, shown as if it were a credential: DB's verifier refuses it, we
  // say it is meant for the holder only (not checked).
  add('sd-base-proof', S, base, 'unverified');

  // Honest disclosures.
  const some = await derive(base, ['/credentialSubject/achievement/description', '/name']);
  add('sd-valid-some', S, some, 'verified');
  add('sd-valid-mandatory-only', S, await derive(base, []), 'verified');
  const all = await derive(base, ['/name', '/credentialSubject']);
  add('sd-valid-everything', S, all, 'verified');
  const results = await derive(base, ['/credentialSubject/result/1']);
  add('sd-valid-one-array-item', S, results, 'verified');
  add('sd-valid-id-and-type', S,
    await derive(base, ['/id', '/type', '/credentialSubject/id']), 'verified');
  add('sd-valid-keys-reordered', S, Object.fromEntries(Object.entries(clone(some)).reverse()),
    'verified');
  // Nothing mandatory: everything optional.
  {
    const b = await signBase(sdBadge({issuer: issuer.did}), issuer, {mandatoryPointers: []});
    add('sd-valid-no-mandatory', S, await derive(b,
      ['/issuer', '/validFrom', '/name', '/credentialSubject/achievement/name']), 'verified');
  }
  // VC 1.1 (the Displayer checklist asks for both data models).
  {
    const b = await signBase(sdBadge({issuer: issuer.did, vc1: true}), issuer,
      {mandatoryPointers: MANDATORY_VC1});
    add('sd-vc1-valid', S, await derive(b, ['/name']), 'verified');
  }
  // Expired (signed with a validUntil in the past; the date is mandatory).
  {
    const b = await signBase(sdBadge({issuer: issuer.did, extra: {validUntil: '2025-01-15T10:00:00Z'}}),
      issuer, {mandatoryPointers: [...MANDATORY, '/validUntil']});
    add('sd-expired', S, await derive(b, ['/name']), 'expired');
  }
  // A description that mentions a blank-node label: DB relabels it inside the text.
  {
    const b = await signBase(sdBadge({issuer: issuer.did, extra: {description: 'see _:c14n0 here'}}),
      issuer);
    add('sd-literal-with-blank-label', S, await derive(b, ['/description']), '?');
  }

  // Tampering with what is shown.
  let d = clone(some);
  d.name = 'Interop SD Badge (edited)';
  add('sd-changed-disclosed-name', S, d, 'invalid');
  d = clone(some);
  d.credentialSubject.achievement.name = 'Another achievement';
  add('sd-changed-mandatory-name', S, d, 'invalid');
  d = clone(some);
  d.issuer.name = 'Someone Else';
  add('sd-changed-issuer-name', S, d, 'invalid');
  d = clone(some);
  d.issuer.id = other.did;
  add('sd-changed-issuer-id', S, d, 'invalid');
  d = clone(some);
  d.validFrom = '2024-01-16T10:00:00Z';
  add('sd-changed-validFrom', S, d, 'invalid');
  d = clone(some);
  delete d.credentialSubject.achievement.description;
  add('sd-removed-disclosed-statement', S, d, 'invalid');
  d = clone(some);
  delete d.credentialSubject.achievement.name;
  add('sd-removed-mandatory-statement', S, d, 'invalid');
  d = clone(some);
  d.description = 'Added after deriving.';
  add('sd-added-defined-property', S, d, 'invalid');
  d = clone(some);
  d.favouriteColour = 'green';
  add('sd-added-undefined-property', S, d, 'invalid');
  d = clone(some);
  d.credentialSubject.result = [{type: ['Result'], value: 'A+'}];
  add('sd-added-undisclosed-result', S, d, 'invalid');
  d = clone(all);
  d.credentialSubject.result = [d.credentialSubject.result[1], d.credentialSubject.result[0]];
  add('sd-results-reordered', S, d, '?');
  d = clone(all);
  d.credentialSubject.result[0].value = '92';
  add('sd-result-value-swapped', S, d, 'invalid');
  // Two disclosures of one base proof merged: each statement signed, but the set is not
  // one the holder derived.
  d = clone(some);
  d.credentialSubject.result = clone(results.credentialSubject.result);
  add('sd-two-disclosures-merged', S, d, 'invalid');

  // Tampering with the proof.
  d = clone(some);
  d.proof.created = '2024-01-15T10:00:01Z';
  add('sd-proof-created-changed', S, d, 'invalid');
  d = clone(some);
  d.proof.verificationMethod = `${other.did}#${other.did.slice(8)}`;
  add('sd-verificationMethod-other-key', S, d, 'invalid');
  d = clone(some);
  d.proof.proofPurpose = 'authentication';
  add('sd-proofPurpose-changed', S, d, 'invalid');
  d = clone(some);
  d.proof.cryptosuite = 'ecdsa-rdfc-2019';
  add('sd-cryptosuite-rdfc', S, d, 'invalid');
  d = clone(some);
  d.proof.proofValue = d.proof.proofValue.slice(0, 60);
  add('sd-proofValue-truncated', S, d, 'invalid');
  add('sd-base-signature-flipped', S, withFields(some, f => { f[0] = flip(f[0]); }), 'invalid');
  add('sd-ephemeral-key-flipped', S, withFields(some, f => { f[1] = flip(f[1], 20); }), 'invalid');
  add('sd-statement-signature-flipped', S,
    withFields(some, f => { f[2][0] = flip(f[2][0]); }), 'invalid');
  add('sd-statement-signatures-reversed', S,
    withFields(some, f => { f[2].reverse(); }), 'invalid');
  add('sd-statement-signature-dropped', S,
    withFields(some, f => { f[2].pop(); }), 'invalid');
  add('sd-statement-signature-duplicated', S,
    withFields(some, f => { f[2].push(f[2][0]); }), 'invalid');
  // `all` has blank nodes (criteria, results); `some` has none.
  add('sd-label-map-value-flipped', S, withFields(all, f => {
    const [k, v] = [...f[3].entries()][0];
    f[3].set(k, flip(v, 3));
  }), 'invalid');
  add('sd-label-map-swapped', S, withFields(all, f => {
    const e = [...f[3].entries()];
    f[3].set(e[0][0], e[1][1]);
    f[3].set(e[1][0], e[0][1]);
  }), 'invalid');
  add('sd-label-map-entry-dropped', S, withFields(all, f => {
    f[3].delete([...f[3].keys()][0]);
  }), 'invalid');
  add('sd-mandatory-index-dropped', S, withFields(some, f => { f[4].pop(); }), 'invalid');
  add('sd-mandatory-index-shifted', S, withFields(some, f => { f[4] = f[4].map(i => i + 1); }),
    'invalid');
  add('sd-mandatory-index-repeated', S, withFields(some, f => { f[4].push(f[4][0]); }),
    'verified');
  add('sd-mandatory-index-out-of-range', S, withFields(some, f => { f[4].push(1000); }),
    'verified');
  add('sd-proofValue-as-base', S, (() => {
    const x = clone(some);
    x.proof.proofValue = encodePv(decodePv(x.proof.proofValue), {head: Buffer.from([0xd9, 0x5d, 0x00])});
    return x;
  })(), 'invalid');
  add('sd-proofValue-extra-field', S, withFields(some, f => { f.push(new Uint8Array(1)); }),
    '?');
  add('sd-proofValue-base58', S, (() => {
    const x = clone(some);
    x.proof.proofValue = 'z' + x.proof.proofValue.slice(1);
    return x;
  })(), 'invalid');

  // Keys.
  {
    const b = await signBase(sdBadge({issuer: other.did}), other);
    const x = await derive(b, ['/name']);
    x.issuer.id = issuer.did;
    add('sd-signed-by-non-issuer-key', S, x, 'invalid');
    const y = await derive(b, ['/name']);
    add('sd-valid-other-issuer', S, y, 'verified');
  }
  // A P-384 issuer key: ecdsa-sd-2023 is P-256 only.
  {
    const x = clone(some);
    x.issuer.id = p384.did;
    x.proof.verificationMethod = `${p384.did}#${p384.did.slice(8)}`;
    add('sd-verificationMethod-p384', S, x, 'invalid');
  }
}
