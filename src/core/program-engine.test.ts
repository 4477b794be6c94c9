import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  adherence,
  decideProgram,
  doneSessionDates,
  isDoneSession,
  painBaseline,
  weekVerdicts,
  type CheckinSummary,
  type ProgramAction,
  type ProgramInput,
} from './program-engine.js';
import type { CheckinContext } from './checkin-record.js';
import { LAST_STAGE, stageByNumber } from './stages.js';
import { addDays } from './dates.js';

const TODAY = '2024-03-15';
const d = (offset: number) => addDays(TODAY, offset); // offset in days from today, negative = before
const c = (offset: number, context: CheckinContext, maxPain: number): CheckinSummary => ({
  date: d(offset),
  context,
  maxPain,
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * A person who meets every requirement at stage 2 (worked out by hand):
 * program started 14 days ago; daily pain 4 in the first week, so the baseline is 4;
 * stage 2 started 7 days ago (7 days at stage); a session on each of the last 7 days (7/7 = 100%);
 * after-session pain 3 (<= 5); daily pain 4 the week before and 3 this week (not rising).
 */
function good(overrides: Partial<ProgramInput> = {}, extra: CheckinSummary[] = []): ProgramInput {
  return {
    today: TODAY,
    stage: 2,
    stageStartedOn: d(-7),
    programStartedOn: d(-14),
    redFlag: false,
    sessionDates: range(-6, 0).map(d),
    checkins: [
      ...range(-14, -7).map((o) => c(o, 'daily', 4)),
      ...range(-6, 0).map((o) => c(o, 'daily', 3)),
      ...range(-6, 0).map((o) => c(o, 'after', 3)),
      ...extra,
    ],
    prescribedPerWeek: 7,
    ...overrides,
  };
}
/** Replaces this week's daily check-ins. */
const thisWeekDaily =
  (pains: number[]) =>
  (input: ProgramInput): ProgramInput => ({
    ...input,
    checkins: [
      ...input.checkins.filter((x) => !(x.context === 'daily' && x.date >= d(-6))),
      ...pains.map((p, i) => c(-6 + i, 'daily', p)),
    ],
  });
const withoutAfter = (input: ProgramInput): ProgramInput => ({
  ...input,
  checkins: input.checkins.filter((x) => x.context !== 'after'),
});

interface Row {
  name: string;
  input: ProgramInput;
  action: ProgramAction;
  rules?: string[];
  unmet?: string[];
}
const rows: Row[] = [
  { name: 'every requirement met at stage 2', input: good(), action: 'progress', rules: ['all-met'], unmet: [] },
  // §6: any red flag stops, whatever else is true.
  { name: 'a red flag stands', input: good({ redFlag: true }), action: 'stop', rules: ['red-flag'] },
  {
    name: 'a red flag on stage 1 with high pain',
    input: good({ redFlag: true, stage: 1 }, [c(0, 'after', 9)]),
    action: 'stop',
    rules: ['red-flag'],
  },
  // §8 [46]: pain during activity above 5/10 -> reduce load.
  {
    name: 'after-session pain 6/10 yesterday',
    input: good({}, [c(-1, 'after', 6)]),
    action: 'regress',
    rules: ['activity-pain-high'],
  },
  { name: 'after-session pain exactly 5/10', input: good({}, [c(-1, 'after', 5)]), action: 'progress' },
  // §8 [39][5]: next-morning pain above baseline + 2 (4 + 2 = 6) -> regress.
  {
    name: 'daily pain 7 with a baseline of 4',
    input: good({}, [c(-2, 'daily', 7)]),
    action: 'regress',
    rules: ['morning-pain-rise'],
  },
  // 6 is not above 4 + 2; this week's mean (3x6 + 6)/7 = 3.43 is still below last week's 4.
  {
    name: 'daily pain 6, exactly baseline + 2',
    input: thisWeekDaily([3, 3, 3, 6, 3, 3, 3])(good()),
    action: 'progress',
  },
  {
    name: 'both regress rules at once',
    input: good({}, [c(0, 'after', 8), c(0, 'daily', 9)]),
    action: 'regress',
    rules: ['activity-pain-high', 'morning-pain-rise'],
  },
  // Stage 1 never regresses below 1: it holds instead.
  {
    name: 'stage 1 with after-session pain 6',
    input: good({ stage: 1 }, [c(-1, 'after', 6)]),
    action: 'hold',
    rules: ['activity-pain-high', 'lowest-stage'],
  },
  {
    name: 'stage 1 with daily pain 7 (baseline 4)',
    input: good({ stage: 1 }, [c(-1, 'daily', 7)]),
    action: 'hold',
    rules: ['morning-pain-rise', 'lowest-stage'],
  },
  {
    name: 'stage 0 (bad data) with high pain',
    input: good({ stage: 0 }, [c(-1, 'after', 6)]),
    action: 'hold',
    rules: ['activity-pain-high', 'lowest-stage'],
  },
  // Progress only when all are met.
  { name: '6 days at stage', input: good({ stageStartedOn: d(-6) }), action: 'hold', unmet: ['time-at-stage'] },
  {
    name: 'sessions on 5 of 7 days (71%)',
    input: good({ sessionDates: range(-4, 0).map(d) }),
    action: 'hold',
    unmet: ['adherence'],
  },
  { name: 'sessions on 6 of 7 days (86%)', input: good({ sessionDates: range(-5, 0).map(d) }), action: 'progress' },
  {
    name: '5 sessions a week prescribed and 4 done (exactly 80%)',
    input: good({ prescribedPerWeek: 5, sessionDates: range(-3, 0).map(d) }),
    action: 'progress',
  },
  {
    name: '5 sessions a week prescribed and 3 done (60%)',
    input: good({ prescribedPerWeek: 5, sessionDates: range(-2, 0).map(d) }),
    action: 'hold',
    unmet: ['adherence'],
  },
  {
    name: 'no after-session check-ins this week',
    input: withoutAfter(good()),
    action: 'hold',
    unmet: ['activity-pain'],
  },
  // Last week 4.0, this week 4.14 (six 4s and a 5): rising, though below the regress line of 6.
  {
    name: 'daily pain rising week to week',
    input: thisWeekDaily([4, 4, 4, 4, 4, 4, 5])(good()),
    action: 'hold',
    unmet: ['daily-pain-steady'],
  },
  { name: 'daily pain flat week to week', input: thisWeekDaily([4, 4, 4, 4, 4, 4, 4])(good()), action: 'progress' },
  {
    name: 'no daily check-ins this week',
    input: thisWeekDaily([])(good()),
    action: 'hold',
    unmet: ['daily-pain-steady'],
  },
  {
    name: 'several requirements unmet',
    input: withoutAfter(good({ stageStartedOn: d(-3) })),
    action: 'hold',
    unmet: ['time-at-stage', 'activity-pain'],
  },
  // The last stage holds as the long-term routine, but still regresses on pain.
  {
    name: 'the last stage with everything met',
    input: good({ stage: LAST_STAGE }),
    action: 'hold',
    rules: ['last-stage'],
  },
  {
    name: 'the last stage with after-session pain 7',
    input: good({ stage: LAST_STAGE }, [c(0, 'after', 7)]),
    action: 'regress',
    rules: ['activity-pain-high'],
  },
  // Only the current window counts: pain before this stage began, or 'before'-session pain, does not regress.
  { name: 'after-session pain 9 before the stage started', input: good({}, [c(-8, 'after', 9)]), action: 'progress' },
  {
    name: 'a regression today starts a fresh window',
    input: good({ stageStartedOn: TODAY }, [c(-1, 'after', 9)]),
    action: 'hold',
    unmet: ['time-at-stage'],
  },
  { name: 'pain 8 before a session (not during or after)', input: good({}, [c(-1, 'before', 8)]), action: 'progress' },
];

for (const row of rows) {
  test(`Given ${row.name}, when the engine decides, then the action is ${row.action}`, () => {
    const decision = decideProgram(row.input);
    assert.equal(decision.action, row.action);
    if (row.rules)
      assert.deepEqual(
        decision.reasons.map((r) => r.rule),
        row.rules,
      );
    if (row.unmet)
      assert.deepEqual(
        decision.requirements.filter((r) => !r.met).map((r) => r.id),
        row.unmet,
      );
    for (const r of decision.reasons) assert.ok(r.text.length > 0);
  });
}

test('Given the good week, when the engine decides, then the requirements report 7 of 7 days, 7 of 7 sessions and baseline 4', () => {
  const decision = decideProgram(good());
  assert.deepEqual(
    decision.requirements.map((r) => r.id),
    ['time-at-stage', 'adherence', 'activity-pain', 'daily-pain-steady'],
  );
  assert.deepEqual(decision.adherence, { done: 7, prescribed: 7, fraction: 1 });
  assert.equal(decision.painBaseline, 4);
  assert.deepEqual(decideProgram(good({ stage: LAST_STAGE })).requirements, []);
});

// --- adherence: sessions on distinct days in the last 7 days (or since the stage began) ---

const adherenceCases: [string, string[], string, number, { done: number; prescribed: number; fraction: number }][] = [
  ['a session every day', range(-6, 0).map(d), d(-30), 7, { done: 7, prescribed: 7, fraction: 1 }],
  ['two sessions on one day count once', [d(0), d(0), d(-1)], d(-30), 7, { done: 2, prescribed: 7, fraction: 2 / 7 }],
  [
    'sessions older than 7 days or in the future do not count',
    [d(-7), d(-10), d(1), d(0)],
    d(-30),
    7,
    { done: 1, prescribed: 7, fraction: 1 / 7 },
  ],
  [
    'a stage begun 2 days ago expects 3 sessions',
    [d(-2), d(-1), d(0)],
    d(-2),
    7,
    { done: 3, prescribed: 3, fraction: 1 },
  ],
  ['a stage begun today expects 1 session', [], TODAY, 7, { done: 0, prescribed: 1, fraction: 0 }],
  ['5 prescribed a week, 4 done', range(-3, 0).map(d), d(-30), 5, { done: 4, prescribed: 5, fraction: 0.8 }],
  [
    'more done than prescribed is capped at 100%',
    range(-6, 0).map(d),
    d(-30),
    5,
    { done: 7, prescribed: 5, fraction: 1 },
  ],
];
for (const [name, sessions, since, perWeek, expected] of adherenceCases) {
  test(`Given ${name}, when adherence is counted, then it is ${expected.done}/${expected.prescribed}`, () => {
    assert.deepEqual(adherence(sessions, TODAY, since, perWeek), expected);
  });
}

// --- one definition of a done session, for every figure ---

test('Given a new person whose only session today was partly done, then no figure counts it as done (issue 17: "Met - 1 of 1" beside "0 sessions done")', () => {
  const sessions = [{ date: TODAY, status: 'partial' as const }];
  assert.deepEqual(sessions.filter(isDoneSession), []);
  const decision = decideProgram(
    good({
      stage: 1,
      stageStartedOn: TODAY,
      programStartedOn: TODAY,
      sessionDates: doneSessionDates(sessions),
      checkins: [],
    }),
  );
  // A stage begun today expects 1 session; none was done in full: 0 of 1.
  assert.deepEqual(decision.adherence, { done: 0, prescribed: 1, fraction: 0 });
  const req = decision.requirements.find((r) => r.id === 'adherence')!;
  assert.equal(req.met, false);
  assert.equal(req.detail, '0 of 1 day with a full session');
});

test('Given full and partial sessions over a week, then only the full ones count, once per day', () => {
  const sessions = [
    { date: d(-6), status: 'completed' as const },
    { date: d(-5), status: 'partial' as const },
    { date: d(-4), status: 'completed' as const },
    { date: d(-4), status: 'partial' as const },
    { date: d(-1), status: 'partial' as const },
    { date: d(0), status: 'completed' as const },
  ];
  assert.deepEqual(doneSessionDates(sessions), [d(-6), d(-4), d(0)]);
  // Full sessions on 3 distinct days of 7 prescribed: 3/7, under the 80% needed to move up.
  const decision = decideProgram(good({ sessionDates: doneSessionDates(sessions) }));
  assert.deepEqual(decision.adherence, { done: 3, prescribed: 7, fraction: 3 / 7 });
  assert.equal(decision.requirements.find((r) => r.id === 'adherence')!.detail, '3 of 7 days with a full session');
});

// --- baseline: the mean of the daily check-ins in the program's first week ---

const baselineCases: [string, CheckinSummary[], number | null][] = [
  ['dailies of 4 and 6 in the first week', [c(-14, 'daily', 4), c(-10, 'daily', 6)], 5],
  [
    'after- and before-session check-ins are not part of it',
    [c(-14, 'daily', 4), c(-13, 'after', 9), c(-12, 'before', 9)],
    4,
  ],
  ['a daily in the second week is not part of it', [c(-14, 'daily', 4), c(-7, 'daily', 8)], 4],
  [
    'no daily in the first week: the earliest later daily',
    [c(-3, 'daily', 6), c(-5, 'daily', 2), c(-13, 'after', 9)],
    2,
  ],
  [
    'no daily in the first week and two on the earliest later day: their mean',
    [c(-5, 'daily', 2), c(-5, 'daily', 5), c(-3, 'daily', 9)],
    3.5,
  ],
  ['no daily at all', [c(-3, 'after', 6)], null],
];
for (const [name, checkins, expected] of baselineCases) {
  test(`Given ${name}, when the pain baseline is taken, then it is ${expected}`, () => {
    assert.equal(painBaseline(checkins, d(-14)), expected);
  });
}

// --- week verdicts for the walking target ---

const verdictCases: [string, CheckinSummary[], string, number | null, string[]][] = [
  ['two calm weeks', [c(-14, 'daily', 4), c(-7, 'daily', 3)], d(-14), 4, ['ok', 'ok']],
  ['a week with no check-ins holds', [c(-14, 'daily', 4)], d(-14), 4, ['ok', 'hold']],
  ['after-session pain 6 makes a flare', [c(-14, 'daily', 4), c(-8, 'after', 6)], d(-14), 4, ['flare', 'hold']],
  [
    'daily pain 7 above a baseline of 4 makes a flare',
    [c(-14, 'daily', 4), c(-7, 'daily', 7)],
    d(-14),
    4,
    ['ok', 'flare'],
  ],
  ['daily pain 9 without a baseline is no flare', [c(-14, 'daily', 9)], d(-14), null, ['ok', 'hold']],
  ['a week not yet complete is not judged', [c(-5, 'after', 9)], d(-6), 4, []],
  ['today is the 8th day: one complete week', [c(-5, 'after', 9)], d(-7), 4, ['flare']],
];
for (const [name, checkins, from, baseline, expected] of verdictCases) {
  test(`Given ${name}, when the weeks are judged, then the verdicts are [${expected.join(', ')}]`, () => {
    assert.deepEqual(weekVerdicts(checkins, from, TODAY, baseline), expected);
  });
}

// --- properties ---

const checkin = fc
  .record({
    offset: fc.integer({ min: -30, max: 0 }),
    context: fc.constantFrom<CheckinContext>('daily', 'before', 'after'),
    maxPain: fc.integer({ min: 0, max: 10 }),
  })
  .map((x) => c(x.offset, x.context, x.maxPain));

const programInput = fc
  .record({
    stage: fc.integer({ min: 1, max: LAST_STAGE }),
    daysAtStage: fc.integer({ min: 0, max: 20 }),
    daysBefore: fc.integer({ min: 0, max: 20 }),
    redFlag: fc.boolean(),
    sessions: fc.uniqueArray(fc.integer({ min: -20, max: 0 }), { maxLength: 15 }),
    checkins: fc.array(checkin, { maxLength: 40 }),
    prescribedPerWeek: fc.integer({ min: 1, max: 7 }),
  })
  .map((x): ProgramInput => ({
    today: TODAY,
    stage: x.stage,
    stageStartedOn: d(-x.daysAtStage),
    programStartedOn: d(-x.daysAtStage - x.daysBefore),
    redFlag: x.redFlag,
    sessionDates: x.sessions.map(d),
    checkins: x.checkins,
    prescribedPerWeek: x.prescribedPerWeek,
  }));

/** Inputs near the good week (so 'progress' is common), with a few extra check-ins and some sessions missed. */
const nearGood = fc
  .record({
    stage: fc.integer({ min: 1, max: LAST_STAGE }),
    redFlag: fc.boolean(),
    extra: fc.array(
      checkin.filter((x) => x.date >= d(-10)),
      { maxLength: 3 },
    ),
    missed: fc.integer({ min: 0, max: 3 }),
  })
  .map((x) => good({ stage: x.stage, redFlag: x.redFlag, sessionDates: range(-6 + x.missed, 0).map(d) }, x.extra));
const anyInput = fc.oneof(programInput, nearGood);

/** The regress triggers, computed again in the test from DOMAIN.md §8 (window: last 7 days, not before the stage). */
function painRuleBroken(input: ProgramInput): boolean {
  const start = [d(-6), input.stageStartedOn].sort()[1]!;
  const inWindow = input.checkins.filter((x) => x.date >= start && x.date <= input.today);
  const firstWeek = input.checkins.filter(
    (x) => x.context === 'daily' && x.date >= input.programStartedOn && x.date < addDays(input.programStartedOn, 7),
  );
  const dailies = input.checkins.filter((x) => x.context === 'daily');
  const earliestDate = dailies.length ? dailies.map((x) => x.date).sort()[0] : null;
  const pool = firstWeek.length ? firstWeek : dailies.filter((x) => x.date === earliestDate);
  const baseline = pool.length ? pool.reduce((a, x) => a + x.maxPain, 0) / pool.length : null;
  return inWindow.some(
    (x) =>
      (x.context === 'after' && x.maxPain > 5) ||
      (x.context === 'daily' && baseline !== null && x.maxPain > baseline + 2),
  );
}
const apply = (stage: number, action: ProgramAction) =>
  action === 'regress' ? stage - 1 : action === 'progress' ? stage + 1 : stage;

test('Property: a standing red flag always stops the program', () => {
  fc.assert(
    fc.property(anyInput, (input) => {
      const decision = decideProgram({ ...input, redFlag: true });
      assert.equal(decision.action, 'stop');
      assert.deepEqual(
        decision.reasons.map((r) => r.rule),
        ['red-flag'],
      );
    }),
    { numRuns: 200 },
  );
});

test('Property: the engine never progresses on rising pain, and steps back (or holds on stage 1) instead', () => {
  fc.assert(
    fc.property(anyInput, (input) => {
      const decision = decideProgram(input);
      if (input.redFlag || !painRuleBroken(input)) return;
      assert.notEqual(decision.action, 'progress');
      assert.equal(decision.action, input.stage <= 1 ? 'hold' : 'regress');
    }),
    { numRuns: 200 },
  );
});

test('Property: applying the decision keeps the stage within 1..LAST_STAGE, and stageByNumber clamps any result', () => {
  fc.assert(
    fc.property(anyInput, fc.integer({ min: -3, max: LAST_STAGE + 3 }), (input, anyStage) => {
      const next = apply(input.stage, decideProgram(input).action);
      assert.ok(next >= 1 && next <= LAST_STAGE, `stage ${input.stage} -> ${next}`);
      const odd = apply(anyStage, decideProgram({ ...input, stage: anyStage }).action);
      assert.ok(stageByNumber(odd).number >= 1);
      if (anyStage <= 1) assert.ok(odd >= anyStage, 'a stage at or below 1 never goes lower');
    }),
    { numRuns: 200 },
  );
});

test('Property: progress happens only when every requirement is met', () => {
  fc.assert(
    fc.property(anyInput, (input) => {
      const decision = decideProgram(input);
      if (decision.action === 'progress') {
        assert.ok(decision.requirements.length > 0 && decision.requirements.every((r) => r.met));
        assert.ok(decision.adherence.fraction >= 0.8);
      }
      assert.ok(decision.adherence.fraction >= 0 && decision.adherence.fraction <= 1);
    }),
    { numRuns: 200 },
  );
});

test('Property: the same inputs always give the same decision, also with check-ins and sessions in another order', () => {
  fc.assert(
    fc.property(anyInput, (input) => {
      const a = decideProgram(input);
      assert.deepEqual(decideProgram(structuredClone(input)), a);
      const reordered = decideProgram({
        ...input,
        checkins: [...input.checkins].reverse(),
        sessionDates: [...input.sessionDates].reverse(),
      });
      assert.equal(reordered.action, a.action);
      assert.deepEqual(
        reordered.requirements.map((r) => r.met),
        a.requirements.map((r) => r.met),
      );
      assert.equal(reordered.painBaseline, a.painBaseline);
    }),
    { numRuns: 200 },
  );
});
