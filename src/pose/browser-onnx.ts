/**
 * BlazePose's two networks on onnxruntime-web (wasm, SIMD; threads when the page is cross-origin isolated), built
 * in the page from the model files on the app's own origin by the same converter as Node's (onnx-graph-model.ts), so
 * the browser runs the very graph `footing analyze` runs. The runtime's files (ort-wasm-simd-threaded.{mjs,wasm})
 * come from /models/ort-wasm/ on the same origin, never from a CDN: the app works offline. No Node imports here.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as ort from 'onnxruntime-web';
import {
  DETECTOR_INPUT_SHAPE,
  DETECTOR_OUTPUTS,
  LANDMARK_INPUT_SHAPE,
  LANDMARK_OUTPUTS,
  openOnnxGraphModel,
  type OnnxDetectorModel,
  type OnnxLandmarkModel,
  type OrtLike,
} from './onnx-graph-model.js';

export interface BrowserOnnxModels {
  landmarks: OnnxLandmarkModel;
  persons: OnnxDetectorModel;
  description: string;
}

/**
 * Threads for the wasm kernels: wasm threads need SharedArrayBuffer, which only a cross-origin isolated page has
 * (COOP + COEP headers). One core is left to the rest of the frame's work, which does not run on the kernels'
 * threads (the video decoder, the YUV conversion and the crops on the page's thread): on this 2-core machine two
 * kernel threads took 208-219 ms of the browser's CPU a frame and one took 149-157 (and gave 1.2-1.4x the frames a
 * second), because threads that wait for each other spin (npm run bench -- gait-browser, 2026-12-07, under load
 * from other work). At most 4. `?pose-threads=N` on the page's address sets the cap (the bench compares them).
 */
function threads(): number {
  const isolated = typeof globalThis.crossOriginIsolated === 'boolean' && globalThis.crossOriginIsolated;
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  const asked = Number(new URLSearchParams(globalThis.location?.search ?? '').get('pose-threads') ?? Number.NaN);
  const cap = Number.isInteger(asked) && asked >= 1 ? asked : Math.min(4, cores - 1);
  return isolated ? Math.max(1, Math.min(cap, cores)) : 1;
}

/** Loads both networks (model JSON from `modelBase`, runtime files from `ortBase`). Throws when they cannot load. */
export async function loadBrowserOnnxModels(modelBase: string, ortBase: string): Promise<BrowserOnnxModels> {
  // Set before the first session: the wasm module is instantiated once, with these settings.
  ort.env.wasm.wasmPaths = ortBase;
  ort.env.wasm.numThreads = threads();
  const n = ort.env.wasm.numThreads;
  const description = `onnxruntime-web ${ort.env.versions.web ?? ort.env.versions.common} wasm, ${n} thread${n === 1 ? '' : 's'}`;
  const options = { executionProviders: ['wasm'], executionMode: 'sequential' };
  const load = (file: string) => tf.io.http(`${modelBase}${file}`).load!();
  const [landmarkArtifacts, detectorArtifacts] = await Promise.all([
    load('blazepose-full.json'),
    load('blazepose-detector.json'),
  ]);
  // One after the other: the wasm module is created by the first session.
  const landmarks = await openOnnxGraphModel(
    ort as unknown as OrtLike,
    landmarkArtifacts,
    LANDMARK_INPUT_SHAPE,
    LANDMARK_OUTPUTS,
    options,
    description,
  );
  const persons = await openOnnxGraphModel(
    ort as unknown as OrtLike,
    detectorArtifacts,
    DETECTOR_INPUT_SHAPE,
    DETECTOR_OUTPUTS,
    options,
    description,
  );
  return { landmarks, persons, description };
}
