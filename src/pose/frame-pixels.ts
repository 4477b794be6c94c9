/**
 * The RGB bytes of the frame a detector is working on, so a faster landmark stage (onnx-landmarks.ts) can cut its
 * crop from them instead of from the float tensor pose-detection builds. Kept per detector in a WeakMap; nothing
 * here depends on a runtime, so the browser estimator can share the call.
 */
import type { RgbImage } from './landmark-crop.js';

const current = new WeakMap<object, RgbImage>();

/** Records the pixels of the frame `detector` is about to estimate (or forgets them with null). */
export function setFramePixels(detector: object, image: RgbImage | null): void {
  if (image) current.set(detector, image); else current.delete(detector);
}

/** The pixels recorded for `detector`, if any. */
export function framePixels(detector: object): RgbImage | undefined {
  return current.get(detector);
}

const readers = new WeakSet<object>();

/** Declares that `detector`'s landmark stage reads the recorded bytes, never the frame tensor's values. */
export function markReadsFramePixels(detector: object): void {
  readers.add(detector);
}

/**
 * True when the frame tensor's values will not be read for this frame: the landmark stage reads bytes and the
 * detector is tracking (it has a region from the last frame, so pose-detection skips person detection, the only
 * other reader of the pixels). The tensor then only has to have the frame's shape.
 */
export function pixelsOnlyFromBytes(detector: object): boolean {
  return readers.has(detector) && (detector as { regionOfInterest?: unknown }).regionOfInterest != null;
}
