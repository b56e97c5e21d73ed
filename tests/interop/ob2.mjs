// Signed Open Badges 2.0 interop with the npm `jose` library (issue 12 point 3): fresh
// RSA (2048, 3072, 4096, and a refused 1024-bit) and P-256 keys, each published as a
// CryptographicKey with its SPKI `publicKeyPem`, assertions signed by jose's CompactSign,
// tampered in the ways below, and jose's verdict on each token with the key document's PEM
// (importSPKI + compactVerify, the check OB 2.0's "SignedBadge Verification" step 6 asks for).
//
//   node tests/interop/ob2.mjs DIR   → DIR/cases.json
//
// Each case: {name, token, resolved: {url: document}, jose: {valid, error}}. The documents
// are what the wallet would fetch (key, issuer profile listing the key, an empty revocation
// list), so a token jose accepts must be `verified` by the wallet and one it refuses
// `invalid` (verify/tests/ob2_signed.rs). Offline: nothing is fetched. Keys are TEST-ONLY and
// thrown away.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import crypto from 'node:crypto';
import {CompactSign, compactVerify, importSPKI, exportSPKI, base64url} from 'jose';

const ISSUER = 'https://issuer.example/ob2/issuer';
const LIST = 'https://issuer.example/ob2/revocations';
const CTX = 'https://w3id.org/openbadges/v2';
const enc = s => base64url.encode(typeof s === 'string' ? s : JSON.stringify(s));
const parts = t => t.split('.');

function assertion(n, creator) {
  return {
    '@context': CTX,
    type: 'Assertion',
    id: `urn:uuid:0b2a1111-0000-4000-8000-${String(n).padStart(12, '0')}`,
    recipient: {type: 'email', hashed: false, identity: 'learner@example.org'},
    badge: {
      type: 'BadgeClass',
      id: 'https://issuer.example/ob2/badges/interop',
      name: 'Signed by jose',
      description: 'Made by tests/interop/ob2.mjs.',
      image: 'https://issuer.example/ob2/badges/interop.png',
      criteria: {narrative: 'Be signed.'},
      issuer: {id: ISSUER, type: 'Profile', name: 'Interop Issuer (TEST ONLY)'},
    },
    issuedOn: '2024-03-01T09:00:00Z',
    verification: {type: 'SignedBadge', creator},
  };
}

async function joseVerdict(token, pem, alg) {
  try {
    const key = await importSPKI(pem, alg);
    await compactVerify(token, key);
    return {valid: true};
  } catch(e) {
    return {valid: false, error: e.code || e.name || String(e)};
  }
}

async function main() {
  const dir = process.argv[2];
  if(!dir) {
    console.error('usage: node tests/interop/ob2.mjs DIR');
    process.exit(2);
  }
  mkdirSync(dir, {recursive: true});
  const cases = [];
  const KEYS = [
    ['RS256', 'rsa', {modulusLength: 2048}],
    ['RS256', 'rsa', {modulusLength: 3072}],
    ['RS256', 'rsa', {modulusLength: 4096}],
    ['ES256', 'ec', {namedCurve: 'P-256'}],
  ];
  const other = crypto.generateKeyPairSync('rsa', {modulusLength: 2048});
  let n = 0;
  for(const [alg, type, opts] of KEYS) {
    const {publicKey, privateKey} = crypto.generateKeyPairSync(type, opts);
    const label = `${alg} ${opts.modulusLength || opts.namedCurve}`;
    const keyUrl = `https://issuer.example/ob2/keys/${++n}`;
    const pem = await exportSPKI(publicKey);
    const resolved = {
      [keyUrl]: {'@context': CTX, id: keyUrl, type: 'CryptographicKey', owner: ISSUER, publicKeyPem: pem},
      [ISSUER]: {'@context': CTX, id: ISSUER, type: 'Issuer', name: 'Interop Issuer (TEST ONLY)',
        url: 'https://issuer.example', email: 'x@issuer.example', publicKey: [keyUrl], revocationList: LIST},
      [LIST]: {'@context': CTX, id: LIST, type: 'RevocationList', revokedAssertions: []},
    };
    const sign = (payload, header = {}, key = privateKey) =>
      new CompactSign(new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload)))
        .setProtectedHeader({alg, ...header}).sign(key);
    const add = async (what, token) =>
      cases.push({name: `${label} ${what}`, token, resolved, jose: await joseVerdict(token, pem, alg)});

    const a = assertion(n, keyUrl);
    const valid = await sign(a);
    const [h, p, s] = parts(valid);
    await add('valid', valid);
    await add('valid, typ JWT in the header', await sign(a, {typ: 'JWT'}));
    await add('payload changed', `${h}.${enc({...a, issuedOn: '2024-03-02T09:00:00Z'})}.${s}`);
    await add('payload re-serialized with spaces', `${h}.${enc(JSON.stringify(a, null, 1))}.${s}`);
    await add('recipient changed', `${h}.${enc({...a, recipient: {...a.recipient, identity: 'mallory@example.org'}})}.${s}`);
    const sig = Buffer.from(base64url.decode(s));
    const flip = i => {
      const b = Buffer.from(sig);
      b[i] ^= 1;
      return base64url.encode(b);
    };
    await add('signature first bit flipped', `${h}.${p}.${flip(0)}`);
    await add('signature last bit flipped', `${h}.${p}.${flip(sig.length - 1)}`);
    await add('signature truncated', `${h}.${p}.${base64url.encode(sig.subarray(0, sig.length - 1))}`);
    await add('signature empty', `${h}.${p}.`);
    await add('alg none', `${enc({alg: 'none'})}.${p}.`);
    const hs = `${enc({alg: 'HS256'})}.${p}`;
    await add('HS256 keyed with the PEM', `${hs}.${base64url.encode(crypto.createHmac('sha256', pem).update(hs).digest())}`);
    // jose refuses to sign with an unknown crit: Node's crypto signs it.
    const critInput = `${enc({alg, crit: ['urn:example:x'], 'urn:example:x': 1})}.${p}`;
    await add('crit unknown', `${critInput}.${base64url.encode(type === 'ec'
      ? crypto.sign('sha256', Buffer.from(critInput), {key: privateKey, dsaEncoding: 'ieee-p1363'})
      : crypto.sign('sha256', Buffer.from(critInput), privateKey))}`);
    if(type === 'rsa') {
      await add('signed by another RSA key', await sign(a, {}, other.privateKey));
      await add('header says RS384', `${enc({alg: 'RS384'})}.${p}.${s}`);
    } else {
      await add('DER signature instead of r||s', `${h}.${p}.${base64url.encode(
        crypto.sign('sha256', Buffer.from(`${h}.${p}`), privateKey))}`);
    }
  }
  // A 1024-bit RSA key: jose refuses it (RS256 needs 2048 bits), and so does the wallet.
  {
    const {publicKey, privateKey} = crypto.generateKeyPairSync('rsa', {modulusLength: 1024});
    const keyUrl = 'https://issuer.example/ob2/keys/weak';
    const pem = await exportSPKI(publicKey);
    const a = assertion(99, keyUrl);
    const input = `${enc({alg: 'RS256'})}.${enc(a)}`;
    const token = `${input}.${base64url.encode(crypto.sign('sha256', Buffer.from(input), privateKey))}`;
    cases.push({
      name: 'RS256 1024-bit key', token, jose: await joseVerdict(token, pem, 'RS256'),
      resolved: {
        [keyUrl]: {'@context': CTX, id: keyUrl, type: 'CryptographicKey', owner: ISSUER, publicKeyPem: pem},
        [ISSUER]: {'@context': CTX, id: ISSUER, type: 'Issuer', publicKey: [keyUrl], revocationList: LIST},
        [LIST]: {'@context': CTX, id: LIST, type: 'RevocationList', revokedAssertions: []},
      },
    });
  }
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases, null, 1));
  console.log(`${cases.length} cases`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
