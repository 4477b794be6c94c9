/**
 * BlazePose's two networks' outputs decoded in plain TypeScript on typed arrays: the person detector's 2254 anchors
 * into scored detections (SSD anchors, box decoding, non-maximum suppression, letterbox removal), and the landmark
 * network's tensors into 39 landmarks (heatmap refinement) and 33 world landmarks. The same steps and constants as
 * @tensorflow-models/pose-detection 2.1.3 (blazepose_tfjs/constants.js and shared/calculators), which ran them on
 * tfjs tensors; pose-reference.test.ts checks the numbers against that pipeline's. Pure: no tfjs, no Node or DOM API.
 */
import type { Padding } from './blazepose-geometry.js';

/** The detector's 224x224 input; its output has NUM_BOXES rows of 1 score logit + 12 box and keypoint values. */
export const DETECTOR_SIZE = 224;
const NUM_BOXES = 2254;
const NUM_COORDS = 12;
const DETECTOR_KEYPOINTS = 4;
const MIN_SCORE = 0.5;
const SCORE_CLIP = 100;
const NMS_IOU = 0.3;

/** One detected person: score, box and the 4 detector keypoints (hip centre first, the full-body scale point second), normalised to the frame. */
export interface Detection {
  score: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** x, y pairs. */
  keypoints: Float64Array;
}

const f = Math.fround;

/** The anchors' centres, float32 as pose-detection's anchor tensors (createSsdAnchors with BLAZEPOSE_DETECTOR_ANCHOR_CONFIGURATION: fixed size 1, 2 per cell). */
const anchors: { x: Float64Array; y: Float64Array } = (() => {
  const x = new Float64Array(NUM_BOXES);
  const y = new Float64Array(NUM_BOXES);
  const strides = [8, 16, 32, 32, 32];
  let n = 0;
  for (let layer = 0; layer < strides.length;) {
    let last = layer;
    let perCell = 0;
    // Layers with the same stride share a grid: one anchor per aspect ratio (1) and one interpolated scale each.
    while (last < strides.length && strides[last] === strides[layer]) {
      perCell += 2;
      last++;
    }
    const side = Math.ceil(DETECTOR_SIZE / strides[layer]!);
    for (let row = 0; row < side; row++) {
      for (let col = 0; col < side; col++) {
        for (let k = 0; k < perCell; k++) {
          x[n] = f((col + 0.5) / side);
          y[n] = f((row + 0.5) / side);
          n++;
        }
      }
    }
    layer = last;
  }
  if (n !== NUM_BOXES) throw new Error(`BlazePose anchors: ${n}, expected ${NUM_BOXES}`);
  return { x, y };
})();

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * The detector's raw output ([1, 2254, 13]) into at most `maxDetections` non-overlapping people, best first, with the
 * letterbox of the detector's input removed (coordinates normalised to the frame).
 */
export function decodeDetections(raw: Float32Array, padding: Padding, maxDetections: number): Detection[] {
  const stride = NUM_COORDS + 1;
  const found: Detection[] = [];
  for (let i = 0; i < NUM_BOXES; i++) {
    const o = i * stride;
    const logit = Math.min(SCORE_CLIP, Math.max(-SCORE_CLIP, raw[o]!));
    const score = sigmoid(logit);
    if (score < MIN_SCORE) continue;
    // reverseOutputOrder: x centre, y centre, width, height, then x, y per keypoint, in detector pixels around the
    // anchor. In float32 (f) as pose-detection's tensors computed them: the first crop's region then lands on the
    // very same numbers, and tracking can carry a 1e-7 difference there to whole pixels a few frames on.
    const ax = anchors.x[i]!;
    const ay = anchors.y[i]!;
    const xc = f(f(raw[o + 1]! / DETECTOR_SIZE) + ax);
    const yc = f(f(raw[o + 2]! / DETECTOR_SIZE) + ay);
    const halfW = f(f(raw[o + 3]! / DETECTOR_SIZE) / 2);
    const halfH = f(f(raw[o + 4]! / DETECTOR_SIZE) / 2);
    const xMin = f(xc - halfW);
    const yMin = f(yc - halfH);
    const xMax = f(xc + halfW);
    const yMax = f(yc + halfH);
    if (xMax - xMin < 0 || yMax - yMin < 0) continue;
    const keypoints = new Float64Array(DETECTOR_KEYPOINTS * 2);
    for (let k = 0; k < DETECTOR_KEYPOINTS; k++) {
      keypoints[2 * k] = f(f(raw[o + 5 + 2 * k]! / DETECTOR_SIZE) + ax);
      keypoints[2 * k + 1] = f(f(raw[o + 6 + 2 * k]! / DETECTOR_SIZE) + ay);
    }
    found.push({ score, xMin, yMin, xMax, yMax, keypoints });
  }
  found.sort((a, b) => b.score - a.score);
  const kept = nonMaxSuppression(found, maxDetections);
  for (const d of kept) removeLetterbox(d, padding);
  return kept;
}

/** Greedy non-maximum suppression on score-sorted detections (tf.image.nonMaxSuppression's rule: drop at IoU >= 0.3). */
function nonMaxSuppression(sorted: Detection[], max: number): Detection[] {
  const kept: Detection[] = [];
  for (const d of sorted) {
    if (kept.length >= max) break;
    if (kept.every((k) => iou(k, d) < NMS_IOU)) kept.push(d);
  }
  return kept;
}

function iou(a: Detection, b: Detection): number {
  const areaA = (a.yMax - a.yMin) * (a.xMax - a.xMin);
  const areaB = (b.yMax - b.yMin) * (b.xMax - b.xMin);
  if (areaA <= 0 || areaB <= 0) return 0;
  const ih = Math.max(Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin), 0);
  const iw = Math.max(Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin), 0);
  const inter = ih * iw;
  return inter / (areaA + areaB - inter);
}

function removeLetterbox(d: Detection, p: Padding): void {
  const lr = 1 - (p.left + p.right);
  const tb = 1 - (p.top + p.bottom);
  const xMin = (d.xMin - p.left) / lr;
  const yMin = (d.yMin - p.top) / tb;
  const width = (d.xMax - d.xMin) / lr;
  const height = (d.yMax - d.yMin) / tb;
  d.xMin = xMin;
  d.yMin = yMin;
  d.xMax = xMin + width;
  d.yMax = yMin + height;
  for (let k = 0; k < d.keypoints.length; k += 2) {
    d.keypoints[k] = (d.keypoints[k]! - p.left) / lr;
    d.keypoints[k + 1] = (d.keypoints[k + 1]! - p.top) / tb;
  }
}

/** The landmark network's 256x256 input, its 39 landmarks (33 of the body, then the 2 auxiliary ones and 4 unused). */
export const LANDMARK_SIZE = 256;
export const ALL_LANDMARKS = 39;
export const BODY_LANDMARKS = 33;
const POSE_PRESENCE = 0.5;
const HEATMAP_KERNEL = 7;
const MIN_HEATMAP_CONFIDENCE = 0.5;

/** The landmark network's outputs (ONNX names), as decoded here. */
export interface LandmarkOutputs {
  ld_3d: { data: Float32Array };
  output_poseflag: { data: Float32Array };
  activation_heatmap: { data: Float32Array; dims: readonly number[] };
  world_3d: { data: Float32Array };
}

/** Landmarks of one crop, normalised to the letterboxed crop (x, y), visibility (sigmoid), world landmarks in metres. */
export interface CropLandmarks {
  /** The pose flag: how sure the network is that a person is in the crop. */
  score: number;
  /** x, y for all 39 landmarks (crop-normalised, after heatmap refinement). */
  xy: Float64Array;
  /** Visibility of the 33 body landmarks. */
  visibility: Float64Array;
  /** x, y, z of the 33 body landmarks, metres. */
  world: Float64Array;
}

/** Decodes one crop's outputs; null when the pose flag says nobody is there (pose-detection's 0.5). */
export function decodeLandmarks(out: LandmarkOutputs): CropLandmarks | null {
  const score = out.output_poseflag.data[0]!;
  if (score < POSE_PRESENCE) return null;
  const ld = out.ld_3d.data;
  const dims = ld.length / ALL_LANDMARKS; // 5: x, y, z, visibility, presence (crop pixels)
  const xy = new Float64Array(ALL_LANDMARKS * 2);
  const visibility = new Float64Array(BODY_LANDMARKS);
  for (let i = 0; i < ALL_LANDMARKS; i++) {
    xy[2 * i] = ld[i * dims]! / LANDMARK_SIZE;
    xy[2 * i + 1] = ld[i * dims + 1]! / LANDMARK_SIZE;
    if (i < BODY_LANDMARKS) visibility[i] = sigmoid(ld[i * dims + 3]!);
  }
  refineFromHeatmap(xy, out.activation_heatmap);
  const w = out.world_3d.data;
  const world = new Float64Array(BODY_LANDMARKS * 3);
  for (let i = 0; i < BODY_LANDMARKS * 3; i++) world[i] = w[i]!;
  return { score, xy, visibility, world };
}

/**
 * refineLandmarksFromHeatmap: each landmark moves to the heatmap's weighted mean in a 7x7 window around it when the
 * window's peak is at least 0.5. pose-detection checks the column twice and never the row against the heatmap's
 * height (an upstream slip); kept, so that the numbers stay theirs: a row past the bottom leaves a short or empty window.
 */
function refineFromHeatmap(xy: Float64Array, heatmap: { data: Float32Array; dims: readonly number[] }): void {
  const [, hmHeight, hmWidth, channels] = heatmap.dims as [number, number, number, number];
  const hm = heatmap.data;
  const offset = Math.trunc((HEATMAP_KERNEL - 1) / 2);
  for (let i = 0; i < channels; i++) {
    const centerCol = Math.trunc(xy[2 * i]! * hmWidth);
    const centerRow = Math.trunc(xy[2 * i + 1]! * hmHeight);
    if (centerCol < 0 || centerCol >= hmWidth || centerRow < 0 || centerCol >= hmHeight) continue;
    const beginCol = Math.max(0, centerCol - offset);
    const endCol = Math.min(hmWidth, centerCol + offset + 1);
    const beginRow = Math.max(0, centerRow - offset);
    const endRow = Math.min(hmHeight, centerRow + offset + 1);
    let sum = 0;
    let weightedCol = 0;
    let weightedRow = 0;
    let maxValue = 0;
    for (let row = beginRow; row < endRow; ++row) {
      for (let col = beginCol; col < endCol; ++col) {
        const confidence = hm[(row * hmWidth + col) * channels + i]!;
        sum += confidence;
        maxValue = Math.max(maxValue, confidence);
        weightedCol += col * confidence;
        weightedRow += row * confidence;
      }
    }
    if (maxValue >= MIN_HEATMAP_CONFIDENCE && sum > 0) {
      xy[2 * i] = weightedCol / hmWidth / sum;
      xy[2 * i + 1] = weightedRow / hmHeight / sum;
    }
  }
}
