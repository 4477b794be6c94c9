/**
 * Turns a decoded picture (VideoFrame or <video>) into a pose `Frame`: only the chosen region, scaled so the model
 * never sees more than `maxHeight` pixels of source height (the CLI's 720p-equivalent), and the frame records which
 * source region it shows so keypoints map back to full-video pixels.
 *
 * A WebCodecs VideoFrame in I420 (what Chromium's software decoders give) is copied out as YUV planes and converted
 * and scaled by src/pose/yuv-frame.ts, the code Node runs on ffmpeg's yuv420p, so both hand the model the same bytes
 * (issue 13: the canvas's colour conversion and scaler were what made the page's answer differ from Node's). Any
 * other picture is drawn on a canvas, as before.
 */
import type { Frame, RegionOfInterest } from '../../../src/pose/frame.js';
import { frameFromRgba } from '../../../src/pose/browser-runtime.js';
import { MODEL_MAX_HEIGHT, modelFrameSize } from '../../../src/pose/model-frame-size.js';
import { chromaAlignedBox, lazyYuv420ToRgb, type LazyRgb } from '../../../src/pose/yuv-frame.js';
import { i18n } from '../i18n/i18n.js';

/** The model sees frames at most this many source pixels high, the limit Node's pose pass uses. */
export { MODEL_MAX_HEIGHT };

export interface FrameGrabber {
  /** Draws `image` (full source picture) cropped to the region and returns it as a packed RGB frame. */
  grab(image: CanvasImageSource, index: number, time: number): Frame | Promise<Frame>;
  /** The size of the frames handed to the model. */
  readonly width: number;
  readonly height: number;
}

/**
 * Frames of the size Node's ffmpeg frames have for the same region (model-frame-size.ts: the whole picture's scale
 * applied to the region, sides rounded to even). One canvas is reused for pictures that are not I420 VideoFrames.
 */
export function frameGrabber(
  source: { width: number; height: number },
  roi: RegionOfInterest,
  maxHeight = MODEL_MAX_HEIGHT,
): FrameGrabber {
  const { width, height } = modelFrameSize(source, roi, maxHeight);
  const box = chromaAlignedBox(roi, source.width, source.height);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!ctx) throw new Error(i18n.t('gait:errors.cannotDraw'));
  ctx.imageSmoothingQuality = 'medium';
  return {
    width,
    height,
    grab(image, index, time) {
      if (
        typeof VideoFrame !== 'undefined' &&
        image instanceof VideoFrame &&
        image.format === 'I420' &&
        !image.visibleRect?.x &&
        !image.visibleRect?.y &&
        image.displayWidth === source.width &&
        image.displayHeight === source.height
      ) {
        return fromI420(image, box, roi, width, height).then((f) => ({
          data: f.data,
          fill: f.fill,
          width,
          height,
          index,
          time,
          region: roi,
        }));
      }
      ctx.drawImage(image, roi.x, roi.y, roi.width, roi.height, 0, 0, width, height);
      const frame = frameFromRgba(ctx.getImageData(0, 0, width, height), index, time);
      return { ...frame, region: roi };
    },
  };
}

/**
 * The region of an I420 frame as the model's RGB bytes, through the planes of the chroma-aligned box around it: the
 * planes are copied out (so the VideoFrame can be closed at once) and converted on demand, only where the model
 * looks (yuv-frame.ts).
 */
async function fromI420(
  frame: VideoFrame,
  box: RegionOfInterest,
  roi: RegionOfInterest,
  width: number,
  height: number,
): Promise<LazyRgb> {
  const rect = { x: box.x, y: box.y, width: box.width, height: box.height };
  const bytes = new Uint8Array(frame.allocationSize({ rect }));
  const [y, u, v] = await frame.copyTo(bytes, { rect });
  const plane = (p: PlaneLayout | undefined) => {
    // i18n-ignore: a programming error (WebCodecs always gives I420 three planes), never shown as such
    if (!p) throw new Error('an I420 frame without three planes');
    return p;
  };
  const yl = plane(y);
  const ul = plane(u);
  const vl = plane(v);
  return lazyYuv420ToRgb(
    {
      width: box.width,
      height: box.height,
      y: bytes.subarray(yl.offset),
      u: bytes.subarray(ul.offset),
      v: bytes.subarray(vl.offset),
      yStride: yl.stride,
      uStride: ul.stride,
      vStride: vl.stride,
    },
    { x: roi.x - box.x, y: roi.y - box.y, width: roi.width, height: roi.height },
    width,
    height,
  );
}
