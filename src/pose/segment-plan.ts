/**
 * How a video is cut into contiguous segments for parallel pose estimation, and the messages the segment workers
 * send. Pure: no I/O, so the plan is unit-tested on its own.
 *
 * BlazePose tracks from frame to frame (the previous landmarks give the next region to look in, and landmarks are
 * smoothed over time), so a segment that starts mid-video first estimates `warmup` frames before its own first
 * frame and throws them away: by its first own frame the tracker has locked on and the smoothing has settled.
 */
import type { PoseFrame } from '../gait/keypoints.js';
import type { PoseError, RegionOfInterest } from './frame.js';
import type { PersonBox } from './person-boxes.js';
import type { Thumbnail } from './scene-checks.js';
import type { ProbedVideo } from './ffmpeg-frames.js';
import type { PoseGraphBytes } from './pose-graph-bytes.js';

export interface Segment {
  /** First frame index that this segment returns. */
  first: number;
  /** Last frame index (inclusive). */
  last: number;
  /** First frame it decodes and estimates (first - warm-up, never below the range start). */
  decodeFirst: number;
}

/**
 * Splits the frames [first, last] into `parts` contiguous segments. Every segment after the first also estimates
 * `warmup` extra frames, so the cut points are moved back to give every segment about the same number of
 * estimated frames (the work), not of returned frames.
 */
export function planSegments(first: number, last: number, parts: number, warmup: number): Segment[] {
  const n = last - first + 1;
  const k = Math.max(1, Math.min(parts, Math.floor(n / Math.max(1, 2 * warmup)) || 1));
  if (k === 1) return [{ first, last, decodeFirst: first }];
  // Work per segment: (n + (k - 1) * warmup) / k frames; segment 0 has no warm-up.
  const work = (n + (k - 1) * warmup) / k;
  const out: Segment[] = [];
  let start = first;
  for (let i = 0; i < k; i++) {
    const own = Math.max(1, i === 0 ? Math.round(work) : Math.round(work - warmup));
    // Leave at least one frame for each segment still to come (rounding up could otherwise use them all).
    const end = i === k - 1 ? last : Math.min(last - (k - 1 - i), start + own - 1);
    out.push({ first: start, last: end, decodeFirst: Math.max(first, start - (i === 0 ? 0 : warmup)) });
    start = end + 1;
  }
  return out;
}

/** What one segment worker is asked to do (sent as workerData). */
export interface SegmentJob {
  /** 'pose': BlazePose landmarks on every frame; 'scan': person boxes on every `every`-th frame. */
  kind: 'pose' | 'scan';
  /** For 'scan': the step between sampled frames. */
  every?: number;
  segment: number;
  /** The video as the caller probed it (a worker opens it for decoding without running ffprobe again). */
  video: ProbedVideo;
  first: number;
  last: number;
  decodeFirst: number;
  maxHeight: number;
  roi?: RegionOfInterest;
  /** Crop in ffmpeg (normally the same as roi). */
  crop?: RegionOfInterest;
  hflip?: boolean;
}

/** Wall-clock and CPU figures of one segment worker. */
export interface SegmentTiming {
  /** From the worker's start to its result, including model loading. */
  totalMs: number;
  /** Opening the video and loading the model. */
  setupMs: number;
  /** Time the model waited for decoded frames. */
  waitMs: number;
  /** Frames estimated, warm-up included. */
  frames: number;
}

/** What the pool sends a worker: its graphs (once, first) or a job. */
export type WorkerInput = SegmentJob | { kind: 'graphs'; graphs: PoseGraphBytes };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; segment: number; done: number }
  | { type: 'result'; segment: number; model: string; frames: PoseFrame[]; timing: SegmentTiming }
  | { type: 'boxes'; segment: number; boxes: PersonBox[]; thumbs: Thumbnail[]; timing: SegmentTiming }
  | { type: 'error'; error: PoseError };

/**
 * Fills a stitched frame list out to every frame of [first, last]: frames that were not estimated (outside the
 * span the pose pass ran on) come back with nobody in them, at their real times, so the series still covers the
 * whole range and counts its frames like the video does.
 */
export function padFrames(frames: PoseFrame[], times: readonly number[], first: number, last: number): PoseFrame[] {
  const byIndex = new Map(frames.map((f) => [f.index, f]));
  const out: PoseFrame[] = [];
  for (let i = first; i <= last; i++) out.push(byIndex.get(i) ?? { index: i, time: times[i] ?? i / 30, people: [] });
  return out;
}
