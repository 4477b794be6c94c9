/**
 * A small pool of pose worker threads (pose-worker.ts), one per core by default. Workers start on first use, or
 * earlier when the caller warms the pool (`warm`: `footing analyze` does, before it loads the gait code and probes
 * the video), and keep their loaded model between jobs, so the walker scan and the pose pass of one analysis share
 * the start-up cost (thread start, module loading, ONNX Runtime sessions: about 0.5 s each on a quiet machine).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { PoseError, Result } from './frame.js';
import type { PersonBox } from './person-boxes.js';
import type { Thumbnail } from './scene-checks.js';
import type { SegmentJob, SegmentTiming, WorkerInput, WorkerMessage } from './segment-plan.js';
import type { PoseFrame } from '../gait/keypoints.js';
import { landmarkRuntimeFromEnv, type LandmarkRuntime } from './landmark-runtime.js';
import { poseGraphBytes, type PoseGraphBytes } from './pose-graph-bytes.js';

export type JobResult = Result<{
  model: string;
  frames: PoseFrame[];
  boxes: PersonBox[];
  thumbs: Thumbnail[];
  timing: SegmentTiming;
}>;

export interface PosePool {
  readonly size: number;
  /** Runs a job on the next free worker. */
  run(job: SegmentJob, progress?: (done: number) => void): Promise<JobResult>;
  /**
   * Starts `count` workers now (default all) instead of on their first job, and converts the graphs for them: a
   * worker's start (tsx, modules, ONNX Runtime) then runs beside the caller's own start (probing the video, loading
   * the gait code) instead of after it.
   */
  warm(count?: number): void;
  /** Stops every worker. */
  close(): Promise<void>;
}

/**
 * `ready`: settled once the worker has been sent its graphs (or there are none to send). `loaded`: settled once the
 * worker has opened its sessions from them (or stopped): a worker is never terminated while ONNX Runtime's native
 * code is still loading or opening a session (that aborted the whole process: terminate called after a Napi::Error).
 */
interface Slot {
  worker: Worker | null;
  ready: Promise<void>;
  loaded: Promise<void>;
  busy: boolean;
}

/**
 * Creates a pool of `size` workers (default: one per core, at most 4). `runtime` picks the landmark network's engine
 * (default: FOOTING_POSE_RUNTIME, else ONNX Runtime). `threads`: ONNX Runtime kernel threads a worker (default: one
 * a core, at most 4). The pose pass tracks in one pass on one worker (estimate-walker.ts), so without them the other
 * cores only decode; the walker scan's workers each have theirs too, waiting without spinning (onnx-models.ts).
 */
export function createPosePool(
  size = Math.min(4, availableParallelism()),
  runtime?: LandmarkRuntime,
  threads = Math.min(4, availableParallelism()),
): PosePool {
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => ({
    worker: null,
    ready: Promise.resolve(),
    loaded: Promise.resolve(),
    busy: false,
  }));
  // The worker starts at once; its graphs follow as its first message (converted here once, then cloned to each).
  const open = (s: Slot): Worker => {
    if (s.worker) return s.worker;
    const w = startWorker(runtime, threads);
    s.worker = w;
    let loaded = () => {};
    s.loaded = new Promise<void>((resolve) => (loaded = resolve));
    let alive = true;
    // A worker that fails before its first job (warm) is dropped here: that job then starts a fresh one.
    w.on('error', () => {
      if (s.worker === w) s.worker = null;
    });
    w.on('exit', () => {
      alive = false;
      loaded();
      if (s.worker === w) s.worker = null;
    });
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') loaded();
    });
    s.ready = graphsFor(runtime).then((graphs) => {
      // Sent even when the pool is closing: close waits for the sessions, so as not to stop them half open.
      if (graphs && alive) w.postMessage({ kind: 'graphs', graphs } satisfies WorkerInput);
      else loaded(); // no graphs sent: its sessions open during its first job, which close never interrupts
    });
    return w;
  };
  const waiting: Array<() => void> = [];
  const acquire = async (): Promise<Slot> => {
    for (;;) {
      const free = slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  const release = (s: Slot) => {
    s.busy = false;
    waiting.shift()?.();
  };

  return {
    size: slots.length,
    async run(job, progress) {
      const slot = await acquire();
      try {
        open(slot);
        await slot.ready;
        const w = open(slot); // the same worker, or a fresh one if it failed while its graphs were on the way
        await slot.ready;
        return await new Promise<JobResult>((resolve) => {
          const done = (r: JobResult) => {
            w.off('message', onMessage);
            w.off('error', onError);
            w.off('exit', onExit);
            resolve(r);
          };
          const onMessage = (m: WorkerMessage) => {
            if (m.type === 'ready') return; // the open listener's
            if (m.type === 'progress') progress?.(m.done);
            else if (m.type === 'error') done({ ok: false, error: m.error });
            else if (m.type === 'boxes')
              done({ ok: true, value: { model: '', frames: [], boxes: m.boxes, thumbs: m.thumbs, timing: m.timing } });
            else
              done({ ok: true, value: { model: m.model, frames: m.frames, boxes: [], thumbs: [], timing: m.timing } });
          };
          // A crashed worker is dropped; the next job on this slot starts a fresh one.
          const onError = (e: Error) => {
            slot.worker = null;
            done({ ok: false, error: workerError(job, e) });
          };
          const onExit = (code: number) => {
            slot.worker = null;
            done({ ok: false, error: workerError(job, new Error(`pose worker stopped (exit code ${code})`)) });
          };
          w.on('message', onMessage);
          w.once('error', onError);
          w.once('exit', onExit);
          w.postMessage(job);
        });
      } finally {
        release(slot);
      }
    },
    warm(count = slots.length) {
      for (const s of slots.slice(0, count)) open(s);
    },
    async close() {
      await Promise.all(
        slots.map(async (s) => {
          const w = s.worker;
          s.worker = null;
          if (!w) return;
          await s.loaded;
          await w.terminate();
        }),
      );
    },
  };
}

/**
 * Starts a worker. Run from TypeScript sources (tsx, as the CLI runs), a worker thread does not inherit the
 * parent's `--import tsx` hooks, so a two-line bootstrap registers tsx in the worker before importing it.
 */
function startWorker(runtime: LandmarkRuntime | undefined, threads: number): Worker {
  const self = import.meta.url;
  const workerData = { runtime, threads };
  if (!self.endsWith('.ts')) return new Worker(new URL('./pose-worker.js', self), { workerData });
  const entry = new URL('./pose-worker.ts', self).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * The ONNX graphs for a new worker, converted once in this process (each worker used to read, decode and convert
 * the weights itself); undefined on tfjs or when the conversion fails here (the worker then tries, and reports).
 */
async function graphsFor(runtime: LandmarkRuntime | undefined): Promise<PoseGraphBytes | undefined> {
  if ((runtime ?? landmarkRuntimeFromEnv()) !== 'onnx') return undefined;
  try {
    return await poseGraphBytes();
  } catch {
    return undefined;
  }
}

function workerError(job: SegmentJob, e: Error): PoseError {
  return {
    code: 'decode-failed',
    message: `Pose estimation failed on frames ${job.first}-${job.last}: ${e.message}`,
    location: { file: job.video.file, frame: job.first },
  };
}
