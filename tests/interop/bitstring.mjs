// Bitstring Status List lists made and read by Digital Bazaar's @digitalbazaar/bitstring (the
// library under @digitalbazaar/vc-bitstring-status-list), for verify/tests/status.rs.
//
// For several statusSizes, a 131,072-bit list gets pseudo-random bits set through DB's
// `Bitstring.set` and is encoded by DB's `encodeBits` (GZIP, base64url; `u` multibase prefix as
// vc-bitstring-status-list adds it). For chosen indexes, the expected value is read back
// through DB's `Bitstring.get`: the statusSize bits at index·size …, the first (left-most) bit
// the most significant (Bitstring Status List v1.0 §3.2 / §4.2; DB's library reads one bit at
// a time, so composing the bits is the spec's rule, and the bit positions, their order in
// the bytes and the encoding are DB's). Indexes past the end are listed as outside.
//
// Usage: node tests/interop/bitstring.mjs DIR   → DIR/bitstring.json (deterministic).
import fs from 'node:fs';
import path from 'node:path';
import { Bitstring } from '@digitalbazaar/bitstring';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bitstring.mjs DIR');
fs.mkdirSync(dir, { recursive: true });

// A small seeded generator (mulberry32), so the output is the same on every run.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LENGTH = 131072; // the spec's minimum: 16 KiB
const lists = [];
for (const size of [1, 2, 3, 4, 5, 8]) {
  const next = rng(1000 + size);
  const bs = new Bitstring({ length: LENGTH });
  // Dense near the start and the end, sparse elsewhere.
  for (let p = 0; p < 512; p++) if (next() < 0.5) bs.set(p, true);
  for (let p = LENGTH - 512; p < LENGTH; p++) if (next() < 0.5) bs.set(p, true);
  for (let k = 0; k < 3000; k++) bs.set(Math.floor(next() * LENGTH), true);
  const entries = Math.floor(LENGTH / size);
  const indexes = new Set([0, 1, 2, 3, entries - 2, entries - 1]);
  while (indexes.size < 40) indexes.add(Math.floor(next() * entries));
  const cases = [];
  for (const index of [...indexes].sort((a, b) => a - b)) {
    let value = 0;
    for (let b = 0; b < size; b++) value = value * 2 + (bs.get(index * size + b) ? 1 : 0);
    cases.push({ index, value });
  }
  // Past the end: the first index whose last bit DB's get refuses.
  let refused = false;
  try {
    bs.get(entries * size + size - 1);
  } catch {
    refused = true;
  }
  if (!refused) throw new Error(`DB read past the end (size ${size})`);
  cases.push({ index: entries, outside: true });
  lists.push({ size, encodedList: 'u' + (await bs.encodeBits()), cases });
}
fs.writeFileSync(path.join(dir, 'bitstring.json'), JSON.stringify(lists, null, 1));
console.log(`${lists.length} lists, ${lists.reduce((n, l) => n + l.cases.length, 0)} cases → ${dir}/bitstring.json`);
