/**
 * The Node pose runtime: BlazePose full with the vendored model files in models/blazepose. pose-detection's tfjs
 * pipeline (tfjs-core + the wasm backend from node_modules) does detection, cropping, tracking and smoothing; the
 * landmark network runs on ONNX Runtime's native kernels (onnx-landmarks.ts), or on tfjs wasm when
 * FOOTING_POSE_RUNTIME=tfjs or ONNX Runtime cannot load. No network access at any point.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as poseDetection from '@tensorflow-models/pose-detection';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PoseEstimator, Result } from './frame.js';
import { fail } from './frame.js';
import { blazePoseEstimator } from './blazepose-estimator.js';
import { registerFileLoadRouter } from './node-model-loader.js';
import { loadOnnxDetectorModel, loadOnnxLandmarkModel } from './onnx-models.js';
import { useOnnxLandmarks } from './onnx-landmarks.js';
import { useOnnxDetector } from './onnx-detector.js';

/** Which engine runs BlazePose's two networks: ONNX Runtime (default, several times faster here) or tfjs wasm. */
export type LandmarkRuntime = 'onnx' | 'tfjs';

/** The runtime asked for by FOOTING_POSE_RUNTIME (`tfjs` or `onnx`), ONNX Runtime when unset. */
export function landmarkRuntimeFromEnv(env: NodeJS.ProcessEnv = process.env): LandmarkRuntime {
  return env.FOOTING_POSE_RUNTIME === 'tfjs' ? 'tfjs' : 'onnx';
}

/** A created detector and the name of what runs it (recorded in every keypoint series and analysis). */
export interface NodeDetector { detector: poseDetection.PoseDetector; model: string }

/** Folder with blazepose-detector.{json,bin} and blazepose-full.{json,bin}. */
export const MODEL_DIR = new URL('../../models/blazepose/', import.meta.url);

let backendReady: Promise<void> | null = null;

function initBackend(): Promise<void> {
  backendReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    // setWasmPaths wants a prefix ending in '/'; in Node the wasm files are read from this directory.
    setWasmPaths(join(dist, '/'));
    await tf.setBackend('wasm');
    await tf.ready();
  })();
  return backendReady;
}

/** Creates the Node BlazePose-full estimator. A missing or broken model file comes back as an error value. */
export async function createNodePoseEstimator(runtime: LandmarkRuntime = landmarkRuntimeFromEnv()): Promise<Result<PoseEstimator>> {
  const created = await createNodeDetector(runtime);
  if (!created.ok) return created;
  return { ok: true, value: blazePoseEstimator(created.value.detector, created.value.model) };
}

/**
 * The pose-detection BlazePose-full detector (also used for the multi-person scan in person-boxes.ts), its landmark
 * network on `runtime`. If ONNX Runtime fails to load, the detector stays on tfjs and the model name says why.
 */
export async function createNodeDetector(runtime: LandmarkRuntime = landmarkRuntimeFromEnv()): Promise<Result<NodeDetector>> {
  await initBackend();
  registerFileLoadRouter();
  const detectorUrl = new URL('blazepose-detector.json', MODEL_DIR);
  const landmarkUrl = new URL('blazepose-full.json', MODEL_DIR);
  try {
    const detector = await poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
      runtime: 'tfjs',
      modelType: 'full',
      enableSmoothing: true,
      detectorModelUrl: pathToFileURL(detectorUrl.pathname).href,
      landmarkModelUrl: pathToFileURL(landmarkUrl.pathname).href,
    });
    const tfjsName = `blazepose-full tfjs-core ${tf.version_core} wasm`;
    if (runtime === 'tfjs') return { ok: true, value: { detector, model: tfjsName } };
    try {
      // One thread each: the pool already runs a worker per core.
      const [landmarks, persons] = await Promise.all([loadOnnxLandmarkModel(landmarkUrl.pathname, 1), loadOnnxDetectorModel(detectorUrl.pathname, 1)]);
      useOnnxLandmarks(detector, landmarks);
      useOnnxDetector(detector, persons);
      return { ok: true, value: { detector, model: `blazepose-full on ${landmarks.description} (pre- and post-processing tfjs-core ${tf.version_core} wasm)` } };
    } catch (e) {
      return { ok: true, value: { detector, model: `${tfjsName} (ONNX Runtime unavailable: ${e instanceof Error ? e.message : String(e)})` } };
    }
  } catch (e) {
    return fail('model-load-failed', `Cannot load the BlazePose model from ${MODEL_DIR.pathname}: ${e instanceof Error ? e.message : String(e)}`,
      { file: MODEL_DIR.pathname });
  }
}
