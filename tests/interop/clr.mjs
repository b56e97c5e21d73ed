// Comprehensive Learner Record 2.0 fixtures, signed and judged by Digital Bazaar's libraries
// (eddsa-rdfc-2022), OFFLINE:
//
//   node tests/interop/clr.mjs OUT_DIR
//
// Writes OUT_DIR/clr-*.json and OUT_DIR/verdicts.json: for each CLR, Digital Bazaar's verdict
// on the CLR itself and on each nested credential verified on its own (`dbVerdict`, at NOW).
// eddsa-rdfc-2022 signatures are deterministic and the keys come from fixed TEST-ONLY seeds,
// so the output is the same on every run: `tests/fixtures/clr/` is this script's output, and
// `verify/tests/clr.rs` re-runs it and checks both (same bytes; our verdicts = Digital
// Bazaar's).
//
// The documents:
// - clr-valid: three nested OB 3.0 AchievementCredentials, each signed by the bootcamp;
//   the CLR, signed by the college, lists the achievements, a program they belong to
//   (associations "isChildOf") and the credits.
// - clr-nested-bad-proof: the second badge's name was changed AFTER the bootcamp signed it
//   and BEFORE the college signed the CLR: the CLR's proof is valid, that nested badge's is not.
// - clr-tampered: clr-valid with the second badge's name changed afterwards: the CLR's proof
//   covers the nested text, so the CLR is invalid (and so is that badge's own proof).
// - clr-nested-revoked-issuer: a nested badge signed by a key that is not its issuer's.
import fs from 'node:fs';
import path from 'node:path';
import {
  keyFromSeed, sign, VC2, OB303, NOW,
} from './sign.mjs';
import {dbVerdict, requested} from './lib.mjs';

export const CLR201 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

// TEST-ONLY keys: fixed seeds, public in this repository.
const TEST_ONLY_SEED_COLLEGE =
  '1e57000000000000000000000000000000000000000000000000000000000c01';
const TEST_ONLY_SEED_BOOTCAMP =
  '1e57000000000000000000000000000000000000000000000000000000000c02';
const LEARNER = 'did:example:learner-ada-1234';
const CB = 'https://demo.example.org/codebridge';

/** The three achievements (ids and alignment chosen to match the bundled CodeBridge pathway). */
const ACHIEVEMENTS = [
  {
    id: `${CB}/achievements/full-stack-web-capstone`,
    type: ['Achievement'],
    achievementType: 'Course',
    name: 'Full-Stack Web Capstone (test only)',
    description: 'A ten-week team project: a web application from database to interface.',
    criteria: {narrative: 'Ship the capstone project with a team.'},
    creditsAvailable: 6,
    resultDescription: [{
      id: `${CB}/achievements/full-stack-web-capstone#grade`,
      type: ['ResultDescription'],
      name: 'Final grade',
      resultType: 'LetterGrade',
    }],
  },
  {
    id: `${CB}/badges/git-and-collaboration.json`,
    type: ['Achievement'],
    achievementType: 'Badge',
    name: 'Git & Collaboration (test only)',
    description: 'Branches, reviews and merges in a shared repository.',
    criteria: {narrative: 'Review and merge ten pull requests.'},
    creditsAvailable: 2,
  },
  {
    id: `${CB}/achievements/accessible-web-design`,
    type: ['Achievement'],
    achievementType: 'Course',
    name: 'Accessible Web Design (test only)',
    description: 'Building pages everyone can use.',
    criteria: {narrative: 'Audit and fix a site against WCAG 2.2 AA.'},
    creditsAvailable: 3,
    alignment: [{
      type: ['Alignment'],
      targetCode: 'DDS-WEB-06',
      targetName: 'Accessible web design',
      targetUrl: 'https://demo.example.org/frameworks/dds/DDS-WEB-06',
      targetFramework: 'Demo Digital Skills Framework',
    }],
  },
];

const PROGRAM = {
  id: `${CB}/programs/full-stack-certificate`,
  type: ['Achievement'],
  achievementType: 'Certificate',
  name: 'Full-Stack Developer Certificate (test only)',
  description: 'The program the three courses belong to.',
  criteria: {narrative: 'Complete the program courses.'},
  creditsAvailable: 11,
};

/** The nested badge for achievement i: credits earned and (for the capstone) a grade. */
function badge(i, bootcamp) {
  const a = ACHIEVEMENTS[i];
  const subject = {
    id: LEARNER,
    type: ['AchievementSubject'],
    achievement: a,
    creditsEarned: a.creditsAvailable,
  };
  if(a.resultDescription) {
    subject.result = [{
      type: ['Result'],
      resultDescription: a.resultDescription[0].id,
      value: 'A',
    }];
  }
  return {
    '@context': [VC2, OB303],
    id: `urn:uuid:4c1e0000-0000-4000-8000-00000000000${i + 1}`,
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: {
      id: bootcamp.did,
      type: ['Profile'],
      name: 'CodeBridge Test Bootcamp (test only)',
    },
    name: a.name,
    validFrom: `2024-0${3 + i}-01T00:00:00Z`,
    credentialSubject: subject,
  };
}

function clr(college, nested, id) {
  return {
    '@context': [VC2, CLR201, OB303],
    id,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: {
      id: college.did,
      type: ['Profile'],
      name: 'Harbor Test College (test only)',
    },
    name: 'Transcript of Ada Learner (test only)',
    description: 'Comprehensive Learner Record made for the wallet tests.',
    validFrom: '2024-07-01T00:00:00Z',
    credentialSubject: {
      id: LEARNER,
      type: ['ClrSubject'],
      verifiableCredential: nested,
      achievement: [PROGRAM, ...ACHIEVEMENTS],
      association: ACHIEVEMENTS.map(a => ({
        type: 'Association',
        associationType: 'isChildOf',
        sourceId: a.id,
        targetId: PROGRAM.id,
      })),
    },
  };
}

const signRdfc = (doc, key) => sign(doc, {suiteName: 'eddsa-rdfc-2022', key});

export async function makeClrDocuments() {
  const college = await keyFromSeed(TEST_ONLY_SEED_COLLEGE);
  const bootcamp = await keyFromSeed(TEST_ONLY_SEED_BOOTCAMP);
  const badges = [];
  for(let i = 0; i < 3; i++) {
    badges.push(await signRdfc(badge(i, bootcamp), bootcamp));
  }
  const docs = [];
  const valid = await signRdfc(
    clr(college, badges, 'urn:uuid:c1a00000-0000-4000-8000-000000000001'), college);
  docs.push({name: 'clr-valid', doc: valid,
    expect: 'CLR verified; nested verified ×3'});

  const edited = structuredClone(badges);
  edited[1].name = 'Git & Collaboration, with honours (test only)';
  docs.push({name: 'clr-nested-bad-proof', doc: await signRdfc(
    clr(college, edited, 'urn:uuid:c1a00000-0000-4000-8000-000000000002'), college),
  expect: 'CLR verified; nested #2 invalid (its own proof), #1 and #3 verified'});

  const tampered = structuredClone(valid);
  tampered.credentialSubject.verifiableCredential[1].name =
    'Git & Collaboration, with honours (test only)';
  docs.push({name: 'clr-tampered', doc: tampered,
    expect: 'CLR invalid (its proof covers the nested text); nested #2 invalid'});

  // A nested badge signed by the college's key while naming the bootcamp as its issuer.
  const foreign = [badges[0], await signRdfc(badge(1, bootcamp), college), badges[2]];
  docs.push({name: 'clr-nested-wrong-key', doc: await signRdfc(
    clr(college, foreign, 'urn:uuid:c1a00000-0000-4000-8000-000000000003'), college),
  expect: 'CLR verified; nested #2 invalid (signed by a key that is not its issuer\'s)'});
  return {docs, college: college.did, bootcamp: bootcamp.did};
}

async function main() {
  const out = process.argv[2];
  if(!out) {
    console.error('usage: node tests/interop/clr.mjs OUT_DIR');
    process.exit(2);
  }
  fs.mkdirSync(out, {recursive: true});
  const {docs, college, bootcamp} = await makeClrDocuments();
  const verdicts = [];
  for(const {name, doc, expect} of docs) {
    const file = `${name}.json`;
    fs.writeFileSync(path.join(out, file), JSON.stringify(doc, null, 2) + '\n');
    const db = await dbVerdict(doc, {now: NOW});
    const nested = [];
    for(const n of doc.credentialSubject.verifiableCredential) {
      nested.push(await dbVerdict(n, {now: NOW}));
    }
    verdicts.push({file, name, expect, db, nested});
    const s = v => (v.verified ? 'verified' : `NOT verified: ${v.error}`);
    console.log(`${file.padEnd(28)} ${s(db)}`);
    nested.forEach((v, i) => console.log(`  nested #${i + 1}: ${s(v)}`));
  }
  const foreign = requested.filter(u => !u.startsWith('did:key:') &&
    !u.startsWith('https://'));
  if(foreign.length) {
    console.log('unexpected loader URLs:', foreign);
  }
  fs.writeFileSync(path.join(out, 'verdicts.json'), JSON.stringify({
    now: NOW, college, bootcamp, documents: verdicts,
  }, null, 2) + '\n');
}

await main();
