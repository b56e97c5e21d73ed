// Delete with confirmation, cancel, undo.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, TEST_TIMEOUT, loadDemo, openDetail, demoExpectations, reload, cardIds, waitForCardCount, screenshot,
} from '../lib/harness.js';

describe('delete', { timeout: TEST_TIMEOUT * 4 }, () => {
  const env = suite();

  test('confirm deletes, and it stays deleted after reload', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const demo = demoExpectations();
    await loadDemo(page, demo.length);
    const victim = demo[0];
    await openDetail(page, victim.id);
    await page.getByTestId('delete-credential').click();
    await page.getByTestId('confirm-delete').waitFor({ state: 'visible' });
    await screenshot(page, 'delete-confirm');
    await page.getByTestId('confirm-delete').click();
    await waitForCardCount(page, demo.length - 1);
    assert.ok(!(await cardIds(page)).includes(victim.id));
    await reload(page);
    await waitForCardCount(page, demo.length - 1);
    assert.ok(!(await cardIds(page)).includes(victim.id));
  });

  test('cancel keeps the credential', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const demo = demoExpectations();
    await loadDemo(page, demo.length);
    const kept = demo[1];
    await openDetail(page, kept.id);
    await page.getByTestId('delete-credential').click();
    await page.getByTestId('cancel-delete').click();
    await page.getByTestId('confirm-delete').waitFor({ state: 'hidden' });
    await page.getByTestId('credential-detail').waitFor({ state: 'visible' });
    await page.getByTestId('back-to-wallet').first().click();
    await waitForCardCount(page, demo.length);
    await reload(page);
    await waitForCardCount(page, demo.length);
    assert.ok((await cardIds(page)).includes(kept.id));
  });

  test('undo after delete restores the credential', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const demo = demoExpectations();
    await loadDemo(page, demo.length);
    const victim = demo[2];
    await openDetail(page, victim.id);
    await page.getByTestId('delete-credential').click();
    await page.getByTestId('confirm-delete').click();
    await waitForCardCount(page, demo.length - 1);
    // The notice names what was deleted, in quotes, with nothing between them and the name.
    const notice = page.locator('.banner.info', { has: page.getByTestId('undo-delete') });
    const said = (await notice.textContent()).replace(/\s*Undo\s*$/, '').trim();
    await screenshot(page, 'delete-undo-notice');
    assert.match(said, /^Deleted “\S[^”]*\S”\.$/, said);
    // … and on screen: the opening quote ends where the name starts (the banner is a flex box,
    // whose gap once opened between them).
    const gap = await notice.evaluate((el) => {
      const name = el.querySelector('bdi');
      const quote = document.createRange();
      const text = name.previousSibling;
      quote.setStart(text, text.textContent.length - 1);
      quote.setEnd(text, text.textContent.length);
      return name.getClientRects()[0].left - quote.getBoundingClientRect().right;
    });
    assert.ok(Math.abs(gap) < 2, `a ${gap}px gap between the quote and the name`);
    await page.getByTestId('undo-delete').click();
    await waitForCardCount(page, demo.length);
    assert.ok((await cardIds(page)).includes(victim.id));
    await reload(page);
    await waitForCardCount(page, demo.length);
    assert.ok((await cardIds(page)).includes(victim.id), 'restored for good');
  });
});
