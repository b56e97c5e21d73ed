// The Content-Security-Policy of the built app (dist/index.html): no inline script except
// Trunk's loader by its hash, no plain http (loopback excepted for fetches, see index.html),
// images only from the wallet itself, data: and blob:. The checker is shown to fail on each
// kind of weakening first, then run on the real build and in Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { suite, TEST_TIMEOUT, DIST } from '../lib/harness.js';
import { cspProblems, inlineScripts, policyText, sha256Source, addScriptHashes } from '../../../scripts/csp.mjs';

const LOADER = 'import init from "./app.js"; await init();';
const page = (policy, script = LOADER) =>
  `<html><head><meta http-equiv="Content-Security-Policy" content="${policy}" /><script type="module">${script}</script></head></html>`;
const GOOD = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${sha256Source(LOADER)}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; object-src 'none'; base-uri 'self'; form-action 'none'`;

describe('content security policy', { timeout: TEST_TIMEOUT * 3 }, () => {
  test('the checker accepts the wallet\'s policy and rejects every weakening', () => {
    assert.deepEqual(cspProblems(page(GOOD)), []);
    const bad = [
      [GOOD.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"), /unsafe-inline/],
      [GOOD.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"), /unsafe-eval/],
      [GOOD.replace(sha256Source(LOADER), ''), /not allowed by a hash/],
      [GOOD.replace('img-src \'self\' data: blob:', 'img-src \'self\' data: blob: https:'), /img-src allows https:/],
      [GOOD.replace('img-src \'self\' data: blob:', 'img-src *'), /img-src allows \*/],
      [GOOD.replace('img-src \'self\' data: blob:', 'img-src \'self\' http://127.0.0.1:*'), /img-src allows/],
      [GOOD.replace('connect-src \'self\' https:', 'connect-src \'self\' https: http:'), /connect-src allows http:/],
      [GOOD.replace('connect-src \'self\' https:', 'connect-src \'self\' https: http://evil.example'), /plain-http/],
      [GOOD.replace("object-src 'none'", "object-src 'self'"), /object-src/],
      [GOOD.replace("base-uri 'self'; ", ''), /base-uri/],
      [GOOD.replace("; form-action 'none'", ''), /form-action/],
      [GOOD.replace(/img-src[^;]*; /, '').replace("default-src 'self'", "default-src 'self' https:"), /img-src allows https:/],
    ];
    for (const [policy, why] of bad) {
      const problems = cspProblems(page(policy));
      assert.ok(problems.some((p) => why.test(p)), `${policy}\n→ ${JSON.stringify(problems)}`);
    }
    assert.deepEqual(cspProblems('<html></html>'), ['no Content-Security-Policy meta']);
  });

  test('the build hook adds exactly the inline scripts\' hashes, once', () => {
    const before = page(GOOD.replace(` ${sha256Source(LOADER)}`, ''));
    assert.notDeepEqual(cspProblems(before), []);
    const once = addScriptHashes(before).html;
    assert.deepEqual(cspProblems(once), []);
    assert.equal(addScriptHashes(once).html, once, 'idempotent');
    assert.throws(() => addScriptHashes(page(GOOD.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"))), /unsafe-inline/);
  });

  test('dist/index.html holds the policy', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    assert.deepEqual(cspProblems(html), [], policyText(html));
    assert.equal(inlineScripts(html).length, 1, 'one inline script: Trunk\'s loader');
  });

  describe('in Chromium', () => {
    const env = suite();
    test('the app starts under the policy, and an injected inline script is refused', { timeout: TEST_TIMEOUT }, async () => {
      const violations = [];
      const p = await env.open({
        beforeGoto: (pg) => pg.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); }),
      });
      assert.deepEqual(violations, [], 'the app itself breaks no rule');
      const ran = await p.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.injected = 1';
        document.head.append(s);
        await new Promise((r) => setTimeout(r, 50));
        return window.injected ?? null;
      });
      assert.equal(ran, null, 'inline script blocked');
      // The other loopback origin serves this PNG (with CORS): only the policy can refuse it.
      const load = (src) => p.evaluate((src) => new Promise((resolve) => {
        const i = new Image();
        i.onload = () => resolve('loaded');
        i.onerror = () => resolve('blocked');
        i.src = src;
      }), src);
      assert.equal(await load(env.server.fixtureUrl('no-badge.png')), 'loaded', 'control: the same PNG from the wallet\'s origin');
      assert.equal(await load(env.server.remoteUrl('no-badge.png')), 'blocked', 'no image from another origin');
      const fetched = await p.evaluate((u) => fetch(u).then((r) => r.status, () => 'blocked'), env.server.remoteUrl('no-badge.png'));
      assert.equal(fetched, 200, 'fetches to loopback issuers are allowed (connect-src)');
    });
  });
});
