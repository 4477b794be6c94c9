/**
 * Writes the keypoint fixtures: BlazePose-full (Node runtime) on the shared Sports2D walk, plain and mirrored.
 * Run: node --import tsx scripts/make-keypoint-fixtures.ts   (about 15-30 s per video on 2 cores)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openVideo } from '../src/pose/ffmpeg-frames.js';
import { createNodePoseEstimator } from '../src/pose/node-runtime.js';
import type { KeypointSeries } from '../src/gait/keypoints.js';

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

const r1 = (v: number) => Math.round(v * 10) / 10;
const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Rounds to 1 decimal in pixels and 3 decimals elsewhere to keep the fixture small. */
function round(s: KeypointSeries): KeypointSeries {
  return {
    ...s,
    frames: s.frames.map((f) => ({
      index: f.index,
      time: r3(f.time),
      people: f.people.map((p) => ({
        score: r3(p.score),
        image: p.image.map((k) => ({ x: r1(k.x), y: r1(k.y), visibility: r3(k.visibility) })),
        world: p.world?.map((k) => ({ x: r3(k.x), y: r3(k.y), z: r3(k.z), visibility: r3(k.visibility) })) ?? null,
      })),
    })),
  };
}

async function main(): Promise<void> {
  const est = await createNodePoseEstimator();
  if (!est.ok) throw new Error(est.error.message);
  for (const [name, hflip] of [['sports2d_demo_walk_side', false], ['sports2d_demo_walk_side_hflip', true]] as const) {
    const v = await openVideo(VIDEO, { maxHeight: MAX_HEIGHT, hflip });
    if (!v.ok) throw new Error(v.error.message);
    const t = Date.now();
    const series = await est.value.estimate(v.value.frames(), { source: v.value.source, roi: ROI });
    writeFileSync(new URL(`${name}.json`, OUT), JSON.stringify(round(series)) + '\n');
    const found = series.frames.filter((f) => f.people.length > 0).length;
    console.log(`${name}: ${series.frames.length} frames, person found in ${found}, ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  est.value.dispose();
}

await main();
