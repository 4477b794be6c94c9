/**
 * Pose estimation of a whole video file in Node using every core: the video is cut into contiguous segments
 * (segment-plan.ts), each estimated by its own worker thread with its own ffmpeg decoder and its own BlazePose
 * model, and the keypoint frames are stitched back in order. One worker (or `workers: 1`) is the plain path.
 */
import type { KeypointSeries, PoseFrame } from '../gait/keypoints.js';
import type { Result, SourceInfo } from './frame.js';
import { fail } from './frame.js';
import { probed, type VideoInput } from './ffmpeg-frames.js';
import { MODEL_MAX_HEIGHT } from './model-frame-size.js';
import type { PoseRunOptions } from './pose-run-options.js';
import { checkRoi } from './roi.js';
import { planSegments, type SegmentJob, type SegmentTiming } from './segment-plan.js';
import { createPosePool } from './worker-pool.js';

export interface EstimateVideoOptions extends PoseRunOptions {
  hflip?: boolean;
  /** Frames each later segment estimates before its own first frame (default 15 = 0.5 s at 30 fps). */
  warmup?: number;
}

export interface EstimateVideoResult {
  series: KeypointSeries;
  source: SourceInfo;
  /** Wall-clock milliseconds from the call to the stitched series. */
  wallMs: number;
  segments: Array<{ first: number; last: number; decodeFirst: number; timing: SegmentTiming }>;
}

/** Default warm-up: half a second at 30 fps; BlazePose's landmark smoothing settles within a few frames. */
export const DEFAULT_WARMUP = 15;

/** Estimates poses over a video file with worker threads. User-caused problems come back as error values. */
export async function estimateVideo(
  input: VideoInput,
  options: EstimateVideoOptions = {},
): Promise<Result<EstimateVideoResult>> {
  const t0 = performance.now();
  const opened = await probed(input);
  if (!opened.ok) return opened;
  const video = opened.value;
  const { file, source } = video;
  const count = video.times.length;
  if (options.roi) {
    const bad = checkRoi(options.roi, source.width, source.height);
    if (bad) return { ok: false, error: { ...bad, location: { ...bad.location, file } } };
  }
  const first = Math.max(0, options.first ?? 0);
  const last = Math.min(count - 1, options.last ?? count - 1);
  if (last < first)
    return fail('decode-failed', `Frame range ${first}-${last} is empty (the video has ${count} frames)`, {
      file,
      field: 'frames',
    });
  const pool = options.pool ?? createPosePool(options.workers);
  const workers = Math.max(1, Math.min(pool.size, options.workers ?? pool.size));
  const plan = planSegments(first, last, workers, options.warmup ?? DEFAULT_WARMUP);
  const done = plan.map(() => 0);
  const jobs: SegmentJob[] = plan.map((s, segment) => ({
    kind: 'pose',
    segment,
    video,
    first: s.first,
    last: s.last,
    decodeFirst: s.decodeFirst,
    maxHeight: options.maxHeight ?? MODEL_MAX_HEIGHT,
    ...(options.roi ? { roi: options.roi, crop: options.roi } : {}),
    ...(options.hflip ? { hflip: true } : {}),
  }));
  const total = plan.reduce((a, s) => a + s.last - s.decodeFirst + 1, 0);
  let results;
  try {
    results = await Promise.all(
      jobs.map((job) =>
        pool.run(job, (n) => {
          done[job.segment] = n;
          options.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total });
        }),
      ),
    );
  } finally {
    if (!options.pool) await pool.close();
  }
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  const frames: PoseFrame[] = [];
  let model = '';
  const segments: EstimateVideoResult['segments'] = [];
  results.forEach((r, i) => {
    if (!r.ok) return;
    model = r.value.model;
    frames.push(...r.value.frames);
    const s = plan[i]!;
    segments.push({ first: s.first, last: s.last, decodeFirst: s.decodeFirst, timing: r.value.timing });
  });
  options.onProgress?.({ done: total, total });
  const series: KeypointSeries = { model, width: source.width, height: source.height, fps: source.fps, frames };
  return { ok: true, value: { series, source, wallMs: performance.now() - t0, segments } };
}
