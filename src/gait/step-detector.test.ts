import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { detectSteps } from './step-detector.js';

// Oxford step-counter data set (SOURCES.md, imu-steps). Ground truth comes from foot switches, not from any
// phone algorithm.
const dataUrl = (p: string): URL => new URL(`../../../shared/data/imu-steps/${p}`, import.meta.url);
const csv = (p: string): number[][] => readFileSync(dataUrl(p), 'utf8').trim().split(/\r?\n/).map((l) => l.split(',').map(Number));

/** Ground-truth cadence written for the test: mean rate over GT intervals, skipping turn/pause gaps (> 1.5 s). */
function gtCadence(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let n = 0; let sum = 0;
  for (let i = 1; i < sorted.length; i++) {
    const d = (sorted[i] as number) - (sorted[i - 1] as number);
    if (d < 1.0) { n++; sum += d; }
  }
  return (60 * n) / sum;
}

const MAX_COUNT_ERROR_PERCENT = 3;
const MAX_CADENCE_ERROR = 2; // steps/min

for (const file of ['oxford_user1_frontpocket_1506422223341.csv', 'oxford_user1_hand_1506421989895.csv', 'oxford_user2_backpocket_1506422483834.csv']) {
  test(`step count and cadence within limits of foot-switch ground truth: ${file}`, () => {
    // Columns: ns timestamp, x, y, z, algo cumulative, GT cumulative (col 6), HW counter. The first row is a zero row.
    const rows = csv(file).filter((r) => (r[0] as number) > 0);
    const gtTotal = (rows[rows.length - 1] as number[])[5] as number;
    const gtTimes: number[] = [];
    for (let i = 1; i < rows.length; i++) {
      const inc = ((rows[i] as number[])[5] as number) - ((rows[i - 1] as number[])[5] as number);
      for (let k = 0; k < inc; k++) gtTimes.push(((rows[i] as number[])[0] as number) / 1e9);
    }
    assert.equal(gtTimes.length, gtTotal);
    const result = detectSteps({ time: rows.map((r) => (r[0] as number) / 1e9), x: rows.map((r) => r[1] as number), y: rows.map((r) => r[2] as number), z: rows.map((r) => r[3] as number) });
    const errorPercent = (100 * (result.steps.length - gtTotal)) / gtTotal;
    assert.ok(Math.abs(errorPercent) <= MAX_COUNT_ERROR_PERCENT, `${result.steps.length} vs GT ${gtTotal} (${errorPercent.toFixed(1)}%)`);
    assert.ok(Math.abs(result.cadence - gtCadence(gtTimes)) <= MAX_CADENCE_ERROR, `cadence ${result.cadence} vs ${gtCadence(gtTimes)}`);
  });
}

test('Pixel in hand: steps vs foot-switch rising edges and the stats.csv total', () => {
  const switches = csv('oxford_opt_Pixel_Jamie_Hard_InHand_1_stepcounter.csv');
  const edges: number[] = [];
  for (let i = 1; i < switches.length; i++) {
    for (const col of [1, 2]) {
      if ((switches[i - 1] as number[])[col] === 0 && (switches[i] as number[])[col] === 1) edges.push(((switches[i] as number[])[0] as number) / 1e9);
    }
  }
  const stats = readFileSync(dataUrl('oxford_opt_stats.csv'), 'utf8').split(/\r?\n/).find((l) => l.startsWith('Pixel_Jamie_Hard_InHand_1,')) as string;
  const statsSteps = Number(stats.split(',')[6]);
  assert.equal(edges.length, statsSteps); // the two ground truths agree (292)
  // Columns: ns timestamp, accuracy, x, y, z.
  const acc = csv('oxford_opt_Pixel_Jamie_Hard_InHand_1_accelerometer.csv');
  const result = detectSteps({ time: acc.map((r) => (r[0] as number) / 1e9), x: acc.map((r) => r[2] as number), y: acc.map((r) => r[3] as number), z: acc.map((r) => r[4] as number) });
  const errorPercent = (100 * (result.steps.length - statsSteps)) / statsSteps;
  assert.ok(Math.abs(errorPercent) <= MAX_COUNT_ERROR_PERCENT, `${result.steps.length} vs ${statsSteps}`);
  assert.ok(Math.abs(result.cadence - gtCadence(edges)) <= MAX_CADENCE_ERROR, `cadence ${result.cadence} vs ${gtCadence(edges)}`);
});

test('a still phone gives no steps; a synthetic bounce at f Hz gives f×60 steps/min', () => {
  const n = 1000;
  const time = Array.from({ length: n }, (_, i) => i / 100);
  const still = detectSteps({ time, x: time.map(() => 0.02), y: time.map(() => 9.81), z: time.map(() => -0.03) });
  assert.equal(still.steps.length, 0);
  // Amplitudes from 1.5 m/s², the low end of walking bounce; the 0.5 m/s² floor after filtering rejects tremor.
  fc.assert(fc.property(fc.double({ min: 1.4, max: 2.4, noNaN: true }), fc.double({ min: 1.5, max: 4, noNaN: true }), (f, amp) => {
    const walk = detectSteps({ time, x: time.map(() => 0), y: time.map((t) => 9.81 + amp * Math.sin(2 * Math.PI * f * t)), z: time.map(() => 0) });
    assert.ok(Math.abs(walk.cadence - 60 * f) < 1, `${walk.cadence} vs ${60 * f}`);
    assert.ok(Math.abs(walk.steps.length - 10 * f) <= 2);
  }), { numRuns: 20 });
});
