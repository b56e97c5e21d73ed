// Storage that never silently loses (issue 11, point 5): records from a newer version of the
// wallet are read (their unknown fields kept), an unreadable record is reported and kept byte for
// byte (nothing writes over it: not verification, not a re-import), undo of a delete brings back
// the verification report too, a verification result never re-creates a credential deleted
// meanwhile in another tab, and persistent storage is asked for once, at the first import.
//
// Records are written and read straight in IndexedDB through `page.evaluate` (lib: `idb`).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, FIXTURES, DEMO, importFiles, importText, jsonFile, makeOb3, openDetail, reload,
  screenshot, tid, waitForCardCount, waitVerified, cardIds, galleryCountText, cssEscape,
} from '../lib/harness.js';

const STORES = ['summaries', 'documents', 'images', 'reports'];

/**
 * Runs `ops` against the wallet's IndexedDB in the page: `ops` is a list of
 * ['put', store, value] | ['get', store, key] | ['keys', store], done in one transaction.
 * Returns the results of the reads (values as JSON text, so they compare byte for byte;
 * a Blob as { blob: type, size }).
 */
async function idb(page, ops) {
  return page.evaluate(async (ops) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('learner-wallet');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const stores = [...new Set(ops.map((o) => o[1]))];
    const write = ops.some((o) => o[0] === 'put');
    const tx = db.transaction(stores, write ? 'readwrite' : 'readonly');
    const asText = (v) => (v === undefined ? null : JSON.stringify(v, (k, x) => (x instanceof Blob ? { blob: x.type, size: x.size } : x)));
    const results = await Promise.all(ops.map(([op, store, arg]) => new Promise((resolve, reject) => {
      const s = tx.objectStore(store);
      const r = op === 'put' ? s.put(arg) : op === 'get' ? s.get(arg) : s.getAllKeys();
      r.onsuccess = () => resolve(op === 'get' ? asText(r.result) : op === 'keys' ? r.result : null);
      r.onerror = () => reject(r.error);
    })));
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return results;
  }, ops);
}

/** Every store's record of `id`, as JSON text (null when absent). */
async function recordsOf(page, id) {
  const got = await idb(page, STORES.map((s) => ['get', s, id]));
  return Object.fromEntries(STORES.map((s, i) => [s, got[i]]));
}

const summaryOf = (vc, extra = {}) => ({
  local_id: vc.id,
  name: vc.name,
  issuer_name: vc.issuer.name,
  issuer_id: vc.issuer.id,
  issued: vc.validFrom ?? null,
  expires: null,
  tags: [],
  skills: [],
  achievement_type: null,
  format: 'ob3-vc2',
  status: 'pending',
  added_at: 1_700_000_000_000,
  ...extra,
});

describe('storage that never silently loses', { timeout: TEST_TIMEOUT * 6 }, () => {
  const env = suite();

  test('a newer version\'s records are read, an unreadable one is reported and kept byte for byte', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    const good = [makeOb3({ name: 'Stored Normally One' }), makeOb3({ name: 'Stored Normally Two' })];
    await importFiles(page, good.map((vc, i) => jsonFile(`good-${i}.json`, vc)));
    await waitForCardCount(page, 2);
    await waitVerified(page);

    // A credential as a newer wallet would store it: fields this version does not know, at
    // every level, and a field this version has but the newer one left out (tags).
    const future = makeOb3({ name: 'Stored By A Newer Wallet' });
    const futureSummary = summaryOf(future, { pinned: true, freshness: { checked: '2031-01-01T00:00:00Z', ttl: 86400 } });
    delete futureSummary.tags;
    const futureDoc = {
      local_id: future.id,
      original: { kind: 'json', text: JSON.stringify(future) },
      added_at: 1_700_000_000_000,
      source: 'pasted',
      linked: {},
      provenance: { device: 'phone', version: 9 },
    };
    // Damaged records (or ones a newer version wrote in a shape this one cannot read) of a real
    // credential: the summary has a number for its name and a string for its tags, the document
    // an unknown kind of original.
    const damaged = makeOb3({ name: 'Damaged On Disk' });
    const damagedSummary = { local_id: damaged.id, name: 12345, format: 'ob3-vc2', tags: 'not a list', status: 'verified' };
    const damagedDoc = { local_id: damaged.id, original: { Cbor: [1, 2, 3] }, added_at: 'yesterday' };
    await idb(page, [
      ['put', 'summaries', futureSummary], ['put', 'documents', futureDoc],
      ['put', 'summaries', damagedSummary], ['put', 'documents', damagedDoc],
    ]);
    const before = await recordsOf(page, damaged.id);
    assert.ok(before.summaries && before.documents);

    await reload(page);
    // The good ones and the newer version's one are shown; the damaged one is reported.
    await waitForCardCount(page, 3);
    assert.deepEqual((await cardIds(page)).sort(), [...good.map((g) => g.id), future.id].sort());
    const notice = page.getByTestId('storage-unreadable');
    await notice.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal(await notice.getAttribute('data-count'), '1');
    assert.match(await notice.textContent(), /1 stored record could not be read .*; it was kept unchanged\./);
    await screenshot(page, 'storage-unreadable-notice');

    // The newer version's credential is verified like any other, and keeps its unknown fields.
    const futureCard = page.locator(`${tid('credential-card')}[data-credential-id="${cssEscape(future.id)}"]`);
    await page.waitForFunction((sel) => {
      const s = document.querySelector(sel)?.getAttribute('data-status');
      return s && s !== 'pending';
    }, `${tid('credential-card')}[data-credential-id="${cssEscape(future.id)}"]`, { timeout: UI_TIMEOUT });
    const futureStatus = await futureCard.getAttribute('data-status');
    await page.waitForFunction(async ([id, status]) => {
      // the status write has landed in storage
      const db = await new Promise((r) => { const q = indexedDB.open('learner-wallet'); q.onsuccess = () => r(q.result); });
      const v = await new Promise((r) => { const q = db.transaction('summaries').objectStore('summaries').get(id); q.onsuccess = () => r(q.result); });
      db.close();
      return v?.status === status;
    }, [future.id, futureStatus], { timeout: UI_TIMEOUT });
    const futureAfter = await recordsOf(page, future.id);
    const fs1 = JSON.parse(futureAfter.summaries);
    assert.equal(fs1.pinned, true, 'unknown fields of a newer version are kept when the status is written');
    assert.deepEqual(fs1.freshness, futureSummary.freshness);
    assert.equal(JSON.parse(futureAfter.documents).provenance.version, 9);
    assert.ok(futureAfter.reports, 'its report was stored');

    // Importing the damaged credential again does not write over what could not be read.
    const results = await importText(page, JSON.stringify(damaged));
    assert.equal(results[0].outcome, 'error', JSON.stringify(results));
    assert.match(results[0].text, /already stored in your wallet, but its stored record could not be read.*kept unchanged, not replaced/);
    await screenshot(page, 'storage-unreadable-reimport');
    // Its detail page says so, rather than "not in your wallet".
    await page.goto(`${page.url().split('#')[0]}#/credential/${encodeURIComponent(damaged.id)}`);
    await page.getByText(/its stored record could not be read/).first().waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'storage-unreadable-detail');

    // A backup says what it could not include.
    await page.goto(`${page.url().split('#')[0]}#/`);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-backup').click();
    const backup = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
    assert.match(await page.getByTestId('storage-message').textContent(), /1 stored record\(s\) could not be read, so they are not in it; they were kept unchanged/);
    assert.equal(JSON.stringify(backup).includes('Stored By A Newer Wallet'), true, 'the newer version\'s credential is in the backup');

    await reload(page);
    await waitForCardCount(page, 3);
    const after = await recordsOf(page, damaged.id);
    assert.equal(after.summaries, before.summaries, 'the unreadable summary is byte-identical');
    assert.equal(after.documents, before.documents, 'the unreadable document is byte-identical');
    assert.equal(after.reports, null, 'nothing was written beside it');
  });

  test('undo of a delete brings back the verification report too', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const demo = fs.readFileSync(path.join(DEMO, '01-intro-to-sql.json'));
    await importFiles(page, [{ name: 'sql.json', mimeType: 'application/json', buffer: demo }]);
    await waitForCardCount(page, 1);
    await waitVerified(page);
    const id = JSON.parse(demo).id;
    const before = await recordsOf(page, id);
    assert.ok(before.reports, 'a report was stored');

    await openDetail(page, id);
    await page.locator(tid('verification-check')).first().waitFor({ timeout: UI_TIMEOUT });
    const checks = await page.locator(tid('verification-check')).evaluateAll((els) => els.map((e) => [e.dataset.check, e.dataset.outcome]));
    await page.getByTestId('delete-credential').click();
    await page.getByTestId('confirm-delete').click();
    await waitForCardCount(page, 0);
    assert.deepEqual(await recordsOf(page, id), { summaries: null, documents: null, images: null, reports: null });
    await page.getByTestId('undo-delete').click();
    await waitForCardCount(page, 1);

    const after = await recordsOf(page, id);
    assert.deepEqual(after, before, 'every store\'s record is back exactly as it was, the report included');
    await openDetail(page, id);
    await page.locator(tid('verification-check')).first().waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(
      await page.locator(tid('verification-check')).evaluateAll((els) => els.map((e) => [e.dataset.check, e.dataset.outcome])),
      checks,
      'the detail shows the report it had',
    );
  });

  test('a re-check in one tab never re-creates what another tab deleted meanwhile', { timeout: TEST_TIMEOUT * 2 }, async () => {
    // Tab A re-checks everything on open; it is held at a fetch (a hosted OB 2.0 assertion whose
    // URL this test answers) after it has checked the credentials before it in the first chunk.
    // Meanwhile tab B deletes one of those, one after it in the same chunk, and one in a later chunk.
    const a = await env.open();
    const b = await env.open({ context: a.context() }); // empty: B never verifies anything itself
    const base = 'https://held.storage-test.example/credentials/';
    let mode = 'abort';
    let held;
    const heldRequest = new Promise((resolve) => { held = resolve; });
    await a.context().route((url) => url.href === `${base}c-005-hosted.json`, async (route) => {
      if (mode === 'hold') held(route);
      else await route.abort();
    });
    const name = (i) => `c-${String(i).padStart(3, '0')}`;
    const copies = Array.from({ length: 29 }, (_, i) => makeOb3({ id: base + name(i), name: `Copy ${name(i)}` }));
    const hosted = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ob2-hosted-embedded.json'), 'utf8'));
    hosted.id = `${base}c-005-hosted.json`;
    delete hosted.image;
    delete hosted.badge.image;
    delete hosted.badge.issuer.image;
    // Stored order (by id): c-000 … c-005, the hosted one, c-006 …: chunks of 16.
    const victims = [copies[2].id, copies[10].id, copies[25].id];
    const total = copies.length + 1;
    await importFiles(a, [...copies.map((vc, i) => jsonFile(`${name(i)}.json`, vc)), jsonFile('hosted.json', hosted)], { min: total });
    await waitForCardCount(a, total);
    await waitVerified(a);
    await waitForCardCount(b, total);
    await waitVerified(b);

    mode = 'hold';
    await a.goto(`${a.url().split('#')[0]}#/credential/${encodeURIComponent(copies[1].id)}`);
    await a.reload();
    const route = await heldRequest;
    await a.getByTestId('verify-again').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await a.getByTestId('verify-again').isDisabled(), true, 'tab A is re-checking, held at the fetch');

    for (const [i, id] of victims.entries()) {
      await openDetail(b, id);
      await b.getByTestId('delete-credential').click();
      await b.getByTestId('confirm-delete').click();
      await waitForCardCount(b, total - i - 1);
    }
    mode = 'abort';
    await route.abort();
    await a.locator(`${tid('verify-again')}:not([disabled])`).waitFor({ timeout: UI_TIMEOUT });

    // Storage: no trace of the deleted ones, and nothing without its document.
    const [summaries, documents, images, reports] = await idb(a, STORES.map((s) => ['keys', s]));
    for (const id of victims) {
      for (const [store, keys] of [['summaries', summaries], ['documents', documents], ['images', images], ['reports', reports]]) {
        assert.ok(!keys.includes(id), `${id} left a record in ${store}`);
      }
    }
    assert.deepEqual(summaries, documents, 'every summary has its document');
    assert.ok(reports.every((k) => documents.includes(k)), 'no orphan report');
    assert.equal(summaries.length, total - victims.length);

    // Neither tab shows them.
    await reload(b);
    await waitForCardCount(b, total - victims.length);
    assert.ok((await cardIds(b)).every((id) => !victims.includes(id)));
    await a.goto(`${a.url().split('#')[0]}#/`);
    await waitForCardCount(a, total - victims.length);
    assert.ok((await cardIds(a)).every((id) => !victims.includes(id)));
    assert.equal(await galleryCountText(a), `${total - victims.length} credentials`);
  });

  test('persistent storage is asked for once, at the first import, and the answer is shown', { timeout: TEST_TIMEOUT }, async () => {
    const countCalls = (p) => p.addInitScript(() => {
      window.__persistCalls = 0;
      const s = navigator.storage;
      const persist = s.persist.bind(s);
      s.persist = () => { window.__persistCalls += 1; return persist(); };
    });
    const page = await env.open({ beforeGoto: countCalls });
    await page.getByTestId('wallet-empty').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'an empty wallet asks nothing');
    assert.equal(await page.getByTestId('storage-persistence').count(), 0);
    await importText(page, JSON.stringify(makeOb3({ name: 'First Import' })));
    const line = page.getByTestId('storage-persistence');
    await line.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const state = await line.getAttribute('data-state');
    assert.ok(['granted', 'denied'].includes(state), state);
    assert.equal(await page.evaluate(() => window.__persistCalls), 1);
    await importText(page, JSON.stringify(makeOb3({ name: 'Second Import' })));
    assert.equal(await page.evaluate(() => window.__persistCalls), 1, 'asked once');
    await screenshot(page, 'storage-persistence-line');

    // Next visit: the answer is read, not asked again.
    await reload(page);
    await line.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal(await line.getAttribute('data-state'), state);
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'never asked twice');
  });
});
