import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WALKING_KINDS, dailyTotals, localDate, type WalkingKind, type WalkingSample } from './walking.js';

const sample = (start: string, kind: WalkingKind, value: number, end = start): WalkingSample => ({
  source: 'manual',
  device: null,
  start,
  end,
  kind,
  value,
  unit: WALKING_KINDS[kind],
});

const localCases: [string, string][] = [
  ['2024-03-05T23:30:00-05:00', '2024-03-05'], // 04:30 UTC the next day, but the person's day is the 5th
  ['2024-03-06T00:10:00+09:00', '2024-03-06'],
  ['2024-03-05T12:00:00Z', '2024-03-05'],
  ['2024-03-05', '2024-03-05'],
];
for (const [iso, date] of localCases) {
  test(`Given the timestamp ${iso}, when taking its local date, then it is ${date} (the offset it was written with)`, () => {
    assert.equal(localDate(iso), date);
  });
}

test('Given a timestamp that is not ISO 8601, when taking its local date, then it throws naming the value', () => {
  assert.throws(() => localDate('5 March 2024'), /5 March 2024/);
});

test('Given samples over two days, when totalled, then steps, metres and minutes add up per start date, sorted', () => {
  const totals = dailyTotals([
    sample('2024-03-06T08:00:00+01:00', 'steps', 1200),
    sample('2024-03-05T08:00:00+01:00', 'steps', 3000),
    sample('2024-03-05T18:00:00+01:00', 'steps', 2500),
    sample('2024-03-05T18:00:00+01:00', 'distance', 1800),
    sample('2024-03-05T18:00:00+01:00', 'duration', 1500), // 25 min
    // Crosses midnight: counted on the day it started.
    sample('2024-03-05T23:50:00+01:00', 'duration', 1200, '2024-03-06T00:10:00+01:00'),
    // Kinds that are not totals are ignored by the sums.
    sample('2024-03-05T18:00:00+01:00', 'speed', 1.3),
    sample('2024-03-05T18:00:00+01:00', 'cadence', 110),
  ]);
  assert.deepEqual(totals, [
    { date: '2024-03-05', steps: 5500, distanceM: 1800, minutes: 45 },
    { date: '2024-03-06', steps: 1200, distanceM: 0, minutes: 0 },
  ]);
});

test('Given no samples, when totalled, then there are no days', () => {
  assert.deepEqual(dailyTotals([]), []);
});

test('Property: the step totals over all days equal the sum of the step samples, and each date appears once', () => {
  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2024-02-${String(d).padStart(2, '0')}T10:00:00+00:00`);
  const s = fc.record({ start: day, steps: fc.integer({ min: 0, max: 30_000 }) });
  fc.assert(
    fc.property(fc.array(s, { maxLength: 40 }), (xs) => {
      const totals = dailyTotals(xs.map((x) => sample(x.start, 'steps', x.steps)));
      assert.equal(
        totals.reduce((a, d) => a + d.steps, 0),
        xs.reduce((a, x) => a + x.steps, 0),
      );
      assert.equal(new Set(totals.map((d) => d.date)).size, totals.length);
      assert.equal(totals.length, new Set(xs.map((x) => x.start.slice(0, 10))).size);
    }),
    { numRuns: 200 },
  );
});
