/**
 * pose-detection's own tfjs wasm pipeline in Node: the bench's baseline (FOOTING_POSE_RUNTIME=tfjs), the fallback
 * when ONNX Runtime cannot load, and the reference some tests compare against. Its own module, imported only when
 * one of those asks for it (node-runtime.ts): tfjs-core, its wasm backend and pose-detection took about 0.3 s of CPU
 * to load in every pose worker and in the CLI's main thread, which run ONNX Runtime and never use them (issue 13).
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as poseDetection from '@tensorflow-models/pose-detection';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileModelHandler } from './node-model-loader.js';
import type { PoseTracker } from './pose-tracker.js';
import { tfjsPoseTracker } from './tfjs-pose-tracker.js';

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

let registered = false;

/** Registers (once) a tf.io load router so that `file://` model URLs load from disk. */
function registerFileLoadRouter(): void {
  if (registered) return;
  registered = true;
  const router = (url: string | string[]): tf.io.IOHandler => {
    const s = Array.isArray(url) ? url[0] : url;
    // IORouter is typed as never returning null, but returning null is how a router declines a URL.
    return (
      typeof s === 'string' && s.startsWith('file://') ? fileModelHandler(fileURLToPath(s)) : null
    ) as tf.io.IOHandler;
  };
  tf.io.registerLoadRouter(router);
}

/** pose-detection's BlazePose-full tfjs detector on the wasm backend, with the model files in `modelDir`. */
export async function createTfjsBlazePose(modelDir: URL): Promise<poseDetection.PoseDetector> {
  await initBackend();
  registerFileLoadRouter();
  return poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
    runtime: 'tfjs',
    modelType: 'full',
    enableSmoothing: true,
    detectorModelUrl: pathToFileURL(new URL('blazepose-detector.json', modelDir).pathname).href,
    landmarkModelUrl: pathToFileURL(new URL('blazepose-full.json', modelDir).pathname).href,
  });
}

/** The tfjs pipeline as a PoseTracker, and its name for the keypoint series. */
export async function createTfjsTracker(modelDir: URL, why: string): Promise<{ tracker: PoseTracker; model: string }> {
  const detector = await createTfjsBlazePose(modelDir);
  return { tracker: tfjsPoseTracker(detector), model: `blazepose-full tfjs-core ${tf.version_core} wasm${why}` };
}
