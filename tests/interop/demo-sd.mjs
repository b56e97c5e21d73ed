// Makes the demo's ecdsa-sd-2023 credential (tools/demo-issuer/holder/14-data-storytelling.json)
// with Digital Bazaar's libraries, OFFLINE: the Summit Skills Council (Demo) signs a base proof
// with its DEMO P-256 key (tools/demo-issuer/demo-keys.json, `summit`), then the learner's
// wallet derives a disclosure that keeps the badge but withholds the grade.
//
//   node tests/interop/demo-sd.mjs            (after `cargo run -p demo-issuer -- --out public/demo`)
//
// The issuer profile and layout are taken from the Rust demo issuer's 13-sql-performance-tuning
// (same issuer), so the two look alike. Base proofs and derivations use random keys: re-running
// changes the bytes. DEMO ONLY: the key is public.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as base58 from 'base58-universal';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {signBase, derive} from './sd.mjs';
import {dbVerdict} from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '..', '..');
const keys = JSON.parse(fs.readFileSync(path.join(repo, 'tools/demo-issuer/demo-keys.json'), 'utf8'));
const scalar = Buffer.from(keys.ecdsa_issuers.find(k => k.key === 'summit').p256_scalar_hex, 'hex');
const ecdh = crypto.createECDH('prime256v1');
ecdh.setPrivateKey(scalar);
const publicKeyMultibase = 'z' + base58.encode(Buffer.concat([Buffer.from([0x80, 0x24]), ecdh.getPublicKey(null, 'compressed')]));
const secretKeyMultibase = 'z' + base58.encode(Buffer.concat([Buffer.from([0x86, 0x26]), scalar]));
const did = `did:key:${publicKeyMultibase}`;
const multikey = await EcdsaMultikey.from({
  '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey',
  id: `${did}#${publicKeyMultibase}`, controller: did, publicKeyMultibase, secretKeyMultibase,
});

const template = JSON.parse(fs.readFileSync(path.join(repo, 'public/demo/13-sql-performance-tuning.json'), 'utf8'));
if(template.issuer.id !== did) {
  throw new Error(`demo 13's issuer ${template.issuer.id} is not the summit key ${did}`);
}
delete template.proof;
const slug = 'data-storytelling';
const cred = {
  ...template,
  id: 'urn:uuid:5a1c0e14-7d2b-4c3a-9e4f-14a2b3c4d514',
  name: 'Data Storytelling',
  validFrom: '2024-12-06T09:00:00Z',
  credentialSubject: {
    ...template.credentialSubject,
    achievement: {
      ...template.credentialSubject.achievement,
      id: template.credentialSubject.achievement.id.replace('sql-performance-tuning', slug),
      name: 'Data Storytelling',
      description: 'Turns an analysis into a clear story: one message per chart, honest scales, and a narrative a non-specialist can follow.',
      criteria: {narrative: 'Complete the Data Storytelling module and its assessed project.'},
      image: {...template.credentialSubject.achievement.image,
        caption: 'Data Storytelling badge'},
      alignment: template.credentialSubject.achievement.alignment.map(a => ({...a})),
    },
    result: [{type: ['Result'], value: 'B-'}],
  },
};
cred.credentialSubject.achievement.alignment[0] = {
  ...cred.credentialSubject.achievement.alignment[0],
  targetName: 'Data Storytelling', targetCode: 'DDS-STORY-01',
  targetUrl: cred.credentialSubject.achievement.alignment[0].targetUrl.replace('sql-performance-tuning', slug),
  targetDescription: 'Present an analysis as a clear, honest story.',
};

const base = await signBase(cred, {multikey}, {mandatoryPointers: [
  '/issuer', '/validFrom', '/credentialSubject/id', '/credentialSubject/achievement/id',
  '/credentialSubject/achievement/name']});
// The learner shows the badge, its description, image and skills, and withholds the grade.
const shown = await derive(base, ['/id', '/type', '/name', '/credentialSubject/type', '/credentialSubject/achievement']);
if(shown.credentialSubject.result) {
  throw new Error('the grade was disclosed');
}
const db = await dbVerdict(shown, {now: new Date().toISOString()});
if(!db.verified) {
  throw new Error(`DB does not verify the derived credential: ${db.error}`);
}
const out = path.join(repo, 'tools/demo-issuer/holder/14-data-storytelling.json');
fs.writeFileSync(out, JSON.stringify(shown, null, 2) + '\n');
console.log(`wrote ${out} (DB verifies it)`);
