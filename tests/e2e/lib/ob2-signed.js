// Signed Open Badges 2.0 assertions (compact JWS, RS256) made at test time with a TEST-ONLY
// RSA key generated per run, and the documents the wallet fetches to check one: the
// CryptographicKey (`publicKeyPem`, `owner`), the issuer Profile (`publicKey`,
// `revocationList`) and the RevocationList. They are served from https://status.example.test
// by Playwright routing (lib/status-lists.js `routeStatusHost`); the page never reaches the
// network. `bakePng` puts a token in a PNG's `iTXt` `openbadges` chunk (Baking 2.0).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { FIXTURES } from './harness.js';
import { STATUS_ORIGIN } from './status-lists.js';

const CTX = 'https://w3id.org/openbadges/v2';
export const ISSUER = `${STATUS_ORIGIN}/ob2/issuer`;
export const KEY = `${STATUS_ORIGIN}/ob2/keys/1`;
export const LIST = `${STATUS_ORIGIN}/ob2/revocations`;

const b64u = (x) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');

/**
 * A fresh TEST-ONLY key published at `keyPath` as the issuer's, `sign(assertion)` → compact
 * JWS (RS256), and `docs(revoked)`: the key document, the issuer profile (which lists only
 * /ob2/keys/1) and the revocation list.
 */
export function ob2Issuer(keyPath = '/ob2/keys/1') {
  const keyUrl = `${STATUS_ORIGIN}${keyPath}`;
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sign = (payload) => {
    const input = `${b64u({ alg: 'RS256' })}.${b64u(payload)}`;
    return `${input}.${crypto.sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
  };
  const docs = (revoked = []) => ({
    [keyPath]: {
      json: { '@context': CTX, id: keyUrl, type: 'CryptographicKey', owner: ISSUER, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) },
    },
    '/ob2/issuer': {
      json: { '@context': CTX, id: ISSUER, type: 'Issuer', name: 'Harbour Bindery School (TEST ONLY)', url: STATUS_ORIGIN, email: 'badges@status.example.test', publicKey: [KEY], revocationList: LIST },
    },
    '/ob2/revocations': { json: { '@context': CTX, id: LIST, type: 'RevocationList', revokedAssertions: revoked } },
  });
  return { sign, docs, keyUrl };
}

let counter = 0;
/** A signed-verification Assertion with an embedded BadgeClass named `name`. */
export function ob2Assertion(name, creator = KEY) {
  counter += 1;
  return {
    '@context': CTX,
    type: 'Assertion',
    id: `urn:uuid:0b2e2e00-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    recipient: { type: 'email', hashed: false, identity: 'learner@example.org' },
    badge: {
      type: 'BadgeClass',
      id: `${STATUS_ORIGIN}/ob2/badges/${counter}`,
      name,
      description: `A signed Open Badges 2.0 badge for the end-to-end tests: ${name}.`,
      criteria: { narrative: 'Made by tests/e2e/lib/ob2-signed.js.' },
      issuer: { id: ISSUER, type: 'Profile', name: 'Harbour Bindery School (TEST ONLY)', url: STATUS_ORIGIN },
    },
    issuedOn: '2024-03-01T09:00:00Z',
    verification: { type: 'SignedBadge', creator },
  };
}

/** Serve `docs` (path → behaviour) on the routed host. */
export function serve(host, docs) {
  for (const [p, b] of Object.entries(docs)) host.set(p, b);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** `tests/fixtures/no-badge.png` with `text` in an uncompressed iTXt `openbadges` chunk. */
export function bakePng(text) {
  const png = fs.readFileSync(path.join(FIXTURES, 'no-badge.png'));
  // keyword \0, compression flag 0, method 0, language \0, translated keyword \0, text
  const data = Buffer.concat([Buffer.from('openbadges\0\0\0\0\0', 'latin1'), Buffer.from(text, 'utf8')]);
  const type = Buffer.from('iTXt', 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const ihdrEnd = 8 + 8 + 13 + 4; // signature, IHDR header, IHDR data, CRC
  return Buffer.concat([png.subarray(0, ihdrEnd), len, type, data, crc, png.subarray(ihdrEnd)]);
}
