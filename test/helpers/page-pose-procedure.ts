/**
 * The gait screen's pose procedure, run in Node on ONNX Runtime node (issue 13: one answer wherever it runs), so a
 * Node test can hold `footing analyze` to what the page does without a browser:
 * - the walker scan as web/src/gait/walker-scan.ts runs it: every `round(fps / 2)`-th frame of the whole video at
 *   most SCAN_MAX_HEIGHT high, converted by yuv-frame.ts (the page's WebCodecs I420 planes and ffmpeg's yuv420p are
 *   the same planes: H.264 decoders are bit-exact), one tracker, chooseWalker;
 * - the region and frames as web/src/gait/gait-video.tsx's `follow` sets them (roiForCandidate; the candidate's
 *   span when it is 30 frames or more, else the whole video);
 * - one tracking pass over those frames (web/src/gait/estimate-in-browser.ts), the same yuv-frame.ts bytes.
 * What is left of the page is its network kernels (wasm against native: float rounding, e2e/gait-one-engine).
 */
import { blazePoseEstimator } from '../../src/pose/blazepose-estimator.js';
import { openProbed, probeVideo } from '../../src/pose/ffmpeg-frames.js';
import type { RegionOfInterest } from '../../src/pose/frame.js';
import { MODEL_MAX_HEIGHT, SCAN_MAX_HEIGHT } from '../../src/pose/model-frame-size.js';
import { createNodeTracker } from '../../src/pose/node-runtime.js';
import { scanPeople } from '../../src/pose/person-boxes.js';
import { sceneChecks, type SceneChecks, type Thumbnail } from '../../src/pose/scene-checks.js';
import { chooseWalker, frameSpan, roiForCandidate } from '../../src/pose/walker-choice.js';
import type { KeypointSeries } from '../../src/gait/keypoints.js';

export interface PageProcedure {
  roi: RegionOfInterest;
  first: number;
  last: number;
  series: KeypointSeries;
  scene: SceneChecks;
}

/** Scans `file`, follows the chosen walker as the page would (or `roi` and frames when given, as typed into the page). */
export async function pagePoseProcedure(
  file: string,
  given?: { roi: RegionOfInterest; first: number; last: number },
): Promise<PageProcedure> {
  const probed = await probeVideo(file);
  if (!probed.ok) throw new Error(probed.error.message);
  const video = probed.value;
  const { width, height } = video.source;
  const created = await createNodeTracker('onnx');
  if (!created.ok) throw new Error(created.error.message);
  const { tracker, model } = created.value;
  try {
    const every = Math.max(1, Math.round(video.source.fps / 2));
    const scanFrames = openProbed(video, { maxHeight: SCAN_MAX_HEIGHT, every, yuv: true });
    if (!scanFrames.ok) throw new Error(scanFrames.error.message);
    const thumbs: Thumbnail[] = [];
    const boxes = await scanPeople(tracker, scanFrames.value.frames(), { width, height }, undefined, thumbs);
    const scene = sceneChecks(thumbs, boxes, { width, height });
    let target = given;
    if (!target) {
      const choice = chooseWalker(boxes, { width, height, sampleInterval: every / video.source.fps });
      const c = choice.candidates.find((x) => x.id === choice.chosen);
      if (!c) throw new Error('the scan chose nobody');
      const span = frameSpan(c, every, { first: 0, last: video.times.length - 1 });
      const whole = { first: 0, last: video.times.length - 1 };
      target = { roi: roiForCandidate(c, width, height), ...(span.last - span.first >= 30 ? span : whole) };
    }
    const frames = openProbed(video, {
      maxHeight: MODEL_MAX_HEIGHT,
      crop: target.roi,
      first: target.first,
      last: target.last,
      yuv: true,
    });
    if (!frames.ok) throw new Error(frames.error.message);
    const series = await blazePoseEstimator(tracker, model).estimate(frames.value.frames(), {
      source: video.source,
      roi: target.roi,
    });
    return { ...target, series, scene };
  } finally {
    tracker.dispose();
  }
}
