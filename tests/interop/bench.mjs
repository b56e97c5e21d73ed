// Reference timing (prints figures; asserts nothing): Digital Bazaar's verifier (the library
// the Learner Credential Wallet and VerifierPlus use) in node, offline, on the same credentials
// as the wallet's in-browser benchmark (tests/e2e/bench/verify-browser.mjs).
//   node tests/interop/bench.mjs [iterations=200]
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {vc, verifySuites, documentLoader} from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '..', '..');
const N = Number(process.argv[2] ?? 200);
const inputs = {
  'eddsa-rdfc-2022 (DCC basicOBv3)': path.join(repo, '..', 'shared/vectors/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json'),
  'eddsa-rdfc-2022 (demo 01)': path.join(repo, 'public/demo/01-intro-to-sql.json'),
  'eddsa-jcs-2022 (demo 09)': path.join(repo, 'public/demo/09-accessible-web-design.json'),
  'Ed25519Signature2020 (demo 06)': path.join(repo, 'public/demo/06-agile-project-fundamentals.json'),
};
const now = new Date('2025-06-01T00:00:00Z');
// One vc.verifyCredential call, as a verifier app makes it (status checking off: offline).
const verifyOnce = credential => vc.verifyCredential({credential, suite: verifySuites(), documentLoader, now});
const out = {};
for(const [label, file] of Object.entries(inputs)) {
  if(!fs.existsSync(file)) {
    out[label] = 'SKIPPED (file absent)';
    continue;
  }
  const credential = JSON.parse(fs.readFileSync(file, 'utf8'));
  let t = performance.now();
  const first = await verifyOnce(structuredClone(credential));
  const firstMs = performance.now() - t;
  const times = [];
  for(let i = 0; i < N; i++) {
    const c = structuredClone(credential);
    t = performance.now();
    await verifyOnce(c);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  out[label] = {
    first: +firstMs.toFixed(3),
    median: +times[Math.floor(N / 2)].toFixed(3),
    p95: +times[Math.floor(N * 0.95)].toFixed(3),
    verified: first.verified ?? first,
  };
}
console.log(JSON.stringify(out, null, 2));
