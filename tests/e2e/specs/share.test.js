// Sharing: select credentials → share link + QR (decoded back with zbarimg) → the employer's
// view in a fresh browser (empty storage), verified there with no third-party requests; broken
// links; "save to my wallet"; baked badge downloads from the detail view.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, SCREENSHOTS, loadDemo, demoExpectations, screenshot, tid,
  waitForCardCount, importFiles,
} from '../lib/harness.js';
import { threeSmallest, settledStatuses, createShare, zbar } from '../lib/share.js';

/** One payload character changed to another character of the alphabet. */
function alter(link) {
  const at = link.indexOf('#/s/') + 4 + Math.floor((link.length - link.indexOf('#/s/') - 4) / 2);
  const c = link[at];
  return link.slice(0, at) + (c === 'A' ? 'B' : 'A') + link.slice(at + 1);
}

let shared = null; // { link, ids, statuses } from the first test

describe('sharing', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();

  test('3 credentials: link, QR decodes to the link exactly, employer view verifies them in a fresh browser', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const picks = threeSmallest();
    const ids = picks.map((p) => p.id);
    const walletStatuses = await settledStatuses(page, ids);

    const s = await createShare(page, ids);
    assert.ok(s.link.startsWith(`${env.server.walletUrl}#/s/1`), `link is <page>#/s/<payload>: ${s.link.slice(0, 80)}…`);
    assert.equal(await page.locator(tid('share-item')).count(), 3, 'one link per credential');

    // LinkedIn: every value URL-encoded, certUrl = that credential's own share link.
    const li = await page.locator(tid('share-linkedin')).first().getAttribute('href');
    const u = new URL(li);
    assert.equal(u.origin + u.pathname, 'https://www.linkedin.com/profile/add');
    assert.equal(u.searchParams.get('startTask'), 'CERTIFICATION_NAME');
    assert.ok(u.searchParams.get('name') && u.searchParams.get('organizationName'), li);
    assert.ok(u.searchParams.get('certUrl').startsWith(`${env.server.walletUrl}#/s/1`), 'certUrl is a share link');
    assert.ok(!/[ "<>]/.test(li), 'no raw special characters in the LinkedIn URL');

    // The QR code, read back from a screenshot by zbarimg, is exactly the link.
    const qr = page.getByTestId('share-qr');
    assert.equal(await qr.count(), 1, 'a QR code is shown');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const qrFile = path.join(SCREENSHOTS, 'share-qr.png');
    await qr.screenshot({ path: qrFile });
    const decoded = zbar(qrFile);
    assert.equal(decoded, s.link, 'zbarimg reads the exact link from the QR code');
    console.log(`[share] 3 credentials (${picks.map((p) => p.file).join(', ')}): frame ${s.frameBytes} bytes, payload ${s.payloadChars} chars, link ${s.link.length} chars, QR version ${s.version}`);
    if (s.version > 30) {
      assert.match(await page.getByTestId('share-too-big').textContent(), /too big for one scannable QR code/);
    }
    await screenshot(page, 'share-panel');
    // Print: only the portfolio sheet and its QR code.
    await page.evaluate(() => document.documentElement.classList.add('printing-share'));
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.share-print').isVisible(), 'the print sheet shows when printing');
    assert.ok(!(await page.locator(tid('credential-card')).first().isVisible()), 'the gallery is not printed');
    await screenshot(page, 'share-print');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.documentElement.classList.remove('printing-share'));

    // The employer: a fresh context (empty storage), recording every request.
    const requests = [];
    let t0 = 0;
    const viewer = await env.open({
      hash: decoded.slice(decoded.indexOf('#')),
      beforeGoto: (p) => {
        p.on('request', (r) => requests.push(r.url()));
        t0 = Date.now();
      },
    });
    await viewer.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await waitForCardCount(viewer, 3);
    await viewer.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((e) => e.getAttribute('data-status') !== 'pending'),
      tid('credential-card'),
      { timeout: UI_TIMEOUT },
    );
    const ms = Date.now() - t0;
    const inPage = await viewer.getByTestId('shared-portfolio').getAttribute('data-verified-ms');
    console.log(`[share] opening the link → all 3 cards verified: ${ms} ms (in page, from app start: ${inPage} ms)`);

    const viewIds = await viewer.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-credential-id')));
    assert.deepEqual([...viewIds].sort(), [...ids].sort(), 'the shared cards are the selected credentials');
    const viewStatuses = await settledStatuses(viewer, ids, 300);
    assert.deepEqual(viewStatuses, walletStatuses, 'each shared card has the status the wallet shows for the same credential');
    console.log(`[share] statuses: ${viewStatuses.join(', ')}`);
    shared = { link: decoded, ids, statuses: viewStatuses };

    assert.equal((await viewer.getByTestId('shared-title').textContent()).trim(), 'Data skills');
    assert.match(await viewer.getByTestId('shared-holder').textContent(), /Alex Rivera/);
    const banner = (await viewer.getByTestId('share-banner').textContent()).trim();
    const failed = viewStatuses.filter((x) => x !== 'verified').length;
    if (failed === 0) assert.match(banner, /All 3 credentials verified in your browser/);
    else assert.match(banner, new RegExp(`${failed} of 3 credentials could not be verified`));

    // Not the wallet: no import, backup, gallery controls or share bar.
    for (const id of ['drop-zone', 'import-text', 'load-demo', 'wallet-empty', 'share-bar', 'search', 'select-credential']) {
      assert.equal(await viewer.locator(tid(id)).count(), 0, `no ${id} in the shared view`);
    }
    assert.equal(await viewer.locator('.backup, .import').count(), 0, 'no backup or import panel');

    // A card opens its full report.
    await viewer.locator(tid('credential-card')).first().locator('a').click();
    const detail = viewer.getByTestId('shared-detail');
    await detail.waitFor({ state: 'visible' });
    assert.ok((await detail.locator(tid('verification-check')).count()) >= 3, 'the checks are listed');
    const outcomes = await detail.locator(tid('verification-check')).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-check')}=${e.getAttribute('data-outcome')}`));
    console.log(`[share] first card checks: ${outcomes.join(' ')}`);
    assert.match(await detail.textContent(), /Issuer[\s\S]*Dates[\s\S]*Skills and alignments/);
    await viewer.evaluate(() => window.scrollTo(0, 0));
    await screenshot(viewer, 'shared-desktop');

    // Only the app's own origin was contacted.
    const foreign = requests.filter((r) => /^https?:/i.test(r) && new URL(r).origin !== env.server.origin);
    assert.deepEqual(foreign, [], 'no request to any other origin');
    assert.ok(requests.some((r) => r.startsWith(env.server.walletUrl)), 'requests were recorded');

    // A phone.
    const phone = await env.open({ viewport: { width: 390, height: 844 }, hash: decoded.slice(decoded.indexOf('#')) });
    await waitForCardCount(phone, 3);
    await phone.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((e) => e.getAttribute('data-status') !== 'pending'),
      tid('credential-card'),
    );
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
    await phone.waitForTimeout(200);
    await screenshot(phone, 'shared-mobile');
    await phone.locator(tid('credential-card')).nth(1).locator('a').click();
    await phone.getByTestId('shared-detail').waitFor({ state: 'visible' });
    const overflow2 = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow2 <= 1, `no horizontal scrolling with the report open (overflow ${overflow2}px)`);
    await screenshot(phone, 'shared-mobile-detail');
  });

  test('an altered, a truncated and a foreign link each show a clear error, never a crash', { timeout: TEST_TIMEOUT }, async () => {
    let link = shared?.link;
    if (!link) {
      const page = await env.open();
      await loadDemo(page);
      link = (await createShare(page, [threeSmallest()[0].id])).link;
    }
    const hash = (l) => l.slice(l.indexOf('#'));
    const cases = [
      ['altered', alter(link), /altered or damaged/],
      ['truncated', link.slice(0, link.length - 37), /incomplete \(it was cut off\)/],
      ['not a share link', `${link.slice(0, link.indexOf('#'))}#/s/hello-world`, /not a share link/i],
    ];
    for (const [what, bad, re] of cases) {
      const page = await env.open({ hash: hash(bad) });
      const err = page.getByTestId('share-error');
      await err.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const msg = (await err.textContent()).trim();
      assert.match(msg, re, `${what}: ${msg}`);
      assert.equal(await page.locator(tid('credential-card')).count(), 0, `${what}: no cards`);
      assert.equal(await page.getByTestId('shared-portfolio').count(), 0, `${what}: no portfolio`);
      console.log(`[share] ${what} link → "${msg}"`);
      if (what === 'altered') await screenshot(page, 'shared-broken');
    }
  });

  test('"Save to my wallet" imports the shared credentials in a fresh browser', { timeout: TEST_TIMEOUT }, async () => {
    let link = shared?.link;
    let ids = shared?.ids;
    if (!link) {
      const page = await env.open();
      await loadDemo(page);
      ids = threeSmallest().map((p) => p.id);
      link = (await createShare(page, ids)).link;
    }
    const page = await env.open({ hash: link.slice(link.indexOf('#')) });
    await waitForCardCount(page, ids.length);
    await page.getByTestId('share-save').click();
    await page.waitForFunction((sel) => /added/.test(document.querySelector(sel)?.textContent ?? ''), tid('share-save-result'));
    assert.match(await page.getByTestId('share-save-result').textContent(), new RegExp(`${ids.length} added`));
    await page.evaluate(() => { location.hash = '#/'; });
    await waitForCardCount(page, ids.length);
    const got = await page.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-credential-id')));
    assert.deepEqual([...got].sort(), [...ids].sort());
  });

  test('detail view: download as baked SVG and PNG; both import back as the same credential', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const jwt = demoExpectations().find((e) => e.file.endsWith('.jwt'));
    const ob3 = demoExpectations().find((e) => e.file.startsWith('01-'));
    const files = [];
    for (const [cred, testid] of [[ob3, 'download-baked-svg'], [ob3, 'download-baked-png'], [jwt, 'download-baked-png']]) {
      await page.evaluate((h) => { location.hash = h; }, `#/credential/${encodeURIComponent(cred.id)}`);
      await page.getByTestId('credential-detail').waitFor({ state: 'visible' });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      const buffer = fs.readFileSync(await download.path());
      const name = download.suggestedFilename();
      assert.match(name, testid.endsWith('svg') ? /\.svg$/ : /\.png$/);
      if (name.endsWith('.png')) assert.deepEqual([...buffer.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG');
      files.push({ cred, file: { name, mimeType: name.endsWith('.png') ? 'image/png' : 'image/svg+xml', buffer } });
    }
    for (const { cred, file } of files) {
      const fresh = await env.open();
      const results = await importFiles(fresh, [file]);
      assert.equal(results[0]?.outcome, 'added', `${file.name}: ${JSON.stringify(results)}`);
      await waitForCardCount(fresh, 1);
      const id = await fresh.locator(tid('credential-card')).getAttribute('data-credential-id');
      assert.equal(id, cred.id, `${file.name} carries ${cred.id}`);
    }
  });
});

