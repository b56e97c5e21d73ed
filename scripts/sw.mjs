#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml), run last (after boot.mjs and csp-hash.mjs, so that
// index.html is final): writes the service worker `sw.js` at the root of the staged dist.
//
// Why: after one visit the wallet must open, browse, verify and share with no network at all.
// The worker precaches every file of this build (the "app shell": index.html, the three apps'
// JS and wasm, CSS, icons, manifest, demo badges, pathways, trust registry) into one cache whose
// name carries the build's version, the sha256 of all those files' contents: a new build is a
// new cache, never a mix of two builds.
//
// The rules (ARCHITECTURE.md, "Offline: the service worker"):
//  - install: fetch every file (bypassing the HTTP cache), check each one's sha256 against this
//    list and store it; one missing or different file (a host half-way through a deploy) fails
//    the install, and the previous version stays in charge;
//  - no skipWaiting, no clients.claim: a page is served by one version from its first request
//    to its last; a new version waits until no page of the old one is open, then activates and
//    deletes the old caches of this scope only (another copy of the wallet on another path of the
//    same host keeps its own);
//  - fetch: only same-origin GETs for a file of the list are answered, from the cache (the
//    scope's root or index.html → the shell); anything else — imports, key documents, status
//    lists, other hosts, other paths — goes to the network untouched (verification keeps its
//    own copies, with their fetch times, in IndexedDB).
// Relative URLs only: sw.js and the files it lists work under any host and sub-path.
// Usage: node scripts/sw.mjs path/to/staged/dist   (node built-ins only)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
  console.error('usage: sw.mjs path/to/dist (a folder holding index.html)');
  process.exit(2);
}

/** Every file below `root`, as sorted POSIX paths relative to it. */
function listFiles(root) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

const SELF = 'sw.js';
const files = listFiles(dir).filter((f) => f !== SELF && !f.endsWith('.map'));
const entries = files.map((f) => {
  const bytes = fs.readFileSync(path.join(dir, f));
  return {
    // The shell is asked for as the scope's root ("./"), which every static host serves,
    // rather than as index.html (some hosts redirect that to "./").
    url: f === 'index.html' ? './' : `./${f.split('/').map(encodeURIComponent).join('/')}`,
    sha256: crypto.createHash('sha256').update(bytes).digest('base64'),
    bytes: bytes.length,
  };
});
const version = crypto
  .createHash('sha256')
  .update(entries.map((e) => `${e.url} ${e.sha256}\n`).join(''))
  .digest('hex')
  .slice(0, 16);
const total = entries.reduce((n, e) => n + e.bytes, 0);

const sw = `// Written by scripts/sw.mjs at build time: the Learner Wallet's service worker (see there).
const VERSION = '${version}';
// url (relative to this file), sha256 (base64) of its contents, size in bytes.
const FILES = ${JSON.stringify(entries.map((e) => [e.url, e.sha256, e.bytes]), null, 0).replace(/\],\[/g, '],\n  [')};
const SCOPE = self.registration.scope;
const PREFIX = 'learner-wallet ' + SCOPE + ' ';
const CACHE = PREFIX + VERSION;
const URLS = new Set(FILES.map(([u]) => new URL(u, SCOPE).href));
const SHELL = new URL('./', SCOPE).href;

function b64(buffer) {
  let s = '';
  for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
  return btoa(s);
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    FILES.map(async ([u, sha256]) => {
      const url = new URL(u, SCOPE).href;
      const res = await fetch(url, { cache: 'reload', credentials: 'same-origin' });
      if (!res.ok) throw new Error(u + ': HTTP ' + res.status);
      const body = await res.arrayBuffer();
      const got = b64(await crypto.subtle.digest('SHA-256', body));
      if (got !== sha256) throw new Error(u + ': not the file of version ' + VERSION);
      // A fresh response (never "redirected": a navigation may not be answered by one), with
      // the host's headers but those describing the transfer (the body is stored decoded).
      const headers = new Headers(res.headers);
      for (const h of ['content-encoding', 'content-length', 'transfer-encoding']) headers.delete(h);
      await cache.put(url, new Response(body, { status: 200, statusText: 'OK', headers }));
    }),
  );
}

self.addEventListener('install', (event) => {
  // A failure leaves this version unused (the one in charge stays); the next open tries again.
  event.waitUntil(
    precache().catch(async (e) => {
      await caches.delete(CACHE);
      throw e;
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'version') event.source?.postMessage({ version: VERSION, cache: CACHE, files: FILES.length });
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  let key = url.origin + url.pathname;
  if (req.mode === 'navigate' && (key === SHELL || key === SHELL + 'index.html')) key = SHELL;
  else if (url.search || !URLS.has(key)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit || fetch(req)),
  );
});
`;
fs.writeFileSync(path.join(dir, SELF), sw);
console.error(`[sw] ${path.join(dir, SELF)}: version ${version}, ${entries.length} files, ${total} bytes`);
