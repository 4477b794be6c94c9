import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  baselineWindow,
  baselineWindowBounds,
  stepCeiling,
  walkingBaseline,
  walkingTarget,
  type WeekVerdict,
} from './walking-target.js';
import type { DailyWalking } from './walking-day-record.js';
import { addDays, daysBetween } from './dates.js';

/** Consecutive days from `from`; a number is steps, a pair is [steps, minutes]. */
function days(from: string, values: readonly (number | [number, number])[]): DailyWalking[] {
  return values.map((v, i) => {
    const [steps, minutes] = typeof v === 'number' ? [v, 0] : v;
    return { date: addDays(from, i), steps, distanceM: 0, minutes };
  });
}

// The usual setting below: today is Fri 15 Mar 2024 and the program started on 1 Mar, so two program weeks are
// complete (1-7 Mar and 8-14 Mar); the baseline window is the last of them, 8-14 Mar, and its verdict is weeks[1].
const TODAY = '2024-03-15';
const START = '2024-03-01';
const WINDOW_FROM = '2024-03-08';
const week = (values: readonly (number | [number, number])[]) => days(WINDOW_FROM, values);
const seven = (steps: number) => week(Array(7).fill(steps));
const target = (d: DailyWalking[], verdict: WeekVerdict, age: number | null = 40) =>
  walkingTarget({ today: TODAY, programStartedOn: START, days: d, weeks: ['ok', verdict], age });

// --- the window: DOMAIN.md §2b 2.8, "the user's 7-day baseline", and the weekly target ---

const windows: [string, string, string | null, { from: string; to: string; week: number | null }][] = [
  ['no program: the 7 days before today', TODAY, null, { from: '2024-03-08', to: '2024-03-14', week: null }],
  [
    'a program 5 days old (no complete week): the 7 days before today',
    TODAY,
    '2024-03-10',
    { from: '2024-03-08', to: '2024-03-14', week: null },
  ],
  ['the first day of week 2: week 1 (1-7 Mar)', '2024-03-08', START, { from: '2024-03-01', to: '2024-03-07', week: 0 }],
  ['the first day of week 3: week 2 (8-14 Mar)', TODAY, START, { from: '2024-03-08', to: '2024-03-14', week: 1 }],
  [
    'the last day of week 3: still week 2 (the target is weekly)',
    '2024-03-21',
    START,
    { from: '2024-03-08', to: '2024-03-14', week: 1 },
  ],
  [
    'a program that starts after the date asked about: the 7 days before it',
    TODAY,
    '2024-03-20',
    { from: '2024-03-08', to: '2024-03-14', week: null },
  ],
  ['across a year end', '2024-01-03', null, { from: '2023-12-27', to: '2024-01-02', week: null }],
];
for (const [name, today, start, expected] of windows) {
  test(`Given ${name}, when the baseline window is taken, then it is ${expected.from} to ${expected.to}`, () => {
    assert.deepEqual(baselineWindow({ today, programStartedOn: start }), expected);
  });
}

test('Given Fri 15 Mar 2024, when the bounds of its baseline windows are taken, then they are 2 to 14 Mar (a program started 1 Mar or 2 Mar gives their two ends)', () => {
  assert.deepEqual(baselineWindowBounds(TODAY), { from: '2024-03-02', to: '2024-03-14' });
  // Started 2 Mar: week 2 began 9 Mar (6 days ago), so the window is week 1, 2-8 Mar. Started 1 Mar: 8-14 Mar.
  assert.deepEqual(baselineWindow({ today: TODAY, programStartedOn: '2024-03-02' }), {
    from: '2024-03-02',
    to: '2024-03-08',
    week: 0,
  });
});

test("Property: every baseline window of a day lies within baselineWindowBounds, whatever the program's start (before, on or after the day, or none)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 3000 }),
      fc.option(fc.integer({ min: -30, max: 400 }), { nil: null }),
      (n, startBefore) => {
        const today = addDays('2020-01-01', n);
        const win = baselineWindow({
          today,
          programStartedOn: startBefore === null ? null : addDays(today, -startBefore),
        });
        const bounds = baselineWindowBounds(today);
        assert.ok(
          win.from >= bounds.from && win.to <= bounds.to,
          `${win.from}..${win.to} outside ${bounds.from}..${bounds.to}`,
        );
      },
    ),
    { numRuns: 500 },
  );
});

// --- the baseline: the mean of the window's days with data ---

const W = { from: '2024-03-08', to: '2024-03-14' };

test('Given days before, in and after the window, when the baseline is taken, then only the window counts', () => {
  const d = [
    ...days('2024-03-01', [20_000, 20_000]),
    ...week([3000, 4000, 5000, 3000, 4000, 5000, 4000]),
    ...days(TODAY, [20_000]),
  ];
  // 3000+4000+5000+3000+4000+5000+4000 = 28,000 over 7 days.
  assert.deepEqual(walkingBaseline(d, W), { steps: 4000, minutes: null, days: 7 });
});

test('Given days without data in the window, when the baseline is taken, then they are left out, not counted as zero nor filled from older days', () => {
  const d = [...days('2024-02-01', Array(30).fill(9000)), ...week([0, 4000, 0, 6000, 5000, 0, 5000])];
  // 4000+6000+5000+5000 = 20,000 over the 4 days with data.
  assert.deepEqual(walkingBaseline(d, W), { steps: 5000, minutes: null, days: 4 });
});

test('Given minutes on some days and steps on others, when the baseline is taken, then each is averaged over its own days', () => {
  assert.deepEqual(
    walkingBaseline(
      week([
        [0, 20],
        [4000, 0],
        [0, 30],
        [6000, 40],
      ]),
      W,
    ),
    { steps: 5000, minutes: 30, days: 4 },
  );
});

test('Given a date given twice, when the baseline is taken, then it counts once', () => {
  assert.deepEqual(walkingBaseline([...week([4000, 6000]), ...week([4000])], W), {
    steps: 5000,
    minutes: null,
    days: 2,
  });
});

// --- ceiling: DOMAIN.md §2b 2.5 [6]: 10,000 under 60, 8,000 at 60 or over ---

const ceilings: [number | null, number][] = [
  [25, 10_000],
  [59, 10_000],
  [60, 8_000],
  [82, 8_000],
  [null, 10_000],
];
for (const [age, ceiling] of ceilings) {
  test(`Given age ${age}, when the step ceiling is read, then it is ${ceiling}`, () => {
    assert.equal(stepCeiling(age), ceiling);
  });
}

// --- the target, hand-computed: last week's mean, +10% after an ok week, kept after a hold, -10% after a flare ---

const targetCases: [string, number, WeekVerdict, number | null, number][] = [
  ['an ok week (4000 x 1.1)', 4000, 'ok', 40, 4400],
  ['a hold week', 4000, 'hold', 40, 4000],
  ['a flare week (4000 x 0.9)', 4000, 'flare', 40, 3600],
  ['an ok week, to the nearest 10 (4321 x 1.1 = 4753.1)', 4321, 'ok', 40, 4750],
  ['a flare week, to the nearest 10 (4321 x 0.9 = 3888.9)', 4321, 'flare', 40, 3890],
  ['under 60, up to 10,000 (9500 x 1.1 = 10,450)', 9500, 'ok', 40, 10_000],
  ['60 or over, up to 8,000 (7500 x 1.1 = 8250)', 7500, 'ok', 65, 8000],
  ['age 60 exactly is in the 8,000 band', 7500, 'ok', 60, 8000],
  ['unknown age uses 10,000', 9500, 'ok', null, 10_000],
  ['a baseline above the ceiling is kept, not lowered', 9000, 'ok', 70, 9000],
  ['a flare above the ceiling still steps back (9000 x 0.9)', 9000, 'flare', 70, 8100],
];
for (const [name, baseline, verdict, age, expected] of targetCases) {
  test(`Given last week's ${baseline} steps a day and ${name}, when the target is set, then it is ${expected} steps`, () => {
    const t = target(seven(baseline), verdict, age);
    assert.equal(t.provisional, false);
    assert.equal(t.baselineSteps, baseline);
    assert.equal(t.steps, expected);
    // Without minutes data, about how long the steps take at ~100 steps/min (DOMAIN.md §2b 2.7).
    assert.equal(t.minutes, Math.round(expected / 100));
  });
}

test("Given an earlier flare and last week ok, when the target is set, then only last week's verdict counts (4000 x 1.1)", () => {
  assert.equal(
    walkingTarget({ today: TODAY, programStartedOn: START, days: seven(4000), weeks: ['flare', 'ok'], age: 40 }).steps,
    4400,
  );
  assert.equal(
    walkingTarget({ today: TODAY, programStartedOn: START, days: seven(4000), weeks: ['ok', 'flare'], age: 40 }).steps,
    3600,
  );
});

test('Given no program, when the target is set, then it is the baseline of the last 7 days, not raised', () => {
  const t = walkingTarget({ today: TODAY, programStartedOn: null, days: seven(4000), weeks: [], age: 40 });
  assert.equal(t.steps, 4000);
  assert.equal(
    t.basis,
    'Your average was 4,000 steps a day over the 7 days from 8 Mar to 14 Mar: your target is that baseline.',
  );
});

// Minutes: the ceiling is WalkBack's goal of 30 min (DOMAIN.md §2a 2.1 [5]).
const minuteCases: [number, WeekVerdict, number][] = [
  [20, 'ok', 22],
  [20, 'hold', 20],
  [20, 'flare', 18],
  [28, 'ok', 30],
  [45, 'ok', 45],
  [30, 'flare', 27],
];
for (const [baseline, verdict, expected] of minuteCases) {
  test(`Given last week's ${baseline} minutes a day and an ${verdict} week, when the target is set, then it is ${expected} minutes`, () => {
    const t = target(week(Array(7).fill([0, baseline])), verdict);
    assert.equal(t.steps, null);
    assert.equal(t.minutes, expected);
  });
}

// --- too few recent days: provisional, the gentle start (WALKING_START_MINUTES) ---

const provisional: [string, DailyWalking[], boolean, number, number | null][] = [
  ['no data', [], true, 10, null],
  ['two days of 5000 steps in the window', week([5000, 5000]), true, 10, null],
  [
    'two days of 25 minutes',
    week([
      [0, 25],
      [0, 25],
    ]),
    true,
    25,
    null,
  ],
  [
    'two days of 4 minutes: the gentle start is 10',
    week([
      [0, 4],
      [0, 4],
    ]),
    true,
    10,
    null,
  ],
  ['three days of 5000 steps (and an ok week: 5500 steps, 55 min)', week([5000, 5000, 5000]), false, 55, 5500],
  // The issue-17 case: a stage-1 person imports a 2016 Fitbit file; its days are not recent and change nothing.
  ['a year of 9,200-step days from 2016 and nothing recent', days('2016-01-01', Array(366).fill(9200)), true, 10, null],
  [
    'recent days only before the window (1-7 Mar)',
    days(START, [6000, 6000, 6000, 6000, 6000, 6000, 6000]),
    true,
    10,
    null,
  ],
];
for (const [name, d, isProvisional, minutes, steps] of provisional) {
  test(`Given ${name}, when the target is set, then it is ${isProvisional ? 'provisional' : 'from the baseline'} with ${minutes} minutes`, () => {
    const t = target(d, 'ok');
    assert.equal(t.provisional, isProvisional);
    assert.equal(t.minutes, minutes);
    assert.equal(t.steps, steps);
  });
}

// --- the basis names the window ---

const bases: [string, DailyWalking[], WeekVerdict, number | null, string][] = [
  [
    'an ok week',
    seven(4000),
    'ok',
    40,
    'Your average was 4,000 steps a day over the 7 days from 8 Mar to 14 Mar; your pain stayed within the rules that week, so your target is 10% higher.',
  ],
  [
    'a hold week with gaps',
    week([4000, 0, 6000, 5000]),
    'hold',
    40,
    'Your average was 5,000 steps a day over the 7 days from 8 Mar to 14 Mar (on the 3 of those days with walking data; days without data are left out); there were no check-ins that week to judge your pain by, so your target stays at that average.',
  ],
  [
    'a flare week',
    week(Array(7).fill([0, 20])),
    'flare',
    40,
    'Your average was 20 minutes a day over the 7 days from 8 Mar to 14 Mar; your pain went past the rules that week, so your target is 10% lower.',
  ],
  [
    'an ok week that reaches the ceiling',
    seven(9500),
    'ok',
    40,
    'Your average was 9,500 steps a day over the 7 days from 8 Mar to 14 Mar; your pain stayed within the rules that week, so your target is raised to 10,000 steps, where the benefit levels off.',
  ],
  [
    'an ok week past the ceiling',
    seven(9000),
    'ok',
    70,
    'Your average was 9,000 steps a day over the 7 days from 8 Mar to 14 Mar; your pain stayed within the rules that week, but that is already at or past 8,000 steps, where the benefit levels off, so it is not raised further.',
  ],
  [
    'two days only',
    week([5000, 5000]),
    'ok',
    40,
    'Your target comes from your walking in the 7 days from 8 Mar to 14 Mar, and only 2 of them have walking data. Log your walking for 3 days (or import it from your phone) so your target can start from your own baseline. Until then: a gentle 10 minutes.',
  ],
  [
    'nothing recent',
    days('2016-01-01', [9200]),
    'ok',
    40,
    'Your target comes from your walking in the 7 days from 8 Mar to 14 Mar, and none of them has walking data. Log your walking for 3 days (or import it from your phone) so your target can start from your own baseline. Until then: a gentle 10 minutes.',
  ],
];
for (const [name, d, verdict, age, basis] of bases) {
  test(`Given ${name}, when the target is set, then its basis names the window and says why`, () => {
    const t = target(d, verdict, age);
    assert.equal(t.basis, basis);
    assert.deepEqual([t.window.from, t.window.to], ['2024-03-08', '2024-03-14']);
  });
}

// --- properties ---

const age = fc.option(fc.integer({ min: 18, max: 100 }), { nil: null });
const verdict = fc.constantFrom<WeekVerdict>('ok', 'hold', 'flare');
const verdicts = fc.array(verdict, { maxLength: 30 });
/** Today, and a program start 0-200 days before it (or none). */
const when = fc.record({
  today: fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n)),
  startBefore: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
});
const dayValue = fc.tuple(fc.integer({ min: 0, max: 25_000 }), fc.integer({ min: 0, max: 120 }));
/** Values for some of the window's 7 days (offsets 0-6 from its first day). */
const windowDays = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 6 }), dayValue), {
  selector: ([i]) => i,
  maxLength: 7,
});
/** Days older than the window: offsets 1-5000 days before its first day, any values. */
const olderDays = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 5000 }), dayValue), {
  selector: ([i]) => i,
  maxLength: 40,
});

const setting = (w: { today: string; startBefore: number | null }) => ({
  today: w.today,
  programStartedOn: w.startBefore === null ? null : addDays(w.today, -w.startBefore),
});
const toDays = (from: string, sign: 1 | -1, list: readonly [number, [number, number]][]): DailyWalking[] =>
  list.map(([i, [steps, minutes]]) => ({ date: addDays(from, sign * i), steps, distanceM: 0, minutes }));

test("Property: no import of days older than the baseline window changes today's target", () => {
  fc.assert(
    fc.property(when, windowDays, olderDays, verdicts, age, (w, recent, older, weeks, a) => {
      const s = setting(w);
      const win = baselineWindow(s);
      const mine = toDays(win.from, 1, recent);
      const before = walkingTarget({ ...s, days: mine, weeks, age: a });
      const old = toDays(win.from, -1, older);
      assert.ok(old.every((d) => d.date < win.from));
      // Old days imported on top, in any order: the same target, to the letter (figures and basis).
      assert.deepEqual(walkingTarget({ ...s, days: [...old, ...mine].reverse(), weeks, age: a }), before);
    }),
    { numRuns: 300 },
  );
});

test("Property: the baseline is the mean of the window's days with data, and a week's verdict moves the target from it as DOMAIN.md says", () => {
  fc.assert(
    fc.property(when, windowDays, verdicts, age, (w, recent, weeks, a) => {
      const s = setting(w);
      const win = baselineWindow(s);
      const t = walkingTarget({ ...s, days: toDays(win.from, 1, recent), weeks, age: a });
      const withData = recent.filter(([, [st, m]]) => st > 0 || m > 0);
      const stepVals = withData.map(([, [st]]) => st).filter((x) => x > 0);
      const mean = (xs: number[]) => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : null);
      assert.equal(t.window.daysWithData, withData.length);
      assert.equal(t.provisional, withData.length < 3);
      if (t.provisional) {
        assert.equal(t.steps, null);
        assert.ok(t.minutes >= 10);
        return;
      }
      assert.equal(t.baselineSteps, mean(stepVals));
      if (t.steps === null) return;
      const b = t.baselineSteps!;
      const v = win.week === null ? null : (weeks[win.week] ?? null);
      const ceiling = a !== null && a >= 60 ? 8000 : 10_000;
      // ok: up to 10% more, to the ceiling (kept when already past it); hold or none: the baseline; flare: 10% less.
      const expected = v === 'ok' ? Math.max(b, Math.min(ceiling, b * 1.1)) : v === 'flare' ? b * 0.9 : b;
      assert.ok(Math.abs(t.steps - expected) <= 5 || t.steps === 10, `${t.steps} vs ${expected} (${v})`);
    }),
    { numRuns: 300 },
  );
});

test('Property: adding a recent day with data changes the baseline; more steps than the mean never lowers the target and fewer never raises it', () => {
  fc.assert(
    fc.property(
      when,
      windowDays,
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 1, max: 25_000 }),
      verdicts,
      age,
      (w, recent, slot, added, weeks, a) => {
        const s = setting(w);
        const win = baselineWindow(s);
        const others = recent.filter(([i]) => i !== slot);
        const before = walkingTarget({ ...s, days: toDays(win.from, 1, others), weeks, age: a });
        const after = walkingTarget({
          ...s,
          days: toDays(win.from, 1, [...others, [slot, [added, 0]]]),
          weeks,
          age: a,
        });
        assert.equal(after.window.daysWithData, before.window.daysWithData + 1);
        if (before.provisional || after.provisional || before.baselineSteps === null) return;
        if (added !== before.baselineSteps) assert.notEqual(after.baselineSteps, before.baselineSteps);
        if (added >= before.baselineSteps)
          assert.ok(after.steps! >= before.steps!, `${before.steps} -> ${after.steps}`);
        else assert.ok(after.steps! <= before.steps!, `${before.steps} -> ${after.steps}`);
      },
    ),
    { numRuns: 300 },
  );
});

test('Property: for the same days, a flare week never gives more than a hold week, nor a hold week more than an ok week', () => {
  fc.assert(
    fc.property(windowDays, age, (recent, a) => {
      const d = toDays(WINDOW_FROM, 1, recent);
      const [flare, hold, ok] = (['flare', 'hold', 'ok'] as const).map((v) => target(d, v, a));
      assert.ok(flare!.minutes <= hold!.minutes && hold!.minutes <= ok!.minutes);
      if (ok!.steps !== null) assert.ok(flare!.steps! <= hold!.steps! && hold!.steps! <= ok!.steps!);
    }),
    { numRuns: 200 },
  );
});

test('Property: through one program week the target does not change, whatever is walked during it', () => {
  fc.assert(
    fc.property(windowDays, fc.array(dayValue, { minLength: 6, maxLength: 6 }), verdicts, (recent, thisWeek, weeks) => {
      const base = toDays(WINDOW_FROM, 1, recent);
      const walked = thisWeek.map(([steps, minutes], i) => ({ date: addDays(TODAY, i), steps, distanceM: 0, minutes }));
      const first = walkingTarget({ today: TODAY, programStartedOn: START, days: base, weeks, age: 40 });
      for (let i = 1; i <= 6; i++) {
        const day = addDays(TODAY, i);
        assert.equal(daysBetween(START, day) >= 14 && daysBetween(START, day) < 21, true);
        const t = walkingTarget({
          today: day,
          programStartedOn: START,
          days: [...base, ...walked.slice(0, i)],
          weeks,
          age: 40,
        });
        assert.deepEqual([t.steps, t.minutes, t.basis], [first.steps, first.minutes, first.basis]);
      }
    }),
    { numRuns: 100 },
  );
});
