// Pathway progress in a share: the learner opts in per pathway (only pathways the shared
// credentials count toward are offered, none by default); the link carries the pathway
// requirements, and the viewer's browser recomputes the progress from the credentials that
// verified there. Crafted links (lib/share-link.js): markup in pathway text stays text, a
// pathway's own "verified: false" does not let unverified credentials count, and malformed or
// oversized pathway data gives a clear message without breaking the rest of the view.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, DEMO, FIXTURES, SCREENSHOTS, loadDemo, demoExpectations, demoByPrefix, importText, screenshot, tid,
  waitForCardCount,
} from '../lib/harness.js';
import { createShare, shareState, settledStatuses, waitAllFinal } from '../lib/share.js';
import { sharePayload } from '../lib/share-link.js';
import { PATHWAY_ID as ID } from '../lib/pathways.js';

const SQL_ACHIEVEMENT = 'https://demo.example.org/northfield/achievements/data-101-intro-to-sql';
const demoText = (prefix) => fs.readFileSync(path.join(DEMO, demoByPrefix(prefix).file), 'utf8');

/** Demo 01 (Introduction to SQL) with its id and name changed after signing: its signature fails. */
function alteredSql() {
  const v = JSON.parse(demoText('01-'));
  v.id = 'urn:uuid:0badc0de-0000-4000-8000-000000000001';
  v.name = 'Introduction to SQL (altered copy)';
  return v;
}

/** The share view's pathway section once every card has its final status. */
async function openShared(env, hash, opts = {}) {
  const page = await env.open({ hash, ...opts });
  await page.getByTestId('shared-portfolio').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await waitAllFinal(page);
  return page;
}

/** [{ label, met, text }] of the requirement leaves of one shared pathway. */
async function requirementsOf(page, pathwayId) {
  return page.locator(`${tid('shared-pathway')}[data-pathway-id="${pathwayId}"] ${tid('shared-requirement')}`).evaluateAll((els) =>
    els.map((e) => ({
      label: e.querySelector('[data-testid="shared-requirement-label"]').textContent.trim(),
      met: e.getAttribute('data-met'),
      text: e.textContent.replace(/\s+/g, ' ').trim(),
    })));
}

describe('pathway progress in a share', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();

  test('opt-in per pathway; the viewer recomputes progress from the credentials that verify', { timeout: TEST_TIMEOUT * 3 }, async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const page = await env.open();
    await loadDemo(page);
    const altered = alteredSql();
    await importText(page, JSON.stringify(altered));
    await waitForCardCount(page, demoExpectations().length + 1);
    const viz = demoByPrefix('03-');
    const ethics = demoByPrefix('10-');
    const ids = [viz.id, ethics.id, altered.id];
    assert.deepEqual(await settledStatuses(page, ids), ['verified', 'verified', 'invalid'], 'the altered copy fails verification in the wallet');

    // A credential that counts toward nothing: nothing is offered.
    await createShare(page, [altered.id]);
    await page.getByTestId('share-pathways-none').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal(await page.locator(tid('share-pathway')).count(), 0);

    // Data visualisation + data ethics (+ the altered SQL copy): offered, none ticked.
    const plain = await createShare(page, ids);
    await page.locator(tid('share-pathway')).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const offered = await page.locator(tid('share-pathway')).evaluateAll((els) => els.map((e) => ({
      id: e.getAttribute('data-pathway-id'),
      checked: e.checked,
      text: e.closest('li').textContent.replace(/\s+/g, ' ').trim(),
    })));
    console.log(`[share-pathways] offered: ${offered.map((o) => o.text).join(' | ')}`);
    const offeredIds = offered.map((o) => o.id);
    // Data visualisation and data ethics count toward the certificate, and through it toward the
    // diploma that stacks it; toward none of the other pathways (docs/pathways.md).
    assert.deepEqual(offeredIds, [ID.data, ID.diploma], 'only the pathways these credentials count toward');
    assert.ok(offered.every((o) => !o.checked), 'nothing is shared by default');
    const da = offered.find((o) => o.id === ID.data);
    assert.match(da.text, /Data Analytics Certificate · 2 of 3 with these credentials/, 'the altered copy does not count for the learner either');
    assert.match(offered.find((o) => o.id === ID.diploma).text, /Also carries Data Analytics Certificate, Cloud Practitioner Path, Project Management Foundations, Full-Stack Developer Track/);
    assert.equal(await page.getByTestId('share-pathways-size').count(), 0);

    const daBox = page.locator(`${tid('share-pathway')}[data-pathway-id="${ID.data}"]`);
    await daBox.check();
    await page.waitForFunction(([sel, old]) => document.querySelector(sel)?.value !== old, [tid('share-link'), plain.link]);
    const withDa = await shareState(page);
    const added = Number(await page.getByTestId('share-pathways-size').getAttribute('data-bytes'));
    assert.equal(added, withDa.frameBytes - plain.frameBytes, 'the size shown is what the link grew by');
    assert.ok(added > 0 && added < 400, `one pathway adds a few hundred bytes at most (${added})`);
    await page.getByTestId('share-pathways').screenshot({ path: path.join(SCREENSHOTS, 'share-panel-pathways.png') });
    console.log(`[share-pathways] Data Analytics Certificate adds ${added} bytes (${withDa.link.length - plain.link.length} characters): link ${plain.link.length} → ${withDa.link.length} characters`);
    // Unticking gives back exactly the plain link.
    await daBox.uncheck();
    await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.value === v, [tid('share-link'), plain.link]);
    await daBox.check();
    await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.value === v, [tid('share-link'), withDa.link]);

    // The plain link: no pathway section at all.
    const noPathways = await openShared(env, plain.link.slice(plain.link.indexOf('#')));
    assert.equal(await noPathways.getByTestId('shared-pathways').count(), 0, 'no pathway section when none was shared');

    // The viewer: a fresh browser, verifying the credentials itself.
    const viewer = await openShared(env, withDa.link.slice(withDa.link.indexOf('#')));
    const section = viewer.getByTestId('shared-pathways');
    await section.getByTestId('shared-pathway').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const cards = await viewer.locator(tid('credential-card')).evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    assert.deepEqual(cards, ['verified', 'verified', 'invalid'], 'the viewer finds the altered copy invalid too');
    assert.equal(await section.getByTestId('shared-pathway').count(), 1, 'only the ticked pathway');
    const p = section.locator(`${tid('shared-pathway')}[data-pathway-id="${ID.data}"]`);
    assert.equal(await p.getAttribute('data-progress'), '2/3');
    assert.equal(await p.getAttribute('data-complete'), 'false');
    assert.equal((await p.getByTestId('shared-pathway-name').textContent()).trim(), 'Data Analytics Certificate');
    assert.equal((await p.getByTestId('shared-pathway-count').textContent()).trim(), '2 of 3 requirements met');
    assert.match(await section.getByTestId('shared-pathways-note').textContent(), /Recomputed in your browser, counting only the 2 of 3 shared credentials that passed verification\. A credential that failed verification does not count\./);
    const reqs = await requirementsOf(viewer, ID.data);
    const by = Object.fromEntries(reqs.map((r) => [r.label, r]));
    assert.deepEqual(reqs.map((r) => r.label), ['Introduction to SQL', 'Python for Data Analysis', 'Data visualisation', 'Data ethics']);
    assert.equal(by['Data visualisation'].met, 'true');
    assert.match(by['Data visualisation'].text, /Met by Data Visualization Fundamentals/);
    assert.equal(by['Data ethics'].met, 'true');
    assert.match(by['Data ethics'].text, /Met by Data Ethics and Privacy/);
    assert.equal(by['Introduction to SQL'].met, 'false', 'the altered copy does not count');
    assert.match(by['Introduction to SQL'].text, /“Introduction to SQL \(altered copy\)” matches but does not count: signature invalid/);
    assert.equal(by['Python for Data Analysis'].met, 'false');
    assert.match(by['Python for Data Analysis'].text, /No shared credential meets this/);
    // A credential named in a requirement opens its report.
    await p.locator(`${tid('shared-requirement-credential')}[data-credential-id="${ethics.id}"]`).click();
    await viewer.locator(`${tid('shared-detail')}[data-credential-id="${ethics.id}"]`).waitFor({ state: 'visible' });
    await section.screenshot({ path: path.join(SCREENSHOTS, 'shared-pathways-desktop.png') });
    await viewer.evaluate(() => window.scrollTo(0, 0));
    await screenshot(viewer, 'shared-pathways-page');

    // A phone: no horizontal scrolling, and the same numbers.
    const phone = await openShared(env, withDa.link.slice(withDa.link.indexOf('#')), { viewport: { width: 390, height: 844 } });
    const phoneSection = phone.getByTestId('shared-pathways');
    await phoneSection.getByTestId('shared-pathway').first().waitFor({ state: 'visible' });
    assert.equal(await phoneSection.getByTestId('shared-pathway').getAttribute('data-progress'), '2/3');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
    await phoneSection.screenshot({ path: path.join(SCREENSHOTS, 'shared-pathways-mobile.png') });

    // The diploma carries the pathways it builds on, evaluated in the viewer's browser too.
    await page.locator(`${tid('share-pathway')}[data-pathway-id="${ID.diploma}"]`).check();
    await page.waitForFunction(([sel, old]) => document.querySelector(sel)?.value !== old, [tid('share-link'), withDa.link]);
    const withDiploma = await shareState(page);
    console.log(`[share-pathways] + the diploma (and the 3 pathways it builds on): ${withDiploma.frameBytes - withDa.frameBytes} more bytes`);
    const v2 = await openShared(env, withDiploma.link.slice(withDiploma.link.indexOf('#')));
    await v2.getByTestId('shared-pathway').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const shown = await v2.locator(tid('shared-pathway')).evaluateAll((els) => els.map((e) => [e.getAttribute('data-pathway-id'), e.getAttribute('data-progress')]));
    assert.deepEqual(shown, [
      [ID.data, '2/3'], [ID.diploma, '0/3'], [ID.cloud, '0/4'], [ID.pm, '0/4'], [ID.fullStack, '0/5'],
    ]);
    const ref = v2.locator(`${tid('shared-pathway')}[data-pathway-id="${ID.diploma}"] ${tid('shared-requirement')}[data-kind="pathway"]`).first();
    assert.match(await ref.textContent(), /Data Analytics Certificate\s*2 of 3/);
  });

  test('a crafted link: pathway text stays text, and the pathway cannot let unverified credentials count', { timeout: TEST_TIMEOUT }, async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">Evil <b>bold</b>';
    const ob2 = fs.readFileSync(path.join(FIXTURES, 'ob2-hosted-embedded.json'), 'utf8');
    const ob2Badge = JSON.parse(ob2).badge.id;
    const payload = sharePayload({
      title: 'Crafted',
      credentials: [demoText('10-'), JSON.stringify(alteredSql()), ob2],
      pathways: {
        type: 'LearnerPathway',
        version: 1,
        pathways: [{
          id: 'urn:example:crafted',
          name: hostile,
          goal: { kind: 'job', issuer: { name: '<script>window.__pwned=2</script>ACME' } },
          requirements: {
            all: [
              { label: '<i>Ethics</i>', match: { alignment: { targetCode: 'DDS-DATA-09' } } },
              { label: 'SQL', match: { achievementId: SQL_ACHIEVEMENT }, conditions: { verified: false } },
              { label: 'Laser cutter', match: { achievementId: ob2Badge }, conditions: { verified: false } },
            ],
          },
        }],
      },
    });
    const viewer = await openShared(env, `#/s/${payload}`);
    const statuses = await viewer.locator(tid('credential-card')).evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    assert.deepEqual(statuses, ['verified', 'invalid', 'unverified'], 'hosted OB 2.0 cannot be checked offline');
    const section = viewer.getByTestId('shared-pathways');
    const p = section.getByTestId('shared-pathway');
    await p.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal((await p.getByTestId('shared-pathway-name').textContent()).trim(), hostile, 'the name is shown as text');
    assert.match(await p.textContent(), /<script>window\.__pwned=2<\/script>ACME/);
    assert.equal(await section.locator('img, script, b, i').count(), 0, 'no markup from the link became elements');
    assert.equal(await viewer.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(viewer.dialogs, []);
    assert.equal(await p.getAttribute('data-progress'), '1/3', '"verified: false" in the link is overridden');
    const by = Object.fromEntries((await requirementsOf(viewer, 'urn:example:crafted')).map((r) => [r.label, r]));
    assert.equal(by['<i>Ethics</i>'].met, 'true');
    assert.equal(by.SQL.met, 'false');
    assert.match(by.SQL.text, /signature invalid/);
    assert.equal(by['Laser cutter'].met, 'false', 'an unverified credential does not count, whatever the link says');
    assert.match(by['Laser cutter'].text, /“Laser Cutter Safety” matches but does not count: not verified yet/);
  });

  test('malformed or oversized pathway data: a clear message, and the credentials are still checked', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const pathway = (id, extra = {}) => ({
      id, name: `Pathway ${id}`, goal: { kind: 'other', issuer: { name: 'Someone' } },
      requirements: { match: { tag: 'x' } }, ...extra,
    });
    const file = (pathways, version = 1) => ({ type: 'LearnerPathway', version, pathways });
    const cases = [
      ['not a pathway file', 'hello', /could not be used: the pathway data is not valid \(a pathway file must be an object, not a string\)\./],
      ['missing fields', file([{ id: 'nope' }]), /not valid \(pathways\[0\]\.id: "id" must be a URI, not "nope"; 3 more problems\)/],
      ['a newer format', file([pathway('urn:p:1')], 2), /version: unsupported version 2 \(this wallet reads version 1\)/],
      ['a missing referenced pathway', file([pathway('urn:p:1', { requirements: { pathway: 'urn:p:gone' } })]), /unknown pathway "urn:p:gone"/],
      ['too large', file([pathway('urn:p:1', { name: 'x'.repeat(20_000) })]), /the pathway data is too large \(20 KB; at most 16 KB is read\)\./],
      ['too many', file(Array.from({ length: 30 }, (_, i) => pathway(`urn:p:${i}`))), /the link holds 30 pathways; at most 24 are read\./],
    ];
    for (const [what, pathways, re] of cases) {
      const payload = sharePayload({ title: `Case: ${what}`, credentials: [demoText('10-')], pathways });
      const viewer = await openShared(env, `#/s/${payload}`);
      const err = viewer.getByTestId('shared-pathways-error');
      await err.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const msg = (await err.textContent()).trim();
      assert.match(msg, re, `${what}: ${msg}`);
      console.log(`[share-pathways] ${what} (${payload.length} characters) → "${msg.slice(0, 160)}"`);
      // The rest of the view works: title, the credential, verified.
      assert.equal((await viewer.getByTestId('shared-title').textContent()).trim(), `Case: ${what}`);
      assert.equal(await viewer.locator(tid('credential-card')).getAttribute('data-status'), 'verified');
      // A demo issuer is never trusted in the employer's view: "warn", not "verified".
      await viewer.locator(`${tid('share-banner')}[data-state="warn"]`).waitFor({ timeout: UI_TIMEOUT });
      assert.equal(await viewer.getByTestId('shared-pathway').count(), 0);
      if (what === 'missing fields') await viewer.getByTestId('shared-pathways').screenshot({ path: path.join(SCREENSHOTS, 'shared-pathways-error.png') });
    }
  });
});
