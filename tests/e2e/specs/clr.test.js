// Comprehensive Learner Record 2.0 (issue 12 point 4). The fixtures (tests/fixtures/clr/,
// signed by Digital Bazaar's eddsa-rdfc-2022) nest three OB 3.0 badges. The detail shows the
// CLR as a transcript: each nested achievement is a `clr-achievement` with its own
// `data-status`, credits, a grade, and the associations between achievements. A nested badge
// whose own proof fails is `invalid` while the CLR (whose issuer signed over it) stays
// verified; a CLR changed after signing is invalid. Nested badges count toward the CodeBridge
// pathway by their own status; a shared CLR verifies in a fresh page, nested statuses too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, FIXTURES, importFiles, waitVerified, openDetail, tid, screenshot,
  cssEscape, loadDemo,
} from '../lib/harness.js';
import { createShare, waitAllFinal } from '../lib/share.js';

const DIR = path.join(FIXTURES, 'clr');
const FS = 'https://demo.example.org/pathways/codebridge/full-stack-developer';
const IDS = {
  'clr-valid.json': 'urn:uuid:c1a00000-0000-4000-8000-000000000001',
  'clr-nested-bad-proof.json': 'urn:uuid:c1a00000-0000-4000-8000-000000000002',
  'clr-tampered.json': 'urn:uuid:c1a00000-0000-4000-8000-000000000001',
};
const card = (id) => `${tid('credential-card')}[data-credential-id="${cssEscape(id)}"]`;

async function importFile(page, name, buffer, mimeType = 'application/json') {
  const results = await importFiles(page, [{ name, mimeType, buffer }]);
  assert.equal(results[0]?.outcome, 'added', JSON.stringify(results));
  await waitVerified(page);
}

const fixture = (file) => fs.readFileSync(path.join(DIR, file));

/** The transcript's achievements once none is pending: [{ status, name, text }]. */
async function achievements(page, root = page) {
  const sel = tid('clr-achievement');
  await page.waitForFunction(
    (sel) => {
      const els = [...document.querySelectorAll(sel)];
      return els.length > 0 && els.every((e) => e.getAttribute('data-status') !== 'pending');
    },
    sel,
    { timeout: UI_TIMEOUT },
  );
  return root.locator(sel).evaluateAll((els) => els.map((e) => ({
    status: e.getAttribute('data-status'),
    name: e.querySelector('[data-testid="clr-achievement-name"]')?.textContent.trim() ?? '',
    text: e.textContent.replace(/\s+/g, ' ').trim(),
  })));
}

async function progressOf(page, pathwayId) {
  await page.getByTestId('nav-progress').click();
  const c = page.locator(`${tid('pathway-card')}[data-pathway-id="${cssEscape(pathwayId)}"]`);
  await c.waitFor({ timeout: UI_TIMEOUT });
  // Progress is recomputed as statuses arrive: wait for it to stop changing.
  let last = null;
  for (let i = 0; i < 20; i++) {
    const now = await c.getAttribute('data-progress');
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(300);
  }
  return last;
}

describe('Comprehensive Learner Record 2.0', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();

  test('a CLR is a transcript: three nested achievements, each verified on its own', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await importFile(page, 'clr-valid.json', fixture('clr-valid.json'));
    const id = IDS['clr-valid.json'];
    assert.equal(await page.locator(card(id)).getAttribute('data-status'), 'verified');
    await openDetail(page, id);
    const list = await achievements(page);
    assert.deepEqual(list.map((a) => a.status), ['verified', 'verified', 'verified']);
    assert.deepEqual(list.map((a) => a.name), [
      'Full-Stack Web Capstone (test only)',
      'Git & Collaboration (test only)',
      'Accessible Web Design (test only)',
    ]);
    assert.match(list[0].text, /6 of 6 credits/);
    assert.match(list[0].text, /Final grade: A/);
    assert.match(list[0].text, /CodeBridge Test Bootcamp/);
    assert.match(await page.getByTestId('clr-learner').textContent(), /did:example:learner-ada-1234/);
    assert.match(await page.getByTestId('clr-credits-total').textContent(), /11/);
    const assoc = await page.locator(tid('clr-association')).allTextContents();
    assert.equal(assoc.length, 3);
    assert.match(assoc[0].replace(/\s+/g, ' '), /Full-Stack Web Capstone \(test only\) is a child of Full-Stack Developer Certificate \(test only\)/);
    assert.deepEqual(
      (await page.locator(tid('clr-listed-achievement')).allTextContents()).map((t) => t.trim()),
      ['Full-Stack Developer Certificate (test only) (Certificate)'],
    );
    // The CLR's own checks: its proof, by its issuer.
    const sig = page.locator(`${tid('verification-check')}[data-check="signature"]`);
    assert.equal(await sig.getAttribute('data-outcome'), 'pass');
    assert.match(await page.getByTestId('detail-name').textContent(), /Transcript of Ada Learner/);
    // A transcript has no criteria, alignments, tags, results or evidence of its own: those
    // badge sections are not shown empty (each achievement above carries its own).
    for (const t of ['detail-criteria', 'detail-alignments', 'detail-tags', 'detail-results', 'detail-evidence']) {
      assert.equal(await page.getByTestId(t).count(), 0, `${t} is not shown for a CLR`);
    }
    await screenshot(page, 'clr-transcript');
  });

  test("the demo's transcript: Northfield's CLR and its three nested demo badges verified", { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await loadDemo(page);
    const id = 'urn:uuid:7d0c5b1e-2f4a-4e8b-9c3d-15a0c1e2d3f4';
    assert.equal(await page.locator(card(id)).getAttribute('data-status'), 'verified');
    await openDetail(page, id);
    const list = await achievements(page);
    assert.deepEqual(list.map((a) => [a.name, a.status]), [
      ['Introduction to SQL', 'verified'],
      ['Python for Data Analysis', 'verified'],
      ['Data Ethics and Privacy', 'verified'],
    ]);
    assert.match(await page.getByTestId('clr-credits-total').textContent(), /10/);
    const assoc = await page.locator(tid('clr-association')).allTextContents();
    assert.equal(assoc.length, 3);
    assert.match(assoc[0].replace(/\s+/g, ' '), /Introduction to SQL is a child of Data Analytics Certificate \(in progress\)/);
    await screenshot(page, 'clr-demo-transcript');
  });

  test('a nested badge with a bad proof is invalid, the CLR stays verified; a tampered CLR is invalid', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await importFile(page, 'clr-nested-bad-proof.json', fixture('clr-nested-bad-proof.json'));
    const id = IDS['clr-nested-bad-proof.json'];
    assert.equal(await page.locator(card(id)).getAttribute('data-status'), 'verified');
    await openDetail(page, id);
    const list = await achievements(page);
    assert.deepEqual(list.map((a) => a.status), ['verified', 'invalid', 'verified']);
    assert.match(list[1].name, /with honours/);
    // It says why, from its own checks; the verified ones say nothing more.
    const why = await page.locator(tid('clr-achievement-why')).allTextContents();
    assert.equal(why.length, 1);
    assert.match(why[0], /signature/i);
    await screenshot(page, 'clr-nested-bad-proof');

    const other = await env.open();
    await importFile(other, 'clr-tampered.json', fixture('clr-tampered.json'));
    assert.equal(await other.locator(card(IDS['clr-tampered.json'])).getAttribute('data-status'), 'invalid');
    await openDetail(other, IDS['clr-tampered.json']);
    const tampered = await achievements(other);
    // Each nested badge is judged by its own proof: the CLR's failure lends them nothing.
    assert.deepEqual(tampered.map((a) => a.status), ['verified', 'invalid', 'verified']);
    const sig = other.locator(`${tid('verification-check')}[data-check="signature"]`);
    assert.equal(await sig.getAttribute('data-outcome'), 'fail');
  });

  test('baked into a PNG and an SVG, the CLR imports the same', { timeout: TEST_TIMEOUT }, async () => {
    for (const [file, mime] of [['baked-clr.png', 'image/png'], ['baked-clr.svg', 'image/svg+xml']]) {
      const page = await env.open();
      await importFile(page, file, fs.readFileSync(path.join(FIXTURES, file)), mime);
      const id = IDS['clr-valid.json'];
      assert.equal(await page.locator(card(id)).getAttribute('data-status'), 'verified', file);
      await openDetail(page, id);
      assert.deepEqual((await achievements(page)).map((a) => a.status), ['verified', 'verified', 'verified'], file);
    }
  });

  test('nested achievements count toward a pathway by their own status', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    await importFile(page, 'clr-valid.json', fixture('clr-valid.json'));
    // Capstone, Git & Collaboration and Accessible web design: 3 of the 5 requirements.
    assert.equal(await progressOf(page, FS), '3/5');
    await page.locator(`${tid('pathway-card')}[data-pathway-id="${cssEscape(FS)}"] ${tid('pathway-link')}`).click();
    await page.getByTestId('pathway-detail').waitFor({ timeout: UI_TIMEOUT });
    const text = (await page.getByTestId('pathway-detail').textContent()).replace(/\s+/g, ' ');
    assert.match(text, /Full-Stack Web Capstone \(test only\)/);
    // The nested badge that fills a requirement links to the CLR it is part of.
    const link = page.getByTestId('pathway-detail').getByRole('link', { name: 'Full-Stack Web Capstone (test only)' });
    assert.equal(await link.getAttribute('href'), `#/credential/${encodeURIComponent(IDS['clr-valid.json'])}`);
    await screenshot(page, 'clr-pathway');

    // The forged nested badge does not count; the CLR's own valid proof lends it nothing.
    const other = await env.open();
    await importFile(other, 'clr-nested-bad-proof.json', fixture('clr-nested-bad-proof.json'));
    assert.equal(await progressOf(other, FS), '2/5');
  });

  test('a shared CLR verifies in a fresh page, nested statuses shown', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    await importFile(page, 'clr-nested-bad-proof.json', fixture('clr-nested-bad-proof.json'));
    const id = IDS['clr-nested-bad-proof.json'];
    const { link } = await createShare(page, [id], { title: 'My transcript', holder: 'Ada Learner' });
    const viewer = await env.open({ hash: link.slice(link.indexOf('#')) });
    await viewer.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await waitAllFinal(viewer);
    const shared = viewer.locator(card(id));
    assert.equal(await shared.getAttribute('data-status'), 'verified');
    await shared.locator('a').first().click();
    await viewer.getByTestId('shared-detail').waitFor({ timeout: UI_TIMEOUT });
    const list = await achievements(viewer);
    assert.deepEqual(list.map((a) => a.status), ['verified', 'invalid', 'verified']);
    await screenshot(viewer, 'clr-shared');
  });
});
