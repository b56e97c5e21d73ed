// Sharing: select credentials → share link + QR (decoded back with zbarimg) → the employer's
// view in a fresh browser (empty storage), verified there with no third-party requests; broken
// links; "save to my wallet"; baked badge downloads from the detail view; the panel's buttons:
// copy link (clipboard), Web Share (navigator.share stubbed: headless Chromium has no share
// sheet), QR code downloads as PNG and SVG (read back with zbarimg).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, SCREENSHOTS, loadDemo, demoExpectations, demoByPrefix, screenshot, tid,
  waitForCardCount, importFiles, VECTORS, skipUnless,
} from '../lib/harness.js';
import { threeSmallest, settledStatuses, createShare, shareState, zbar } from '../lib/share.js';

/** One payload character changed to another character of the alphabet. */
function alter(link) {
  const at = link.indexOf('#/s/') + 4 + Math.floor((link.length - link.indexOf('#/s/') - 4) / 2);
  const c = link[at];
  // Stay within the link's alphabet (digits in format 2), so only the checksum can tell.
  const other = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : (c === 'A' ? 'B' : 'A');
  return link.slice(0, at) + other + link.slice(at + 1);
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
    assert.ok(s.link.startsWith(`${env.server.walletUrl}#/s/2`), `link is <page>#/s/<payload>: ${s.link.slice(0, 80)}…`);
    assert.equal(await page.locator(tid('share-item')).count(), 3, 'one link per credential');

    // LinkedIn: every value URL-encoded, certUrl = that credential's own share link.
    const li = await page.locator(tid('share-linkedin')).first().getAttribute('href');
    const u = new URL(li);
    assert.equal(u.origin + u.pathname, 'https://www.linkedin.com/profile/add');
    assert.equal(u.searchParams.get('startTask'), 'CERTIFICATION_NAME');
    assert.ok(u.searchParams.get('name') && u.searchParams.get('organizationName'), li);
    assert.ok(u.searchParams.get('certUrl').startsWith(`${env.server.walletUrl}#/s/2`), 'certUrl is a share link');
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
    // Demo issuers are never trusted in the employer's view (their keys are public): the banner
    // warns, even when every signature is valid (trust.test.js covers the states).
    const bannerEl = viewer.getByTestId('share-banner');
    const banner = (await bannerEl.textContent()).trim();
    const failed = viewStatuses.filter((x) => !['verified', 'unverified'].includes(x)).length;
    if (failed === 0) {
      assert.equal(await bannerEl.getAttribute('data-state'), 'warn', banner);
      assert.match(banner, /3 credentials: .*\d issuers? not confirmed/);
    } else {
      assert.equal(await bannerEl.getAttribute('data-state'), 'failed', banner);
      assert.match(banner, new RegExp(`3 credentials: ${failed} failed`));
    }

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

  test('3 typical credentials signed elsewhere (DCC fixtures): QR ≤ version 30, scanned, every card verified in a fresh browser', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    // Three with distinct ids (many DCC fixtures share one id, and the wallet keeps one per id).
    const dir = path.join(VECTORS, 'dcc-vc-test-fixtures/verifiableCredentials');
    const files = [
      'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json',
      'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json',
      'v1/dataIntegrityProof/didKey/legacy-noStatus-noExpiry.json',
    ].map((f) => path.join(dir, f));
    if (skipUnless(t, files[0], 'DCC fixtures are published vectors under ../shared')) return;
    const page = await env.open();
    const ids = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')).id);
    await importFiles(page, files);
    assert.deepEqual(await settledStatuses(page, ids), ['verified', 'verified', 'verified'], 'the wallet verifies them');
    const s = await createShare(page, ids);
    assert.ok(s.version && s.version <= 30, `one scannable QR code (version ${s.version}, goal ≤ 30 at ECC M)`);
    const qrFile = path.join(SCREENSHOTS, 'share-qr-dcc.png');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('share-qr').screenshot({ path: qrFile });
    const decoded = zbar(qrFile);
    assert.equal(decoded, s.link, 'zbarimg reads the exact link');
    console.log(`[share] 3 DCC credentials: frame ${s.frameBytes} bytes, link ${s.link.length} chars, QR version ${s.version}`);
    const viewer = await env.open({ hash: decoded.slice(decoded.indexOf('#')) });
    await viewer.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await waitForCardCount(viewer, 3);
    assert.deepEqual(await settledStatuses(viewer, ids, 300), ['verified', 'verified', 'verified'], 'every card verified in the employer\'s browser');
    // Their issuers are in no registry: every signature holds, but the issuers are not confirmed.
    assert.equal(await viewer.getByTestId('share-banner').getAttribute('data-state'), 'warn');
    assert.match(await viewer.getByTestId('share-banner').textContent(), /3 credentials: signatures valid; \d issuers? not confirmed/);
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
    const ob3 = demoByPrefix('01-');
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

const DATA_ANALYTICS = 'https://demo.example.org/pathways/northfield/data-analytics-certificate';

/** Render an SVG (text) alone in a page and read its QR code with zbarimg. */
async function readSvgQr(context, svg, name) {
  const page = await context.newPage();
  const b64 = Buffer.from(svg).toString('base64');
  await page.setContent(`<body style="margin:0;background:#fff"><img id="q" src="data:image/svg+xml;base64,${b64}" width="600" height="600"></body>`);
  await page.waitForFunction(() => document.getElementById('q').complete);
  const file = path.join(SCREENSHOTS, name);
  await page.locator('#q').screenshot({ path: file });
  await page.close();
  return zbar(file);
}

describe('share panel buttons', { timeout: TEST_TIMEOUT * 6 }, () => {
  const env = suite();

  test('"Copy link" puts exactly the link on the clipboard', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
    await loadDemo(page);
    const s = await createShare(page, [threeSmallest()[0].id]);
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'something else');
    assert.equal((await page.getByTestId('share-copy-status').textContent()).trim(), '', 'no status before copying');
    await page.getByTestId('share-copy').click();
    await page.waitForFunction((sel) => /Link copied/.test(document.querySelector(sel)?.textContent ?? ''), tid('share-copy-status'));
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clip, s.link, 'the clipboard holds the link shown');
    console.log(`[share] copied ${clip.length} characters`);
  });

  test('"Copy link" without clipboard access selects the link and says how to copy it', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open({
      beforeGoto: (p) => p.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
      }),
    });
    await loadDemo(page);
    const s = await createShare(page, [threeSmallest()[0].id]);
    await page.getByTestId('share-copy').click();
    await page.waitForFunction((sel) => /Ctrl\+C/.test(document.querySelector(sel)?.textContent ?? ''), tid('share-copy-status'));
    const sel = await page.$eval(tid('share-link'), (i) => [i.selectionStart, i.selectionEnd, i.value.length]);
    assert.deepEqual(sel, [0, s.link.length, s.link.length], 'the whole link is selected for the person to copy');
  });

  test('"Share…" hands the link to the system share sheet', { timeout: TEST_TIMEOUT }, async () => {
    // Headless Chromium has no share sheet: a stub records what the page asks it to share.
    const page = await env.open({
      beforeGoto: (p) => p.addInitScript(() => {
        window.__shareCalls = [];
        Object.defineProperty(Navigator.prototype, 'share', {
          configurable: true,
          value(data) {
            window.__shareCalls.push({ title: data?.title, text: data?.text, url: data?.url });
            return Promise.resolve();
          },
        });
      }),
    });
    await loadDemo(page);
    const s = await createShare(page, [threeSmallest()[0].id], { title: 'Portfolio for ACME' });
    assert.deepEqual(await page.evaluate(() => window.__shareCalls), [], 'nothing shared before the click');
    await page.getByTestId('share-web').click();
    const calls = await page.evaluate(() => window.__shareCalls);
    assert.equal(calls.length, 1, 'navigator.share was called once');
    assert.equal(calls[0].url, s.link, 'with the share link');
    assert.equal(calls[0].title, 'Portfolio for ACME', 'and the title');
    assert.match(calls[0].text, /checked in your browser/);

    // Without Web Share (Chromium on Linux has none) the button is not offered at all.
    const plain = await env.open();
    const hasShare = await plain.evaluate(() => typeof navigator.share === 'function');
    await loadDemo(plain);
    await createShare(plain, [threeSmallest()[0].id]);
    assert.equal(await plain.getByTestId('share-web').count(), hasShare ? 1 : 0, `share button shown only with navigator.share (${hasShare})`);
    console.log(`[share] navigator.share in this Chromium without the stub: ${hasShare}; "Share…" button ${hasShare ? 'shown' : 'not shown'}`);
  });

  test('QR downloads: a PNG that zbarimg reads as the link, an SVG of the same code; both follow the link when a pathway is added', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const ethics = demoByPrefix('10-');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const downloads = async (label) => {
      const s = await shareState(page);
      assert.ok(s.version, `${label}: the panel shows a QR code`);
      const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-qr-png').click()]);
      assert.equal(png.suggestedFilename(), 'portfolio-qr.png');
      const buf = fs.readFileSync(await png.path());
      assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], `${label}: PNG signature`);
      assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR');
      const side = buf.readUInt32BE(16);
      assert.equal(side, buf.readUInt32BE(20), 'square');
      assert.equal(side, (s.version * 4 + 17 + 8) * 8, `${label}: 8 pixels a module, quiet zone of 4 (version ${s.version})`);
      assert.equal(buf.subarray(buf.length - 12).toString('latin1', 4, 8), 'IEND');
      const pngFile = path.join(SCREENSHOTS, `share-qr-download-${label}.png`);
      fs.writeFileSync(pngFile, buf);
      assert.equal(zbar(pngFile), s.link, `${label}: zbarimg reads exactly the link from the PNG`);

      const [svgDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-qr-svg').click()]);
      assert.equal(svgDl.suggestedFilename(), 'portfolio-qr.svg');
      const svg = fs.readFileSync(await svgDl.path(), 'utf8');
      assert.match(svg, /^(<\?xml[^>]*>\s*)?<svg[\s>]/, `${label}: an SVG document`);
      assert.match(svg, /<path stroke="#000" d="M\d/, 'the dark modules are drawn as one stroked path');
      const shown = await page.getByTestId('share-qr').getAttribute('src');
      assert.equal(Buffer.from(shown.split(',')[1], 'base64').toString('utf8'), svg, 'the SVG is the code shown on the page');
      assert.equal(await readSvgQr(page.context(), svg, `share-qr-download-${label}-svg.png`), s.link, `${label}: the SVG's code reads as the link`);
      return s;
    };
    await createShare(page, [ethics.id]);
    const plain = await downloads('plain');
    // Add pathway progress: the link changes, and so do both downloads.
    const box = page.locator(`${tid('share-pathway')}[data-pathway-id="${DATA_ANALYTICS}"]`);
    await box.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await box.check();
    await page.waitForFunction(([sel, old]) => document.querySelector(sel)?.value !== old, [tid('share-link'), plain.link]);
    const withPathway = await downloads('pathway');
    assert.notEqual(withPathway.link, plain.link);
    console.log(`[share] QR downloads: plain link ${plain.link.length} chars (version ${plain.version}), with the Data Analytics pathway ${withPathway.link.length} chars (version ${withPathway.version})`);
  });
});
