/**
 * The browser pose runtime: the same BlazePose-full model and estimator as the Node runtime, loaded over HTTP from
 * the web app's own origin (never from a model hub). pose-detection's tfjs pipeline does the detection and landmark
 * decoding, tracking and smoothing. With `runtime: 'onnx'` both networks run on ONNX Runtime as in Node
 * (onnxruntime-web here, browser-onnx.ts; onnxruntime-node there), converted from the same files by the same code,
 * with the same crops cut from the frame's bytes (landmark-crop.ts); if it cannot load, the networks stay on tfjs
 * wasm and the model name says why. The web app asks for 'tfjs' only when opened with ?pose-runtime=tfjs
 * (web/src/gait/estimate-in-browser.ts). No Node imports here.
 *
 * The web app must serve: /models/blazepose/blazepose-{detector,full}.{json,bin} (copied from models/blazepose),
 * /models/tfjs-wasm/*.wasm (from @tensorflow/tfjs-backend-wasm/dist) and /models/ort-wasm/ort-wasm-simd-threaded.
 * {mjs,wasm} (from onnxruntime-web/dist). Frames come from a <video> element or WebCodecs; turn RGBA pixels into a
 * Frame with `frameFromRgba`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { Frame, PoseEstimator, Result } from './frame.js';
import { fail } from './frame.js';
import { blazePoseEstimator } from './blazepose-estimator.js';
import { loadBrowserOnnxModels } from './browser-onnx.js';
import { useOnnxLandmarks } from './onnx-landmarks.js';
import { useOnnxDetector } from './onnx-detector.js';

export interface BrowserRuntimeOptions {
  /** Base URL of the model files; default '/models/blazepose/'. */
  modelBase?: string;
  /** Base URL of the tfjs wasm binaries; default '/models/tfjs-wasm/'. */
  wasmBase?: string;
  /** Base URL of onnxruntime-web's files; default '/models/ort-wasm/'. */
  ortBase?: string;
  /** 'onnx' (default): the networks on onnxruntime-web, as in Node; 'tfjs': all on tfjs wasm (the old path). */
  runtime?: 'onnx' | 'tfjs';
}

/**
 * Loads the raw BlazePose-full tfjs detector on the wasm backend, with the model name `blazePoseEstimator` records.
 * The walker scan (person-boxes.ts `scanPeople`) needs the detector itself; share one between the scan and the
 * estimator (never run both on it at once). Load failures come back as an error value.
 */
export async function createBrowserPoseDetector(options: BrowserRuntimeOptions = {}): Promise<Result<{ detector: poseDetection.PoseDetector; model: string }>> {
  const modelBase = options.modelBase ?? '/models/blazepose/';
  try {
    setWasmPaths(options.wasmBase ?? '/models/tfjs-wasm/');
    // In a cross-origin isolated page tfjs would pick its threaded build, whose workers load from blob: URLs that the
    // isolation (COEP) refuses; tfjs only prepares and decodes around the ONNX networks here, so one thread will do.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    await tf.setBackend('wasm');
    await tf.ready();
    const detector = await poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
      runtime: 'tfjs',
      modelType: 'full',
      enableSmoothing: true,
      detectorModelUrl: `${modelBase}blazepose-detector.json`,
      landmarkModelUrl: `${modelBase}blazepose-full.json`,
    });
    const tfjsName = `blazepose-full tfjs-core ${tf.version_core} wasm browser`;
    if (options.runtime === 'tfjs') return { ok: true, value: { detector, model: tfjsName } };
    try {
      const onnx = await loadBrowserOnnxModels(modelBase, options.ortBase ?? '/models/ort-wasm/');
      useOnnxLandmarks(detector, onnx.landmarks);
      useOnnxDetector(detector, onnx.persons);
      return { ok: true, value: { detector, model: `blazepose-full on ${onnx.description} (pre- and post-processing tfjs-core ${tf.version_core} wasm browser)` } };
    } catch (e) {
      // The reason goes into the model name (saved with the keypoints, at most 200 characters) and the console.
      console.warn('ONNX Runtime unavailable, the pose model runs on tfjs wasm:', e);
      return { ok: true, value: { detector, model: `${tfjsName} (ONNX Runtime unavailable: ${(e instanceof Error ? e.message : String(e)).slice(0, 80)})` } };
    }
  } catch (e) {
    return fail('model-load-failed', `Cannot load the pose model from ${modelBase}: ${e instanceof Error ? e.message : String(e)}`,
      { file: modelBase });
  }
}

/** Creates the browser BlazePose-full estimator on the wasm backend. Load failures come back as an error value. */
export async function createBrowserPoseEstimator(options: BrowserRuntimeOptions = {}): Promise<Result<PoseEstimator>> {
  const d = await createBrowserPoseDetector(options);
  return d.ok ? { ok: true, value: blazePoseEstimator(d.value.detector, d.value.model) } : d;
}

/** Converts RGBA pixels (canvas ImageData, VideoFrame.copyTo) into a packed RGB Frame. */
export function frameFromRgba(
  rgba: { data: Uint8ClampedArray | Uint8Array; width: number; height: number },
  index: number,
  time: number,
): Frame {
  const n = rgba.width * rgba.height;
  const data = new Uint8Array(n * 3);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    data[i * 3] = rgba.data[j]!;
    data[i * 3 + 1] = rgba.data[j + 1]!;
    data[i * 3 + 2] = rgba.data[j + 2]!;
  }
  return { data, width: rgba.width, height: rgba.height, index, time };
}
