/**
 * Worker-thread entry of the pose worker pool (worker-pool.ts). A worker loads BlazePose once and then runs jobs
 * one after another, each on its own ffmpeg decoder:
 * - 'pose': one contiguous segment of the video; warm-up frames before the segment are estimated (so the tracker
 *   has locked on and the smoothing settled) but not returned;
 * - 'scan': person boxes on every `every`-th frame of a range (the first pass that picks the walker).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blazePoseEstimator, PoseInputError } from './blazepose-estimator.js';
import { openProbed, VideoDecodeError } from './ffmpeg-frames.js';
import type { PoseError, Result } from './frame.js';
import { createNodeTracker, landmarkRuntimeFromEnv, type LandmarkRuntime, type NodeTracker } from './node-runtime.js';
import { scanPeople } from './person-boxes.js';
import type { PoseTracker } from './pose-tracker.js';
import type { Thumbnail } from './scene-checks.js';
import type { SegmentJob, SegmentTiming, WorkerInput, WorkerMessage } from './segment-plan.js';
import { timedFrames } from './timed-frames.js';

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
let tracker: Promise<Result<NodeTracker>> | null = null;
const data = workerData as { runtime?: LandmarkRuntime; threads?: number } | null;
const runtime: LandmarkRuntime = data?.runtime ?? landmarkRuntimeFromEnv();

function asError(job: SegmentJob, e: unknown): PoseError {
  if (e instanceof PoseInputError || e instanceof VideoDecodeError) return e.error;
  return {
    code: 'decode-failed',
    message: e instanceof Error ? e.message : String(e),
    location: { file: job.video.file },
  };
}

/** Counts the frames handed to the model and the time it waited for them (decoding). */
function waitClock() {
  const wait = { ms: 0, frames: 0 };
  return {
    wait,
    spent: (ms: number, done: boolean) => {
      wait.ms += ms;
      if (!done) wait.frames++;
    },
  };
}

async function runSegment(job: SegmentJob, det: PoseTracker, model: string, t0: number): Promise<void> {
  // yuv: the frames converted and scaled by the browser's own code (yuv-frame.ts), so both see the same bytes.
  const opened = openProbed(job.video, {
    maxHeight: job.maxHeight,
    first: job.decodeFirst,
    last: job.last,
    yuv: true,
    reuse: true,
    ...(job.crop ? { crop: job.crop } : {}),
    ...(job.hflip ? { hflip: true } : {}),
  });
  if (!opened.ok) {
    post({ type: 'error', error: opened.error });
    return;
  }
  const est = blazePoseEstimator(det, model);
  const { wait, spent } = waitClock();
  const setupMs = performance.now() - t0;
  const series = await est.estimate(timedFrames(opened.value.frames(), spent), {
    source: opened.value.source,
    ...(job.roi ? { roi: job.roi } : {}),
    onProgress: (p) => {
      if (p.done % 5 === 0) post({ type: 'progress', segment: job.segment, done: p.done });
    },
  });
  post({
    type: 'result',
    segment: job.segment,
    model: series.model,
    frames: series.frames.filter((f) => f.index >= job.first),
    timing: timing(t0, setupMs, wait),
  });
}

async function runScan(job: SegmentJob, det: PoseTracker, t0: number): Promise<void> {
  // yuv: the page scans yuv-frame.ts's bytes (web/src/gait/walker-scan.ts); ffmpeg's own rgb24 scaler gave other
  // boxes, so another region and another answer (the 3 s pan: region 100,229 here, 100,231 on the page).
  const opened = openProbed(job.video, {
    maxHeight: job.maxHeight,
    first: job.first,
    last: job.last,
    every: job.every ?? 1,
    reuse: true,
    yuv: true,
  });
  if (!opened.ok) {
    post({ type: 'error', error: opened.error });
    return;
  }
  const setupMs = performance.now() - t0;
  const { wait, spent } = waitClock();
  const thumbs: Thumbnail[] = [];
  const boxes = await scanPeople(
    det,
    timedFrames(opened.value.frames(), spent),
    opened.value.source,
    (done) => post({ type: 'progress', segment: job.segment, done }),
    thumbs,
  );
  post({ type: 'boxes', segment: job.segment, boxes, thumbs, timing: timing(t0, setupMs, wait) });
}

function timing(t0: number, setupMs: number, wait: { ms: number; frames: number }): SegmentTiming {
  return { totalMs: performance.now() - t0, setupMs, waitMs: wait.ms, frames: wait.frames };
}

async function runJob(job: SegmentJob): Promise<void> {
  const t0 = performance.now();
  // Loaded once per worker, reused by every later job: opened when the graphs came (converted by the pool's
  // process), else here (this worker converts them).
  tracker ??= createNodeTracker(runtime, undefined, data?.threads);
  const det = await tracker;
  if (!det.ok) {
    post({ type: 'error', error: det.error });
    return;
  }
  try {
    await (job.kind === 'scan'
      ? runScan(job, det.value.tracker, t0)
      : runSegment(job, det.value.tracker, det.value.model, t0));
  } catch (e) {
    post({ type: 'error', error: asError(job, e) });
  }
}

// The graphs come first (the sessions open while the pool's process is still starting), then jobs, one at a time
// (the pool never sends a second job before the first's answer).
parentPort?.on('message', (m: WorkerInput) => {
  if (m.kind === 'graphs') {
    tracker ??= createNodeTracker(runtime, m.graphs, data?.threads);
    // Said once the sessions are open (or failed: the job reports that): the pool may then stop this worker.
    void tracker.then(() => post({ type: 'ready' }));
  } else void runJob(m);
});
