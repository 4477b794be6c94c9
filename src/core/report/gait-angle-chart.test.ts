import { test } from 'node:test';
import assert from 'node:assert/strict';
import { angleChart, curvePeak } from './gait-angle-chart.js';
import { KNEE_CYCLE_REFERENCE } from '../../gait/reference-ranges.js';

// Default chart 340 x 180 with margins 36/8/8/24: the plot runs x 36-332 (296 px), y 156 (bottom) to 8 (148 px).

test('curve points: % of the cycle across, degrees up, on axes widened to 10°', () => {
  const c = angleChart({ left: [0, 30, 60], right: [10, 20] });
  // 0-60°: y(0) = 156, y(30) = 156 - 148·30/60 = 82, y(60) = 8; x at 0, 50, 100 % = 36, 184, 332.
  assert.equal(c.paths.left, 'M36 156 L184 82 L332 8');
  // y(10) = 156 - 148/6 = 131.33, y(20) = 156 - 148/3 = 106.67.
  assert.equal(c.paths.right, 'M36 131.3 L332 106.7');
  // axisTicks aims at about five: 60/5 = 12, so a step of 20.
  assert.deepEqual(
    c.yTicks.map((t) => t.value),
    [0, 20, 40, 60],
  );
  assert.deepEqual(
    c.xTicks.map((t) => t.x),
    [36, 95.2, 154.4, 213.6, 272.8, 332],
  );
});

test('negative angles: the axis goes below zero', () => {
  const c = angleChart({ left: [-12, 5], right: null });
  // -20 to 10: y(-12) = 156 - 148·8/30 = 116.53, y(5) = 156 - 148·25/30 = 32.67, the zero line at 57.33.
  assert.equal(c.paths.left, 'M36 116.5 L332 32.7');
  assert.equal(c.paths.right, null);
  assert.deepEqual(
    c.yTicks.map((t) => [t.value, t.y]),
    [
      [-20, 156],
      [-10, 106.7],
      [0, 57.3],
      [10, 8],
    ],
  );
});

test('reference boxes and toe off lines are placed on the same axes', () => {
  const swingPeak = KNEE_CYCLE_REFERENCE.find((b) => b.label === 'peak in swing')!;
  const c = angleChart({
    left: [0, 30, 60],
    right: null,
    reference: [swingPeak],
    toeOffPct: { left: 60, right: null },
  });
  // The box (60-70°) widens the axis to 70: y(70) = 8, y(60) = 156 - 148·60/70 = 29.14; x(60 %) = 36 + 0.6·296 = 213.6.
  assert.deepEqual(
    c.boxes.map((b) => [b.x, b.y, b.width, b.height, b.kind]),
    [[213.6, 8, 118.4, 21.1, 'peak']],
  );
  assert.equal(c.paths.left, 'M36 156 L184 92.6 L332 29.1');
  assert.deepEqual(c.toeOff, { left: 213.6, right: null });
});

test('the knee reference boxes are DOMAIN.md §2c values over its phases', () => {
  assert.deepEqual(
    KNEE_CYCLE_REFERENCE.map((b) => [b.fromPct, b.toPct, b.min, b.max, b.kind]),
    [
      [0, 2, 0, 5, 'range'],
      [0, 36, 15, 20, 'peak'],
      [10, 50, 0, 5, 'lowest'],
      [60, 100, 60, 70, 'peak'],
    ],
  );
});

test('the peak of a curve and where it is', () => {
  assert.deepEqual(curvePeak([1, 5, 3, 5]), { value: 5, pct: 33 });
});
