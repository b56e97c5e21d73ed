// Search, filters and sort over the demo credentials.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, TEST_TIMEOUT, loadDemo, cardNames, cardIssuers, cardIds, galleryCountText, demoExpectations,
  selectOptionMatching, tid, waitForCardCount, screenshot,
} from '../lib/harness.js';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

describe('gallery: search, filter, sort', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();
  let demo;
  before(() => {
    demo = demoExpectations();
  });

  async function demoPage() {
    const page = await env.open();
    await loadDemo(page, demo.length);
    return page;
  }

  async function waitCount(page, n) {
    await waitForCardCount(page, n);
  }

  test('search narrows the gallery and the count says so', { timeout: TEST_TIMEOUT }, async () => {
    const page = await demoPage();
    await page.getByTestId('search').fill('capstone');
    await waitCount(page, 1);
    assert.deepEqual(await cardNames(page), ['Full-Stack Web Capstone']);
    assert.equal(await galleryCountText(page), `Showing 1 of ${demo.length} credentials`);
    await page.getByTestId('search').fill('harbor logistics');
    await waitCount(page, demo.filter((d) => d.issuer.startsWith('Harbor')).length);
    await page.getByTestId('search').fill('zzz-no-such-badge');
    await waitCount(page, 0);
    assert.equal(await galleryCountText(page), `Showing 0 of ${demo.length} credentials`);
    await page.getByTestId('search').fill('');
    await waitCount(page, demo.length);
  });

  test('filter by issuer', { timeout: TEST_TIMEOUT }, async () => {
    const page = await demoPage();
    await selectOptionMatching(page, 'filter-issuer', /Harbor Logistics/);
    const expected = demo.filter((d) => d.issuer.startsWith('Harbor Logistics'));
    await waitCount(page, expected.length);
    assert.deepEqual((await cardIds(page)).sort(), expected.map((d) => d.id).sort());
    await page.locator(tid('filter-issuer')).selectOption('');
    await waitCount(page, demo.length);
  });

  test('filter by status: every option shows exactly the cards with that status', { timeout: TEST_TIMEOUT }, async () => {
    const page = await demoPage();
    const statuses = await page.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-status')));
    const options = await page.$$eval(`${tid('filter-status')} option`, (os) => os.map((o) => o.value));
    assert.equal(options[0], '', 'first option is "all"');
    assert.deepEqual(options.slice(1).sort(), [...new Set(statuses)].sort(), 'one option per status present');
    for (const value of options.slice(1)) {
      await page.locator(tid('filter-status')).selectOption(value);
      const n = statuses.filter((s) => s === value).length;
      await waitCount(page, n);
      const shown = await page.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-status')));
      assert.ok(shown.every((s) => s === value), `${value}: ${shown}`);
    }
    await page.locator(tid('filter-status')).selectOption('');
    await waitCount(page, demo.length);
  });

  test('filter by status: the expired demo credential', { timeout: TEST_TIMEOUT }, async () => {
    const page = await demoPage();
    await selectOptionMatching(page, 'filter-status', /expired/i);
    const expired = demo.filter((d) => d.validUntil && d.validUntil < new Date().toISOString());
    await waitCount(page, expired.length);
    assert.deepEqual((await cardIds(page)).sort(), expired.map((d) => d.id).sort());
  });

  test('filter by tag', { timeout: TEST_TIMEOUT }, async () => {
    const page = await demoPage();
    const value = await selectOptionMatching(page, 'filter-tag', /^data analytics$/i);
    const expected = demo.filter((d) => d.tags.some((t) => t.toLowerCase() === value.toLowerCase()));
    assert.ok(expected.length >= 3);
    await waitCount(page, expected.length);
    assert.deepEqual((await cardIds(page)).sort(), expected.map((d) => d.id).sort());
    await screenshot(page, 'gallery-filtered');
  });

  test('filters combine with search', { timeout: TEST_TIMEOUT }, async () => {
    const page = await demoPage();
    await selectOptionMatching(page, 'filter-issuer', /Northfield/);
    await page.getByTestId('search').fill('python');
    await waitCount(page, 1);
    assert.deepEqual(await cardNames(page), ['Python for Data Analysis']);
  });

  test('sort: newest, oldest, name, issuer', { timeout: TEST_TIMEOUT }, async () => {
    const page = await demoPage();
    const byDate = [...demo].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));

    await page.locator(tid('sort')).selectOption('date-desc');
    await page.waitForTimeout(100);
    assert.deepEqual(await cardNames(page), byDate.map((d) => d.name).reverse(), 'date-desc');

    await page.locator(tid('sort')).selectOption('date-asc');
    await page.waitForFunction(([sel, first]) => document.querySelector(sel)?.textContent.trim() === first, [`${tid('card-name')}`, byDate[0].name]);
    assert.deepEqual(await cardNames(page), byDate.map((d) => d.name), 'date-asc');

    await page.locator(tid('sort')).selectOption('name');
    const byName = demo.map((d) => d.name).sort(collator.compare);
    await page.waitForFunction(([sel, first]) => document.querySelector(sel)?.textContent.trim() === first, [`${tid('card-name')}`, byName[0]]);
    assert.deepEqual(await cardNames(page), byName, 'name');

    await page.locator(tid('sort')).selectOption('issuer');
    const expectedIssuers = demo.map((d) => d.issuer).sort(collator.compare);
    await page.waitForFunction(([sel, first]) => document.querySelector(sel)?.textContent.trim() === first, [`${tid('card-issuer')}`, expectedIssuers[0]]);
    assert.deepEqual(await cardIssuers(page), expectedIssuers, 'issuer');
  });
});
