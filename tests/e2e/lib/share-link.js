// An independent writer of format-1 share links (share/README.md), for crafting links the wallet
// itself never writes: malformed or oversized pathway data, hostile text. It uses only the plain
// forms of the format (no DEFLATE, no dictionary, credentials as verbatim text), which every
// format-1 reader accepts.
import zlib from 'node:zlib';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:';

export function varint(n, out) {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

function bytes(buf, out) {
  varint(buf.length, out);
  for (const b of buf) out.push(b);
}

/** A JSON value in the token form of share/src/wire.rs (generic tokens only). */
function value(v, out) {
  if (v === null) out.push(0xe0);
  else if (v === false) out.push(0xe1);
  else if (v === true) out.push(0xe2);
  else if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 0) { out.push(0xe3); varint(v, out); }
    else if (Number.isInteger(v)) { out.push(0xe4); varint(-1 - v, out); }
    else { out.push(0xe5); bytes(Buffer.from(String(v)), out); }
  } else if (typeof v === 'string') { out.push(0xbf); bytes(Buffer.from(v, 'utf8'), out); }
  else if (Array.isArray(v)) { out.push(0xcf); varint(v.length, out); for (const x of v) value(x, out); }
  else {
    const members = Object.entries(v);
    out.push(0xdf);
    varint(members.length, out);
    for (const [k, x] of members) { value(k, out); value(x, out); }
  }
}

function base43(frame) {
  let s = '';
  for (let i = 0; i + 1 < frame.length; i += 2) {
    const v = (frame[i] << 8) | frame[i + 1];
    s += ALPHABET[Math.floor(v / 1849)] + ALPHABET[Math.floor(v / 43) % 43] + ALPHABET[v % 43];
  }
  if (frame.length % 2) {
    const b = frame[frame.length - 1];
    s += ALPHABET[Math.floor(b / 43)] + ALPHABET[b % 43];
  }
  return s;
}

/**
 * The payload (what follows `#/s/`) for `{ title, holder, credentials: [text…], pathways }`.
 * `pathways` is any JSON value (omitted when undefined).
 */
export function sharePayload({ title, holder, credentials = [], pathways } = {}) {
  const body = [];
  body.push((title !== undefined ? 1 : 0) | (holder !== undefined ? 2 : 0) | (pathways !== undefined ? 4 : 0));
  if (title !== undefined) value(title, body);
  if (holder !== undefined) value(holder, body);
  varint(credentials.length, body);
  for (const text of credentials) {
    body.push(1); // kind 1: the credential's text, verbatim
    bytes(Buffer.from(text, 'utf8'), body);
  }
  if (pathways !== undefined) value(pathways, body);
  return framePayload(Buffer.from(body), false);
}

/**
 * The format-1 payload around `data`: length, flags (1 = `data` is raw DEFLATE of the body, 0 =
 * the body itself), data, CRC-32 of format byte + flags + data; base-43. The checksum holds, so
 * a reader gets as far as the body: for crafting hostile bodies too.
 */
export function framePayload(data, deflated) {
  const flags = deflated ? 1 : 0;
  const total = data.length + 7;
  const crc = zlib.crc32(Buffer.concat([Buffer.from([0x01, flags]), data]));
  const frame = [(total >> 8) & 0xff, total & 0xff, flags, ...data, (crc >>> 24) & 0xff, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff];
  return `1${base43(frame)}`;
}
