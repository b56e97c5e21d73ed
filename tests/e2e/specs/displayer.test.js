// The 1EdTech Open Badges 3.0 Displayer checklist, walked in the browser (issue 12): for
// VC 2.0 and VC 1.1, a valid, an expired and a revoked badge signed with eddsa-rdfc-2022 and
// as an ecdsa-sd-2023 derived disclosure (tests/fixtures/displayer/, made and checked against
// Digital Bazaar by tests/interop/displayer-fixtures.mjs). Revocation is a signed
// BitstringStatusList (purpose `revocation`) served at https://status.example.test by
// Playwright routing. Each badge's image, name, description, issuer, issued date and status
// must be shown; the selectively disclosed ones say so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, importFiles, waitVerified, openDetail, tid, screenshot, FIXTURES,
} from '../lib/harness.js';
import { routeStatusHost } from '../lib/status-lists.js';

const DIR = path.join(FIXTURES, 'displayer');
const read = (f) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));

// [file, card status, the status chip's words, suite named in the proofs]
const CASES = [];
for (const model of ['vc2', 'vc1']) {
  for (const [suiteFile, suiteName] of [['eddsa-rdfc', 'eddsa-rdfc-2022'], ['ecdsa-sd', 'ecdsa-sd-2023']]) {
    for (const kind of ['valid', 'expired', 'revoked']) {
      CASES.push({ file: `${model}-${suiteFile}-${kind}.json`, kind, suiteName,
        status: { valid: 'verified', expired: 'expired', revoked: 'revoked' }[kind] });
    }
  }
}

async function gotoGallery(page) {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByTestId('credential-card').first().waitFor({ timeout: UI_TIMEOUT });
}

describe('1EdTech Displayer checklist', { timeout: TEST_TIMEOUT * 4 }, () => {
  const env = suite();

  test('VC 2.0 and 1.1 × eddsa-rdfc-2022 and ecdsa-sd-2023 × valid, expired, revoked: everything shown', { timeout: TEST_TIMEOUT * 3 }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    for (const list of ['ed-list', 'p256-list']) {
      host.set(`/displayer/${list}`, { json: read(`${list}.json`) });
    }
    const files = CASES.map(({ file }) => ({
      name: file, mimeType: 'application/json', buffer: fs.readFileSync(path.join(DIR, file)),
    }));
    const results = await importFiles(page, files, { min: CASES.length });
    assert.equal(results.filter((r) => r.outcome === 'added').length, CASES.length, JSON.stringify(results));
    await waitVerified(page);
    // Both lists were read.
    assert.ok(host.hits('/displayer/ed-list') >= 1 && host.hits('/displayer/p256-list') >= 1);
    await screenshot(page, 'displayer-gallery');

    for (const c of CASES) {
      const cred = read(c.file);
      const card = page.locator(`${tid('credential-card')}[data-credential-id="${cred.id}"]`);
      assert.equal(await card.getAttribute('data-status'), c.status, c.file);

      await openDetail(page, cred.id);
      const detail = page.locator(tid('credential-detail'));
      // Name, description, issuer, issued date.
      assert.equal((await detail.locator(tid('detail-name')).textContent()).trim(), cred.name, c.file);
      assert.equal((await detail.locator(tid('detail-description')).textContent()).trim(),
        cred.credentialSubject.achievement.description, c.file);
      assert.match(await detail.locator(tid('detail-issuer')).textContent(), /Displayer Test Issuer \(test only\)/, c.file);
      assert.match(await detail.locator(tid('detail-dates')).textContent(), /Issued\s*2024-03-01/, c.file);
      // The image: the badge's own 48×48 PNG, decoded.
      const img = detail.locator('img.detail-image');
      await img.waitFor({ timeout: UI_TIMEOUT });
      await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
      assert.deepEqual(await img.evaluate((el) => [el.naturalWidth, el.naturalHeight]), [48, 48], c.file);
      // Status, as a word on the page and as each check says.
      const chip = await detail.locator('.detail-head .status').textContent();
      assert.match(chip, { verified: /verified/i, expired: /expired/i, revoked: /revoked/i }[c.status], c.file);
      const check = (id) => detail.locator(`${tid('verification-check')}[data-check="${id}"]`);
      assert.equal(await check('signature').getAttribute('data-outcome'), 'pass', c.file);
      assert.equal(await check('status').getAttribute('data-outcome'), c.kind === 'revoked' ? 'fail' : 'pass', c.file);
      assert.equal(await check('validity').getAttribute('data-outcome'), c.kind === 'expired' ? 'fail' : 'pass', c.file);
      // Selective disclosure says so; the full-proof badges do not.
      const disclosure = check('disclosure');
      if (c.suiteName === 'ecdsa-sd-2023') {
        assert.match(await disclosure.textContent(), /holder disclosed part of the issuer's credential/, c.file);
      } else {
        assert.equal(await disclosure.count(), 0, c.file);
      }
      await detail.locator('details.proofs > summary').click();
      const proof = detail.locator(tid('verification-proof')).first();
      assert.equal(await proof.getAttribute('data-outcome'), 'pass', c.file);
      assert.match(await proof.textContent(), new RegExp(c.suiteName), c.file);
      if (['vc2-ecdsa-sd-valid.json', 'vc1-eddsa-rdfc-revoked.json', 'vc1-ecdsa-sd-expired.json'].includes(c.file)) {
        await screenshot(page, `displayer-${c.file.replace('.json', '')}`);
      }
      await gotoGallery(page);
    }
  });
});
