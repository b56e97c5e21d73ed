// Helpers for the sharing specs (share.test.js, share-pathways.test.js): selecting credentials,
// creating a share, waiting for statuses to settle, reading QR codes with zbarimg.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { UI_TIMEOUT, DEMO, demoExpectations, tid, cssEscape } from './harness.js';

export const ZBARIMG = process.env.ZBARIMG_PATH ?? '/usr/bin/zbarimg';
export const card = (id) => `${tid('credential-card')}[data-credential-id="${cssEscape(id)}"]`;

/** The three smallest demo credentials (their portfolio still fits one QR code). */
export function threeSmallest() {
  return demoExpectations()
    .map((e) => ({ ...e, size: fs.statSync(path.join(DEMO, e.file)).size }))
    .sort((a, b) => a.size - b.size)
    .slice(0, 3);
}

/** Statuses of the given cards once they have stopped changing (the wallet re-verifies on import). */
export async function settledStatuses(page, ids, quietMs = 1500, timeout = UI_TIMEOUT) {
  const read = () => page.$$eval(tid('credential-card'), (els, ids) => {
    const m = Object.fromEntries(els.map((e) => [e.getAttribute('data-credential-id'), e.getAttribute('data-status')]));
    return ids.map((id) => m[id] ?? null);
  }, ids);
  const deadline = Date.now() + timeout;
  let last = JSON.stringify(await read());
  let since = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(250);
    const now = await read();
    const s = JSON.stringify(now);
    if (s !== last) {
      last = s;
      since = Date.now();
    } else if (Date.now() - since >= quietMs && now.every((x) => x && x !== 'pending')) {
      return now;
    }
  }
  throw new Error(`card statuses did not settle: ${last}`);
}

/** Select `ids` in the gallery (and only them), create a share, return { link, version, frameBytes, payloadChars }. */
export async function createShare(page, ids, { title = 'Data skills', holder = 'Alex Rivera' } = {}) {
  for (const box of await page.locator(`${tid('select-credential')}:checked`).all()) await box.uncheck();
  for (const id of ids) await page.locator(card(id)).getByTestId('select-credential').check();
  await page.getByTestId('share-title').fill(title);
  await page.getByTestId('share-holder').fill(holder);
  await page.getByTestId('share-create').click();
  const linkEl = page.getByTestId('share-link');
  await linkEl.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // The panel shown is the one for this selection: the wallet takes an earlier share's panel
  // away when "Create" is pressed, so a link read now is never the previous share's.
  const shown = await page.locator(tid('share-item')).evaluateAll((els) => els.map((e) => e.getAttribute('data-credential-id')));
  assert.deepEqual([...shown].sort(), [...ids].sort(), 'the share panel is the one for the credentials just selected');
  return shareState(page);
}

/** What the share panel shows now: { link, version, frameBytes, payloadChars }. */
export async function shareState(page) {
  const link = await page.getByTestId('share-link').inputValue();
  const panel = page.getByTestId('share-panel');
  const version = await page.getByTestId('share-qr-version').getAttribute('data-version', { timeout: 1000 }).catch(() => null);
  return {
    link,
    version: version ? Number(version) : null,
    frameBytes: Number(await panel.getAttribute('data-frame-bytes')),
    payloadChars: Number(await panel.getAttribute('data-payload-chars')),
  };
}

/** The text of the QR code(s) in an image file, as zbarimg reads it. */
export function zbar(file) {
  return execFileSync(ZBARIMG, ['--raw', '-q', file], { encoding: 'utf8' }).replace(/\r?\n$/, '');
}

/** Wait until every card in the page has a final status; returns the ms waited. */
export async function waitAllFinal(page, timeout = UI_TIMEOUT) {
  const t0 = Date.now();
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].every((e) => e.getAttribute('data-status') !== 'pending'),
    tid('credential-card'),
    { timeout },
  );
  return Date.now() - t0;
}
