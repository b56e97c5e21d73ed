// Import from a URL (same origin, cross origin with and without CORS) and the
// #/import?url= deep link.
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

  test('deep link #/import?url= imports on open', { timeout: TEST_TIMEOUT }, async (t) => {
    const fx = servedFixture(t, 'ob3');
    if (!fx) return;
    const url = env.server.fixtureUrl(fx.name);
    const page = await env.open({ hash: `#/import?url=${encodeURIComponent(url)}` });
    await waitForCardCount(page, 1);
    assert.deepEqual(await cardIds(page), [fx.id]);
    const results = await page.$$eval(tid('import-result'), (els) => els.map((e) => e.getAttribute('data-outcome')));
    assert.deepEqual(results, ['added']);
    // The deep link is consumed: reloading does not import again.
    await page.waitForFunction(() => !location.hash.includes('import'));
  });

  test('deep link while the app is already open', { timeout: TEST_TIMEOUT }, async (t) => {
    const fx = servedFixture(t, 'jwt');
    if (!fx) return;
    const page = await env.open();
    const url = env.server.fixtureUrl(fx.name);
    const results = await withImport(page, () => page.evaluate((h) => { location.hash = h; }, `#/import?url=${encodeURIComponent(url)}`));
    assert.equal(results[0].outcome, 'added', results[0].text);
    await waitReady(page);
    await waitForCardCount(page, 1);
  });
});
