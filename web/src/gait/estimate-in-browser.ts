/**
 * Runs the pose model over a video's frames in this browser and times the stages: getting frames (decode, crop,
 * scale, RGBA to RGB) versus the model (crops, BlazePose detector and landmarks, decoding and smoothing). The model is loaded once per page.
 */
import type { KeypointSeries } from '../../../src/gait/keypoints.js';
import { blazePoseEstimator } from '../../../src/pose/blazepose-estimator.js';
import { createBrowserPoseDetector } from '../../../src/pose/browser-runtime.js';
import type { PoseError, PoseEstimator, RegionOfInterest } from '../../../src/pose/frame.js';
import type { PoseTracker } from '../../../src/pose/pose-tracker.js';
import { timedFrames } from '../../../src/pose/timed-frames.js';
import type { FrameSource, OpenedVideo } from './video-source.js';
import { i18n } from '../i18n/i18n.js';

/** One detector per page, shared by the walker scan (walker-scan.ts) and the estimator (one at a time). */
let loading: Promise<{ detector: PoseTracker; model: string } | PoseError> | null = null;
let estimator: PoseEstimator | null = null;

/**
 * The page runs both networks on ONNX Runtime web, the graphs Node runs on the same bytes (src/pose/browser-onnx.ts,
 * src/pose/yuv-frame.ts), so it gives Node's answer. `/gait?pose-runtime=tfjs` keeps the old all-tfjs path: the
 * bench's baseline, and a way out should ONNX Runtime misbehave on some browser.
 */
function runtimeAsked(): 'onnx' | 'tfjs' {
  return new URLSearchParams(globalThis.location?.search ?? '').get('pose-runtime') === 'tfjs' ? 'tfjs' : 'onnx';
}

/** Loads the tracker once (from /models/ on this origin); a failure is returned, and retried on the next call. */
export async function poseDetector(): Promise<{ detector: PoseTracker; model: string } | PoseError> {
  loading ??= createBrowserPoseDetector({ runtime: runtimeAsked() }).then((r) => (r.ok ? r.value : r.error));
  const d = await loading;
  if ('code' in d) loading = null;
  return d;
}

/** The estimator over the shared detector, loaded once; a failure is returned, and retried on the next call. */
export async function poseModel(): Promise<PoseEstimator | PoseError> {
  const d = await poseDetector();
  if ('code' in d) return d;
  estimator ??= blazePoseEstimator(d.detector, d.model);
  return estimator;
}

export interface StageTimes {
  frames: number;
  decodeMs: number;
  modelMs: number;
  totalMs: number;
}

export interface EstimateRun {
  roi: RegionOfInterest;
  first?: number;
  last?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Adds one wait for a frame (or for the end) to the decode time and counts the frames. */
function decodeClock(times: StageTimes): (ms: number, done: boolean) => void {
  return (ms, done) => {
    times.decodeMs += ms;
    if (!done) times.frames++;
  };
}

/** Estimates keypoints for the chosen region and frame range; returns the series and where the time went. */
export async function estimateInBrowser(
  video: OpenedVideo,
  source: FrameSource,
  run: EstimateRun,
): Promise<{ series: KeypointSeries; times: StageTimes } | { error: PoseError }> {
  const model = await poseModel();
  if ('code' in model) return { error: model };
  const first = run.first ?? 0;
  const last = Math.min(video.frameCount - 1, run.last ?? video.frameCount - 1);
  const total = last - first + 1;
  const times: StageTimes = { frames: 0, decodeMs: 0, modelMs: 0, totalMs: 0 };
  const t0 = performance.now();
  try {
    const series = await model.estimate(
      timedFrames(
        source({ roi: run.roi, first, last, ...(run.signal ? { signal: run.signal } : {}) }),
        decodeClock(times),
      ),
      {
        source: { width: video.width, height: video.height, fps: video.fps, frameCount: total },
        roi: run.roi,
        onProgress: (p) => run.onProgress?.(p.done, total),
      },
    );
    times.totalMs = performance.now() - t0;
    times.modelMs = times.totalMs - times.decodeMs;
    return { series, times };
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    const pe = (e as { error?: PoseError }).error;
    if (pe && typeof pe.code === 'string') return { error: pe };
    return {
      error: {
        code: 'decode-failed',
        message: i18n.t('gait:errors.decodeFailed', { reason: e instanceof Error ? e.message : String(e) }),
        location: { file: video.name },
      },
    };
  }
}
