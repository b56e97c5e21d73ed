// Two languages (issue 14 point 3): the interface in English and French, switchable in the top
// bar ([data-testid=language], a select whose option values are BCP 47 tags), defaulting to the
// browser's language, remembered across reloads, named in <html lang>; dates formatted for the
// language; the employer's viewer follows its reader's browser. Credential text is shown as the
// issuer wrote it.
//
// "No English left": on every screen walked in French, no visible text outside credential
// content (every string value of the demo credentials, pathways and trust registry) and outside
// elements marked as another language (`lang="en"`: a verifier sentence from an older report or
// not yet translated, docs/i18n.md) may read as English (common English function words). A
// string a component forgot to translate fails this, whether or not it is in the message files
// (i18n/tests/catalogue.rs checks those).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, REPO, FIXTURES, loadDemo, demoByPrefix, openDetail, importText, makeOb3,
  screenshot, tid, reload, importFiles,
} from '../lib/harness.js';
import { axeCheck, formatViolations } from '../lib/axe.js';
import { threeSmallest, createShare } from '../lib/share.js';
import { PATHWAY_ID } from '../lib/pathways.js';

const FR_MONTH = /(?<![0-9])(1er|[0-9]{1,2}) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) [0-9]{4}\b/;

/** Words that are English and not French (so a French sentence never holds one). */
const ENGLISH_WORDS = new Set(('the your you with this that and from not yet was were has have been will of to is are for by ' +
  'it its into these those what which who when there their can cannot could should would all any some here only than then ' +
  'them open import share check checked verified badges badge\'s wallet link links copy print file files paste back delete ' +
  'progress next earned issued expires issuer skills criteria evidence none show hide more less add remove save loading').split(' '));
// "badge", "badges", "code", "portfolio", "QR", "Open Badges" are French too.
ENGLISH_WORDS.delete('badges');

/** Every string value in the JSON files under `dirs` (credential, pathway and registry content). */
function contentStrings(dirs) {
  const out = new Set();
  const walk = (v) => {
    if (typeof v === 'string') { if (v.trim()) out.add(v.trim()); }
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const files = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []);
  for (const d of dirs) for (const f of files(d)) {
    try { walk(JSON.parse(fs.readFileSync(f, 'utf8'))); } catch { /* not JSON */ }
  }
  return [...out];
}

const CONTENT = contentStrings(['public/demo', 'public/pathways', 'public/trust'].map((d) => path.join(REPO, d)));

/** Visible text of the page that is not content and not marked as another language, and reads as English. */
async function englishLeft(page, extraContent = []) {
  const texts = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent.trim();
      if (!text || !el || el.closest('script,style,noscript,pre,code,textarea,option,[hidden]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const marked = el.closest('[lang]');
      if (marked && !marked.getAttribute('lang').startsWith('fr')) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],img[alt]')) {
      if (!el.checkVisibility?.() && el.tagName !== 'IMG') continue;
      const marked = el.closest('[lang]');
      if (marked && !marked.getAttribute('lang').startsWith('fr')) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.getAttribute(a)) out.push(el.getAttribute(a).trim());
    }
    return out;
  });
  const content = [...CONTENT, ...extraContent];
  return texts.filter((t) => {
    if (content.some((c) => c.includes(t) || t.includes(c) && c.length > 3 && englishWords(t.replace(c, '')).length === 0)) return false;
    return englishWords(t).length > 0;
  });
}

/** Names that are the same in every language: standards, addresses. */
const PROPER = [/https?:\/\/\S+/g, /Open Badges( [0-9.]+)?/g, /VC [0-9.]+/g, /Comprehensive Learner Record/g, /Verifiable Credentials?/g];

function englishWords(text) {
  const plain = PROPER.reduce((t, re) => t.replace(re, ' '), text);
  return (plain.toLowerCase().match(/[a-z']+/g) ?? []).filter((w) => ENGLISH_WORDS.has(w));
}

describe('two languages', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();
  const french = { contextOptions: { locale: 'fr-FR' } };

  test('a French browser gets the French interface; the menu lists BCP 47 tags; the choice is remembered and named in <html lang>', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open(french);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    const select = page.getByTestId('language');
    assert.equal(await select.inputValue(), 'fr');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(options.length >= 2 && options.includes('en') && options.includes('fr'), JSON.stringify(options));
    for (const tag of options) assert.deepEqual(await page.evaluate((t) => Intl.getCanonicalLocales(t), tag), [tag], `${tag} is a canonical BCP 47 tag`);
    assert.equal((await page.getByTestId('nav-wallet').textContent()).trim(), 'Mes badges');
    await screenshot(page, 'language-fr-empty');

    // Switch to English: the page changes at once, without a reload, and says so in <html lang>.
    await select.selectOption('en');
    await page.getByTestId('nav-wallet').filter({ hasText: 'My badges' }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // Remembered: still English after a reload, though the browser prefers French.
    await reload(page);
    assert.equal((await page.getByTestId('nav-wallet').textContent()).trim(), 'My badges');
    assert.equal(await page.getByTestId('language').inputValue(), 'en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // And back.
    await page.getByTestId('language').selectOption('fr');
    await page.getByTestId('nav-wallet').filter({ hasText: 'Mes badges' }).waitFor({ timeout: UI_TIMEOUT });
    await reload(page);
    assert.equal((await page.getByTestId('nav-wallet').textContent()).trim(), 'Mes badges');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  });

  test('an English browser gets English; switching keeps the wallet\'s state (the credentials, the current view)', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.getByTestId('language').inputValue(), 'en');
    await loadDemo(page);
    const first = demoByPrefix('01-');
    await openDetail(page, first.id);
    const englishDates = (await page.getByTestId('detail-dates').textContent()).trim();
    assert.match(englishDates, /\d{4}-\d{2}-\d{2}/, 'English dates are ISO 8601');
    // The spec's achievement type is a term of its enumeration, labelled in the reader's language.
    const kind = JSON.parse(fs.readFileSync(path.join(REPO, 'public/demo', first.file), 'utf8')).credentialSubject.achievement.achievementType;
    assert.equal(kind, 'Course');
    assert.match(await page.locator('.detail-head .muted').textContent(), / · Course$/);
    await page.getByTestId('language').selectOption('fr');
    await page.getByTestId('detail-dates').filter({ hasText: FR_MONTH }).waitFor({ timeout: UI_TIMEOUT });
    const frenchDates = (await page.getByTestId('detail-dates').textContent()).trim();
    assert.doesNotMatch(frenchDates, /\d{4}-\d{2}-\d{2}/, `French dates are written out: ${frenchDates}`);
    assert.match(await page.locator('.detail-head .muted').textContent(), / · Cours$/);
    // The same credential is still open, with the issuer's own name for it.
    assert.match(await page.locator('h1').first().textContent(), new RegExp(first.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await screenshot(page, 'language-fr-detail');
  });

  test('every screen in French: no English left outside credential content; axe finds nothing serious', { timeout: TEST_TIMEOUT * 4 }, async () => {
    const failures = [];
    const check = async (p, name, extra = []) => {
      const left = await englishLeft(p, extra);
      if (left.length) failures.push(`${name}: ${JSON.stringify([...new Set(left)])}`);
      const { blocking } = await axeCheck(p);
      if (blocking.length) failures.push(`${name}: axe\n${formatViolations(blocking)}`);
      await screenshot(p, `language-fr-${name}`);
    };
    const page = await env.open(french);
    await page.getByTestId('wallet-empty').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await check(page, 'empty-wallet');
    await loadDemo(page);
    await check(page, 'gallery');

    const made = makeOb3({ name: 'Résultats' });
    await importText(page, JSON.stringify(made));
    await importText(page, '{"not": "a credential"}');
    await check(page, 'import-results', ['Résultats']);

    const first = demoByPrefix('01-');
    await openDetail(page, first.id);
    await check(page, 'detail');
    await page.getByTestId('print-credential').click();
    await page.getByTestId('print-qr').or(page.getByTestId('print-no-qr')).first().waitFor({ timeout: UI_TIMEOUT });
    await check(page, 'print');
    await page.goBack();
    await page.goBack();
    await page.locator(tid('credential-card')).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    const s = await createShare(page, threeSmallest().map((p) => p.id));
    await check(page, 'share-panel', ['Data skills', 'Alex Rivera']);

    await page.getByTestId('nav-progress').click();
    await page.locator(tid('pathway-card')).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await check(page, 'progress');
    await page.locator(`${tid('pathway-card')}[data-pathway-id="${PATHWAY_ID.data}"] ${tid('pathway-link')}`).click();
    await page.getByTestId('pathway-detail').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await check(page, 'pathway-tree');

    // The employer's viewer, opened by a French reader.
    const viewer = await env.open({ ...french, hash: s.link.slice(s.link.indexOf('#')) });
    await viewer.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await viewer.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((e) => e.getAttribute('data-status') !== 'pending'),
      tid('credential-card'),
      { timeout: UI_TIMEOUT },
    );
    // The share's title and holder are the learner's words (lib/share.js).
    const shareWords = ['Data skills', 'Alex Rivera'];
    assert.equal(await viewer.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal(await viewer.getByTestId('language').inputValue(), 'fr');
    await check(viewer, 'employer-view', shareWords);
    await viewer.locator(`${tid('credential-card')} a`).first().click();
    await viewer.getByTestId('shared-detail').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await check(viewer, 'employer-detail', shareWords);

    const fresh = await env.open(french);
    await fresh.getByTestId('restore-file').setInputFiles(path.join(FIXTURES, 'backup/sealed-v1-small.json'));
    await fresh.getByTestId('restore-dialog').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await fresh.getByTestId('restore-passphrase').fill('not the passphrase');
    await fresh.getByTestId('restore-submit').click();
    await fresh.getByTestId('restore-error').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await check(fresh, 'restore-wrong-passphrase');

    assert.deepEqual(failures, [], failures.join('\n\n'));
  });

  test('the employer\'s viewer follows its reader: English for an English browser, whatever the sharer\'s language', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open(french);
    await loadDemo(page);
    const s = await createShare(page, threeSmallest().map((p) => p.id));
    const viewer = await env.open({ hash: s.link.slice(s.link.indexOf('#')) });
    await viewer.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal(await viewer.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await viewer.getByTestId('language').inputValue(), 'en');
    await viewer.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((e) => e.getAttribute('data-status') !== 'pending'),
      tid('credential-card'),
      { timeout: UI_TIMEOUT },
    );
    const chips = await viewer.locator(`${tid('credential-card')} .status`).allTextContents();
    assert.ok(chips.length > 0 && chips.every((c) => /Verified|Expired|Revoked|Invalid|Not/.test(c)), JSON.stringify(chips));
    // The employer can switch too.
    await viewer.getByTestId('language').selectOption('fr');
    await viewer.locator(`${tid('credential-card')} .status`).first().filter({ hasText: /Vérifié|Expiré|Révoqué|valide|vérifié/ }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await viewer.evaluate(() => document.documentElement.lang), 'fr');
  });

  test('a credential written in English and French (VC 2.0 language value objects) shows the reader\'s language, marked with its lang, and verifies; a tampered direction does not', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open(french);
    await importFiles(page, path.join(FIXTURES, 'i18n/ob3-name-en-fr.json'));
    const card = page.locator(tid('credential-card')).first();
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'pending', tid('credential-card'), { timeout: UI_TIMEOUT });
    assert.equal(await card.getAttribute('data-status'), 'verified');
    await card.locator('a').first().click();
    await page.getByTestId('detail-dates').waitFor({ timeout: UI_TIMEOUT });
    /** Where `text` is shown: the lang of the nearest element that says one, below <html>. */
    const langOf = (text) => page.evaluate((t) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent.includes(t) && n.parentElement.checkVisibility()) {
          const el = n.parentElement.closest('[lang]');
          return el === document.documentElement ? 'inherited' : el?.getAttribute('lang') ?? 'none';
        }
      }
      return null;
    }, text);
    assert.equal(await langOf('Travaille bien avec les autres.'), 'fr', 'the French description, marked French');
    assert.equal(await langOf('Mener un projet d’équipe.'), 'fr', 'the French criteria, marked French');
    assert.equal(await langOf('Works well with others.'), null, 'the English one is not shown to a French reader');
    await screenshot(page, 'language-issuer-text-fr');
    await page.getByTestId('language').selectOption('en');
    await page.getByText('Works well with others.').first().waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await langOf('Works well with others.'), 'en', 'the English description, marked English');
    assert.equal(await langOf('Travaille bien avec les autres.'), null);
    await screenshot(page, 'language-issuer-text-en');

    const other = await env.open(french);
    await importFiles(other, path.join(FIXTURES, 'i18n/tampered-direction-flipped.json'));
    await other.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'pending', tid('credential-card'), { timeout: UI_TIMEOUT });
    assert.equal(await other.locator(tid('credential-card')).first().getAttribute('data-status'), 'invalid', 'the direction is signed: flipping it breaks the signature');
  });
});
