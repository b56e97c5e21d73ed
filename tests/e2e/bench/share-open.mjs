#!/usr/bin/env node
// Benchmark (prints figures; asserts nothing): opening a 10-credential share link.
// The learner's wallet imports 10 credentials and creates a share of all of them; the link is
// then opened in a fresh browser context (empty storage) several times, measuring the time from
// navigation start to all 10 cards having a final data-status (verified in that browser).
//
//   node tests/e2e/bench/share-open.mjs [set=both|demo|mixed] [runs=5]   (needs dist/)
//
// Sets (all really signed; the fixtures in tests/fixtures are not: their signatures are made up):
//   demo:  the 10 demo credentials in public/demo (eddsa-rdfc-2022, eddsa-jcs-2022,
//          Ed25519Signature2020, VC-JWT; embedded SVG images; demo 04 is expired).
//   mixed: the 6 smallest demo credentials + 4 published vectors from ../shared/vectors
//          (1EdTech OB 3.0 eddsa-rdfc-2022, whose https key cannot be fetched offline, and three
//          DCC did:key OB 3.0 credentials, one with a status list that cannot be fetched
//          offline); skipped when the vectors are absent.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, importResults, tid, DEMO, VECTORS } from '../lib/harness.js';

const which = process.argv[2] ?? 'both';
const RUNS = Number(process.argv[3] ?? 5);

const demoFiles = JSON.parse(fs.readFileSync(path.join(DEMO, 'index.json'), 'utf8')).files.map((f) => path.join(DEMO, f));
// Four distinct credential ids (many DCC fixtures reuse http://example.com/credentials/3527,
// which the wallet would store once).
const VECTOR_FILES = [
  '1edtech-ob3/signed-ob3-eddsa-rdfc-2022.json',
  'dcc-vc-test-fixtures/verifiableCredentials/v1/dataIntegrityProof/didKey/legacy-noStatus-noExpiry.json',
  'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json',
  'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/noRegistry-revokedStatus-noExpiry.json',
].map((f) => path.join(VECTORS, f));

const sets = {};
if (which === 'both' || which === 'demo') sets.demo = demoFiles;
if (which === 'both' || which === 'mixed') {
  if (VECTOR_FILES.every((f) => fs.existsSync(f))) {
    const smallest = [...demoFiles].sort((a, b) => fs.statSync(a).size - fs.statSync(b).size).slice(0, 6);
    sets.mixed = [...smallest, ...VECTOR_FILES];
  } else {
    console.warn(`SKIPPED set "mixed": published vectors not found under ${VECTORS}`);
  }
}

const fileInput = (f) => ({
  name: path.basename(f),
  mimeType: f.endsWith('.jwt') ? 'text/plain' : 'application/json',
  buffer: fs.readFileSync(f),
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const srv = await startServer();
const browser = await launchBrowser();
const results = {};
for (const [name, files] of Object.entries(sets)) {
  // The learner: import the 10 credentials, wait for verification, share everything.
  const wallet = await newPage(browser, { server: srv });
  await wallet.getByTestId('import-file').setInputFiles(files.map(fileInput));
  await wallet.waitForFunction((n) => document.querySelectorAll('[data-testid="import-result"]').length === n, files.length, { timeout: 60_000 });
  const notAdded = (await importResults(wallet)).filter((r) => r.outcome !== 'added');
  if (notAdded.length) throw new Error(`set ${name}: not imported: ${JSON.stringify(notAdded)}`);
  await wallet.waitForFunction((n) => document.querySelectorAll('[data-testid="credential-card"]').length === n, files.length, { timeout: 60_000 });
  await wallet.waitForFunction(() => [...document.querySelectorAll('[data-testid="credential-card"]')].every((c) => c.getAttribute('data-status') !== 'pending'), null, { timeout: 120_000 });
  const walletStatuses = await wallet.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-status')));
  await wallet.getByTestId('share-title').fill('Benchmark portfolio');
  await wallet.getByTestId('share-holder').fill('Alex Rivera');
  await wallet.getByTestId('share-create').click();
  await wallet.getByTestId('share-link').waitFor({ state: 'visible', timeout: 60_000 });
  const link = await wallet.getByTestId('share-link').inputValue();
  const panel = wallet.getByTestId('share-panel');
  const frameBytes = Number(await panel.getAttribute('data-frame-bytes'));
  const qrCaption = wallet.getByTestId('share-qr-version');
  const qr = (await qrCaption.count()) ? (await qrCaption.textContent()).trim() : 'none: too big for one QR code';
  const qrVersion = (await qrCaption.count()) ? Number(await qrCaption.getAttribute('data-version')) : null;
  await wallet.context().close();

  // The viewer: a fresh context per run.
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(link, { waitUntil: 'commit' });
    const m = await page.evaluate((n) => new Promise((resolve) => {
      const marks = {};
      const tick = () => {
        const cards = [...document.querySelectorAll('[data-testid="credential-card"]')];
        if (marks.firstCards === undefined && cards.length === n) marks.firstCards = performance.now();
        if (marks.allFinal === undefined && cards.length === n && cards.every((c) => c.getAttribute('data-status') !== 'pending')) {
          marks.allFinal = performance.now();
          marks.statuses = cards.map((c) => c.getAttribute('data-status'));
        }
        // The page's own figure (app start → last check) appears once its loop has finished.
        const inPage = document.querySelector('[data-testid="shared-portfolio"]')?.getAttribute('data-verified-ms');
        if (marks.allFinal !== undefined && inPage != null) {
          marks.inPage = Number(inPage);
          resolve(marks);
        } else requestAnimationFrame(tick);
      };
      tick();
    }), files.length);
    runs.push(m);
    await context.close();
  }
  const counts = {};
  for (const s of runs.at(-1).statuses) counts[s] = (counts[s] ?? 0) + 1;
  results[name] = {
    credentials: files.map((f) => path.relative(path.resolve(DEMO, '../..'), f).replace(/^\.\.\/shared\//, 'shared/')),
    wallet_statuses: walletStatuses.join(' '),
    viewer_statuses: counts,
    link_chars: link.length,
    frame_bytes: frameBytes,
    qr_version: qrVersion,
    qr,
    runs: RUNS,
    navigation_to_10_cards_ms: Math.round(median(runs.map((x) => x.firstCards))),
    navigation_to_all_10_final_ms: Math.round(median(runs.map((x) => x.allFinal))),
    all_final_ms_each_run: runs.map((x) => Math.round(x.allFinal)),
    in_page_app_start_to_verified_ms: Math.round(median(runs.map((x) => x.inPage))),
  };
}
console.log(JSON.stringify(results, null, 2));
await browser.close();
await srv.close();
