// The employer's viewer (issue 13): a share link loads the viewer's wasm and never the
// wallet's, contacts no host but its own, fits a phone screen; "Open my wallet" and "Save to
// my wallet" load the wallet, which saves the link's credentials (#/save/…).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, TEST_TIMEOUT, DEMO, tid, screenshot, waitForCardCount, waitVerified } from '../lib/harness.js';
import { sharePayload } from '../lib/share-link.js';
import { waitAllFinal } from '../lib/share.js';

const FILES = ['01-intro-to-sql.json', '02-python-data-analysis.json', '10-data-ethics-and-privacy.json'];

describe("the employer's viewer", { timeout: TEST_TIMEOUT * 3 }, () => {
  const env = suite();

  test('a share link loads only the viewer, on a phone, and asks no other host', { timeout: TEST_TIMEOUT }, async () => {
    const credentials = FILES.map((f) => fs.readFileSync(path.join(DEMO, f), 'utf8'));
    const hash = `#/s/${sharePayload({ title: 'Data skills', holder: 'Alex Rivera', credentials })}`;
    const requests = [];
    const page = await env.open({
      hash,
      viewport: { width: 390, height: 844 },
      beforeGoto: (p) => p.on('request', (r) => requests.push(r.url())),
    });
    await waitForCardCount(page, 3);
    await waitAllFinal(page);
    const statuses = await page.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-status')));
    assert.deepEqual(statuses, ['verified', 'verified', 'verified']);
    const wasm = requests.filter((u) => u.endsWith('.wasm')).map((u) => path.basename(new URL(u).pathname));
    assert.equal(wasm.length, 1, `one wasm: ${wasm}`);
    assert.match(wasm[0], /^viewer-[0-9a-f]+_bg\.wasm$/, 'the viewer, not the wallet');
    assert.equal(page.workers().length, 0, 'no verification worker in the viewer');
    const own = new URL(env.server.walletUrl).host;
    const others = requests.map((u) => new URL(u)).filter((u) => u.protocol.startsWith('http') && u.host !== own);
    assert.deepEqual(others.map(String), [], 'no request to any other host');
    // Fits the phone: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
    await screenshot(page, 'viewer-phone');
    await page.locator(tid('credential-card')).first().locator('a').click();
    await page.getByTestId('shared-detail').waitFor();
    await screenshot(page, 'viewer-phone-detail');
  });

  test('"Save to my wallet" opens the wallet, which saves them; "Open my wallet" opens it too', { timeout: TEST_TIMEOUT }, async () => {
    const credentials = FILES.map((f) => fs.readFileSync(path.join(DEMO, f), 'utf8'));
    const hash = `#/s/${sharePayload({ credentials })}`;
    const page = await env.open({ hash });
    await waitForCardCount(page, 3);
    await page.getByTestId('share-save').click();
    const result = page.getByTestId('share-save-result');
    await page.waitForFunction((sel) => /added/.test(document.querySelector(sel)?.textContent ?? ''), tid('share-save-result'));
    assert.match(await result.textContent(), /Saved to your wallet: 3 added\./);
    await screenshot(page, 'viewer-saved');
    // The wallet's own wasm is running now (its progress nav exists; the viewer has none).
    await page.getByTestId('nav-progress').waitFor();
    await page.getByRole('link', { name: 'Open my wallet' }).click();
    await waitForCardCount(page, 3);
    await waitVerified(page);
    // Back to the share link from inside the wallet: the page reloads into the viewer.
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.getByTestId('shared-portfolio').waitFor();
    assert.equal(await page.getByTestId('nav-progress').count(), 0, 'the viewer again');
  });
});
