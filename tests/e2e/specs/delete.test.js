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
    await page.getByTestId('undo-delete').click();
    await waitForCardCount(page, demo.length);
    assert.ok((await cardIds(page)).includes(victim.id));
    await reload(page);
    await waitForCardCount(page, demo.length);
    assert.ok((await cardIds(page)).includes(victim.id), 'restored for good');
  });
});
