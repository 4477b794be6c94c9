/**
 * BlazePose's two networks as ONNX bytes, converted from the vendored tfjs files (models/blazepose) once per process
 * and kept (about 25 MB): `footing analyze`'s worker pool hands them to its workers, and a server converts them for
 * its first analysis only, instead of every worker reading, decoding and converting the weights again (5 % of a pose
 * worker's time in the profile of 2026-12-07). No ONNX Runtime and no tfjs backend here: plain conversion.
 */
import { fileModelHandler } from './node-model-loader.js';
import {
  DETECTOR_INPUT_SHAPE,
  DETECTOR_OUTPUTS,
  LANDMARK_INPUT_SHAPE,
  LANDMARK_OUTPUTS,
  onnxBytes,
} from './onnx-graph-model.js';

/** Both networks as ONNX bytes: what a pose worker needs to open its sessions. */
export interface PoseGraphBytes {
  landmarks: Uint8Array;
  detector: Uint8Array;
}

const MODEL_DIR = new URL('../../models/blazepose/', import.meta.url);
let built: Promise<PoseGraphBytes> | null = null;

/** The converted graphs, built on the first call; a failure is reported to the caller and tried again next time. */
export function poseGraphBytes(): Promise<PoseGraphBytes> {
  built ??= (async () => {
    const convert = async (file: string, shape: number[], outputs: readonly string[]) =>
      onnxBytes(await fileModelHandler(new URL(file, MODEL_DIR).pathname).load!(), shape, outputs);
    return {
      landmarks: await convert('blazepose-full.json', LANDMARK_INPUT_SHAPE, LANDMARK_OUTPUTS),
      detector: await convert('blazepose-detector.json', DETECTOR_INPUT_SHAPE, DETECTOR_OUTPUTS),
    };
  })();
  built.catch(() => {
    built = null;
  });
  return built;
}
