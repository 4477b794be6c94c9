/**
 * BlazePose (tfjs runtime of @tensorflow-models/pose-detection) behind the PoseEstimator interface. Shared by the
 * Node and browser runtimes: it only needs tfjs-core and a created detector, no Node or DOM APIs.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PoseDetector, Pose } from '@tensorflow-models/pose-detection';
import { LANDMARKS, type KeypointSeries, type PoseFrame, type PosePerson } from '../gait/keypoints.js';
import { filledFrame, type EstimateOptions, type Frame, type PoseEstimator, type RegionOfInterest } from './frame.js';
import { checkRoi, cropFrame } from './roi.js';
import { pixelsOnlyFromBytes, setFramePixels } from './frame-pixels.js';

/** Thrown inside estimate() for a user-caused problem; runtimes turn it into a PoseError value. */
export class PoseInputError extends Error {
  constructor(readonly error: import('./frame.js').PoseError) { super(error.message); }
}

/** Default EstimateOptions.backfill: half a second at 30 fps. */
export const DEFAULT_BACKFILL = 15;

/** Wraps a created BlazePose tfjs detector. `model` names model, variant and backend. */
export function blazePoseEstimator(detector: PoseDetector, model: string): PoseEstimator {
  return {
    model,
    dispose: () => detector.dispose(),
    async estimate(frames: AsyncIterable<Frame>, options: EstimateOptions): Promise<KeypointSeries> {
      const { source, roi, onProgress } = options;
      if (roi) {
        const bad = checkRoi(roi, source.width, source.height);
        if (bad) throw new PoseInputError(bad);
      }
      // The detector smooths landmarks over time and re-uses the previous frame's landmarks as the next region
      // to look in (ROI tracking); both need one detector per video, so reset state between videos.
      fullReset(detector);
      const out: PoseFrame[] = [];
      const tensors = frameTensors(detector);
      const estimateOne = async (input: Frame, time: number): Promise<Pose[]> => {
        const tensor = tensors.take(input);
        try {
          return await detector.estimatePoses(tensor, { maxPoses: 1, flipHorizontal: false }, time * 1000);
        } finally {
          tensors.release(tensor);
        }
      };
      const backfill = Math.max(0, options.backfill ?? DEFAULT_BACKFILL);
      // Frames before anyone was found, kept (bytes copied: decoders may reuse buffers) for the backward pass.
      let recent: Array<{ input: Frame; time: number; at: number; offset: { x: number; y: number }; scale: number }> = [];
      let seen = false;
      try {
        for await (const frame of frames) {
          // Where the frame sits in the source picture: source = region origin + frame pixel * scale.
          const region = frame.region ?? { x: 0, y: 0, width: source.width, height: source.height };
          const scale = region.width / frame.width;
          let input = frame;
          let offset = { x: region.x / scale, y: region.y / scale }; // in frame pixels
          if (roi && !sameRect(roi, region)) {
            const r = scaledRoi({ ...roi, x: roi.x - region.x, y: roi.y - region.y }, 1 / scale, frame.width, frame.height);
            input = cropFrame(frame, r);
            offset = { x: offset.x + r.x, y: offset.y + r.y };
          }
          let poses = await estimateOne(input, frame.time);
          if (!seen && poses.length && recent.length) {
            // Follow the person back: from this first detection, the frames before it in reverse order, with
            // timestamps mirrored about this frame's so that the tracker's smoothing still sees time move forwards.
            fullReset(detector);
            await estimateOne(input, frame.time);
            for (let i = recent.length - 1; i >= 0; i--) {
              const r = recent[i]!;
              const back = await estimateOne(r.input, 2 * frame.time - r.time);
              if (!back.length) break;
              out[r.at]!.people = back.map((p) => toPerson(p, r.offset, r.scale));
            }
            // Before this frame nobody was found, so pose-detection had reset itself: resetting again and
            // estimating this frame once more gives the forward pass exactly the state it had without the detour.
            fullReset(detector);
            poses = await estimateOne(input, frame.time);
          }
          if (poses.length) { seen = true; recent = []; }
          else if (!seen && backfill > 0) {
            const whole = filledFrame(input); // the detector looked at all of it already
            recent.push({ input: { ...whole, data: whole.data.slice() }, time: frame.time, at: out.length, offset, scale });
            if (recent.length > backfill) recent.shift();
          }
          out.push({ index: frame.index, time: frame.time, people: poses.map((p) => toPerson(p, offset, scale)) });
          onProgress?.({ done: out.length, total: source.frameCount });
        }
      } finally {
        tensors.dispose();
      }
      return { model, width: source.width, height: source.height, fps: source.fps, frames: out };
    },
  };
}

/**
 * The frame tensors handed to the detector. A landmark stage that reads the frame's bytes (onnx-landmarks.ts) crops
 * from them; while the detector is tracking, nothing reads the tensor's values, so a reused blank of the frame's
 * shape spares a float copy of the whole frame. Otherwise float input straight from the bytes (one native
 * conversion): the detector casts its input to float32 anyway, so an int32 tensor would cost a second full pass.
 */
function frameTensors(detector: PoseDetector) {
  let blank: tf.Tensor3D | null = null;
  return {
    take(input: Frame): tf.Tensor3D {
      setFramePixels(detector, input);
      if (!pixelsOnlyFromBytes(detector)) return tf.tensor3d(new Float32Array(filledFrame(input).data), [input.height, input.width, 3], 'float32');
      if (!blank || blank.shape[0] !== input.height || blank.shape[1] !== input.width) {
        blank?.dispose();
        blank = tf.zeros([input.height, input.width, 3], 'float32');
      }
      return blank;
    },
    release(tensor: tf.Tensor3D): void {
      if (tensor !== blank) tensor.dispose();
      setFramePixels(detector, null);
    },
    dispose(): void { blank?.dispose(); blank = null; },
  };
}

/**
 * detector.reset() plus the world-landmark smoothing filter, which pose-detection 2.1.3's reset() forgets: without
 * it, world coordinates would carry smoothing state from the previous video (or from the backward pass).
 */
function fullReset(detector: PoseDetector): void {
  detector.reset();
  const d = detector as unknown as { worldLandmarksSmoothingFilterActual?: unknown };
  if ('worldLandmarksSmoothingFilterActual' in d) d.worldLandmarksSmoothingFilterActual = null;
}

function sameRect(a: RegionOfInterest, b: RegionOfInterest): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** Maps a region of interest from source pixels to frame pixels (frames may be downscaled), clamped to the frame. */
function scaledRoi(roi: RegionOfInterest, k: number, w: number, h: number): RegionOfInterest {
  const x = Math.min(w - 1, Math.max(0, Math.round(roi.x * k)));
  const y = Math.min(h - 1, Math.max(0, Math.round(roi.y * k)));
  return { x, y, width: Math.min(w - x, Math.round(roi.width * k)), height: Math.min(h - y, Math.round(roi.height * k)) };
}

/** Converts pose-detection output into the shared keypoint type, in source-video pixels. */
function toPerson(pose: Pose, offset: { x: number; y: number }, scale: number): PosePerson {
  const byName = new Map(pose.keypoints.map((k) => [k.name, k]));
  const image = LANDMARKS.map((name) => {
    const k = byName.get(name);
    return k
      ? { x: (k.x + offset.x) * scale, y: (k.y + offset.y) * scale, visibility: k.score ?? 0 }
      : { x: Number.NaN, y: Number.NaN, visibility: 0 };
  });
  let world = null;
  if (pose.keypoints3D) {
    // keypoints3D is already in metres, hip-centred; cropping and scaling do not change it.
    const by3 = new Map(pose.keypoints3D.map((k) => [k.name, k]));
    world = LANDMARKS.map((name) => {
      const k = by3.get(name);
      return k ? { x: k.x, y: k.y, z: k.z ?? 0, visibility: k.score ?? 0 } : { x: Number.NaN, y: Number.NaN, z: Number.NaN, visibility: 0 };
    });
  }
  return { score: pose.score ?? 0, image, world };
}
