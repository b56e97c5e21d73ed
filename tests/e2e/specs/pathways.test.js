// Stackable pathways: the Progress view (a card per bundled pathway, k/n and
// "complete" from the statuses the wallet computed), next steps, the
// requirement tree (met/unmet nodes, reasons), and importing pathway files
// (paste, file, URL; validation errors name the place; nothing is lost).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, TEST_TIMEOUT, UI_TIMEOUT, REPO, DEMO, loadDemo, demoExpectations, demoFileNames, screenshot, tid, cssEscape, jsonFile, reload } from '../lib/harness.js';
import { PATHWAY_ID as ID } from '../lib/pathways.js';

const PATHWAYS_DIR = path.join(REPO, 'public/pathways');

/** Every bundled pathway: { id, name, file, requirements }. */
function bundledPathways() {
  const index = JSON.parse(fs.readFileSync(path.join(PATHWAYS_DIR, 'index.json'), 'utf8'));
  return index.files.flatMap((file) => {
    const v = JSON.parse(fs.readFileSync(path.join(PATHWAYS_DIR, file), 'utf8'));
    return (v.pathways ?? [v]).map((p) => ({ id: p.id, name: p.name, file, requirements: p.requirements }));
  });
}

/** The `n` of a card's k/n: the top-level units needed (docs/pathways.md). */
function unitsNeeded(node) {
  if (node.all) return node.all.length;
  if (node.any) return 1;
  if (node.nOf !== undefined) return node.nOf;
  return 1;
}

/** Does any leaf relax the default "verified" condition? */
function anyUnverifiedAllowed(node) {
  if (node.conditions?.verified === false) return true;
  return [...(node.all ?? []), ...(node.any ?? []), ...(node.of ?? [])].some(anyUnverifiedAllowed);
}


// With every demo credential verified (docs/pathways.md, "Bundled pathways").
const WHEN_VERIFIED = {
  [ID.data]: ['3/3', 'true'],
  [ID.cloud]: ['2/4', 'false'],
  [ID.pm]: ['2/4', 'false'],
  [ID.fullStack]: ['4/5', 'false'],
  [ID.diploma]: ['2/3', 'false'],
};

// ---------------------------------------------------------------------------
// An independent oracle: the rules of docs/pathways.md applied to the demo
// credentials with the statuses the wallet shows on its cards.
// ---------------------------------------------------------------------------

/**
 * The demo credentials as pathways see them. A CLR's nested credentials are items too; a copy
 * of a credential held on its own has the same id, and so is the same item here (one
 * credential counts once, however many copies the wallet holds).
 */
function demoItems() {
  return demoFileNames().flatMap((file) => {
    const raw = fs.readFileSync(path.join(DEMO, file), 'utf8').trim();
    let vc;
    let jwt = null;
    if (file.endsWith('.jwt')) {
      jwt = JSON.parse(Buffer.from(raw.split('.')[1], 'base64url').toString('utf8'));
      vc = jwt.vc ?? jwt; // VC 1.1 JWT, or VC-JOSE (the payload is the credential)
    } else {
      vc = JSON.parse(raw);
    }
    if (vc.type === 'Assertion') {
      const b = vc.badge;
      return [{
        id: vc.id, achievementIds: [b.id], type: null, issuerId: b.issuer?.id, issuerName: b.issuer?.name,
        alignments: b.alignment ?? [], tags: b.tags ?? [], issued: vc.issuedOn, expires: vc.expires,
      }];
    }
    if ([vc.type].flat().includes('ClrCredential')) {
      return [vc.credentialSubject.verifiableCredential ?? []].flat().map((n) => itemOf(n));
    }
    return [itemOf(vc, jwt)];
  });
}

/** One OB 3.0 credential (or a VC-JWT's, with its claims) as pathways see it. */
function itemOf(vc, jwt = null) {
  const a = vc.credentialSubject.achievement;
  const related = (a.related ?? []).map((r) => (typeof r === 'string' ? r : r.id));
  const secs = (t) => (t ? new Date(t * 1000).toISOString() : undefined);
  return {
    id: vc.id ?? jwt?.jti,
    achievementIds: [a.id, ...related],
    type: a.achievementType,
    issuerId: vc.issuer?.id,
    issuerName: vc.issuer?.name,
    alignments: a.alignment ?? [],
    tags: a.tag ?? [],
    issued: vc.validFrom ?? vc.issuanceDate ?? secs(jwt?.nbf),
    expires: vc.validUntil ?? vc.expirationDate ?? secs(jwt?.exp),
  };
}

const ci = (a, b) => a != null && b != null && a.toLowerCase() === b.toLowerCase();

function matches(m, it) {
  if (m.achievementId && !it.achievementIds.includes(m.achievementId)) return false;
  if (m.achievementType && !ci(m.achievementType, it.type)) return false;
  if (m.issuer && !(m.issuer === it.issuerId || ci(m.issuer, it.issuerName))) return false;
  if (m.tag && !it.tags.some((t) => ci(t, m.tag))) return false;
  if (m.alignment) {
    const w = m.alignment;
    const one = (al) =>
      (!w.targetCode || ci(w.targetCode, al.targetCode)) &&
      (!w.targetFramework || ci(w.targetFramework, al.targetFramework)) &&
      (!w.targetName || ci(w.targetName, al.targetName)) &&
      (!w.targetUrl || w.targetUrl === al.targetUrl);
    if (!it.alignments.some(one)) return false;
  }
  return true;
}

function counts(conditions, it, status, now) {
  const c = { unexpired: true, verified: true, ...(conditions ?? {}) };
  if (['invalid', 'revoked', 'not-yet-valid'].includes(status)) return false;
  if (it.issued && Date.parse(it.issued) > now) return false;
  if (c.verified && status !== 'verified' && status !== 'expired') return false;
  const expired = status === 'expired' || (it.expires && Date.parse(it.expires) <= now);
  if (c.unexpired && expired) return false;
  if (c.issuedAfter && (!it.issued || Date.parse(it.issued) < Date.parse(c.issuedAfter))) return false;
  return true;
}

/** Maximum bipartite matching size: leaf l may take any item in adj[l], each item once. */
function maxMatching(adj) {
  const owner = new Map();
  const take = (l, seen) => {
    for (const it of adj[l]) {
      if (seen.has(it)) continue;
      seen.add(it);
      if (!owner.has(it) || take(owner.get(it), seen)) {
        owner.set(it, l);
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let l = 0; l < adj.length; l++) if (take(l, new Set())) n += 1;
  return n;
}

/** { pathwayId: [data-progress, data-complete] } for these statuses ({credentialId: status}). */
function expectedProgress(pathways, statuses, now = Date.now()) {
  const items = demoItems().filter((it) => it.id in statuses);
  const byId = new Map(pathways.map((p) => [p.id, p]));
  const memo = new Map();
  const counting = (leaf) => items.filter((it) => matches(leaf.match, it) && counts(leaf.conditions, it, statuses[it.id], now)).map((it) => it.id);
  const complete = (id) => {
    if (!memo.has(id)) memo.set(id, node(byId.get(id).requirements).met);
    return memo.get(id);
  };
  function node(n) {
    if (n.match) return { met: counting(n).length > 0, k: Math.min(1, counting(n).length), n: 1 };
    if (n.pathway) {
      const met = complete(n.pathway);
      return { met, k: Number(met), n: 1 };
    }
    const children = n.all ?? n.any ?? n.of;
    const needed = n.all ? n.all.length : n.any ? 1 : n.nOf;
    // Reuse rule: a credential fills at most one of a group's direct leaves.
    const leaves = maxMatching(children.filter((c) => c.match).map(counting));
    const groups = children.filter((c) => !c.match).filter((c) => node(c).met).length;
    const met = leaves + groups;
    return { met: met >= needed, k: Math.min(met, needed), n: needed };
  }
  return Object.fromEntries(
    pathways.map((p) => {
      const r = node(p.requirements);
      return [p.id, [`${r.k}/${r.n}`, String(r.met)]];
    }),
  );
}

async function cardStatuses(page) {
  return page.$$eval(tid('credential-card'), (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-credential-id'), e.getAttribute('data-status')])),
  );
}

async function pathwayCards(page) {
  return page.$$eval(tid('pathway-card'), (els) =>
    els.map((e) => ({
      id: e.getAttribute('data-pathway-id'),
      progress: e.getAttribute('data-progress'),
      complete: e.getAttribute('data-complete'),
      text: e.textContent.replace(/\s+/g, ' ').trim(),
      ring: {
        role: e.querySelector('[role="progressbar"]')?.getAttribute('role'),
        now: e.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow'),
        max: e.querySelector('[role="progressbar"]')?.getAttribute('aria-valuemax'),
      },
    })),
  );
}

/** Opens the Progress view through the nav and waits for `n` pathway cards. */
async function openProgress(page, n = bundledPathways().length) {
  await page.getByTestId('nav-progress').click();
  await page.waitForFunction(
    ([sel, n]) => document.querySelectorAll(sel).length === n,
    [tid('pathway-card'), n],
    { timeout: UI_TIMEOUT },
  );
}

/** The demo wallet, verified, then the Progress view. Returns the card statuses. */
async function demoProgress(page) {
  await loadDemo(page, demoExpectations().length);
  const statuses = await cardStatuses(page);
  await openProgress(page);
  return statuses;
}

/** Which case the statuses are: 'verified' (every demo credential verified, or expired by its date), 'none' (nothing verified), or null. */
function statusCase(statuses) {
  const now = new Date().toISOString();
  const demo = demoExpectations();
  const ok = demo.every((d) => {
    const s = statuses[d.id];
    return s === 'verified' || (s === 'expired' && d.validUntil && d.validUntil < now);
  });
  if (ok) return 'verified';
  if (Object.values(statuses).every((s) => s !== 'verified' && s !== 'expired')) return 'none';
  return null;
}

async function pasteImport(page, text) {
  const before = (await page.getByTestId('pathway-import-message').textContent()) ?? '';
  await page.getByTestId('pathway-import-text').fill(text);
  await page.getByTestId('pathway-import-submit').click();
  await page.waitForFunction(
    ([sel, before]) => {
      const t = document.querySelector(sel)?.textContent ?? '';
      return t.trim() !== '' && t !== before;
    },
    [tid('pathway-import-message'), before],
    { timeout: UI_TIMEOUT },
  );
  return (await page.getByTestId('pathway-import-message').textContent()).trim();
}

function newPathway(id, name, requirements) {
  return {
    type: 'LearnerPathway',
    version: 1,
    id,
    name,
    goal: { kind: 'certificate', issuer: { name: 'E2E Academy' }, requestUrl: 'https://e2e.example/request' },
    requirements,
  };
}

describe('pathways: progress toward certificates', { timeout: TEST_TIMEOUT * 8 }, () => {
  const env = suite();

  test('the oracle agrees with the documented numbers (every demo credential verified)', () => {
    const all = Object.fromEntries(demoItems().map((it) => [it.id, 'verified']));
    assert.deepEqual(expectedProgress(bundledPathways(), all), WHEN_VERIFIED);
  });

  test('nav: My badges and Progress', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    assert.equal(await page.getByTestId('nav-wallet').getAttribute('href'), '#/');
    assert.equal(await page.getByTestId('nav-progress').getAttribute('href'), '#/progress');
    await page.getByTestId('nav-progress').click();
    await page.getByTestId('progress-view').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.getByTestId('nav-progress').getAttribute('aria-current'), 'page');
    await page.getByTestId('nav-wallet').click();
    await page.getByTestId('wallet-empty').waitFor({ timeout: UI_TIMEOUT });
  });

  test('one card per bundled pathway; k/n consistent with the statuses the wallet computed', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const page = await env.open();
    const statuses = await demoProgress(page);
    const bundled = bundledPathways();
    const cards = await pathwayCards(page);
    assert.deepEqual(cards.map((c) => c.id).sort(), bundled.map((p) => p.id).sort(), 'one card per bundled pathway');
    for (const p of bundled) {
      const c = cards.find((c) => c.id === p.id);
      const m = /^(\d+)\/(\d+)$/.exec(c.progress);
      assert.ok(m, `${p.name}: data-progress "${c.progress}" is k/n`);
      const [k, n] = [Number(m[1]), Number(m[2])];
      assert.equal(n, unitsNeeded(p.requirements), `${p.name}: n = top-level units needed`);
      assert.ok(k <= n);
      assert.equal(c.complete, String(k === n), `${p.name}: data-complete`);
      assert.ok(c.text.includes(p.name), `${p.name}: name on the card`);
      assert.ok(c.text.includes(`${k} of ${n}`), `${p.name}: "${k} of ${n}" on the card`);
      assert.deepEqual(c.ring, { role: 'progressbar', now: String(k), max: String(n) }, `${p.name}: accessible progress ring`);
      assert.equal(c.text.includes('Eligible — request your'), k === n, `${p.name}: eligible banner only when complete`);
    }
    // Complete pathways come first.
    const firstIncomplete = cards.findIndex((c) => c.complete === 'false');
    if (firstIncomplete >= 0) assert.ok(cards.slice(firstIncomplete).every((c) => c.complete === 'false'), 'complete pathways first');

    // Against the oracle, with the statuses shown on the wallet's cards.
    const expected = expectedProgress(bundled, statuses);
    assert.deepEqual(
      Object.fromEntries(cards.map((c) => [c.id, [c.progress, c.complete]])),
      expected,
      `progress for statuses ${JSON.stringify(statuses)}`,
    );
    t.diagnostic(`statuses ${JSON.stringify(Object.values(statuses))} → ${JSON.stringify(expected)}`);
    const completeOne = cards.find((c) => c.complete === 'true');
    if (completeOne) {
      const banner = page.locator(`${tid('pathway-card')}[data-pathway-id="${cssEscape(completeOne.id)}"] ${tid('pathway-eligible')}`);
      assert.match(await banner.textContent(), /Eligible — request your \w+( \w+)? from /);
      const href = await banner.locator('a').getAttribute('href');
      assert.match(href, /^https:\/\//, 'request link is http(s)');
    }
    assert.ok((await page.getByTestId('next-step').count()) > 0, 'next steps listed');
    await screenshot(page, 'pathways-progress');
  });

  test('the numbers when every demo credential is verified (docs/pathways.md)', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const page = await env.open();
    const statuses = await demoProgress(page);
    if (statusCase(statuses) !== 'verified') {
      t.skip(`SKIPPED: not every demo credential is verified in this build (e.g. a hosted OB 2.0 assertion cannot be checked offline), so the documented numbers do not apply; the previous test checks the numbers for the actual statuses. Statuses: ${JSON.stringify(statuses)}`);
      return;
    }
    const cards = await pathwayCards(page);
    assert.deepEqual(
      Object.fromEntries(cards.map((c) => [c.id, [c.progress, c.complete]])),
      WHEN_VERIFIED,
    );
    assert.equal(cards[0].id, ID.data, 'the complete pathway is first');
  });

  test('Progress view on a 390x844 phone', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open({ viewport: { width: 390, height: 844 } });
    await demoProgress(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling on mobile (overflow ${overflow}px)`);
    await screenshot(page, 'pathways-progress-mobile');
    await page.locator(`${tid('pathway-card')}[data-pathway-id="${ID.cloud}"] ${tid('pathway-link')}`).click();
    await page.getByTestId('pathway-detail').waitFor({ timeout: UI_TIMEOUT });
    const treeOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(treeOverflow <= 1, `tree: no horizontal scrolling on mobile (overflow ${treeOverflow}px)`);
    await screenshot(page, 'pathways-tree-mobile');
  });

  test('tree view: met/unmet nodes, group labels, credentials and reasons, links to referenced pathways', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    const statuses = await demoProgress(page);
    const expected = expectedProgress(bundledPathways(), statuses);
    const holder = (pred) => demoItems().find(pred)?.id;

    // Cloud Practitioner: all of [Essentials, Security, current safety induction, any of [...]].
    await page.locator(`${tid('pathway-card')}[data-pathway-id="${ID.cloud}"] ${tid('pathway-link')}`).click();
    const detail = page.getByTestId('pathway-detail');
    await detail.waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await detail.getAttribute('data-pathway-id'), ID.cloud);
    assert.ok(page.url().endsWith(`#/pathway/${encodeURIComponent(ID.cloud)}`), page.url());
    const nodes = await page.$$eval(tid('pathway-node'), (els) =>
      els.map((e) => ({
        met: e.getAttribute('data-met'),
        kind: e.getAttribute('data-kind'),
        head: e.querySelector('.node-head')?.textContent.replace(/\s+/g, ' ').trim(),
        creds: [...e.querySelectorAll(':scope > .node-creds > [data-testid="node-credential"]')].map((c) => ({
          counts: c.getAttribute('data-counts'),
          text: c.textContent.replace(/\s+/g, ' ').trim(),
          href: c.querySelector('a')?.getAttribute('href'),
        })),
      })),
    );
    assert.equal(nodes[0].kind, 'all');
    assert.match(nodes[0].head, /All of/);
    assert.ok(nodes.some((n) => n.kind === 'any' && /Any of/.test(n.head)), '"Any of" group');
    for (const n of nodes) assert.match(n.met, /^(true|false)$/);
    const safety = nodes.find((n) => /safety induction/i.test(n.head));
    assert.equal(safety.met, 'false', 'the expired safety induction does not count');
    assert.ok(safety.creds.some((c) => c.counts === 'false' && /expired on 2024-03-06/.test(c.text)), `reason "expired on 2024-03-06": ${JSON.stringify(safety.creds)}`);
    assert.ok(safety.creds.every((c) => c.href?.startsWith('#/credential/')), 'credentials link to their detail');
    assert.equal(nodes[0].met, expected[ID.cloud][1], 'root met as the card says');
    // A leaf is met exactly when its credential is verified; otherwise the reason is shown.
    const leaves = [
      [/Cloud Practitioner Essentials/, holder((it) => it.achievementIds.includes('https://demo.example.org/harbor-logistics/achievements/cloud-practitioner-essentials'))],
      [/Version control/, holder((it) => it.alignments.some((a) => a.targetCode === 'DDS-SE-01'))],
    ];
    for (const [re, credId] of leaves) {
      const n = nodes.find((n) => n.kind === 'match' && re.test(n.head));
      assert.ok(n && credId, `node ${re}`);
      const status = statuses[credId];
      if (status === 'verified') {
        assert.equal(n.met, 'true', `${re} met (${status})`);
        assert.ok(n.creds.some((c) => c.counts === 'true'), 'the credential that fills it is listed');
      } else {
        assert.equal(n.met, 'false', `${re} not met (${status})`);
        if (status === 'unverified') assert.ok(n.creds.some((c) => c.counts === 'false' && /not verified yet/.test(c.text)), `reason "not verified yet": ${JSON.stringify(n.creds)}`);
      }
    }
    await screenshot(page, 'pathways-tree');

    // Data Analytics: "3 of 4".
    await page.goto(page.url().replace(/#.*$/, `#/pathway/${encodeURIComponent(ID.data)}`));
    await page.locator(`${tid('pathway-detail')}[data-pathway-id="${cssEscape(ID.data)}"]`).waitFor({ timeout: UI_TIMEOUT });
    const rootHead = await page.$eval(tid('pathway-node'), (e) => e.querySelector(':scope > .node-head').textContent);
    assert.match(rootHead, /3 of 4/);

    // The diploma stacks other pathways: reference nodes link to them.
    await page.goto(page.url().replace(/#.*$/, `#/pathway/${encodeURIComponent(ID.diploma)}`));
    await page.locator(`${tid('pathway-detail')}[data-pathway-id="${cssEscape(ID.diploma)}"]`).waitFor({ timeout: UI_TIMEOUT });
    const ref = page.locator(`${tid('pathway-node')}[data-kind="pathway"]`).first();
    assert.equal(await ref.getAttribute('data-met'), expected[ID.data][1], 'the certificate reference is met exactly when that pathway is complete');
    await ref.getByTestId('node-pathway-link').click();
    await page.locator(`${tid('pathway-detail')}[data-pathway-id="${cssEscape(ID.data)}"]`).waitFor({ timeout: UI_TIMEOUT });
    await page.goto(page.url().replace(/#.*$/, `#/pathway/${encodeURIComponent(ID.diploma)}`));
    await page.getByTestId('pathway-detail').waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'pathways-tree-diploma');
  });

  test('import a pathway: paste valid JSON adds a card; cycles and impossible counts are rejected naming the place; nothing lost', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    await demoProgress(page);
    const n0 = await page.locator(tid('pathway-card')).count();

    // Valid: stacks the bundled certificate with a teamwork badge.
    const good = newPathway('urn:e2e:team-lead', 'E2E Team Lead Award', {
      all: [{ pathway: ID.data }, { label: 'Teamwork', match: { tag: 'teamwork' } }],
    });
    const ok = await pasteImport(page, JSON.stringify(good, null, 2));
    assert.equal(ok, 'Added pathway E2E Team Lead Award');
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [tid('pathway-card'), n0 + 1]);
    const card = page.locator(`${tid('pathway-card')}[data-pathway-id="urn:e2e:team-lead"]`);
    assert.match(await card.getAttribute('data-progress'), /^\d+\/2$/);
    assert.equal(await page.getByTestId('pathway-import-text').inputValue(), '', 'textarea cleared after success');

    // A cycle between two pathways in one file.
    const cycle = {
      type: 'LearnerPathway',
      version: 1,
      pathways: [
        newPathway('urn:e2e:a', 'Cycle A', { all: [{ pathway: 'urn:e2e:b' }] }),
        newPathway('urn:e2e:b', 'Cycle B', { all: [{ pathway: 'urn:e2e:a' }] }),
      ],
    };
    const cycleText = JSON.stringify(cycle);
    const msg1 = await pasteImport(page, cycleText);
    assert.match(msg1, /^Pasted pathway: pathways\[\d\]\.requirements\.all\[0\]\.pathway: pathways refer to each other in a cycle: urn:e2e:(a|b) → urn:e2e:(a|b) → urn:e2e:(a|b)/);
    assert.equal(await page.getByTestId('pathway-import-text').inputValue(), cycleText, 'the pasted text is kept');
    assert.equal(await page.locator(tid('pathway-card')).count(), n0 + 1, 'no pathway lost or added');
    await page.getByTestId('pathway-import-message').scrollIntoViewIfNeeded();
    await screenshot(page, 'pathways-import-error');

    // An impossible count.
    const impossible = newPathway('urn:e2e:impossible', 'Impossible', {
      all: [{ match: { tag: 'x' } }, { nOf: 4, of: [{ match: { tag: 'a' } }, { match: { tag: 'b' } }, { match: { tag: 'c' } }] }],
    });
    const msg2 = await pasteImport(page, JSON.stringify(impossible));
    assert.match(msg2, /requirements\.all\[1\]\.nOf: "nOf" is 4 but "of" has only 3 requirements/);
    assert.equal(await page.locator(tid('pathway-card')).count(), n0 + 1, 'nothing lost');

    // A duplicate id is named too.
    const msg3 = await pasteImport(page, JSON.stringify(newPathway(ID.data, 'Copy', { match: { tag: 'x' } })));
    assert.match(msg3, /duplicate pathway id/);

    // Imported pathways stay after a reload.
    await reload(page);
    await page.getByTestId('nav-progress').click();
    await page.locator(`${tid('pathway-card')}[data-pathway-id="urn:e2e:team-lead"]`).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.locator(tid('pathway-card')).count(), n0 + 1);
  });

  test('import a pathway from a file and from a URL; remove an imported one', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    await openProgress(page);
    const n0 = await page.locator(tid('pathway-card')).count();
    await page.getByTestId('pathway-import-file').setInputFiles(jsonFile('my-pathway.json', newPathway('urn:e2e:file', 'From a File', { any: [{ match: { tag: 'sql' } }, { match: { tag: 'python' } }] })));
    await page.locator(`${tid('pathway-card')}[data-pathway-id="urn:e2e:file"]`).waitFor({ timeout: UI_TIMEOUT });
    assert.match(await page.getByTestId('pathway-import-message').textContent(), /Added pathway From a File/);

    const url = `${env.server.origin}/e2e-remote/pathway.json`;
    await page.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(newPathway('urn:e2e:url', 'From a URL', { match: { tag: 'sql' } })) }),
    );
    await page.getByTestId('pathway-import-url').fill(url);
    await page.getByTestId('pathway-import-url-submit').click();
    await page.locator(`${tid('pathway-card')}[data-pathway-id="urn:e2e:url"]`).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.locator(tid('pathway-card')).count(), n0 + 2);

    // A file with a syntax error: the message names the file.
    await page.getByTestId('pathway-import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"type": "LearnerPathway", ') });
    await page.waitForFunction((sel) => /broken\.json: not valid JSON/.test(document.querySelector(sel)?.textContent ?? ''), tid('pathway-import-message'));

    await page.locator(`${tid('pathway-card')}[data-pathway-id="urn:e2e:file"] ${tid('pathway-remove')}`).click();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [tid('pathway-card'), n0 + 1]);
  });

  test('untrusted pathway text is shown as text, never as markup', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await openProgress(page);
    const evil = newPathway('urn:e2e:xss', '<img src=x onerror=alert(1)>Evil', {
      label: '<b>bold</b>',
      match: { tag: 'x' },
      hint: { text: 'Click <script>alert(2)</script>', url: 'https://e2e.example/hint' },
    });
    evil.goal.requestUrl = 'https://e2e.example/ok';
    const msg = await pasteImport(page, JSON.stringify(evil));
    assert.match(msg, /Added pathway <img src=x onerror=alert\(1\)>Evil/);
    const card = page.locator(`${tid('pathway-card')}[data-pathway-id="urn:e2e:xss"]`);
    assert.match(await card.textContent(), /<img src=x onerror=alert\(1\)>Evil/);
    assert.equal(await card.locator('img').count(), 0);
    const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    assert.ok(!hrefs.some((h) => /^\s*javascript:/i.test(h)), 'no javascript: links');
    await card.getByTestId('pathway-link').click();
    await page.getByTestId('pathway-detail').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.locator(`${tid('pathway-detail')} b`).count(), 0);
    assert.deepEqual(page.dialogs, []);
  });
});
