import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  PRECAUTION_QUESTIONS,
  RED_FLAG_QUESTIONS,
  URGENCY_ADVICE,
  evaluateScreen,
  mostUrgent,
  type ExerciseExclusion,
  type ScreenAnswers,
  type Urgency,
} from './red-flags.js';

const redIds = RED_FLAG_QUESTIONS.map((q) => q.id);
const precautionIds = PRECAUTION_QUESTIONS.map((q) => q.id);
const allIds = [...redIds, ...precautionIds];

/** Every question answered "no", with some answered "yes". */
function answers(yes: readonly string[] = []): ScreenAnswers {
  return Object.fromEntries(allIds.map((id) => [id, yes.includes(id)]));
}
/** Rank by hand, most urgent first (DOMAIN.md §6: ED now > same day > within 1 working day > urgent > routine). */
const RANK: Record<Urgency, number> = { emergency: 0, same_day: 1, within_1_working_day: 2, urgent: 3, routine: 4 };

test('Given every question answered "no", when scored, then the screen is clear with no exclusions', () => {
  const { problems, result } = evaluateScreen(answers());
  assert.deepEqual(problems, []);
  assert.deepEqual(result, { status: 'clear', exclusions: [], precautions: [] });
});

for (const id of allIds) {
  test(`Given the answer to "${id}" is missing, when scored, then there is no result and one problem naming "${id}"`, () => {
    const a = answers();
    delete a[id];
    const { problems, result } = evaluateScreen(a);
    assert.equal(result, null);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'unanswered');
    assert.equal(problems[0]!.field, id);
    assert.ok(problems[0]!.message.length > 0);
  });
}

test('Given an empty answer set, when scored, then every question is named as unanswered', () => {
  const { problems, result } = evaluateScreen({});
  assert.equal(result, null);
  assert.deepEqual(problems.map((p) => p.field).sort(), [...allIds].sort());
  assert.ok(problems.every((p) => p.code === 'unanswered'));
});

test('Given an answer that is not a boolean, when scored, then that question is reported (a "yes" string is not an answer)', () => {
  const a = answers() as Record<string, unknown>;
  a['fever'] = 'yes';
  const { problems, result } = evaluateScreen(a as ScreenAnswers);
  assert.equal(result, null);
  assert.deepEqual(
    problems.map((p) => [p.code, p.field]),
    [['unanswered', 'fever']],
  );
});

for (const unknown of ['not-a-question', 'constructor', '__proto__x']) {
  test(`Given an unknown question id "${unknown}", when scored, then it is rejected with a problem naming it`, () => {
    const { problems, result } = evaluateScreen({ ...answers(), [unknown]: false });
    assert.equal(result, null);
    assert.deepEqual(
      problems.map((p) => [p.code, p.field]),
      [['unknown_question', unknown]],
    );
  });
}

test('Given parsed JSON with a "__proto__" key, when scored, then it is rejected as an unknown question', () => {
  const a = JSON.parse(`{${allIds.map((id) => `"${id}":false`).join(',')},"__proto__":true}`) as ScreenAnswers;
  const { problems, result } = evaluateScreen(a);
  assert.equal(result, null);
  assert.deepEqual(
    problems.map((p) => [p.code, p.field]),
    [['unknown_question', '__proto__']],
  );
});

// Urgency of each red flag, typed by hand from the "App action" columns of DOMAIN.md §6.
const expectedUrgency: Record<string, Urgency> = {
  'ce-bladder': 'emergency',
  'ce-bowel': 'emergency',
  'ce-saddle': 'emergency',
  'ce-sexual': 'emergency',
  'ce-both-legs': 'emergency', // cauda equina: emergency, same day (ED)
  'neuro-worsening': 'urgent', // progressive neuro deficit: urgent
  'cancer-history': 'urgent',
  'weight-loss': 'urgent',
  'night-pain': 'urgent', // malignancy: urgent review
  fever: 'same_day', // infection: same day if systemically unwell
  'infection-risk': 'urgent', // infection risk without feeling unwell: urgent
  trauma: 'urgent', // fracture: urgent imaging referral
  inflammatory: 'routine', // axial SpA: routine referral
  'neck-arterial': 'emergency', // cervical arterial dysfunction (IFOMPT): no delay
  'neck-myelopathy': 'urgent',
  'neck-trauma': 'same_day',
  'diabetic-foot': 'within_1_working_day', // NICE NG19: within 1 working day
  dvt: 'same_day', // same-day medical assessment
  ottawa: 'same_day', // "see a clinician today"
  'stress-fracture': 'urgent', // stop loading and refer
  'hot-joint': 'same_day', // urgent or routine referral; Footing takes the safer same-day end
};

test('Given the red-flag list, when compared with the hand table, then no question was added or dropped unseen', () => {
  assert.deepEqual([...redIds].sort(), Object.keys(expectedUrgency).sort());
  assert.equal(new Set(allIds).size, allIds.length, 'question ids are unique');
});

for (const [id, urgency] of Object.entries(expectedUrgency)) {
  test(`Given only "${id}" answered yes, when scored, then the program stops with ${urgency} advice`, () => {
    const { problems, result } = evaluateScreen(answers([id]));
    assert.deepEqual(problems, []);
    assert.ok(result && result.status === 'stop');
    assert.equal(result.urgency, urgency);
    assert.equal(result.advice, URGENCY_ADVICE[urgency]);
    assert.deepEqual(
      result.flags.map((f) => f.id),
      [id],
    );
  });
}

const combos: [string[], Urgency][] = [
  [['fever', 'ce-bladder'], 'emergency'],
  [['inflammatory', 'dvt'], 'same_day'],
  [['inflammatory', 'stress-fracture'], 'urgent'],
  [['diabetic-foot', 'inflammatory'], 'within_1_working_day'],
  [['diabetic-foot', 'dvt'], 'same_day'],
  [['weight-loss', 'night-pain', 'neck-arterial'], 'emergency'],
];
for (const [yes, urgency] of combos) {
  test(`Given yes to ${yes.join(' + ')}, when scored, then the most urgent advice (${urgency}) is given and every flag is listed`, () => {
    const { result } = evaluateScreen(answers(yes));
    assert.ok(result && result.status === 'stop');
    assert.equal(result.urgency, urgency);
    assert.equal(result.advice, URGENCY_ADVICE[urgency]);
    assert.deepEqual(result.flags.map((f) => f.id).sort(), [...yes].sort());
  });
}

// DOMAIN.md §3 3.15 and §6 foot: no ball rolling with anticoagulation and bruising; no rolling and no barefoot drills
// with diabetes/neuropathy or an open wound.
const precautionCases: [string[], ExerciseExclusion[], ExerciseExclusion[]][] = [
  [['diabetes-neuropathy'], [], ['ball-roll', 'toe-drills']],
  [['blood-thinners'], [], ['ball-roll']],
  [['sole-wound'], [], ['ball-roll', 'toe-drills']],
  [['blood-thinners', 'sole-wound'], [], ['ball-roll', 'toe-drills']],
  [['diabetes-neuropathy'], ['ball-roll'], ['toe-drills']],
  [['diabetes-neuropathy'], ['ball-roll', 'toe-drills'], []],
  [['blood-thinners'], ['toe-drills'], ['ball-roll']],
];
for (const [yes, cleared, excluded] of precautionCases) {
  test(`Given precautions ${yes.join(' + ')} and cleared [${cleared.join(', ')}], when scored, then the screen is clear and excludes [${excluded.join(', ')}]`, () => {
    const { result } = evaluateScreen(answers(yes), cleared);
    assert.ok(result && result.status === 'clear');
    assert.deepEqual([...result.exclusions].sort(), excluded);
    assert.equal(result.precautions.length, yes.length, 'one reason per precaution answered yes');
  });
}

test('Given a red flag and a precaution, when scored, then it stops and still reports the exclusions', () => {
  const { result } = evaluateScreen(answers(['dvt', 'blood-thinners']));
  assert.ok(result && result.status === 'stop');
  assert.deepEqual(result.exclusions, ['ball-roll']);
});

const urgencyCases: [Urgency[], Urgency][] = [
  [[], 'routine'],
  [['routine'], 'routine'],
  [['urgent', 'routine'], 'urgent'],
  [['routine', 'within_1_working_day', 'urgent'], 'within_1_working_day'],
  [['urgent', 'same_day'], 'same_day'],
  [['same_day', 'emergency', 'routine'], 'emergency'],
];
for (const [list, expected] of urgencyCases) {
  test(`Given urgencies [${list.join(', ')}], when picking the most urgent, then it is ${expected}`, () => {
    assert.equal(mostUrgent(list), expected);
  });
}

test('Given the references each question cites, when looked up in DOMAIN.md, then every one exists', () => {
  const domain = readFileSync(new URL('../../../shared/DOMAIN.md', import.meta.url), 'utf8');
  const refs = domain.slice(domain.indexOf('## References'));
  for (const q of [...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS]) {
    for (const r of q.refs) assert.match(refs, new RegExp(`^${r}\\. `, 'm'), `${q.id} cites [${r}]`);
  }
});

const answerSets = fc
  .array(fc.boolean(), { minLength: allIds.length, maxLength: allIds.length })
  .map((bs) => Object.fromEntries(allIds.map((id, i) => [id, bs[i]!])) as ScreenAnswers);

test('Property: any complete screen with at least one red flag "yes" stops, with the most urgent of the flags', () => {
  const withFlag = fc.tuple(answerSets, fc.constantFrom(...redIds)).map(([a, id]) => ({ ...a, [id]: true }));
  fc.assert(
    fc.property(withFlag, (a) => {
      const { problems, result } = evaluateScreen(a);
      assert.deepEqual(problems, []);
      assert.ok(result && result.status === 'stop');
      const yes = redIds.filter((id) => a[id]);
      const best = Math.min(...yes.map((id) => RANK[expectedUrgency[id]!]));
      assert.equal(RANK[result.urgency], best);
      assert.deepEqual(
        result.flags.map((f) => f.id),
        yes,
      );
    }),
    { numRuns: 200 },
  );
});

test('Property: a complete screen with every red flag "no" is clear', () => {
  const noFlag = answerSets.map((a) => ({ ...a, ...Object.fromEntries(redIds.map((id) => [id, false])) }));
  fc.assert(
    fc.property(noFlag, (a) => {
      assert.equal(evaluateScreen(a).result?.status, 'clear');
    }),
    { numRuns: 200 },
  );
});
