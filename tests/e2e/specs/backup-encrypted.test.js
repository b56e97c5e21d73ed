// Encrypted backups (issue 14 point 2; format in docs/backup.md): export under a passphrase,
// restore into an empty wallet (a wrong passphrase says so and changes nothing), restore again
// without duplicates; a file sealed by an independent implementation
// (tests/fixtures/backup/make-sealed.py) restores; a plain export warns; a damaged file is refused.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  suite, TEST_TIMEOUT, UI_TIMEOUT, DEMO, FIXTURES, loadDemo, cardIds, cardNames, cardCount, waitForCardCount,
  withImport, demoExpectations, screenshot, tid,
} from '../lib/harness.js';

const PASSPHRASE = 'blue kettle — sept étoiles';
const WRONG = 'blue kettle — sept etoiles';

async function exportWith(page, passphrase) {
  await page.getByTestId('backup-passphrase').fill(passphrase);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT }),
    page.getByTestId('export-backup').click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8'), buffer: fs.readFileSync(file) };
}

/** Wait until the line under the backup buttons says `re`. */
async function noteSays(page, re) {
  await page.waitForFunction(
    ([sel, src, flags]) => new RegExp(src, flags).test(document.querySelector(sel)?.textContent ?? ''),
    [tid('backup-note'), re.source, re.flags],
    { timeout: UI_TIMEOUT },
  );
}

/** Give a sealed file to restore; the passphrase prompt appears and nothing is imported yet. */
async function chooseSealed(page, payload) {
  await page.getByTestId('restore-file').setInputFiles(payload);
  await page.getByTestId('restore-dialog').waitFor({ state: 'visible' });
  assert.equal(await page.locator(tid('import-result')).count(), 0, 'nothing imported before the passphrase');
}

async function wrongPassphrase(page, expectedCards) {
  await page.getByTestId('restore-passphrase').fill(WRONG);
  await page.getByTestId('restore-submit').click();
  const error = page.getByTestId('restore-error');
  await error.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  assert.match(await error.textContent(), /wrong passphrase.*nothing was restored/i);
  assert.equal(await cardCount(page), expectedCards);
  assert.equal(await page.locator(tid('import-result')).count(), 0);
  // The prompt stays for another try.
  assert.ok(await page.getByTestId('restore-dialog').isVisible());
}

describe('encrypted backup', { timeout: TEST_TIMEOUT * 4 }, () => {
  const env = suite();

  test('export under a passphrase, restore into an empty wallet after a wrong try, restore again without duplicates', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const page = await env.open();
    const demo = demoExpectations();
    await loadDemo(page, demo.length);
    const ids = (await cardIds(page)).sort();

    const backup = await exportWith(page, PASSPHRASE);
    assert.match(backup.name, /\.encrypted\.json$/);
    const sealed = JSON.parse(backup.text);
    assert.equal(sealed.type, 'LearnerWalletEncryptedBackup');
    assert.equal(sealed.version, 1);
    assert.equal(sealed.kdf.name, 'argon2id');
    assert.ok(sealed.kdf.memoryKiB >= 19 * 1024, `memory-hard: ${sealed.kdf.memoryKiB} KiB`);
    assert.equal(sealed.cipher.name, 'A256GCM');
    assert.deepEqual(Object.keys(sealed).sort(), ['cipher', 'ciphertext', 'kdf', 'type', 'version']);
    // Nothing of the wallet is readable in the file.
    for (const d of demo) {
      assert.ok(!backup.text.includes(JSON.stringify(d.id).slice(1, -1)), `${d.file}'s id is not in the file`);
      if (!d.file.endsWith('.jwt')) continue;
      const jwt = fs.readFileSync(path.join(DEMO, d.file), 'utf8').trim();
      assert.ok(!backup.text.includes(jwt.slice(0, 40)), `${d.file}'s JWS is not in the file`);
    }
    assert.doesNotMatch(backup.text, /LearnerWalletBackup|credentialSubject|issuer/);
    await noteSays(page, new RegExp(`Downloaded ${demo.length} badge\\(s\\), encrypted`));
    await screenshot(page, 'backup-encrypted-exported');

    // A second export of the same wallet uses a new salt and nonce.
    const again = JSON.parse((await exportWith(page, PASSPHRASE)).text);
    assert.notEqual(again.kdf.salt, sealed.kdf.salt);
    assert.notEqual(again.cipher.nonce, sealed.cipher.nonce);
    assert.notEqual(again.ciphertext, sealed.ciphertext);

    const fresh = await env.open();
    await fresh.getByTestId('wallet-empty').waitFor({ state: 'visible' });
    const payload = { name: backup.name, mimeType: 'application/json', buffer: backup.buffer };
    await chooseSealed(fresh, payload);
    await wrongPassphrase(fresh, 0);
    assert.ok(await fresh.getByTestId('wallet-empty').isVisible());
    await screenshot(fresh, 'restore-wrong-passphrase');

    let results = await withImport(fresh, async () => {
      await fresh.getByTestId('restore-passphrase').fill(PASSPHRASE);
      await fresh.getByTestId('restore-submit').click();
    }, { min: demo.length });
    assert.equal(results.filter((r) => r.outcome === 'added').length, demo.length, JSON.stringify(results));
    await waitForCardCount(fresh, demo.length);
    assert.deepEqual((await cardIds(fresh)).sort(), ids);
    assert.equal(await fresh.locator(tid('restore-dialog')).count(), 0, 'the prompt is gone');

    // Again: the prompt comes back empty (the passphrase is not kept), and nothing is duplicated.
    await chooseSealed(fresh, payload);
    assert.equal(await fresh.getByTestId('restore-passphrase').inputValue(), '');
    results = await withImport(fresh, async () => {
      await fresh.getByTestId('restore-passphrase').fill(PASSPHRASE);
      await fresh.getByTestId('restore-passphrase').press('Enter');
    }, { min: 1 });
    assert.ok(results.length > 0 && results.every((r) => r.outcome === 'duplicate'), JSON.stringify(results));
    await waitForCardCount(fresh, demo.length);
  });

  test('a file sealed by another implementation restores; a wrong passphrase leaves a full wallet unchanged', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const demo = demoExpectations();
    await loadDemo(page, demo.length);
    const before = (await cardIds(page)).sort();
    const buffer = fs.readFileSync(path.join(FIXTURES, 'backup/sealed-v1-default.json'));
    await chooseSealed(page, { name: 'sealed-v1-default.json', mimeType: 'application/json', buffer });
    await screenshot(page, 'restore-passphrase-prompt');
    await wrongPassphrase(page, demo.length);
    assert.deepEqual((await cardIds(page)).sort(), before);

    // Cancel, then choose it again and give the right passphrase.
    await page.getByTestId('restore-cancel').click();
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });
    await chooseSealed(page, { name: 'sealed-v1-default.json', mimeType: 'application/json', buffer });
    const results = await withImport(page, async () => {
      await page.getByTestId('restore-passphrase').fill('correct horse battery staple — été');
      await page.getByTestId('restore-submit').click();
    });
    assert.deepEqual(results.map((r) => r.outcome), ['added'], JSON.stringify(results));
    await waitForCardCount(page, demo.length + 1);
    assert.ok((await cardNames(page)).includes('Backed up safely'));
  });

  test('a changed file is refused and nothing is restored', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const sealed = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'backup/sealed-v1-small.json'), 'utf8'));
    // Same passphrase, but the salt was changed: the key differs and the tag no longer matches.
    sealed.kdf.salt = 'c2FsdHNhbHRzYWx0c2FsdB';
    await chooseSealed(page, { name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sealed)) });
    await page.getByTestId('restore-passphrase').fill('pass');
    await page.getByTestId('restore-submit').click();
    await page.getByTestId('restore-error').waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('restore-error').textContent(), /nothing was restored/i);
    assert.equal(await cardCount(page), 0);

    // Parameters a browser should not be made to run (16 GiB of memory) are refused before any work.
    sealed.kdf.memoryKiB = 16 * 1024 * 1024;
    await page.getByTestId('restore-cancel').click();
    await chooseSealed(page, { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sealed)) });
    await page.getByTestId('restore-passphrase').fill('pass');
    await page.getByTestId('restore-submit').click();
    await page.getByTestId('restore-error').waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('restore-error').textContent(), /cannot be restored.*nothing was restored/i);
    assert.equal(await cardCount(page), 0);
  });

  test('a plain export is still possible, with a warning', { timeout: TEST_TIMEOUT }, async () => {
    const page = await env.open();
    const demo = demoExpectations();
    await loadDemo(page, demo.length);
    const note = page.getByTestId('backup-note');
    assert.match(await note.textContent(), /without a passphrase the backup is not encrypted/i);
    const backup = await exportWith(page, '');
    assert.match(backup.name, /^learner-wallet-backup-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(JSON.parse(backup.text).type, 'LearnerWalletBackup');
    await noteSays(page, /without encryption: anyone who opens this file can read them/i);
    assert.match(await note.getAttribute('class'), /warn/);
    await screenshot(page, 'backup-plain-warning');
  });
});
