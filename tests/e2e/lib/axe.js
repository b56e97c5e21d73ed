// Accessibility checks with axe-core (issue 14 point 5): axe's source is evaluated in the page
// through the DevTools protocol (Playwright's `page.evaluate` of a string), which the app's CSP
// does not govern, so the app's CSP stays as shipped (no `bypassCSP`, no inline script tag).
// `axeViolations` returns the serious and critical violations in a form a failing assertion
// can print: rule id, impact, help text and the selectors of the offending nodes.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a test. */
export const BLOCKING = ['serious', 'critical'];

async function inject(page) {
  const present = await page.evaluate(() => typeof window.axe?.run === 'function');
  if (!present) await page.evaluate(AXE_SOURCE);
}

/**
 * Run axe on the whole page (WCAG 2.x A/AA and best practices). Returns
 * { blocking, other, passes } where `blocking` lists serious/critical violations as
 * { id, impact, help, helpUrl, nodes: [{ target, summary }] } and `other` the ids of the rest.
 */
export async function axeCheck(page, { exclude = [] } = {}) {
  await inject(page);
  const result = await page.evaluate(async (exclude) => {
    const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
    const r = await window.axe.run(context, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, exclude);
  return {
    blocking: result.filter((v) => BLOCKING.includes(v.impact)),
    other: result.filter((v) => !BLOCKING.includes(v.impact)).map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`),
  };
}

/** A readable report of violations, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .map((v) => `${v.id} [${v.impact}] ${v.help}\n${v.nodes.map((n) => `    at ${n.target}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n');
}

/**
 * The `<h1>` elements a person (or a screen reader) meets: rendered (not in a `display: none`
 * subtree, e.g. the print-only sheet) and not hidden from assistive technology. A visually
 * hidden heading counts: screen readers announce it.
 */
export async function visibleH1s(page) {
  return page.$$eval('h1', (els) =>
    els
      .filter((e) => e.checkVisibility({ visibilityProperty: true }) && !e.closest('[aria-hidden="true"]'))
      .map((e) => e.textContent.trim()),
  );
}
