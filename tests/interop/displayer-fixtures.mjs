// Makes the 1EdTech Open Badges 3.0 Displayer checklist fixtures in
// tests/fixtures/displayer/ with Digital Bazaar's libraries, OFFLINE:
//
//   for each data model (VC 2.0, VC 1.1) × suite (eddsa-rdfc-2022, ecdsa-sd-2023):
//   a valid, an expired and a revoked badge (BitstringStatusList, purpose
//   `revocation`), each with an image, a name, a description, an issuer and an
//   issued date; ecdsa-sd-2023 badges are derived disclosures of a base proof
//   (the status entry, dates and issuer mandatory; name, description and image
//   disclosed by the holder);
//   plus the two signed status lists (one per issuer), published by the e2e test at
//   https://status.example.test/displayer/{ed,p256}-list.
//
//   node tests/interop/displayer-fixtures.mjs [OUT_DIR]
//
// TEST-ONLY keys: the Ed25519 seed and the P-256 secret key below are public in this
// repository; nothing signed with them means anything. ECDSA signatures are randomized,
// so re-running changes the bytes, not the verdicts. The script checks every badge with
// DB's own verifier before writing it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {fileURLToPath} from 'node:url';
import {encodePng} from '../e2e/lib/png.js';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {keyFromSeed, sign, VC1, VC2, OB303, DI2} from './sign.mjs';
import {signBase, derive} from './sd.mjs';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {vc, documentLoader, verifySuites} from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? path.join(here, '..', 'fixtures', 'displayer');
const STATUS = 'https://www.w3.org/ns/credentials/status/v1';
const LIST_HOST = 'https://status.example.test/displayer';

const TEST_ONLY_ED_SEED = '1e57000000000000000000000000000000000000000000000000000000000d15';
// A P-256 key made once with EcdsaMultikey.generate({curve: 'P-256'}); TEST-ONLY.
const TEST_ONLY_P256 = {
  publicKeyMultibase: 'zDnaeiXTd7AJkH6JMn54pvE6JFuHf6ZNi1CvNxBpGf77J7MEk',
  secretKeyMultibase: 'z42tjkPYovCnfaCFdC4yunkrQyJt2bqouhm6TboaUgqkwjWp',
};

/** A small PNG (solid colour, w × h) as a data: URL, so the badge needs no network. */
function pngDataUrl(rgb, w = 48, h = 48) {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(w).fill(rgb).flat())]);
  const png = encodePng({ width: w, height: h, colorType: 2, rows: Array(h).fill(row) });
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** `u` + base64url(GZIP(16 KiB bitstring)) with the given indexes set. */
function encodedList(set) {
  const bits = Buffer.alloc(16 * 1024);
  for(const i of set) {
    bits[i >> 3] |= 0x80 >> (i & 7);
  }
  return 'u' + zlib.gzipSync(bits).toString('base64url');
}

const REVOKED_INDEX = 7;
const COLOURS = {valid: [40, 140, 90], expired: [200, 140, 30], revoked: [190, 50, 50]};

let serial = 0;
const uuid = () => `urn:uuid:d15b1a7e-0000-4000-8000-${String(++serial).padStart(12, '0')}`;

function badge({issuer, vc1, suite, kind, listUrl, index}) {
  const model = vc1 ? 'VC 1.1' : 'VC 2.0';
  const cred = {
    '@context': vc1 ? [VC1, OB303, DI2, STATUS] : [VC2, OB303],
    id: uuid(),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {id: issuer, type: ['Profile'], name: 'Displayer Test Issuer (test only)'},
    name: `Displayer ${kind} badge (${model}, ${suite})`,
    credentialSubject: {
      id: 'did:example:displayer-learner',
      type: ['AchievementSubject'],
      achievement: {
        id: uuid(),
        type: ['Achievement'],
        name: `Displayer ${kind} achievement`,
        description: `A ${kind} badge for the Displayer checklist: ${model}, signed with ${suite}.`,
        criteria: {narrative: 'Shown by a certified displayer.'},
        image: {id: pngDataUrl(COLOURS[kind]), type: 'Image'},
      },
    },
    credentialStatus: {
      id: `${listUrl}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: listUrl,
    },
  };
  const issued = '2024-03-01T09:00:00Z';
  const until = kind === 'expired' ? '2025-01-15T10:00:00Z' : undefined;
  if(vc1) {
    cred.issuanceDate = issued;
    if(until) {
      cred.expirationDate = until;
    }
  } else {
    cred.validFrom = issued;
    if(until) {
      cred.validUntil = until;
    }
  }
  return cred;
}

async function main() {
  fs.mkdirSync(out, {recursive: true});
  const ed = await keyFromSeed(TEST_ONLY_ED_SEED);
  const p256Did = `did:key:${TEST_ONLY_P256.publicKeyMultibase}`;
  const p256 = {
    did: p256Did,
    multikey: await EcdsaMultikey.from({
      '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey',
      id: `${p256Did}#${TEST_ONLY_P256.publicKeyMultibase}`, controller: p256Did,
      ...TEST_ONLY_P256,
    }),
  };
  const lists = {ed: `${LIST_HOST}/ed-list`, p256: `${LIST_HOST}/p256-list`};
  // The status lists: VC 2.0 BitstringStatusListCredentials, signed by each issuer.
  const list = (issuer, url) => ({
    '@context': [VC2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: {
      id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation',
      encodedList: encodedList([REVOKED_INDEX]),
    },
  });
  const written = [];
  const write = (name, doc) => {
    if(doc.id?.startsWith(LIST_HOST)) {
      published.set(doc.id, doc);
    }
    fs.writeFileSync(path.join(out, name), JSON.stringify(doc, null, 2) + '\n');
    written.push(name);
  };
  const published = new Map();
  write('ed-list.json', await sign(list(ed.did, lists.ed), {suiteName: 'eddsa-rdfc-2022', key: ed}));
  write('p256-list.json', await sign(list(p256.did, lists.p256),
    {suiteName: 'ecdsa-rdfc-2019', key: p256}));

  const problems = [];
  for(const vc1 of [false, true]) {
    for(const suite of ['eddsa-rdfc-2022', 'ecdsa-sd-2023']) {
      for(const [n, kind] of ['valid', 'expired', 'revoked'].entries()) {
        const sd = suite === 'ecdsa-sd-2023';
        const index = kind === 'revoked' ? REVOKED_INDEX : 100 + n;
        const cred = badge({
          issuer: sd ? p256.did : ed.did, vc1, suite, kind,
          listUrl: sd ? lists.p256 : lists.ed, index});
        let signed;
        if(sd) {
          const dates = vc1 ? ['/issuanceDate', '/expirationDate'] : ['/validFrom', '/validUntil'];
          const mandatory = ['/issuer', '/credentialStatus', '/credentialSubject/id',
            ...dates.filter(p => cred[p.slice(1)] !== undefined)];
          const base = await signBase(cred, p256, {mandatoryPointers: mandatory});
          signed = await derive(base, ['/name', '/credentialSubject/achievement']);
        } else {
          signed = await sign(cred, {suiteName: suite, key: ed});
        }
        // DB's verdict, with its Bitstring Status List checker reading our lists.
        const db = await vc.verifyCredential({
          credential: structuredClone(signed), suite: verifySuites(), now: new Date(),
          documentLoader: async url => published.has(url) ?
            {contextUrl: null, documentUrl: url, document: structuredClone(published.get(url))} :
            documentLoader(url),
          checkStatus: args => checkStatus({...args, suite: verifySuites()}),
        });
        // (A set bit leaves `verified` true: the status result carries it.)
        const revoked = db.statusResult?.verified &&
          [db.statusResult.results ?? db.statusResult].flat().some(r => r.status === true);
        const says = db.verified ? (revoked ? 'revoked' : 'valid') :
          /validUntil|expirationDate|expired/.test(JSON.stringify(db.error?.message ?? db.error)) ?
            'expired' : `rejected: ${db.error?.message ?? JSON.stringify(db.error)}`;
        if(says !== kind) {
          problems.push(`${kind} ${suite} vc1=${vc1}: DB says ${says}`);
        }
        write(`${vc1 ? 'vc1' : 'vc2'}-${sd ? 'ecdsa-sd' : 'eddsa-rdfc'}-${kind}.json`, signed);
      }
    }
  }
  if(problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`wrote ${written.length} files to ${out}: ${written.join(', ')}`);
}

await main();
