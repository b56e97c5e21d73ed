// Verifies every committed demo credential (public/demo/) with Digital
// Bazaar's verifier, OFFLINE, prints a table, and exits non-zero if a signed
// demo credential does not verify. A credential DB rejects only for its
// validity dates (the expired demo badge) passes when its signature does.
//
//   node tests/interop/verify-demo.mjs [DEMO_DIR]
//
// The VC-JWTs (.jwt: EdDSA, RS256, ES256) are checked with the npm `jose` library (the key
// from the `kid`: did:key via Digital Bazaar's multikey libraries, or did:jwk). Data
// Integrity credentials (eddsa, ecdsa-rdfc-2019, ecdsa-sd-2023) with DB's suites; a CLR's
// nested credentials each on their own as well. The OB 2.0 hosted assertion carries no
// signature and is skipped.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as jose from 'jose';
import {dbVerdict} from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? path.join(here, '..', '..', 'public', 'demo');
const now = new Date().toISOString();

const isDateError = e => /validUntil|validFrom|issuanceDate|has expired/.test(e ?? '');
/** DB's verdict passes: verified, or its signature valid and only its dates refused. */
const signatureOk = v => v.verified || (v.signatureVerified && isDateError(v.error));

function suiteOf(cred) {
  const proofs = [cred.proof ?? []].flat();
  return proofs.map(p => p.cryptosuite ?? p.type).join(' + ') || '-';
}

/**
 * A VC-JWT (VC 1.1 `vc` claim) or VC-JOSE token (VC 2.0: the payload is the credential),
 * checked with the npm `jose` library. The key comes from the `kid`: a did:key (Ed25519 or
 * P-256 multikey, read by Digital Bazaar's multikey libraries) or a did:jwk; its DID must be
 * the issuer's (and `iss`, when given).
 */
async function checkJwt(text) {
  const parts = text.trim().split('.');
  if(parts.length !== 3) {
    return {ok: false, alg: '?', detail: 'not a compact JWS'};
  }
  const header = jose.decodeProtectedHeader(text.trim());
  const payload = jose.decodeJwt(text.trim());
  const alg = header.alg;
  const kid = header.kid ?? '';
  const [did, fragment] = kid.split('#');
  let jwk;
  if(did.startsWith('did:jwk:')) {
    jwk = JSON.parse(Buffer.from(did.slice(8), 'base64url').toString('utf8'));
  } else if(did.startsWith('did:key:z6Mk') && (!fragment || fragment === did.slice(8))) {
    const key = await Ed25519Multikey.from({id: kid, controller: did, publicKeyMultibase: did.slice(8)});
    jwk = await Ed25519Multikey.toJwk({keyPair: key});
  } else if(did.startsWith('did:key:zDn') && (!fragment || fragment === did.slice(8))) {
    const key = await EcdsaMultikey.from({id: kid, controller: did, publicKeyMultibase: did.slice(8)});
    jwk = await EcdsaMultikey.toJwk({keyPair: key});
  } else {
    return {ok: false, alg, detail: `kid ${kid} is not a did:key or did:jwk this check reads`};
  }
  const cred = payload.vc ?? payload;
  const issuer = cred.issuer?.id ?? cred.issuer;
  if((payload.iss && payload.iss !== did) || issuer !== did) {
    return {ok: false, alg, detail: `iss ${payload.iss} / issuer ${issuer} is not the key's DID ${did}`};
  }
  try {
    await jose.compactVerify(text.trim(), await jose.importJWK(jwk, alg));
  } catch(e) {
    return {ok: false, alg, detail: `${alg} JWS signature does not verify (jose: ${e.code ?? e.message})`};
  }
  const expired = typeof payload.exp === 'number' && payload.exp * 1000 < Date.now();
  return {ok: true, alg, detail: `${alg} JWS signature valid (jose)${expired ? ' (expired)' : ''}`};
}

const rows = [];
let failures = 0;
const files = fs.readdirSync(dir)
  .filter(f => (f.endsWith('.json') || f.endsWith('.jwt')) && f !== 'index.json')
  .sort();
for(const file of files) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  if(file.endsWith('.jwt')) {
    const r = await checkJwt(text);
    rows.push([file, `VC-JWT ${r.alg}`, r.ok ? 'signature ok' : 'FAIL', r.detail]);
    if(!r.ok) {
      failures++;
    }
    continue;
  }
  const cred = JSON.parse(text);
  if(!cred.proof) {
    const kind = [cred.type].flat().includes('Assertion') ? 'OB 2.0 assertion' : 'no proof';
    rows.push([file, kind, 'skipped', 'not a Data Integrity credential']);
    continue;
  }
  const v = await dbVerdict(cred, {now});
  let result;
  let detail;
  if(v.verified) {
    result = 'verified';
    detail = '';
  } else if(signatureOk(v)) {
    result = 'signature ok';
    detail = `rejected for dates: ${v.error}`;
  } else {
    result = 'FAIL';
    detail = v.error ?? v.signatureError;
    failures++;
  }
  rows.push([file, suiteOf(cred), result, detail]);
  // A CLR: each nested credential is checked on its own too (its proof, by its issuer).
  const nested = [cred.credentialSubject?.verifiableCredential ?? []].flat();
  for(const [i, n] of nested.entries()) {
    const nv = await dbVerdict(n, {now});
    const ok = signatureOk(nv);
    if(!ok) {
      failures++;
    }
    rows.push([`  nested #${i + 1}`, suiteOf(n), ok ? 'verified' : 'FAIL',
      ok ? (n.name ?? '') : (nv.error ?? nv.signatureError)]);
  }
}

const widths = [0, 1, 2].map(i => Math.max(...rows.map(r => r[i].length), 12));
console.log(`Digital Bazaar's verifier on ${dir} (offline, now ${now})`);
for(const r of [['document', 'suite', 'DB verdict', ''], ...rows]) {
  console.log(`${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`);
}
const checked = rows.filter(r => r[2] !== 'skipped').length;
console.log(`${checked - failures} passed, ${failures} failed, ${rows.length - checked} skipped`);
process.exit(failures ? 1 : 0);
