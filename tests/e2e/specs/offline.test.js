// Installable and offline (issue 14, point 1): the web app manifest and its icons make the
// wallet installable; the service worker (sw.js, written by scripts/sw.mjs) precaches this
// build, so after one visit the wallet opens, browses, verifies (with cached status lists,
// saying how old they are) and shares with the browser's network cut and the server gone; a
// new build takes over only on the next open, never under an open page.
//
// These contexts allow service workers (the harness blocks them everywhere else).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, DIST, REPO, loadDemo, importFiles, jsonFile, openDetail, tid,
  screenshot, waitForCardCount, reload, waitReady,
} from '../lib/harness.js';
import { createStaticServer, listen } from '../lib/static.js';
import { statusList, statusEntry, statusCredential } from '../lib/status-lists.js';
import { createShare, settledStatuses, threeSmallest } from '../lib/share.js';

const card = (id) => `${tid('credential-card')}[data-credential-id="${id}"]`;

/** Waits until a service worker is active and controls the page (reloading once if needed). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await reload(page);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
}

/** The service worker's caches: [{ name, entries, bytes }]. */
async function cacheFigures(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      let bytes = 0;
      const reqs = await cache.keys();
      for (const r of reqs) bytes += (await (await cache.match(r)).arrayBuffer()).byteLength;
      out.push({ name, entries: reqs.length, bytes });
    }
    return out;
  });
}

/** Every file of a built dist, but sw.js. */
function distFiles(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? distFiles(dir, r) : [r];
  }).filter((f) => f !== 'sw.js');
}

/** A loopback issuer host for status lists (CORS, like a real one); `close()` takes it away. */
async function startListHost() {
  const docs = new Map();
  const hits = new Map();
  const server = http.createServer((req, res) => {
    hits.set(req.url, (hits.get(req.url) ?? 0) + 1);
    const body = docs.get(req.url);
    res.writeHead(body ? 200 : 404, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(body ?? '{}');
  });
  const port = await listen(server);
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    set: (p, json) => docs.set(p, JSON.stringify(json)),
    hits: (p) => hits.get(p) ?? 0,
    close: () => {
      server.closeAllConnections?.();
      return new Promise((r) => server.close(r));
    },
  };
}

describe('installable and offline', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();
  const swContext = async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' });
    env.contexts.push(context);
    return context;
  };

  test('installable: the manifest, its icons and the theme colour; Chromium finds nothing missing', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open({ context: await swContext() });
    await controlled(page);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    assert.equal(href, 'manifest.webmanifest', 'a relative URL: any host, any sub-path');
    assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), '#1d2433');
    const manifestUrl = new URL(href, page.url()).href;
    const m = await page.evaluate((u) => fetch(u).then((r) => r.json()), manifestUrl);
    assert.equal(m.name, 'Learner Wallet');
    assert.ok(m.short_name);
    assert.equal(m.start_url, './');
    assert.equal(m.scope, './');
    assert.equal(m.display, 'standalone');
    assert.equal(m.theme_color, '#1d2433');
    for (const size of ['192x192', '512x512']) {
      const icon = m.icons.find((i) => i.sizes === size && i.type === 'image/png');
      assert.ok(icon, `a ${size} PNG icon`);
      // The PNG really is that size (IHDR width and height).
      const dims = await page.evaluate(async (u) => {
        const b = new DataView(await (await fetch(u)).arrayBuffer());
        return `${b.getUint32(16)}x${b.getUint32(20)}`;
      }, new URL(icon.src, manifestUrl).href);
      assert.equal(dims, size);
    }
    assert.ok(m.icons.some((i) => i.type === 'image/svg+xml'), 'the SVG icon');
    // Chromium's own verdict (the install prompt's conditions); an incognito-like test context
    // is the only thing it may object to.
    const cdp = await page.context().newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors.filter((e) => e.critical), [], 'the manifest parses');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const left = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
    assert.deepEqual(left, [], `Chromium's installability errors: ${JSON.stringify(installabilityErrors)}`);
  });

  test('after one visit, an empty wallet offline still loads the demo badges (the deployment\'s own files come from the cache)', { timeout: TEST_TIMEOUT }, async () => {
    const context = await swContext();
    const page = await env.open({ context });
    await controlled(page);
    await context.setOffline(true);
    await reload(page);
    await loadDemo(page);
    await screenshot(page, 'offline-demo-loaded');
  });

  test('after one visit: opens, browses, verifies with cached lists (saying how old) and shares with no network', { timeout: TEST_TIMEOUT * 3 }, async () => {
    const lists = await startListHost();
    const listPath = '/lists/1';
    lists.set(listPath, statusList(lists.url(listPath)));
    const withList = statusCredential('Offline Status Badge', statusEntry(lists.url(listPath), 3));
    const neverFetched = statusCredential('Never Fetched Status Badge', statusEntry(lists.url('/lists/never'), 3));

    const context = await swContext();
    const page = await env.open({ context });
    await controlled(page);
    await loadDemo(page);
    // Persistent storage was asked for, once the wallet held a credential (src/storage/persist.rs).
    await page.waitForFunction(() => localStorage.getItem('learner-wallet.persist-asked') === 'true', null, { timeout: UI_TIMEOUT });
    await importFiles(page, [jsonFile('offline-status.json', withList)]);
    await page.locator(card(withList.id)).waitFor({ timeout: UI_TIMEOUT });
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'verified', card(withList.id), { timeout: UI_TIMEOUT });
    assert.equal(lists.hits(listPath), 1, 'the list was fetched once, online');
    const ids = await page.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-credential-id')));
    const online = await settledStatuses(page, ids);

    // The pathways page, online: its bundled pathways.
    await page.evaluate(() => (location.hash = '#/progress'));
    await page.getByTestId('pathway-card').first().waitFor({ timeout: UI_TIMEOUT });
    const pathways = await page.locator(tid('pathway-card')).count();
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByTestId('credential-card').first().waitFor({ timeout: UI_TIMEOUT });

    const [shell] = await cacheFigures(page);
    const files = distFiles(DIST);
    assert.equal(shell.entries, files.length, 'every file of the build is cached');
    console.log(`[offline] service-worker cache: ${shell.entries} entries, ${shell.bytes} bytes (${(shell.bytes / 1024 / 1024).toFixed(2)} MiB) — ${shell.name}`);

    // No network at all: the browser's network is cut, the wallet's server and the issuer's
    // list host are gone.
    await context.setOffline(true);
    await env.server.close();
    await lists.close();
    await reload(page);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    await waitForCardCount(page, ids.length);
    assert.deepEqual(await settledStatuses(page, ids), online, 'the gallery shows the same cards with the same statuses');
    // The badges' pictures show too (stored in the wallet; lazy images load once scrolled to).
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction((sel) => {
      const imgs = [...document.querySelectorAll(`${sel} img`)];
      return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    }, tid('credential-card'), { timeout: UI_TIMEOUT });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'offline-gallery');
    // Browsing: the pathways page shows the same bundled pathways, from the cache.
    await page.evaluate(() => (location.hash = '#/progress'));
    await page.getByTestId('pathway-card').first().waitFor({ timeout: UI_TIMEOUT });
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [tid('pathway-card'), pathways], { timeout: UI_TIMEOUT });
    await screenshot(page, 'offline-progress');
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByTestId('credential-card').first().waitFor({ timeout: UI_TIMEOUT });

    // A detail: the cached list was used, and the report says when it was fetched.
    await openDetail(page, withList.id);
    const check = page.locator(`${tid('verification-check')}[data-check="status"]`);
    await check.waitFor({ timeout: UI_TIMEOUT });
    // The check is rendered whole: its time is there now or not at all.
    const readCheck = async () => {
      const at = check.locator(tid('status-checked-at'));
      return {
        outcome: await check.getAttribute('data-outcome'),
        text: (await check.textContent()).trim(),
        at: (await at.count()) ? await at.getAttribute('data-checked-at') : null,
      };
    };
    // "Check again", offline: nothing is fetched, the cached list is used, and said to be.
    await page.getByTestId('verify-again').click();
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('You are offline'), `${tid('verification-check')}[data-check="status"]`, { timeout: UI_TIMEOUT });
    const s = await readCheck();
    assert.equal(s.outcome, 'pass');
    assert.match(s.at, /^\d{4}-\d\d-\d\dT/);
    const shown = `${s.at.slice(0, 10)} ${s.at.slice(11, 16)} UTC`;
    assert.ok(s.text.includes('You are offline: this used the copy of the list fetched less than an hour ago.'), s.text);
    assert.ok(s.text.includes(`Revocation checked ${shown}`), s.text);
    await screenshot(page, 'offline-detail');

    // A credential whose list was never fetched: revocation not checked (offline), never verified.
    await page.evaluate(() => (location.hash = '#/'));
    await importFiles(page, [jsonFile('never-fetched.json', neverFetched)]);
    await page.waitForFunction((sel) => ['unverified'].includes(document.querySelector(sel)?.getAttribute('data-status')), card(neverFetched.id), { timeout: UI_TIMEOUT });
    await openDetail(page, neverFetched.id);
    await check.waitFor({ timeout: UI_TIMEOUT });
    const n = await readCheck();
    assert.equal(n.outcome, 'not-checked');
    assert.equal(n.at, null, 'no time: revocation was never checked');
    assert.match(n.text, /Revocation not checked \(offline\)\./);
    await screenshot(page, 'offline-not-checked');

    // Share, offline: the link is made here, and the employer's view opens from the cache.
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByTestId('credential-card').first().waitFor({ timeout: UI_TIMEOUT });
    const picks = threeSmallest().map((p) => p.id);
    const share = await createShare(page, picks);
    const viewer = await context.newPage();
    env.pages.push(viewer);
    viewer.consoleErrors = [];
    viewer.pageErrors = [];
    viewer.on('pageerror', (e) => viewer.pageErrors.push(String(e?.stack ?? e)));
    await viewer.goto(share.link);
    await viewer.getByTestId('shared-portfolio').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await viewer.locator(tid('credential-card')).count(), 3);
    const viewed = await settledStatuses(viewer, picks);
    assert.deepEqual(viewed, picks.map((id) => online[ids.indexOf(id)]), 'the employer sees the statuses the wallet shows');
    await screenshot(viewer, 'offline-viewer');
  });

  test('an update takes effect on the next open, never under an open page', { timeout: TEST_TIMEOUT * 3 }, async () => {
    // A host of our own at a sub-path, whose files are swapped for a new build mid-test.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wallet-update-'));
    fs.cpSync(DIST, root, { recursive: true });
    const server = createStaticServer([{ prefix: '/apps/wallet/', root, cors: false }]);
    const port = await listen(server);
    const srv = { walletUrl: `http://127.0.0.1:${port}/apps/wallet/` };
    try {
      const context = await swContext();
      const page = await env.open({ context, server: srv });
      await controlled(page);
      const version = (p) => p.evaluate(() => new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data.version), { once: true });
        navigator.serviceWorker.controller.postMessage('version');
      }));
      const v1 = await version(page);
      assert.equal(await page.title(), 'Learner Wallet');

      // A new build is deployed: another title (what a person sees in the tab) and a new sw.js.
      const index = path.join(root, 'index.html');
      fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>Learner Wallet</title>', '<title>Learner Wallet (new build)</title>'));
      execFileSync('node', [path.join(REPO, 'scripts/sw.mjs'), root]);
      // The browser looks for an update (as on every open); the new version installs and waits.
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg.update();
        const w = reg.installing ?? reg.waiting;
        if (w && w.state !== 'installed') {
          await new Promise((resolve, reject) => w.addEventListener('statechange', () => {
            if (w.state === 'installed') resolve();
            if (w.state === 'redundant') reject(new Error('the new version failed to install'));
          }));
        }
      });
      assert.ok(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting), 'the new version waits');

      // The open page keeps working on its version, and so does another one opened meanwhile.
      await loadDemo(page);
      await screenshot(page, 'update-old-page-still-works');
      const second = await env.open({ context, server: srv });
      assert.equal(await second.title(), 'Learner Wallet', 'no new version while an old page is open');
      assert.equal(await version(second), v1);
      const count = await page.locator(tid('credential-card')).count();
      await waitForCardCount(second, count);

      // Every page closed; the next open is the new build, with the learner's data.
      await page.close();
      await second.close();
      const next = await env.open({ context, server: srv });
      assert.equal(await next.title(), 'Learner Wallet (new build)');
      const v2 = await version(next);
      assert.notEqual(v2, v1);
      await waitForCardCount(next, count);
      const names = (await cacheFigures(next)).map((c) => c.name);
      assert.equal(names.length, 1, `only the new version's cache is left: ${names}`);
      assert.ok(names[0].endsWith(v2));
      await screenshot(next, 'update-next-open');
    } finally {
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
