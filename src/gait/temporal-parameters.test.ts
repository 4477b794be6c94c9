import { test } from 'node:test';
import assert from 'node:assert/strict';
import { temporalParameters } from './temporal-parameters.js';

// Hand-built contacts (s). An uneven walker: every right step (left contact to right contact) lasts 0.5 s and every
// left step 0.7 s, so each stride lasts 1.2 s and holds two steps: 2 steps / 1.2 s = 100 steps a minute.
const unevenLeft = [0, 1.2, 2.4, 3.6];
const unevenRight = [0.5, 1.7, 2.9, 4.1];

test("cadence of an uneven walker is the steps they take per minute (100), not 60 / one side's step", () => {
  const p = temporalParameters({
    left: { heelStrike: unevenLeft, toeOff: [] },
    right: { heelStrike: unevenRight, toeOff: [] },
  });
  // Seven steps, four of 0.5 s and three of 0.7 s: their median is 0.5 s, which would say 120 steps/min.
  assert.deepEqual(
    [...p.stepTimes.left, ...p.stepTimes.right].map((d) => Number(d.toFixed(9))).sort(),
    [0.5, 0.5, 0.5, 0.5, 0.7, 0.7, 0.7],
  );
  assert.ok(Math.abs(p.cadence - 100) < 1e-9, `cadence ${p.cadence}`);
  // The asymmetry itself stays visible where it belongs: 0.7 / 0.5.
  assert.ok(Math.abs(p.stepTimeSymmetryRatio - 1.4) < 1e-9, `ratio ${p.stepTimeSymmetryRatio}`);
});

test('cadence of an even walker: 60 / the step time (0.6 s steps give 100 steps/min)', () => {
  const left = [0, 1.2, 2.4];
  const right = [0.6, 1.8, 3.0];
  const p = temporalParameters({ left: { heelStrike: left, toeOff: [] }, right: { heelStrike: right, toeOff: [] } });
  assert.ok(Math.abs(p.cadence - 100) < 1e-9, `cadence ${p.cadence}`);
});

test('cadence from one step when no foot lands twice: 60 / that step (no stride to take it from)', () => {
  const p = temporalParameters({ left: { heelStrike: [1.0], toeOff: [] }, right: { heelStrike: [1.5], toeOff: [] } });
  assert.deepEqual(p.strideTimes, { left: [], right: [] });
  assert.ok(Math.abs(p.cadence - 120) < 1e-9, `cadence ${p.cadence}`);
});
