// Verification in the browser: credentials signed by independent implementations
// (the DCC vc-test-fixtures, the 1EdTech OB 3.0 vector, read from ../shared/vectors)
// and our own demo credentials show the right card status and reasons.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, TEST_TIMEOUT, importFiles, waitVerified, openDetail, tid, screenshot, VECTORS, loadDemo } from '../lib/harness.js';

const DCC = path.join(VECTORS, 'dcc-vc-test-fixtures/verifiableCredentials');
// [file, expected data-status, why]
const CASES = [
  ['v1/dataIntegrityProof/didKey/legacy-noStatus-noExpiry.json', 'verified', 'VC 1.1 + eddsa-rdfc-2022, did:key'],
  ['v1/ed25519/didKey/legacy-noStatus-noExpiry-stringIssuerId.json', 'verified', 'VC 1.1 + Ed25519Signature2020'],
  ['v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry.json', 'verified', 'proof set: both suites'],
  ['v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json', 'verified', 'OB spec example'],
  ['v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json', 'verified', 'basic OB 3.0'],
  ['v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json', 'verified', 'hashed identifier'],
  ['v2/ed25519/didKey/legacy-noStatus-expired.json', 'expired', 'valid signature, expired'],
  ['v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json', 'invalid', 'tampered after signing'],
  ['v2/dataIntegrityProof/didweb/oidf-noStatus-notExpired.json', 'unverified', 'did:web cannot be resolved offline'],
];

function idOf(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8')).id;
}

describe('verification in the browser', { timeout: TEST_TIMEOUT * 6 }, () => {
  const env = suite();

  // Several fixtures share one credential id (the wallet would call them duplicates),
  // so each is imported into a fresh browser context.
  for (const [f, expected, why] of CASES) {
    test(`${f} → ${expected} (${why})`, { timeout: TEST_TIMEOUT }, async (t) => {
      const file = path.join(DCC, f);
      if (!fs.existsSync(file)) {
        t.skip(`SKIPPED: ${file} not found (../shared/vectors absent)`);
        return;
      }
      const page = await env.open();
      await importFiles(page, [{ name: path.basename(f), mimeType: 'application/json', buffer: fs.readFileSync(file) }]);
      await waitVerified(page);
      const card = page.locator(`${tid('credential-card')}[data-credential-id="${idOf(file)}"]`);
      assert.equal(await card.getAttribute('data-status'), expected);
    });
  }

  test('a tampered credential is invalid and the detail says why', { timeout: TEST_TIMEOUT }, async (t) => {
    const file = path.join(DCC, 'v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json');
    if (!fs.existsSync(file)) {
      t.skip(`SKIPPED: ${file} not found`);
      return;
    }
    const page = await env.open();
    await importFiles(page, [{ name: 'tampered.json', mimeType: 'application/json', buffer: fs.readFileSync(file) }]);
    await waitVerified(page);
    const id = idOf(file);
    const status = await page.locator(`${tid('credential-card')}[data-credential-id="${id}"]`).getAttribute('data-status');
    assert.equal(status, 'invalid');
    await openDetail(page, id);
    const signature = page.locator(`${tid('verification-check')}[data-check="signature"]`);
    await signature.waitFor({ timeout: 20_000 });
    assert.equal(await signature.getAttribute('data-outcome'), 'fail');
    assert.ok((await signature.textContent()).length > 20, 'a reason a person understands');
    await screenshot(page, 'verification-tampered-detail');
  });

  test('the 1EdTech OB 3.0 vector (https key) cannot be checked offline: unverified, never invalid', { timeout: TEST_TIMEOUT }, async (t) => {
    const file = path.join(VECTORS, '1edtech-ob3/signed-ob3-eddsa-rdfc-2022.json');
    if (!fs.existsSync(file)) {
      t.skip(`SKIPPED: ${file} not found`);
      return;
    }
    const page = await env.open();
    await importFiles(page, [{ name: 'ob3-vector.json', mimeType: 'application/json', buffer: fs.readFileSync(file) }]);
    await waitVerified(page);
    const status = await page.locator(tid('credential-card')).first().getAttribute('data-status');
    assert.equal(status, 'unverified');
  });

  test('demo credentials: signed ones verified, the 2024 one expired, the detail lists passing checks', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const statuses = await page.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-status')));
    assert.equal(statuses.filter((s) => s === 'verified').length, 13, `13 signed and current (EdDSA, RS256, ES256, ecdsa-rdfc-2019, ecdsa-sd-2023, the CLR): ${statuses}`);
    assert.equal(statuses.filter((s) => s === 'expired').length, 1, `1 expired: ${statuses}`);
    assert.equal(statuses.filter((s) => s === 'unverified').length, 1, `the OB 2.0 hosted one cannot be checked offline: ${statuses}`);
    await openDetail(page, 'urn:uuid:3f1c2a5e-8b1d-4c0a-9e2f-5a7b6c8d9e01');
    const checks = page.locator(tid('verification-check'));
    await checks.first().waitFor({ timeout: 20_000 });
    const outcomes = await checks.evaluateAll((els) => els.map((e) => [e.dataset.check, e.dataset.outcome]));
    const byId = Object.fromEntries(outcomes);
    assert.equal(byId.signature, 'pass', JSON.stringify(outcomes));
    assert.equal(byId['issuer-trust'], 'pass', `demo issuers are trusted once "Load demo badges" was used: ${JSON.stringify(outcomes)}`);
    await screenshot(page, 'verification-demo-detail');
  });
});
