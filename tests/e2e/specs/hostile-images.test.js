// Images from credentials and baked files never run anything, and never call home.
//
// Script-bearing SVG (data: URIs, percent-encoded and base64, a baked SVG badge, a remote SVG),
// a PNG declared as SVG, an SVG declared as PNG, HTML declared as an image, remote images on a
// loopback host with and without CORS, and an SVG Blob stored by an older version. For each
// view (gallery, detail, the employer's view) every displayed <img> is opened in a new page of
// the same context, as "open image in new tab" would: it must be a raster image document, and
// the payload (tests/fixtures/make-hostile-images.mjs: localStorage, a window flag, the title,
// a dialog, deleting the wallet's database) must never have run. After import, browsing makes
// no request to any other host unless the learner chooses "Load the image from <host>".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, importText, importFiles, makeOb3, readFixture, FIXTURES,
  waitForCardCount, cardIds, openDetail, tid, screenshot, waitVerified, reload, cssEscape,
} from '../lib/harness.js';
import { createShare, card } from '../lib/share.js';
import path from 'node:path';

const b64 = (buf) => Buffer.from(buf).toString('base64');
const PNG = readFixture('no-badge.png');
const SVG = readFixture('hostile-svg-script.svg');
const HTML = readFixture('hostile-html.html');
const BAKED_SVG_ID = 'urn:uuid:5c0ffee0-0000-4000-8000-00000000bad5';
const RASTER = /^image\/(png|jpeg|gif|webp|avif)$/;

/** An OB 3.0 credential whose achievement image is `image` (the issuer's too when given). */
function cred(label, image, issuerImage) {
  return makeOb3({
    name: `Hostile image: ${label}`,
    mutate: (v) => {
      v.credentialSubject.achievement.image = { id: image, type: 'Image' };
      if (issuerImage) v.issuer.image = { id: issuerImage, type: 'Image' };
    },
  });
}

/** The hostile cases: [credential, whether the card shows an image]. */
function cases(server) {
  return [
    [cred('SVG with script (base64)', `data:image/svg+xml;base64,${b64(SVG)}`, `data:image/svg+xml;base64,${b64(SVG)}`), true],
    [cred('SVG with script (percent-encoded)', `data:image/svg+xml,${encodeURIComponent(SVG.toString('utf8'))}`), true],
    [cred('PNG declared as SVG', `data:image/svg+xml;base64,${b64(PNG)}`), true],
    [cred('SVG declared as PNG', `data:image/png;base64,${b64(SVG)}`), true],
    [cred('HTML declared as PNG', `data:image/png;base64,${b64(HTML)}`, `data:image/svg+xml;base64,${b64(HTML)}`), false],
    [cred('HTML declared as HTML', `data:text/html;base64,${b64(HTML)}`), false],
    [cred('remote SVG with CORS', server.remoteUrl('hostile-svg-script.svg')), true],
    [cred('remote PNG with CORS', server.remoteUrl('no-badge.png')), true],
    [cred('remote PNG without CORS', server.noCorsUrl('no-badge.png'), server.noCorsUrl('no-badge.png')), false],
  ];
}

/** Nothing of the payload happened in the wallet page; its stored credentials are all there. */
async function assertUntouched(page, ids) {
  const state = await page.evaluate(() => ({
    ls: localStorage.getItem('pwned'),
    flag: window.pwned ?? null,
    title: document.title,
  }));
  assert.deepEqual(state, { ls: null, flag: null, title: 'Learner Wallet' });
  assert.deepEqual(page.dialogs, [], 'no dialog in the wallet');
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('learner-wallet');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('documents').objectStore('documents').getAllKeys();
      req.onsuccess = () => { resolve(req.result); open.result.close(); };
      req.onerror = () => reject(req.error);
    };
  }));
  assert.deepEqual([...stored].sort(), [...ids].sort(), 'every stored credential is intact');
}

/**
 * Opens the src of every <img> shown in `scope` in a new page of the same context. Each must be
 * a raster image document (our own QR code, an SVG we generated, is the only allowed SVG), and
 * nothing may run there. Returns the number of images opened.
 */
async function openEveryImage(page, scope, where) {
  const imgs = await page.$$eval(`${scope} img`, (els) =>
    els.map((i) => ({ src: i.getAttribute('src'), qr: i.classList.contains('qr') })));
  for (const { src, qr } of imgs) {
    if (qr) {
      assert.match(src, /^data:image\/svg\+xml;base64,/, `${where}: our QR code`);
      continue;
    }
    assert.match(src, /^blob:http:\/\/127\.0\.0\.1:\d+\//, `${where}: images are blob: URLs of the wallet (${src.slice(0, 60)})`);
    const tab = await page.context().newPage();
    const dialogs = [];
    tab.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss().catch(() => {}); });
    await tab.goto(src);
    await tab.waitForTimeout(150);
    const info = await tab.evaluate(() => ({
      type: document.contentType,
      title: document.title,
      flag: window.pwned ?? null,
      scripts: document.scripts.length,
    }));
    assert.match(info.type, RASTER, `${where}: ${src} opens as ${info.type}`);
    assert.equal(info.flag, null, `${where}: no script ran in the opened image`);
    assert.notEqual(info.title, 'PWNED');
    assert.equal(info.scripts, 0);
    assert.deepEqual(dialogs, [], `${where}: no dialog from the opened image`);
    await tab.close();
  }
  return imgs.length;
}

/** Records every request of the page's context to anything but the wallet itself. */
function trackForeign(page, walletUrl) {
  const foreign = [];
  page.context().on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(walletUrl) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return foreign;
}

const cardImage = (page, id) => page.locator(`${card(id)} .card-image img`);

describe('hostile images', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();

  test('script-bearing and mislabelled images: nothing runs in any view, no request after import', { timeout: TEST_TIMEOUT * 3 }, async () => {
    const page = await env.open();
    const list = cases(env.server);
    const results = await importText(page, JSON.stringify(list.map(([vc]) => vc)), { timeout: 40_000 });
    assert.ok(results.every((r) => r.outcome === 'added'), JSON.stringify(results));
    // The remote image without CORS is reported, not silently dropped.
    assert.ok(results.some((r) => /image at 127\.0\.0\.1 was not loaded/.test(r.text)), JSON.stringify(results));
    const baked = await importFiles(page, [path.join(FIXTURES, 'hostile-baked-svg-script.svg')]);
    assert.equal(baked[0].outcome, 'added', baked[0].text);
    const ids = [...list.map(([vc]) => vc.id), BAKED_SVG_ID];
    await waitForCardCount(page, ids.length);
    await waitVerified(page);

    // Every card that should show an image shows one (decoded), the others a placeholder.
    for (const [vc, shows] of [...list, [{ id: BAKED_SVG_ID, name: 'baked' }, true]]) {
      if (shows) {
        await page.waitForFunction((sel) => {
          const img = document.querySelector(sel);
          return img && img.complete && img.naturalWidth > 0;
        }, `${card(vc.id)} .card-image img`, { timeout: UI_TIMEOUT });
      } else {
        await page.locator(`${card(vc.id)} .card-image .placeholder`).waitFor({ timeout: UI_TIMEOUT });
        assert.equal(await cardImage(page, vc.id).count(), 0, `${vc.name}: no image`);
      }
    }
    await screenshot(page, 'hostile-images-gallery');

    // From here on the learner only browses: no request may leave the wallet.
    const foreign = trackForeign(page, env.server.walletUrl);
    const opened = await openEveryImage(page, 'main', 'gallery');
    assert.equal(opened, list.filter(([, shows]) => shows).length + 1);

    const shows = new Map([...list.map(([vc, sh]) => [vc.id, sh]), [BAKED_SVG_ID, true]]);
    for (const id of ids) {
      await openDetail(page, id);
      if (shows.get(id)) await page.locator(`${tid('credential-detail')} img.detail-image`).waitFor({ timeout: UI_TIMEOUT });
      await page.waitForTimeout(200);
      await openEveryImage(page, tid('credential-detail'), `detail ${id}`);
      if (id === list[0][0].id) await screenshot(page, 'hostile-images-detail');
      await page.getByTestId('back-to-wallet').first().click();
      await waitForCardCount(page, ids.length);
    }
    // The detail of the no-CORS one offers the learner's choice; nothing is loaded by itself.
    const noCors = list[8][0];
    await openDetail(page, noCors.id);
    await page.getByTestId('load-remote-image').first().waitFor();
    assert.match(await page.getByTestId('load-remote-image').first().textContent(), /Load the image from 127\.0\.0\.1/);
    await screenshot(page, 'hostile-images-remote-choice');
    await page.getByTestId('back-to-wallet').first().click();
    await waitForCardCount(page, ids.length);

    // The employer's view of the embedded-image ones.
    const shared = list.slice(0, 6).map(([vc]) => vc.id);
    const { link } = await createShare(page, shared);
    await page.goto(link);
    await page.getByTestId('shared-portfolio').waitFor({ timeout: UI_TIMEOUT });
    await waitForCardCount(page, shared.length);
    await page.waitForTimeout(500);
    await screenshot(page, 'hostile-images-employer');
    await openEveryImage(page, tid('shared-portfolio'), 'employer view');
    for (const id of shared) {
      await page.locator(`${card(id)} a`).first().click();
      await page.getByTestId('shared-detail').waitFor();
      await page.waitForTimeout(200);
      await openEveryImage(page, tid('shared-detail'), `employer detail ${id}`);
    }
    assert.deepEqual(foreign, [], 'no request to another host while browsing');

    await page.goto(env.server.walletUrl);
    await waitForCardCount(page, ids.length);
    await assertUntouched(page, ids);
  });

  test('"Load the image from <host>" is the learner\'s choice; a refusing host gets a link out', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const url = env.server.noCorsUrl('no-badge.png');
    const vc = cred('remote without CORS', url);
    await importText(page, JSON.stringify(vc));
    await waitForCardCount(page, 1);
    const toHost = [];
    page.context().on('request', (r) => { if (r.url().startsWith(env.server.otherOrigin)) toHost.push(r.url()); });
    await openDetail(page, vc.id);
    const button = page.getByTestId('load-remote-image').first();
    await button.waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(toHost, [], 'nothing fetched before the learner chooses');
    await button.click();
    const link = page.getByTestId('open-remote-image').first();
    await link.waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(toHost, [url], 'one fetch, on the learner\'s choice');
    assert.equal(await link.getAttribute('href'), url);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.deepEqual((await link.getAttribute('rel')).split(/\s+/).sort(), ['noopener', 'noreferrer']);
    assert.match(await link.textContent(), /Open the image at 127\.0\.0\.1/);
    await screenshot(page, 'hostile-images-remote-refused');
  });

  test('"Load the image from <host>" shows it when the host allows (CORS), as a raster blob', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    // Blocked at import (the host is silent then: the route fails), allowed later.
    const url = env.server.remoteUrl('hostile-svg-script.svg');
    await page.context().route(url, (r) => r.abort());
    const vc = cred('remote, refused at import', url);
    const results = await importText(page, JSON.stringify(vc));
    assert.match(results[0].text, /was not loaded/);
    await page.context().unroute(url);
    await openDetail(page, vc.id);
    await page.getByTestId('load-remote-image').first().click();
    await page.locator(`${tid('credential-detail')} img.detail-image`).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await openEveryImage(page, tid('credential-detail'), 'detail after choice') >= 1, true);
    await assertUntouched(page, [vc.id]);
  });

  test('a huge image and a silent host: both cut off (10 MB, 10 s), fetched together, nothing else lost', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const huge = env.server.remoteUrl('huge.png');
    const silent = env.server.remoteUrl('silent.png');
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    await page.context().route(huge, (r) => r.fulfill({ status: 200, body: big, headers: { 'access-control-allow-origin': '*', 'content-type': 'image/png' } }));
    const silent2 = env.server.noCorsUrl('silent.png');
    for (const u of [silent, silent2]) await page.context().route(u, () => {}); // never answer
    const a = cred('huge remote image', huge);
    const b = cred('remote image on a silent host', silent);
    const b2 = cred('remote image on another silent host', silent2);
    const c = cred('embedded PNG', `data:image/png;base64,${b64(PNG)}`);
    const t0 = Date.now();
    const results = await importText(page, JSON.stringify([a, b, b2, c]), { timeout: 40_000 });
    const took = Date.now() - t0;
    assert.deepEqual(results.map((r) => r.outcome), ['added', 'added', 'added', 'added'], JSON.stringify(results));
    const text = results.map((r) => r.text).join('\n');
    assert.match(text, /larger than the 10 MiB limit/);
    assert.match(text, /did not answer within 10 seconds/);
    assert.ok(took < 18_000, `the two silent hosts were waited for together, not one after the other (${took} ms)`);
    await waitForCardCount(page, 4);
    await page.locator(`${card(a.id)} .card-image .placeholder`).waitFor();
    await page.locator(`${card(b.id)} .card-image .placeholder`).waitFor();
    await page.waitForFunction((sel) => document.querySelector(sel)?.naturalWidth > 0, `${card(c.id)} .card-image img`, { timeout: UI_TIMEOUT });
    await assertUntouched(page, [a.id, b.id, b2.id, c.id]);
  });

  test('an SVG Blob stored by an older version is rasterized when shown; an HTML one is not shown', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const a = cred('old record with an SVG blob', `data:text/html;base64,${b64(HTML)}`);
    const b = cred('old record with an HTML blob', `data:text/html;base64,${b64(HTML)}`);
    await importText(page, JSON.stringify([a, b]));
    await waitForCardCount(page, 2);
    await page.evaluate(([ida, idb, svg, html]) => new Promise((resolve, reject) => {
      const open = indexedDB.open('learner-wallet');
      open.onsuccess = () => {
        const tx = open.result.transaction('images', 'readwrite');
        tx.objectStore('images').put({ local_id: ida, blob: new Blob([svg], { type: 'image/svg+xml' }) });
        tx.objectStore('images').put({ local_id: idb, blob: new Blob([html], { type: 'image/png' }) });
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), [a.id, b.id, SVG.toString('utf8'), HTML.toString('utf8')]);
    await reload(page);
    await waitForCardCount(page, 2);
    await page.waitForFunction((sel) => document.querySelector(sel)?.naturalWidth > 0, `${card(a.id)} .card-image img`, { timeout: UI_TIMEOUT });
    await page.locator(`${card(b.id)} .card-image .placeholder`).waitFor();
    assert.equal(await cardImage(page, b.id).count(), 0);
    assert.equal(await openEveryImage(page, 'main', 'old records'), 1);
    await openDetail(page, a.id);
    await page.locator(`${tid('credential-detail')} img.detail-image`).waitFor({ timeout: UI_TIMEOUT });
    await openEveryImage(page, tid('credential-detail'), 'old record detail');
    await assertUntouched(page, [a.id, b.id]);
  });
});
