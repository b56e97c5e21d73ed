// Storage: survives reload, syncs across tabs, reports a full storage
// without losing what was stored.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, importText, loadDemo, reload, cardIds, waitForCardCount, tid, screenshot,
  makeOb3, withImport,
} from '../lib/harness.js';

describe('persistence', { timeout: TEST_TIMEOUT * 5 }, () => {
  const env = suite();

  test('credentials survive a reload', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const before = (await cardIds(page)).sort();
    await reload(page);
    await waitForCardCount(page, before.length);
    assert.deepEqual((await cardIds(page)).sort(), before);
  });

  test('a second tab shows a credential imported in the first, without reload', { timeout: TEST_TIMEOUT }, async () => {
    const a = await env.open();
    const b = await env.open({ context: a.context() });
    assert.equal(await b.locator(tid('credential-card')).count(), 0);
    const vc = makeOb3({ name: 'Seen In Both Tabs' });
    const results = await importText(a, JSON.stringify(vc));
    assert.equal(results[0].outcome, 'added', results[0].text);
    await waitForCardCount(b, 1);
    assert.deepEqual(await cardIds(b), [vc.id]);
  });

  test('storage full: clear message, earlier credentials kept', { timeout: TEST_TIMEOUT }, async () => {
    // The quota override must be in place before the app opens IndexedDB:
    // Chromium does not apply it to an already-open storage bucket.
    const page = await env.open({
      beforeGoto: async (p, srv) => {
        const cdp = await p.context().newCDPSession(p);
        await cdp.send('Storage.overrideQuotaForOrigin', { origin: srv.origin, quotaSize: 1_000_000 });
      },
    });
    const small = makeOb3({ name: 'Stored Before Quota' });
    let results = await importText(page, JSON.stringify(small));
    assert.equal(results[0].outcome, 'added', results[0].text);
    await waitForCardCount(page, 1);

    // ~2.7 MB of incompressible text (IndexedDB compresses repetitive values),
    // under the 10 MB import limit but over the 1 MB quota.
    const big = makeOb3({ name: 'Too Big For The Quota' });
    big.credentialSubject.achievement.description = crypto.randomBytes(2_000_000).toString('base64');
    const file = { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) };
    results = await withImport(page, () => page.getByTestId('import-file').setInputFiles([file]));
    const storageMsg = (await page.getByTestId('storage-message').allTextContents()).join(' ');
    const all = results.map((r) => r.text).join(' ') + ' ' + storageMsg;
    assert.match(all, /storage is full/i, `results: ${JSON.stringify(results)} storage: ${storageMsg}`);
    assert.ok(results.every((r) => r.outcome !== 'added'), JSON.stringify(results));
    await waitForCardCount(page, 1);
    await screenshot(page, 'storage-full');

    await reload(page);
    await waitForCardCount(page, 1, UI_TIMEOUT);
    assert.deepEqual(await cardIds(page), [small.id]);
  });
});
