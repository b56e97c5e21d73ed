// The wallet verifies only in the verification worker (src/bin/verify_worker.rs, issue 13):
// the gallery shows [data-testid=verify-progress] while it runs (the statuses themselves are
// checked by verification.test.js and the rest, all through the worker). A wallet whose worker
// cannot run reports its credentials as not checked, never as verified.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, TEST_TIMEOUT, tid, loadDemo, reload, waitVerified, screenshot, holdVerification } from '../lib/harness.js';

/** Records, from the first byte of the page, whether the progress line was ever shown. */
function watchProgress() {
  window.__progress = [];
  new MutationObserver(() => {
    const el = document.querySelector('[data-testid="verify-progress"]');
    if (el) window.__progress.push([el.getAttribute('data-done'), el.getAttribute('data-total'), el.textContent]);
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

async function statuses(page) {
  const pairs = await page.$$eval(tid('credential-card'), (els) =>
    els.map((e) => [e.getAttribute('data-credential-id'), e.getAttribute('data-status')]),
  );
  return Object.fromEntries(pairs.sort());
}

describe('verification worker', { timeout: TEST_TIMEOUT * 3 }, () => {
  const env = suite();

  test('the re-check runs in the worker and shows its progress', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open({ beforeGoto: (p) => p.addInitScript(watchProgress) });
    await loadDemo(page);
    const inWorker = await statuses(page);
    const workers = page.workers().map((w) => w.url());
    assert.ok(workers.some((u) => /verify-worker-[0-9a-f]+-loader\.js$/.test(u)), `a verification worker runs: ${workers}`);
    // Re-check on open: progress shown, then gone.
    await reload(page);
    await waitVerified(page);
    await page.locator(tid('verify-progress')).waitFor({ state: 'detached' });
    const seen = await page.evaluate(() => window.__progress);
    assert.ok(seen.length > 0, 'the progress line was shown during the re-check');
    const total = Object.keys(inWorker).length;
    assert.ok(seen.every(([, t]) => Number(t) === total), `progress counts all ${total}: ${JSON.stringify(seen.slice(0, 3))}`);
    assert.match(seen[0][2], new RegExp(`Checking \\d+ of ${total} credentials…`));
    assert.deepEqual(await statuses(page), inWorker, 'the re-check on open gives the same statuses');
    console.log(`[worker] ${total} credentials verified in the worker; progress seen ${seen.length}×: ${seen.map((s) => s[0]).join(',')}`);
  });

  test('no worker can run: every credential is "not checked", none verified, and the report says why', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open({ beforeGoto: (p) => p.route(/verify-worker-/, (route) => route.abort()) });
    await loadDemo(page);
    const all = Object.values(await statuses(page));
    assert.ok(all.length > 0 && all.every((s) => s === 'unverified'), `all unverified: ${all}`);
    const first = await page.locator(tid('credential-card')).first().getAttribute('data-credential-id');
    await page.evaluate((id) => { location.hash = `#/credential/${encodeURIComponent(id)}`; }, first);
    const check = page.locator(`${tid('verification-check')}[data-check="signature"]`);
    await check.waitFor();
    assert.equal(await check.getAttribute('data-outcome'), 'not-checked');
    assert.match(await check.textContent(), /could not be checked/);
  });

  test('a worker that dies on a batch is replaced, and the batch is checked one by one', { timeout: TEST_TIMEOUT }, async () => {
    // The first worker's loader is served with a fault: it answers its first "verify" request
    // by failing, as a worker whose wasm stopped on a credential would. Later workers are intact.
    let served = 0;
    const page = await env.open({
      beforeGoto: (p) => p.route(/verify-worker-[0-9a-f]+-loader\.js$/, async (route) => {
        const response = await route.fetch();
        let body = await response.text();
        if (served++ === 0) {
          body = body.replace('onmessage = (e) => {', `let faulty = true;
onmessage = (e) => {
  if (faulty && e.data.includes('"type":"verify"')) { faulty = false; postMessage('failed'); return; }`);
          assert.match(body, /let faulty = true/, 'the fault was inserted');
        }
        await route.fulfill({ response, body });
      }),
    });
    await loadDemo(page);
    assert.ok(served >= 2, `a fresh worker was started after the failure (loader served ${served}×)`);
    const all = Object.values(await statuses(page));
    assert.equal(all.filter((s) => s === 'verified').length, 13, `every credential still checked: ${all}`);
    assert.equal(all.filter((s) => s === 'pending').length, 0);
  });

  test('the progress line as a person sees it', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await loadDemo(page);
    // Hold the worker's answers so the line stays on screen for the screenshot.
    const release = await holdVerification(page);
    const line = page.getByTestId('verify-progress');
    // "Check again" in a detail view re-checks one credential through the same worker.
    const first = await page.locator(tid('credential-card')).first().getAttribute('data-credential-id');
    await page.evaluate((id) => { location.hash = `#/credential/${encodeURIComponent(id)}`; }, first);
    await page.getByTestId('verify-again').click();
    await page.evaluate(() => { location.hash = '#/'; });
    await line.waitFor({ state: 'visible' });
    assert.match(await line.textContent(), /Checking 0 of 1 credential…/);
    await screenshot(page, 'verify-progress');
    await release();
    await line.waitFor({ state: 'detached' });
    await waitVerified(page);
  });
});
