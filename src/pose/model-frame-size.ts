/**
 * The size of the frames the pose model is handed, for a source picture, the part of it looked at and a height
 * limit. One rule for Node (ffmpeg-frames.ts: ffmpeg crops and scales to this size) and the browser
 * (web/src/gait/frame-canvas.ts: a canvas draws to this size), so both sides give the model the same number of
 * pixels: the browser used to round 1280.6 to 1281 where ffmpeg took 1280, and the landmarks moved with it.
 *
 * The whole picture is scaled to at most `maxHeight` rows (even, as video scalers want), and a region keeps that
 * scale, its sides rounded to even sizes. Pure.
 */
import type { RegionOfInterest } from './frame.js';

/**
 * The model sees frames at most 720 source rows high (720p-equivalent; landmarks are mapped back to source pixels):
 * `footing analyze`, the server job and the page all use this, so they hand the model the same pixels.
 */
export const MODEL_MAX_HEIGHT = 720;

/** The walker scan's frames, Node's and the page's: the person detector sees 224x224 tiles of them anyway. */
export const SCAN_MAX_HEIGHT = 360;

export function modelFrameSize(
  source: { width: number; height: number },
  region?: RegionOfInterest,
  maxHeight?: number,
): { width: number; height: number } {
  let width = source.width;
  let height = source.height;
  if (maxHeight && maxHeight < height) {
    height = maxHeight - (maxHeight % 2);
    width = Math.round((source.width * height) / source.height / 2) * 2;
  }
  if (!region) return { width, height };
  const k = height / source.height;
  return {
    width: Math.max(2, Math.round((region.width * k) / 2) * 2),
    height: Math.max(2, Math.round((region.height * k) / 2) * 2),
  };
}
