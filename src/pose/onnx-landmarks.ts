/**
 * Runs the landmark stage of pose-detection's BlazePose (tfjs) pipeline on ONNX Runtime instead of tfjs.
 *
 * pose-detection 2.1.3 calls its landmark network synchronously inside `poseLandmarksByRoi`, and ONNX Runtime only
 * answers asynchronously, so this replaces that one method on the detector instance with the same steps (crop and
 * letterbox with tfjs, the network on ONNX Runtime, then the detector's own decoding, heatmap refinement and
 * projection; the crop itself comes from landmark-crop.ts when the frame's bytes are at hand). Person detection,
 * ROI tracking and landmark smoothing stay pose-detection's, so the two runtimes
 * differ only by the network's arithmetic (outputs agree to ~0.01 px of the 256 px crop: onnx-landmarks.test.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PoseDetector } from '@tensorflow-models/pose-detection';
// Deep imports (the package has no exports map; pinned at 2.1.3 in package-lock.json): the crop and its constants.
import { convertImageToTensor } from '@tensorflow-models/pose-detection/dist/shared/calculators/convert_image_to_tensor.js';
import { BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG } from '@tensorflow-models/pose-detection/dist/blazepose_tfjs/constants.js';
import { LANDMARK_OUTPUTS, type OnnxLandmarkModel } from './onnx-graph-model.js';
import { cropForLandmarks, type NormalizedRect } from './landmark-crop.js';
import { framePixels, markReadsFramePixels } from './frame-pixels.js';

/** The private members of BlazePoseTfjsDetector this relies on; checked at run time before anything is replaced. */
interface BlazePoseInternals {
  enableSegmentation: boolean;
  poseLandmarksByRoi(roi: unknown, image: tf.Tensor3D): Promise<unknown>;
  tensorsToPoseLandmarksAndSegmentation(tensors: tf.Tensor[]): Promise<null | {
    landmarks: unknown; auxiliaryLandmarks: unknown; poseScore: number; worldLandmarks: unknown; segmentationMask: unknown;
  }>;
  poseLandmarksAndSegmentationInverseProjection(imageSize: { height: number; width: number }, roi: unknown, padding: unknown,
    matrix: unknown, landmarks: unknown, auxiliary: unknown, world: unknown, mask: unknown): Promise<object>;
}

/** True when `detector` is the pose-detection BlazePose tfjs detector this module knows how to re-route. */
export function supportsOnnxLandmarks(detector: PoseDetector): boolean {
  const d = detector as unknown as Partial<BlazePoseInternals>;
  return typeof d.poseLandmarksByRoi === 'function' && typeof d.tensorsToPoseLandmarksAndSegmentation === 'function' &&
    typeof d.poseLandmarksAndSegmentationInverseProjection === 'function' && d.enableSegmentation === false;
}

/** Routes the detector's landmark network through `model`. Throws if the detector is not one it knows. */
export function useOnnxLandmarks(detector: PoseDetector, model: OnnxLandmarkModel): void {
  if (!supportsOnnxLandmarks(detector)) throw new Error('This pose-detection detector cannot run its landmarks on ONNX Runtime');
  const d = detector as unknown as BlazePoseInternals;
  markReadsFramePixels(detector);
  d.poseLandmarksByRoi = async function poseLandmarksByRoiOnnx(this: BlazePoseInternals, roi, image) {
    const imageSize = { height: image.shape[0], width: image.shape[1] };
    // The crop from the frame's own bytes when the estimator recorded them (frame-pixels.ts), else tfjs's crop.
    const pixels = framePixels(this);
    let imageTensor: tf.Tensor | null = null;
    let input: Float32Array; let padding: unknown; let transformationMatrix: unknown;
    if (pixels && pixels.width === imageSize.width && pixels.height === imageSize.height) {
      // Always taken when blazepose-estimator.ts drives the detector: it may then pass a blank frame tensor.
      ({ pixels: input, padding, transformationMatrix } = cropForLandmarks(pixels, roi as NormalizedRect));
    } else {
      ({ imageTensor, padding, transformationMatrix } = convertImageToTensor(image, BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG, roi as never));
      input = (await imageTensor.data()) as Float32Array;
    }
    let outputs: tf.Tensor[] = [];
    try {
      const out = await model.run(input);
      outputs = LANDMARK_OUTPUTS.map((name) => tf.tensor(out[name].data, out[name].dims));
      const r = await this.tensorsToPoseLandmarksAndSegmentation(outputs);
      if (r == null) return null;
      const projected = await this.poseLandmarksAndSegmentationInverseProjection(imageSize, roi, padding, transformationMatrix,
        r.landmarks, r.auxiliaryLandmarks, r.worldLandmarks, r.segmentationMask);
      return { poseScore: r.poseScore, ...projected };
    } finally {
      tf.dispose(outputs);
      if (imageTensor) tf.dispose(imageTensor);
    }
  };
}
