// The printable certificate (issue 14.6): detail → `print-credential` → the certificate
// (`#/print/<id>`, reloadable): image, name, issuer with the detail's trust marks, recipient,
// dates, skills, status with the time it was checked, and `print-qr`. Chromium's PDF of it on A4
// and on Letter is one page each; pdftoppm turns each into a PNG, zbarimg reads the printed QR
// code, and the link it holds (the share panel's link for that one credential, on the wallet's
// own address) opens in a fresh browser the employer's view of exactly that credential, with
// the status the wallet shows. A credential too large for a QR code says so on the sheet and
// still prints on one page. The viewer's wasm holds nothing of the certificate.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, SCREENSHOTS, DIST, DEMO, loadDemo, demoByPrefix, openDetail, screenshot,
  tid, reload, waitForCardCount, importFiles, jsonFile, makeOb3, freshId,
} from '../lib/harness.js';
import { encodePng } from '../lib/png.js';
import { createShare, settledStatuses, waitAllFinal, zbar, card } from '../lib/share.js';

const PDFTOPPM = process.env.PDFTOPPM_PATH ?? '/usr/bin/pdftoppm';
/** Page sizes in pixels at 150 dpi (pdftoppm -r 150). */
const PIXELS = { A4: [1240, 1754], Letter: [1275, 1650] };

/** Writes the PDF to screenshots/NAME.pdf, turns each page into NAME-<n>.png; returns the PNG files. */
function pdfToPngs(pdf, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const f of fs.readdirSync(SCREENSHOTS)) {
    if (f.startsWith(`${name}-`) && f.endsWith('.png')) fs.rmSync(path.join(SCREENSHOTS, f));
  }
  const file = path.join(SCREENSHOTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync(PDFTOPPM, ['-png', '-r', '150', file, path.join(SCREENSHOTS, name)]);
  return fs.readdirSync(SCREENSHOTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(SCREENSHOTS, f));
}

function pngSize(file) {
  const b = fs.readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** Prints the page as Chromium does (print media, backgrounds) on `format`; returns the one page as a PNG file. */
async function printOnePage(page, format, name) {
  const pdf = await page.pdf({ format, printBackground: true });
  const pngs = pdfToPngs(pdf, name);
  assert.equal(pngs.length, 1, `the certificate prints on exactly one page of ${format} (${pngs.length} pages)`);
  const [w, h] = pngSize(pngs[0]);
  assert.ok(Math.abs(w - PIXELS[format][0]) <= 2 && Math.abs(h - PIXELS[format][1]) <= 2, `a ${format} page: ${w}×${h}`);
  return pngs[0];
}

/** Waits until the certificate's image has loaded and has pixels (the stored image, as the detail shows it). */
async function imageShown(page) {
  await page.waitForFunction((sel) => {
    const img = document.querySelector(sel);
    return img !== null && img.complete && img.naturalWidth > 0;
  }, `${tid('print-image')} img`, { timeout: UI_TIMEOUT });
}

/** A real PNG of `side`² pseudo-random RGB pixels (it does not compress: a large embedded image). */
function noisePng(side) {
  let x = 12345;
  const rows = [];
  for (let y = 0; y < side; y += 1) {
    const row = Buffer.alloc(1 + side * 3);
    for (let i = 1; i < row.length; i += 1) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      row[i] = x >>> 24;
    }
    rows.push(row);
  }
  return encodePng({ width: side, height: side, colorType: 2, rows });
}

describe('printable certificate', { timeout: TEST_TIMEOUT * 6 }, () => {
  const env = suite();

  test('a demo credential: the certificate, one page of A4 and of Letter, its printed QR opens that credential alone in a fresh browser', { timeout: TEST_TIMEOUT * 3 }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const demo = demoByPrefix('01-');
    const raw = JSON.parse(fs.readFileSync(path.join(DEMO, demo.file), 'utf8'));
    const [walletStatus] = await settledStatuses(page, [demo.id]);

    // The share panel's own link for this one credential (no holder name): what the QR must hold.
    await createShare(page, [demo.id], { title: '', holder: '' });
    const itemLink = await page.locator(tid('share-item-link')).getAttribute('href');
    assert.ok(itemLink.startsWith(`${env.server.walletUrl}#/s/`), itemLink.slice(0, 80));

    await openDetail(page, demo.id);
    const detailIssuer = page.getByTestId('detail-issuer-name-line');
    const detailTrust = await detailIssuer.getAttribute('data-trust');
    const detailIssuerName = (await page.getByTestId('detail-issuer-name').textContent()).trim();
    const detailNote = await detailIssuer.getByTestId('issuer-name-note').count();
    const detailDemo = await detailIssuer.getByTestId('demo-label').count();

    await page.getByTestId('print-credential').click();
    const sheet = page.getByTestId('print-certificate');
    await sheet.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.ok((await page.evaluate(() => location.hash)).startsWith('#/print/'), 'a route of its own');

    // What a person reads on it.
    assert.equal((await page.getByTestId('print-name').textContent()).trim(), demo.name);
    assert.equal((await page.getByTestId('print-issuer').textContent()).trim(), detailIssuerName);
    assert.equal(detailIssuerName, demo.issuer);
    const line = page.getByTestId('print-issuer-line');
    assert.equal(await line.getAttribute('data-trust'), detailTrust, 'the issuer marked as in the detail');
    assert.equal(await line.getByTestId('issuer-name-note').count(), detailNote);
    assert.equal(await line.getByTestId('demo-label').count(), detailDemo);
    assert.equal((await page.getByTestId('print-recipient').textContent()).trim(), raw.credentialSubject.name);
    const dates = await page.getByTestId('print-dates').textContent();
    assert.match(dates, new RegExp(`Issued\\s*${demo.date.slice(0, 10)}`));
    const skills = await page.getByTestId('print-skills').locator('li').allTextContents();
    assert.deepEqual(skills.map((s) => s.trim()), raw.credentialSubject.achievement.alignment.map((a) => a.targetName));
    const status = page.getByTestId('print-status');
    assert.equal(await status.getAttribute('data-status'), walletStatus);
    if (walletStatus === 'verified') assert.match(await status.textContent(), /Verified/);
    assert.match(await page.getByTestId('print-checked').textContent(),
      /^Checked in the learner's wallet on \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    assert.equal(await page.getByTestId('print-qr').count(), 1);
    // Under the code, the link (whole when short, else its beginning and its length), linking to all of it.
    const linkEl = page.getByTestId('print-link');
    assert.equal(await linkEl.getAttribute('href'), itemLink, 'the link under the code opens that link');
    const linkText = (await linkEl.textContent()).trim();
    assert.ok(linkText.startsWith(`${env.server.walletUrl}#/s/`), linkText);
    assert.ok(itemLink.startsWith(linkText.replace(/…$/, '')), 'the printed text is the link, or its beginning');
    if (linkText.endsWith('…')) {
      assert.match(await page.locator('.certificate-link').textContent(), new RegExp(`\\(${itemLink.length} characters`));
    }
    await imageShown(page);
    await screenshot(page, 'print-preview');

    // Reloadable: the route shows the same certificate after a reload.
    await reload(page);
    await sheet.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal((await page.getByTestId('print-name').textContent()).trim(), demo.name);
    await page.getByTestId('print-qr').waitFor({ state: 'visible' });
    await imageShown(page);

    // As printed: the sheet alone (no toolbar, no top bar).
    await page.emulateMedia({ media: 'print' });
    assert.ok(!(await page.getByTestId('print-now').isVisible()), 'the toolbar is not printed');
    assert.ok(!(await page.locator('.topbar').isVisible()), 'the top bar is not printed');
    assert.ok(await page.getByTestId('print-qr').isVisible());
    await screenshot(page, 'print-media');
    await page.emulateMedia({ media: null });

    // "Print" opens the browser's print dialog (stubbed: headless Chromium has none).
    await page.evaluate(() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; });
    await page.getByTestId('print-now').click();
    assert.equal(await page.evaluate(() => window.printCalls), 1, 'window.print() was called');

    // Chromium's PDF on both papers: one page each; the printed QR code is the credential's link.
    for (const format of ['A4', 'Letter']) {
      const png = await printOnePage(page, format, `print-certificate-${format.toLowerCase()}`);
      const decoded = zbar(png);
      assert.equal(decoded, itemLink, `${format}: the printed QR code is the share panel's link for this credential`);
      console.log(`[print] ${format}: ${path.basename(png)} ${pngSize(png).join('×')}, QR link ${decoded.length} characters`);
    }

    // "Back" returns to the detail.
    await page.getByTestId('print-back').click();
    await page.getByTestId('credential-detail').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal((await page.getByTestId('detail-name').textContent()).trim(), demo.name);

    // The printed link in a fresh browser (empty storage): the employer's view of that one credential.
    const viewer = await env.open({ hash: itemLink.slice(itemLink.indexOf('#')) });
    await viewer.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await waitForCardCount(viewer, 1);
    await waitAllFinal(viewer);
    assert.equal(await viewer.locator(tid('credential-card')).count(), 1, 'exactly one credential');
    const only = viewer.locator(card(demo.id));
    assert.equal((await only.getByTestId('card-name').textContent()).trim(), demo.name);
    const [viewStatus] = await settledStatuses(viewer, [demo.id], 300);
    assert.equal(viewStatus, walletStatus, 'the viewer gives it the status the wallet shows');
    assert.equal(await viewer.locator(tid('print-certificate')).count(), 0);
    console.log(`[print] the printed link opens 1 credential, status ${viewStatus}`);
  });

  test('an expired credential prints its status in words', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const demo = demoByPrefix('04-');
    const [walletStatus] = await settledStatuses(page, [demo.id]);
    assert.equal(walletStatus, 'expired');
    await openDetail(page, demo.id);
    await page.getByTestId('print-credential').click();
    await page.getByTestId('print-certificate').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const status = page.getByTestId('print-status');
    assert.equal(await status.getAttribute('data-status'), 'expired');
    assert.match(await status.textContent(), /Expired.*has expired/s);
    assert.match(await page.getByTestId('print-dates').textContent(), /Expires\s*2024-03-06/);
    assert.equal(await page.getByTestId('print-recipient').count(), 0, 'no recipient name: none is printed');
    await imageShown(page);
    const png = await printOnePage(page, 'A4', 'print-certificate-expired');
    assert.ok(zbar(png).startsWith(`${env.server.walletUrl}#/s/`));

    // The preview on a phone: no horizontal scrolling, the code still whole.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
    const qr = await page.getByTestId('print-qr').boundingBox();
    assert.ok(qr.x >= 0 && qr.x + qr.width <= 390, `the QR code fits the screen: ${JSON.stringify(qr)}`);
    await screenshot(page, 'print-mobile');
  });

  test('a transcript (CLR) lists its achievements, capped, and prints on one page of A4 and of Letter', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const clr = demoByPrefix('15-');
    await settledStatuses(page, [clr.id]);
    await openDetail(page, clr.id);
    await page.getByTestId('print-credential').click();
    await page.getByTestId('print-certificate').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal((await page.getByTestId('print-name').textContent()).trim(), clr.name);
    const skills = page.getByTestId('print-skills');
    assert.equal((await skills.locator('h2').textContent()).trim(), 'Achievements');
    const items = await skills.locator('li').allTextContents();
    assert.ok(items.length >= 2 && items.length <= 7, `at most 6 achievements and "and N more": ${items.join(' | ')}`);
    const qrOrNot = (await page.getByTestId('print-qr').count()) + (await page.getByTestId('print-no-qr').count());
    assert.equal(qrOrNot, 1, 'a QR code, or the sentence saying it is too large for one');
    for (const format of ['A4', 'Letter']) await printOnePage(page, format, `print-certificate-clr-${format.toLowerCase()}`);
  });

  test('a credential too large for a QR code: the sheet says so and still prints on one page', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    const id = freshId('bigimg');
    const image = `data:image/png;base64,${noisePng(48).toString('base64')}`;
    const vc = makeOb3({
      id,
      name: 'Large Image Credential',
      mutate: (v) => { v.credentialSubject.achievement.image = { id: image, type: 'Image' }; },
    });
    await importFiles(page, [jsonFile('big-image.json', vc)]);
    await waitForCardCount(page, 1);
    await settledStatuses(page, [id]);
    await openDetail(page, id);
    await page.getByTestId('print-credential').click();
    await page.getByTestId('print-certificate').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal(await page.getByTestId('print-qr').count(), 0, 'no QR code');
    assert.equal(await page.getByTestId('print-link').count(), 0);
    assert.match(await page.getByTestId('print-no-qr').textContent(), /large embedded image.*too large for a QR code/s);
    assert.doesNotMatch(await page.getByTestId('print-status').textContent(), /scan the code/, 'no code to scan is mentioned');
    await imageShown(page);
    await screenshot(page, 'print-no-qr');
    await printOnePage(page, 'Letter', 'print-certificate-no-qr');
  });

  test('the viewer holds nothing of the certificate', () => {
    const files = fs.readdirSync(DIST).filter((f) => f.endsWith('_bg.wasm'));
    const viewer = files.find((f) => f.startsWith('viewer-'));
    const wallet = files.find((f) => f.startsWith('learner-wallet-'));
    assert.ok(viewer && wallet, files.join(', '));
    // The certificate's markup (a class only its view uses; its words are in the message
    // files, which every entry carries: docs/i18n.md).
    const marker = 'certificate-kicker';
    assert.ok(fs.readFileSync(path.join(DIST, wallet)).includes(marker), 'the wallet prints certificates');
    assert.ok(!fs.readFileSync(path.join(DIST, viewer)).includes(marker), 'the viewer does not');
  });
});
