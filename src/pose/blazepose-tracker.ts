/**
 * BlazePose's detect-then-track loop with its networks on ONNX Runtime and everything around them in plain
 * TypeScript: the crops (landmark-crop.ts), the decoding (blazepose-decode.ts), the regions and projections
 * (blazepose-geometry.ts) and the smoothing (landmark-smoothing.ts). It does what pose-detection 2.1.3's
 * BlazePoseTfjsDetector.estimatePoses did with tfjs (MediaPipe's pose_landmark_cpu graph) in the same order, so the
 * landmarks are the ones that pipeline gave, to float rounding (pose-reference.test.ts), without a tensor per frame.
 * Pure apart from the two network calls it is handed: the browser (onnxruntime-web) and Node (onnxruntime-node) share it.
 */
import { LANDMARKS, type PosePerson } from '../gait/keypoints.js';
import {
  BODY_LANDMARKS,
  decodeDetections,
  decodeLandmarks,
  DETECTOR_SIZE,
  LANDMARK_SIZE,
  type LandmarkOutputs,
} from './blazepose-decode.js';
import { objectScale, projectToFrame, roiFromPoints, rotateWorld, type NormRect } from './blazepose-geometry.js';
import { cropForModel, type RgbImage } from './landmark-crop.js';
import {
  OneEuroFilters,
  SMOOTH_AUXILIARY,
  SMOOTH_LANDMARKS,
  SMOOTH_WORLD,
  VisibilityFilters,
} from './landmark-smoothing.js';
import type { PersonDetection, PoseTracker } from './pose-tracker.js';

/** The two networks, as onnx-graph-model.ts opens them on either ONNX Runtime. */
export interface PoseNetworks {
  detector: { run(input: Float32Array): Promise<{ person: { data: Float32Array } }> };
  landmarks: { run(input: Float32Array): Promise<LandmarkOutputs> };
  release?(): Promise<void>;
}

/** Index of the first auxiliary landmark (hip centre; the next is the full-body scale point). */
const AUX = BODY_LANDMARKS;

export function blazePoseTracker(nets: PoseNetworks): PoseTracker {
  let roi: NormRect | null = null;
  let visibility: VisibilityFilters | null = null;
  let smooth: OneEuroFilters | null = null;
  let smoothAux: OneEuroFilters | null = null;
  let smoothWorld: OneEuroFilters | null = null;
  // The networks' input buffers, reused from frame to frame (each run is awaited before the next crop is cut).
  const detectorInput = new Float32Array(DETECTOR_SIZE * DETECTOR_SIZE * 3);
  const landmarkInput = new Float32Array(LANDMARK_SIZE * LANDMARK_SIZE * 3);

  /**
   * Tracking lost: pose-detection's reset(). It leaves the world-landmark filter as it was (an upstream omission,
   * kept so the numbers stay theirs within a video); `reset` below clears that one too.
   */
  const lose = () => {
    roi = null;
    visibility = null;
    smooth = null;
    smoothAux = null;
  };

  async function detect(image: RgbImage, max: number) {
    const crop = cropForModel(image, undefined, DETECTOR_SIZE, DETECTOR_SIZE, [-1, 1], detectorInput);
    const out = await nets.detector.run(crop.pixels);
    return decodeDetections(out.person.data, crop.padding, max);
  }

  /** The landmark network on one region: landmarks in frame coordinates (normalised), world landmarks rotated back. */
  async function landmarksIn(image: RgbImage, rect: NormRect) {
    const crop = cropForModel(image, rect, LANDMARK_SIZE, LANDMARK_SIZE, [0, 1], landmarkInput);
    const lm = decodeLandmarks(await nets.landmarks.run(crop.pixels));
    if (!lm) return null;
    projectToFrame(lm.xy, 0, AUX + 2, crop.padding, rect);
    rotateWorld(lm.world, BODY_LANDMARKS, rect);
    return lm;
  }

  return {
    async estimate(image, time) {
      const size = { width: image.width, height: image.height };
      const W = size.width;
      const H = size.height;
      let rect = roi;
      if (!rect) {
        const [first] = await detect(image, 1);
        if (!first) {
          lose();
          return null;
        }
        const k = first.keypoints;
        rect = roiFromPoints(k[0]!, k[1]!, k[2]!, k[3]!, size);
      }
      const lm = await landmarksIn(image, rect);
      if (!lm) {
        lose();
        return null;
      }
      const xy = lm.xy;
      const micro = time * 1000 * 1000; // pose-detection: the caller's milliseconds, then microseconds
      const scale = objectScale(xy[2 * AUX]!, xy[2 * AUX + 1]!, xy[2 * AUX + 2]!, xy[2 * AUX + 3]!, size);
      // Visibility: the body landmarks' filter runs twice a frame, once for the landmarks and once for the world
      // landmarks (which carry the same raw scores); pose-detection then smooths the world landmarks from their
      // unfiltered copy, so only the first result is shown and the second only moves the filter on.
      visibility ??= new VisibilityFilters(BODY_LANDMARKS);
      const shown = visibility.apply(lm.visibility);
      visibility.apply(lm.visibility);
      // Coordinates in pixels through the one-euro filters, then back to normalised (as pose-detection's round trip).
      const body = new Float64Array(BODY_LANDMARKS * 2);
      for (let i = 0; i < BODY_LANDMARKS; i++) {
        body[2 * i] = xy[2 * i]! * W;
        body[2 * i + 1] = xy[2 * i + 1]! * H;
      }
      smooth ??= new OneEuroFilters(BODY_LANDMARKS * 2, SMOOTH_LANDMARKS);
      smooth.apply(body, micro, scale);
      const aux = Float64Array.of(xy[2 * AUX]! * W, xy[2 * AUX + 1]! * H, xy[2 * AUX + 2]! * W, xy[2 * AUX + 3]! * H);
      smoothAux ??= new OneEuroFilters(4, SMOOTH_AUXILIARY);
      smoothAux.apply(aux, micro, scale);
      smoothWorld ??= new OneEuroFilters(BODY_LANDMARKS * 3, SMOOTH_WORLD);
      smoothWorld.apply(lm.world, micro, 1);
      // The next frame's crop from the smoothed auxiliary landmarks.
      roi = roiFromPoints(aux[0]! / W, aux[1]! / H, aux[2]! / W, aux[3]! / H, size);
      const world = lm.world;
      return {
        score: lm.score,
        image: LANDMARKS.map((_, i) => ({
          x: (body[2 * i]! / W) * W,
          y: (body[2 * i + 1]! / H) * H,
          visibility: shown[i]!,
        })),
        world: LANDMARKS.map((_, i) => ({
          x: world[3 * i]!,
          y: world[3 * i + 1]!,
          z: world[3 * i + 2]!,
          visibility: lm.visibility[i]!,
        })),
      };
    },
    async detectPeople(image, maxPeople): Promise<PersonDetection[]> {
      return (await detect(image, maxPeople)).map((d) => ({
        score: d.score,
        hip: { x: d.keypoints[0]!, y: d.keypoints[1]! },
        scalePoint: { x: d.keypoints[2]!, y: d.keypoints[3]! },
      }));
    },
    async landmarksOf(image, person) {
      const size = { width: image.width, height: image.height };
      const lm = await landmarksIn(
        image,
        roiFromPoints(person.hip.x, person.hip.y, person.scalePoint.x, person.scalePoint.y, size),
      );
      if (!lm) return null;
      const xy = lm.xy;
      return {
        score: lm.score,
        image: LANDMARKS.map((_, i) => ({
          x: xy[2 * i]! * size.width,
          y: xy[2 * i + 1]! * size.height,
          visibility: lm.visibility[i]!,
        })),
        world: LANDMARKS.map((_, i) => ({
          x: lm.world[3 * i]!,
          y: lm.world[3 * i + 1]!,
          z: lm.world[3 * i + 2]!,
          visibility: lm.visibility[i]!,
        })),
      };
    },
    reset() {
      lose();
      smoothWorld = null;
    },
    dispose() {
      void nets.release?.();
    },
  };
}
