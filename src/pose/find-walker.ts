/**
 * `findWalker(file)`: the quick first pass that decides whom to follow, in Node. Person boxes are detected on a
 * few frames a second at low resolution (person-boxes.ts, split over worker threads like the pose pass), linked
 * into candidates and the walker chosen (walker-choice.ts). The candidates are returned so a UI can offer the others.
 */
import type { Result } from './frame.js';
import { probed, type VideoInput } from './ffmpeg-frames.js';
import { SCAN_MAX_HEIGHT } from './model-frame-size.js';
import type { PoseRunOptions } from './pose-run-options.js';
import { createPosePool } from './worker-pool.js';
import type { PersonBox } from './person-boxes.js';
import { sceneChecks, type SceneChecks, type Thumbnail } from './scene-checks.js';
import type { SegmentJob, SegmentTiming } from './segment-plan.js';
import { chooseWalker, type WalkerChoice } from './walker-choice.js';

/** The scan looks at whole frames; `maxHeight` defaults to SCAN_MAX_HEIGHT, `onProgress` counts sampled frames. */
export interface FindWalkerOptions extends Omit<PoseRunOptions, 'roi'> {
  /** Sampled frames per second of video (default 2). */
  samplesPerSecond?: number;
}

export interface FindWalkerResult extends WalkerChoice {
  /** Sampled frame step and the wall-clock time of the scan. */
  every: number;
  wallMs: number;
  /** Per worker: frames scanned and timing (model loading, waiting for frames). */
  segments: Array<{ first: number; last: number; timing: SegmentTiming }>;
  /** Camera motion and light, from the scanned frames (scene-checks.ts). */
  scene: SceneChecks;
}

/** Scans the video for people and picks the walker. */
export async function findWalker(
  input: VideoInput,
  options: FindWalkerOptions = {},
): Promise<Result<FindWalkerResult>> {
  const t0 = performance.now();
  const opened = await probed(input);
  if (!opened.ok) return opened;
  const video = opened.value;
  const { source } = video;
  const count = video.times.length;
  const every = Math.max(1, Math.round(source.fps / (options.samplesPerSecond ?? 2)));
  const first = Math.max(0, options.first ?? 0);
  const last = Math.min(count - 1, options.last ?? count - 1);
  const samples = Math.floor((last - first) / every) + 1;
  const pool = options.pool ?? createPosePool(options.workers);
  const parts = Math.max(1, Math.min(options.workers ?? pool.size, pool.size, samples));
  // Contiguous runs of sampled frames, each starting on the sampling grid.
  const per = Math.ceil(samples / parts);
  const jobs: SegmentJob[] = [];
  for (let i = 0; i < parts; i++) {
    const a = first + i * per * every;
    const b = Math.min(last, a + (per - 1) * every);
    if (a <= last)
      jobs.push({
        kind: 'scan',
        segment: i,
        video,
        first: a,
        last: b,
        decodeFirst: a,
        every,
        maxHeight: options.maxHeight ?? SCAN_MAX_HEIGHT,
      });
  }
  const done = jobs.map(() => 0);
  let results;
  try {
    results = await Promise.all(
      jobs.map((job) =>
        pool.run(job, (n) => {
          done[job.segment] = n;
          options.onProgress?.({ done: done.reduce((x, y) => x + y, 0), total: samples });
        }),
      ),
    );
  } finally {
    if (!options.pool) await pool.close();
  }
  const boxes: PersonBox[] = [];
  const thumbs: Thumbnail[] = [];
  const segments: FindWalkerResult['segments'] = [];
  for (const [i, r] of results.entries()) {
    if (!r.ok) return r;
    boxes.push(...r.value.boxes);
    thumbs.push(...r.value.thumbs);
    segments.push({ first: jobs[i]!.first, last: jobs[i]!.last, timing: r.value.timing });
  }
  const choice = chooseWalker(boxes, {
    width: source.width,
    height: source.height,
    sampleInterval: every / source.fps,
  });
  const scene = sceneChecks(thumbs, boxes, source);
  return { ok: true, value: { ...choice, every, wallMs: performance.now() - t0, segments, scene } };
}
