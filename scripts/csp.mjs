// The wallet's Content-Security-Policy, read from and written into a built index.html.
// Used by the build (scripts/csp-hash.mjs, a Trunk post_build hook) and by the test
// (tests/e2e/specs/csp.test.js), so both read the policy the same way. No dependencies.
import crypto from 'node:crypto';

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** Loopback http sources allowed in connect-src only (see the comment in index.html). */
export const LOOPBACK_HTTP = ['http://127.0.0.1:*', 'http://localhost:*'];

/** The policy text of the page's CSP meta, or null. */
export function policyText(html) {
  const m = META.exec(html);
  return m ? m[1].replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}

/** Policy text → Map(directive → [sources]). */
export function parsePolicy(text) {
  const out = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Contents of every inline (no src) <script> element. */
export function inlineScripts(html) {
  return [...html.matchAll(SCRIPT)].filter((m) => !/\bsrc\s*=/i.test(m[1])).map((m) => m[2]);
}

export function sha256Source(text) {
  return `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Adds the hash of every inline script to script-src (once each). */
export function addScriptHashes(html) {
  const text = policyText(html);
  if (text === null) throw new Error('no Content-Security-Policy meta in the page');
  const policy = parsePolicy(text);
  const scriptSrc = policy.get('script-src');
  if (!scriptSrc) throw new Error('the CSP has no script-src');
  if (scriptSrc.includes("'unsafe-inline'")) throw new Error("script-src allows 'unsafe-inline'");
  const hashes = inlineScripts(html).map(sha256Source);
  const added = hashes.filter((h, i) => !scriptSrc.includes(h) && hashes.indexOf(h) === i);
  const newText = text.replace(/script-src([^;]*)/, (_, rest) => `script-src${rest.trimEnd()} ${added.join(' ')}`.trimEnd());
  const newHtml = html.replace(META, (m, content) => m.replace(content, newText));
  return { html: newHtml, hashes };
}

/** Everything wrong with a page's CSP; [] when it holds the wallet's rules. */
export function cspProblems(html) {
  const text = policyText(html);
  if (text === null) return ['no Content-Security-Policy meta'];
  const policy = parsePolicy(text);
  const problems = [];
  const script = policy.get('script-src') ?? policy.get('default-src');
  if (!script) problems.push('no script-src');
  else {
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
      if (script.some((s) => s.toLowerCase() === bad)) problems.push(`script-src allows ${bad}`);
    }
    const hashes = new Set(script.filter((s) => s.startsWith("'sha256-")));
    for (const body of inlineScripts(html)) {
      if (!hashes.has(sha256Source(body))) problems.push('an inline script is not allowed by a hash in script-src');
    }
  }
  for (const [name, sources] of policy) {
    for (const s of sources) {
      const l = s.toLowerCase();
      if (l === 'http:' || l === 'http://*' || l === 'ws:') problems.push(`${name} allows ${s}`);
      else if (l.startsWith('http://') && !(name === 'connect-src' && LOOPBACK_HTTP.includes(l))) {
        problems.push(`${name} allows plain-http ${s}`);
      }
    }
  }
  const img = policy.get('img-src') ?? policy.get('default-src') ?? [];
  const allowedImg = new Set(["'self'", 'data:', 'blob:']);
  for (const s of img) if (!allowedImg.has(s.toLowerCase())) problems.push(`img-src allows ${s}`);
  if (!img.length) problems.push('no img-src');
  if ((policy.get('object-src') ?? []).join(' ') !== "'none'") problems.push("object-src is not 'none'");
  if (!policy.has('base-uri')) problems.push('no base-uri');
  if (!policy.has('form-action')) problems.push('no form-action');
  return problems;
}
