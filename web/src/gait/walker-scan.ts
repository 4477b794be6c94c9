/**
 * The walker scan in the browser, the same first pass as `footing analyze` (src/pose/find-walker.ts): person boxes
 * on about two frames a second, at most 360 px high (the detector sees 224 px tiles anyway), then `chooseWalker`
 * links them into candidates and picks the one who crosses the picture. Frames come from the page's own decoder;
 * nothing leaves the device.
 *
 * Cost: WebCodecs must still decode every frame (each delta frame needs the one before), but only the sampled ones
 * are drawn, read back and shown to the detector (two tiles each); the seek fallback seeks only to sampled frames.
 */
import type { Result } from '../../../src/pose/frame.js';
import { SCAN_MAX_HEIGHT } from '../../../src/pose/model-frame-size.js';
import { scanPeople } from '../../../src/pose/person-boxes.js';
import { timedFrames } from '../../../src/pose/timed-frames.js';
import { sceneChecks, type SceneChecks, type Thumbnail } from '../../../src/pose/scene-checks.js';
import { chooseWalker, type WalkerChoice } from '../../../src/pose/walker-choice.js';
import { poseDetector } from './estimate-in-browser.js';
import type { FrameSource, OpenedVideo } from './video-source.js';

/** Sampled frames per second and scan height, as find-walker.ts. */
export const SCAN_SAMPLES_PER_SECOND = 2;
export { SCAN_MAX_HEIGHT };

export interface WalkerScan extends WalkerChoice {
  /** Frame step between samples and how long the scan took. */
  every: number;
  ms: number;
  /** Frames looked at. */
  samples: number;
  /** Where the time went: loading the model, getting the sampled frames (decoding every frame, drawing the sampled ones). */
  loadMs: number;
  framesMs: number;
  /** Camera motion and light from the sampled frames (src/pose/scene-checks.ts). */
  scene: SceneChecks;
}

/** Sample step and sample count for a video, as find-walker.ts computes them. */
export function scanPlan(video: { fps: number; frameCount: number }): { every: number; samples: number } {
  const every = Math.max(1, Math.round(video.fps / SCAN_SAMPLES_PER_SECOND));
  return { every, samples: Math.floor((video.frameCount - 1) / every) + 1 };
}

/**
 * Scans the opened video. Never run it while the estimator is busy: both use the page's one detector (the caller
 * stops the scan before analysing). Aborting throws an AbortError from the frame source.
 */
export async function scanForWalker(
  video: OpenedVideo,
  frames: FrameSource,
  o: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<Result<WalkerScan>> {
  const t0 = performance.now();
  const d = await poseDetector();
  if ('code' in d) return { ok: false, error: d };
  const loadMs = performance.now() - t0;
  const spent = { ms: 0 };
  const { every, samples } = scanPlan(video);
  const size = { width: video.width, height: video.height };
  o.onProgress?.(0, samples);
  const thumbs: Thumbnail[] = [];
  const boxes = await scanPeople(
    d.detector,
    timedFrames(
      frames({
        roi: { x: 0, y: 0, ...size },
        every,
        maxHeight: SCAN_MAX_HEIGHT,
        ...(o.signal ? { signal: o.signal } : {}),
      }),
      (ms) => {
        spent.ms += ms;
      },
    ),
    size,
    (n) => o.onProgress?.(n, samples),
    thumbs,
  );
  const choice = chooseWalker(boxes, { ...size, sampleInterval: every / video.fps });
  const scene = sceneChecks(thumbs, boxes, size);
  return {
    ok: true,
    value: { ...choice, every, samples, ms: performance.now() - t0, loadMs, framesMs: spent.ms, scene },
  };
}
