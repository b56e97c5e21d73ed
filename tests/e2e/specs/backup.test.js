// Backup export and restore (merge without duplicates).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, DEMO, loadDemo, cardIds, waitForCardCount, withImport, demoExpectations, screenshot, tid,
} from '../lib/harness.js';

describe('backup and restore', { timeout: TEST_TIMEOUT * 3 }, () => {
  const env = suite();

  test('export a backup, restore it into an empty wallet, restore again without duplicates', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    const demo = demoExpectations();
    await loadDemo(page, demo.length);
    const ids = (await cardIds(page)).sort();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-backup').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.json$/);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    const backup = JSON.parse(text);
    assert.equal(backup.type, 'LearnerWalletBackup');
    assert.match(text, /"type"\s*:\s*"LearnerWalletBackup"/);
    // Every demo credential is in it, with its original text.
    for (const d of demo) {
      // JSON credentials are kept as JSON (their id appears); a VC-JWT is kept as the compact JWS.
      const needle = d.file.endsWith('.jwt') ? fs.readFileSync(path.join(DEMO, d.file), 'utf8').trim() : JSON.stringify(d.id).slice(1, -1);
      assert.ok(text.includes(needle), `backup holds ${d.file}`);
    }

    // A fresh browser context = an empty wallet.
    const fresh = await env.open();
    await fresh.getByTestId('wallet-empty').waitFor({ state: 'visible' });
    const payload = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: fs.readFileSync(file) };
    let results = await withImport(fresh, () => fresh.getByTestId('restore-file').setInputFiles(payload), { min: demo.length });
    assert.equal(results.filter((r) => r.outcome === 'added').length, demo.length, JSON.stringify(results));
    await waitForCardCount(fresh, demo.length);
    assert.deepEqual((await cardIds(fresh)).sort(), ids);

    // Restoring the same backup again adds nothing and says so.
    results = await withImport(fresh, () => fresh.getByTestId('restore-file').setInputFiles(payload), { min: 1 });
    assert.ok(results.length > 0);
    assert.ok(results.every((r) => r.outcome === 'duplicate'), JSON.stringify(results));
    assert.match(results.map((r) => r.text).join(' '), /already in your wallet/i);
    await waitForCardCount(fresh, demo.length);
    await screenshot(fresh, 'restore-duplicates');
  });

  test('a file that is not a backup is refused by restore', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const payload = { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"ShoppingList"}') };
    const results = await withImport(page, () => page.getByTestId('restore-file').setInputFiles(payload));
    assert.equal(results.length, 1);
    assert.equal(results[0].outcome, 'error');
    assert.equal(await page.locator(tid('credential-card')).count(), 0);
  });

  test('a file too large to be a backup is refused from its size, unread, and nothing changes', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const before = await page.locator(tid('credential-card')).count();
    // A sparse file: 300 MB on paper, nothing on disk; given by path, so never copied.
    const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wallet-big-')), 'huge-backup.json');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 300 * 1024 * 1024);
    const results = await withImport(page, () => page.getByTestId('restore-file').setInputFiles(big));
    assert.equal(results.length, 1);
    assert.equal(results[0].outcome, 'error');
    assert.match(results[0].text, /too large to be a backup \(300 MB; the limit is 256 MB\)/);
    assert.equal(await page.locator(tid('credential-card')).count(), before);
    fs.rmSync(path.dirname(big), { recursive: true, force: true });
  });
});
