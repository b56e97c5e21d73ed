#!/usr/bin/env node
// Size report (prints figures; asserts nothing), for issue 13's audit:
//  1. what ships: each wasm / js / css file of dist/ raw, gzip -9 and brotli (quality 11);
//  2. where the wasm's code comes from: twiggy's shallow sizes of the release wasm as cargo
//     wrote it (before wasm-bindgen and wasm-opt, so function names are still there), summed
//     by crate. The shipped wasm is smaller (wasm-opt -Oz, no names), so read this part as
//     proportions, not bytes.
//
//   node scripts/size-report.mjs [dist=dist] [cargo wasm=target/wasm32-unknown-unknown/release/learner-wallet.wasm]
//   (the other entries' wasm: …/release/viewer.wasm, …/release/verify-worker.wasm)
//
// Needs `twiggy` (cargo install twiggy --locked) for part 2; without it part 2 is skipped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const target = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target');
const cargoWasm = path.resolve(process.argv[3] ?? path.join(target, 'wasm32-unknown-unknown/release/learner-wallet.wasm'));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);

console.log(`== shipped (${dist})`);
let total = { raw: 0, gz: 0, br: 0 };
for (const f of fs.readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).sort()) {
  const raw = fs.readFileSync(path.join(dist, f));
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total = { raw: total.raw + raw.length, gz: total.gz + gz, br: total.br + br };
  console.log(`${f.padEnd(44)} raw ${kb(raw.length)}  gzip ${kb(gz)}  brotli ${kb(br)}`);
}
console.log(`${'all files'.padEnd(44)} raw ${kb(total.raw)}  gzip ${kb(total.gz)}  brotli ${kb(total.br)}`);

// What each entry loads (ARCHITECTURE.md, "Three entries, one page"): a share link loads the
// viewer; the wallet loads its own app, then starts the verification worker.
const sizes = new Map();
for (const f of fs.readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f))) {
  const raw = fs.readFileSync(path.join(dist, f));
  sizes.set(f, {
    raw: raw.length,
    gz: zlib.gzipSync(raw, { level: 9 }).length,
    br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const sum = (re) =>
  [...sizes].filter(([f]) => re.test(f)).reduce((t, [, s]) => ({ raw: t.raw + s.raw, gz: t.gz + s.gz, br: t.br + s.br }), { raw: 0, gz: 0, br: 0 });
console.log('\n== by entry (wasm + js + css)');
for (const [what, re] of [
  ["the employer's viewer (a share link)", /^(viewer-|main-).*\.(wasm|js|css)$/],
  ['the wallet, without its worker', /^(learner-wallet-|main-).*\.(wasm|js|css)$/],
  ['the verification worker', /^verify-worker-/],
  ['the whole wallet (app + worker)', /^(learner-wallet-|main-|verify-worker-).*\.(wasm|js|css)$/],
]) {
  const t = sum(re);
  console.log(`${what.padEnd(44)} raw ${kb(t.raw)}  gzip ${kb(t.gz)}  brotli ${kb(t.br)}`);
}

let csv;
try {
  csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', cargoWasm], { encoding: 'utf8', maxBuffer: 1 << 30 });
} catch (e) {
  console.log(`\n== by crate: SKIPPED (${e.code === 'ENOENT' ? 'twiggy not installed' : `cannot read ${cargoWasm}`})`);
  process.exit(0);
}

/** The crate an item belongs to: the first path segment of its demangled name. */
function crateOf(name) {
  // Legacy-mangled names carry a disambiguator: core[c5930c85a12de822]::fmt → core::fmt.
  const n = name.replace(/^"|"$/g, '').replace(/\[[0-9a-f]{16}\]/g, '');
  if (/function names|^custom section|subsection/.test(n)) return '(names and custom sections)';
  if (n.startsWith('data segment')) return '(data: constant tables, strings)';
  // <a::B as c::D>::f → the implementing type's crate; <T as c::D>::f (generic) → the trait's.
  const impl = n.match(/^<+&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)(::| as ([A-Za-z_][A-Za-z0-9_]*)::)/);
  if (impl) return impl[2] === '::' ? impl[1] : impl[3];
  const plain = n.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  return plain ? plain[1] : '(other: imports, tables, unnamed)';
}

const byCrate = new Map();
let all = 0;
for (const line of csv.split('\n').slice(1)) {
  if (!line.trim()) continue;
  // Name,ShallowSize,... with a quoted name that may hold commas.
  const m = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
  if (!m) continue;
  const size = Number(m[2]);
  const c = crateOf(m[1].replace(/""/g, '"'));
  byCrate.set(c, (byCrate.get(c) ?? 0) + size);
  all += size;
}
console.log(`\n== by crate (${cargoWasm}, ${kb(all)} before wasm-bindgen and wasm-opt)`);
for (const [c, n] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${c.padEnd(44)} ${kb(n)}  ${((100 * n) / all).toFixed(1).padStart(5)} %`);
}
