/**
 * What the pose estimator (blazepose-estimator.ts) and the walker scan (person-boxes.ts) drive, one frame at a time:
 * BlazePose's detect-then-track loop. Two implementations: blazepose-tracker.ts (the networks on ONNX Runtime, the
 * rest in plain TypeScript; what Footing runs in Node and in the browser) and tfjs-pose-tracker.ts (pose-detection's
 * own tfjs pipeline: the bench's baseline, and the fallback when ONNX Runtime cannot load). Types only.
 */
import type { PosePerson } from '../gait/keypoints.js';
import type { RgbImage } from './landmark-crop.js';

/** One person the detector found, normalised to the image: score, hip centre and full-body scale point. */
export interface PersonDetection {
  score: number;
  hip: { x: number; y: number };
  scalePoint: { x: number; y: number };
}

export interface PoseTracker {
  /**
   * The person in this frame (landmarks in the image's pixels), or null. Follows the last frame's person while
   * tracking holds and runs the person detector when it does not; `time` (seconds) drives the smoothing.
   */
  estimate(image: RgbImage, time: number): Promise<PosePerson | null>;
  /** Every person the detector finds in the image, best first, at most `maxPeople` (the walker scan). */
  detectPeople(image: RgbImage, maxPeople: number): Promise<PersonDetection[]>;
  /**
   * The landmarks of one detected person on one image (image pixels), unsmoothed and without touching the tracked
   * person: the walker scan looks at each person's feet on its sampled frames to tell someone stepping (on a
   * treadmill, in place) from someone standing. Optional: a tracker without it (the tfjs baseline) gives the scan
   * boxes only, which it ranks by travel alone.
   */
  landmarksOf?(image: RgbImage, person: PersonDetection): Promise<PosePerson | null>;
  /** Forgets the tracked person and every filter's state: the next frame starts afresh (a new video, the follow-back). */
  reset(): void;
  dispose(): void;
}
