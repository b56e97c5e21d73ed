#!/usr/bin/env node
// Benchmark (prints figures; asserts nothing): how long the learner waits for the encrypted
// backup's key derivation (Argon2id at the default 64 MiB / 2 passes, core/src/sealed.rs) in
// Chromium, unthrottled and with the CPU slowed 4× (a mid-range phone, via the DevTools
// protocol). "restore" is from clicking Restore on tests/fixtures/backup/sealed-v1-default.json
// (one credential) until its import line shows; "export" is from clicking Download backup with
// a passphrase on that one-credential wallet until the download starts. Median of 5 each.
//
//   node tests/e2e/bench/backup-kdf.mjs     (needs a release build in dist/, or WALLET_DIST)
import path from 'node:path';
import { startServer, launchBrowser, newPage, tid, FIXTURES } from '../lib/harness.js';

const RUNS = 5;
const SEALED = path.join(FIXTURES, 'backup/sealed-v1-default.json');
const PASS = 'correct horse battery staple — été';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const srv = await startServer();
const browser = await launchBrowser();
const figures = {};
for (const slowdown of [1, 4]) {
  const restore = [];
  const exported = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await newPage(browser, { server: srv });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    await page.setInputFiles(tid('restore-file'), SEALED);
    await page.locator(tid('restore-passphrase')).fill(PASS);
    let t0 = performance.now();
    await page.locator(tid('restore-submit')).click();
    await page.locator(tid('import-result')).first().waitFor({ timeout: 120_000 });
    restore.push(performance.now() - t0);

    await page.locator(tid('backup-passphrase')).fill(PASS);
    t0 = performance.now();
    await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator(tid('export-backup')).click()]);
    exported.push(performance.now() - t0);
    await page.context().close();
  }
  figures[`cpu_slowdown_${slowdown}x`] = {
    restore_ms_median: Math.round(median(restore)),
    export_ms_median: Math.round(median(exported)),
    restore_ms: restore.map(Math.round),
    export_ms: exported.map(Math.round),
  };
}
console.log(JSON.stringify({ kdf: 'argon2id m=65536 KiB t=2 p=1', runs: RUNS, ...figures }, null, 2));
await browser.close();
await srv.close();
