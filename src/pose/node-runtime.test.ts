import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openVideo } from './ffmpeg-frames.js';
import { createNodePoseEstimator } from './node-runtime.js';
import { LANDMARKS } from '../gait/keypoints.js';

const VIDEO = fileURLToPath(new URL('../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));
const at = (name: (typeof LANDMARKS)[number]) => LANDMARKS.indexOf(name);

test('Given four frames of the walk, then BlazePose finds the walker with heel below knee below hip', async () => {
  const est = await createNodePoseEstimator();
  assert.ok(est.ok);
  const v = await openVideo(VIDEO, { first: 100, last: 103, maxHeight: 480 });
  assert.ok(v.ok);
  const series = await est.value.estimate(v.value.frames(), { source: v.value.source });
  assert.equal(series.width, 1768);
  assert.deepEqual(
    series.frames.map((f) => f.index),
    [100, 101, 102, 103],
  );
  for (const f of series.frames) {
    const p = f.people[0];
    assert.ok(p, `person in frame ${f.index}`);
    assert.equal(p.image.length, 33);
    for (const side of ['left', 'right'] as const) {
      const hip = p.image[at(`${side}_hip`)]!;
      const knee = p.image[at(`${side}_knee`)]!;
      const heel = p.image[at(`${side}_heel`)]!;
      assert.ok(
        heel.y > knee.y && knee.y > hip.y,
        `${side}: heel ${heel.y} knee ${knee.y} hip ${hip.y} in frame ${f.index}`,
      );
    }
    // From the hand annotation (docs/gait-reference.md): around frame 100 her feet are near x 940-1130, y ~930
    // in source pixels. Allow a wide margin: this checks the mapping back to source pixels, not accuracy.
    const heel = p.image[at('left_heel')]!;
    assert.ok(heel.x > 800 && heel.x < 1300, `heel x ${heel.x}`);
    assert.ok(heel.y > 850 && heel.y < 994, `heel y ${heel.y}`);
  }
  // Choosing a person by region: frames are cropped to the walker and landmarks come back in full-frame pixels.
  // Expected positions from the hand annotation, not from this code: at frame 100 her knees are at y ~800-830 and
  // her feet touch the lawn at y ~920-940 (docs/gait-reference.md sheets), between x ~900 and ~1150.
  const v2 = await openVideo(VIDEO, { first: 100, last: 100, maxHeight: 480 });
  assert.ok(v2.ok);
  const roi = { x: 700, y: 300, width: 760, height: 694 };
  const cropped = await est.value.estimate(v2.value.frames(), { source: v2.value.source, roi });
  const p = cropped.frames[0]!.people[0]!;
  const knee = p.image[at('left_knee')]!;
  const heel = p.image[at('left_heel')]!;
  assert.ok(knee.x >= roi.x && knee.x <= roi.x + roi.width, `knee x ${knee.x}`);
  assert.ok(Math.abs(knee.y - 815) < 60, `knee y ${knee.y}`);
  assert.ok(Math.abs(heel.y - 930) < 50 && heel.x > 850 && heel.x < 1200, `heel ${heel.x},${heel.y}`);
  est.value.dispose();
});

test('Given a region of interest outside the picture, then estimate rejects it with a located error', async () => {
  const est = await createNodePoseEstimator();
  assert.ok(est.ok);
  const v = await openVideo(VIDEO, { first: 0, last: 0, maxHeight: 240 });
  assert.ok(v.ok);
  await assert.rejects(
    est.value.estimate(v.value.frames(), { source: v.value.source, roi: { x: 1700, y: 0, width: 200, height: 200 } }),
    (e: { error?: { code: string; location: { field?: string } } }) =>
      e.error?.code === 'bad-roi' && e.error.location.field === 'roi',
  );
  est.value.dispose();
});

test('Given a walker the detector finds late, then she is followed back over earlier frames and later frames are unchanged', async () => {
  const est = await createNodePoseEstimator();
  assert.ok(est.ok);
  // She walks in from the right behind a tree; the person detector first finds her at frame 40 (docs/gait-accuracy.md),
  // and the hand reference (docs/gait-reference.md) has her near heel visible and landing from frame 37 on.
  const run = async (backfill: number) => {
    const v = await openVideo(VIDEO, { first: 30, last: 46, maxHeight: 720 });
    assert.ok(v.ok);
    return est.value.estimate(v.value.frames(), {
      source: v.value.source,
      roi: { x: 0, y: 467, width: 1768, height: 527 },
      backfill,
    });
  };
  const without = await run(0);
  const withBack = await run(15);
  const firstWith = (s: typeof without) => s.frames.find((f) => f.people.length)?.index;
  const seed = firstWith(without)!;
  assert.ok(seed > 30, `the detector needs a few frames to find her (first at ${seed})`);
  assert.ok(firstWith(withBack)! < seed, `followed back from ${seed} to ${firstWith(withBack)}`);
  // Every frame found by following back sits to the right of (behind, in her direction of travel) the first detection.
  const heelX = (s: typeof without, i: number) =>
    s.frames.find((f) => f.index === i)!.people[0]!.image[at('left_heel')]!.x;
  for (let i = firstWith(withBack)!; i < seed; i++)
    assert.ok(heelX(withBack, i) >= heelX(withBack, seed) - 5, `frame ${i}`);
  // From the first detection on, the forward pass is exactly what it was without the detour.
  for (const f of without.frames.filter((x) => x.index >= seed)) {
    const g = withBack.frames.find((x) => x.index === f.index)!;
    assert.deepEqual(g.people, f.people, `frame ${f.index}`);
  }
  est.value.dispose();
});
