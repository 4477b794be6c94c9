/** Which engine runs BlazePose in Node, asked for by environment; no model code here (the pool reads it too). */

/** ONNX Runtime with the TypeScript pipeline (default, several times faster here) or pose-detection's tfjs wasm. */
export type LandmarkRuntime = 'onnx' | 'tfjs';

/** The runtime asked for by FOOTING_POSE_RUNTIME (`tfjs` or `onnx`), ONNX Runtime when unset. */
export function landmarkRuntimeFromEnv(env: NodeJS.ProcessEnv = process.env): LandmarkRuntime {
  return env.FOOTING_POSE_RUNTIME === 'tfjs' ? 'tfjs' : 'onnx';
}
