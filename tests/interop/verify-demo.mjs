// Verifies every committed demo credential (public/demo/) with Digital
// Bazaar's verifier, OFFLINE, prints a table, and exits non-zero if a signed
// demo credential does not verify. A credential DB rejects only for its
// validity dates (the expired demo badge) passes when its signature does.
//
//   node tests/interop/verify-demo.mjs [DEMO_DIR]
//
// The VC-JWT (.jwt) is checked with a small EdDSA JWS check (the key from its
// did:key `kid`, Ed25519 via @digitalbazaar/ed25519-multikey). The OB 2.0
// hosted assertion carries no signature and is skipped.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {dbVerdict} from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? path.join(here, '..', '..', 'public', 'demo');
const now = new Date().toISOString();

const isDateError = e => /validUntil|validFrom|issuanceDate|has expired/.test(e ?? '');

function suiteOf(cred) {
  const proofs = [cred.proof ?? []].flat();
  return proofs.map(p => p.cryptosuite ?? p.type).join(' + ') || '-';
}

async function checkJwt(text) {
  const parts = text.trim().split('.');
  if(parts.length !== 3) {
    return {ok: false, detail: 'not a compact JWS'};
  }
  const [h, p, s] = parts;
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  if(header.alg !== 'EdDSA') {
    return {ok: false, detail: `alg ${header.alg} is not EdDSA`};
  }
  const kid = header.kid ?? '';
  const [did, fragment] = kid.split('#');
  if(!did.startsWith('did:key:z6Mk') || (fragment && fragment !== did.slice(8))) {
    return {ok: false, detail: `kid ${kid} is not an Ed25519 did:key`};
  }
  const issuer = payload.vc?.issuer?.id ?? payload.vc?.issuer;
  if(payload.iss !== did || (issuer && issuer !== did)) {
    return {ok: false, detail: `iss ${payload.iss} / issuer ${issuer} is not the key's DID ${did}`};
  }
  const key = await Ed25519Multikey.from({
    id: kid, controller: did, publicKeyMultibase: did.slice(8)});
  const ok = await key.verifier().verify({
    data: new TextEncoder().encode(`${h}.${p}`),
    signature: new Uint8Array(Buffer.from(s, 'base64url')),
  });
  const expired = typeof payload.exp === 'number' && payload.exp * 1000 < Date.now();
  return {ok, detail: ok ? `EdDSA JWS signature valid${expired ? ' (expired)' : ''}` :
    'EdDSA JWS signature does not match'};
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
    rows.push([file, 'VC-JWT EdDSA', r.ok ? 'signature ok' : 'FAIL', r.detail]);
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
  } else if(v.signatureVerified && isDateError(v.error)) {
    result = 'signature ok';
    detail = `rejected for dates: ${v.error}`;
  } else {
    result = 'FAIL';
    detail = v.error ?? v.signatureError;
    failures++;
  }
  rows.push([file, suiteOf(cred), result, detail]);
}

const widths = [0, 1, 2].map(i => Math.max(...rows.map(r => r[i].length), 12));
console.log(`Digital Bazaar's verifier on ${dir} (offline, now ${now})`);
for(const r of [['document', 'suite', 'DB verdict', ''], ...rows]) {
  console.log(`${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`);
}
const checked = rows.filter(r => r[2] !== 'skipped').length;
console.log(`${checked - failures} passed, ${failures} failed, ${rows.length - checked} skipped`);
process.exit(failures ? 1 : 0);
