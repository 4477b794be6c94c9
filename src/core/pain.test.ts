import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { activityPainBand, isMeaningfulImprovement, isMeaningfulWorsening, isNprs } from './pain.js';

// DOMAIN.md §7 [39]: NPRS MCID is 2 points or 30% (of the starting score). Expected values worked out by hand.
const improvementCases: [number, number, boolean, string][] = [
  [6, 4, true, '2 points'],
  [3, 2, true, '1 point but 33%'],
  [8, 7, false, '1 point and 12.5%'],
  [10, 8, true, '2 points (20%)'],
  [10, 9, false, '1 point and 10%'],
  [4, 3, false, '1 point and 25%'],
  [2, 1, true, '1 point but 50%'],
  [1, 0, true, '1 point but 100%'],
  [5, 5, false, 'no change'],
  [4, 6, false, 'a rise'],
  [0, 0, false, 'no pain before or after'],
];
for (const [before, after, expected, why] of improvementCases) {
  test(`Given NPRS ${before} then ${after}, when judging improvement, then it is ${expected ? '' : 'not '}meaningful (${why})`, () => {
    assert.equal(isMeaningfulImprovement(before, after), expected);
  });
}

// DOMAIN.md §8: worsening is anchored to the 2-point MCID.
const worseningCases: [number, number, boolean][] = [
  [3, 5, true],
  [3, 4, false],
  [0, 2, true],
  [8, 10, true],
  [5, 3, false],
  [5, 5, false],
];
for (const [before, after, expected] of worseningCases) {
  test(`Given NPRS ${before} then ${after}, when judging worsening, then it is ${expected ? '' : 'not '}meaningful`, () => {
    assert.equal(isMeaningfulWorsening(before, after), expected);
  });
}

// DOMAIN.md §8 [46]: 0-2 safe, 2-5 acceptable, >5 high risk (the edges 2 and 5 belong to the lower band).
const bands: [number, 'safe' | 'acceptable' | 'high-risk'][] = [
  [0, 'safe'],
  [2, 'safe'],
  [3, 'acceptable'],
  [5, 'acceptable'],
  [6, 'high-risk'],
  [10, 'high-risk'],
];
for (const [pain, band] of bands) {
  test(`Given pain ${pain}/10 during activity, when banded, then it is ${band}`, () => {
    assert.equal(activityPainBand(pain), band);
  });
}

const nprsCases: [unknown, boolean][] = [
  [0, true],
  [10, true],
  [5, true],
  [-1, false],
  [11, false],
  [2.5, false],
  [Number.NaN, false],
  ['5', false],
  [null, false],
];
for (const [value, expected] of nprsCases) {
  test(`Given ${String(value)} (${typeof value}), when checked as NPRS, then it is ${expected ? 'valid' : 'invalid'}`, () => {
    assert.equal(isNprs(value), expected);
  });
}

test('Property: improvement matches an independent integer rule (drop >= 2, or 10 x drop >= 3 x before)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (before, after) => {
      const drop = before - after;
      // Integer form of "drop / before >= 30%", so no floating-point division is involved.
      const expected = drop > 0 && (drop >= 2 || 10 * drop >= 3 * before);
      assert.equal(isMeaningfulImprovement(before, after), expected);
    }),
    { numRuns: 200 },
  );
});
