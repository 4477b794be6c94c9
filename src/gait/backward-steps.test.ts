import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeGait } from './analyze-gait.js';
import type { KeypointSeries } from './keypoints.js';
import { syntheticWalk } from './synthetic-walker.js';

// A forward walk followed by the same frames played backward: the walker keeps facing the same way and moves back
// over the ground, heel last, as someone stepping backward does. Truth (the contacts of the forward part) comes
// from the synthetic walker's own definition, not from the analysis.
const FPS = 30;
function forwardThenBackward(seconds: number): { series: KeypointSeries; forwardContacts: number[] } {
  const { series, truth } = syntheticWalk({ view: 'side-left', duration: seconds, fps: FPS, noisePx: 0.5, seed: 5 });
  const n = series.frames.length;
  const back = series.frames.map((_, k) => ({
    index: n + k,
    time: (n + k) / FPS,
    people: series.frames[n - 1 - k]!.people,
  }));
  return {
    series: { ...series, frames: [...series.frames, ...back] },
    forwardContacts: [...truth.events.left.heelStrike, ...truth.events.right.heelStrike],
  };
}

test('a walk forward then backward: the backward steps are not timed, the analysis says so, and the forward contacts stay', () => {
  const seconds = 6;
  const { series, forwardContacts } = forwardThenBackward(seconds);
  const a = analyzeGait(series);
  assert.equal(a.view.view, 'side');
  assert.ok(
    a.warnings.some((w) => w.code === 'walking-backward'),
    JSON.stringify(a.warnings.map((w) => w.code)),
  );
  const found = [...a.events.left.heelStrike, ...a.events.right.heelStrike];
  // Nothing after the turn-back point plus one step (0.57 s at the walker's 105 steps/min).
  assert.deepEqual(
    found.filter((t) => t > seconds + 60 / 105),
    [],
    'contacts reported while walking backward',
  );
  // Every true forward contact away from the clip's start and the turn-back point is found within a frame.
  for (const t of forwardContacts.filter((c) => c > 1 && c < seconds - 1)) {
    assert.ok(
      found.some((f) => Math.abs(f - t) <= 1 / FPS),
      `forward contact at ${t.toFixed(2)} s not found`,
    );
  }
  // The cadence is the forward walk's (105 steps/min by construction).
  const cadence = a.metrics.cadence as { status: string; value: number };
  assert.equal(cadence.status, 'ok');
  assert.ok(Math.abs(cadence.value - 105) <= 2, `cadence ${cadence.value}`);
});

test('walking forward only, overground or on a treadmill: nothing is taken for walking backward', () => {
  for (const treadmill of [false, true]) {
    const { series } = syntheticWalk({ view: 'side-right', duration: 8, treadmill, noisePx: 1, seed: 9 });
    const a = analyzeGait(series);
    assert.ok(
      !a.warnings.some((w) => w.code === 'walking-backward'),
      `treadmill ${treadmill}: ${JSON.stringify(a.warnings.map((w) => w.code))}`,
    );
  }
});
