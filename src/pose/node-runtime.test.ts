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
  assert.deepEqual(series.frames.map((f) => f.index), [100, 101, 102, 103]);
  for (const f of series.frames) {
    const p = f.people[0];
    assert.ok(p, `person in frame ${f.index}`);
    assert.equal(p.image.length, 33);
    for (const side of ['left', 'right'] as const) {
      const hip = p.image[at(`${side}_hip`)]!; const knee = p.image[at(`${side}_knee`)]!; const heel = p.image[at(`${side}_heel`)]!;
      assert.ok(heel.y > knee.y && knee.y > hip.y, `${side}: heel ${heel.y} knee ${knee.y} hip ${hip.y} in frame ${f.index}`);
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
  const knee = p.image[at('left_knee')]!; const heel = p.image[at('left_heel')]!;
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
    (e: { error?: { code: string; location: { field?: string } } }) => e.error?.code === 'bad-roi' && e.error.location.field === 'roi',
  );
  est.value.dispose();
});
