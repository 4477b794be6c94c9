/**
 * The Node pose runtime: BlazePose full on tfjs-core + the wasm backend, with the vendored model files in
 * models/blazepose and the wasm binaries from node_modules. No network access at any point.
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
export async function createNodePoseEstimator(): Promise<Result<PoseEstimator>> {
  const detector = await createNodeDetector();
  if (!detector.ok) return detector;
  return { ok: true, value: blazePoseEstimator(detector.value, `blazepose-full tfjs-core ${tf.version_core} wasm`) };
}

/** The raw pose-detection BlazePose-full detector (also used for the multi-person scan in person-boxes.ts). */
export async function createNodeDetector(): Promise<Result<poseDetection.PoseDetector>> {
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
    return { ok: true, value: detector };
  } catch (e) {
    return fail('model-load-failed', `Cannot load the BlazePose model from ${MODEL_DIR.pathname}: ${e instanceof Error ? e.message : String(e)}`,
      { file: MODEL_DIR.pathname });
  }
}
