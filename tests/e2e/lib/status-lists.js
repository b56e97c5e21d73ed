// Signed credentials with a `credentialStatus` and signed BitstringStatusList credentials,
// made at test time (eddsa-jcs-2022, vc-di-eddsa §3.2) with TEST-ONLY keys from fixed seeds,
// so a status URL can point wherever the test serves it (a Playwright `route` for a fixed
// https URL, or a loopback server whose port is only known at run time).
//
// TEST-ONLY: the seeds below are published here; nothing signed with them means anything.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import http from 'node:http';

import { base58, ed25519Key } from './sign.js';

/** A TEST-ONLY did:key from a one-byte seed (the seed repeated 32 times). */
export function testKey(seed) {
  const { privateKey, did, kid } = ed25519Key(Buffer.alloc(32, seed));
  return { privateKey, did, vm: kid };
}

/** RFC 8785 (JCS) for the plain JSON used here (strings, integers, booleans, null). */
export function jcs(v) {
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${jcs(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

const sha256 = (s) => crypto.createHash('sha256').update(s, 'utf8').digest();

/** Returns `doc` with an eddsa-jcs-2022 proof by `seed`'s key. */
export function sign(doc, seed) {
  const { privateKey, vm } = testKey(seed);
  const proof = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: '2025-01-01T00:00:00Z',
    verificationMethod: vm,
    proofPurpose: 'assertionMethod',
  };
  const unsigned = { ...doc };
  delete unsigned.proof;
  const hash = Buffer.concat([sha256(jcs(proof)), sha256(jcs(unsigned))]);
  const sig = crypto.sign(null, hash, privateKey);
  return { ...unsigned, proof: { ...proof, proofValue: 'z' + base58(sig) } };
}

/** `u` + base64url(GZIP(16 KiB bitstring)) with the given indexes set. */
export function encodedList(set = []) {
  const bits = Buffer.alloc(16 * 1024);
  for (const i of set) bits[i >> 3] |= 0x80 >> (i & 7);
  return 'u' + zlib.gzipSync(bits).toString('base64url');
}

/**
 * `u` + base64url(GZIP(16 KiB)) of `size`-bit entries with the given `[index, value]`s: entry
 * i takes bits i·size …, most significant bit first (Bitstring Status List §4.2).
 */
export function encodedValues(size, values = []) {
  const set = [];
  for (const [index, value] of values) {
    for (let b = 0; b < size; b++) if ((value >> (size - 1 - b)) & 1) set.push(index * size + b);
  }
  return encodedList(set);
}

const LIST_SEED = 21;
const ISSUER_SEED = 22;

/** A signed BitstringStatusListCredential published at `url`. */
export function statusList(url, { purpose = 'revocation', set = [], ttl, seed = LIST_SEED, encoded } = {}) {
  const subject = { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList: encoded ?? encodedList(set) };
  if (ttl !== undefined) subject.ttl = ttl;
  return sign(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: testKey(seed).did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: subject,
    },
    seed,
  );
}

/** A status entry pointing at entry `index` of the list at `url` (`size` bits, `messages`). */
export function statusEntry(url, index, purpose = 'revocation', { size, messages } = {}) {
  const e = {
    id: `${url}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: url,
  };
  if (size !== undefined) e.statusSize = size;
  if (messages !== undefined) e.statusMessage = messages;
  return e;
}

/** The did of the status test credentials' issuer (TEST-ONLY key). */
export const statusIssuer = () => testKey(ISSUER_SEED).did;

/** A 1EdTech revocation list (1EdTech Revocation List Status Method): unsigned JSON. */
export function edtechList(url, revoked = [], issuer = statusIssuer()) {
  return { id: url, issuer, revokedCredentials: revoked };
}

/** A `credentialStatus` entry of the 1EdTech method: the list's URL as `id`. */
export function edtechEntry(url) {
  return { id: url, type: '1EdTechRevocationList' };
}

let counter = 0;
/** A signed OB 3.0 credential (TEST-ONLY issuer key) with the given `credentialStatus`. */
export function statusCredential(name, credentialStatus) {
  counter += 1;
  const n = String(counter).padStart(12, '0');
  const issuer = testKey(ISSUER_SEED).did;
  const entries = Array.isArray(credentialStatus) ? credentialStatus : [credentialStatus];
  // The 1EdTech type is defined by the OB 3.0 extensions context.
  const extensions = entries.some((e) => e?.type === '1EdTechRevocationList') ? ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'] : [];
  return sign(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ...extensions],
      id: `urn:uuid:5a7a7e00-0000-4000-8000-${n}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: issuer, type: ['Profile'], name: 'Status Test Issuer (TEST-ONLY key)' },
      validFrom: '2024-01-01T00:00:00Z',
      name,
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: {
          id: `urn:uuid:5a7a7e00-0000-4000-8001-${n}`,
          type: ['Achievement'],
          name,
          description: `A credential for the status list tests: ${name}.`,
          criteria: { narrative: 'Made by tests/e2e/lib/status-lists.js.' },
        },
      },
      credentialStatus,
    },
    ISSUER_SEED,
  );
}

/**
 * Answers the wallet's requests for https://status.example.test/… from the test through
 * Playwright routing (the page never reaches the network). `hosts.set(path, behaviour)`:
 *   { json: value }   200 with the JSON and CORS;
 *   'silent'          never answers;
 *   'refuse'          connection refused;
 *   { bytes: n }      200 with n bytes (a Content-Length the wallet must refuse).
 * `hosts.hits(path)` counts requests.
 */
export const STATUS_ORIGIN = 'https://status.example.test';

export async function routeStatusHost(page) {
  const behaviours = new Map();
  const hits = new Map();
  const held = [];
  await page.route(`${STATUS_ORIGIN}/**`, async (route) => {
    const p = new URL(route.request().url()).pathname;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    const b = behaviours.get(p) ?? 'refuse';
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (b === 'silent') {
      held.push(route);
      return;
    }
    if (b === 'refuse') return route.abort('connectionrefused').catch(() => {});
    if (b.bytes !== undefined) {
      return route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: Buffer.alloc(b.bytes, 0x20) }).catch(() => {});
    }
    return route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: JSON.stringify(b.json) }).catch(() => {});
  });
  return {
    url: (p) => `${STATUS_ORIGIN}${p}`,
    set: (p, b) => behaviours.set(p, b),
    hits: (p) => hits.get(p) ?? 0,
    held,
  };
}

/**
 * A loopback host for what routing cannot do: `/endless` streams without a Content-Length
 * and never stops by itself (the wallet must stop reading past 10 MiB), `/silent` accepts
 * and never answers. Every response is closed when the server closes.
 */
export async function startHostileHost() {
  const open = new Set();
  const server = http.createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (req.url.startsWith('/endless')) {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      // Bounded: stops after 64 MiB even if the client keeps reading.
      const pump = () => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      res.socket.on('close', () => (sent = Infinity));
      pump();
      server.streamed = () => sent;
      return;
    }
    if (req.url.startsWith('/silent')) return; // never answers
    res.writeHead(404, cors);
    res.end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    async close() {
      for (const r of open) r.destroy();
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}
