// VC-JWT / VC-JOSE interop with the npm `jose` library (issue 12): fresh keys of every
// algorithm the wallet checks, tokens signed by jose (or, where jose refuses to sign, by
// Node's crypto), tampered in every way below, and jose's own verdict on each one.
//
//   node tests/interop/jose.mjs DIR   → DIR/cases.json
//
// Each case: {name, token, resolved: {url: document}, jose: {valid, error}, layer}.
// `layer` says what the mutation touches: "signature" (then a jose-invalid token must not
// pass our signature check) or "claims" (dates: jose refuses it, we must not say
// `verified`) or "binding" (jose checks the signature with the key the case names; whether
// the key is the issuer's is ours alone, stated in `linked`). verify/tests/jose_interop.rs
// compares. Fresh keys and (for ECDSA / PSS) fresh random signatures on every run: the
// harness is about the class of token, not about fixed bytes.
//
// Offline: nothing is fetched; JWK sets the wallet would fetch are passed in `resolved`.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import crypto from 'node:crypto';
import {
  SignJWT, jwtVerify, generateKeyPair, exportJWK, importJWK, EmbeddedJWK,
  base64url,
} from 'jose';

const NOW = new Date('2025-11-23T12:00:00Z');
const NBF = Math.floor(Date.parse('2024-01-01T00:00:00Z') / 1000);

const ALGS = [
  ['EdDSA', {crv: 'Ed25519'}],
  ['ES256', {}],
  ['ES384', {}],
  ['RS256', {modulusLength: 2048}],
  ['RS384', {modulusLength: 3072}],
  ['RS512', {modulusLength: 4096}],
  ['PS256', {modulusLength: 2048}],
  ['PS384', {modulusLength: 2048}],
  ['PS512', {modulusLength: 2048}],
];

const enc = s => base64url.encode(typeof s === 'string' ? s : JSON.stringify(s));
const didJwk = jwk => `did:jwk:${enc(jwk)}`;

function badge(issuer, extra = {}) {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:6f1e0e8a-2b0c-4d4e-9d51-4f7bd3a0c001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {id: issuer, type: ['Profile'], name: 'Interop Issuer (TEST ONLY)'},
    validFrom: '2024-01-01T00:00:00Z',
    name: 'JOSE interop badge',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:uuid:6f1e0e8a-2b0c-4d4e-9d51-4f7bd3a0c002',
        type: ['Achievement'],
        name: 'Signed by jose',
        criteria: {narrative: 'Made by tests/interop/jose.mjs.'},
      },
    },
    ...extra,
  };
}

/** A compact JWS over `header` and `payload` signed by Node's crypto (for what jose refuses). */
const nodeSign = (alg, header, payload, privateKey) =>
  nodeSignText(alg, `${enc({alg, ...header})}.${enc(payload)}`, privateKey);

const parts = t => t.split('.');
const withSig = (t, sig) => `${parts(t).slice(0, 2).join('.')}.${base64url.encode(sig)}`;
const sigOf = t => Buffer.from(base64url.decode(parts(t)[2]));
const withPayloadText = (t, text) => {
  const [h, , s] = parts(t);
  return `${h}.${enc(text)}.${s}`;
};
const payloadOf = t => JSON.parse(Buffer.from(base64url.decode(parts(t)[1])).toString());
const headerOf = t => JSON.parse(Buffer.from(base64url.decode(parts(t)[0])).toString());

const CURVE_ORDER = {
  ES256: BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'),
  ES384: BigInt('0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973'),
};
const toBytes = (n, len) => Buffer.from(n.toString(16).padStart(2 * len, '0'), 'hex');
const fromBytes = b => BigInt('0x' + (Buffer.from(b).toString('hex') || '0'));

/** jose's verdict: the token checked with `key` (a public JWK, or EmbeddedJWK). */
async function joseVerdict(token, key) {
  try {
    let k = key;
    if(key !== EmbeddedJWK) {
      let alg;
      try {
        alg = headerOf(token).alg;
      } catch{
        alg = undefined;
      }
      k = await importJWK(key, alg);
    }
    await jwtVerify(token, k, {currentDate: NOW});
    return {valid: true};
  } catch(e) {
    return {valid: false, error: e.code || e.name || String(e)};
  }
}

async function main() {
  const dir = process.argv[2];
  if(!dir) {
    console.error('usage: node tests/interop/jose.mjs DIR');
    process.exit(2);
  }
  mkdirSync(dir, {recursive: true});
  const cases = [];
  const add = async (c, key) => {
    cases.push({resolved: {}, layer: 'signature', ...c, jose: await joseVerdict(c.token, key)});
  };

  for(const [alg, opts] of ALGS) {
    const {publicKey, privateKey} = await generateKeyPair(alg, {...opts, extractable: true});
    const jwk = await exportJWK(publicKey);
    const did = didJwk(jwk);
    const kid = `${did}#0`;
    const sign = (payload, header = {}) =>
      new SignJWT(payload).setProtectedHeader({alg, ...header}).sign(privateKey);

    // VC-JOSE 2.0 (the payload is the credential), the key named by the issuer's did:jwk.
    const jose2 = await sign(badge(did), {typ: 'vc+jwt', kid});
    await add({name: `${alg} vc-jose kid did:jwk`, token: jose2, linked: true}, jwk);
    // VC-JWT 1.1 (a `vc` claim with iss / nbf / jti / sub), no kid: the issuer's did:jwk.
    const vc1 = await sign({
      iss: did, nbf: NBF, jti: 'urn:uuid:6f1e0e8a-2b0c-4d4e-9d51-4f7bd3a0c001',
      sub: 'did:example:learner',
      vc: {...badge(did), credentialSubject: {
        ...badge(did).credentialSubject, id: 'did:example:learner'}},
    }, {typ: 'JWT'});
    await add({name: `${alg} vc-jwt 1.1 no kid`, token: vc1, linked: true}, jwk);
    // Header jwk with an https issuer: the signature holds; the key is linked to nobody.
    const https = 'https://issuer.example/profile';
    const embedded = await sign(badge(https), {jwk});
    await add({name: `${alg} header jwk, https issuer`, token: embedded, linked: false},
      EmbeddedJWK);
    // kid: a JWK set on the issuer's origin, and the same set on another origin.
    const set = {keys: [{...jwk, kid: 'k1'}]};
    await add({
      name: `${alg} kid jwks same origin`, linked: true, layer: 'binding',
      token: await sign(badge(https), {kid: 'https://issuer.example/jwks.json#k1'}),
      resolved: {'https://issuer.example/jwks.json': set},
    }, jwk);
    await add({
      name: `${alg} kid jwks other origin`, linked: false, layer: 'binding',
      token: await sign(badge(https), {kid: 'https://keys.example/jwks.json#k1'}),
      resolved: {'https://keys.example/jwks.json': set},
    }, jwk);

    // Tampering.
    const tamper = async (what, token, key = jwk, extra = {}) =>
      add({name: `${alg} ${what}`, token, ...extra}, key);
    const p = payloadOf(jose2);
    await tamper('payload name changed', withPayloadText(jose2,
      JSON.stringify({...p, name: 'JOSE interop badgE'})));
    await tamper('payload re-serialized with spaces', withPayloadText(jose2,
      JSON.stringify(p, null, 1)));
    await tamper('header typ changed', `${enc({...headerOf(jose2), typ: 'JWT'})}.${parts(jose2).slice(1).join('.')}`);
    const sig = sigOf(jose2);
    const flip = i => {
      const s = Buffer.from(sig);
      s[i] ^= 1;
      return s;
    };
    await tamper('signature first bit flipped', withSig(jose2, flip(0)));
    await tamper('signature last bit flipped', withSig(jose2, flip(sig.length - 1)));
    await tamper('signature truncated', withSig(jose2, sig.subarray(0, sig.length - 1)));
    await tamper('signature extended', withSig(jose2, Buffer.concat([sig, Buffer.from([0])])));
    await tamper('signature zero-prefixed', withSig(jose2, Buffer.concat([Buffer.from([0]), sig])));
    await tamper('signature empty', `${parts(jose2).slice(0, 2).join('.')}.`);
    await tamper('signature base64 padded', `${jose2}${'='.repeat((4 - parts(jose2)[2].length % 4) % 4 || 0)}`);
    await tamper('signature in standard base64', `${parts(jose2).slice(0, 2).join('.')}.${sig.toString('base64').replace(/=+$/, '')}`);
    await tamper('four parts', `${jose2}.`);
    await tamper('kid: the same key under another did:jwk', await sign(badge(did), {kid: `${didJwk({...jwk, kid: 'x'})}#0`}), jwk, {layer: 'binding', linked: 'other'});
    // The classic confusion: HS256 keyed with the public key's bytes.
    const hmacKey = Buffer.from(JSON.stringify(jwk));
    const hs = `${enc({alg: 'HS256', kid})}.${parts(jose2)[1]}`;
    await tamper('HS256 with the public key as secret',
      `${hs}.${base64url.encode(crypto.createHmac('sha256', hmacKey).update(hs).digest())}`);
    await tamper('alg none', `${enc({alg: 'none', kid})}.${parts(jose2)[1]}.`);
    await tamper('crit unknown', nodeSignText(alg,
      `${enc({alg, kid, crit: ['urn:example:x'], 'urn:example:x': 1})}.${enc(badge(did))}`, privateKey));
    // Claims: dates jose checks (we show expired / not yet valid: never `verified`).
    await tamper('exp in the past', await sign({...badge(did), exp: NBF + 10}, {kid}), jwk, {layer: 'claims'});
    await tamper('nbf in the future', await sign({...badge(did), nbf: 4102444800}, {kid}), jwk, {layer: 'claims'});
    await tamper('exp fractional, valid', await sign({...badge(did), exp: 4102444800.5}, {kid}), jwk, {layer: 'claims', linked: true});
    // VC-JWT 1.1: `jti` / `sub` stand for the credential's id / its subject's id.
    await tamper('jti differs from the credential id', await sign({...badge(did), jti: 'urn:uuid:other'}, {kid}), jwk, {layer: 'claims'});
    // A payload with a member given twice (JSON.parse keeps the last one).
    const dupPayload = `{"name":"First","issuer":${JSON.stringify(badge(did).issuer)},${JSON.stringify(badge(did)).slice(1)}`;
    const hdr = enc({alg, kid});
    const dupInput = `${hdr}.${enc(dupPayload)}`;
    await tamper('payload with a duplicate member', nodeSignText(alg, dupInput, privateKey));
    // Header jwk with its private part.
    const priv = await exportJWK(privateKey);
    await tamper('header jwk with private part', await sign(badge(https), {jwk: priv}), EmbeddedJWK);

    if(alg.startsWith('ES')) {
      const len = sig.length / 2;
      const n = CURVE_ORDER[alg];
      const r = sig.subarray(0, len);
      const s = fromBytes(sig.subarray(len));
      await tamper('high-s twin', withSig(jose2, Buffer.concat([r, toBytes(n - s, len)])));
      await tamper('s = n', withSig(jose2, Buffer.concat([r, toBytes(n, len)])));
      await tamper('s = 0', withSig(jose2, Buffer.concat([r, Buffer.alloc(len)])));
      await tamper('r = 0', withSig(jose2, Buffer.concat([Buffer.alloc(len), sig.subarray(len)])));
      const der = crypto.sign(alg === 'ES256' ? 'sha256' : 'sha384',
        Buffer.from(parts(jose2).slice(0, 2).join('.')),
        {key: crypto.createPrivateKey({key: priv, format: 'jwk'}), dsaEncoding: 'der'});
      await tamper('DER signature', withSig(jose2, der));
    }
    if(alg.startsWith('RS') || alg.startsWith('PS')) {
      // A signature whose first byte is 0, sent without it (one byte short).
      const nodeKey = crypto.createPrivateKey({key: priv, format: 'jwk'});
      for(let i = 0; i < 4096; i++) {
        const t = nodeSign(alg, {kid}, {...badge(did), name: `JOSE interop badge ${i}`}, nodeKey);
        const s = sigOf(t);
        if(s[0] === 0) {
          await tamper('leading zero byte dropped', withSig(t, s.subarray(1)));
          await tamper('leading zero byte kept', t, jwk, {linked: true});
          break;
        }
      }
      // The other padding: PKCS#1 v1.5 for a PS token and PSS for an RS one.
      const other = alg.startsWith('RS') ? `PS${alg.slice(2)}` : `RS${alg.slice(2)}`;
      const swapped = nodeSign(other, {kid}, badge(did), nodeKey);
      const [, pl, sg] = parts(swapped);
      await tamper(`${other} signature under an ${alg} header`, `${enc({alg, kid})}.${pl}.${sg}`);
    }
  }

  // Keys jose refuses: a 1024-bit RSA key (signed by Node's crypto).
  {
    const {publicKey, privateKey} = crypto.generateKeyPairSync('rsa', {modulusLength: 1024});
    const jwk = publicKey.export({format: 'jwk'});
    const did = didJwk(jwk);
    const t = nodeSign('RS256', {kid: `${did}#0`}, badge(did), privateKey);
    await add({name: 'RS256 with a 1024-bit key', token: t}, jwk);
  }
  // An Ed25519 key that claims to be X25519 / an EC key on secp256k1.
  {
    const {publicKey, privateKey} = crypto.generateKeyPairSync('ec', {namedCurve: 'secp256k1'});
    const jwk = publicKey.export({format: 'jwk'});
    const did = didJwk(jwk);
    const input = `${enc({alg: 'ES256K', kid: `${did}#0`})}.${enc(badge(did))}`;
    const sig = crypto.sign('sha256', Buffer.from(input), {key: privateKey, dsaEncoding: 'ieee-p1363'});
    await add({name: 'ES256K (secp256k1)', token: `${input}.${base64url.encode(sig)}`}, jwk);
  }

  writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases, null, 1));
  const valid = cases.filter(c => c.jose.valid).length;
  console.log(`jose.mjs: ${cases.length} tokens, ${valid} valid for jose, in ${dir}/cases.json`);
}

/** Sign an exact signing input text (so the payload can be any bytes). */
function nodeSignText(alg, input, privateKey) {
  const nodeKey = privateKey instanceof crypto.KeyObject ? privateKey
    : crypto.KeyObject.from(privateKey);
  const hash = {256: 'sha256', 384: 'sha384', 512: 'sha512'}[alg.slice(2)];
  let sig;
  if(alg === 'EdDSA') {
    sig = crypto.sign(null, Buffer.from(input), nodeKey);
  } else if(alg.startsWith('ES')) {
    sig = crypto.sign(hash, Buffer.from(input), {key: nodeKey, dsaEncoding: 'ieee-p1363'});
  } else if(alg.startsWith('PS')) {
    sig = crypto.sign(hash, Buffer.from(input), {key: nodeKey,
      padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
      saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST});
  } else {
    sig = crypto.sign(hash, Buffer.from(input), nodeKey);
  }
  return `${input}.${base64url.encode(sig)}`;
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
