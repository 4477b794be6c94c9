/**
 * Turns a decoded picture (VideoFrame or <video>) into a pose `Frame`: only the chosen region is drawn, scaled so
 * the model never sees more than `maxHeight` pixels of source height (the CLI's 720p-equivalent), and the frame
 * records which source region it shows so keypoints map back to full-video pixels.
 */
import type { Frame, RegionOfInterest } from '../../../src/pose/frame.js';
import { frameFromRgba } from '../../../src/pose/browser-runtime.js';

/** The model sees frames at most this many source pixels high, scaled like the Node CLI (MODEL_MAX_HEIGHT). */
export const MODEL_MAX_HEIGHT = 720;

export interface FrameGrabber {
  /** Draws `image` (full source picture) cropped to the region and returns it as a packed RGB frame. */
  grab(image: CanvasImageSource, index: number, time: number): Frame;
  /** The size of the frames handed to the model. */
  readonly width: number;
  readonly height: number;
}

/**
 * One canvas reused for every frame. The scale is the whole picture's (min(1, maxHeight / source height)), applied
 * to the region, so a region gives the model the same pixels as the CLI's downscale-then-crop.
 */
export function frameGrabber(source: { width: number; height: number }, roi: RegionOfInterest, maxHeight = MODEL_MAX_HEIGHT): FrameGrabber {
  const k = Math.min(1, maxHeight / source.height);
  const width = Math.max(1, Math.round(roi.width * k));
  const height = Math.max(1, Math.round(roi.height * k));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!ctx) throw new Error('This browser cannot draw video frames to a canvas.');
  ctx.imageSmoothingQuality = 'medium';
  return {
    width, height,
    grab(image, index, time) {
      ctx.drawImage(image, roi.x, roi.y, roi.width, roi.height, 0, 0, width, height);
      const frame = frameFromRgba(ctx.getImageData(0, 0, width, height), index, time);
      return { ...frame, region: roi };
    },
  };
}
