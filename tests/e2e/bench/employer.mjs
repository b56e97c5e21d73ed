#!/usr/bin/env node
// Benchmark (prints figures; asserts nothing): the employer's first second (issue 13). A
// 3-credential share link is opened on a phone-like profile, cold cache, from a static host
// that compresses with brotli, and timed from navigation start until every card has its
// final status; the bytes transferred are summed from the DevTools protocol.
//
//   node tests/e2e/bench/employer.mjs [runs=5]     (needs dist/, or WALLET_DIST)
//
// Profile (Lighthouse's mobile throttling, applied through the DevTools protocol): 1.6 Mbps
// down, 750 kbps up, 150 ms round trip, CPU slowed 4×, cache disabled, a fresh browser context
// per run (empty storage), a 390×844 viewport. Also run unthrottled. The host is on loopback
// and serves every file of dist/ brotli-compressed (quality 11, as a static host precompresses)
// when the browser accepts it. The link holds demo 01, 02 and 10 (eddsa-rdfc-2022, VC 2.0,
// embedded SVG images), written by tests/e2e/lib/share-link.js.
//
// Prints: per profile, the median and each run's milliseconds, the bytes transferred (brotli,
// as the network sent them) by type, and every host contacted (the viewer must contact no
// host but its own).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchBrowser, DIST, DEMO, tid } from '../lib/harness.js';
import { contentType, listen } from '../lib/static.js';
import { sharePayload } from '../lib/share-link.js';

const RUNS = Number(process.argv[2] ?? 5);
const FILES = ['01-intro-to-sql.json', '02-python-data-analysis.json', '10-data-ethics-and-privacy.json'];
const MOBILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1000 * 1000) / 8,
  uploadThroughput: (750 * 1000) / 8,
  cpu: 4,
};

/** dist/ served from memory, each file brotli-compressed once (quality 11). */
function brotliHost(root) {
  const cache = new Map();
  const load = (rel) => {
    if (cache.has(rel)) return cache.get(rel);
    const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
    const raw = fs.readFileSync(file);
    const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    const entry = { raw, br, type: contentType(file) };
    cache.set(rel, entry);
    return entry;
  };
  // Compressed before the first run, as a static host's files are (quality 11 of the wasm
  // takes seconds).
  for (const f of fs.readdirSync(root)) load(f);
  return http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname.replace(/^\/wallet\//, ''));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const f = load(rel);
    if (!f) {
      res.writeHead(404);
      res.end();
      return;
    }
    const br = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    const body = br ? f.br : f.raw;
    res.writeHead(200, {
      'Content-Type': f.type,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...(br ? { 'Content-Encoding': 'br', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(body);
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function openOnce(browser, url, throttle) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: throttle.latency,
      downloadThroughput: throttle.downloadThroughput,
      uploadThroughput: throttle.uploadThroughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
  }
  const requests = new Map();
  const bytes = {};
  const hosts = new Set();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, e.request.url);
    if (/^(https?|wss?):/.test(e.request.url)) hosts.add(new URL(e.request.url).host);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const u = requests.get(e.requestId) ?? '';
    const ext = path.extname(new URL(u, 'http://x').pathname) || '(page)';
    bytes[ext] = (bytes[ext] ?? 0) + e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    ([sel, n]) => {
      const cards = [...document.querySelectorAll(sel)];
      const done = cards.length === n && cards.every((c) => !['pending', 'checking'].includes(c.getAttribute('data-status') ?? 'pending'));
      return done ? { ms: performance.now(), statuses: cards.map((c) => c.getAttribute('data-status')) } : false;
    },
    [tid('credential-card'), FILES.length],
    { timeout: 120_000, polling: 16 },
  );
  const result = await handle.jsonValue();
  await context.close();
  return { ...result, bytes, hosts: [...hosts] };
}

const server = brotliHost(DIST);
const port = await listen(server);
const credentials = FILES.map((f) => fs.readFileSync(path.join(DEMO, f), 'utf8').trim());
const url = `http://127.0.0.1:${port}/wallet/#/s/${sharePayload({ title: 'Data skills', holder: 'Alex Rivera', credentials })}`;
const browser = await launchBrowser();
const out = { dist: DIST, runs: RUNS, link_chars: url.length - url.indexOf('#') };
try {
  for (const [name, throttle] of [['mobile (1.6 Mbps, 150 ms RTT, CPU 4x)', MOBILE], ['unthrottled', null]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await openOnce(browser, url, throttle));
    const total = (r) => Object.values(r.bytes).reduce((a, b) => a + b, 0);
    out[name] = {
      median_ms: Math.round(median(runs.map((r) => r.ms))),
      runs_ms: runs.map((r) => Math.round(r.ms)),
      transferred_bytes: median(runs.map(total)),
      by_type: runs[0].bytes,
      statuses: runs[0].statuses,
      hosts: [...new Set(runs.flatMap((r) => r.hosts))],
    };
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out, null, 2));
