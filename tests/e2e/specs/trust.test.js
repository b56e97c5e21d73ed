// Issuer trust and the employer's banner (issue 11, "Say exactly what was checked"):
// - a credential signed with a demo issuer's published key, imported by hand into a fresh
//   wallet, is not trusted and its issuer name is shown as self-declared;
// - after "Load demo badges" the demo issuers are trusted there, under the registry's name,
//   labelled DEMO;
// - the employer's view of a share link never trusts them (even in the learner's own browser,
//   demo badges loaded) and its banner is `warn`, never `verified`;
// - an issuer name carrying U+202E (RIGHT-TO-LEFT OVERRIDE) is isolated: it cannot reorder
//   the words around it;
// - the banner's `verified`, `warn` and `failed` states.
//
// `verified` needs a credential from a trusted, non-demo registry issuer. The shipped registry
// lists none but the demo issuers, and no test key may be trusted by the app that ships (its
// seed would be a forgery key, like the demo seeds). So this spec plays a deployment: it serves
// the app with its own `trust/known-issuers.json` (the wallet reads the registry its deployment
// serves, same origin, else the bundled copy) listing a key made in memory by this test and
// never written anywhere, and signs with that key. The same link opened on the ordinary
// deployment is only `warn`: the shipped app trusts no test key.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, DIST, tid, importText, loadDemo, openDetail, screenshot, cssEscape,
  waitForCardCount, demoByPrefix, DEMO,
} from '../lib/harness.js';
import { createStaticServer, listen } from '../lib/static.js';
import { sharePayload } from '../lib/share-link.js';
import { settledStatuses, createShare } from '../lib/share.js';
import { demoKey, ed25519Key, signJwt } from '../lib/sign.js';

const card = (id) => `${tid('credential-card')}[data-credential-id="${cssEscape(id)}"]`;

/** { trust, demo, name, note } of a card's issuer line. */
async function cardIssuer(page, id) {
  const line = page.locator(card(id)).getByTestId('card-issuer-line');
  return {
    trust: await line.getAttribute('data-trust'),
    demo: await line.getAttribute('data-demo'),
    name: (await line.getByTestId('card-issuer').textContent()).trim(),
    text: (await line.textContent()).trim(),
    demoLabels: await line.getByTestId('demo-label').count(),
  };
}

async function checkOutcomes(scope) {
  const checks = scope.locator(tid('verification-check'));
  await checks.first().waitFor({ timeout: UI_TIMEOUT });
  return Object.fromEntries(await checks.evaluateAll((els) => els.map((e) => [e.dataset.check, e.dataset.outcome])));
}

async function bannerOf(page) {
  const b = page.getByTestId('share-banner');
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-state') !== 'checking', tid('share-banner'), { timeout: UI_TIMEOUT });
  return { state: await b.getAttribute('data-state'), text: (await b.textContent()).trim() };
}

async function openShared(env, hash, opts = {}) {
  const page = await env.open({ hash, ...opts });
  await page.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return page;
}

const demoText = (prefix) => fs.readFileSync(path.join(DEMO, demoByPrefix(prefix).file), 'utf8');

describe('issuer trust and the employer banner', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();

  test('demo key imported by hand: not trusted, name self-declared; after "Load demo badges": trusted, DEMO; the employer view never trusts them', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    const forged = signJwt(demoKey('northfield'), { name: 'Doctor of Philosophy', issuer: { name: 'Northfield University (Demo)' } });
    await importText(page, forged.text);
    await waitForCardCount(page, 1);
    assert.deepEqual(await settledStatuses(page, [forged.id]), ['verified'], 'the signature itself is valid');
    let issuer = await cardIssuer(page, forged.id);
    assert.equal(issuer.trust, 'demo-untrusted', JSON.stringify(issuer));
    assert.equal(issuer.demo, 'true', 'labelled DEMO even when not trusted');
    assert.equal(issuer.demoLabels, 1);
    assert.match(issuer.text, /Northfield University \(Demo\)[\s\S]*\(name given by the credential, not confirmed\)/);
    await openDetail(page, forged.id);
    let outcomes = await checkOutcomes(page);
    assert.notEqual(outcomes['issuer-trust'], 'pass', JSON.stringify(outcomes));
    assert.equal(outcomes['issuer-trust'], 'warn', JSON.stringify(outcomes));
    const trustMsg = await page.locator(`${tid('verification-check')}[data-check="issuer-trust"]`).textContent();
    assert.match(trustMsg, /DEMO key[\s\S]*published/, trustMsg);
    assert.match(await page.getByTestId('detail-issuer-name-line').textContent(), /name given by the credential, not confirmed/);
    await screenshot(page, 'trust-demo-key-by-hand');

    // Remove it, then use "Load demo badges" on the empty wallet.
    await page.getByTestId('delete-credential').click();
    await page.getByTestId('confirm-delete').click();
    await page.getByTestId('wallet-empty').waitFor({ timeout: UI_TIMEOUT });
    await loadDemo(page);
    const demo01 = demoByPrefix('01-');
    issuer = await cardIssuer(page, demo01.id);
    assert.equal(issuer.trust, 'demo', JSON.stringify(issuer));
    assert.equal(issuer.demoLabels, 1, 'labelled DEMO');
    assert.equal(issuer.name, 'Northfield University (Demo)', 'the registry name');
    assert.doesNotMatch(issuer.text, /not confirmed/);
    const lines = await page.$$eval(tid('card-issuer-line'), (els) => els.map((e) => [e.dataset.trust, e.querySelectorAll('[data-testid="demo-label"]').length, e.closest('[data-credential-id]')?.dataset.credentialId]));
    assert.ok(lines.every(([t, n]) => t === 'demo' && n === 1), `every demo card trusted and labelled DEMO: ${JSON.stringify(lines)}`);
    await screenshot(page, 'trust-demo-loaded');
    await openDetail(page, demo01.id);
    outcomes = await checkOutcomes(page);
    assert.equal(outcomes['issuer-trust'], 'pass', JSON.stringify(outcomes));
    assert.match(await page.locator(`${tid('verification-check')}[data-check="issuer-trust"]`).textContent(), /DEMO issuer, trusted here only because you loaded the demo badges/);
    assert.equal(await page.getByTestId('detail-issuer-name-line').getByTestId('demo-label').count(), 1);
    await page.getByTestId('back-to-wallet').click();

    // The employer's view of a share of two demo credentials, opened in the learner's own
    // browser (demo badges loaded there): the demo issuers are still not trusted.
    const ids = [demo01.id, demoByPrefix('02-').id];
    await settledStatuses(page, ids);
    const { link } = await createShare(page, ids);
    const viewer = await env.open({ context: page.context(), hash: link.slice(link.indexOf('#')) });
    await viewer.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await waitForCardCount(viewer, 2);
    const banner = await bannerOf(viewer);
    assert.equal(banner.state, 'warn', JSON.stringify(banner));
    assert.match(banner.text, /2 credentials: signatures valid; 1 issuer not confirmed/, banner.text);
    for (const id of ids) {
      const i = await cardIssuer(viewer, id);
      assert.equal(i.trust, 'demo-untrusted', `${id}: ${JSON.stringify(i)}`);
      assert.equal(i.demoLabels, 1);
      assert.match(i.text, /not confirmed/);
    }
    await viewer.locator(card(ids[0])).locator('a').click();
    const detail = viewer.getByTestId('shared-detail');
    await detail.waitFor({ state: 'visible' });
    const shared = await checkOutcomes(detail);
    assert.equal(shared['issuer-trust'], 'warn', JSON.stringify(shared));
    assert.match(await detail.locator(`${tid('verification-check')}[data-check="issuer-trust"]`).textContent(), /DEMO key[\s\S]*Not trusted/);
    assert.equal(await detail.getByTestId('shared-issuer-line').getAttribute('data-trust'), 'demo-untrusted');
    await viewer.evaluate(() => window.scrollTo(0, 0));
    await screenshot(viewer, 'trust-shared-demo-warn');

    // And in a fresh browser.
    const fresh = await openShared(env, link.slice(link.indexOf('#')));
    assert.equal((await bannerOf(fresh)).state, 'warn');
  });

  test('an issuer name with U+202E is isolated: the sentence around it keeps its order; ids and URLs show the control', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const evil = signJwt(ed25519Key(), {
      name: 'Harmless course',
      issuer: { name: '\u202Eytisrevinu emca', url: 'https://example.org/\u202Egnp.exe' },
    });
    const results = await importText(page, evil.text);
    await waitForCardCount(page, 1);
    await settledStatuses(page, [evil.id]);
    // The import message isolates the name (FSI … PDI) inside its sentence.
    const msg = results.map((r) => r.text).join(' ');
    assert.ok(msg.includes('\u2068\u202Eytisrevinu emca\u2069.'), `isolated in the import message: ${JSON.stringify(msg)}`);

    const line = page.locator(card(evil.id)).getByTestId('card-issuer-line');
    const geometry = await line.evaluate((el) => {
      const name = el.querySelector('[data-testid="card-issuer"]');
      const note = el.querySelector('[data-testid="issuer-name-note"]');
      // The first line box of each (an inline note that wraps has a bounding box from the
      // line's start).
      const r = (e) => e.getClientRects()[0];
      return {
        tag: name.tagName,
        bidi: getComputedStyle(name).unicodeBidi,
        nameLeft: r(name).left,
        nameRight: r(name).right,
        noteLeft: r(note).left,
        sameLine: Math.abs(r(name).top - r(note).top) < 4,
      };
    });
    assert.equal(geometry.tag, 'BDI', JSON.stringify(geometry));
    assert.equal(geometry.bidi, 'isolate', JSON.stringify(geometry));
    // Left to right: the name first, then "(name given by the credential, not confirmed)". An
    // override that leaked out of the name would lay the note out reversed, left of the name.
    if (geometry.sameLine) assert.ok(geometry.noteLeft >= geometry.nameRight - 1, `the note follows the name: ${JSON.stringify(geometry)}`);
    else assert.ok(geometry.noteLeft <= geometry.nameLeft + 1, `wrapped: the note starts its own line: ${JSON.stringify(geometry)}`);
    // The card's name too.
    assert.equal(await page.locator(card(evil.id)).getByTestId('card-name').locator('bdi').count(), 1);

    await openDetail(page, evil.id);
    const issuer = page.getByTestId('detail-issuer');
    assert.equal(await issuer.getByTestId('detail-issuer-name').evaluate((e) => e.tagName), 'BDI');
    // URLs and ids show each bidi control visibly.
    const issuerText = await issuer.textContent();
    assert.ok(issuerText.includes('https://example.org/<U+202E>gnp.exe'), issuerText);
    assert.ok(!issuerText.includes('/\u202Egnp'), 'no raw override in the URL shown');
    // The trust button's sentence isolates the name too.
    assert.equal(await page.getByTestId('trust-issuer').locator('bdi').count(), 1);
    await screenshot(page, 'trust-rtl-override-detail');
  });

  test('banner: warn (unknown issuer), failed (expired, altered, unreadable)', { timeout: TEST_TIMEOUT }, async () => {
    const unknown = signJwt(ed25519Key(), { name: 'Unknown issuer badge' });
    let viewer = await openShared(env, `#/s/${sharePayload({ title: 'warn', credentials: [unknown.text] })}`);
    let b = await bannerOf(viewer);
    assert.equal(b.state, 'warn', JSON.stringify(b));
    assert.match(b.text, /1 credential: signature valid; 1 issuer not confirmed\./);
    assert.equal(await viewer.locator(card(unknown.id)).getAttribute('data-status'), 'verified');
    await screenshot(viewer, 'trust-banner-warn');

    const expired = signJwt(ed25519Key(), { name: 'Expired badge', validUntil: '2024-06-01T00:00:00Z' });
    const altered = demoText('01-').replace('Introduction to SQL', 'Introduction to SQL (altered)');
    viewer = await openShared(env, `#/s/${sharePayload({ title: 'failed', credentials: [expired.text, altered, unknown.text, '{"not": "a credential"}'] })}`);
    b = await bannerOf(viewer);
    assert.equal(b.state, 'failed', JSON.stringify(b));
    assert.match(b.text, /4 credentials: 3 failed \(1 invalid, 1 expired, 1 unreadable\)/, b.text);
    await screenshot(viewer, 'trust-banner-failed');
  });

  describe('a deployment whose registry lists a real (non-demo) issuer', () => {
    let server;
    let tmp;
    const realKey = ed25519Key(); // made here, never written anywhere
    before(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wallet-registry-'));
      fs.writeFileSync(path.join(tmp, 'known-issuers.json'), JSON.stringify({
        type: 'LearnerWalletIssuerRegistry',
        version: 1,
        issuers: [{ id: realKey.did, name: 'Registry Test College', source: 'this e2e test only (a key made in memory)' }],
      }));
      const http = createStaticServer([
        { prefix: '/wallet/trust/', root: tmp, cors: false },
        { prefix: '/wallet/', root: DIST, cors: false },
      ]);
      const port = await listen(http);
      server = {
        walletUrl: `http://127.0.0.1:${port}/wallet/`,
        async close() {
          http.closeAllConnections?.();
          await new Promise((r) => http.close(r));
        },
      };
    });
    after(async () => {
      await server?.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    test('banner verified only when every credential is verified and its issuer trusted; the registry name is shown', { timeout: TEST_TIMEOUT }, async () => {
      const a = signJwt(realKey, { name: 'Registry badge A', issuer: { name: 'Self-declared Name' } });
      const b = signJwt(realKey, { name: 'Registry badge B' });
      const hash = `#/s/${sharePayload({ title: 'verified', credentials: [a.text, b.text] })}`;
      const viewer = await openShared(env, hash, { server });
      const banner = await bannerOf(viewer);
      assert.equal(banner.state, 'verified', JSON.stringify(banner));
      assert.match(banner.text, /All 2 credentials verified in your browser: signatures valid; issuers confirmed\./);
      const i = await cardIssuer(viewer, a.id);
      assert.equal(i.trust, 'registry');
      assert.equal(i.name, 'Registry Test College', 'the name from the registry, not the credential');
      assert.equal(i.demoLabels, 0);
      await screenshot(viewer, 'trust-banner-verified');

      // One unknown issuer among them: warn.
      const other = signJwt(ed25519Key(), { name: 'Other' });
      const mixed = await openShared(env, `#/s/${sharePayload({ credentials: [a.text, other.text] })}`, { server });
      assert.equal((await bannerOf(mixed)).state, 'warn');

      // The app as shipped trusts no test key: the same link is only "warn" there.
      const shipped = await openShared(env, hash);
      const s = await bannerOf(shipped);
      assert.equal(s.state, 'warn', JSON.stringify(s));
      assert.match(s.text, /1 issuer not confirmed/);
    });
  });
});
