#!/usr/bin/env node
// Benchmark (prints figures; asserts nothing): a wallet of N credentials, each with an embedded
// ~50 KB PNG image, is restored from a backup file, then the page is reloaded and we measure
// how long the wallet takes to open and render, and how smoothly it scrolls to the end.
//
//   node tests/e2e/bench/open-wallet.mjs [N=1000]     (needs a release build in dist/)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launchBrowser, newPage, tid, REPO } from '../lib/harness.js';

const N = Number(process.argv[2] ?? 1000);

// A real PNG padded to ~50 KB with a private ancillary chunk (still a valid image).
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(td));
  return Buffer.concat([len, td, crc]);
}
const base = fs.readFileSync(path.join(REPO, 'tests/fixtures/no-badge.png'));
const iend = base.length - 12;
let seed = 1;
const pad = Buffer.alloc(50_000 - base.length).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
const png = Buffer.concat([base.subarray(0, iend), chunk('ruSt', pad), base.subarray(iend)]);
const image = `data:image/png;base64,${png.toString('base64')}`;

const template = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/fixtures/ob3-vc2-credential.json'), 'utf8'));
const credentials = [];
for (let i = 0; i < N; i++) {
  const c = structuredClone(template);
  c.id = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  c.name = `Benchmark badge ${i}`;
  c.credentialSubject.achievement.image = { id: image, type: 'Image' };
  c.validFrom = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().replace('.000', '');
  const text = JSON.stringify(c);
  credentials.push({ kind: 'json', text, addedAt: 1_700_000_000_000 + i });
}
const backup = JSON.stringify({ type: 'LearnerWalletBackup', version: 1, exportedAt: new Date().toISOString(), credentials });
const backupFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wallet-bench-')), 'backup.json');
fs.writeFileSync(backupFile, backup);

const srv = await startServer();
const browser = await launchBrowser();
const page = await newPage(browser, { server: srv });
const figures = {};
let t0 = Date.now();
await page.setInputFiles(tid('restore-file'), backupFile);
await page.waitForFunction((n) => document.querySelector('[data-testid="gallery-count"]')?.textContent.includes(`${n} credentials`), N, { timeout: 600_000 });
figures.restore_ms = Date.now() - t0;

// Open: navigation start → wallet ready → first cards with their images.
const samples = [];
for (let run = 0; run < 5; run++) {
  await page.reload();
  const m = await page.evaluate(async () => {
    const wait = (pred) => new Promise((resolve) => {
      const tick = () => (pred() ? resolve(performance.now()) : requestAnimationFrame(tick));
      tick();
    });
    const ready = await wait(() => document.querySelector('[data-testid="app-ready"]'));
    const cards = await wait(() => document.querySelectorAll('[data-testid="credential-card"]').length > 0);
    const images = await wait(() => [...document.querySelectorAll('[data-testid="credential-card"] img')].filter((i) => i.complete && i.naturalWidth > 0).length >= 12);
    return { ready, cards, images };
  });
  samples.push(m);
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
figures.open_to_ready_ms = Math.round(median(samples.map((s) => s.ready)));
figures.open_to_first_cards_ms = Math.round(median(samples.map((s) => s.cards)));
figures.open_to_first_12_images_ms = Math.round(median(samples.map((s) => s.images)));

// Scroll to the end (pages of cards render as you go) and record frame times and long tasks.
const scroll = await page.evaluate(async (n) => {
  const longTasks = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  const frames = [];
  let last = performance.now();
  let done = false;
  const frame = (t) => { frames.push(t - last); last = t; if (!done) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const start = performance.now();
  while (document.querySelectorAll('[data-testid="credential-card"]').length < n && performance.now() - start < 120_000) {
    window.scrollBy(0, 1200);
    await new Promise((r) => requestAnimationFrame(r));
  }
  const total = performance.now() - start;
  done = true;
  frames.sort((a, b) => a - b);
  return {
    scroll_to_all_rendered_ms: Math.round(total),
    frames: frames.length,
    frame_p50_ms: Math.round(frames[Math.floor(frames.length * 0.5)]),
    frame_p95_ms: Math.round(frames[Math.floor(frames.length * 0.95)]),
    long_tasks: longTasks.length,
    longest_task_ms: Math.round(Math.max(0, ...longTasks)),
  };
}, N);
Object.assign(figures, scroll);
figures.credentials = N;
figures.backup_mb = +(backup.length / 1e6).toFixed(1);
console.log(JSON.stringify(figures, null, 2));
await browser.close();
await srv.close();
