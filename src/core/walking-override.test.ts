import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyWalkingOverride,
  newWalkingOverride,
  WalkingOverride,
  WalkingOverrideInput,
  type WalkingOverride as Override,
} from './walking-override.js';
import type { WalkingTarget } from './walking-target.js';

/** A computed target (only the figures matter here). */
const own = (steps: number | null, minutes: number, provisional = false): WalkingTarget => ({
  steps,
  minutes,
  provisional,
  baselineSteps: steps,
  baselineMinutes: null,
  basis: 'From your own days.',
  basisText: {
    id: 'walking-basis.provisional',
    params: { from: '2026-10-27', to: '2026-11-02', days: 7, withData: 7, needDays: 3, startMinutes: 10 },
  },
  window: { from: '2026-10-27', to: '2026-11-02', daysWithData: 7 },
  clinician: null,
});
const by = (o: { kind: 'target' | 'cap'; steps?: number; minutes?: number }): Override =>
  newWalkingOverride({ ...o, reason: 'Your knee needs an easier week.' }, 'Dr Kim', '2026-11-03');

// --- applying it, hand-computed ---

const STEPS_4400 = own(4400, 44); // a step baseline without minutes: 4400 steps take about 44 min (100 steps/min)
const BOTH = own(8800, 30); // 8800 steps and the 30-minute goal
const MINUTES_22 = own(null, 22);
const cases: [string, WalkingTarget, Override, { steps: number | null; minutes: number; applied: boolean }][] = [
  [
    'a target of 6000 steps replaces 4400 (minutes at its pace: 6000 x 44 / 4400 = 60)',
    STEPS_4400,
    by({ kind: 'target', steps: 6000 }),
    { steps: 6000, minutes: 60, applied: true },
  ],
  [
    'a target of 30 minutes replaces 4400 steps (the target is in minutes)',
    STEPS_4400,
    by({ kind: 'target', minutes: 30 }),
    { steps: null, minutes: 30, applied: true },
  ],
  [
    'a target of 6000 steps on a minutes target (about 60 min at 100 steps/min)',
    MINUTES_22,
    by({ kind: 'target', steps: 6000 }),
    { steps: 6000, minutes: 60, applied: true },
  ],
  [
    'a target lower than the own one still replaces it',
    STEPS_4400,
    by({ kind: 'target', steps: 2000 }),
    { steps: 2000, minutes: 20, applied: true },
  ],
  [
    'a cap of 5000 steps lowers 8800 (minutes 5000 x 30 / 8800 = 17.05 -> 17)',
    BOTH,
    by({ kind: 'cap', steps: 5000 }),
    { steps: 5000, minutes: 17, applied: true },
  ],
  [
    'a cap of 5000 steps above 4400 changes nothing',
    STEPS_4400,
    by({ kind: 'cap', steps: 5000 }),
    { steps: 4400, minutes: 44, applied: false },
  ],
  [
    'a cap of 4400 steps equal to the target changes nothing',
    STEPS_4400,
    by({ kind: 'cap', steps: 4400 }),
    { steps: 4400, minutes: 44, applied: false },
  ],
  [
    'a cap of 1500 steps on a 22-minute target (1500 / 100 = 15 min)',
    MINUTES_22,
    by({ kind: 'cap', steps: 1500 }),
    { steps: null, minutes: 15, applied: true },
  ],
  [
    'a cap of 20 minutes lowers 8800 steps / 30 min (8800 x 20 / 30 = 5866.7 -> 5870)',
    BOTH,
    by({ kind: 'cap', minutes: 20 }),
    { steps: 5870, minutes: 20, applied: true },
  ],
  [
    'a cap of 30 minutes on a 30-minute target changes nothing',
    BOTH,
    by({ kind: 'cap', minutes: 30 }),
    { steps: 8800, minutes: 30, applied: false },
  ],
  [
    'a cap of 15 minutes on a 22-minute target',
    MINUTES_22,
    by({ kind: 'cap', minutes: 15 }),
    { steps: null, minutes: 15, applied: true },
  ],
];
for (const [name, target, o, expected] of cases) {
  test(`Given ${name}, when applied, then the target is ${expected.steps ?? '-'} steps / ${expected.minutes} min`, () => {
    const t = applyWalkingOverride(target, o);
    assert.deepEqual({ steps: t.steps, minutes: t.minutes, applied: t.clinician?.applied }, expected);
    assert.equal(t.basis, target.basis, 'where the own number comes from is still said');
    assert.deepEqual(t.clinician?.own, { steps: target.steps, minutes: target.minutes });
    assert.deepEqual(
      [t.clinician?.reason, t.clinician?.setBy, t.clinician?.setOn],
      ['Your knee needs an easier week.', 'Dr Kim', '2026-11-03'],
    );
  });
}

test('Given no clinician setting, when applied, then the target is unchanged', () => {
  assert.deepEqual(applyWalkingOverride(STEPS_4400, null), STEPS_4400);
});

test('Given a provisional target, when a clinician sets a target, then it is no longer provisional; a cap keeps it provisional', () => {
  assert.equal(applyWalkingOverride(own(null, 10, true), by({ kind: 'target', minutes: 15 })).provisional, false);
  const capped = applyWalkingOverride(own(null, 10, true), by({ kind: 'cap', minutes: 8 }));
  assert.deepEqual([capped.provisional, capped.minutes], [true, 8]);
});

const texts: [Override, WalkingTarget, string][] = [
  [
    by({ kind: 'target', steps: 6000 }),
    STEPS_4400,
    'Dr Kim set your walking target to 6,000 steps a day on 3 Nov. From your own recent days it would be 4,400 steps.',
  ],
  [
    by({ kind: 'cap', minutes: 20 }),
    BOTH,
    'Dr Kim capped your walking target at 20 minutes a day on 3 Nov. From your own recent days it would be 8,800 steps.',
  ],
  [
    by({ kind: 'cap', steps: 5000 }),
    STEPS_4400,
    'Dr Kim capped your walking target at 5,000 steps a day on 3 Nov; your own target is not above that, so it stands.',
  ],
];
for (const [o, target, text] of texts) {
  test(`Given a ${o.kind} of ${o.steps ?? o.minutes}, when applied, then the patient reads who set it and when: "${text}"`, () => {
    assert.equal(applyWalkingOverride(target, o).clinician?.text, text);
  });
}

// --- the input: one figure within bounds, a plain-text reason ---

const reason = 'Your knee is sore after long walks.';
const accepted: [string, unknown][] = [
  ['a cap in steps', { kind: 'cap', steps: 5000, reason }],
  ['a target in minutes', { kind: 'target', minutes: 25, reason }],
  ['the fewest steps (100)', { kind: 'cap', steps: 100, reason }],
  ['30,000 steps', { kind: 'target', steps: 30_000, reason }],
  ['1 minute', { kind: 'cap', minutes: 1, reason }],
  ['180 minutes', { kind: 'target', minutes: 180, reason }],
  ['a reason on two lines', { kind: 'cap', steps: 5000, reason: 'Sore knee.\nWe look again next week.' }],
  ['a reason of 500 characters', { kind: 'cap', steps: 5000, reason: 'x'.repeat(500) }],
];
for (const [name, body] of accepted) {
  test(`Given ${name}, when the input is checked, then it is accepted`, () => {
    assert.equal(WalkingOverrideInput.safeParse(body).success, true);
  });
}

const refused: [string, unknown, string][] = [
  ['both steps and minutes', { kind: 'cap', steps: 5000, minutes: 30, reason }, 'steps'],
  ['neither steps nor minutes', { kind: 'cap', reason }, 'steps'],
  ['99 steps', { kind: 'cap', steps: 99, reason }, 'steps'],
  ['30,001 steps', { kind: 'cap', steps: 30_001, reason }, 'steps'],
  ['a fraction of a step', { kind: 'cap', steps: 5000.5, reason }, 'steps'],
  ['0 minutes', { kind: 'target', minutes: 0, reason }, 'minutes'],
  ['181 minutes', { kind: 'target', minutes: 181, reason }, 'minutes'],
  ['no reason', { kind: 'cap', steps: 5000 }, 'reason'],
  ['a reason of 2 characters after trimming', { kind: 'cap', steps: 5000, reason: '  ok  ' }, 'reason'],
  ['a reason of 501 characters', { kind: 'cap', steps: 5000, reason: 'x'.repeat(501) }, 'reason'],
  ['a reason with a control character', { kind: 'cap', steps: 5000, reason: 'Sore knee\u0007' }, 'reason'],
  ['another kind', { kind: 'floor', steps: 5000, reason }, 'kind'],
  ['an unknown field', { kind: 'cap', steps: 5000, reason, setBy: 'Someone else' }, ''],
];
for (const [name, body, field] of refused) {
  test(`Given ${name}, when the input is checked, then it is refused at "${field}"`, () => {
    const r = WalkingOverrideInput.safeParse(body);
    assert.equal(r.success, false);
    assert.equal(r.error!.issues[0]!.path.join('.'), field);
  });
}

test('Given the input, when stored, then the record carries its version, who set it and the date, and reads back the same', () => {
  const o = newWalkingOverride({ kind: 'cap', steps: 5000, reason: '  Sore knee.  ' }, 'Dr Kim', '2026-11-03');
  assert.deepEqual(o, {
    version: 1,
    kind: 'cap',
    steps: 5000,
    reason: 'Sore knee.',
    setBy: 'Dr Kim',
    setOn: '2026-11-03',
  });
  assert.deepEqual(WalkingOverride.parse(JSON.parse(JSON.stringify(o))), o);
  assert.equal(WalkingOverride.safeParse({ ...o, version: 2 }).success, false);
  assert.equal(WalkingOverride.safeParse({ ...o, setOn: '2026-02-30' }).success, false);
});

// --- properties ---

const ownTarget = fc
  .record({
    steps: fc.option(
      fc.integer({ min: 1, max: 3000 }).map((n) => n * 10),
      { nil: null },
    ),
    minutes: fc.integer({ min: 1, max: 180 }),
    provisional: fc.boolean(),
  })
  .map((t) => own(t.steps, t.minutes, t.provisional));
const figure = fc.oneof(
  fc.integer({ min: 100, max: 30_000 }).map((steps) => ({ steps })),
  fc.integer({ min: 1, max: 180 }).map((minutes) => ({ minutes })),
);

test("Property: with a cap the target is min(own target, cap) in the cap's unit; with a set target it is the set figure", () => {
  fc.assert(
    fc.property(ownTarget, figure, fc.constantFrom<'target' | 'cap'>('target', 'cap'), (t, f, kind) => {
      const r = applyWalkingOverride(t, by({ kind, ...f }));
      if (kind === 'target') {
        if ('steps' in f) assert.equal(r.steps, f.steps);
        else assert.deepEqual([r.steps, r.minutes], [null, f.minutes]);
        assert.equal(r.clinician!.applied, true);
        return;
      }
      if ('minutes' in f) assert.equal(r.minutes, Math.min(t.minutes, f.minutes));
      else if (t.steps !== null) assert.equal(r.steps, Math.min(t.steps, f.steps));
      else assert.ok(r.minutes <= t.minutes);
      // A cap never raises either figure.
      assert.ok(r.minutes <= t.minutes);
      if (t.steps !== null) assert.ok(r.steps! <= t.steps);
      assert.equal(r.clinician!.applied, r.minutes !== t.minutes || r.steps !== t.steps);
    }),
    { numRuns: 500 },
  );
});
