import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeDose, todayPlan, type TodayPlan } from './plan.js';
import {
  PRECAUTION_QUESTIONS,
  RED_FLAG_QUESTIONS,
  URGENCY_ADVICE,
  evaluateScreen,
  type ExerciseExclusion,
  type ScreenAnswers,
  type ScreenResult,
} from './red-flags.js';
import { DOSE_LIMITS, LAST_STAGE, stageByNumber, withinLimits } from './stages.js';
import type { ClinicianWalkingSetting, WalkingTarget } from './walking-target.js';
import { NEW_PERSON_WALKING } from '../../test/helpers/walking-target-fixture.js';

const allIds = [...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => q.id);
const redIds = RED_FLAG_QUESTIONS.map((q) => q.id);
function screen(yes: string[] = []): ScreenResult {
  const { result } = evaluateScreen(Object.fromEntries(allIds.map((id) => [id, yes.includes(id)])));
  assert.ok(result);
  return result;
}
const provisionalWalk = NEW_PERSON_WALKING;
const stepWalk: WalkingTarget = {
  steps: 5500,
  minutes: 24,
  provisional: false,
  baselineSteps: 5000,
  baselineMinutes: 22,
  basis: 'Baseline +10%.',
  basisText: {
    id: 'walking-basis.provisional',
    params: { from: '2024-01-01', to: '2024-01-07', days: 7, withData: 7, needDays: 3, startMinutes: 10 },
  },
  window: { from: '2024-01-01', to: '2024-01-07', daysWithData: 7 },
  clinician: null,
};

type Active = Extract<TodayPlan, { status: 'active' }>;
function active(plan: TodayPlan): Active {
  assert.equal(plan.status, 'active');
  return plan as Active;
}
const summary = (plan: Active) => plan.items.map((i) => [i.exercise, i.position, i.doseText]);

test('Given no safety screen yet, when planning today, then the plan asks for the screen and nothing else', () => {
  assert.deepEqual(todayPlan({ screen: null, stage: 2, walking: stepWalk }), { status: 'needs-screen' });
});

test('Given a screen with a DVT flag and a hot joint, when planning today, then it is stopped with same-day advice, both concerns, no items', () => {
  const plan = todayPlan({ screen: screen(['dvt', 'hot-joint']), stage: 3, walking: stepWalk });
  assert.deepEqual(plan, {
    status: 'stopped',
    urgency: 'same_day',
    advice: URGENCY_ADVICE.same_day,
    concerns: ['a blood clot in the leg', 'an infection or inflammation in a joint'],
  });
});

test('Given two cauda-equina flags with the same concern, when planning today, then the concern is listed once with emergency advice', () => {
  const plan = todayPlan({ screen: screen(['ce-bladder', 'ce-saddle']), stage: 1, walking: stepWalk });
  assert.equal(plan.status, 'stopped');
  assert.ok(plan.status === 'stopped');
  assert.equal(plan.urgency, 'emergency');
  assert.equal(plan.concerns.length, 1);
});

// Doses from stages.ts stage by stage, written out in words by hand.
const activeCases: [string, number, WalkingTarget, string[][]][] = [
  [
    'stage 1, provisional walking',
    1,
    provisionalWalk,
    [
      ['walk', 'walking', '10 min today'],
      ['ball-roll', 'sitting', '1 min per foot, once today'],
    ],
  ],
  [
    'stage 2, a step target',
    2,
    stepWalk,
    [
      ['walk', 'walking', '5,500 steps (about 24 min) today'],
      ['ball-roll', 'sitting', '2 min per foot, once today'],
      ['pinky-toe-lift', 'sitting', '2 sets of 10, hold 5 s'],
    ],
  ],
  [
    'stage 3',
    3,
    stepWalk,
    [
      ['walk', 'walking', '5,500 steps (about 24 min) today'],
      ['ball-roll', 'sitting', '2 min per foot, 2 times today'],
      ['pinky-toe-lift', 'sitting', '3 sets of 15, hold 10 s'],
    ],
  ],
  [
    'stage 4',
    4,
    stepWalk,
    [
      ['walk', 'walking', '5,500 steps (about 24 min) today'],
      ['ball-roll', 'standing', '2 min per foot, 2 times today'],
      ['pinky-toe-lift', 'standing', '2 sets of 10, hold 5 s'],
    ],
  ],
  [
    'stage 5',
    5,
    stepWalk,
    [
      ['walk', 'walking', '5,500 steps (about 24 min) today'],
      ['ball-roll', 'standing', '2 min per foot, 2 times today'],
      ['pinky-toe-lift', 'single-leg', '2 sets of 10, hold 5 s, each foot'],
    ],
  ],
  [
    'a stage number past the end (clamped to the last)',
    9,
    stepWalk,
    [
      ['walk', 'walking', '5,500 steps (about 24 min) today'],
      ['ball-roll', 'standing', '2 min per foot, 2 times today'],
      ['pinky-toe-lift', 'single-leg', '2 sets of 10, hold 5 s, each foot'],
    ],
  ],
];
for (const [name, stage, walking, expected] of activeCases) {
  test(`Given a clear screen and ${name}, when planning today, then the items are walk first, then the stage's drills`, () => {
    const plan = active(todayPlan({ screen: screen(), stage, walking }));
    assert.deepEqual(summary(plan), expected);
    assert.deepEqual(plan.excluded, []);
    assert.equal(plan.stage.number, Math.min(stage, LAST_STAGE));
    for (const item of plan.items) assert.ok(item.steps.length > 0 && item.why.length > 0 && item.ifItHurts.length > 0);
    assert.deepEqual(plan.items[0]!.dose, {
      kind: 'walk',
      minutes: walking.minutes,
      steps: walking.steps,
      provisional: walking.provisional,
      basis: walking.basis,
      clinician: null,
    });
  });
}

// DOMAIN.md §3 3.15 / §6 foot: precautions take ball rolling and/or barefoot toe drills out of the plan.
const exclusionCases: [string, string[], number, ExerciseExclusion[], string[], string[]][] = [
  ['diabetes or numb feet at stage 3', ['diabetes-neuropathy'], 3, [], ['walk'], ['ball-roll', 'pinky-toe-lift']],
  ['blood thinners at stage 3', ['blood-thinners'], 3, [], ['walk', 'pinky-toe-lift'], ['ball-roll']],
  ['a sole wound at stage 1', ['sole-wound'], 1, [], ['walk'], ['ball-roll']],
  [
    'diabetes at stage 2, ball rolling cleared by a clinician',
    ['diabetes-neuropathy'],
    2,
    ['ball-roll'],
    ['walk', 'ball-roll'],
    ['pinky-toe-lift'],
  ],
  [
    'diabetes at stage 2, everything cleared',
    ['diabetes-neuropathy'],
    2,
    ['ball-roll', 'toe-drills'],
    ['walk', 'ball-roll', 'pinky-toe-lift'],
    [],
  ],
];
for (const [name, yes, stage, cleared, items, excluded] of exclusionCases) {
  test(`Given ${name}, when planning today, then the plan has [${items.join(', ')}] and leaves out [${excluded.join(', ')}]`, () => {
    const plan = active(todayPlan({ screen: screen(yes), stage, walking: stepWalk, clearedExclusions: cleared }));
    assert.deepEqual(
      plan.items.map((i) => i.exercise),
      items,
    );
    assert.deepEqual(
      plan.excluded.map((e) => e.exercise),
      excluded,
    );
    for (const e of plan.excluded) assert.ok(e.reason.length > 0);
  });
}

test('Given exclusions cleared at the screen itself, when planning today, then the cleared drill is in the plan', () => {
  const { result } = evaluateScreen(Object.fromEntries(allIds.map((id) => [id, id === 'blood-thinners'])), [
    'ball-roll',
  ]);
  assert.ok(result);
  assert.deepEqual(
    active(todayPlan({ screen: result, stage: 1, walking: stepWalk })).items.map((i) => i.exercise),
    ['walk', 'ball-roll'],
  );
});

/** A clinician's walking setting (src/core/walking-override.ts) as the dose carries it. */
const byClinician = (kind: 'target' | 'cap', applied: boolean): ClinicianWalkingSetting => ({
  kind,
  steps: 5000,
  minutes: null,
  reason: 'Your knee needs a lighter week.',
  setBy: 'Dr Kim',
  setOn: '2026-11-03',
  applied,
  own: { steps: 4400, minutes: 44 },
  text: '',
});
const doseTexts: [Parameters<typeof describeDose>[0], string][] = [
  [
    { kind: 'walk', minutes: 50, steps: 5000, provisional: false, basis: '', clinician: byClinician('target', true) },
    '5,000 steps (about 50 min) today (set by your clinician)',
  ],
  [
    { kind: 'walk', minutes: 50, steps: 5000, provisional: false, basis: '', clinician: byClinician('cap', true) },
    '5,000 steps (about 50 min) today (capped by your clinician)',
  ],
  // A cap above the person's own target changes nothing, and the dose says nothing of it.
  [
    { kind: 'walk', minutes: 44, steps: 4400, provisional: false, basis: '', clinician: byClinician('cap', false) },
    '4,400 steps (about 44 min) today',
  ],
  [{ kind: 'walk', minutes: 15, steps: null, provisional: true, basis: '', clinician: null }, '15 min today'],
  [
    { kind: 'walk', minutes: 40, steps: 10_000, provisional: false, basis: '', clinician: null },
    '10,000 steps (about 40 min) today',
  ],
  [{ kind: 'timed', secondsPerFoot: 90, timesPerDay: 1 }, '90 s per foot, once today'],
  [{ kind: 'timed', secondsPerFoot: 60, timesPerDay: 2 }, '1 min per foot, 2 times today'],
  [
    { kind: 'holds', holdSeconds: 8, reps: 12, sets: 3, restSeconds: 60, perFoot: true },
    '3 sets of 12, hold 8 s, each foot',
  ],
];
for (const [dose, text] of doseTexts) {
  test(`Given a ${dose.kind} dose, when described, then it reads "${text}"`, () => {
    assert.equal(describeDose(dose), text);
  });
}

// --- properties ---

const answers = fc
  .array(fc.boolean(), { minLength: allIds.length, maxLength: allIds.length })
  .map((bs) => Object.fromEntries(allIds.map((id, i) => [id, bs[i]!])) as ScreenAnswers);
const exclusionList = fc.subarray<ExerciseExclusion>(['ball-roll', 'toe-drills']);
const anyScreen = fc.tuple(answers, exclusionList).map(([a, cleared]) => evaluateScreen(a, cleared).result!);
const anyStage = fc.oneof(fc.integer({ min: -5, max: LAST_STAGE + 5 }), fc.double());
const anyWalking = fc
  .record({
    steps: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: null }),
    minutes: fc.integer({ min: 0, max: 300 }),
    provisional: fc.boolean(),
    baselineSteps: fc.option(fc.double({ min: 0, max: 30_000, noNaN: true }), { nil: null }),
    baselineMinutes: fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { nil: null }),
    basis: fc.string(),
  })
  .map((w): WalkingTarget => ({
    ...w,
    basisText: stepWalk.basisText,
    window: { from: '2024-01-01', to: '2024-01-07', daysWithData: 7 },
    clinician: null,
  }));

test('Property: a plan never exceeds the dose limits of its stage, for any stage number, screen and walking target', () => {
  fc.assert(
    fc.property(anyScreen, anyStage, anyWalking, exclusionList, (s, stage, walking, cleared) => {
      const plan = todayPlan({ screen: s, stage, walking, clearedExclusions: cleared });
      if (s.status === 'stop') {
        assert.equal(plan.status, 'stopped');
        return;
      }
      const p = active(plan);
      const expectedStage = stageByNumber(stage);
      assert.equal(p.stage.number, expectedStage.number);
      for (const item of p.items) {
        const dose = item.dose;
        if (dose.kind === 'walk') {
          assert.equal(item.exercise, 'walk');
          continue;
        }
        assert.ok(withinLimits(dose));
        if (dose.kind === 'timed')
          assert.ok(
            dose.secondsPerFoot <= DOSE_LIMITS.timed.secondsPerFoot &&
              dose.timesPerDay <= DOSE_LIMITS.timed.timesPerDay,
          );
        else
          assert.ok(
            dose.holdSeconds <= DOSE_LIMITS.holds.holdSeconds &&
              dose.reps <= DOSE_LIMITS.holds.reps &&
              dose.sets <= DOSE_LIMITS.holds.sets,
          );
        // Never a dose the stage does not prescribe.
        assert.ok(
          expectedStage.prescriptions.some(
            (q) =>
              q.exercise === item.exercise &&
              q.position === item.position &&
              JSON.stringify(q.dose) === JSON.stringify(dose),
          ),
        );
      }
      // Everything the stage prescribes is either in the plan or listed as excluded, never both.
      const inPlan = p.items.filter((i) => i.exercise !== 'walk').map((i) => i.exercise);
      const out = p.excluded.map((e) => e.exercise);
      assert.deepEqual([...inPlan, ...out].sort(), expectedStage.prescriptions.map((q) => q.exercise).sort());
      // An exclusion that stands (not cleared) keeps its exercise out.
      const standing = s.exclusions.filter((e) => !cleared.includes(e));
      if (standing.includes('ball-roll')) assert.ok(!inPlan.includes('ball-roll'));
      if (standing.includes('toe-drills')) assert.ok(!inPlan.includes('pinky-toe-lift'));
    }),
    { numRuns: 200 },
  );
});

test('Property: with any red flag answered yes, the plan is stopped and has no items', () => {
  const withFlag = fc.tuple(answers, fc.constantFrom(...redIds)).map(([a, id]) => ({ ...a, [id]: true }));
  fc.assert(
    fc.property(withFlag, anyStage, anyWalking, (a, stage, walking) => {
      const { result } = evaluateScreen(a);
      assert.ok(result);
      const plan = todayPlan({ screen: result, stage, walking });
      assert.equal(plan.status, 'stopped');
      assert.ok(!('items' in plan));
      assert.ok(plan.status === 'stopped' && plan.advice.length > 0 && plan.concerns.length > 0);
    }),
    { numRuns: 200 },
  );
});

test('Property: a clinician dose override never takes a dose past its stage limits', async () => {
  const { applyDoseOverride } = await import('./plan.js');
  const { STAGES, withinLimits } = await import('./stages.js');
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: STAGES.length }),
      fc.record(
        {
          secondsPerFoot: fc.integer({ min: 0, max: 600 }),
          timesPerDay: fc.integer({ min: 0, max: 5 }),
          holdSeconds: fc.integer({ min: 0, max: 60 }),
          reps: fc.integer({ min: 0, max: 50 }),
          sets: fc.integer({ min: 0, max: 10 }),
        },
        { requiredKeys: [] },
      ),
      (n, override) => {
        for (const p of STAGES[n - 1]!.prescriptions) assert.ok(withinLimits(applyDoseOverride(p.dose, override).dose));
      },
    ),
    { numRuns: 300 },
  );
});
