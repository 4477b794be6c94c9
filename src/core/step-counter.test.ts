import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseAccelCsv } from './accel-csv.js';
import { countSteps, createStepCounter, MAX_STEP_INTERVAL_MS, recentCadence, summariseSteps } from './step-counter.js';

const G = 9.81;
/** A seeded generator (tests must not change from run to run). */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/**
 * 2 s still, then 60 s of walking at 1.8 steps/s (the magnitude rising and falling 2 m/s² about gravity, one peak
 * per step), then 2 s still: the peaks fall at 2 + (k + 0.25) / 1.8 s for k = 0..107, so 108 steps, 107 intervals
 * of 1/1.8 s (walking time 107 / 1.8 = 59.4 s) and a cadence of 1.8 × 60 = 108 steps/min.
 */
function walk(times: number[], axis: 0 | 1 | 2 = 2): [number, number, number, number][] {
  return times.map((tMs) => {
    const t = tMs / 1000;
    const m = t < 2 || t > 62 ? G : G + 2 * Math.sin(2 * Math.PI * 1.8 * (t - 2));
    const v: [number, number, number] = [0, 0, 0];
    v[axis] = m;
    return [tMs, ...v];
  });
}
const every = (ms: number, until = 64_000) => Array.from({ length: Math.floor(until / ms) + 1 }, (_, i) => i * ms);

test('A walk of 108 steps at 1.8 steps/s counts 108 steps, 59.4 s of walking and 108 steps/min', () => {
  const s = countSteps(walk(every(10)));
  assert.deepEqual(s, { steps: 108, walking_s: 59.4, cadence_spm: 108 });
});

test("The count does not depend on the sensor clock (60 Hz like an iPhone, 100 Hz, uneven) or the phone's orientation", () => {
  const r = rng(7);
  const uneven: number[] = [];
  for (let t = 0; t <= 64_000; t += 5 + r() * 30) uneven.push(t);
  for (const times of [every(1000 / 60), every(10), uneven]) assert.equal(countSteps(walk(times)).steps, 108);
  assert.equal(countSteps(walk(every(1000 / 60), 0)).steps, 108);
  // A clock that does not start at zero (DeviceMotion's event time, the Oxford files' nanoseconds since boot).
  assert.equal(
    countSteps(walk(every(10)).map(([t, x, y, z]) => [t + 583_718_602, x, y, z] as [number, number, number, number]))
      .steps,
    108,
  );
});

test('A phone lying still counts no steps from its sensor noise', () => {
  const r = rng(3);
  const noise = () => (r() - 0.5) * 0.1; // ±0.05 m/s² on each axis
  const c = createStepCounter();
  for (let t = 0; t <= 120_000; t += 10) c.push(t, noise(), noise(), G + noise());
  assert.equal(c.steps, 0);
});

test('Live: the count grows as samples come, one at a time, and ends where the whole recording does', () => {
  const samples = walk(every(10));
  const c = createStepCounter();
  const seen: number[] = [];
  for (const [t, x, y, z] of samples) seen.push(c.push(t, x, y, z));
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! >= seen[i - 1]!);
  assert.ok(seen[3_200]! > 40 && seen[3_200]! < 70, `about half the steps after 32 s: ${seen[3_200]}`);
  assert.equal(c.steps, 108);
  assert.equal(c.stepTimes().length, 108);
  // Samples that do not move forward in time or are not numbers are ignored.
  assert.equal(c.push(1000, 0, 0, G), 108);
  assert.equal(c.push(70_000, Number.NaN, 0, G), 108);
});

test('Walking time leaves out pauses over 2 s; cadence is the intervals over that time', () => {
  assert.equal(MAX_STEP_INTERVAL_MS, 2000);
  // Intervals 500, 500, 3000 (a pause), 600: 1.6 s of walking, 3 intervals -> 3 / 1.6 × 60 = 112.5 steps/min.
  assert.deepEqual(summariseSteps([0, 500, 1000, 4000, 4600]), { steps: 5, walking_s: 1.6, cadence_spm: 112.5 });
  assert.deepEqual(summariseSteps([1000]), { steps: 1, walking_s: 0, cadence_spm: null });
  assert.deepEqual(summariseSteps([]), { steps: 0, walking_s: 0, cadence_spm: null });
});

test('The live cadence is that of the last 15 s of steps, and none once the person stops', () => {
  // Steps every 600 ms for 30 s (100/min), then every 500 ms (120/min) from 30 s to 45 s.
  const steps: number[] = [];
  for (let t = 0; t <= 30_000; t += 600) steps.push(t);
  for (let t = 30_500; t <= 45_000; t += 500) steps.push(t);
  assert.equal(
    recentCadence(
      steps.filter((t) => t <= 29_400),
      29_500,
    ),
    100,
  );
  assert.equal(recentCadence(steps, 45_100), 120); // the 15 s from 30.1 s hold only the faster steps
  assert.equal(recentCadence(steps, 47_500), null); // 2.5 s after the last step
  assert.equal(recentCadence([0, 600, 1200], 1300), null); // fewer than 4 steps
});

test("The issue's recordings with the phone in the hand or front pocket: total within 3 % of the counted steps", () => {
  const dir = new URL('../../../shared/data/imu-steps/', import.meta.url).pathname;
  const cases: [string, number][] = [
    // Ground truth from the files: the last line's cumulative foot-sensor count (column 6), and for the
    // optimisation recording the foot switches' rising edges (292, as the data set's stats.csv says).
    ['oxford_user1_hand_1506421989895.csv', 326],
    ['oxford_user1_frontpocket_1506422223341.csv', 327],
    ['oxford_opt_Pixel_Jamie_Hard_InHand_1_accelerometer.csv', 292],
  ];
  for (const [file, truth] of cases) {
    const rec = parseAccelCsv(readFileSync(dir + file, 'utf8'));
    assert.deepEqual(rec.problems, []);
    if (rec.groundTruthSteps !== null) assert.equal(rec.groundTruthSteps, truth);
    const { steps } = countSteps(rec.samples);
    assert.ok(Math.abs(steps - truth) / truth <= 0.03, `${file}: ${steps} steps counted, ${truth} walked`);
  }
});
