// Hostile credential content is shown as text, never executed or linked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, TEST_TIMEOUT, importText, openDetail, makeOb3, cardNames, tid, screenshot, waitForCardCount,
} from '../lib/harness.js';

const EVIL_NAME = '<img src=x onerror=alert(1)>';

describe('XSS', { timeout: TEST_TIMEOUT * 2 }, () => {
  const env = suite();

  test('markup in names and javascript: URLs are inert', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const vc = makeOb3({
      name: EVIL_NAME,
      mutate: (v) => {
        const a = v.credentialSubject.achievement;
        a.criteria = { id: 'javascript:alert(1)', narrative: '<script>alert(2)</script> **bold** [x](javascript:alert(3))' };
        a.description = '<iframe src="javascript:alert(4)"></iframe>';
        v.issuer.name = '<b onmouseover=alert(5)>Evil Issuer</b>';
        v.issuer.url = 'javascript:alert(6)';
        a.alignment[0].targetUrl = 'javascript:alert(7)';
        v.evidence = [{ id: 'javascript:alert(8)', type: ['Evidence'], name: 'evidence <svg onload=alert(9)>' }];
        a.image = { id: 'javascript:alert(10)', type: 'Image' };
      },
    });
    const results = await importText(page, JSON.stringify(vc));
    assert.equal(results[0].outcome, 'added', results[0].text);
    await waitForCardCount(page, 1);
    assert.deepEqual(await cardNames(page), [EVIL_NAME], 'name shown literally');

    await openDetail(page, vc.id);
    assert.equal((await page.getByTestId('detail-name').first().textContent()).trim(), EVIL_NAME);
    await page.waitForTimeout(500); // give any injected handler a chance to fire

    // Hover and click everything that looks clickable in the detail.
    for (const a of await page.locator(`${tid('credential-detail')} a`).all()) await a.hover().catch(() => {});
    await screenshot(page, 'xss-detail');

    assert.deepEqual(page.dialogs, [], 'no alert fired');
    const dangerous = await page.evaluate(() => ({
      jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
      jsSrc: [...document.querySelectorAll('[src]')].filter((e) => /^\s*javascript:/i.test(e.getAttribute('src'))).length,
      injectedImg: document.querySelectorAll('img[src="x"]').length,
      iframes: document.querySelectorAll('iframe').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('alert(')).length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
    }));
    assert.deepEqual(dangerous, { jsLinks: 0, jsSrc: 0, injectedImg: 0, iframes: 0, scripts: 0, handlers: 0 });
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);

    await page.getByTestId('back-to-wallet').first().click();
    await waitForCardCount(page, 1);
    assert.deepEqual(page.dialogs, [], 'no alert fired');
  });
});
