// Profiles one file import in Chromium (CPU profile through the DevTools protocol) and
// prints the functions with the most self time. Diagnostic tool, not a test.
//   node tests/e2e/bench/profile-import.mjs <file>
//   node tests/e2e/bench/profile-import.mjs '#<file holding a share payload>'
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage } from '../lib/harness.js';

const file = process.argv[2];
const srv = await startServer();
const browser = await launchBrowser();
// A share link is opened by the employer's viewer: start on a `#/s/` route so that it is loaded.
const page = await newPage(browser, file.startsWith('#') ? { hash: '#/s/' } : {});
await page.evaluate(() => {
  window.__lt = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push(Math.round(e.duration)); })
    .observe({ type: 'longtask' });
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = Date.now();
if (file.startsWith('#')) {
  // A share link: `#/s/<payload>` read from the file after '#'.
  const payload = fs.readFileSync(file.slice(1), 'utf8').trim();
  await page.evaluate((p) => { location.hash = `#/s/${p}`; }, payload);
  await page.getByTestId('share-error').waitFor({ timeout: 120_000 });
  console.log('share error after', Date.now() - t0, 'ms:', await page.getByTestId('share-error').textContent());
} else {
  await page.getByTestId('import-file').setInputFiles(path.resolve(file));
  await page.getByTestId('import-result').first().waitFor({ timeout: 120_000 });
  console.log('import result after', Date.now() - t0, 'ms:', (await page.getByTestId('import-result').first().textContent()).slice(0, 200));
}
const { profile } = await cdp.send('Profiler.stop');
console.log('long tasks', JSON.stringify(await page.evaluate(() => window.__lt)));
const self = new Map();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
}
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(9), 'ms', k);
await browser.close();
await srv.close();
