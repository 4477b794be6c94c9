/**
 * pose-detection 2.1.3's own BlazePose tfjs pipeline behind the PoseTracker interface: the networks, crops,
 * decoding and smoothing all on tfjs (wasm backend). Not what Footing runs: it is the bench's baseline
 * (FOOTING_POSE_RUNTIME=tfjs, `?pose-runtime=tfjs` in the web app) and the fallback when ONNX Runtime cannot load.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Pose, PoseDetector } from '@tensorflow-models/pose-detection';
import { LANDMARKS, type PosePerson } from '../gait/keypoints.js';
import { filledFrame } from './frame.js';
import type { RgbImage } from './landmark-crop.js';
import type { PersonDetection, PoseTracker } from './pose-tracker.js';

/** The private members of BlazePoseTfjsDetector the walker scan uses (pinned at 2.1.3 in package-lock.json). */
interface DetectorInternals {
  maxPoses: number;
  detectPose(
    image: tf.Tensor3D,
  ): Promise<Array<{ score: number[] | number; locationData: { relativeKeypoints: Array<{ x: number; y: number }> } }>>;
}

export function tfjsPoseTracker(detector: PoseDetector): PoseTracker {
  const tensorOf = (image: RgbImage) => {
    const whole = filledFrame({ ...image, index: 0, time: 0 });
    // Float input straight from the bytes (one native conversion): the detector casts to float32 anyway.
    return tf.tensor3d(new Float32Array(whole.data), [image.height, image.width, 3], 'float32');
  };
  return {
    async estimate(image, time) {
      const tensor = tensorOf(image);
      try {
        const [pose] = await detector.estimatePoses(tensor, { maxPoses: 1, flipHorizontal: false }, time * 1000);
        return pose ? toPerson(pose) : null;
      } finally {
        tensor.dispose();
      }
    },
    async detectPeople(image, maxPeople): Promise<PersonDetection[]> {
      const inner = detector as unknown as DetectorInternals;
      if (typeof inner.detectPose !== 'function')
        throw new Error('This pose-detection version does not expose the person detector stage');
      const tensor = tensorOf(image);
      const saved = inner.maxPoses;
      try {
        inner.maxPoses = maxPeople;
        const found = await inner.detectPose(tensor);
        return found.flatMap((d) => {
          const [hip, scalePoint] = d.locationData.relativeKeypoints;
          if (!hip || !scalePoint) return [];
          return [{ score: Array.isArray(d.score) ? (d.score[0] ?? 0) : d.score, hip, scalePoint }];
        });
      } finally {
        inner.maxPoses = saved;
        tensor.dispose();
      }
    },
    reset() {
      detector.reset();
      // pose-detection's reset() forgets the world-landmark smoothing filter: without this, world coordinates would
      // carry smoothing state from the previous video (or from the backward pass).
      const d = detector as unknown as { worldLandmarksSmoothingFilterActual?: unknown };
      if ('worldLandmarksSmoothingFilterActual' in d) d.worldLandmarksSmoothingFilterActual = null;
    },
    dispose: () => detector.dispose(),
  };
}

/** pose-detection's output (landmarks by name, frame pixels) as a PosePerson in LANDMARKS order. */
function toPerson(pose: Pose): PosePerson {
  const byName = new Map(pose.keypoints.map((k) => [k.name, k]));
  const image = LANDMARKS.map((name) => {
    const k = byName.get(name);
    return k ? { x: k.x, y: k.y, visibility: k.score ?? 0 } : { x: Number.NaN, y: Number.NaN, visibility: 0 };
  });
  let world = null;
  if (pose.keypoints3D) {
    const by3 = new Map(pose.keypoints3D.map((k) => [k.name, k]));
    world = LANDMARKS.map((name) => {
      const k = by3.get(name);
      return k
        ? { x: k.x, y: k.y, z: k.z ?? 0, visibility: k.score ?? 0 }
        : { x: Number.NaN, y: Number.NaN, z: Number.NaN, visibility: 0 };
    });
  }
  return { score: pose.score ?? 0, image, world };
}
