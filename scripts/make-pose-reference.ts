/**
 * Writes test/fixtures/pose-reference/sports2d-walk-onnx.json: what the Node pose runtime (ONNX Runtime networks)
 * gives on a fixed part of the shared walk, so a change to the code around the networks (issue 13: tfjs out of the
 * per-frame path) can be checked against the numbers the earlier code gave (src/pose/pose-reference.test.ts).
 *
 * Procedure (run 2026-12-07 at c0a47de, before that change, for the committed file; run now, it would write the
 * current code's numbers instead): `node --import tsx scripts/make-pose-reference.ts`.
 * It runs, in one process and one thread:
 * - the landmark pass: frames 30-109 of ../shared/data/video/sports2d_demo_walk_side.mp4, decoded as the pose worker
 *   decodes them (yuv420p, frames filled on demand, buffers reused, ffmpeg cropping the hand-set band x 0-1768,
 *   y 480-994 and scaling to MODEL_MAX_HEIGHT), through createNodePoseEstimator('onnx') with the default
 *   follow-back. The walker is first found at frame 40, so the run covers detection, the backward pass and tracking;
 * - the person scan: every 15th frame, 0-225, at SCAN_MAX_HEIGHT, through detectPersonBoxesTiled (the walker scan's
 *   own call), boxes in source pixels.
 * Numbers are rounded to 6 decimals (1e-6 px, far below the tolerance); the test compares within float tolerance, not exactly,
 * because ONNX Runtime's kernels may sum in another order on another CPU.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openVideo } from '../src/pose/ffmpeg-frames.js';
import { createNodePoseEstimator, createNodeTracker } from '../src/pose/node-runtime.js';
import { detectPersonBoxesTiled } from '../src/pose/person-boxes.js';
import { MODEL_MAX_HEIGHT, SCAN_MAX_HEIGHT } from '../src/pose/model-frame-size.js';

const VIDEO = fileURLToPath(new URL('../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));
const OUT = fileURLToPath(new URL('../test/fixtures/pose-reference/sports2d-walk-onnx.json', import.meta.url));
export const REFERENCE_LANDMARKS = { first: 30, last: 109, roi: { x: 0, y: 480, width: 1768, height: 514 } };
export const REFERENCE_SCAN = { first: 0, last: 225, every: 15 };

const est = await createNodePoseEstimator('onnx');
if (!est.ok) throw new Error(est.error.message);
const { first, last, roi } = REFERENCE_LANDMARKS;
const v = await openVideo(VIDEO, { first, last, crop: roi, maxHeight: MODEL_MAX_HEIGHT, yuv: true, reuse: true });
if (!v.ok) throw new Error(v.error.message);
const series = await est.value.estimate(v.value.frames(), { source: v.value.source, roi });

const det = await createNodeTracker('onnx');
if (!det.ok) throw new Error(det.error.message);
const s = await openVideo(VIDEO, {
  first: REFERENCE_SCAN.first,
  last: REFERENCE_SCAN.last,
  every: REFERENCE_SCAN.every,
  maxHeight: SCAN_MAX_HEIGHT,
});
if (!s.ok) throw new Error(s.error.message);
const boxes = [];
for await (const f of s.value.frames())
  boxes.push(...(await detectPersonBoxesTiled(det.value.tracker, f, s.value.source)));

writeFileSync(
  OUT,
  JSON.stringify(
    {
      procedure: 'scripts/make-pose-reference.ts (see its header); written before tfjs left the per-frame path',
      model: est.value.model,
      landmarks: REFERENCE_LANDMARKS,
      scan: REFERENCE_SCAN,
      frames: series.frames,
      boxes,
    },
    (_k, x: unknown) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toFixed(6)) : x),
  ) + '\n',
);
console.log(
  `${series.frames.length} frames (${series.frames.filter((f) => f.people.length).length} with a person), ${boxes.length} boxes -> ${OUT}`,
);
process.exit(0);
