/**
 * Writes the keypoint fixtures: BlazePose-full (Node runtime) on the shared Sports2D walk, plain and mirrored.
 * Run: node --import tsx scripts/make-keypoint-fixtures.ts   (about 15-30 s per video on 2 cores)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openVideo } from '../src/pose/ffmpeg-frames.js';
import { createNodePoseEstimator } from '../src/pose/node-runtime.js';
import { roundSeries } from './round-series.js';

const VIDEO = fileURLToPath(new URL('../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));
const OUT = new URL('../test/fixtures/keypoints/', import.meta.url);
/** 720p-equivalent input: the model sees 1280x720 frames; keypoints are reported in source pixels. */
const MAX_HEIGHT = 720;
/**
 * The walker's region: full width, from y 480 down. Without it BlazePose's ROI tracking locks onto the acrobat on
 * the box (top left) and keeps following them; in the mirrored video it did so for 190 of 230 frames. The region is
 * mirror-symmetric (full width), so both fixtures use the same one.
 */
const ROI = { x: 0, y: 480, width: 1768, height: 514 };

async function main(): Promise<void> {
  const est = await createNodePoseEstimator();
  if (!est.ok) throw new Error(est.error.message);
  for (const [name, hflip] of [
    ['sports2d_demo_walk_side', false],
    ['sports2d_demo_walk_side_hflip', true],
  ] as const) {
    const v = await openVideo(VIDEO, { maxHeight: MAX_HEIGHT, hflip });
    if (!v.ok) throw new Error(v.error.message);
    const t = Date.now();
    const series = await est.value.estimate(v.value.frames(), { source: v.value.source, roi: ROI });
    writeFileSync(new URL(`${name}.json`, OUT), JSON.stringify(roundSeries(series)) + '\n');
    const found = series.frames.filter((f) => f.people.length > 0).length;
    console.log(
      `${name}: ${series.frames.length} frames, person found in ${found}, ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  est.value.dispose();
}

await main();
