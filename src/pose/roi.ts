/** Region-of-interest arithmetic shared by the runtimes: validation and crop of packed RGB frames. */
import type { Frame, PoseError, RegionOfInterest } from './frame.js';

/** Checks a region of interest against the source size; returns null when it is valid. */
export function checkRoi(roi: RegionOfInterest, width: number, height: number): PoseError | null {
  const { x, y, width: w, height: h } = roi;
  const ints = [x, y, w, h].every((v) => Number.isInteger(v));
  if (!ints || x < 0 || y < 0 || w < 16 || h < 16 || x + w > width || y + h > height) {
    return {
      code: 'bad-roi',
      message: `Region of interest ${JSON.stringify(roi)} must be whole pixels, at least 16x16, inside ${width}x${height}.`,
      location: { field: 'roi' },
    };
  }
  return null;
}

/**
 * Copies the part of a frame inside `roi` (given in frame pixels) into a new packed RGB frame. One copy per frame;
 * rows are copied with subarray/set, not pixel by pixel.
 */
export function cropFrame(frame: Frame, roi: RegionOfInterest): Frame {
  const { x, y, width: w, height: h } = roi;
  frame.fill?.(x, y, x + w, y + h);
  const out = new Uint8Array(w * h * 3);
  const rowBytes = w * 3;
  for (let r = 0; r < h; r++) {
    const start = ((y + r) * frame.width + x) * 3;
    out.set(frame.data.subarray(start, start + rowBytes), r * rowBytes);
  }
  return { data: out, width: w, height: h, index: frame.index, time: frame.time };
}
