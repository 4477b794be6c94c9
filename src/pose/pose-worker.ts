/**
 * Worker-thread entry for `estimateVideo`: decodes one contiguous segment of a video with its own ffmpeg process
 * and runs its own BlazePose model on it, so that two segments use both cores. Posts progress, then the frames of
 * its own segment (warm-up frames are estimated but not returned) and its timing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openVideo, VideoDecodeError } from './ffmpeg-frames.js';
import type { Frame, PoseError } from './frame.js';
import { PoseInputError } from './blazepose-estimator.js';
import { createNodeDetector, createNodePoseEstimator } from './node-runtime.js';
import { detectPersonBoxesTiled, type PersonBox } from './person-boxes.js';
import type { SegmentJob, WorkerMessage } from './segment-plan.js';

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

async function runSegment(job: SegmentJob): Promise<void> {
  const t0 = performance.now();
  const opened = await openVideo(job.file, { maxHeight: job.maxHeight, first: job.decodeFirst, last: job.last,
    ...(job.crop ? { crop: job.crop } : {}), ...(job.hflip ? { hflip: true } : {}) });
  if (!opened.ok) { post({ type: 'error', error: opened.error }); return; }
  const est = await createNodePoseEstimator();
  if (!est.ok) { post({ type: 'error', error: est.error }); return; }
  let waitMs = 0;
  let decoded = 0;
  const frames = opened.value.frames();
  async function* timed(): AsyncIterable<Frame> {
    const it = frames[Symbol.asyncIterator]();
    for (;;) {
      const w = performance.now();
      const r = await it.next();
      waitMs += performance.now() - w;
      if (r.done) return;
      decoded++;
      yield r.value;
    }
  }
  const modelStart = performance.now();
  try {
    const series = await est.value.estimate(timed(), {
      source: opened.value.source, ...(job.roi ? { roi: job.roi } : {}),
      onProgress: (p) => { if (p.done % 5 === 0) post({ type: 'progress', segment: job.segment, done: p.done }); },
    });
    post({
      type: 'result', segment: job.segment, model: series.model,
      frames: series.frames.filter((f) => f.index >= job.first),
      timing: { totalMs: performance.now() - t0, setupMs: modelStart - t0, waitMs, frames: decoded },
    });
  } catch (e) {
    const error = (e instanceof PoseInputError || e instanceof VideoDecodeError) ? e.error
      : { code: 'decode-failed', message: e instanceof Error ? e.message : String(e), location: { file: job.file } } satisfies PoseError;
    post({ type: 'error', error });
  } finally {
    est.value.dispose();
  }
}

/** The quick first pass: person boxes on sampled frames (see walker-choice.ts). */
async function runScan(job: SegmentJob): Promise<void> {
  const t0 = performance.now();
  const opened = await openVideo(job.file, { maxHeight: job.maxHeight, first: job.first, last: job.last, every: job.every ?? 1 });
  if (!opened.ok) { post({ type: 'error', error: opened.error }); return; }
  const det = await createNodeDetector();
  if (!det.ok) { post({ type: 'error', error: det.error }); return; }
  const setupMs = performance.now() - t0;
  const boxes: PersonBox[] = [];
  let waitMs = 0;
  let n = 0;
  try {
    const it = opened.value.frames()[Symbol.asyncIterator]();
    for (;;) {
      const w = performance.now();
      const r = await it.next();
      waitMs += performance.now() - w;
      if (r.done) break;
      boxes.push(...await detectPersonBoxesTiled(det.value, r.value, opened.value.source));
      post({ type: 'progress', segment: job.segment, done: ++n });
    }
    post({ type: 'boxes', segment: job.segment, boxes, timing: { totalMs: performance.now() - t0, setupMs, waitMs, frames: n } });
  } catch (e) {
    const error = e instanceof VideoDecodeError ? e.error
      : { code: 'decode-failed', message: e instanceof Error ? e.message : String(e), location: { file: job.file } } satisfies PoseError;
    post({ type: 'error', error });
  } finally {
    det.value.dispose();
  }
}

if (parentPort && workerData) {
  const job = workerData as SegmentJob;
  await (job.kind === 'scan' ? runScan(job) : runSegment(job));
}
