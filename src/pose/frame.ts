/**
 * What every pose runtime consumes and reports: frames in, a KeypointSeries out, user-caused errors as values.
 * No Node or DOM imports here: the browser runtime and the Node runtime both use these types.
 */
import type { KeypointSeries } from '../gait/keypoints.js';

/** One decoded video frame as tightly packed RGB (3 bytes per pixel, row-major, no padding). */
export interface Frame {
  /** RGB bytes, length width * height * 3. */
  data: Uint8Array;
  width: number;
  height: number;
  /** Frame index in decode order (0-based), counted over the whole video even when frames are skipped. */
  index: number;
  /** Presentation time in seconds, from the container's real timestamps (variable frame rate safe). */
  time: number;
  /**
   * The part of the source picture this frame shows, in source pixels, when the frame was cropped before it
   * reached the estimator (e.g. by ffmpeg). Absent: the frame shows the whole picture.
   */
  region?: RegionOfInterest;
  /**
   * Present when `data` is filled on demand (src/pose/yuv-frame.ts, the pose pass on both sides): only the bytes
   * inside rectangles passed here (frame pixels, end exclusive) are valid. Readers that look at part of the frame
   * (landmark-crop.ts) fill that part; others take `filledFrame(frame)`.
   */
  fill?: (x0: number, y0: number, x1: number, y1: number) => void;
}

/** The frame with every byte of `data` computed, as a plain frame (no `fill`): for readers of the whole picture. */
export function filledFrame(frame: Frame): Frame {
  if (!frame.fill) return frame;
  frame.fill(0, 0, frame.width, frame.height);
  const plain: Frame = { ...frame };
  delete plain.fill;
  return plain;
}

/** Progress of a running estimation. `total` is null when the frame count is not known in advance. */
export interface PoseProgress {
  done: number;
  total: number | null;
}

/**
 * A rectangle in source-video pixels. Used to choose one person when several are in view: frames are cropped to it
 * before estimation (BlazePose tfjs reports one person per frame), and keypoints are mapped back to full-frame pixels.
 */
export interface RegionOfInterest {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Describes the source video so that keypoints can be reported in its pixel grid. */
export interface SourceInfo {
  width: number;
  height: number;
  fps: number;
  /** Number of frames when known (container metadata), else null. */
  frameCount: number | null;
}

/** A pose runtime. One interface, a browser and a Node implementation. */
export interface PoseEstimator {
  /** Name of model, variant and backend, copied into KeypointSeries.model. */
  readonly model: string;
  estimate(frames: AsyncIterable<Frame>, options: EstimateOptions): Promise<KeypointSeries>;
  /** Releases the model's memory. */
  dispose(): void;
}

export interface EstimateOptions {
  source: SourceInfo;
  /**
   * Frames may be downscaled before they reach the estimator: source.width / frame.width is the factor that maps
   * frame pixels back to source pixels. roi is given in source pixels.
   */
  roi?: RegionOfInterest;
  /**
   * Frames to follow the first person found back in time (default 15 = 0.5 s at 30 fps; 0 turns it off). The
   * person detector often finds someone who walks into view a few frames late; the landmark tracker, started
   * from the first detection and run backwards over the frames before it, usually still holds them, and a foot
   * contact in those frames would otherwise be lost.
   */
  backfill?: number;
  onProgress?: (p: PoseProgress) => void;
}

/** Codes of errors a user can cause with a bad video or bad options. */
export type PoseErrorCode =
  | 'file-not-found'
  | 'not-a-video'
  | 'no-video-stream'
  | 'decode-failed'
  | 'bad-roi'
  | 'no-such-person'
  | 'model-load-failed';

/** A located, user-facing error value (never thrown past a runtime's boundary). */
export interface PoseError {
  code: PoseErrorCode;
  message: string;
  /** Where: the file, and when known the frame or the option field. */
  location: { file?: string; frame?: number; field?: string };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PoseError };

/** Builds a failed Result. */
export function fail<T>(code: PoseErrorCode, message: string, location: PoseError['location']): Result<T> {
  return { ok: false, error: { code, message, location } };
}
