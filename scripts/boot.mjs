#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml), run before csp-hash.mjs: makes index.html load one of
// two apps, chosen by the route before anything large is fetched.
//  - a share link (`#/s/…`) loads the employer's viewer (bin `viewer`, src/viewer.rs): the share
//    decoder, the verification core and the employer's view only;
//  - anything else loads the wallet (bin `learner-wallet`), which then registers the service
//    worker `./sw.js` (scripts/sw.mjs): the offline app shell.
// Trunk builds the viewer as a "worker"-type app (index.html), so it writes `viewer.js` and
// `viewer_bg.wasm` without a script tag; this script gives them content-hashed names (a cached
// old viewer never meets a new wasm), replaces Trunk's loader by the boot script below and
// drops Trunk's preloads of the wallet (an employer's phone must not fetch the wallet's wasm).
// The boot script starts the wasm download at once, in parallel with its JS glue.
// Usage: node scripts/boot.mjs path/to/staged/index.html
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const file = process.argv[2];
if (!file) {
  console.error('usage: boot.mjs index.html');
  process.exit(2);
}
const dir = path.dirname(file);
let html = fs.readFileSync(file, 'utf8');

const loader = /<script type="module">\s*import init, \* as bindings from '(\.\/[^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/[^']+_bg\.wasm)' \}\);[\s\S]*?<\/script>/;
const m = loader.exec(html);
if (!m) throw new Error(`boot.mjs: Trunk's loader script not found in ${file}`);
const [walletJs, walletWasm] = [m[1], m[2]];

/** Gives Trunk's unhashed `<name>.js` and `<name>_bg.wasm` content-hashed names. */
function hashNames(name) {
  const files = [`${name}.js`, `${name}_bg.wasm`];
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(fs.readFileSync(path.join(dir, f)));
  const hash = h.digest('hex').slice(0, 16);
  const [js, wasm] = [`${name}-${hash}.js`, `${name}-${hash}_bg.wasm`];
  fs.renameSync(path.join(dir, files[0]), path.join(dir, js));
  fs.renameSync(path.join(dir, files[1]), path.join(dir, wasm));
  return { hash, js, wasm };
}

const viewer = hashNames('viewer');
const [viewerJs, viewerWasm] = [`./${viewer.js}`, `./${viewer.wasm}`];

// The verification worker (bin `verify-worker`, Trunk's "worker" type: no-modules glue): its
// glue and wasm get hashed names too, and a loader of ours runs it (src/worker_client.rs reads
// its URL from window.verifyWorkerUrl). It answers "ready" once its wasm is loaded, and
// "failed" on any failure (the wasm cannot load, a panic): the page then starts a fresh one.
const worker = hashNames('verify-worker');
const [workerJs, workerWasm] = [worker.js, worker.wasm];
const workerLoader = `verify-worker-${worker.hash}-loader.js`;
fs.writeFileSync(path.join(dir, workerLoader), `// Written by scripts/boot.mjs: runs the verification worker (src/bin/verify_worker.rs).
importScripts('./${workerJs}');
const ready = wasm_bindgen({ module_or_path: './${workerWasm}' });
// Loaded as soon as the wallet starts it (while online): the page waits for this answer.
ready.then(() => postMessage('ready'), () => postMessage('failed'));
onmessage = (e) => {
  ready
    .then(() => {
      const answer = wasm_bindgen.handle(e.data);
      if (answer !== undefined) postMessage(answer);
    })
    .catch(() => postMessage('failed'));
};
`);

const boot = `<script type="module">
// scripts/boot.mjs: a share link loads the employer's viewer, any other route the wallet.
window.verifyWorkerUrl = './${workerLoader}';
const [js, wasm] = location.hash.startsWith('#/s/')
  ? ['${viewerJs}', '${viewerWasm}']
  : ['${walletJs}', '${walletWasm}'];
const response = fetch(wasm);
const bindings = await import(js);
const instance = await bindings.default({ module_or_path: response });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
// The offline app shell (sw.js, written by scripts/sw.mjs), once the app runs: the wallet only,
// so that an employer's phone opening a share link never downloads the wallet.
if (js === '${walletJs}' && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
</script>`;
html = html.replace(loader, boot);
// Trunk's preloads of the wallet's JS and wasm.
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
for (const f of [walletJs, walletWasm]) {
  html = html.replace(new RegExp(`<link rel="(?:module)?preload" href="${escape(f)}"[^>]*>`), '');
}
if (html.includes(walletWasm.slice(2)) && /rel="preload"/.test(html)) {
  throw new Error('boot.mjs: a preload of the wallet is left');
}
fs.writeFileSync(file, html);
console.error(`[boot] ${file}: viewer ${viewerJs}, wallet ${walletJs}, worker ${workerLoader}`);
