/**
 * The Progress charts' data (chart-series.ts), in Node. Check-ins and days are made by hand; the band is the
 * starting level ± 2 points (NPRS_MCID_POINTS, DOMAIN.md §7 [39]) kept within 0-10, worked out per case below.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Checkin, DailyWalking } from '../api/types.js';
import { painSeries, walkingSeries } from './chart-series.js';

const checkin = (
  id: string,
  at: string,
  context: Checkin['context'],
  back: number | null,
  neck: number | null,
  foot: number | null,
): Checkin => ({
  id,
  at,
  date: at.slice(0, 10),
  context,
  sessionId: null,
  back,
  neck,
  foot,
  regions: [],
  note: null,
  heelFirstSteps: null,
  newLowerLimbSymptoms: null,
});

test('The pain line is the daily check-ins, oldest first; the session scores are left out while daily ones exist', () => {
  const p = painSeries(
    [
      checkin('c', '2026-11-03T08:00:00Z', 'daily', 3, null, 1),
      checkin('s', '2026-11-02T18:00:00Z', 'before', 9, 9, 9),
      checkin('a', '2026-11-01T08:00:00Z', 'daily', 5, 2, null),
    ],
    null,
  );
  assert.deepEqual(
    p.shown.map((c) => c.id),
    ['a', 'c'],
  );
  assert.equal(p.daily, true);
  assert.deepEqual(p.x, [Date.UTC(2026, 10, 1, 8) / 1000, Date.UTC(2026, 10, 3, 8) / 1000]);
  assert.deepEqual(p.columns, { back: [5, 3], neck: [2, null], foot: [null, 1] });
  // No baseline: the first check-in's worst area (back 5) is the start; the band 3-7.
  assert.equal(p.reference, 5);
  assert.deepEqual(p.band, { low: 3, high: 7 });
});

test('Without daily check-ins the session scores are shown; the program baseline wins over the first check-in', () => {
  const p = painSeries(
    [checkin('b', '2026-11-02T18:00:00Z', 'after', 1, 0, 0), checkin('a', '2026-11-02T17:00:00Z', 'before', 2, 0, 0)],
    9,
  );
  assert.deepEqual(
    p.shown.map((c) => c.id),
    ['a', 'b'],
  );
  assert.equal(p.daily, false);
  assert.equal(p.reference, 9);
  // 9 + 2 = 11 is past the scale: the band stops at 10.
  assert.deepEqual(p.band, { low: 7, high: 10 });
  assert.deepEqual(painSeries([checkin('a', '2026-11-02T08:00:00Z', 'daily', 1, 0, null)], null).band, {
    low: 0,
    high: 3,
  });
});

test('No check-ins: nothing to draw and no band', () => {
  const p = painSeries([], null);
  assert.deepEqual([p.shown, p.reference, p.band, p.x], [[], null, null, []]);
  assert.equal(painSeries([], 4).reference, 4); // a baseline is still the starting level
});

const day = (date: string, minutes: number, steps: number): DailyWalking => ({ date, minutes, steps, distanceM: 0 });

test('Walking: days oldest first at local midday, minutes rounded, the target on every day, steps with gaps', () => {
  const w = walkingSeries([day('2026-11-03', 20.6, 0), day('2026-11-01', 10.4, 2500)], 15);
  assert.deepEqual(
    w.days.map((d) => d.date),
    ['2026-11-01', '2026-11-03'],
  );
  assert.deepEqual(w.x, [new Date(2026, 10, 1, 12).getTime() / 1000, new Date(2026, 10, 3, 12).getTime() / 1000]);
  assert.deepEqual(w.minutes, [10, 21]);
  assert.deepEqual(w.target, [15, 15]);
  assert.deepEqual(w.steps, [2500, null]); // a day without steps is a gap in the line, not a zero
});

test('Walking without any steps has no steps line', () => {
  assert.equal(walkingSeries([day('2026-11-01', 30, 0)], 20).steps, null);
});
