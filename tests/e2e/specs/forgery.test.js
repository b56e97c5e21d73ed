// Forgery by omission (issue 11): a genuine signed badge with content added that JSON-LD
// would drop from the signed graph (relative ids, reserved @-keys, duplicate member names, …),
// and a value with a base direction (@direction: once dropped, now signed over). Before safe
// mode the wallet and the employer's view showed such a badge as Verified with the injected
// achievement, criteria and skill. Each class must now be shown as not verified — with the
// reason in the detail — or refused at import, and nothing already stored may be lost.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, DEMO, importFiles, importText, waitVerified, openDetail, tid, screenshot,
  jsonFile, cardIds,
} from '../lib/harness.js';
import { card, createShare } from '../lib/share.js';

const GENUINE = JSON.parse(fs.readFileSync(path.join(DEMO, '01-intro-to-sql.json'), 'utf8'));
const OTHER = JSON.parse(fs.readFileSync(path.join(DEMO, '02-python-data-analysis.json'), 'utf8'));

/** The issue's forgery: a first achievement with relative ids, a doctorate, injected criteria and skill. */
const FAKE_ACHIEVEMENT = {
  id: 'fake-achievement',
  type: ['Achievement'],
  name: 'Doctor of Philosophy',
  achievementType: 'Doctorate',
  description: 'Injected description',
  criteria: { id: 'fake-criteria', narrative: 'Injected criteria narrative' },
  alignment: [{ id: 'fake-alignment', type: ['Alignment'], targetName: 'Injected skill', targetUrl: 'https://evil.example/skill' }],
};

function forged(mutate) {
  const d = structuredClone(GENUINE);
  mutate(d);
  return d;
}
const first = (obj, key, extra) => {
  const old = obj[key];
  obj[key] = [extra, ...(Array.isArray(old) ? old : old === undefined ? [] : [old])];
};
const achievement = (d) => d.credentialSubject.achievement;

// [class, document, card status, words the signature check must contain]
const CASES = [
  ['relative achievement id (the issue\'s forgery)', forged((d) => first(d.credentialSubject, 'achievement', FAKE_ACHIEVEMENT)), 'invalid', 'fake-achievement'],
  ['relative evidence id', forged((d) => first(d, 'evidence', { id: 'ev-1', type: ['Evidence'], name: 'Injected evidence' })), 'invalid', 'ev-1'],
  ['relative endorsement id', forged((d) => first(achievement(d), 'endorsement', { id: 'endorse-1', type: ['VerifiableCredential', 'EndorsementCredential'], name: 'Injected' })), 'invalid', 'endorse-1'],
  ['relative result id', forged((d) => first(d.credentialSubject, 'result', { id: 'res-1', type: ['Result'], value: 'A+' })), 'invalid', 'res-1'],
  ['relative image reference', forged((d) => first(achievement(d), 'image', 'evil.png')), 'invalid', 'evil.png'],
  ['reserved @-key', forged((d) => { achievement(d)['@injected'] = 'Doctor of Philosophy'; }), 'invalid', '@injected'],
  // A value with a base direction is no longer dropped: it is canonicalized as Digital
  // Bazaar signs it (rdfDirection i18n-datatype, issue 14), so the added name is in the graph
  // and the signature no longer matches it.
  ['@direction value', forged((d) => first(achievement(d), 'name', { '@value': 'Doctor of Philosophy', '@direction': 'rtl' })), 'invalid', 'changed after it was signed'],
  // Made the json-ld crate panic (which kills the page) before it was refused: a value
  // object sends the document past the fast path to the crate.
  ['percent-encoding that is not UTF-8 in a context', forged((d) => { d['@context'].push({ r: 'http://www.w3.org/1999/02/22-r%df-syntax-ns#' }); d['r:seeAlso'] = { '@value': 'x', '@language': 'en' }; }), 'invalid', 'percent-encodes'],
  ['unknown context: could not be checked', forged((d) => { d['@context'].push('https://unknown.example/context.json'); }), 'unverified', 'https://unknown.example/context.json'],
];

describe('forgery by omission', { timeout: TEST_TIMEOUT * (CASES.length + 4) }, () => {
  const env = suite();

  for (const [name, doc, status, words] of CASES) {
    test(`${name} → ${status}`, { timeout: TEST_TIMEOUT }, async () => {
      const page = await env.open();
      // Something already stored, which must survive.
      await importFiles(page, [jsonFile('other.json', OTHER)]);
      await waitVerified(page);
      await importFiles(page, [jsonFile('forged.json', doc)]);
      await waitVerified(page);
      assert.equal(await page.locator(card(OTHER.id)).getAttribute('data-status'), 'verified', 'the stored credential is untouched');
      assert.equal(await page.locator(card(doc.id)).getAttribute('data-status'), status);
      await openDetail(page, doc.id);
      const sig = page.locator(`${tid('verification-check')}[data-check="signature"]`);
      await sig.waitFor();
      assert.equal(await sig.getAttribute('data-outcome'), status === 'unverified' ? 'not-checked' : 'fail');
      assert.ok((await sig.textContent()).includes(words), `the reason names ${words}: ${await sig.textContent()}`);
      assert.equal(await page.locator(`${tid('verification-check')}[data-outcome="pass"][data-check="issuer-key"]`).count(), 0);
      if (name.startsWith('relative achievement')) await screenshot(page, 'forgery-detail');
    });
  }

  test('duplicate member names are refused at import, and what is stored stays', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await importFiles(page, [jsonFile('other.json', OTHER)]);
    await waitVerified(page);
    const text = JSON.stringify(GENUINE, null, 2)
      .replace('"name": "Introduction to SQL"', '"name": "Doctor of Philosophy", "name": "Introduction to SQL"');
    assert.ok(text.includes('Doctor of Philosophy'));
    const results = await importText(page, text);
    const last = results[results.length - 1];
    assert.equal(last.outcome, 'error');
    assert.match(last.text, /duplicate member name "name"/);
    assert.deepEqual(await cardIds(page), [OTHER.id]);
    await screenshot(page, 'forgery-duplicate-refused');
  });

  // The other side of "an interop error must not look like a forgery": a credential signed
  // just now by Digital Bazaar's libraries with the Data Integrity context after VC 2.0
  // (which repeats VC 2.0's protected terms identically, as JSON-LD 1.1 allows) is genuine.
  test('a genuine credential with the Data Integrity context beside VC 2.0 is verified', { timeout: TEST_TIMEOUT }, async () => {
    // Digital Bazaar's signing libraries (tests/interop, installed by scripts/test.sh).
    const { keyFromSeed, badge, sign, TEST_ONLY_SEED_ISSUER, VC2, OB303, DI2 } = await import('../../interop/sign.mjs');
    const key = await keyFromSeed(TEST_ONLY_SEED_ISSUER);
    const docs = [];
    for (const [suiteName, context] of [['eddsa-rdfc-2022', [VC2, OB303, DI2]], ['eddsa-jcs-2022', [VC2, DI2, OB303]]]) {
      const unsigned = { ...badge({ issuer: key.did, context }), id: `urn:uuid:${crypto.randomUUID()}` };
      docs.push(await sign(unsigned, { suiteName, key }));
    }
    const page = await env.open();
    await importFiles(page, docs.map((d, i) => jsonFile(`di-context-${i}.json`, d)));
    await waitVerified(page);
    for (const d of docs) {
      assert.equal(await page.locator(card(d.id)).getAttribute('data-status'), 'verified', d['@context'].join(' '));
    }
    await openDetail(page, docs[0].id);
    const sig = page.locator(`${tid('verification-check')}[data-check="signature"]`);
    await sig.waitFor();
    assert.equal(await sig.getAttribute('data-outcome'), 'pass', await sig.textContent());
  });

  test('the employer never sees the forged badge as verified', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    const doc = CASES[0][1];
    await importFiles(page, [jsonFile('forged.json', doc), jsonFile('other.json', OTHER)]);
    await waitVerified(page);
    const { link } = await createShare(page, [doc.id, OTHER.id]);
    const viewer = await env.open({ hash: link.slice(link.indexOf('#')) });
    await viewer.getByTestId('shared-portfolio').waitFor({ state: 'visible' });
    const banner = viewer.getByTestId('share-banner');
    await banner.waitFor();
    await viewer.waitForFunction((sel) => {
      const b = document.querySelector(sel);
      return b && b.getAttribute('data-state') !== 'checking';
    }, tid('share-banner'));
    assert.equal(await banner.getAttribute('data-state'), 'failed');
    const statuses = await viewer.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-status')));
    assert.ok(!statuses.includes('pending'), `${statuses}`);
    assert.ok(statuses.includes('invalid'), `the forged one is invalid: ${statuses}`);
    await screenshot(viewer, 'forgery-employer-view');
  });
});
