// Bulk import of 200 files shows progress and ends with 200 credentials.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, TEST_TIMEOUT, withImport, galleryCountText, makeOb3, jsonFile, tid, reload,
} from '../lib/harness.js';

describe('bulk import', { timeout: TEST_TIMEOUT * 3 }, () => {
  const env = suite();

  test('200 generated files: progress shown, 200 credentials at the end', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    const files = [];
    for (let i = 1; i <= 200; i++) {
      const n = String(i).padStart(3, '0');
      const vc = makeOb3({ id: `urn:uuid:00000000-0000-4000-8000-000000000${n}`, name: `Bulk Badge ${n}` });
      files.push(jsonFile(`bulk-${n}.json`, vc));
    }
    // Record every progress text the app shows, however briefly.
    await page.evaluate((sel) => {
      window.__progressSeen = [];
      const record = () => {
        const el = document.querySelector(sel);
        if (el) window.__progressSeen.push(el.textContent.trim());
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, tid('import-progress'));
    const started = Date.now();
    const results = await withImport(page, () => page.getByTestId('import-file').setInputFiles(files), { min: 200, timeout: 90_000 });
    const ms = Date.now() - started;
    console.log(`[bulk] 200 files imported in ${ms} ms`);
    assert.equal(results.length, 200);
    assert.ok(results.every((r) => r.outcome === 'added'), JSON.stringify(results.filter((r) => r.outcome !== 'added').slice(0, 3)));
    const seen = await page.evaluate(() => window.__progressSeen);
    assert.ok(seen.some((t) => /Importing \d+ of 200/.test(t)), `progress seen: ${JSON.stringify(seen.slice(0, 5))}`);
    assert.equal(await galleryCountText(page), '200 credentials');
    await reload(page);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === '200 credentials', tid('gallery-count'));
  });
});
