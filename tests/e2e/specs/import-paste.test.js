// Pasting JSON / JWS, duplicates, malformed pasted text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, TEST_TIMEOUT, importText, cardIds, waitForCardCount, waitVerified, tid, screenshot, makeOb3,
} from '../lib/harness.js';
import { fixtureOrDemo } from '../lib/fixtures.js';

describe('import by pasting', { timeout: TEST_TIMEOUT * 6 }, () => {
  const env = suite();

  test('paste an OB 3.0 JSON credential', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const fx = fixtureOrDemo('ob3');
    const results = await importText(page, fx.buffer.toString('utf8'));
    assert.equal(results.length, 1);
    assert.equal(results[0].outcome, 'added', results[0].text);
    await waitForCardCount(page, 1);
    const card = page.locator(tid('credential-card')).first();
    assert.equal(await card.getAttribute('data-credential-id'), fx.id);
    // The card appears as `pending` and its verification settles after it.
    await waitVerified(page);
    assert.equal(await card.getAttribute('data-status'), 'unverified');
    const href = await card.locator('a').first().getAttribute('href');
    assert.equal(href, `#/credential/${encodeURIComponent(fx.id)}`);
  });

  test('paste a VC-JWT (compact JWS)', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const fx = fixtureOrDemo('jwt');
    const results = await importText(page, fx.buffer.toString('utf8').trim());
    assert.equal(results[0].outcome, 'added', results[0].text);
    await waitForCardCount(page, 1);
    assert.deepEqual(await cardIds(page), [fx.id]);
  });

  test('the same credential twice is reported as a duplicate and stored once', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const text = JSON.stringify(makeOb3({ name: 'Duplicate Check' }));
    let results = await importText(page, text);
    assert.equal(results[0].outcome, 'added', results[0].text);
    results = await importText(page, text);
    assert.equal(results.length, 1);
    assert.equal(results[0].outcome, 'duplicate');
    assert.match(results[0].text, /already in your wallet/i);
    await waitForCardCount(page, 1);
    await screenshot(page, 'import-duplicate-message');
  });

  test('invalid JSON says it is not valid JSON', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const results = await importText(page, '{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ');
    assert.equal(results[0].outcome, 'error');
    assert.match(results[0].text, /not valid JSON/i);
    assert.equal(await page.locator(tid('credential-card')).count(), 0);
  });

  test('JSON that is not a badge is refused with a clear message', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const results = await importText(page, JSON.stringify({ hello: 'world', items: [1, 2, 3] }));
    assert.equal(results[0].outcome, 'error');
    assert.match(results[0].text, /not a badge this wallet understands/i);
    assert.equal(await page.locator(tid('credential-card')).count(), 0);
    await screenshot(page, 'import-error-message');
  });
});
