import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeGait } from './analyze-gait.js';
import type { KeypointSeries } from './keypoints.js';
import { runningContacts } from './keypoint-events.js';

/** Samples at `hz` of the position whose velocity is `v(t)`, integrated finely from 0 (exact enough for 1e-4 s). */
function integrate(v: (t: number) => number, until: number, hz: number): { time: number[]; x: number[] } {
  const time: number[] = [];
  const x: number[] = [];
  let pos = 0;
  const dt = 1e-5;
  let next = 0;
  for (let t = 0; t <= until + 1e-9; t += dt) {
    if (t >= next - 1e-9) {
      time.push(Number(next.toFixed(6)));
      x.push(pos);
      next += 1 / hz;
    }
    pos += v(t + dt / 2) * dt;
  }
  return { time, x };
}

test('a foot drawn back before it lands: the contact is half way from the forward peak to the stance velocity', () => {
  // By hand: forward at 3 units/s until 0.40 s, slowing to 0 at 0.50 s (the forward peak, Zeni's heel strike), then
  // drawn back, its velocity falling linearly from 0 to -2 by 0.54 s, then -2 through the stance to the toe off at
  // 0.80 s. Half the stance velocity (-1) is reached half way through the retraction: 0.52 s.
  const v = (t: number) => (t < 0.4 ? 3 : t < 0.5 ? (3 * (0.5 - t)) / 0.1 : t < 0.54 ? (-2 * (t - 0.5)) / 0.04 : -2);
  const { time, x } = integrate(v, 1, 100);
  const [ic] = runningContacts(time, x, [0.5], [0.8]);
  assert.ok(Math.abs(ic! - 0.52) <= 0.005, `contact at ${ic}`);
  // At 30 frames a second the same movement gives the same contact within a third of a frame.
  const coarse = integrate(v, 1, 30);
  const [ic30] = runningContacts(coarse.time, coarse.x, [0.5], [0.8]);
  assert.ok(Math.abs(ic30! - 0.52) <= 0.011, `contact at ${ic30} at 30 fps`);
});

test("no backward stance movement (or no toe off after it): Zeni's heel strike is kept", () => {
  const { time, x } = integrate(() => 0, 1, 30);
  assert.deepEqual(runningContacts(time, x, [0.5], [0.8]), [0.5]);
  const moving = integrate((t) => (t < 0.5 ? 1 : -1), 1, 30);
  assert.deepEqual(runningContacts(moving.time, moving.x, [0.5], []), [0.5]);
});

test('treadmill run (real clip, hand reference): the contacts are no longer early, each within a frame and a half', () => {
  // test/fixtures/gait-clips (a dev clip: the retraction was seen on it while the method was written), reference made
  // by hand before any model ran (docs/gait-references/treadmill-run-side-a.md). Zeni's peak alone was 1.09 frames
  // early on average (docs/gait-accuracy.md before this change); the hand reference's two passes differ by a median
  // of 2 frames, so a frame and a half is as close as the reference can tell. The share within one frame is in
  // docs/gait-accuracy.md (the target is over the whole set, not per clip).
  const fixture = (p: string): unknown =>
    JSON.parse(readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url), 'utf8'));
  const series = fixture('keypoints/treadmill-run-side-a.json') as KeypointSeries;
  const ref = fixture('gait-reference/treadmill-run-side-a.json') as {
    fps: number;
    feet: Record<
      string,
      { side: 'left' | 'right'; events: Array<{ type: string; pass: unknown; nominated: number; clarity: string }> }
    >;
  };
  const a = analyzeGait(series);
  assert.equal(a.mode, 'run');
  const errors: number[] = [];
  for (const foot of Object.values(ref.feet)) {
    const found = a.events[foot.side].heelStrike.map((t) => t * ref.fps);
    for (const e of foot.events.filter((x) => x.pass === 'consensus' && x.type === 'IC' && x.clarity === 'clear')) {
      const nearest = found.reduce((b, f) => (Math.abs(f - e.nominated) < Math.abs(b - e.nominated) ? f : b), Infinity);
      // A contact at the clip's first frames has no forward peak before it (the track starts in the air): not matched.
      if (Math.abs(nearest - e.nominated) <= 5) errors.push(nearest - e.nominated);
    }
  }
  assert.ok(errors.length >= 32, `${errors.length} of 34 clear contacts matched`);
  const mean = errors.reduce((s, x) => s + x, 0) / errors.length;
  assert.ok(Math.abs(mean) <= 0.5, `mean error ${mean.toFixed(2)} frames`);
  const far = errors.filter((x) => Math.abs(x) > 1.5);
  assert.deepEqual(far, [], 'contacts more than a frame and a half off');
});
