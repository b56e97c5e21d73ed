#!/usr/bin/env node
// Benchmark (prints figures; asserts nothing): verification time per credential in Chromium,
// in the release app's own wasm (window.wasmBindings.bench_verify), for each proof suite.
//   node tests/e2e/bench/verify-browser.mjs [iterations=200]
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, REPO, VECTORS } from '../lib/harness.js';

const N = Number(process.argv[2] ?? 200);
const inputs = {
  'eddsa-rdfc-2022 (DCC basicOBv3)': path.join(VECTORS, 'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json'),
  'eddsa-rdfc-2022 (demo 01)': path.join(REPO, 'public/demo/01-intro-to-sql.json'),
  'eddsa-jcs-2022 (demo 09)': path.join(REPO, 'public/demo/09-accessible-web-design.json'),
  'Ed25519Signature2020 (demo 06)': path.join(REPO, 'public/demo/06-agile-project-fundamentals.json'),
  'VC-JWT EdDSA (demo 05)': path.join(REPO, 'public/demo/05-cloud-practitioner-essentials.jwt'),
  // Issue 12: signed by the npm jose library and Digital Bazaar's ECDSA suites.
  'VC-JOSE RS256 (RSA-2048)': path.join(REPO, 'tests/fixtures/suites/vc-jose-rs256.jwt'),
  'VC-JOSE PS256 (RSA-2048)': path.join(REPO, 'tests/fixtures/suites/vc-jose-ps256.jwt'),
  'VC-JOSE ES256 (P-256)': path.join(REPO, 'tests/fixtures/suites/vc-jose-es256.jwt'),
  'VC-JOSE ES384 (P-384)': path.join(REPO, 'tests/fixtures/suites/vc-jose-es384.jwt'),
  'ecdsa-rdfc-2019 P-256': path.join(REPO, 'tests/fixtures/suites/ecdsa-rdfc-2019-p256.json'),
  'ecdsa-rdfc-2019 P-384': path.join(REPO, 'tests/fixtures/suites/ecdsa-rdfc-2019-p384.json'),
  'ecdsa-jcs-2019 P-256': path.join(REPO, 'tests/fixtures/suites/ecdsa-jcs-2019-p256.json'),
  // ecdsa-sd-2023 disclosures (one ECDSA verification per disclosed statement, plus the base).
  'ecdsa-sd-2023 (demo 14)': path.join(REPO, 'public/demo/14-data-storytelling.json'),
  'ecdsa-sd-2023 (Displayer vc2 valid)': path.join(REPO, 'tests/fixtures/displayer/vc2-ecdsa-sd-valid.json'),
  'VC-JWT RS256 (demo 11, did:jwk)': path.join(REPO, 'public/demo/11-statistics-foundations.jwt'),
  'VC-JOSE ES256 (demo 12)': path.join(REPO, 'public/demo/12-spreadsheet-modelling.jwt'),
};
const srv = await startServer();
const browser = await launchBrowser();
// The hooks are in the viewer (src/bench.rs): a share-link route loads it.
const page = await newPage(browser, { server: srv, hash: '#/s/' });
await page.waitForFunction(() => window.wasmBindings?.bench_verify);
// Two passes over every input; only the second is reported. Chromium first runs wasm in its
// baseline compiler and optimises hot functions later, so whichever input came first would
// otherwise carry that warm-up (its "first" figure shows a cold call).
const results = {};
for (const pass of [1, 2]) {
  for (const [label, file] of Object.entries(inputs)) {
    if (!fs.existsSync(file)) { results[label] = 'SKIPPED (file absent)'; continue; }
    const text = fs.readFileSync(file, 'utf8');
    const r = JSON.parse(await page.evaluate(([t, n]) => window.wasmBindings.bench_verify(t, n), [text, N]));
    if (pass === 1) results[label] = { first: r.first };
    else results[label] = { ...r, first: results[label].first };
  }
}
// A wallet's re-check on open: the demo credentials (every proof format the demo issuers use)
// verified 100 times over, from no key seen.
const demoDir = path.join(REPO, 'public/demo');
const demoTexts = fs.readdirSync(demoDir).filter(f => /^\d\d-.*\.(json|jwt)$/.test(f)).sort()
  .map(f => fs.readFileSync(path.join(demoDir, f), 'utf8'));
results[`${demoTexts.length * 100} verifications (demo wallet x100)`] = JSON.parse(
  await page.evaluate(([t, n]) => window.wasmBindings.bench_verify_many(t, n), [demoTexts, 100]));
console.log(JSON.stringify(results, null, 2));
await browser.close();
await srv.close();
