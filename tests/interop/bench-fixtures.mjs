// Makes the credentials of tests/fixtures/suites/ (issue 12): one Open Badges 3.0 credential
// per newly supported proof format, signed by independent libraries with fresh TEST-ONLY keys
// (did:jwk / did:key, so they verify offline), for the Chromium benchmark
// (tests/e2e/bench/verify-browser.mjs) and the e2e tests.
//
//   node tests/interop/bench-fixtures.mjs [DIR=tests/fixtures/suites]
//
// VC-JOSE tokens: the npm `jose` library; Data Integrity ECDSA: Digital Bazaar's
// ecdsa-rdfc-2019 / ecdsa-jcs-2019 cryptosuites (through sign.mjs). The private keys are
// thrown away: re-running makes new files.
import fs from 'node:fs';
import path from 'node:path';
import {SignJWT, generateKeyPair, exportJWK, base64url} from 'jose';
import {VC2, OB303, badge, ecdsaKey, sign} from './sign.mjs';

const dir = process.argv[2] ?? 'tests/fixtures/suites';
fs.mkdirSync(dir, {recursive: true});

const name = what => `${what} (TEST ONLY)`;

for(const [alg, opts] of [
  ['RS256', {modulusLength: 2048}],
  ['PS256', {modulusLength: 2048}],
  ['ES256', {}],
  ['ES384', {}],
]) {
  const {publicKey, privateKey} = await generateKeyPair(alg, {...opts, extractable: true});
  const did = `did:jwk:${base64url.encode(JSON.stringify(await exportJWK(publicKey)))}`;
  const cred = badge({issuer: did, context: [VC2, OB303]});
  cred.name = name(`${alg} VC-JOSE badge`);
  cred.issuer.name = name(`${alg} Test Issuer`);
  cred.credentialSubject.achievement.description =
    `Signed by the npm jose library (${alg}) for wallet-verify.`;
  const jwt = await new SignJWT(cred)
    .setProtectedHeader({alg, typ: 'vc+jwt', kid: `${did}#0`})
    .sign(privateKey);
  fs.writeFileSync(path.join(dir, `vc-jose-${alg.toLowerCase()}.jwt`), jwt + '\n');
}

for(const [suiteName, curve, file] of [
  ['ecdsa-rdfc-2019', 'P-256', 'ecdsa-rdfc-2019-p256.json'],
  ['ecdsa-rdfc-2019-p384', 'P-384', 'ecdsa-rdfc-2019-p384.json'],
  ['ecdsa-jcs-2019', 'P-256', 'ecdsa-jcs-2019-p256.json'],
]) {
  const key = await ecdsaKey(curve);
  const cred = badge({issuer: key.did, context: [VC2, OB303]});
  cred.name = name(`${suiteName.replace('-p384', '')} ${curve} badge`);
  cred.issuer.name = name(`${curve} Test Issuer`);
  cred.credentialSubject.achievement.description =
    `Signed by Digital Bazaar's ${suiteName.replace('-p384', '')} cryptosuite for wallet-verify.`;
  const signed = await sign(cred, {suiteName, key});
  fs.writeFileSync(path.join(dir, file), JSON.stringify(signed, null, 2) + '\n');
}
console.log(`wrote ${fs.readdirSync(dir).length} files to ${dir}`);
