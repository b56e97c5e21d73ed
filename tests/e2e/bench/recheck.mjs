#!/usr/bin/env node
// Benchmark (prints figures; asserts nothing): the wallet's re-check on open of N credentials
// runs in the verification worker (issue 13). A wallet of N signed OB 3.0 credentials (eddsa,
// tests/fixtures/ob3-vc2-credential.json with new ids: their signatures fail, which costs the
// same as a pass) is restored from a backup, the page is reloaded, and while the re-check runs
// (until [data-testid=verify-progress] is gone) we record the page's long tasks (> 50 ms) and
// its longest gap between two animation frames.
//
//   node tests/e2e/bench/recheck.mjs [N=1000]     (needs a release build in dist/, or WALLET_DIST)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, newPage, tid, REPO } from '../lib/harness.js';

const N = Number(process.argv[2] ?? 1000);
const template = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/fixtures/ob3-vc2-credential.json'), 'utf8'));
const credentials = [];
for (let i = 0; i < N; i++) {
  const c = structuredClone(template);
  c.id = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  c.name = `Re-check badge ${i}`;
  credentials.push({ kind: 'json', text: JSON.stringify(c), addedAt: 1_700_000_000_000 + i });
}
const backup = JSON.stringify({ type: 'LearnerWalletBackup', version: 1, exportedAt: new Date().toISOString(), credentials });
const backupFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wallet-recheck-')), 'backup.json');
fs.writeFileSync(backupFile, backup);

const srv = await startServer();
const browser = await launchBrowser();
const page = await newPage(browser, { server: srv });
await page.setInputFiles(tid('restore-file'), backupFile);
await page.waitForFunction((n) => document.querySelector('[data-testid="gallery-count"]')?.textContent.includes(`${n} credentials`), N, { timeout: 600_000 });
// Let the re-check after the restore end.
await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="credential-card"]')].some((c) => c.dataset.status === 'pending'), null, { timeout: 600_000 });
await page.locator(tid('verify-progress')).waitFor({ state: 'detached', timeout: 600_000 });

const runs = [];
for (let run = 0; run < 3; run++) {
  await page.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  });
  await page.reload();
  const m = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    // Until the progress line has appeared and gone again.
    let start = null;
    let gap = 0;
    let last = performance.now();
    for (;;) {
      await frame();
      const now = performance.now();
      const shown = document.querySelector('[data-testid="verify-progress"]');
      if (shown && start === null) start = now;
      if (start !== null) gap = Math.max(gap, now - last);
      last = now;
      if (start !== null && !shown) return { start, end: now, gap };
      if (now > 600_000) return { start, end: now, gap, timeout: true };
    }
  });
  const lt = (await page.evaluate(() => window.__lt)).filter(([t]) => t >= m.start && t <= m.end).map(([, d]) => Math.round(d));
  runs.push({ recheck_ms: Math.round(m.end - m.start), longest_frame_gap_ms: Math.round(m.gap), long_tasks_ms: lt });
}
console.log(JSON.stringify({ credentials: N, runs }, null, 2));
await browser.close();
await srv.close();
