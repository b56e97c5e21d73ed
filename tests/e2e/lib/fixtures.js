// Which file in tests/fixtures/ plays which role. tests/fixtures/README.md
// lists them; the first existing candidate wins. When none exists the tests
// fall back to credentials generated at run time (from public/demo) and log it.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, DEMO } from './harness.js';

const CANDIDATES = {
  ob3: ['ob3-vc2-credential.json'],
  ob3vc1: ['ob3-vc11-credential.json'],
  ob2: ['ob2-hosted-embedded.json'],
  ob2BadgeUrl: ['ob2-hosted-badge-url.json'],
  ob2Signed: ['ob2-signed.jws'],
  jwt: ['ob3-vc-jwt.jwt'],
  presentation: ['presentation-two.json'],
  pngBaked: ['baked-ob3.png'],
  pngBakedCompressed: ['baked-ob3-compressed.png'],
  pngBakedUrl: ['baked-ob2-url.png'],
  svgBaked: ['baked-ob3.svg'],
  svgBakedOb2: ['baked-ob2.svg'],
  svgVerifyUrl: ['verify-ob3.svg'],
  pngTruncated: ['truncated.png'],
  pngPlain: ['no-badge.png'],
  invalidJson: ['invalid.json', 'malformed.json'],
  notBadge: ['not-a-badge.json'],
};

/** Absolute path of the fixture playing `role`, or null. */
export function fixturePath(role) {
  for (const name of CANDIDATES[role] ?? []) {
    const p = path.join(FIXTURES, name);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

export function fixtureName(role) {
  const p = fixturePath(role);
  return p ? path.basename(p) : null;
}

/** The id of a JSON(-LD) or JWT credential. */
export function credentialIdOf(buf) {
  const text = Buffer.from(buf).toString('utf8').trim();
  if (!text.startsWith('{')) {
    const p = JSON.parse(Buffer.from(text.split('.')[1], 'base64url').toString('utf8'));
    return (p.vc ?? p).id ?? p.jti;
  }
  const v = JSON.parse(text);
  return v.id;
}

/**
 * Bytes for a role: the fixture if present, else a stand-in from public/demo.
 * Returns { name, buffer, id, source }.
 */
export function fixtureOrDemo(role) {
  const p = fixturePath(role);
  if (p) {
    const buffer = fs.readFileSync(p);
    let id = null;
    try {
      id = credentialIdOf(buffer);
    } catch {}
    return { name: path.basename(p), buffer, id, source: 'fixture' };
  }
  const demo = { ob3: '01-intro-to-sql.json', ob3vc1: '03-data-visualization.json', ob2: '08-git-and-collaboration.json', jwt: '05-cloud-practitioner-essentials.jwt' }[role];
  if (!demo) return null;
  const buffer = fs.readFileSync(path.join(DEMO, demo));
  console.warn(`[fixtures] no tests/fixtures file for role "${role}"; using public/demo/${demo}`);
  return { name: demo, buffer, id: credentialIdOf(buffer), source: 'demo' };
}
