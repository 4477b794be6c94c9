import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DOSE_LIMITS,
  FIRST_STAGE,
  LAST_STAGE,
  STAGES,
  stageByNumber,
  withinLimits,
  type HoldDose,
  type TimedDose,
} from './stages.js';
import { EXERCISES } from './exercises.js';

// DOMAIN.md §3 3.15: ball roll 1-2 min per foot, 1-2x/day. §4 4.6: holds 5-10 s, 10-15 reps, 2-3 sets.
const ROLL = { minS: 60, maxS: 120, maxPerDay: 2 };
const HOLD = { minS: 5, maxS: 10, minReps: 10, maxReps: 15, minSets: 2, maxSets: 3 };
// §4 4.6 progression: sitting -> standing -> single-leg.
const POSITION_ORDER = ['sitting', 'standing', 'single-leg'];

test('Given DOSE_LIMITS, when compared with DOMAIN.md §3 3.15 and §4 4.6, then they are the top of each range', () => {
  assert.deepEqual(DOSE_LIMITS, {
    timed: { secondsPerFoot: ROLL.maxS, timesPerDay: ROLL.maxPerDay },
    holds: { holdSeconds: HOLD.maxS, reps: HOLD.maxReps, sets: HOLD.maxSets },
  });
});

test('Given the stages, when numbered, then they run 1..LAST_STAGE without gaps', () => {
  assert.equal(FIRST_STAGE, 1);
  assert.deepEqual(
    STAGES.map((s) => s.number),
    Array.from({ length: LAST_STAGE }, (_, i) => i + 1),
  );
  assert.ok(LAST_STAGE >= 2);
});

for (const stage of STAGES) {
  test(`Given stage ${stage.number} (${stage.name}), when its doses are checked, then each lies inside the DOMAIN.md range`, () => {
    assert.ok(stage.prescriptions.length > 0);
    for (const p of stage.prescriptions) {
      assert.ok(withinLimits(p.dose), `${p.exercise} within limits`);
      if (p.dose.kind === 'timed') {
        assert.equal(p.exercise, 'ball-roll');
        assert.ok(p.dose.secondsPerFoot >= ROLL.minS && p.dose.secondsPerFoot <= ROLL.maxS);
        assert.ok(p.dose.timesPerDay >= 1 && p.dose.timesPerDay <= ROLL.maxPerDay);
      } else {
        assert.equal(p.exercise, 'pinky-toe-lift');
        assert.ok(p.dose.holdSeconds >= HOLD.minS && p.dose.holdSeconds <= HOLD.maxS);
        assert.ok(p.dose.reps >= HOLD.minReps && p.dose.reps <= HOLD.maxReps);
        assert.ok(p.dose.sets >= HOLD.minSets && p.dose.sets <= HOLD.maxSets);
      }
      assert.ok(
        (EXERCISES[p.exercise].steps[p.position] ?? []).length > 0,
        `${p.exercise} has steps for ${p.position}`,
      );
    }
  });
}

test('Given consecutive stages, when the position of each drill is compared, then it never goes back (sitting -> standing -> single-leg)', () => {
  for (let i = 1; i < STAGES.length; i++) {
    for (const p of STAGES[i]!.prescriptions) {
      const before = STAGES[i - 1]!.prescriptions.find((q) => q.exercise === p.exercise);
      if (!before) continue;
      assert.ok(
        POSITION_ORDER.indexOf(p.position) >= POSITION_ORDER.indexOf(before.position),
        `${p.exercise} at stage ${i + 1}`,
      );
    }
  }
});

test('Given stage 1, when read, then it is a gentle start: one sitting ball roll of 1 min per foot, once a day', () => {
  assert.deepEqual(STAGES[0]!.prescriptions, [
    { exercise: 'ball-roll', position: 'sitting', dose: { kind: 'timed', secondsPerFoot: 60, timesPerDay: 1 } },
  ]);
});

const byNumber: [number, number][] = [
  [1, 1],
  [3, 3],
  [LAST_STAGE, LAST_STAGE],
  [0, 1],
  [-3, 1],
  [LAST_STAGE + 1, LAST_STAGE],
  [99, LAST_STAGE],
  [2.4, 2],
  [2.6, 3],
  [0.4, 1],
  [Number.NaN, 1],
  [Number.POSITIVE_INFINITY, LAST_STAGE],
  [Number.NEGATIVE_INFINITY, 1],
];
for (const [n, expected] of byNumber) {
  test(`Given stage number ${n}, when looked up, then stage ${expected} is returned (clamped, never below 1)`, () => {
    assert.equal(stageByNumber(n).number, expected);
  });
}

const timed = (secondsPerFoot: number, timesPerDay: number): TimedDose => ({
  kind: 'timed',
  secondsPerFoot,
  timesPerDay,
});
const holds = (holdSeconds: number, reps: number, sets: number): HoldDose => ({
  kind: 'holds',
  holdSeconds,
  reps,
  sets,
  restSeconds: 60,
  perFoot: false,
});
const limitCases: [string, TimedDose | HoldDose, boolean][] = [
  ['ball roll at 120 s x 2', timed(120, 2), true],
  ['ball roll at 121 s', timed(121, 1), false],
  ['ball roll 3 times a day', timed(60, 3), false],
  ['holds at 10 s x 15 x 3', holds(10, 15, 3), true],
  ['holds of 11 s', holds(11, 10, 2), false],
  ['16 reps', holds(5, 16, 2), false],
  ['4 sets', holds(5, 10, 4), false],
];
for (const [name, dose, expected] of limitCases) {
  test(`Given a dose of ${name}, when checked against the limits, then it is ${expected ? 'within' : 'over'}`, () => {
    assert.equal(withinLimits(dose), expected);
  });
}

test('Property: for any stage number, the stage returned is 1..LAST_STAGE and all its doses are within the limits', () => {
  const anyNumber = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double());
  fc.assert(
    fc.property(anyNumber, (n) => {
      const s = stageByNumber(n);
      assert.ok(s.number >= 1 && s.number <= LAST_STAGE);
      for (const p of s.prescriptions) {
        const d = p.dose;
        // Checked field by field against the hand-typed DOMAIN.md maxima, not only through withinLimits.
        if (d.kind === 'timed') assert.ok(d.secondsPerFoot <= ROLL.maxS && d.timesPerDay <= ROLL.maxPerDay);
        else assert.ok(d.holdSeconds <= HOLD.maxS && d.reps <= HOLD.maxReps && d.sets <= HOLD.maxSets);
        assert.ok(withinLimits(d));
      }
    }),
    { numRuns: 200 },
  );
});
