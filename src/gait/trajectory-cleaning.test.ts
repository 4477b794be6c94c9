import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fillGaps } from './trajectory-cleaning.js';
import { gaussianSmoothIrregular } from './signal-filters.js';

// Given irregular frame times (variable frame rate) and a straight-line signal with holes,
// When gaps are filled with a 0.2 s limit,
// Then holes spanning ≤ 0.2 s are filled exactly on the line and longer holes stay missing.
test('gap filling: short gaps interpolated on real timestamps, long gaps never', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0.008, max: 0.06, noNaN: true }), { minLength: 20, maxLength: 120 }),
      fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      (dts, holes, slope) => {
        const time: number[] = [0];
        for (const d of dts) time.push((time[time.length - 1] as number) + d);
        const truth = time.map((t) => 3 + slope * t);
        const values = truth.map((v, i) => (i > 0 && i < time.length - 1 && holes[i] ? NaN : v));
        const filled = fillGaps(time, values, 0.2);
        for (let i = 0; i < time.length; i++) {
          if (Number.isFinite(values[i] as number)) {
            assert.equal(filled[i], values[i]);
            continue;
          }
          let a = i;
          while (!Number.isFinite(values[a] as number)) a--;
          let b = i;
          while (!Number.isFinite(values[b] as number)) b++;
          const span = (time[b] as number) - (time[a] as number);
          if (span <= 0.2) assert.ok(Math.abs((filled[i] as number) - (truth[i] as number)) < 1e-6);
          else assert.ok(Number.isNaN(filled[i]), `gap of ${span}s must stay missing`);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('gaps at the ends are never extrapolated', () => {
  const out = fillGaps([0, 0.03, 0.06, 0.09], [NaN, 1, 2, NaN], 0.2);
  assert.ok(Number.isNaN(out[0]) && Number.isNaN(out[3]));
});

test('Gaussian smoothing keeps a line unchanged inside, never fills missing samples', () => {
  const time = Array.from({ length: 60 }, (_, i) => i / 30 + (i % 3) * 0.004);
  const line = time.map((t) => 2 * t + 1);
  const sm = gaussianSmoothIrregular(time, line, 0.025);
  for (let i = 5; i < 55; i++) assert.ok(Math.abs((sm[i] as number) - (line[i] as number)) < 0.01);
  const holed = line.map((v, i) => (i === 30 ? NaN : v));
  assert.ok(Number.isNaN(gaussianSmoothIrregular(time, holed, 0.025)[30]));
});
