// Proof formats certified issuers send (issue 12): VC-JOSE tokens signed by the npm `jose`
// library (RS256, PS256, ES256, ES384) and Data Integrity ECDSA credentials signed by Digital
// Bazaar's suites (tests/fixtures/suites/) verify in the browser; one changed letter makes each
// invalid; a token that carries only its own key (header jwk) is `unverified`, never verified,
// and the detail says the key is not linked to the issuer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, importFiles, waitVerified, openDetail, tid, screenshot, FIXTURES,
} from '../lib/harness.js';
import { routeStatusHost } from '../lib/status-lists.js';

const DIR = path.join(FIXTURES, 'suites');
// [file, the suite the detail names]
const CASES = [
  ['vc-jose-rs256.jwt', 'JWS:RS256'],
  ['vc-jose-ps256.jwt', 'JWS:PS256'],
  ['vc-jose-es256.jwt', 'JWS:ES256'],
  ['vc-jose-es384.jwt', 'JWS:ES384'],
  ['ecdsa-rdfc-2019-p256.json', 'ecdsa-rdfc-2019'],
  ['ecdsa-rdfc-2019-p384.json', 'ecdsa-rdfc-2019'],
  ['ecdsa-jcs-2019-p256.json', 'ecdsa-jcs-2019'],
];

const b64 = (b) => Buffer.from(b).toString('base64url');

/** The credential inside a fixture (JSON, or a JWT's payload). */
function credentialOf(text) {
  const t = text.trim();
  return t.startsWith('{') ? JSON.parse(t) : JSON.parse(Buffer.from(t.split('.')[1], 'base64url'));
}

/** The fixture with one letter of its name changed after signing. */
function forged(text) {
  const t = text.trim();
  if (t.startsWith('{')) return t.replace('(TEST ONLY)', '(TEST 0NLY)');
  const [h, p, s] = t.split('.');
  const payload = Buffer.from(p, 'base64url').toString().replace('(TEST ONLY)', '(TEST 0NLY)');
  return `${h}.${b64(payload)}.${s}`;
}

async function importOne(page, name, text) {
  const mimeType = name.endsWith('.json') ? 'application/json' : 'text/plain';
  const results = await importFiles(page, [{ name, mimeType, buffer: Buffer.from(text) }]);
  assert.equal(results[0]?.outcome, 'added', JSON.stringify(results));
  await waitVerified(page);
}

describe('proof formats of certified issuers', { timeout: TEST_TIMEOUT * 12 }, () => {
  const env = suite();

  for (const [file, suiteName] of CASES) {
    test(`${file}: verified, the detail names ${suiteName}; a changed letter → invalid`, { timeout: TEST_TIMEOUT }, async () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const id = credentialOf(text).id;
      const page = await env.open();
      await importOne(page, file, text);
      const card = page.locator(`${tid('credential-card')}[data-credential-id="${id}"]`);
      assert.equal(await card.getAttribute('data-status'), 'verified');
      await openDetail(page, id);
      // The proofs are listed in a <details>, opened as a person would.
      await page.locator('details.proofs > summary').click();
      const proof = page.locator(tid('verification-proof')).first();
      await proof.waitFor({ timeout: 20_000 });
      assert.equal(await proof.getAttribute('data-outcome'), 'pass');
      assert.match(await proof.textContent(), new RegExp(suiteName.replace(':', '.')));
      const key = page.locator(`${tid('verification-check')}[data-check="issuer-key"]`);
      assert.equal(await key.getAttribute('data-outcome'), 'pass');
      if (file === 'vc-jose-rs256.jwt' || file === 'ecdsa-rdfc-2019-p384.json') {
        await screenshot(page, `suites-${file.replace(/\.\w+$/, '')}-detail`);
      }

      const bad = await env.open();
      await importOne(bad, `forged-${file}`, forged(text));
      const badCard = bad.locator(`${tid('credential-card')}[data-credential-id="${id}"]`);
      assert.equal(await badCard.getAttribute('data-status'), 'invalid');
    });
  }

  /** An ES256 VC-JOSE token with only its own key in the header, issued by `issuer` (https). */
  function headerJwkToken(issuer, id) {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cred = credentialOf(fs.readFileSync(path.join(DIR, 'vc-jose-es256.jwt'), 'utf8'));
    cred.id = id;
    cred.issuer = { id: issuer, type: ['Profile'], name: 'Self-Declared Issuer' };
    cred.name = 'Header JWK badge';
    const input = `${b64(JSON.stringify({ alg: 'ES256', typ: 'vc+jwt', jwk }))}.${b64(JSON.stringify(cred))}`;
    const sig = crypto.sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    return { token: `${input}.${b64(sig)}`, cred, jwk };
  }

  test('a token that carries only its own key (header jwk) is unverified: key not linked to the issuer', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    // The issuer's profile is asked for (it could publish the key) and cannot be fetched.
    const host = await routeStatusHost(page);
    const { token, cred } = headerJwkToken(host.url('/issuers/self-declared'), 'urn:uuid:0e2e0000-0000-4000-8000-00000000a11e');
    await importOne(page, 'header-jwk.jwt', token);
    const card = page.locator(`${tid('credential-card')}[data-credential-id="${cred.id}"]`);
    assert.equal(await card.getAttribute('data-status'), 'unverified');
    await openDetail(page, cred.id);
    const signature = page.locator(`${tid('verification-check')}[data-check="signature"]`);
    await signature.waitFor({ timeout: 20_000 });
    assert.equal(await signature.getAttribute('data-outcome'), 'pass');
    const key = page.locator(`${tid('verification-check')}[data-check="issuer-key"]`);
    assert.equal(await key.getAttribute('data-outcome'), 'warn');
    assert.match(await key.textContent(), /not linked to the issuer/);
    await screenshot(page, 'suites-header-jwk-detail');
    assert.equal(host.hits('/issuers/self-declared'), 1, 'the profile was asked for once');
  });

  test("a header-jwk token whose issuer's fetched profile publishes the key is verified", { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const host = await routeStatusHost(page);
    const issuer = host.url('/issuers/publishes-its-key');
    const { token, cred, jwk } = headerJwkToken(issuer, 'urn:uuid:0e2e0000-0000-4000-8000-00000000a12e');
    host.set('/issuers/publishes-its-key', { json: {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/cid/v1'],
      id: issuer,
      type: ['Profile'],
      name: 'Self-Declared Issuer',
      verificationMethod: [{ id: `${issuer}#key-1`, type: 'JsonWebKey', controller: issuer, publicKeyJwk: jwk }],
      assertionMethod: [`${issuer}#key-1`],
    } });
    await importOne(page, 'published-jwk.jwt', token);
    const card = page.locator(`${tid('credential-card')}[data-credential-id="${cred.id}"]`);
    assert.equal(await card.getAttribute('data-status'), 'verified');
    await openDetail(page, cred.id);
    const key = page.locator(`${tid('verification-check')}[data-check="issuer-key"]`);
    await key.waitFor({ timeout: 20_000 });
    assert.equal(await key.getAttribute('data-outcome'), 'pass');
    const signature = page.locator(`${tid('verification-check')}[data-check="signature"]`);
    assert.match(await signature.textContent(), /a key the issuer's profile .* publishes/);
    await screenshot(page, 'suites-published-jwk-detail');
  });
});
