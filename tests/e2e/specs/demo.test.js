// Empty state, "load demo", gallery count; screenshots of the main screens.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, TEST_TIMEOUT, loadDemo, cardIds, cardNames, galleryCountText, demoExpectations, screenshot, tid,
} from '../lib/harness.js';

describe('demo and empty state', { timeout: TEST_TIMEOUT * 3 }, () => {
  const env = suite();

  test('empty wallet shows the empty state and a load-demo button', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await page.getByTestId('wallet-empty').waitFor({ state: 'visible' });
    assert.equal(await page.locator(tid('credential-card')).count(), 0);
    assert.ok(await page.getByTestId('load-demo').isVisible());
    await screenshot(page, 'empty-state');
  });

  test('load demo fills the gallery with every demo credential (served under /wallet/)', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const expected = demoExpectations();
    await loadDemo(page, expected.length);
    const ids = await cardIds(page);
    assert.deepEqual([...ids].sort(), expected.map((e) => e.id).sort(), 'card ids are the demo credential ids');
    const names = await cardNames(page);
    for (const e of expected) assert.ok(names.includes(e.name), `card named ${e.name}`);
    assert.match(await galleryCountText(page), new RegExp(`^${expected.length} credentials$`));
    assert.equal(await page.getByTestId('wallet-empty').count(), 0, 'empty state gone');
    await page.waitForTimeout(300); // let card images decode
    await screenshot(page, 'gallery');
  });

  test('the expired demo credential is marked expired', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const expected = demoExpectations();
    await loadDemo(page, expected.length);
    const expired = expected.find((e) => e.validUntil && e.validUntil < new Date().toISOString());
    assert.ok(expired, 'the demo has an expired credential');
    const card = page.locator(`${tid('credential-card')}[data-credential-id="${expired.id}"]`);
    // Verification runs right after the import: wait until the card is no longer pending.
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'pending',
      `${tid('credential-card')}[data-credential-id="${expired.id}"]`, { timeout: 30_000 });
    const status = await card.getAttribute('data-status');
    assert.equal(status, 'expired', `${expired.name} (validUntil ${expired.validUntil}) is expired`);
  });

  test('mobile viewport 390x844 gallery', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open({ viewport: { width: 390, height: 844 } });
    await loadDemo(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling on mobile (overflow ${overflow}px)`);
    await page.waitForTimeout(300);
    await screenshot(page, 'gallery-mobile');
  });
});
