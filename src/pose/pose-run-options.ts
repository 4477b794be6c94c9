/**
 * The options every step of the Node pose pipeline takes, declared once: the walker scan (find-walker.ts), the pose
 * pass (parallel-estimate.ts), both together (estimate-walker.ts) and the use case above them
 * (src/services/analyze-video.ts) each extend this with only what is their own, and hand it down as it came.
 */
import type { PoseProgress, RegionOfInterest } from './frame.js';
import type { PosePool } from './worker-pool.js';

export interface PoseRunOptions {
  /** Frame range (inclusive, 0-based decode indices); default the whole video. */
  first?: number;
  last?: number;
  /**
   * Downscale so frames are at most this many rows high before the model (keypoints still come back in source
   * pixels). Default: the pose pass MODEL_MAX_HEIGHT (model-frame-size.ts), the walker scan 360.
   */
  maxHeight?: number;
  /** Only look inside this box (source pixels); ffmpeg crops to it, so the pixels outside are never handled. */
  roi?: RegionOfInterest;
  /** Worker threads; default one per core (at most 4), or the pool's size when a pool is given. */
  workers?: number;
  /** Workers to use (and keep): the walker scan's pool is handed to the pose pass, so the model loads once. */
  pool?: PosePool;
  onProgress?: (p: PoseProgress) => void;
}
