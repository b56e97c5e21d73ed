// File picker (many files of every kind), drag and drop, malformed files,
// published vectors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, importFiles, withImport, dropFiles, cardIds, waitForCardCount, tid, screenshot,
  makeOb3, jsonFile, PLAIN_PNG, VECTORS, skipUnless,
} from '../lib/harness.js';
import { fixturePath, fixtureOrDemo, credentialIdOf } from '../lib/fixtures.js';

function fileOf(p, mimeType) {
  return { name: path.basename(p), mimeType, buffer: fs.readFileSync(p) };
}

describe('import files', { timeout: TEST_TIMEOUT * 10 }, () => {
  const env = suite();

  test('file picker with many files: JSON, JWT, baked PNG and SVG, one message per file', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const files = [];
    const kinds = {
      ob3: 'application/json', ob3vc1: 'application/json', ob2: 'application/json', jwt: 'text/plain',
      ob2Signed: 'text/plain', presentation: 'application/json',
      pngBaked: 'image/png', pngBakedCompressed: 'image/png', svgBaked: 'image/svg+xml', svgBakedOb2: 'image/svg+xml',
    };
    for (const [role, mimeType] of Object.entries(kinds)) {
      const p = fixturePath(role);
      if (p) files.push(fileOf(p, mimeType));
      else if (['ob3', 'ob3vc1', 'ob2', 'jwt'].includes(role)) {
        const fx = fixtureOrDemo(role);
        files.push({ name: fx.name, mimeType, buffer: fx.buffer });
      } else console.warn(`[import-files] no fixture for ${role}; not covered`);
    }
    // Unique names only (fixtures may share a demo stand-in).
    const unique = [...new Map(files.map((f) => [f.name, f])).values()];

    const results = await importFiles(page, unique);
    // A presentation may yield one line per credential inside; baked images hold
    // credentials also given as JSON, so "duplicate" lines are expected.
    assert.ok(results.length >= unique.length, `a message per file: ${JSON.stringify(results)}`);
    for (const f of unique) {
      const lines = results.filter((r) => r.text.includes(f.name));
      assert.ok(lines.length > 0, `a message names ${f.name}: ${JSON.stringify(results)}`);
      for (const line of lines) assert.notEqual(line.outcome, 'error', `${f.name}: ${line.text}`);
    }
    const added = results.filter((r) => r.outcome === 'added').length;
    await waitForCardCount(page, added);
    await screenshot(page, 'import-files-messages');
  });

  test('drag and drop a file onto the drop zone', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const vc = makeOb3({ name: 'Dropped Badge' });
    const results = await withImport(page, () => dropFiles(page, [jsonFile('dropped.json', vc)]));
    assert.equal(results.length, 1, JSON.stringify(results));
    assert.equal(results[0].outcome, 'added', results[0].text);
    assert.match(results[0].text, /dropped\.json/);
    await waitForCardCount(page, 1);
    assert.deepEqual(await cardIds(page), [vc.id]);
  });

  test('a truncated PNG is refused', { timeout: TEST_TIMEOUT }, async (t) => {
    const page = await env.open();
    let src = fixturePath('pngTruncated');
    let buffer;
    if (src) {
      buffer = fs.readFileSync(src);
    } else {
      const baked = fixturePath('pngBaked') ?? path.join(VECTORS, '1edtech-ob2/baked_heart.png');
      if (skipUnless(t, baked, 'need a baked PNG to truncate')) return;
      const whole = fs.readFileSync(baked);
      buffer = whole.subarray(0, Math.floor(whole.length / 2));
    }
    const results = await importFiles(page, [{ name: 'truncated.png', mimeType: 'image/png', buffer }]);
    assert.equal(results[0].outcome, 'error', results[0].text);
    assert.ok(results[0].text.length > 'truncated.png: '.length, 'explains why');
    assert.equal(await page.locator(tid('credential-card')).count(), 0);
  });

  test('a PNG without a badge is refused', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const src = fixturePath('pngPlain');
    const buffer = src ? fs.readFileSync(src) : PLAIN_PNG;
    const results = await importFiles(page, [{ name: 'photo.png', mimeType: 'image/png', buffer }]);
    assert.equal(results[0].outcome, 'error', results[0].text);
    assert.match(results[0].text, /badge/i);
    assert.equal(await page.locator(tid('credential-card')).count(), 0);
  });

  test('a file over 10 MB is refused as too large', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const vc = makeOb3({ name: 'Huge' });
    vc.description = 'x'.repeat(10 * 1024 * 1024 + 1000);
    const results = await importFiles(page, [jsonFile('huge.json', vc)]);
    assert.equal(results[0].outcome, 'error', results[0].text);
    assert.match(results[0].text, /too large/i);
    assert.equal(await page.locator(tid('credential-card')).count(), 0);
  });

  test('malformed fixture files each get an error message', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const files = [
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"type": ["VerifiableCredential"') },
      jsonFile('not-a-badge.json', { name: 'a shopping list', items: ['milk'] }),
    ];
    for (const role of ['invalidJson', 'notBadge']) {
      const p = fixturePath(role);
      if (p) files.push(fileOf(p, 'application/json'));
    }
    const unique = [...new Map(files.map((f) => [f.name, f])).values()];
    const results = await importFiles(page, unique);
    assert.equal(results.length, unique.length);
    assert.ok(results.every((r) => r.outcome === 'error'), JSON.stringify(results));
    assert.match(results.find((r) => r.text.includes('broken.json')).text, /not valid JSON/i);
    assert.match(results.find((r) => r.text.includes('not-a-badge.json')).text, /not a badge this wallet understands/i);
  });

  test('published vector: 1EdTech OB 2.0 baked_heart.png', { timeout: TEST_TIMEOUT }, async (t) => {
    const p = path.join(VECTORS, '1edtech-ob2/baked_heart.png');
    if (skipUnless(t, p, 'published vectors live in ../shared/vectors')) return;
    const page = await env.open();
    const results = await importFiles(page, [fileOf(p, 'image/png')]);
    // The assertion inside is a hosted OB 2.0 one; the wallet may need to fetch it
    // (no internet here) or accept it embedded. Either way it must not be "not valid JSON".
    assert.doesNotMatch(results[0].text, /not valid JSON/i);
    if (results[0].outcome === 'added') await waitForCardCount(page, 1);
    else console.warn(`[vectors] baked_heart.png: ${results[0].outcome}: ${results[0].text}`);
  });

  test('published vectors: DCC OB 3.0 fixtures (eddsa-rdfc-2022 signed)', { timeout: TEST_TIMEOUT }, async (t) => {
    const dir = path.join(VECTORS, 'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey');
    if (skipUnless(t, dir, 'published vectors live in ../shared/vectors')) return;
    const page = await env.open();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => fileOf(path.join(dir, f), 'application/json'));
    const results = await importFiles(page, files);
    assert.equal(results.length, files.length);
    for (const r of results) assert.notEqual(r.outcome, 'error', r.text);
    const distinct = new Set(files.map((f) => credentialIdOf(f.buffer)));
    await waitForCardCount(page, distinct.size);
    assert.deepEqual(new Set(await cardIds(page)), distinct);
  });
});
