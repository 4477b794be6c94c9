import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from './dates.js';
import { attentionReasons, painTrend } from './patient-attention.js';
import {
  covers,
  encodeFigures,
  figuresFrom,
  listLine,
  readKept,
  readStored,
  type FiguresSource,
  type ListProgram,
} from './patient-list-figures.js';
import { isDoneSession, painBaseline, recentDailyPainMean, windowAdherence } from './program-engine.js';

// --- adherence over a window, and the recent pain ---

// Program started 1 Nov; sessions on 1, 2, 5, 9 and twice on 10 Nov; today is 10 Nov.
const dates = ['2026-11-01', '2026-11-02', '2026-11-05', '2026-11-09', '2026-11-10', '2026-11-10'];

test('Given daily sessions, the last 7 days count distinct session days out of 7', () => {
  // Window 4-10 Nov: 5, 9, 10 Nov are in it (10 Nov once).
  assert.deepEqual(windowAdherence(dates, '2026-11-10', '2026-11-01', 7, 7), {
    done: 3,
    prescribed: 7,
    fraction: 3 / 7,
  });
});

test('Given a program younger than the window, the window starts at the program start', () => {
  // 28 days back reaches before 1 Nov: the window is 1-10 Nov, ten days, five session days.
  assert.deepEqual(windowAdherence(dates, '2026-11-10', '2026-11-01', 28, 7), {
    done: 5,
    prescribed: 10,
    fraction: 0.5,
  });
});

test('Given a program that starts after the day asked about, there is no adherence yet', () => {
  assert.equal(windowAdherence(dates, '2026-10-30', '2026-11-01', 7, 7), null);
});

test('Given daily pain on 3, 4 and 10 Nov, the mean of the 7 days up to 10 Nov takes 4 and 10 Nov only', () => {
  const dailies = [
    { date: '2026-11-03', maxPain: 9 },
    { date: '2026-11-04', maxPain: 2 },
    { date: '2026-11-10', maxPain: 5 },
    { date: '2026-11-11', maxPain: 10 },
  ];
  assert.equal(recentDailyPainMean(dailies, '2026-11-10'), 3.5);
  assert.equal(recentDailyPainMean(dailies, '2026-10-30'), null);
});

// --- one person's figures, by hand ---

const checkin = (id: string, at: string, context: 'daily' | 'before' | 'after', maxPain: number) => ({
  id,
  at,
  date: at.slice(0, 10),
  context,
  maxPain,
});
const HAND: FiguresSource = {
  program: { startedOn: '2026-11-01' },
  checkins: [
    checkin('c1', '2026-11-01T07:00:00+00:00', 'daily', 3),
    checkin('c2', '2026-11-02T07:00:00+00:00', 'daily', 5),
    checkin('c3', '2026-11-02T19:00:00+00:00', 'after', 6),
    checkin('c4', '2026-11-10T07:00:00+00:00', 'daily', 4),
    checkin('c6', '2026-11-20T21:00:00+00:00', 'before', 7),
    checkin('c5', '2026-11-20T07:00:00+00:00', 'daily', 2),
  ],
  sessions: [
    { date: '2026-10-10', status: 'completed' },
    { date: '2026-11-01', status: 'completed' },
    { date: '2026-11-02', status: 'completed' },
    { date: '2026-11-02', status: 'completed' },
    { date: '2026-11-05', status: 'partial' },
    { date: '2026-11-19', status: 'completed' },
    { date: '2026-11-21', status: 'partial' },
  ],
  resumeDates: [],
};
const PROGRAM: ListProgram = { stage: 2, status: 'active', startedOn: '2026-11-01', stageStartedOn: '2026-11-10' };

test('Given a month of data, when the figures are kept, then they hold the latest of each and the windows up to the latest', () => {
  assert.deepEqual(figuresFrom(HAND), {
    // The latest check-in is the evening's 'before' score (any kind), the latest session the partial one of 21 Nov.
    lastCheckin: { date: '2026-11-20', at: '2026-11-20T21:00:00+00:00', maxPain: 7 },
    lastSessionDate: '2026-11-21',
    // Done sessions in the 35 days up to the latest done one (19 Nov): from 16 Oct, so 10 Oct is out; partial ones never count.
    doneSessions: { end: '2026-11-19', dates: ['2026-11-01', '2026-11-02', '2026-11-19'] },
    // Daily check-ins in the 14 days up to the latest (20 Nov): from 7 Nov.
    dailyPain: {
      end: '2026-11-20',
      entries: [
        { date: '2026-11-10', maxPain: 4 },
        { date: '2026-11-20', maxPain: 2 },
      ],
    },
    // First week (1-7 Nov): 3 and 5.
    painBaseline: 4,
    resumedOn: null,
  });
});

test('Given those figures, when stored, then they are a day map and a list of day:score', () => {
  // 19 Nov is day 0, 2 Nov day 17, 1 Nov day 18; 20 Nov is day 0 of the pain window, 10 Nov day 10.
  assert.deepEqual(encodeFigures(figuresFrom(HAND)), {
    lastCheckinDate: '2026-11-20',
    lastCheckinAt: '2026-11-20T21:00:00+00:00',
    lastCheckinMaxPain: 7,
    lastSessionDate: '2026-11-21',
    doneSessionsEnd: '2026-11-19',
    doneSessions: `1${'0'.repeat(16)}11`,
    dailyPainEnd: '2026-11-20',
    dailyPain: '10:4,0:2',
    painBaseline: 4,
    resumedOn: null,
  });
});

test('Given those figures on 20 Nov, when the line is worked out, then adherence, trend and attention are as counted by hand', () => {
  assert.deepEqual(listLine(readKept(figuresFrom(HAND)), PROGRAM, '2026-11-20', 7), {
    program: { stage: 2, status: 'active', stageStartedOn: '2026-11-10' },
    redFlag: false,
    // 14-20 Nov: one done session (19 Nov) of 7.
    adherence7: { done: 1, prescribed: 7, fraction: 1 / 7 },
    // 28 days back is 24 Oct, before the start: 1-20 Nov, 20 days, done on 1, 2 and 19 Nov.
    adherence28: { done: 3, prescribed: 20, fraction: 3 / 20 },
    lastCheckin: { date: '2026-11-20', maxPain: 7 },
    lastSessionDate: '2026-11-21',
    // Baseline 4, last 7 days only 20 Nov's 2: down 2 points.
    painTrend: { baseline: 4, recent: 2, status: 'improved', mcidPoints: 2 },
    needsAttention: ['adherence under 50% this week'],
  });
});

test('Given windows ending 19 and 20 Nov, then dates from 13 Nov on are answered from them, and 12 Nov is not', () => {
  const kept = readKept(figuresFrom(HAND));
  assert.equal(covers(kept, '2026-11-13'), true);
  assert.equal(covers(kept, '2026-11-12'), false);
  assert.equal(covers(kept, '2027-05-01'), true);
  // Asked for 12 Nov, the windows end there.
  const exact = figuresFrom(HAND, '2026-11-12');
  assert.deepEqual(
    [exact.doneSessions, exact.dailyPain],
    [
      { end: '2026-11-12', dates: ['2026-10-10', '2026-11-01', '2026-11-02'] },
      {
        end: '2026-11-12',
        entries: [
          { date: '2026-11-01', maxPain: 3 },
          { date: '2026-11-02', maxPain: 5 },
          { date: '2026-11-10', maxPain: 4 },
        ],
      },
    ],
  );
  assert.equal(covers(readKept(exact), '2026-11-12'), true);
});

test('Given nobody has written anything yet, then the figures are empty and cover every date', () => {
  const none = figuresFrom({ program: null, checkins: [], sessions: [], resumeDates: [] });
  assert.deepEqual(none, {
    lastCheckin: null,
    lastSessionDate: null,
    doneSessions: null,
    dailyPain: null,
    painBaseline: null,
    resumedOn: null,
  });
  assert.equal(covers(readKept(none), '2000-01-01'), true);
});

test('Given the stored row, then it reads as the figures it was made from', () => {
  const stored = readStored(encodeFigures(figuresFrom(HAND)), 'p1');
  // 14-20 Nov: 19 Nov; 1-20 Nov: 1, 2 and 19 Nov; 14-20 Nov's daily pain: 2 (20 Nov).
  assert.deepEqual(
    [
      stored.doneDays('2026-11-14', '2026-11-20'),
      stored.doneDays('2026-11-01', '2026-11-20'),
      stored.dailyPain('2026-11-14', '2026-11-20'),
    ],
    [1, 3, { sum: 2, count: 1 }],
  );
  assert.deepEqual(
    listLine(stored, PROGRAM, '2026-11-20', 7),
    listLine(readKept(figuresFrom(HAND)), PROGRAM, '2026-11-20', 7),
  );
});

test('Given a damaged stored row, then reading it names the column', () => {
  const read = (over: Partial<ReturnType<typeof encodeFigures>>) => () =>
    listLine(
      readStored({ ...encodeFigures(figuresFrom(HAND)), ...over }, 'patient_list_figures of p1'),
      PROGRAM,
      '2026-11-20',
      7,
    );
  assert.throws(read({ doneSessions: '12x' }), /patient_list_figures of p1: done_sessions "12x"/);
  assert.throws(read({ doneSessions: '1'.repeat(36) }), /done_sessions/);
  for (const bad of ['1:', ':4', '1:4,', '1-4', '123:4', '40:2', '1:4;2:5'])
    assert.throws(read({ dailyPain: bad }), /daily_pain/, bad);
  assert.equal(read({ dailyPain: '' })().painTrend, null);
});

// --- properties: the kept figures (or, for an earlier date, the exact ones) give the line all the rows give ---

const BASE = '2026-09-01';
const sourceArb = fc
  .record({
    startedOn: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    checkins: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 70 }),
        hour: fc.integer({ min: 0, max: 23 }),
        context: fc.constantFrom('daily' as const, 'before' as const, 'after' as const),
        maxPain: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 40 },
    ),
    sessions: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 70 }),
        status: fc.constantFrom('completed' as const, 'partial' as const),
      }),
      { maxLength: 40 },
    ),
    resumed: fc.option(fc.integer({ min: 0, max: 70 }), { nil: null }),
  })
  .map(({ startedOn, checkins, sessions, resumed }): FiguresSource => ({
    program: startedOn === null ? null : { startedOn: addDays(BASE, startedOn) },
    checkins: checkins.map((c, i) => ({
      id: `c${i}`,
      at: `${addDays(BASE, c.day)}T${String(c.hour).padStart(2, '0')}:00:00+00:00`,
      date: addDays(BASE, c.day),
      context: c.context,
      maxPain: c.maxPain,
    })),
    sessions: sessions.map((s) => ({ date: addDays(BASE, s.day), status: s.status })),
    resumeDates: resumed === null ? [] : [addDays(BASE, resumed)],
  }));

/** The line straight from all the rows, as the list computed it before figures were kept. */
function fromAllRows(src: FiguresSource, program: ListProgram | null, date: string) {
  const done = src.sessions.filter(isDoneSession).map((s) => s.date);
  const dailies = src.checkins.filter((c) => c.context === 'daily');
  const last = [...src.checkins].sort((a, b) => (a.date + a.at + a.id < b.date + b.at + b.id ? -1 : 1)).at(-1);
  const adherence7 = program ? windowAdherence(done, date, program.startedOn, 7, 7) : null;
  const trend = program
    ? painTrend(painBaseline(dailies, program.startedOn), recentDailyPainMean(dailies, date))
    : null;
  const resumedOn = src.resumeDates.length ? [...src.resumeDates].sort().at(-1)! : null;
  return {
    program: program ? { stage: program.stage, status: program.status, stageStartedOn: program.stageStartedOn } : null,
    redFlag: program?.status === 'stopped',
    adherence7,
    adherence28: program ? windowAdherence(done, date, program.startedOn, 28, 7) : null,
    lastCheckin: last ? { date: last.date, maxPain: last.maxPain } : null,
    lastSessionDate: src.sessions.length
      ? src.sessions
          .map((s) => s.date)
          .sort()
          .at(-1)!
      : null,
    painTrend: trend,
    needsAttention: attentionReasons({
      today: date,
      program: program ? { startedOn: program.startedOn, status: program.status, resumedOn } : null,
      adherence7: adherence7?.fraction ?? null,
      painTrend: trend?.status ?? null,
      lastCheckinDate: last?.date ?? null,
    }),
  };
}

test('Property: for any rows and any date, the kept figures (when they cover it) or the exact ones give the line all the rows give', () => {
  fc.assert(
    fc.property(
      sourceArb,
      fc.integer({ min: -10, max: 90 }),
      fc.constantFrom('active' as const, 'stopped' as const),
      (src, day, status) => {
        const date = addDays(BASE, day);
        const program: ListProgram | null = src.program
          ? { stage: 1, status, startedOn: src.program.startedOn, stageStartedOn: src.program.startedOn }
          : null;
        const kept = readKept(figuresFrom(src));
        const figures = covers(kept, date) ? kept : readKept(figuresFrom(src, date));
        assert.deepEqual(listLine(figures, program, date, 7), fromAllRows(src, program, date));
      },
    ),
    { numRuns: 500 },
  );
});

test('Property: stored figures read in place give the line the figures give, for any date', () => {
  fc.assert(
    fc.property(
      sourceArb,
      fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
      fc.integer({ min: -10, max: 100 }),
      (src, asOf, day) => {
        const f = figuresFrom(src, asOf === undefined ? undefined : addDays(BASE, asOf));
        const program: ListProgram | null = src.program
          ? { stage: 1, status: 'active', startedOn: src.program.startedOn, stageStartedOn: src.program.startedOn }
          : null;
        const date = addDays(BASE, day);
        const stored = readStored(encodeFigures(f), 'test');
        assert.deepEqual(listLine(stored, program, date, 7), listLine(readKept(f), program, date, 7));
        assert.equal(covers(stored, date), covers(readKept(f), date));
      },
    ),
    { numRuns: 500 },
  );
});

test('attentionKey: a red flag outranks any number of other reasons; otherwise the count of reasons', async () => {
  const { attentionKey } = await import('./patient-list-figures.js');
  const reasons = (n: number) => Array.from({ length: n }, () => 'x') as never[];
  assert.equal(attentionKey({ redFlag: false, needsAttention: reasons(0) }), 0);
  assert.equal(attentionKey({ redFlag: false, needsAttention: reasons(3) }), 3);
  assert.equal(attentionKey({ redFlag: true, needsAttention: reasons(1) }), 1001);
  assert.ok(
    attentionKey({ redFlag: true, needsAttention: reasons(0) }) >
      attentionKey({ redFlag: false, needsAttention: reasons(12) }),
  );
});
