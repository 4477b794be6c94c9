/**
 * Pose estimation of a whole video file in Node using every core: the video is cut into contiguous segments
 * (segment-plan.ts), each estimated by its own worker thread with its own ffmpeg decoder and its own BlazePose
 * model, and the keypoint frames are stitched back in order. One worker (or `workers: 1`) is the plain path.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { KeypointSeries, PoseFrame } from '../gait/keypoints.js';
import type { PoseError, PoseProgress, RegionOfInterest, Result, SourceInfo } from './frame.js';
import { fail } from './frame.js';
import { openVideo } from './ffmpeg-frames.js';
import { checkRoi } from './roi.js';
import type { PersonBox } from './person-boxes.js';
import { planSegments, type SegmentJob, type SegmentTiming, type WorkerMessage } from './segment-plan.js';

export interface EstimateVideoOptions {
  /** Downscale so frames are at most this high before the model (keypoints still come back in source pixels). */
  maxHeight?: number;
  /** Only look inside this box (source pixels); ffmpeg crops to it, so the pixels outside are never handled. */
  roi?: RegionOfInterest;
  /** Frame range (inclusive, 0-based decode indices); default the whole video. */
  first?: number;
  last?: number;
  hflip?: boolean;
  /** Worker threads; default one per core (at most 4). */
  workers?: number;
  /** Frames each later segment estimates before its own first frame (default 15 = 0.5 s at 30 fps). */
  warmup?: number;
  onProgress?: (p: PoseProgress) => void;
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
export async function estimateVideo(file: string, options: EstimateVideoOptions = {}): Promise<Result<EstimateVideoResult>> {
  const t0 = performance.now();
  const opened = await openVideo(file, { ...(options.maxHeight ? { maxHeight: options.maxHeight } : {}) });
  if (!opened.ok) return opened;
  const { source } = opened.value;
  const count = source.frameCount ?? opened.value.times.length;
  if (options.roi) {
    const bad = checkRoi(options.roi, source.width, source.height);
    if (bad) return { ok: false, error: { ...bad, location: { ...bad.location, file } } };
  }
  const first = Math.max(0, options.first ?? 0);
  const last = Math.min(count - 1, options.last ?? count - 1);
  if (last < first) return fail('decode-failed', `Frame range ${first}-${last} is empty (the video has ${count} frames)`, { file, field: 'frames' });
  const workers = Math.max(1, Math.min(4, options.workers ?? availableParallelism()));
  const plan = planSegments(first, last, workers, options.warmup ?? DEFAULT_WARMUP);
  const done = plan.map(() => 0);
  const jobs: SegmentJob[] = plan.map((s, segment) => ({
    kind: 'pose', segment, file, first: s.first, last: s.last, decodeFirst: s.decodeFirst, maxHeight: options.maxHeight ?? source.height,
    ...(options.roi ? { roi: options.roi, crop: options.roi } : {}), ...(options.hflip ? { hflip: true } : {}),
  }));
  const total = plan.reduce((a, s) => a + s.last - s.decodeFirst + 1, 0);
  const results = await Promise.all(jobs.map((job) => runWorker(job, (n) => {
    done[job.segment] = n;
    options.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total });
  })));
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

type SegmentResult = Result<{ model: string; frames: PoseFrame[]; boxes: PersonBox[]; timing: SegmentTiming }>;

/** Runs one segment job in a worker thread; resolves with its result or a located error value. */
export function runWorker(job: SegmentJob, progress: (done: number) => void): Promise<SegmentResult> {
  return new Promise((resolve) => {
    const worker = startWorker(job);
    let settled = false;
    const finish = (r: SegmentResult) => { if (!settled) { settled = true; resolve(r); void worker.terminate(); } };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') progress(m.done);
      else if (m.type === 'error') finish({ ok: false, error: m.error });
      else if (m.type === 'boxes') finish({ ok: true, value: { model: '', frames: [], boxes: m.boxes, timing: m.timing } });
      else finish({ ok: true, value: { model: m.model, frames: m.frames, boxes: [], timing: m.timing } });
    });
    worker.on('error', (e) => finish({ ok: false, error: workerError(job, e) }));
    worker.on('exit', (code) => finish({ ok: false, error: workerError(job, new Error(`pose worker stopped (exit code ${code})`)) }));
  });
}

/**
 * Starts the segment worker. Run from TypeScript sources (tsx, as the CLI runs), a worker thread does not inherit
 * the parent's `--import tsx` hooks, so a two-line bootstrap registers tsx in the worker before importing it.
 */
function startWorker(job: SegmentJob): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./pose-worker.js', self), { workerData: job });
  const entry = new URL('./pose-worker.ts', self).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: job });
}

function workerError(job: SegmentJob, e: Error): PoseError {
  return { code: 'decode-failed', message: `Pose estimation failed on frames ${job.first}-${job.last}: ${e.message}`, location: { file: job.file, frame: job.first } };
}
