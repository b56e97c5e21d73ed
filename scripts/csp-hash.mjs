#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): adds the sha256 of every inline <script> of the built
// index.html (Trunk 0.21 inlines its wasm loader) to the Content-Security-Policy meta's
// script-src, so the policy needs no 'unsafe-inline'. Idempotent; fails the build when the page
// has no CSP meta or its script-src already allows 'unsafe-inline'.
// Usage: node scripts/csp-hash.mjs path/to/index.html
import fs from 'node:fs';
import { addScriptHashes } from './csp.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: csp-hash.mjs index.html');
  process.exit(2);
}
const html = fs.readFileSync(file, 'utf8');
const { html: out, hashes } = addScriptHashes(html);
fs.writeFileSync(file, out);
console.error(`[csp] script-src: ${hashes.length} inline script hash(es) added to ${file}`);
