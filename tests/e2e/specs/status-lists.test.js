// Revocation status lists (issue 11, points 2 and 4): a credential that declares a
// `credentialStatus` is `verified` only when its list was fetched, verified and read; lists
// are re-fetched when stale and always on "Check again"; every fetch is bounded (10 s, 10 MiB,
// https or loopback http only) and runs concurrently with the others.
//
// Credentials and lists are signed at test time with TEST-ONLY keys (lib/status-lists.js).
// Lists live at https://status.example.test/…, answered by Playwright routing (the page never
// reaches the network), or on a loopback host for a body without a Content-Length.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, TEST_TIMEOUT, UI_TIMEOUT, importText, importFiles, jsonFile, openDetail, tid, screenshot, cardIds, reload, waitVerified } from '../lib/harness.js';
import { routeStatusHost, statusList, statusEntry, statusCredential, startHostileHost, encodedValues, edtechList, edtechEntry } from '../lib/status-lists.js';

const card = (page, id) => page.locator(`${tid('credential-card')}[data-credential-id="${id}"]`);

async function waitStatus(page, id, want, timeout = UI_TIMEOUT) {
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.getAttribute('data-status') === want,
    [`${tid('credential-card')}[data-credential-id="${id}"]`, want],
    { timeout },
  );
}

/** The detail's status check: { outcome, text, checkedAt }. */
async function statusCheck(page) {
  const c = page.locator(`${tid('verification-check')}[data-check="status"]`);
  await c.waitFor({ timeout: UI_TIMEOUT });
  // The check is rendered whole: the time is there now or not at all (a locator's
  // getAttribute would wait 30 s for an element that never comes).
  const at = c.locator(tid('status-checked-at'));
  return {
    outcome: await c.getAttribute('data-outcome'),
    text: (await c.textContent()).trim(),
    checkedAt: (await at.count()) ? await at.getAttribute('data-checked-at') : null,
  };
}

async function until(cond, what, timeout = UI_TIMEOUT) {
  const end = Date.now() + timeout;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function backToGallery(page) {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByTestId('credential-card').first().waitFor({ timeout: UI_TIMEOUT });
}

describe('revocation status lists', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();
  let hostile;
  before(async () => {
    hostile = await startHostileHost();
  });
  after(async () => {
    await hostile?.close();
  });

  test('unreachable list → unverified, "revocation could not be checked"; a reachable clear list → verified with its time', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    host.set('/lists/ok', { json: statusList(host.url('/lists/ok'), { set: [3] }) });
    host.set('/lists/down', 'refuse');
    const ok = statusCredential('Reachable list', statusEntry(host.url('/lists/ok'), 5));
    const down = statusCredential('Unreachable list', statusEntry(host.url('/lists/down'), 5));
    await importFiles(page, [jsonFile('ok.json', ok), jsonFile('down.json', down)]);
    await waitStatus(page, ok.id, 'verified');
    await waitStatus(page, down.id, 'unverified');

    await openDetail(page, down.id);
    const s = await statusCheck(page);
    assert.equal(s.outcome, 'not-checked');
    assert.match(s.text, /The signature is valid, but revocation could not be checked\./);
    assert.match(s.text, /lists\/down/);
    assert.equal(s.checkedAt, null, 'no "Revocation checked" when no list was read');
    await screenshot(page, 'status-unreachable');

    await backToGallery(page);
    await openDetail(page, ok.id);
    const o = await statusCheck(page);
    assert.equal(o.outcome, 'pass');
    assert.match(o.text, /Revocation checked \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    assert.ok(Date.now() - Date.parse(o.checkedAt) < 60_000, `fresh fetch time ${o.checkedAt}`);
    await screenshot(page, 'status-checked');
  });

  test('a list revoked after the first check: cached copy until "Check again", which re-fetches and shows revoked', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const url = host.url('/lists/later');
    host.set('/lists/later', { json: statusList(url, { set: [] }) });
    const vc = statusCredential('Revoked later', statusEntry(url, 42));
    await importText(page, JSON.stringify(vc));
    await waitStatus(page, vc.id, 'verified');
    assert.equal(host.hits('/lists/later'), 1);

    // The issuer revokes it. A reload uses the fresh stored copy (24 h): no request.
    host.set('/lists/later', { json: statusList(url, { set: [42] }) });
    await reload(page);
    await waitVerified(page);
    assert.equal(await card(page, vc.id).getAttribute('data-status'), 'verified');
    assert.equal(host.hits('/lists/later'), 1, 'a fresh copy is not fetched again on open');

    await openDetail(page, vc.id);
    const first = await statusCheck(page);
    await page.getByTestId('verify-again').click();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('data-outcome') === 'fail',
      `${tid('verification-check')}[data-check="status"]`,
      { timeout: UI_TIMEOUT },
    );
    assert.equal(host.hits('/lists/later'), 2, '"Check again" re-fetched the list');
    const s = await statusCheck(page);
    assert.match(s.text, /revoked/i);
    assert.ok(s.checkedAt > first.checkedAt, `${s.checkedAt} after ${first.checkedAt}`);
    await screenshot(page, 'status-revoked-after-recheck');
    await backToGallery(page);
    assert.equal(await card(page, vc.id).getAttribute('data-status'), 'revoked');
  });

  test('a suspension bit → revoked, and the detail says suspended; two entries are both read', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const rev = host.url('/lists/rev');
    const sus = host.url('/lists/sus');
    host.set('/lists/rev', { json: statusList(rev, { set: [] }) });
    host.set('/lists/sus', { json: statusList(sus, { purpose: 'suspension', set: [9] }) });
    const vc = statusCredential('Suspended', [statusEntry(rev, 9), statusEntry(sus, 9, 'suspension')]);
    await importText(page, JSON.stringify(vc));
    await waitStatus(page, vc.id, 'revoked');
    assert.equal(host.hits('/lists/rev'), 1);
    assert.equal(host.hits('/lists/sus'), 1);
    await openDetail(page, vc.id);
    const s = await statusCheck(page);
    assert.equal(s.outcome, 'fail');
    assert.match(s.text, /suspended/);
    assert.doesNotMatch(s.text, /has revoked/);
    await screenshot(page, 'status-suspended');
  });

  test('a silent host does not hold up another credential, and ends unverified after the 10 s timeout', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    host.set('/lists/silent', 'silent');
    host.set('/lists/quick', { json: statusList(host.url('/lists/quick')) });
    const slow = statusCredential('Silent host', statusEntry(host.url('/lists/silent'), 1));
    const quick = statusCredential('Quick host', statusEntry(host.url('/lists/quick'), 1));
    // Also a loopback host that accepts and never answers.
    const slow2 = statusCredential('Silent loopback host', statusEntry(`${hostile.origin}/silent/1`, 1));
    const t0 = Date.now();
    await importFiles(page, [jsonFile('slow.json', slow), jsonFile('slow2.json', slow2), jsonFile('quick.json', quick)]);
    await waitStatus(page, quick.id, 'verified', 5_000);
    const quickMs = Date.now() - t0;
    assert.ok(quickMs < 5_000, `quick credential verified after ${quickMs} ms`);
    assert.equal(await card(page, slow.id).getAttribute('data-status'), 'pending');
    await waitStatus(page, slow.id, 'unverified', 20_000);
    await waitStatus(page, slow2.id, 'unverified', 5_000);
    const slowMs = Date.now() - t0;
    assert.ok(slowMs >= 9_000 && slowMs < 16_000, `silent hosts gave up after ${slowMs} ms`);
    console.log(`figures: quick credential ${quickMs} ms, silent ones unverified after ${slowMs} ms`);
    await openDetail(page, slow.id);
    const s = await statusCheck(page);
    assert.match(s.text, /revocation could not be checked/);
    assert.match(s.text, /did not answer within 10 s/);
  });

  test('a list larger than 10 MiB is refused (declared length and an endless stream)', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    host.set('/lists/huge', { bytes: 11 * 1024 * 1024 });
    const big = statusCredential('Huge list', statusEntry(host.url('/lists/huge'), 1));
    const endless = statusCredential('Endless list', statusEntry(`${hostile.origin}/endless/1`, 1));
    const t0 = Date.now();
    await importFiles(page, [jsonFile('big.json', big), jsonFile('endless.json', endless)]);
    await waitStatus(page, big.id, 'unverified');
    await waitStatus(page, endless.id, 'unverified');
    console.log(`figures: oversized lists refused after ${Date.now() - t0} ms`);
    for (const id of [big.id, endless.id]) {
      await openDetail(page, id);
      const s = await statusCheck(page);
      assert.match(s.text, /larger than the 10 MiB limit/, s.text);
      await backToGallery(page);
    }
  });

  test('a stale copy never makes a card verified; a fresh one survives a failed re-fetch; nothing stored is lost', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const shortUrl = host.url('/lists/short');
    const dayUrl = host.url('/lists/day');
    // ttl is in milliseconds: this list is fresh for 2 s only.
    host.set('/lists/short', { json: statusList(shortUrl, { ttl: 2000 }) });
    host.set('/lists/day', { json: statusList(dayUrl) });
    const short = statusCredential('Short-lived list', statusEntry(shortUrl, 7));
    const day = statusCredential('Day-long list', statusEntry(dayUrl, 7));
    await importFiles(page, [jsonFile('short.json', short), jsonFile('day.json', day)]);
    await waitStatus(page, short.id, 'verified');
    await waitStatus(page, day.id, 'verified');
    const ids = (await cardIds(page)).sort();

    // Both hosts go down.
    host.set('/lists/short', 'refuse');
    host.set('/lists/day', 'refuse');
    await page.waitForTimeout(2500);
    await reload(page);
    await waitVerified(page);
    // The short list went stale: re-fetched on open, failed, so not verified.
    await waitStatus(page, short.id, 'unverified');
    assert.equal(host.hits('/lists/short'), 2);
    // The day list is still fresh: not fetched, still verified.
    assert.equal(await card(page, day.id).getAttribute('data-status'), 'verified');
    assert.equal(host.hits('/lists/day'), 1);

    await openDetail(page, short.id);
    const s = await statusCheck(page);
    assert.equal(s.outcome, 'not-checked');
    assert.match(s.text, /revocation could not be checked/);
    assert.match(s.text, /last checked \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    await screenshot(page, 'status-stale');

    // "Check again" with the host down: the fresh copy is still used, with its old time.
    await backToGallery(page);
    await openDetail(page, day.id);
    const before = await statusCheck(page);
    await page.getByTestId('verify-again').click();
    await until(() => host.hits('/lists/day') === 2, '"Check again" tries the list again');
    await page.waitForFunction((sel) => !document.querySelector(sel)?.disabled, tid('verify-again'), { timeout: UI_TIMEOUT });
    await page.waitForTimeout(300);
    const after = await statusCheck(page);
    assert.equal(after.outcome, 'pass');
    assert.equal(after.checkedAt, before.checkedAt);

    await backToGallery(page);
    assert.deepEqual((await cardIds(page)).sort(), ids, 'nothing stored was lost');
    await reload(page);
    assert.deepEqual((await cardIds(page)).sort(), ids, 'nothing stored was lost after a reload');
  });

  test('a plain-http status list on another host is not fetched', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const vc = statusCredential('Plain http list', statusEntry('http://status.example.test/lists/plain', 1));
    await importText(page, JSON.stringify(vc));
    await waitStatus(page, vc.id, 'unverified');
    await openDetail(page, vc.id);
    const s = await statusCheck(page);
    assert.match(s.text, /only https/);
  });
  test('a message entry (2-bit statusSize) is shown as the issuer\'s message, not a failure: the card stays verified', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const rev = host.url('/lists/m-rev');
    const msg = host.url('/lists/m-msg');
    host.set('/lists/m-rev', { json: statusList(rev, { set: [] }) });
    // Entry 11 holds 0b10; its neighbours hold 0b11 and 0b01.
    host.set('/lists/m-msg', { json: statusList(msg, { purpose: 'message', encoded: encodedValues(2, [[10, 3], [11, 2], [12, 1]]) }) });
    const messages = [
      { status: '0x0', message: 'In good standing' },
      { status: '0x1', message: 'Under review' },
      { status: '0x2', message: 'Moved to the new programme' },
      { status: '0x3', message: 'Replaced by a newer badge' },
    ];
    const vc = statusCredential('With a status message', [statusEntry(rev, 11), statusEntry(msg, 11, 'message', { size: 2, messages })]);
    // A message-only entry whose value has no message.
    const gap = statusCredential('Status value without message', statusEntry(msg, 10, 'message', { size: 2, messages: messages.slice(0, 2) }));
    await importFiles(page, [jsonFile('msg.json', vc), jsonFile('gap.json', gap)]);
    await waitStatus(page, vc.id, 'verified');
    await waitStatus(page, gap.id, 'verified');
    await openDetail(page, vc.id);
    const s = await statusCheck(page);
    assert.equal(s.outcome, 'pass');
    assert.match(s.text, /has not revoked/);
    assert.match(s.text, /status message: “\u2068Moved to the new programme\u2069” \(status 0x2\)/);
    await screenshot(page, 'status-message');
    await backToGallery(page);
    await openDetail(page, gap.id);
    const g = await statusCheck(page);
    assert.match(g.text, /status 0x3 \(2 bits\), for which the credential lists no message/);
  });

  test('revocation with statusSize 2 is not read (the spec requires one bit): unverified, saying why', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const url = host.url('/lists/wide');
    host.set('/lists/wide', { json: statusList(url, { set: [] }) });
    const vc = statusCredential('Two-bit revocation', statusEntry(url, 3, 'revocation', { size: 2, messages: [] }));
    await importText(page, JSON.stringify(vc));
    await waitStatus(page, vc.id, 'unverified');
    await openDetail(page, vc.id);
    const s = await statusCheck(page);
    assert.equal(s.outcome, 'not-checked');
    assert.match(s.text, /statusSize of 2: the Bitstring Status List spec requires a single bit/);
  });

  test('the 1EdTech revocation list: listed → revoked with its reason; not listed → verified, saying the list is not signed', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const url = host.url('/revocations/1');
    const listed = statusCredential('Listed in the 1EdTech list', edtechEntry(url));
    const clear = statusCredential('Not in the 1EdTech list', edtechEntry(url));
    host.set('/revocations/1', { json: edtechList(url, [{ id: 'urn:uuid:someone-else' }, { id: listed.id, revocationReason: 'Awarded in error' }]) });
    await importFiles(page, [jsonFile('listed.json', listed), jsonFile('clear.json', clear)]);
    await waitStatus(page, listed.id, 'revoked');
    await waitStatus(page, clear.id, 'verified');
    assert.equal(host.hits('/revocations/1'), 1, 'one fetch for both credentials');
    await openDetail(page, listed.id);
    const s = await statusCheck(page);
    assert.equal(s.outcome, 'fail');
    assert.match(s.text, /has revoked this credential\. The 1EdTech revocation list \(.*\/revocations\/1\) lists it, for this reason: “\u2068Awarded in error\u2069”/);
    assert.match(s.text, /Revocation checked \d{4}-/);
    await screenshot(page, 'status-1edtech-revoked');
    await backToGallery(page);
    await openDetail(page, clear.id);
    const c = await statusCheck(page);
    assert.equal(c.outcome, 'pass');
    assert.match(c.text, /does not list it; the list is not signed \(the method relies on HTTPS\)/);
  });
});
