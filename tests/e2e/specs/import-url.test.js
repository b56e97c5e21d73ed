// Import from a URL (same origin, cross origin with and without CORS) and the
// #/import?url= deep link (shown first; nothing fetched until the learner confirms).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, TEST_TIMEOUT, importUrl, cardIds, waitForCardCount, tid, screenshot, withImport, waitReady,
} from '../lib/harness.js';
import { fixtureOrDemo } from '../lib/fixtures.js';

// URL imports need the file under tests/fixtures (that is what the servers serve).
function servedFixture(t, role) {
  const fx = fixtureOrDemo(role);
  if (fx.source !== 'fixture') {
    const msg = `SKIPPED: no tests/fixtures file for role ${role}`;
    console.warn(msg);
    t.skip(msg);
    return null;
  }
  return fx;
}

describe('import by URL', { timeout: TEST_TIMEOUT * 6 }, () => {
  const env = suite();

  test('same-origin URL import', { timeout: TEST_TIMEOUT }, async (t) => {
    const fx = servedFixture(t, 'ob3');
    if (!fx) return;
    const page = await env.open();
    const results = await importUrl(page, env.server.fixtureUrl(fx.name));
    assert.equal(results[0].outcome, 'added', results[0].text);
    await waitForCardCount(page, 1);
    assert.deepEqual(await cardIds(page), [fx.id]);
  });

  test('cross-origin URL import with CORS allowed', { timeout: TEST_TIMEOUT }, async (t) => {
    const fx = servedFixture(t, 'ob2');
    if (!fx) return;
    const page = await env.open();
    const results = await importUrl(page, env.server.remoteUrl(fx.name));
    assert.equal(results[0].outcome, 'added', results[0].text);
    await waitForCardCount(page, 1);
  });

  test('cross-origin URL without CORS headers explains the CORS failure', { timeout: TEST_TIMEOUT }, async (t) => {
    const fx = servedFixture(t, 'ob3');
    if (!fx) return;
    const page = await env.open();
    const results = await importUrl(page, env.server.noCorsUrl(fx.name));
    assert.equal(results[0].outcome, 'error', results[0].text);
    assert.match(results[0].text, /CORS|the issuer's server does not allow/i);
    assert.equal(await page.locator(tid('credential-card')).count(), 0);
    await screenshot(page, 'import-cors-error');
  });

  test('a URL that 404s is an error, not a crash', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const results = await importUrl(page, env.server.fixtureUrl('does-not-exist.json'));
    assert.equal(results[0].outcome, 'error', results[0].text);
  });

  /** Every request the page's context makes to `url` (the deep link's target), as it happens. */
  function requestsTo(page, url) {
    const seen = [];
    page.context().on('request', (r) => {
      if (r.url() === url) seen.push(r.url());
    });
    return seen;
  }

  test('deep link #/import?url= asks first, fetches nothing until confirmed, then imports', { timeout: TEST_TIMEOUT }, async (t) => {
    const fx = servedFixture(t, 'ob3');
    if (!fx) return;
    const url = env.server.remoteUrl(fx.name);
    let seen = null;
    const page = await env.open({
      hash: `#/import?url=${encodeURIComponent(url)}`,
      beforeGoto: (p) => { seen = requestsTo(p, url); },
    });
    const confirm = page.getByTestId('deeplink-confirm');
    await confirm.waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('deeplink-host').textContent(), '127.0.0.1');
    assert.equal(await page.getByTestId('deeplink-url').textContent(), url);
    // Give a wallet that would fetch by itself every chance to do it.
    await page.waitForTimeout(1000);
    assert.deepEqual(seen, [], 'nothing fetched before the learner confirms');
    assert.equal(await page.locator(tid('credential-card')).count(), 0);
    await screenshot(page, 'deeplink-confirm');
    const results = await withImport(page, () => confirm.click());
    assert.deepEqual(results.map((r) => r.outcome), ['added'], JSON.stringify(results));
    assert.equal(seen.length, 1, 'fetched once, after the confirmation');
    await waitForCardCount(page, 1);
    assert.deepEqual(await cardIds(page), [fx.id]);
    // The deep link is consumed: reloading does not ask or import again.
    await page.waitForFunction(() => !location.hash.includes('import'));
    await page.reload();
    await waitReady(page);
    assert.equal(await page.getByTestId('deeplink-confirm').count(), 0);
    assert.equal(seen.length, 1);
  });

  test('deep link while the app is already open: asks, cancel fetches nothing and keeps the wallet', { timeout: TEST_TIMEOUT }, async (t) => {
    const fx = servedFixture(t, 'jwt');
    const other = servedFixture(t, 'ob3');
    if (!fx || !other) return;
    const page = await env.open();
    await importUrl(page, env.server.fixtureUrl(other.name));
    await waitForCardCount(page, 1);
    const url = env.server.fixtureUrl(fx.name);
    const seen = requestsTo(page, url);
    await page.evaluate((h) => { location.hash = h; }, `#/import?url=${encodeURIComponent(url)}`);
    await page.getByTestId('deeplink-confirm').waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    assert.deepEqual(seen, []);
    await page.getByTestId('deeplink-cancel').click();
    await page.waitForFunction(() => !location.hash.includes('import'));
    await waitForCardCount(page, 1);
    assert.deepEqual(await cardIds(page), [other.id], 'the stored credential is still there');
    assert.deepEqual(seen, [], 'cancel fetched nothing');
    // The same link again, confirmed this time.
    await page.evaluate((h) => { location.hash = h; }, `#/import?url=${encodeURIComponent(url)}`);
    const results = await withImport(page, () => page.getByTestId('deeplink-confirm').click());
    assert.equal(results[0].outcome, 'added', results[0].text);
    await waitForCardCount(page, 2);
    assert.equal(seen.length, 1);
  });

  test('a deep link to a non-http address offers nothing to confirm', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open({ hash: `#/import?url=${encodeURIComponent('javascript:alert(1)')}` });
    await page.getByTestId('deeplink-error').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('deeplink-confirm').count(), 0);
    assert.match(await page.getByTestId('deeplink-error').textContent(), /only http and https/);
    assert.deepEqual(page.dialogs, []);
  });
});
