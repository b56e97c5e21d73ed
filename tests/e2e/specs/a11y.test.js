// Accessibility (issue 14 point 5): axe-core on every screen — empty wallet, gallery, a
// credential's detail, import results, import progress, the Progress (pathways) page and a
// pathway's requirement tree, the share panel, a QR code's offer, the employer's view of that
// link, the restore dialog — in the light and the dark colour scheme: no serious or critical violation, exactly
// one <h1> per view. Status chips carry text. Reduced motion stops transitions and animations;
// the dark scheme gives a dark page. (The keyboard-only walk is keyboard.test.js.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, FIXTURES, loadDemo, demoByPrefix, openDetail, importText, makeOb3,
  screenshot, tid,
} from '../lib/harness.js';
import { axeCheck, formatViolations, visibleH1s } from '../lib/axe.js';
import { threeSmallest, createShare } from '../lib/share.js';
import { PATHWAY_ID } from '../lib/pathways.js';

/** Check one screen: axe (serious/critical), one visible <h1>, a screenshot. Returns failures. */
async function checkScreen(page, scheme, name, h1Pattern) {
  const failures = [];
  const { blocking, other } = await axeCheck(page);
  if (blocking.length) failures.push(`${name} (${scheme}): axe\n${formatViolations(blocking)}`);
  if (other.length) console.log(`[a11y] ${name} (${scheme}) minor/moderate: ${other.join(', ')}`);
  const h1s = await visibleH1s(page);
  if (h1s.length !== 1) failures.push(`${name} (${scheme}): ${h1s.length} <h1> (${JSON.stringify(h1s)}), want exactly 1`);
  else if (h1Pattern && !h1Pattern.test(h1s[0])) failures.push(`${name} (${scheme}): <h1> "${h1s[0]}" does not match ${h1Pattern}`);
  await screenshot(page, `a11y-${scheme}-${name}`);
  console.log(`[a11y] ${name} (${scheme}): ${blocking.length} serious/critical, h1 ${JSON.stringify(h1s)}`);
  return failures;
}

/** Walk every screen of the wallet and the employer's view in one colour scheme. */
async function everyScreen(env, scheme) {
  const contextOptions = { colorScheme: scheme };
  const failures = [];
  const page = await env.open({ contextOptions });

  // Empty wallet.
  await page.getByTestId('wallet-empty').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  failures.push(...(await checkScreen(page, scheme, 'empty-wallet', /wallet|badges/i)));

  // Gallery with the demo badges.
  await loadDemo(page);
  failures.push(...(await checkScreen(page, scheme, 'gallery')));

  // Import progress, caught deterministically: the URL's response is held until axe has run.
  let release;
  const held = new Promise((r) => { release = r; });
  const slowUrl = env.server.fixtureUrl('a11y-held/badge.json');
  const badge = JSON.stringify(makeOb3({ name: 'Held import' }));
  await page.route(slowUrl, async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: 'application/json', body: badge });
  });
  await page.getByTestId('import-url').fill(slowUrl);
  await page.getByTestId('import-url-submit').click();
  await page.getByTestId('import-progress').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  failures.push(...(await checkScreen(page, scheme, 'import-progress')));
  release();
  await page.getByTestId('import-progress').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  await page.locator(tid('card-name'), { hasText: 'Held import' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });

  // Import results (several lines: the results list is a scroll container when long).
  await importText(page, JSON.stringify(makeOb3({ name: 'Results screen' })));
  assert.ok((await page.locator(tid('import-result')).count()) >= 1);
  failures.push(...(await checkScreen(page, scheme, 'import-results')));

  // A credential's detail: the <h1> is its name.
  const first = demoByPrefix('01-');
  await openDetail(page, first.id);
  // The raw credential open: a scroll container of its own.
  await page.locator('details.raw > summary').click();
  await page.getByTestId('detail-raw').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  assert.ok(await page.getByTestId('detail-raw').evaluate((e) => e.scrollHeight > e.clientHeight), 'the raw credential scrolls');
  failures.push(...(await checkScreen(page, scheme, 'detail', new RegExp(first.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))));
  await page.goBack();
  await page.getByTestId('gallery').waitFor({ state: 'visible', timeout: UI_TIMEOUT }).catch(() => {});
  await page.locator(tid('credential-card')).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });

  // Share panel with a link.
  const s = await createShare(page, threeSmallest().map((p) => p.id));
  failures.push(...(await checkScreen(page, scheme, 'share-panel')));

  // A picture of that QR code given to another wallet: what it holds, waiting for confirmation.
  const qrPicture = await page.getByTestId('share-qr').screenshot();
  const other = await env.open({ contextOptions });
  await other.getByTestId('import-file').setInputFiles({ name: 'share-qr.png', mimeType: 'image/png', buffer: qrPicture });
  await other.getByTestId('qr-offer').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  failures.push(...(await checkScreen(other, scheme, 'qr-offer')));

  // Progress (pathways) and one pathway's requirement tree.
  await page.getByTestId('nav-progress').click();
  await page.locator(tid('pathway-card')).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  failures.push(...(await checkScreen(page, scheme, 'progress', /progress/i)));
  await page.locator(`${tid('pathway-card')}[data-pathway-id="${PATHWAY_ID.data}"] ${tid('pathway-link')}`).click();
  await page.getByTestId('pathway-detail').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  failures.push(...(await checkScreen(page, scheme, 'pathway-tree')));

  // The employer's view of the link, in a fresh context, with a credential's report open.
  const viewer = await env.open({ contextOptions, hash: s.link.slice(s.link.indexOf('#')) });
  await viewer.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await viewer.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].every((e) => e.getAttribute('data-status') !== 'pending'),
    tid('credential-card'),
    { timeout: UI_TIMEOUT },
  );
  failures.push(...(await checkScreen(viewer, scheme, 'employer-view', /Data skills/)));
  await viewer.locator(`${tid('credential-card')} a`).first().click();
  await viewer.getByTestId('shared-detail').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  failures.push(...(await checkScreen(viewer, scheme, 'employer-detail', /Data skills/)));

  // The restore dialog (a sealed backup asks for its passphrase).
  const fresh = await env.open({ contextOptions });
  await fresh.getByTestId('restore-file').setInputFiles(path.join(FIXTURES, 'backup/sealed-v1-small.json'));
  await fresh.getByTestId('restore-dialog').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  failures.push(...(await checkScreen(fresh, scheme, 'restore-dialog')));

  return failures;
}

describe('accessibility', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();

  for (const scheme of ['light', 'dark']) {
    test(`every screen (${scheme}): no serious or critical axe violation, one <h1>`, { timeout: TEST_TIMEOUT * 3 }, async () => {
      const failures = await everyScreen(env, scheme);
      assert.deepEqual(failures, [], failures.join('\n\n'));
    });
  }

  test('status chips say their state in words, not only by colour', async () => {
    const page = await env.open();
    await loadDemo(page);
    const chips = await page.$$eval(`${tid('credential-card')}`, (els) =>
      els.map((c) => ({ status: c.getAttribute('data-status'), text: c.querySelector('.status')?.textContent.trim() ?? '' })),
    );
    assert.ok(chips.length > 0);
    const words = { verified: /verified/i, expired: /expired/i, revoked: /revoked/i, invalid: /invalid|failed|not valid/i, unverified: /not verified/i, 'not-yet-valid': /not yet valid/i };
    for (const c of chips) {
      assert.ok(c.text.length > 0, `a ${c.status} card has a text chip`);
      if (words[c.status]) assert.match(c.text, words[c.status], `the ${c.status} chip says so`);
    }
    console.log(`[a11y] chips: ${[...new Set(chips.map((c) => `${c.status}="${c.text}"`))].join(', ')}`);
  });

  test('dark scheme: a dark page; reduced motion: no transition or animation runs', async () => {
    const luminance = (rgb) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const dark = await env.open({ contextOptions: { colorScheme: 'dark' } });
    const light = await env.open({ contextOptions: { colorScheme: 'light' } });
    const bg = (p) => p.evaluate(() => getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)'
      ? getComputedStyle(document.documentElement).backgroundColor
      : getComputedStyle(document.body).backgroundColor);
    const [darkBg, lightBg] = [await bg(dark), await bg(light)];
    console.log(`[a11y] page background: dark ${darkBg}, light ${lightBg}`);
    assert.ok(luminance(darkBg) < 0.05, `dark scheme: dark background (${darkBg})`);
    assert.ok(luminance(lightBg) > 0.8, `light scheme: light background (${lightBg})`);
    const panel = await dark.evaluate(() => getComputedStyle(document.querySelector('.panel')).backgroundColor);
    assert.ok(luminance(panel) < 0.05, `dark scheme: dark panels (${panel})`);
    // Printing stays light whatever the screen's scheme.
    await dark.emulateMedia({ media: 'print' });
    const printBg = await bg(dark);
    assert.ok(luminance(printBg) > 0.8, `dark scheme, printed: light background (${printBg})`);
    await dark.emulateMedia({ media: 'screen' });

    // Reduced motion: the elements that move (progress indicators, buttons, the demo load) have
    // no transition or animation time, and no animation runs while an import is in progress.
    const still = await env.open({ contextOptions: { reducedMotion: 'reduce' } });
    const moving = await env.open({ contextOptions: { reducedMotion: 'no-preference' } });
    const durations = (p) => p.evaluate(() => {
      const out = [];
      for (const e of document.querySelectorAll('*')) {
        const s = getComputedStyle(e);
        const t = s.transitionDuration.split(',').map(parseFloat);
        const a = s.animationDuration.split(',').map(parseFloat);
        if (t.some((x) => x > 0.001) || (s.animationName !== 'none' && a.some((x) => x > 0.001))) out.push(`${e.tagName}.${e.className}`);
      }
      return out;
    });
    for (const p of [still, moving]) {
      await p.getByTestId('import-text').fill(JSON.stringify(makeOb3({ name: 'Motion' })));
    }
    const stillMoving = await durations(still);
    const movingMoving = await durations(moving);
    console.log(`[a11y] elements with transitions/animations: no-preference ${movingMoving.length} (${movingMoving.slice(0, 6).join(' ')}), reduce ${stillMoving.length}`);
    assert.ok(movingMoving.length > 0, 'the check can fail: without the preference something moves');
    assert.deepEqual(stillMoving, [], 'with reduced motion nothing has a transition or animation time');
    assert.deepEqual(await still.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), 0);
  });
});
