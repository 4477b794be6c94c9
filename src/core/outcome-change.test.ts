import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CHANGE_RULES,
  outcomeTrend,
  psfsActivityChanges,
  responderStatus,
  type ResponderMeasureId,
} from './outcome-change.js';
import { scoreOdi } from './outcome-scoring.js';

// Worked by hand from DOMAIN.md §7: NPRS 2 pts or 30%; ODI 10 pts or 30%; NDI 5 raw; PSFS MDC 2 (mean);
// FAAM ADL 8, Sports 9. Worse counts on points only.
const table: [ResponderMeasureId, number, number, string, string][] = [
  ['nprs', 6, 4, 'improved', '2 points'],
  ['nprs', 6, 5, 'no-meaningful-change', '1 point = 17%'],
  ['nprs', 3, 2, 'improved', '1 point = 33% of 3'],
  ['nprs', 10, 8, 'improved', '2 points'],
  ['nprs', 5, 4, 'no-meaningful-change', '1 point = 20%'],
  ['nprs', 1, 0, 'improved', '1 point = 100% of 1'],
  ['nprs', 4, 6, 'worse', 'up 2'],
  ['nprs', 4, 5, 'no-meaningful-change', 'up 1'],
  ['nprs', 0, 1, 'no-meaningful-change', 'up 1 from 0'],
  ['nprs', 0, 2, 'worse', 'up 2 from 0'],
  ['nprs', 5, 5, 'no-meaningful-change', 'same'],
  ['odi', 50, 40, 'improved', '10 points'],
  ['odi', 50, 41, 'no-meaningful-change', '9 points = 18%'],
  ['odi', 30, 21, 'improved', '9 points = 30%'],
  ['odi', 20, 14, 'improved', '6 points = 30%'],
  ['odi', 20, 15, 'no-meaningful-change', '5 points = 25%'],
  ['odi', 40, 50, 'worse', 'up 10'],
  ['odi', 40, 49, 'no-meaningful-change', 'up 9 (22.5% of 40: % counts only for improvement)'],
  ['ndi', 20, 15, 'improved', '5 raw'],
  ['ndi', 20, 16, 'no-meaningful-change', '4 raw'],
  ['ndi', 20, 25, 'worse', 'up 5'],
  ['ndi', 20, 24, 'no-meaningful-change', 'up 4'],
  ['ndi', 6, 2, 'no-meaningful-change', '4 raw = 67%: NDI has no % rule'],
  ['psfs', 4, 6, 'improved', 'up 2 (higher is better)'],
  ['psfs', 4, 5.9, 'no-meaningful-change', 'up 1.9'],
  ['psfs', 6, 4, 'worse', 'down 2'],
  ['faam-adl', 60, 68, 'improved', 'up 8'],
  ['faam-adl', 60, 67.9, 'no-meaningful-change', 'up 7.9'],
  ['faam-adl', 60, 52, 'worse', 'down 8'],
  ['faam-sports', 50, 59, 'improved', 'up 9'],
  ['faam-sports', 50, 58, 'no-meaningful-change', 'up 8'],
  ['faam-sports', 50, 41, 'worse', 'down 9'],
];
for (const [m, a, b, status, why] of table) {
  test(`Given ${m} from ${a} to ${b} (${why}), when compared, then it is ${status}`, () => {
    assert.equal(responderStatus(m, a, b), status);
  });
}

test('Given ODI scores with floating-point noise that differ by exactly 10 points, when compared, then it is improved', () => {
  // 26/45 x 100 = 57.78 is not exact in binary; subtracting 10 may leave a gain of 9.999999999999993.
  const before = scoreOdi({ sections: [3, 3, 3, 2, 4, 3, 2, 3, 3, null] }).score!;
  assert.equal(responderStatus('odi', before, before - 10), 'improved');
  assert.equal(responderStatus('odi', before - 10, before), 'worse');
});

const measures = Object.keys(CHANGE_RULES) as ResponderMeasureId[];
const pointsOnly = measures.filter((m) => CHANGE_RULES[m].fraction === undefined);
const score = fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true });

test('Given the change rules, when listed, then points-only are PSFS, NDI and FAAM (DOMAIN.md gives no % for them)', () => {
  assert.deepEqual([...pointsOnly].sort(), ['faam-adl', 'faam-sports', 'ndi', 'psfs']);
});

test('Property: for points-only measures, a->b improved exactly when b->a is worse, and no change both ways', () => {
  fc.assert(
    fc.property(fc.constantFrom(...pointsOnly), score, score, (m, a, b) => {
      const there = responderStatus(m, a, b);
      const back = responderStatus(m, b, a);
      if (there === 'improved') assert.equal(back, 'worse');
      if (there === 'worse') assert.equal(back, 'improved');
      if (there === 'no-meaningful-change') assert.equal(back, 'no-meaningful-change');
    }),
    { numRuns: 500 },
  );
});
test('Property: for points-or-% measures, a->b worse means b->a improved, and both directions are never improved', () => {
  fc.assert(
    fc.property(fc.constantFrom<ResponderMeasureId>('nprs', 'odi'), score, score, (m, a, b) => {
      const there = responderStatus(m, a, b);
      const back = responderStatus(m, b, a);
      if (there === 'worse') assert.equal(back, 'improved');
      assert.ok(!(there === 'improved' && back === 'improved'));
    }),
    { numRuns: 500 },
  );
});
test('Property: a change in the bad direction is never "improved", and no change is never "improved" or "worse"', () => {
  fc.assert(
    fc.property(fc.constantFrom(...measures), score, score, (m, a, b) => {
      const better = CHANGE_RULES[m].higherIsBetter ? b > a : b < a;
      if (!better) assert.notEqual(responderStatus(m, a, b), 'improved');
      assert.equal(responderStatus(m, a, a), 'no-meaningful-change');
    }),
    { numRuns: 500 },
  );
});

// ---- Trends. ----
test('Given NDI scores over 4 weeks in mixed order, when trended, then baseline is the earliest and latest the last', () => {
  const { trend, problems } = outcomeTrend('ndi', [
    { date: '2024-01-15', score: 16 },
    { date: '2024-01-01', score: 20 },
    { date: '2024-01-29', score: 13 },
    { date: '2024-01-08', score: 18 },
  ]);
  assert.deepEqual(problems, []);
  assert.ok(trend);
  assert.deepEqual(
    trend.points.map((p) => p.score),
    [20, 18, 16, 13],
  );
  assert.equal(trend.baseline.score, 20);
  assert.equal(trend.latest.score, 13);
  assert.equal(trend.change, -7);
  assert.equal(trend.status, 'improved');
  // By hand: x = 0, 7, 14, 28 days (mean 12.25); y = 20, 18, 16, 13 (mean 16.75).
  // Sxy = (-12.25)(3.25) + (-5.25)(1.25) + (1.75)(-0.75) + (15.75)(-3.75) = -39.8125 - 6.5625 - 1.3125 - 59.0625 = -106.75
  // Sxx = 150.0625 + 27.5625 + 3.0625 + 248.0625 = 428.75; slope = -0.248980 per day = -1.742857 per week.
  assert.ok(Math.abs(trend.slopePerWeek! - (-106.75 / 428.75) * 7) < 1e-9);
});
test('Given one score, when trended, then there is no trend yet and no problem', () => {
  assert.deepEqual(outcomeTrend('nprs', [{ date: '2024-01-01', score: 5 }]), { trend: null, problems: [] });
});
test('Given two scores on the same day, when trended, then the slope is null and the entry order is kept', () => {
  const { trend } = outcomeTrend('nprs', [
    { date: '2024-01-01', score: 6 },
    { date: '2024-01-01', score: 3 },
  ]);
  assert.equal(trend!.slopePerWeek, null);
  assert.equal(trend!.status, 'improved');
});
test('Given a bad date and a bad score, when trended, then both are located problems', () => {
  const { trend, problems } = outcomeTrend('odi', [
    { date: '01/02/2024', score: 40 },
    { date: '2024-02-01', score: NaN },
    { date: '2024-03-01', score: 30 },
  ]);
  assert.equal(trend, null);
  assert.deepEqual(
    problems.map((p) => [p.field, p.index]),
    [
      ['scores[0].date', 0],
      ['scores[1].score', 1],
    ],
  );
});
test("Property: scores on a straight line give that line's weekly slope, whatever the input order", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: 365 }), { minLength: 2, maxLength: 12 }),
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.double({ min: 0, max: 50, noNaN: true }),
      fc.integer(),
      (days, perWeek, start, seed) => {
        const at = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        const pts = days.map((d) => ({ date: at(d), score: start + (perWeek * d) / 7 }));
        const shuffled = [...pts].sort(
          (p, q) => ((p.date.charCodeAt(9) * 31 + seed) % 7) - ((q.date.charCodeAt(9) * 31 + seed) % 7),
        );
        const { trend } = outcomeTrend('ndi', shuffled);
        assert.ok(trend && trend.slopePerWeek !== null);
        assert.ok(Math.abs(trend.slopePerWeek - perWeek) < 1e-6, `${trend.slopePerWeek} vs ${perWeek}`);
        const first = Math.min(...days);
        assert.equal(trend.baseline.date, at(first));
      },
    ),
    { numRuns: 200 },
  );
});

test('Given PSFS activities rated twice, when compared one by one, then a 3-point change counts (single-activity MDC)', () => {
  const changes = psfsActivityChanges(
    [
      { name: 'Walking to the shop', rating: 3 },
      { name: 'Lifting a child', rating: 5 },
      { name: 'Gardening', rating: 6 },
      { name: 'Driving', rating: null },
    ],
    [
      { name: ' walking to the shop', rating: 6 },
      { name: 'Lifting a child', rating: 7 },
      { name: 'Gardening', rating: 3 },
      { name: 'Driving', rating: 8 },
      { name: 'Cycling', rating: 2 },
    ],
  );
  assert.deepEqual(
    changes.map((c) => [c.name.trim(), c.baseline, c.latest, c.status]),
    [
      ['walking to the shop', 3, 6, 'improved'],
      ['Lifting a child', 5, 7, 'no-meaningful-change'],
      ['Gardening', 6, 3, 'worse'],
    ],
  );
});
