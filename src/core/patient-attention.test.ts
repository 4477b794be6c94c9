import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from './dates.js';
import {
  adherenceJudged,
  ATTENTION,
  attentionReasons,
  painTrend,
  type AttentionInput,
  type PainTrendStatus,
  type ProgramState,
} from './patient-attention.js';

// --- the pain trend against the MCID (DOMAIN.md §7 [39]: 2 points, or 30% down) ---

const trendCases: [string, number, number, PainTrendStatus][] = [
  ['3 -> 6: up 3 points, at least the 2-point MCID', 3, 6, 'worse'],
  ['3 -> 5: up exactly 2 points', 3, 5, 'worse'],
  ['3 -> 4.9: up 1.9 points, under the MCID', 3, 4.9, 'no-meaningful-change'],
  ['6 -> 4: down exactly 2 points', 6, 4, 'improved'],
  ['3 -> 2: down 1 point, but 33% of 3', 3, 2, 'improved'],
  ['5 -> 3.6: down 1.4 points, 28% of 5', 5, 3.6, 'no-meaningful-change'],
  ['10 -> 7.5: down 2.5 points', 10, 7.5, 'improved'],
  ['0 -> 0: no pain either time', 0, 0, 'no-meaningful-change'],
];
for (const [name, baseline, recent, status] of trendCases) {
  test(`Given a first week at ${name}, when the trend is judged, then it is ${status}`, () => {
    assert.equal(painTrend(baseline, recent)?.status, status);
  });
}

test('Given means with many decimals, when the trend is shown, then they are rounded to one decimal and the MCID is named', () => {
  assert.deepEqual(painTrend(10 / 3, 41 / 7), { baseline: 3.3, recent: 5.9, status: 'worse', mcidPoints: 2 });
});

test('Given no baseline or no check-in in the last 7 days, then there is no trend', () => {
  assert.equal(painTrend(null, 4), null);
  assert.equal(painTrend(4, null), null);
});

// --- needs attention ---

const TODAY = '2026-11-20';
const ago = (n: number) => addDays(TODAY, -n);
const running = (startedDaysAgo: number, extra: Partial<ProgramState> = {}): ProgramState => ({
  startedOn: ago(startedDaysAgo),
  status: 'active',
  resumedOn: null,
  ...extra,
});
const input = (over: Partial<AttentionInput>): AttentionInput => ({
  today: TODAY,
  program: running(30),
  adherence7: 1,
  painTrend: 'no-meaningful-change',
  lastCheckinDate: TODAY,
  ...over,
});

const attentionCases: [string, Partial<AttentionInput>, string[]][] = [
  // Issue 17: a patient who signed up today was flagged "adherence under 50%" (0 of 1 session, 0%).
  [
    'a patient who signed up today, no session or check-in yet',
    { program: running(0), adherence7: 0, lastCheckinDate: null, painTrend: null },
    [],
  ],
  ['day 6 of the program (started 5 days ago), no session yet', { program: running(5), adherence7: 0 }, []],
  [
    'day 7 (started 6 days ago: the whole week is in the program), 3 of 7 sessions',
    { program: running(6), adherence7: 3 / 7 },
    [ATTENTION.lowAdherence],
  ],
  ['a month in, exactly half the sessions', { adherence7: 0.5 }, []],
  ['a month in, 3 of 7 sessions', { adherence7: 3 / 7 }, [ATTENTION.lowAdherence]],
  [
    'restarted 3 days ago after a safety stop, 1 of 7 sessions',
    { program: running(30, { resumedOn: ago(3) }), adherence7: 1 / 7 },
    [],
  ],
  [
    'restarted 6 days ago, 1 of 7 sessions',
    { program: running(30, { resumedOn: ago(6) }), adherence7: 1 / 7 },
    [ATTENTION.lowAdherence],
  ],
  [
    'paused by a safety answer, no sessions (they are refused while paused)',
    { program: running(30, { status: 'stopped' }), adherence7: 0 },
    [ATTENTION.redFlag],
  ],
  ['started 6 days ago, never checked in', { program: running(6), lastCheckinDate: null }, []],
  ['started 7 days ago, never checked in', { program: running(7), lastCheckinDate: null }, [ATTENTION.noCheckin]],
  ['last check-in 6 days ago', { lastCheckinDate: ago(6) }, []],
  ['last check-in 7 days ago', { lastCheckinDate: ago(7) }, [ATTENTION.noCheckin]],
  ['a check-in dated tomorrow (a client a day ahead)', { lastCheckinDate: addDays(TODAY, 1) }, []],
  ['pain meaningfully worse', { painTrend: 'worse' }, [ATTENTION.painWorse]],
  [
    'everything at once, in a fixed order',
    { program: running(30, { status: 'stopped' }), painTrend: 'worse', lastCheckinDate: null, adherence7: 0 },
    [ATTENTION.redFlag, ATTENTION.painWorse, ATTENTION.noCheckin],
  ],
  [
    'no program yet (safety check not done)',
    { program: null, adherence7: null, lastCheckinDate: null, painTrend: null },
    [],
  ],
];
for (const [name, over, expected] of attentionCases) {
  test(`Given ${name}, when the list judges attention, then it says ${expected.length ? expected.join('; ') : 'nothing'}`, () => {
    assert.deepEqual(attentionReasons(input(over)), expected);
  });
}

test('The reasons read as the clinician sees them', () => {
  assert.deepEqual(Object.values(ATTENTION), [
    'red flag: program stopped after a safety answer',
    'pain meaningfully worse',
    'no check-in for 7 days',
    'adherence under 50% this week',
  ]);
});

test('Given a restart dated before the program start (restored data), then the start decides the fair window', () => {
  assert.equal(adherenceJudged(running(6, { resumedOn: ago(40) }), TODAY), true);
  assert.equal(adherenceJudged(running(5, { resumedOn: ago(40) }), TODAY), false);
});
