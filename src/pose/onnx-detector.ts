/**
 * Runs the person-detector stage of pose-detection's BlazePose (tfjs) pipeline on ONNX Runtime, the counterpart of
 * onnx-landmarks.ts: the detector's `detectPose` is replaced on the instance by the same steps (letterboxed 224x224
 * input, the network, then pose-detection's own anchor decoding, non-maximum suppression and letterbox removal),
 * with the network on ONNX Runtime and the input cut in JS when the frame's bytes are at hand (frame-pixels.ts).
 * It runs when tracking is lost and on every frame of the walker scan (person-boxes.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PoseDetector } from '@tensorflow-models/pose-detection';
// Deep imports (no exports map; pinned at 2.1.3 in package-lock.json), as in onnx-landmarks.ts.
import { convertImageToTensor } from '@tensorflow-models/pose-detection/dist/shared/calculators/convert_image_to_tensor.js';
import { detectorResult } from '@tensorflow-models/pose-detection/dist/shared/calculators/detector_result.js';
import { tensorsToDetections } from '@tensorflow-models/pose-detection/dist/shared/calculators/tensors_to_detections.js';
import { nonMaxSuppression } from '@tensorflow-models/pose-detection/dist/shared/calculators/non_max_suppression.js';
import { removeDetectionLetterbox } from '@tensorflow-models/pose-detection/dist/shared/calculators/remove_detection_letterbox.js';
import {
  BLAZEPOSE_DETECTOR_IMAGE_TO_TENSOR_CONFIG, BLAZEPOSE_DETECTOR_NON_MAX_SUPPRESSION_CONFIGURATION, BLAZEPOSE_TENSORS_TO_DETECTION_CONFIGURATION,
} from '@tensorflow-models/pose-detection/dist/blazepose_tfjs/constants.js';
import { DETECTOR_INPUT_SHAPE, type OnnxDetectorModel } from './onnx-graph-model.js';
import { cropForModel } from './landmark-crop.js';
import { framePixels } from './frame-pixels.js';

type Detection = Awaited<ReturnType<typeof tensorsToDetections>>[number];

interface DetectorInternals {
  maxPoses: number;
  anchorTensor: Parameters<typeof tensorsToDetections>[1];
  detectPose(image: tf.Tensor3D): Promise<Detection[]>;
}

/** True when `detector` has the tfjs BlazePose detector stage this module re-routes. */
export function supportsOnnxDetector(detector: PoseDetector): boolean {
  const d = detector as unknown as Partial<DetectorInternals>;
  return typeof d.detectPose === 'function' && d.anchorTensor !== undefined;
}

/** Routes the detector's person-detection network through `model`. Throws if the detector is not one it knows. */
export function useOnnxDetector(detector: PoseDetector, model: OnnxDetectorModel): void {
  if (!supportsOnnxDetector(detector)) throw new Error('This pose-detection detector cannot run its person detector on ONNX Runtime');
  const d = detector as unknown as DetectorInternals;
  const [, outH, outW] = DETECTOR_INPUT_SHAPE as [number, number, number, number];
  const range = BLAZEPOSE_DETECTOR_IMAGE_TO_TENSOR_CONFIG.outputTensorFloatRange as [number, number];
  d.detectPose = async function detectPoseOnnx(this: DetectorInternals, image) {
    const pixels = framePixels(this);
    let input: Float32Array; let padding: Parameters<typeof removeDetectionLetterbox>[1];
    if (pixels && pixels.width === image.shape[1] && pixels.height === image.shape[0]) {
      ({ pixels: input, padding } = cropForModel(pixels, undefined, outW, outH, range));
    } else {
      const c = convertImageToTensor(image, BLAZEPOSE_DETECTOR_IMAGE_TO_TENSOR_CONFIG);
      input = (await c.imageTensor.data()) as Float32Array;
      padding = c.padding;
      c.imageTensor.dispose();
    }
    const out = (await model.run(input)).person;
    const raw = tf.tensor3d(out.data, out.dims as [number, number, number]);
    const { boxes, logits } = detectorResult(raw);
    try {
      const detections = await tensorsToDetections([logits, boxes], this.anchorTensor, BLAZEPOSE_TENSORS_TO_DETECTION_CONFIGURATION);
      if (detections.length === 0) return detections;
      const selected = await nonMaxSuppression(detections, this.maxPoses,
        BLAZEPOSE_DETECTOR_NON_MAX_SUPPRESSION_CONFIGURATION.minSuppressionThreshold, BLAZEPOSE_DETECTOR_NON_MAX_SUPPRESSION_CONFIGURATION.overlapType);
      return removeDetectionLetterbox(selected, padding);
    } finally {
      tf.dispose([raw, boxes, logits]);
    }
  };
}
