// Endorsements (issue 12, point 5): each EndorsementCredential embedded in a badge is verified
// on its own and shown beside what it endorses — "Endorsed by <name> — verified" or "— not
// verified (why)" — and never changes the badge's own status.
//
// tests/fixtures/endorsed-badge.json (signed by Digital Bazaar's libraries,
// tests/interop/endorsed.mjs): a valid endorsement of the achievement (eddsa-rdfc-2022), one
// whose comment was changed after the endorser signed it, and a valid endorsement of the
// issuer (ecdsa-rdfc-2019). tests/fixtures/endorsed-elsewhere.json: a validly signed
// endorsement of another achievement.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, TEST_TIMEOUT, UI_TIMEOUT, importFiles, jsonFile, readFixture, openDetail, tid, screenshot, waitVerified } from '../lib/harness.js';
import { createShare } from '../lib/share.js';

const card = (page, id) => page.locator(`${tid('credential-card')}[data-credential-id="${id}"]`);

/** The endorsement items under `[data-testid=endorsements][data-target=target]`. */
async function endorsementsOf(page, target) {
  const items = page.locator(`${tid('endorsements')}[data-target="${target}"] ${tid('endorsement')}`);
  const out = [];
  for (let i = 0; i < (await items.count()); i++) {
    const it = items.nth(i);
    out.push({
      status: await it.getAttribute('data-status'),
      text: (await it.textContent()).replace(/\s+/g, ' ').trim(),
      endorser: (await it.locator(tid('endorsement-endorser')).textContent()).trim(),
    });
  }
  return out;
}

/** Waits until the detail shows checked endorsements (not `pending`). */
async function waitChecked(page, n) {
  await page.waitForFunction(
    ([sel, n]) => {
      const all = [...document.querySelectorAll(sel)];
      return all.length === n && all.every((e) => e.getAttribute('data-status') !== 'pending');
    },
    [tid('endorsement'), n],
    { timeout: UI_TIMEOUT },
  );
}

describe('endorsements', { timeout: TEST_TIMEOUT * 4 }, () => {
  const env = suite();

  test('an endorsed badge: each endorsement verified on its own beside the achievement and the issuer; a tampered one says so; the badge stays verified', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const badge = JSON.parse(readFixture('endorsed-badge.json'));
    await importFiles(page, [jsonFile('endorsed-badge.json', badge)]);
    await waitVerified(page);
    assert.equal(await card(page, badge.id).getAttribute('data-status'), 'verified', 'a bad endorsement never changes the badge');
    await openDetail(page, badge.id);
    await waitChecked(page, 3);

    const ach = await endorsementsOf(page, 'achievement');
    assert.equal(ach.length, 2, JSON.stringify(ach));
    assert.equal(ach[0].status, 'verified');
    assert.match(ach[0].endorser, /Northfield Test Endorser/);
    assert.match(ach[0].text, /^Endorsed by .*Northfield Test Endorser.* — verified/);
    assert.match(ach[0].text, /equivalent to 5 credits/);
    assert.equal(ach[1].status, 'invalid');
    assert.match(ach[1].text, /— not verified \(.*signature.*\)/);
    // What the tampered endorsement carries is shown, marked not verified.
    assert.match(ach[1].text, /equivalent to 50 credits/);

    const iss = await endorsementsOf(page, 'issuer');
    assert.equal(iss.length, 1);
    assert.equal(iss[0].status, 'verified');
    assert.match(iss[0].text, /Quality Agency \(test only\).* — verified/);
    // Nothing endorses the credential as a whole.
    assert.equal(await page.locator(`${tid('endorsements')}[data-target="credential"]`).count(), 0);

    // The endorsements sit in the achievement's and the issuer's sections.
    const placed = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.closest('section')?.querySelector('h3')?.textContent), tid('endorsements'));
    assert.deepEqual(placed, ['Criteria', 'Issuer']);
    await page.locator(`${tid('endorsements')}[data-target="achievement"]`).scrollIntoViewIfNeeded();
    await screenshot(page, 'endorsements-detail');
  });

  test("shared: the employer's view shows each endorsement beside what it endorses, verified in the employer's browser", { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const badge = JSON.parse(readFixture('endorsed-badge.json'));
    await importFiles(page, [jsonFile('endorsed-badge.json', badge)]);
    await waitVerified(page);
    const { link } = await createShare(page, [badge.id], { title: 'Endorsed work' });
    const viewer = await env.open({ hash: link.slice(link.indexOf('#')) });
    const shared = viewer.locator(`${tid('credential-card')}[data-credential-id="${badge.id}"]`);
    await viewer.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'verified', `${tid('credential-card')}[data-credential-id="${badge.id}"]`, { timeout: UI_TIMEOUT });
    await shared.locator('a').click();
    const detail = viewer.getByTestId('shared-detail');
    await detail.waitFor({ state: 'visible' });
    await waitChecked(viewer, 3);
    const ach = await endorsementsOf(viewer, 'achievement');
    assert.deepEqual(ach.map((e) => e.status), ['verified', 'invalid'], JSON.stringify(ach));
    assert.match(ach[0].text, /^Endorsed by .*Northfield Test Endorser.* — verified/);
    assert.match(ach[1].text, /— not verified \(.*signature.*\)/);
    const iss = await endorsementsOf(viewer, 'issuer');
    assert.deepEqual(iss.map((e) => e.status), ['verified']);
    await viewer.locator(`${tid('endorsements')}[data-target="achievement"]`).scrollIntoViewIfNeeded();
    await screenshot(viewer, 'endorsements-shared');
  });

  test('a validly signed endorsement of another achievement is not shown as verified', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const badge = JSON.parse(readFixture('endorsed-elsewhere.json'));
    await importFiles(page, [jsonFile('endorsed-elsewhere.json', badge)]);
    await waitVerified(page);
    assert.equal(await card(page, badge.id).getAttribute('data-status'), 'verified');
    await openDetail(page, badge.id);
    await waitChecked(page, 1);
    const [e] = await endorsementsOf(page, 'achievement');
    assert.equal(e.status, 'invalid');
    assert.match(e.text, /not verified \(It is validly signed, but it endorses urn:uuid:00000000-0000-4000-8000-0000000000ff, not this achievement\)/);
    await screenshot(page, 'endorsements-elsewhere');
  });
});
