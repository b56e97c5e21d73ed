// QR import (issue 14 point 4): a picture of a share link's QR code (a PNG screenshot, a JPEG
// photo of the whole panel) given to [data-testid=import-file] shows what the link holds and
// imports it on confirmation; a QR code holding an address goes to the deep-link confirmation;
// pictures with nothing usable say why; the camera ([data-testid=scan-qr]) reads a share QR
// from Chromium's fake capture (a .y4m made from a qrencode picture); where the browser has a
// BarcodeDetector it is used.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, FIXTURES, loadDemo, cardIds, cardCount, waitForCardCount,
  withImport, screenshot, tid, launchBrowser, newPage, readFixture,
} from '../lib/harness.js';
import { threeSmallest, createShare } from '../lib/share.js';

const QRENCODE = process.env.QRENCODE_PATH ?? '/usr/bin/qrencode';
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'wallet-qr-'));

/** A PNG of `text`'s QR code, made by qrencode (an encoder independent of the wallet's). */
function qrPng(text, name, pixelsPerModule = 6) {
  const file = path.join(TMP, name);
  execFileSync(QRENCODE, ['-o', file, '-s', String(pixelsPerModule), '-m', '4', '-l', 'M', text]);
  return file;
}

const picture = (name, buffer, mimeType) => ({ name, mimeType, buffer });

/** Give pictures to the file picker and wait for the QR offer. */
async function offerFrom(page, files) {
  await page.getByTestId('import-file').setInputFiles(files);
  const offer = page.getByTestId('qr-offer');
  await offer.waitFor({ state: 'visible', timeout: UI_TIMEOUT }).catch(async (e) => {
    const lines = await page.locator(tid('import-result')).allTextContents();
    throw new Error(`no QR offer; the import said: ${JSON.stringify(lines)} (${e.message})`);
  });
  const items = await page.getByTestId('qr-offer-item').allTextContents();
  return { offer, items: items.map((t) => t.replace(/\s+/g, ' ').trim()) };
}

let share = null; // { link, ids, names } made once

async function shareLink(env) {
  if (share) return share;
  // A phone's screen: two pixels per CSS pixel, as a screenshot or photo of it would have.
  const page = await env.open({ contextOptions: { deviceScaleFactor: 2 } });
  await loadDemo(page);
  const picks = threeSmallest();
  const ids = picks.map((p) => p.id);
  const s = await createShare(page, ids);
  const qr = await page.getByTestId('share-qr').screenshot();
  const panel = await page.getByTestId('share-panel').screenshot({ type: 'jpeg', quality: 85 });
  const names = picks.map((p) => p.name);
  share = { link: s.link, ids, names, qr, panel };
  return share;
}

describe('QR import', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();

  test('a screenshot of a share QR shows its credentials, then imports them; a JPEG of the panel too, and Cancel adds nothing', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const s = await shareLink(env);
    assert.equal(s.names.length, 3);

    const page = await env.open();
    await page.getByTestId('wallet-empty').waitFor({ state: 'visible' });
    const { items } = await offerFrom(page, picture('share-qr.png', s.qr, 'image/png'));
    assert.equal(items.length, 3, JSON.stringify(items));
    for (const n of s.names) assert.ok(items.some((t) => t.startsWith(n)), `${n} is offered: ${JSON.stringify(items)}`);
    const said = (await page.getByTestId('qr-offer').textContent()).replace(/[\u2066-\u2069]/g, '');
    assert.match(said, /share link “Data skills” by Alex Rivera holding 3 badges/);
    assert.equal(await cardCount(page), 0, 'nothing is added before the learner confirms');
    await screenshot(page, 'qr-import-offer');

    const results = await withImport(page, () => page.getByTestId('qr-offer-import').click(), { min: 3 });
    assert.deepEqual(results.map((r) => r.outcome), ['added', 'added', 'added'], JSON.stringify(results));
    await waitForCardCount(page, 3);
    assert.deepEqual((await cardIds(page)).sort(), [...s.ids].sort());
    assert.equal(await page.locator(tid('qr-offer')).count(), 0);

    // A JPEG of the whole share panel (text, buttons and the QR): the same offer; Cancel.
    const other = await env.open();
    const jpeg = await offerFrom(other, picture('panel-photo.jpg', s.panel, 'image/jpeg'));
    assert.equal(jpeg.items.length, 3);
    await other.getByTestId('qr-offer-cancel').click();
    await other.getByTestId('qr-offer').waitFor({ state: 'detached' });
    assert.equal(await cardCount(other), 0);
    assert.ok(await other.getByTestId('wallet-empty').isVisible());
  });

  test('a QR code holding an address leads to the deep-link confirmation', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const url = env.server.fixtureUrl('ob3-vc2-credential.json');
    const file = qrPng(url, 'url.png');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('deeplink').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal((await page.getByTestId('deeplink-url').textContent()).trim(), url);
    assert.equal(await cardCount(page), 0, 'nothing fetched before confirmation');
    await page.getByTestId('deeplink-confirm').click();
    await waitForCardCount(page, 1);
  });

  test('pictures with nothing usable say why, and add nothing', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    // A PNG declaring 50,000 × 50,000 pixels in a few bytes is refused before decoding.
    const bomb = Buffer.from(readFixture('no-badge.png'));
    bomb.writeUInt32BE(50_000, 16);
    bomb.writeUInt32BE(50_000, 20);
    const cases = [
      [picture('photo.png', readFixture('no-badge.png'), 'image/png'), /no baked badge.*no QR code was found in it either/],
      [picture('hello.png', fs.readFileSync(qrPng('hello', 'hello.png')), 'image/png'), /QR code holds text that is neither a badge nor a link/],
      [picture('bomb.png', bomb, 'image/png'), /too large to look for a QR code in \(50000 × 50000 pixels/],
    ];
    for (const [file, want] of cases) {
      const results = await withImport(page, () => page.getByTestId('import-file').setInputFiles(file));
      assert.equal(results.length, 1, JSON.stringify(results));
      assert.equal(results[0].outcome, 'error');
      assert.match(results[0].text, want);
    }
    assert.equal(await cardCount(page), 0);
    assert.equal(await page.locator(tid('qr-offer')).count(), 0);
    await screenshot(page, 'qr-import-nothing');
  });

  test('a picture the QR reader panics on ends only the worker: the wallet says so and goes on', { timeout: TEST_TIMEOUT }, async () => {
    const s = await shareLink(env);
    const page = await env.open();
    // rqrr 0.11 panics on this picture (fuzz/qr_read; core/tests/qr.rs checks it still does).
    const results = await withImport(page, () => page.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'qr/rqrr-panic.png')));
    assert.equal(results.length, 1, JSON.stringify(results));
    assert.equal(results[0].outcome, 'error');
    assert.match(results[0].text, /QR code reader failed on this picture/);
    // The panic happened in the worker (its console), not on the page: take those expected
    // lines out of what the suite counts as fatal, and check nothing else failed.
    // (Worker console lines reach the test on their own channel: wait for it.)
    for (const until = Date.now() + UI_TIMEOUT; !page.consoleErrors.some((t) => /panicked at .*rqrr/.test(t)) && Date.now() < until;) {
      await page.waitForTimeout(50);
    }
    const inWorker = page.consoleErrors.filter((t) => /rqrr-0\.11\.0\/src\/geometry\.rs|unreachable|RuntimeError/.test(t));
    assert.ok(inWorker.some((t) => /panicked at .*rqrr/.test(t)), `the worker logged rqrr's panic: ${JSON.stringify(page.consoleErrors)}`);
    page.consoleErrors = page.consoleErrors.filter((t) => !inWorker.includes(t));
    assert.deepEqual(page.pageErrors, [], 'nothing was thrown on the page');
    // A fresh worker reads the next picture, and the wallet verifies what it adds.
    const { items } = await offerFrom(page, picture('share-qr.png', s.qr, 'image/png'));
    assert.equal(items.length, 3);
    await withImport(page, () => page.getByTestId('qr-offer-import').click(), { min: 3 });
    await waitForCardCount(page, 3);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="credential-card"]')].every((c) => c.dataset.status && c.dataset.status !== 'pending'), null, { timeout: UI_TIMEOUT });
  });

  test('where the browser has a BarcodeDetector, it reads the picture', { timeout: TEST_TIMEOUT }, async () => {
    const s = await shareLink(env);
    const page = await env.open({
      beforeGoto: (p) => p.addInitScript((link) => {
        window.__detected = [];
        window.BarcodeDetector = class {
          constructor(options) { window.__detected.push(options.formats.join()); }
          async detect(source) { window.__detected.push(source.tagName); return [{ rawValue: link, format: 'qr_code' }]; }
        };
      }, s.link),
    });
    // A picture with no QR code at all: only the (stub) detector can have read the link.
    const { items } = await offerFrom(page, picture('plain.png', readFixture('no-badge.png'), 'image/png'));
    assert.equal(items.length, 3);
    assert.deepEqual(await page.evaluate(() => window.__detected), ['qr_code', 'IMG']);
  });

  test('the camera reads a share QR (Chromium fake capture), then stops', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const s = await shareLink(env);
    // A 1280×720 frame with the QR in the middle, each module an exact square of pixels, as
    // raw YUV 4:2:0 (grey: U = V = 128).
    const [W, H] = [1280, 720];
    const png = fs.readFileSync(qrPng(s.link, 'camera.png', 1));
    const page0 = await env.open();
    const luma = await page0.evaluate(async ([b64, W, H]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = W; c.height = H;
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, W, H);
      const k = Math.floor((H - 40) / img.width);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, Math.floor((W - k * img.width) / 2), Math.floor((H - k * img.height) / 2), k * img.width, k * img.height);
      const d = ctx.getImageData(0, 0, W, H).data;
      const y = new Array(W * H);
      for (let i = 0; i < y.length; i++) y[i] = Math.round(0.299 * d[4 * i] + 0.587 * d[4 * i + 1] + 0.114 * d[4 * i + 2]);
      return y;
    }, [png.toString('base64'), W, H]);
    const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(luma), Buffer.alloc(W * H / 2, 128)]);
    const y4m = path.join(TMP, 'qr.y4m');
    fs.writeFileSync(y4m, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));

    const browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`]);
    try {
      const page = await newPage(browser, { server: env.server, contextOptions: { permissions: ['camera'] } });
      await page.getByTestId('scan-qr').click();
      try {
        await page.getByTestId('qr-offer').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      } catch (e) {
        await screenshot(page, 'qr-import-camera-failed');
        const status = await page.locator(tid('qr-scan-status')).textContent().catch(() => '(none)');
        const video = await page.locator(tid('qr-video')).evaluate((v) => `${v.videoWidth}x${v.videoHeight} ${v.readyState}`).catch((x) => String(x));
        throw new Error(`no offer from the camera; status: ${status}; video: ${video}; ${e.message}`);
      }
      const items = await page.getByTestId('qr-offer-item').allTextContents();
      assert.equal(items.length, 3);
      assert.match(await page.getByTestId('qr-offer').textContent(), /from the camera is a share link/);
      // The camera was stopped once the code was read.
      assert.equal(await page.locator(tid('qr-video')).evaluate((v) => v.srcObject), null);
      assert.ok(await page.locator('.qr-scanner').evaluate((e) => e.hidden));
      await screenshot(page, 'qr-import-camera-offer');
      const results = await withImport(page, () => page.getByTestId('qr-offer-import').click(), { min: 3 });
      assert.equal(results.filter((r) => r.outcome === 'added').length, 3);
      await waitForCardCount(page, 3);
      assert.deepEqual((await cardIds(page)).sort(), [...s.ids].sort());
      assert.deepEqual(page.pageErrors, []);
    } finally {
      await browser.close();
    }
  });
});
