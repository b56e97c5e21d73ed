// Signs VC-JWT (compact JWS, EdDSA) Open Badges 3.0 credentials in the test process with
// node:crypto, for the trust specs: with a demo issuer's published seed
// (tools/demo-issuer/demo-keys.json), or with a key made fresh in memory and never written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './harness.js';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58(bytes) {
  let n = BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'));
  let s = '';
  while (n > 0n) {
    s = B58[Number(n % 58n)] + s;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    s = '1' + s;
  }
  return s;
}

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/** An Ed25519 key from a 32-byte seed, or a fresh random one: { privateKey, did, kid }. */
export function ed25519Key(seed = crypto.randomBytes(32)) {
  const privateKey = crypto.createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seed)]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const mb = 'z' + base58(Buffer.concat([Buffer.from([0xed, 0x01]), spki.subarray(spki.length - 32)]));
  return { privateKey, did: `did:key:${mb}`, kid: `did:key:${mb}#${mb}` };
}

/** The key of a demo issuer (`northfield`, `harbor`, `codebridge`): its seed is public. */
export function demoKey(name = 'northfield') {
  const keys = JSON.parse(fs.readFileSync(path.join(REPO, 'tools/demo-issuer/demo-keys.json'), 'utf8'));
  const k = keys.issuers.find((i) => i.key === name);
  return ed25519Key(Buffer.from(k.seed_hex, 'hex'));
}

/** A VC-JWT OB 3.0 credential signed with `key`; `issuer` and `extra` go into the credential. */
export function signJwt(key, { id = `urn:uuid:${crypto.randomUUID()}`, name = 'Signed in the test', issuer = {}, validUntil } = {}) {
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: key.did, type: ['Profile'], name: 'Test issuer', ...issuer },
    validFrom: '2024-01-01T00:00:00Z',
    ...(validUntil ? { validUntil } : {}),
    name,
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: `${id}:achievement`,
        type: ['Achievement'],
        name,
        description: 'A credential signed by the e2e test.',
        criteria: { narrative: 'Signed by the test.' },
      },
    },
  };
  const header = { alg: 'EdDSA', typ: 'JWT', kid: key.kid };
  const payload = { iss: key.did, nbf: 1_704_067_200, jti: id, vc };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const sig = crypto.sign(null, Buffer.from(input), key.privateKey);
  return { id, text: `${input}.${b64url(sig)}` };
}
