import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeGait } from './analyze-gait.js';
import type { KeypointSeries } from './keypoints.js';

// Real BlazePose keypoints of the Sports2D side-view walk (made by src/pose, test/fixtures/keypoints) against a
// human frame-by-frame annotation of the same video (test/fixtures/gait-reference, docs/gait-reference.md).
const fixture = (p: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url), 'utf8'));
const series = fixture('keypoints/sports2d_demo_walk_side.json') as KeypointSeries;
const flipped = fixture('keypoints/sports2d_demo_walk_side_hflip.json') as KeypointSeries;
interface RefEvent {
  type: 'IC' | 'TO';
  interval: [number, number];
  pass: number | 'consensus';
}
const ref = fixture('gait-reference/sports2d_demo_walk_side.json') as {
  fps: number;
  feet: Record<'near' | 'far', { side: string; events: RefEvent[] }>;
};
const consensus = (foot: 'near' | 'far', type: 'IC' | 'TO'): Array<[number, number]> =>
  ref.feet[foot].events.filter((e) => e.pass === 'consensus' && e.type === type).map((e) => e.interval);
const frameOf = (t: number): number => Math.round(t * ref.fps);
const SLACK = 2; // frames: the annotation's own frame rounding plus one frame of smoothing

test('real side-view walk: the walker is found, side view, walking right to left', () => {
  const a = analyzeGait(series);
  assert.equal(a.view.view, 'side');
  assert.equal(a.view.direction, 'right-to-left');
  assert.ok(a.view.confidence > 0.7);
  assert.equal(ref.feet.near.side, 'left');
});

test('real side-view walk: near-foot heel strikes agree with the human reference and none are missed', () => {
  const a = analyzeGait(series);
  const intervals = consensus('near', 'IC');
  const found = a.events.left.heelStrike.map(frameOf);
  assert.ok(found.length >= 3);
  for (const f of found)
    assert.ok(
      intervals.some(([lo, hi]) => f >= lo - SLACK && f <= hi + SLACK),
      `near IC at frame ${f}`,
    );
  // Every annotated near IC inside the frames where the pose model saw the walker is found.
  const seen = series.frames.filter((fr) => fr.people.length > 0).map((fr) => fr.index);
  const first = Math.min(...seen.filter((i) => i > 70));
  const last = 195;
  for (const [lo, hi] of intervals.filter(([lo, hi]) => lo > first + 3 && hi < last)) {
    assert.ok(
      found.some((f) => f >= lo - SLACK && f <= hi + SLACK),
      `missed near IC [${lo}, ${hi}]`,
    );
  }
});

test('real side-view walk: far-foot heel strikes also lie in the reference intervals (after leg-swap correction)', () => {
  const a = analyzeGait(series);
  const intervals = consensus('far', 'IC');
  const found = a.events.right.heelStrike.map(frameOf);
  assert.ok(found.length >= 3);
  for (const f of found)
    assert.ok(
      intervals.some(([lo, hi]) => f >= lo - SLACK && f <= hi + SLACK),
      `far IC at frame ${f}`,
    );
});

test('real side-view walk: near-foot toe offs lie within 2 frames of the reference', () => {
  const a = analyzeGait(series);
  const intervals = consensus('near', 'TO');
  const inRef = a.events.left.toeOff
    .map(frameOf)
    .filter((f) => intervals.some(([lo, hi]) => f >= lo - SLACK && f <= hi + SLACK));
  assert.ok(inRef.length >= 3, `only ${inRef.length} near toe offs match`);
});

test('real side-view walk: cadence is near the reference stride timing', () => {
  const a = analyzeGait(series);
  // Reference near-foot IC nominations 40, 78, 116, 152 (pass 1): 112 frames for 3 strides → 6 steps.
  const refCadence = (60 * 6) / (112 / ref.fps);
  assert.equal(a.metrics.cadence.status, 'ok');
  if (a.metrics.cadence.status === 'ok')
    assert.ok(Math.abs(a.metrics.cadence.value - refCadence) < 8, `${a.metrics.cadence.value} vs ${refCadence}`);
});

test('mirrored video, where the pose model locked on the background acrobat: no steps are invented', () => {
  const a = analyzeGait(flipped);
  const all = [...consensus('near', 'IC'), ...consensus('far', 'IC')];
  for (const side of ['left', 'right'] as const) {
    for (const f of a.events[side].heelStrike.map(frameOf)) {
      assert.ok(
        all.some(([lo, hi]) => f >= lo - SLACK && f <= hi + SLACK),
        `heel strike at frame ${f} matches no annotated contact`,
      );
    }
  }
  assert.ok(a.warnings.length > 0 || a.metrics.cadence.status === 'ok');
});
