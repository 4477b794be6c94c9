/**
 * The Node pose runtime: BlazePose full with the vendored model files in models/blazepose. Both networks run on ONNX
 * Runtime's native kernels and everything around them (crops, decoding, tracking, smoothing) in plain TypeScript
 * (blazepose-tracker.ts); no tfjs backend is started for it. With
 * FOOTING_POSE_RUNTIME=tfjs, or when ONNX Runtime cannot load, pose-detection's own tfjs wasm pipeline runs instead
 * (tfjs-pose-tracker.ts). No network access at any point.
 */
import type { PoseDetector } from '@tensorflow-models/pose-detection';
import type { PoseEstimator, Result } from './frame.js';
import { fail } from './frame.js';
import { blazePoseEstimator } from './blazepose-estimator.js';
import { blazePoseTracker } from './blazepose-tracker.js';
import {
  DETECTOR_INPUT_SHAPE,
  DETECTOR_OUTPUTS,
  LANDMARK_INPUT_SHAPE,
  LANDMARK_OUTPUTS,
  openOnnxModel,
} from './onnx-models.js';
import type { PoseTracker } from './pose-tracker.js';
import { landmarkRuntimeFromEnv, type LandmarkRuntime } from './landmark-runtime.js';
import { poseGraphBytes, type PoseGraphBytes } from './pose-graph-bytes.js';

export { landmarkRuntimeFromEnv, type LandmarkRuntime } from './landmark-runtime.js';

/** A created tracker and the name of what runs it (recorded in every keypoint series and analysis). */
export interface NodeTracker {
  tracker: PoseTracker;
  model: string;
}

/** Folder with blazepose-detector.{json,bin} and blazepose-full.{json,bin}. */
export const MODEL_DIR = new URL('../../models/blazepose/', import.meta.url);

/** Creates the Node BlazePose-full estimator. A missing or broken model file comes back as an error value. */
export async function createNodePoseEstimator(
  runtime: LandmarkRuntime = landmarkRuntimeFromEnv(),
): Promise<Result<PoseEstimator>> {
  const created = await createNodeTracker(runtime);
  if (!created.ok) return created;
  return { ok: true, value: blazePoseEstimator(created.value.tracker, created.value.model) };
}

/**
 * pose-detection's BlazePose-full tfjs detector on the wasm backend (the baseline; tests compare against it), from
 * node-tfjs-runtime.ts, loaded only when asked for: the ONNX Runtime path never loads tfjs.
 */
export async function createTfjsBlazePose(): Promise<PoseDetector> {
  return (await import('./node-tfjs-runtime.js')).createTfjsBlazePose(MODEL_DIR);
}

/**
 * The BlazePose-full tracker (the pose pass and the walker scan both use it) on `runtime`. `graphs`: the networks
 * already converted (poseGraphBytes, handed to a pose worker by its pool); else this process converts them once. If
 * ONNX Runtime fails to load, the tfjs pipeline runs and the model name says why.
 */
export async function createNodeTracker(
  runtime: LandmarkRuntime = landmarkRuntimeFromEnv(),
  graphs?: PoseGraphBytes,
  threads = 1,
): Promise<Result<NodeTracker>> {
  let onnxFailure = '';
  if (runtime === 'onnx') {
    try {
      const bytes = graphs ?? (await poseGraphBytes());
      // `threads`: ONNX Runtime's kernel threads (a pose worker's pool says how many: worker-pool.ts).
      const [landmarks, persons] = await Promise.all([
        openOnnxModel(bytes.landmarks, LANDMARK_INPUT_SHAPE, LANDMARK_OUTPUTS, threads),
        openOnnxModel(bytes.detector, DETECTOR_INPUT_SHAPE, DETECTOR_OUTPUTS, threads),
      ]);
      const tracker = blazePoseTracker({
        detector: persons,
        landmarks,
        release: async () => {
          await landmarks.release();
          await persons.release();
        },
      });
      return {
        ok: true,
        value: {
          tracker,
          model: `blazepose-full on ${landmarks.description} (pre- and post-processing in TypeScript)`,
        },
      };
    } catch (e) {
      onnxFailure = ` (ONNX Runtime unavailable: ${e instanceof Error ? e.message : String(e)})`;
    }
  }
  try {
    return {
      ok: true,
      value: await (await import('./node-tfjs-runtime.js')).createTfjsTracker(MODEL_DIR, onnxFailure),
    };
  } catch (e) {
    return fail(
      'model-load-failed',
      `Cannot load the BlazePose model from ${MODEL_DIR.pathname}: ${e instanceof Error ? e.message : String(e)}`,
      { file: MODEL_DIR.pathname },
    );
  }
}
