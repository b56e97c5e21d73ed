// Signed Open Badges 2.0 (issue 12 point 3): an RS256 JWS assertion is checked with the key
// its `verification.creator` names, the key must be listed by the issuer's profile, and the
// profile's revocation list is read. The key, profile and list are served from
// https://status.example.test by Playwright routing; the RSA key is made per run (TEST ONLY).
// What a person sees: the card's status and the detail's checks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, TEST_TIMEOUT, UI_TIMEOUT, importText, importFiles, openDetail, tid, screenshot } from '../lib/harness.js';
import { routeStatusHost } from '../lib/status-lists.js';
import { ob2Issuer, ob2Assertion, serve, bakePng, KEY, ISSUER } from '../lib/ob2-signed.js';

async function waitStatus(page, id, want, timeout = UI_TIMEOUT) {
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.getAttribute('data-status') === want,
    [`${tid('credential-card')}[data-credential-id="${id}"]`, want],
    { timeout },
  );
}

/** The detail's checks: { id: { outcome, text } }, and its proofs. */
async function detailChecks(page) {
  await page.locator(tid('verification-check')).first().waitFor({ timeout: UI_TIMEOUT });
  const checks = await page.$$eval(tid('verification-check'), (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.check, { outcome: e.dataset.outcome, text: e.textContent.trim() }])),
  );
  const proofs = await page.$$eval(tid('verification-proof'), (els) =>
    els.map((e) => ({ outcome: e.dataset.outcome, text: e.textContent.trim() })),
  );
  return { checks, proofs };
}

async function backToGallery(page) {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByTestId('credential-card').first().waitFor({ timeout: UI_TIMEOUT });
}

describe('signed Open Badges 2.0', { timeout: TEST_TIMEOUT * 6 }, () => {
  const env = suite();

  test('valid as text and baked in a PNG → verified: key, issuer profile and revocation list fetched and shown', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const issuer = ob2Issuer();
    serve(host, issuer.docs());
    const text = ob2Assertion('Bookbinding I');
    const baked = ob2Assertion('Marbled Endpapers');
    await importText(page, issuer.sign(text));
    await importFiles(page, [{ name: 'marbled.png', mimeType: 'image/png', buffer: bakePng(issuer.sign(baked)) }]);
    await waitStatus(page, text.id, 'verified');
    await waitStatus(page, baked.id, 'verified');
    for (const p of ['/ob2/keys/1', '/ob2/issuer', '/ob2/revocations']) assert.ok(host.hits(p) >= 1, `${p} fetched`);

    await openDetail(page, text.id);
    const { checks, proofs } = await detailChecks(page);
    assert.equal(checks.signature.outcome, 'pass');
    assert.match(checks.signature.text, /RS256 signature \(RSA-2048\) is valid/);
    assert.equal(checks['issuer-key'].outcome, 'pass');
    assert.ok(checks['issuer-key'].text.includes(KEY) && checks['issuer-key'].text.includes(ISSUER), checks['issuer-key'].text);
    assert.equal(checks.status.outcome, 'pass');
    assert.match(checks.status.text, /revocation list .* does not list this badge/);
    assert.equal(proofs.length, 1);
    assert.equal(proofs[0].outcome, 'pass');
    assert.match(proofs[0].text, /JWS:RS256/);
    await screenshot(page, 'ob2-signed-verified');
  });

  test('revoked in the issuer\'s revocation list → revoked, with the reason', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const issuer = ob2Issuer();
    const a = ob2Assertion('Gold Tooling');
    serve(host, issuer.docs([{ id: a.id, revocationReason: 'Awarded in error' }]));
    await importText(page, issuer.sign(a));
    await waitStatus(page, a.id, 'revoked');
    await openDetail(page, a.id);
    const { checks } = await detailChecks(page);
    assert.equal(checks.signature.outcome, 'pass');
    assert.equal(checks.status.outcome, 'fail');
    assert.match(checks.status.text, /has revoked this badge/);
    assert.match(checks.status.text, /Reason: Awarded in error/);
    await screenshot(page, 'ob2-signed-revoked');
  });

  test('a changed payload → invalid; a key the issuer does not list → invalid', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const issuer = ob2Issuer();
    const docs = issuer.docs();
    serve(host, docs);
    const a = ob2Assertion('Case Binding');
    const [h, , s] = issuer.sign(a).split('.');
    const forged = { ...a, badge: { ...a.badge, name: 'Master Bookbinder' } };
    await importText(page, `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`);
    await waitStatus(page, a.id, 'invalid');
    await openDetail(page, a.id);
    let { checks } = await detailChecks(page);
    assert.equal(checks.signature.outcome, 'fail');
    assert.match(checks.signature.text, /does not match/);
    await screenshot(page, 'ob2-signed-tampered');

    // A genuine signature by a key that claims the issuer as its owner, but the issuer's
    // profile does not list it.
    await backToGallery(page);
    const intruder = ob2Issuer('/ob2/keys/2');
    host.set('/ob2/keys/2', intruder.docs()['/ob2/keys/2']);
    const b = ob2Assertion('Japanese Stab Binding', intruder.keyUrl);
    await importText(page, intruder.sign(b));
    await waitStatus(page, b.id, 'invalid');
    await openDetail(page, b.id);
    ({ checks } = await detailChecks(page));
    assert.equal(checks.signature.outcome, 'pass');
    assert.equal(checks['issuer-key'].outcome, 'fail');
    assert.match(checks['issuer-key'].text, /does not list the signing key/);
    await screenshot(page, 'ob2-signed-key-not-listed');
  });

  test('offline → unverified, "could not be checked", never invalid', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    await routeStatusHost(page); // nothing served: every request would be refused
    const issuer = ob2Issuer();
    const a = ob2Assertion('Coptic Stitch');
    await page.context().setOffline(true);
    await importText(page, issuer.sign(a));
    await waitStatus(page, a.id, 'unverified');
    await openDetail(page, a.id);
    const { checks } = await detailChecks(page);
    assert.equal(checks.signature.outcome, 'not-checked');
    assert.match(checks.signature.text, /could not be checked/);
    assert.match(checks.signature.text, /offline/);
    await screenshot(page, 'ob2-signed-offline');
    await page.context().setOffline(false);
  });
});
