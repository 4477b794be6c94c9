/**
 * The browser pose runtime: the same BlazePose-full model and estimator as the Node runtime, loaded over HTTP from
 * the web app's own origin (never from a model hub). With `runtime: 'onnx'` (the default) both networks run on ONNX
 * Runtime as in Node (onnxruntime-web here, browser-onnx.ts; onnxruntime-node there), converted from the same files
 * by the same code, and the same TypeScript does everything around them (blazepose-tracker.ts: crops, decoding,
 * tracking, smoothing); tfjs-core only decodes the weight files while the graphs are built. If ONNX Runtime cannot
 * load, pose-detection's tfjs wasm pipeline runs and the model name says why; the web app asks for 'tfjs' only when
 * opened with ?pose-runtime=tfjs (web/src/gait/estimate-in-browser.ts). No Node imports here.
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
import { blazePoseTracker } from './blazepose-tracker.js';
import { loadBrowserOnnxModels } from './browser-onnx.js';
import type { PoseTracker } from './pose-tracker.js';
import { tfjsPoseTracker } from './tfjs-pose-tracker.js';

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
 * Loads the BlazePose-full tracker, with the model name `blazePoseEstimator` records. The walker scan
 * (person-boxes.ts `scanPeople`) needs the tracker itself; share one between the scan and the estimator (never run
 * both on it at once). Load failures come back as an error value.
 */
export async function createBrowserPoseDetector(
  options: BrowserRuntimeOptions = {},
): Promise<Result<{ detector: PoseTracker; model: string }>> {
  const modelBase = options.modelBase ?? '/models/blazepose/';
  try {
    setWasmPaths(options.wasmBase ?? '/models/tfjs-wasm/');
    // In a cross-origin isolated page tfjs would pick its threaded build, whose workers load from blob: URLs that the
    // isolation (COEP) refuses; tfjs only decodes the weight files here (or runs the baseline), so one thread will do.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    await tf.setBackend('wasm');
    await tf.ready();
    let onnxFailure = '';
    if (options.runtime !== 'tfjs') {
      try {
        const onnx = await loadBrowserOnnxModels(modelBase, options.ortBase ?? '/models/ort-wasm/');
        const detector = blazePoseTracker({
          detector: onnx.persons,
          landmarks: onnx.landmarks,
          release: async () => {
            await onnx.landmarks.release();
            await onnx.persons.release();
          },
        });
        return {
          ok: true,
          value: {
            detector,
            model: `blazepose-full on ${onnx.description} (pre- and post-processing in TypeScript, browser)`,
          },
        };
      } catch (e) {
        // The reason goes into the model name (saved with the keypoints, at most 200 characters) and the console.
        console.warn('ONNX Runtime unavailable, the pose model runs on tfjs wasm:', e);
        onnxFailure = ` (ONNX Runtime unavailable: ${(e instanceof Error ? e.message : String(e)).slice(0, 80)})`;
      }
    }
    const tfjsDetector = await poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
      runtime: 'tfjs',
      modelType: 'full',
      enableSmoothing: true,
      detectorModelUrl: `${modelBase}blazepose-detector.json`,
      landmarkModelUrl: `${modelBase}blazepose-full.json`,
    });
    return {
      ok: true,
      value: {
        detector: tfjsPoseTracker(tfjsDetector),
        model: `blazepose-full tfjs-core ${tf.version_core} wasm browser${onnxFailure}`,
      },
    };
  } catch (e) {
    return fail(
      'model-load-failed',
      `Cannot load the pose model from ${modelBase}: ${e instanceof Error ? e.message : String(e)}`,
      { file: modelBase },
    );
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
