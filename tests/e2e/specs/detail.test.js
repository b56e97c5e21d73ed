// The detail view of a credential.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, TEST_TIMEOUT, loadDemo, openDetail, demoExpectations, demoByPrefix, screenshot, tid, reload, waitForCardCount,
} from '../lib/harness.js';

const text = async (page, id) => ((await page.getByTestId(id).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('detail view', { timeout: TEST_TIMEOUT * 4 }, () => {
  const env = suite();

  test('shows everything about an OB 3.0 course credential', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const sql = demoByPrefix('01-');
    await openDetail(page, sql.id);
    assert.match(await text(page, 'detail-name'), /Introduction to SQL/);
    assert.match(await text(page, 'detail-issuer'), /Northfield University \(Demo\)/);
    assert.match(await text(page, 'detail-description'), /querying relational databases/);
    assert.match(await text(page, 'detail-criteria'), /weekly lab assignments/);
    assert.match(await text(page, 'detail-alignments'), /Query relational databases with SQL/);
    assert.match(await text(page, 'detail-alignments'), /15-1242\.00|Database Administrators/);
    assert.match(await text(page, 'detail-tags'), /SQL/);
    assert.match(await text(page, 'detail-results'), /\bA\b/);
    assert.match(await text(page, 'detail-dates'), /2023/);
    assert.ok((await text(page, 'detail-raw')).includes(sql.id), 'raw JSON includes the id');
    // Criteria URL is a real https link.
    const hrefs = await page.$$eval(`${tid('detail-criteria')} a`, (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.some((h) => h?.startsWith('https://demo.example.org/')), `criteria link: ${hrefs}`);
    assert.match(page.url(), new RegExp(`#/credential/${encodeURIComponent(sql.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await screenshot(page, 'detail');

    // The detail URL works after a reload (deep link to a stored credential).
    await reload(page);
    await page.getByTestId('credential-detail').waitFor({ state: 'visible' });
    assert.match(await text(page, 'detail-name'), /Introduction to SQL/);

    await page.getByTestId('back-to-wallet').first().click();
    await waitForCardCount(page, demoExpectations().length);
  });

  test('evidence, endorsement-bearing and OB 2.0 credentials render', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const demo = demoExpectations();
    const py = demo.find((d) => d.file.startsWith('02-'));
    await openDetail(page, py.id);
    assert.match(await text(page, 'detail-evidence'), /bike-share/i);
    assert.match(await text(page, 'detail-results'), /88/);
    await page.getByTestId('back-to-wallet').first().click();

    const ob2 = demo.find((d) => d.file.startsWith('08-'));
    await openDetail(page, ob2.id);
    assert.match(await text(page, 'detail-name'), /Git & Collaboration/);
    assert.match(await text(page, 'detail-issuer'), /CodeBridge Bootcamp \(Demo\)/);
    assert.match(await text(page, 'detail-criteria'), /pull requests/);
    await screenshot(page, 'detail-ob2');
    await page.getByTestId('back-to-wallet').first().click();

    const jwt = demo.find((d) => d.file.endsWith('.jwt'));
    await openDetail(page, jwt.id);
    assert.match(await text(page, 'detail-name'), /Cloud Practitioner Essentials/);
    assert.match(await text(page, 'detail-issuer'), /Harbor Logistics Academy \(Demo\)/);
  });

  test('an unknown credential id in the URL does not crash', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open({ hash: '#/credential/urn%3Auuid%3Anope' });
    await page.getByTestId('back-to-wallet').first().waitFor({ state: 'visible' });
    await page.getByTestId('back-to-wallet').first().click();
    await page.getByTestId('wallet-empty').waitFor({ state: 'visible' });
  });
});
