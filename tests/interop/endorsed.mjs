// Makes the endorsed-badge fixtures (issue 12, point 5) with Digital Bazaar's libraries and
// checks Digital Bazaar's verdict on each endorsement and on the badges, OFFLINE.
//
//   node tests/interop/endorsed.mjs [OUT_DIR]     (default: tests/fixtures)
//
// Writes OUT_DIR/endorsed-badge.json: an Open Badges 3.0 badge (eddsa-rdfc-2022, TEST-ONLY
// issuer key) carrying
//   - achievement.endorsement[0]: by "Northfield Test Endorser" (eddsa-rdfc-2022, TEST-ONLY
//     seed), endorsing the achievement's id — valid;
//   - achievement.endorsement[1]: by the same endorser, its comment changed after the
//     endorser signed (and before the badge was signed, so the badge stays valid) — tampered;
//   - issuer.endorsement[0]: by "Quality Agency (test only)" (ecdsa-rdfc-2019, a fresh P-256
//     key made on each run), endorsing the issuer's id — valid;
// and OUT_DIR/endorsed-elsewhere.json: a badge whose achievement carries an endorsement that
// is validly signed but endorses another achievement's id.
// The script exits 1 unless Digital Bazaar verifies the badges and the valid endorsements and
// refuses the tampered one.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {
  keyFromSeed, ecdsaKey, badge, sign, TEST_ONLY_SEED_ISSUER, VC2, OB303, NOW,
} from './sign.mjs';
import {dbVerdict} from './lib.mjs';

// TEST-ONLY: a published seed; nothing signed with it means anything.
const TEST_ONLY_SEED_ENDORSER =
  '1e57000000000000000000000000000000000000000000000000000000000003';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? path.join(here, '..', 'fixtures');
fs.mkdirSync(out, {recursive: true});

const issuer = await keyFromSeed(TEST_ONLY_SEED_ISSUER);
const endorser = await keyFromSeed(TEST_ONLY_SEED_ENDORSER);
const agency = await ecdsaKey('P-256');

function endorsement({id, by, name, subjectId, comment}) {
  return {
    '@context': [VC2, OB303],
    id,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `${name} endorses ${subjectId}`,
    issuer: {id: by, type: ['Profile'], name},
    validFrom: '2024-01-10T00:00:00Z',
    credentialSubject: {id: subjectId, type: ['EndorsementSubject'], endorsementComment: comment},
  };
}

const base = badge({issuer: issuer.did, context: [VC2, OB303]});
base.id = 'urn:uuid:e0d0e5ed-0000-4000-8000-000000000001';
base.name = 'Endorsed Test Badge';
base.credentialSubject.achievement.name = 'Endorsed Test Achievement';
const achievementId = base.credentialSubject.achievement.id;

const good = await sign(endorsement({
  id: 'urn:uuid:e0d0e5ed-0000-4000-8000-00000000000a',
  by: endorser.did, name: 'Northfield Test Endorser', subjectId: achievementId,
  comment: 'Northfield recognises this achievement as equivalent to 5 credits.',
}), {suiteName: 'eddsa-rdfc-2022', key: endorser});
const tampered = await sign(endorsement({
  id: 'urn:uuid:e0d0e5ed-0000-4000-8000-00000000000b',
  by: endorser.did, name: 'Northfield Test Endorser', subjectId: achievementId,
  comment: 'Northfield recognises this achievement as equivalent to 5 credits.',
}), {suiteName: 'eddsa-rdfc-2022', key: endorser});
tampered.credentialSubject.endorsementComment =
  'Northfield recognises this achievement as equivalent to 50 credits.';
const ofIssuer = await sign(endorsement({
  id: 'urn:uuid:e0d0e5ed-0000-4000-8000-00000000000c',
  by: agency.did, name: 'Quality Agency (test only)', subjectId: issuer.did,
  comment: 'An accredited provider of short courses.',
}), {suiteName: 'ecdsa-rdfc-2019', key: agency});

const endorsed = structuredClone(base);
endorsed.credentialSubject.achievement.endorsement = [good, tampered];
endorsed.issuer.endorsement = [ofIssuer];
const signed = await sign(endorsed, {suiteName: 'eddsa-rdfc-2022', key: issuer});

// A validly signed endorsement of another achievement, carried by this one.
const elsewhere = structuredClone(base);
elsewhere.id = 'urn:uuid:e0d0e5ed-0000-4000-8000-000000000002';
elsewhere.name = 'Badge Carrying Another Endorsement';
elsewhere.credentialSubject.achievement.endorsement = [await sign(endorsement({
  id: 'urn:uuid:e0d0e5ed-0000-4000-8000-00000000000d',
  by: endorser.did, name: 'Northfield Test Endorser',
  subjectId: 'urn:uuid:00000000-0000-4000-8000-0000000000ff',
  comment: 'Endorses a different achievement.',
}), {suiteName: 'eddsa-rdfc-2022', key: endorser})];
const signedElsewhere = await sign(elsewhere, {suiteName: 'eddsa-rdfc-2022', key: issuer});

const checks = [
  ['badge', signed, true],
  ['achievement endorsement', good, true],
  ['tampered achievement endorsement', tampered, false],
  ['issuer endorsement (ecdsa-rdfc-2019)', ofIssuer, true],
  ['badge carrying another endorsement', signedElsewhere, true],
  ['endorsement of another achievement', signedElsewhere.credentialSubject.achievement.endorsement[0], true],
];
let bad = 0;
for(const [what, doc, want] of checks) {
  const v = await dbVerdict(doc, {now: NOW});
  const ok = v.verified === want;
  if(!ok) bad += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: Digital Bazaar ${v.verified ? 'verifies' : `refuses (${v.error})`}`);
}
fs.writeFileSync(path.join(out, 'endorsed-badge.json'), JSON.stringify(signed, null, 2) + '\n');
fs.writeFileSync(path.join(out, 'endorsed-elsewhere.json'), JSON.stringify(signedElsewhere, null, 2) + '\n');
console.log(`wrote endorsed-badge.json and endorsed-elsewhere.json to ${out}`);
process.exit(bad ? 1 : 0);
