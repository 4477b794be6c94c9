import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { forceGaitEvents } from './force-events.js';
import { temporalParameters } from './temporal-parameters.js';
import {
  DOUBLE_SUPPORT_PERCENT_RANGE,
  STANCE_PERCENT_RANGE,
  STEP_LENGTH_TYPICAL_M,
  SWING_PERCENT_RANGE,
  TEMPORAL_SYMMETRY_RATIO_MAX,
} from './reference-ranges.js';

// PhysioNet gaitpdb control GaCo01 (SOURCES.md, gait-force): 100 Hz, tab separated, col 0 time, cols 17/18 totals.
const dataUrl = (p: string): URL => new URL(`../../../shared/data/${p}`, import.meta.url);
const rows = readFileSync(dataUrl('gait-force/GaCo01_01.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.trim().split(/\s+/).map(Number));
const time = rows.map((r) => r[0] as number);
const left = rows.map((r) => r[17] as number);
const right = rows.map((r) => r[18] as number);

/** Independent reference written for the test: plain sample-level threshold at 5% of the 95th percentile. */
function naiveContacts(f: number[]): { on: number[]; off: number[] } {
  const sorted = [...f].sort((a, b) => a - b);
  const thr = 0.05 * (sorted[Math.round(0.95 * (sorted.length - 1))] as number);
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 1; i < f.length; i++) {
    if ((f[i - 1] as number) < thr && (f[i] as number) >= thr) on.push(time[i] as number);
    if ((f[i - 1] as number) >= thr && (f[i] as number) < thr) off.push(time[i] as number);
  }
  return { on, off };
}
const medianOf = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const diffs = (v: number[]): number[] => v.slice(1).map((t, i) => t - (v[i] as number));

const events = forceGaitEvents({ time, left, right });
const params = temporalParameters(events);

test('heel-strike counts match an independent threshold count (SOURCES.md: ~96 L / 98 R)', () => {
  const l = naiveContacts(left);
  const r = naiveContacts(right);
  assert.ok(
    Math.abs(events.left.heelStrike.length - l.on.length) <= 2,
    `L ${events.left.heelStrike.length} vs ${l.on.length}`,
  );
  assert.ok(
    Math.abs(events.right.heelStrike.length - r.on.length) <= 2,
    `R ${events.right.heelStrike.length} vs ${r.on.length}`,
  );
  assert.ok(Math.abs(events.left.heelStrike.length - 96) <= 3);
  assert.ok(Math.abs(events.right.heelStrike.length - 98) <= 3);
  assert.ok(Math.abs(events.left.toeOff.length - l.off.length) <= 2);
});

test('median stride time matches the independent computation and SOURCES.md (1.22 s)', () => {
  const ref = medianOf([...diffs(naiveContacts(left).on), ...diffs(naiveContacts(right).on)]);
  assert.ok(Math.abs(params.strideTime - ref) < 0.02, `${params.strideTime} vs ${ref}`);
  assert.ok(Math.abs(params.strideTime - 1.22) < 0.03);
  // Cadence = two steps per stride.
  assert.ok(Math.abs(params.cadence - 120 / ref) < 2, `cadence ${params.cadence}`);
});

test('stance % agrees with an independent per-stride computation', () => {
  const perStride: number[] = [];
  for (const f of [left, right]) {
    const { on, off } = naiveContacts(f);
    for (let i = 0; i + 1 < on.length; i++) {
      const a = on[i] as number;
      const b = on[i + 1] as number;
      const o = off.find((t) => t > a && t < b);
      if (o !== undefined && b - a < 2) perStride.push((100 * (o - a)) / (b - a));
    }
  }
  const ref = medianOf(perStride);
  assert.ok(Math.abs(params.stancePercent - ref) < 1.5, `${params.stancePercent} vs ${ref}`);
  assert.ok(Math.abs(params.stancePercent + params.swingPercent - 100) < 1e-9);
});

test('stance, swing and double support are physiologically sane against DOMAIN.md §2c [26]', () => {
  // A 66-year-old walking at 1.075 m/s: DOMAIN.md says double support rises with age and lower speed, so allow
  // a few points outside the young-adult textbook band but not a different regime.
  assert.ok(
    params.stancePercent >= STANCE_PERCENT_RANGE.min - 3 && params.stancePercent <= STANCE_PERCENT_RANGE.max + 6,
    `stance ${params.stancePercent}`,
  );
  assert.ok(params.swingPercent >= SWING_PERCENT_RANGE.min - 6 && params.swingPercent <= SWING_PERCENT_RANGE.max + 3);
  assert.ok(
    params.doubleSupportPercent >= DOUBLE_SUPPORT_PERCENT_RANGE.min - 5 &&
      params.doubleSupportPercent <= DOUBLE_SUPPORT_PERCENT_RANGE.max + 12,
    `ds ${params.doubleSupportPercent}`,
  );
  // Double support must be consistent with stance: DS ≈ 2 × stance − 100 for a symmetric gait.
  assert.ok(Math.abs(params.doubleSupportPercent - (2 * params.stancePercent - 100)) < 3);
});

test('healthy control is temporally symmetric (Patterson band, DOMAIN.md §2c [27a])', () => {
  assert.ok(
    params.stepTimeSymmetryRatio >= 1 && params.stepTimeSymmetryRatio < TEMPORAL_SYMMETRY_RATIO_MAX,
    `${params.stepTimeSymmetryRatio}`,
  );
  assert.ok(params.stanceTimeSymmetryRatio < TEMPORAL_SYMMETRY_RATIO_MAX);
});

test('cadence and the demographics reference speed give a plausible step length (DOMAIN.md §2c [26])', () => {
  const demo = readFileSync(dataUrl('gait-force/gaitpdb_demographics.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const header = (demo[0] as string).split(',');
  const row = (demo.find((l) => l.startsWith('GaCo01,')) as string).split(',');
  const speed = Number(row[header.indexOf('Speed_01 (m/sec)')]);
  assert.equal(speed, 1.075);
  const stepLength = speed / (params.cadence / 60);
  assert.ok(Math.abs(stepLength - STEP_LENGTH_TYPICAL_M) < 0.15, `step length ${stepLength}`);
});
