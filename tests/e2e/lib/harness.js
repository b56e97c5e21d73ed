// End-to-end harness: static servers on loopback, Debian's Chromium through
// playwright-core, and small helpers speaking the UI test contract
// (data-testid attributes, see README.md in this folder).
//
// Never downloads a browser and never lets the page reach the internet: every
// host name except 127.0.0.1 resolves to nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { before, after, afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { createStaticServer, listen } from './static.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const E2E_DIR = path.resolve(HERE, '..');
export const REPO = path.resolve(E2E_DIR, '../..');
export const DIST = path.resolve(process.env.WALLET_DIST ?? path.join(REPO, 'dist'));
export const FIXTURES = path.join(REPO, 'tests/fixtures');
export const DEMO = path.join(REPO, 'public/demo');
export const VECTORS = path.resolve(REPO, '../shared/vectors');
export const SCREENSHOTS = path.join(E2E_DIR, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Per-test timeout for node:test (ms). */
export const TEST_TIMEOUT = Number(process.env.E2E_TEST_TIMEOUT ?? 90_000);
/** Default wait for UI conditions (ms). */
export const UI_TIMEOUT = Number(process.env.E2E_UI_TIMEOUT ?? 20_000);

let currentServer = null;

/**
 * Start the two loopback servers.
 *  main  (origin):      /wallet/ -> dist/, /fixtures/ -> tests/fixtures/ (CORS), /demo-remote/ -> tests/fixtures/ (CORS)
 *  other (otherOrigin): /demo-remote/ and /fixtures/ with CORS, /no-cors/ -> tests/fixtures/ WITHOUT CORS headers
 * Different port = different origin, so /no-cors/ on `other` fails CORS from the wallet.
 */
export async function startServer() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`No built app at ${DIST} (index.html missing). Run scripts/build.sh first or set WALLET_DIST.`);
  }
  const main = createStaticServer([
    { prefix: '/wallet/', root: DIST, cors: false },
    { prefix: '/fixtures/', root: FIXTURES, cors: true },
    { prefix: '/demo-remote/', root: FIXTURES, cors: true },
  ]);
  const other = createStaticServer([
    { prefix: '/demo-remote/', root: FIXTURES, cors: true },
    { prefix: '/fixtures/', root: FIXTURES, cors: true },
    { prefix: '/no-cors/', root: FIXTURES, cors: false },
  ]);
  const port = await listen(main);
  const otherPort = await listen(other);
  const origin = `http://127.0.0.1:${port}`;
  const otherOrigin = `http://127.0.0.1:${otherPort}`;
  const srv = {
    origin,
    otherOrigin,
    walletUrl: `${origin}/wallet/`,
    fixtureUrl: (name) => `${origin}/fixtures/${name}`,
    remoteUrl: (name) => `${otherOrigin}/demo-remote/${name}`,
    noCorsUrl: (name) => `${otherOrigin}/no-cors/${name}`,
    async close() {
      main.closeAllConnections?.();
      other.closeAllConnections?.();
      await Promise.all([new Promise((r) => main.close(r)), new Promise((r) => other.close(r))]);
      if (currentServer === srv) currentServer = null;
    },
  };
  currentServer = srv;
  return srv;
}

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Nothing but loopback resolves: tests can never reach the internet.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Launch Chromium; `extraArgs` are added to LAUNCH_ARGS (e.g. a fake camera). */
export async function launchBrowser(extraArgs = []) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium). Never run "npx playwright install".`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...LAUNCH_ARGS, ...extraArgs],
  });
}

/**
 * Open the wallet in a fresh browser context (fresh storage) unless
 * `opts.context` is given (e.g. a second tab sharing storage).
 * `opts.beforeGoto(page, server)` runs before the wallet is opened.
 * Waits for [data-testid=app-ready]. The page gets `page.consoleErrors`,
 * `page.pageErrors` and `page.dialogs` arrays.
 */
export async function newPage(browser, opts = {}) {
  const srv = opts.server ?? currentServer;
  if (!srv) throw new Error('startServer() first');
  const context =
    opts.context ??
    (await browser.newContext({
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      acceptDownloads: true,
      serviceWorkers: 'block',
      ...(opts.contextOptions ?? {}),
    }));
  const page = await context.newPage();
  page.consoleErrors = [];
  page.pageErrors = [];
  page.dialogs = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => page.pageErrors.push(String(err?.stack ?? err)));
  page.on('dialog', async (dialog) => {
    page.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  if (opts.beforeGoto) await opts.beforeGoto(page, srv);
  await page.goto(srv.walletUrl + (opts.hash ?? ''));
  if (opts.waitReady !== false) await waitReady(page);
  return page;
}

export async function waitReady(page) {
  await page.getByTestId('app-ready').first().waitFor({ state: 'attached', timeout: UI_TIMEOUT });
}

/** Reload and wait for the wallet to have loaded from storage again. */
export async function reload(page) {
  await page.reload();
  await waitReady(page);
}

/** Uncaught exceptions and Rust panics are always failures. */
export function fatalErrors(page) {
  return [
    ...page.pageErrors,
    ...page.consoleErrors.filter((t) => /panicked at|RuntimeError|unreachable executed/i.test(t)),
  ];
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------------------
// Contract helpers
// ---------------------------------------------------------------------------

export const tid = (id) => `[data-testid="${id}"]`;

/** data-credential-id of every rendered card, in DOM order. */
export async function cardIds(page) {
  return page.$$eval(tid('credential-card'), (els) => els.map((e) => e.getAttribute('data-credential-id')));
}

export async function cardNames(page) {
  return page.$$eval(tid('credential-card'), (els) =>
    els.map((e) => e.querySelector('[data-testid="card-name"]')?.textContent.trim() ?? ''),
  );
}

export async function cardIssuers(page) {
  return page.$$eval(tid('credential-card'), (els) =>
    els.map((e) => e.querySelector('[data-testid="card-issuer"]')?.textContent.trim() ?? ''),
  );
}

export async function cardCount(page) {
  return page.locator(tid('credential-card')).count();
}

/** Wait until exactly `n` cards are rendered. */
export async function waitForCardCount(page, n, timeout = UI_TIMEOUT) {
  await page.waitForFunction(
    ([sel, n]) => document.querySelectorAll(sel).length === n,
    [tid('credential-card'), n],
    { timeout },
  );
}

export async function galleryCountText(page) {
  return (await page.getByTestId('gallery-count').first().textContent())?.trim() ?? '';
}

/** Import results currently shown: [{ outcome, text }]. */
export async function importResults(page) {
  return page.$$eval(tid('import-result'), (els) =>
    els.map((e) => ({ outcome: e.getAttribute('data-outcome'), text: e.textContent.trim() })),
  );
}

async function importSnapshot(page) {
  return JSON.stringify(await importResults(page));
}

/**
 * Run `action` (which starts an import) and wait until the import messages
 * changed and no import is in progress. Returns the new results.
 */
export async function withImport(page, action, { min = 1, timeout = UI_TIMEOUT } = {}) {
  const before = await importSnapshot(page);
  await action();
  await page.waitForFunction(
    ([before, min, resSel, progSel]) => {
      const els = [...document.querySelectorAll(resSel)];
      if (els.length < min) return false;
      const now = JSON.stringify(
        els.map((e) => ({ outcome: e.getAttribute('data-outcome'), text: e.textContent.trim() })),
      );
      if (now === before) return false;
      const prog = document.querySelector(progSel);
      return !prog || prog.offsetParent === null;
    },
    [before, min, tid('import-result'), tid('import-progress')],
    { timeout },
  );
  return importResults(page);
}

export async function importText(page, text, opts) {
  return withImport(
    page,
    async () => {
      await page.getByTestId('import-text').fill(text);
      await page.getByTestId('import-submit').click();
    },
    opts,
  );
}

/** files: paths or { name, mimeType, buffer } objects. */
export async function importFiles(page, files, opts) {
  return withImport(page, () => page.getByTestId('import-file').setInputFiles(files), {
    min: Array.isArray(files) ? files.length : 1,
    ...opts,
  });
}

export async function importUrl(page, url, opts) {
  return withImport(
    page,
    async () => {
      await page.getByTestId('import-url').fill(url);
      await page.getByTestId('import-url-submit').click();
    },
    opts,
  );
}

/** Click "load demo" on the empty wallet and wait for `expected` cards. */
export async function loadDemo(page, expected = demoFileNames().length) {
  await page.getByTestId('load-demo').click();
  await waitForCardCount(page, expected, 30_000);
  await waitVerified(page);
}

/** Wait until verification has settled: no card is `pending`. */
/**
 * Holds every credential sent to the verification worker until the returned function is
 * called, so a test can act while checks are pending (a fixed order instead of a race).
 */
export async function holdVerification(page) {
  await page.evaluate(() => {
    const post = Worker.prototype.postMessage;
    window.__held = [];
    Worker.prototype.postMessage = function (m) {
      if (typeof m === 'string' && m.includes('"type":"verify"')) return window.__held.push([this, m]);
      return post.call(this, m);
    };
    window.__release = () => { for (const [w, m] of window.__held.splice(0)) post.call(w, m); Worker.prototype.postMessage = post; };
  });
  return () => page.evaluate(() => window.__release());
}

export async function waitVerified(page, timeout = 60_000) {
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].every((c) => c.getAttribute('data-status') !== 'pending'),
    tid('credential-card'),
    { timeout },
  );
}

/** Select the first option of a <select> whose label or value matches `re`. Returns its value. */
export async function selectOptionMatching(page, testid, re) {
  const options = await page.$$eval(`${tid(testid)} option`, (os) =>
    os.map((o) => ({ value: o.value, label: o.textContent.trim() })),
  );
  const hit = options.find((o) => o.value !== '' && (re.test(o.label) || re.test(o.value)));
  if (!hit) throw new Error(`no option matching ${re} in ${testid}: ${JSON.stringify(options)}`);
  await page.locator(tid(testid)).selectOption(hit.value);
  return hit.value;
}

/** Open the detail view of the card with credential id `id`. */
export async function openDetail(page, id) {
  const card = page.locator(`${tid('credential-card')}[data-credential-id="${cssEscape(id)}"]`);
  await card.locator('a').first().click();
  await page.getByTestId('credential-detail').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
}

export function cssEscape(s) {
  return String(s).replace(/["\\]/g, '\\$&');
}

/** Dispatch a synthetic drop of in-page-built Files onto the drop zone. */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.mimeType ?? 'application/octet-stream',
    b64: Buffer.from(f.buffer).toString('base64'),
  }));
  await page.evaluate(
    ([sel, payload]) => {
      const dt = new DataTransfer();
      for (const f of payload) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const zone = document.querySelector(sel);
      if (!zone) throw new Error('no drop zone');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    },
    [tid('drop-zone'), payload],
  );
}

// ---------------------------------------------------------------------------
// Test data
// ---------------------------------------------------------------------------

export function demoFileNames() {
  return JSON.parse(fs.readFileSync(path.join(DEMO, 'index.json'), 'utf8')).files;
}

function b64urlJson(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/**
 * What the demo credentials should look like in the gallery:
 * [{ file, id, name, issuer, date, tags }] read from public/demo.
 */
export function demoExpectations() {
  return demoFileNames().map((file) => {
    const raw = fs.readFileSync(path.join(DEMO, file), 'utf8').trim();
    if (file.endsWith('.jwt')) {
      const p = b64urlJson(raw.split('.')[1]);
      // VC 1.1 JWT (`vc` claim) or VC-JOSE (VC 2.0: the payload is the credential).
      const vc = p.vc ?? p;
      return {
        file,
        id: vc.id ?? p.jti,
        name: vc.name ?? vc.credentialSubject.achievement.name,
        issuer: vc.issuer.name,
        date: vc.issuanceDate ?? vc.validFrom ?? new Date(p.nbf * 1000).toISOString(),
        tags: vc.credentialSubject.achievement.tag ?? [],
      };
    }
    const v = JSON.parse(raw);
    if (v.type === 'Assertion') {
      return { file, id: v.id, name: v.badge.name, issuer: v.badge.issuer.name, date: v.issuedOn, tags: v.badge.tags ?? [] };
    }
    return {
      file,
      id: v.id,
      name: v.name ?? v.credentialSubject.achievement.name,
      issuer: v.issuer.name,
      date: v.validFrom ?? v.issuanceDate,
      tags: v.credentialSubject.achievement.tag ?? [],
      validUntil: v.validUntil ?? v.expirationDate,
    };
  });
}

/** The demo credential whose file name starts with `prefix` (e.g. '01-'), as in demoExpectations(). */
export function demoByPrefix(prefix) {
  return demoExpectations().find((e) => e.file.startsWith(prefix));
}

export function readFixture(name) {
  return fs.readFileSync(path.join(FIXTURES, name));
}

export function fixtureExists(name) {
  return fs.existsSync(path.join(FIXTURES, name));
}

/** The demo's first OB 3.0 (VC 2.0) credential as an object, a template for generated credentials. */
export function ob3Template() {
  return JSON.parse(fs.readFileSync(path.join(DEMO, '01-intro-to-sql.json'), 'utf8'));
}

let uuidCounter = 0;
/** A fresh deterministic urn:uuid per call within a run. */
export function freshId(tag = 'e2e') {
  uuidCounter += 1;
  const n = String(uuidCounter).padStart(12, '0');
  const t = Buffer.from(tag).toString('hex').padEnd(8, '0').slice(0, 8);
  return `urn:uuid:${t}-0000-4000-8000-${n}`;
}

/** A standalone OB 3.0 credential with a new id (and optional overrides). */
export function makeOb3({ id = freshId(), name, achievementName, mutate } = {}) {
  const vc = ob3Template();
  vc.id = id;
  if (name !== undefined) vc.name = name;
  if (achievementName !== undefined) vc.credentialSubject.achievement.name = achievementName;
  else if (name !== undefined) vc.credentialSubject.achievement.name = name;
  if (mutate) mutate(vc);
  return vc;
}

/** A 1x1 PNG with no badge in it. */
export const PLAIN_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export function jsonFile(name, value) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value, null, 2)) };
}

/** Skip the test loudly when a path is missing. Returns true when skipped. */
export function skipUnless(t, file, why) {
  if (fs.existsSync(file)) return false;
  const msg = `SKIPPED: ${file} not found (${why})`;
  console.warn(msg);
  t.skip(msg);
  return true;
}

// ---------------------------------------------------------------------------
// Suite wiring for node:test
// ---------------------------------------------------------------------------

/**
 * Register before/after hooks for a spec file: one server pair and one
 * browser per file; every page opened through `env.open()` gets its own
 * fresh context (closed after each test) and is checked for uncaught errors
 * and Rust panics.
 */
export function suite() {
  const env = { server: null, browser: null, pages: [], contexts: [] };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  afterEach(async () => {
    const problems = env.pages.flatMap((p) => fatalErrors(p));
    const contexts = env.contexts.splice(0);
    env.pages.splice(0);
    for (const c of contexts) await c.close().catch(() => {});
    assert.deepEqual(problems, [], 'uncaught page errors or Rust panics');
  });
  /** Open the wallet in a new context (or `opts.context`). */
  env.open = async (opts = {}) => {
    const page = await newPage(env.browser, { server: env.server, ...opts });
    env.pages.push(page);
    if (!opts.context) env.contexts.push(page.context());
    return page;
  };
  return env;
}
