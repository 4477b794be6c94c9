/**
 * BlazePose's two networks as ONNX graphs on an ONNX Runtime, whichever one: onnxruntime-node in Node
 * (onnx-models.ts), onnxruntime-web in the browser (browser-onnx.ts). Both build the graph the same way, in memory,
 * from the same vendored tfjs model files (models/blazepose) with tfjs-graph-to-onnx.ts, so the two sides run the
 * same graph with the same inputs and outputs; only the kernels that execute it differ. No Node or DOM API here.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { encodeOnnxModel } from './onnx-proto.js';
import { tfjsGraphToOnnx, type GraphWeight, type TfjsGraphJson } from './tfjs-graph-to-onnx.js';

/** The landmark network's outputs that pose-detection reads (segmentation is off), in its order. */
export const LANDMARK_OUTPUTS = ['ld_3d', 'output_poseflag', 'activation_heatmap', 'world_3d'] as const;
export const LANDMARK_INPUT_SHAPE = [1, 256, 256, 3];

/** The person detector's single output: 2254 anchors x (1 score logit + 12 box and keypoint values). */
export const DETECTOR_OUTPUTS = ['person'] as const;
export const DETECTOR_INPUT_SHAPE = [1, 224, 224, 3];

export interface OutputTensor {
  data: Float32Array;
  dims: number[];
}

/** A converted tfjs graph model on ONNX Runtime: one NHWC float input, named float outputs. */
export interface OnnxGraphModel<K extends string> {
  run(input: Float32Array): Promise<Record<K, OutputTensor>>;
  release(): Promise<void>;
  readonly description: string;
}

/** The landmark network: one 256x256 RGB crop (NHWC floats in [0, 1], as pose-detection prepares it). */
export type OnnxLandmarkModel = OnnxGraphModel<(typeof LANDMARK_OUTPUTS)[number]>;
export type OnnxDetectorModel = OnnxGraphModel<(typeof DETECTOR_OUTPUTS)[number]>;

/**
 * The part of an ONNX Runtime package (onnxruntime-node or onnxruntime-web: both re-export onnxruntime-common's
 * API) this module uses, so it can take either without importing one.
 */
export interface OrtLike {
  InferenceSession: { create(bytes: Uint8Array, options: object): Promise<OrtSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => unknown;
}
interface OrtSession {
  readonly inputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown; dims: readonly number[] }>>;
  release(): Promise<void>;
}

/**
 * A tfjs graph model's JSON and weights, decoded from its artifacts (float16-quantised in the shipped files) in
 * plain TypeScript, as tf.io.decodeWeights does: no tfjs backend is needed to build the graphs.
 */
export function decodeGraphWeights(artifacts: tf.io.ModelArtifacts): {
  json: TfjsGraphJson;
  weights: Map<string, GraphWeight>;
} {
  const json = { modelTopology: artifacts.modelTopology, signature: artifacts.signature } as TfjsGraphJson;
  // tfjs gives the weights as one ArrayBuffer or, in the browser's loader, one per shard file (WeightData): the
  // specs' offsets run across the shards joined in order.
  const buffer = joinedWeightData(artifacts.weightData);
  const weights = new Map<string, GraphWeight>();
  let offset = 0;
  for (const spec of artifacts.weightSpecs ?? []) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const q = spec.quantization?.dtype;
    if (q === 'float16' && spec.dtype === 'float32') {
      const half = new Uint16Array(buffer.slice(offset, offset + 2 * size));
      const data = new Float32Array(size);
      const table = halfTable();
      for (let i = 0; i < size; i++) data[i] = table[half[i]!]!;
      weights.set(spec.name, { shape: spec.shape, data });
      offset += 2 * size;
    } else if (!q && (spec.dtype === 'float32' || spec.dtype === 'int32')) {
      const bytes = buffer.slice(offset, offset + 4 * size);
      weights.set(spec.name, {
        shape: spec.shape,
        data: spec.dtype === 'int32' ? new Int32Array(bytes) : new Float32Array(bytes),
      });
      offset += 4 * size;
    } else {
      throw new Error(
        `Weight ${spec.name}: ${spec.dtype}${q ? ` quantised as ${q}` : ''} is not a kind the graph conversion reads`,
      );
    }
  }
  return { json, weights };
}

/** The weight bytes as one ArrayBuffer, the shards (if any) joined in order. */
export function joinedWeightData(data: tf.io.ModelArtifacts['weightData']): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  if (!Array.isArray(data)) return data as ArrayBuffer;
  const joined = new Uint8Array(data.reduce((n, part) => n + part.byteLength, 0));
  let offset = 0;
  for (const part of data) {
    joined.set(new Uint8Array(part), offset);
    offset += part.byteLength;
  }
  return joined.buffer;
}

/**
 * Every half-precision value, indexed by its bits: the pose graphs hold ~3.5 million float16 weights, and
 * Float32Array.from with a per-value callback took ~2 s of the main thread before the workers could start
 * (node --cpu-prof of footing analyze, issue 13); a table lookup in a plain loop takes a few ms.
 */
let halves: Float32Array | null = null;
function halfTable(): Float32Array {
  if (!halves) {
    halves = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) halves[h] = halfToFloat(h);
  }
  return halves;
}

/** An IEEE 754 half-precision number's value (every one is exact in float32). */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** The ONNX bytes of a tfjs graph model with a fixed input shape. */
export function onnxBytes(
  artifacts: tf.io.ModelArtifacts,
  inputShape: number[],
  outputs: readonly string[],
): Uint8Array {
  const { json, weights } = decodeGraphWeights(artifacts);
  return encodeOnnxModel(tfjsGraphToOnnx(json, weights, inputShape, [...outputs]), 'footing');
}

/**
 * Converts a tfjs graph model and opens it on `ort`. `sessionOptions` are the runtime's own (threads, execution
 * providers); `description` names the runtime in every keypoint series it produces.
 */
export function openOnnxGraphModel<K extends string>(
  ort: OrtLike,
  artifacts: tf.io.ModelArtifacts,
  inputShape: number[],
  outputs: readonly K[],
  sessionOptions: object,
  description: string,
): Promise<OnnxGraphModel<K>> {
  return openOnnxSession(
    ort,
    onnxBytes(artifacts, inputShape, outputs),
    inputShape,
    outputs,
    sessionOptions,
    description,
  );
}

/** Opens converted ONNX bytes (onnxBytes) on `ort`: what a pose worker does with the graphs its process built once. */
export async function openOnnxSession<K extends string>(
  ort: OrtLike,
  bytes: Uint8Array,
  inputShape: number[],
  outputs: readonly K[],
  sessionOptions: object,
  description: string,
): Promise<OnnxGraphModel<K>> {
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all', ...sessionOptions });
  return {
    description,
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
