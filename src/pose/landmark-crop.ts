/**
 * The networks' inputs, cut straight from the frame's RGB bytes: the same rotated, letterboxed crop that
 * pose-detection makes with tf.image.transform (bilinear, zeros outside the picture, values scaled to the model's
 * range), computed in plain JS. On tfjs's wasm backend that one transform took ~12 ms a frame here, more than the
 * network itself on ONNX Runtime; this loop takes a few ms and skips a copy of the whole frame into a backend.
 *
 * The geometry (region in pixels, letterbox padding, the crop-to-image matrix) is pose-detection 2.1.3's getRoi,
 * padRoi, getRotatedSubRectToRectTransformMatrix and getProjectiveTransformMatrix written out here with the same
 * operations, so the crop lands exactly where theirs does (landmark-crop.test.ts compares the two). Pure: no tfjs.
 */
/**
 * RGB bytes of one frame, row-major, 3 bytes a pixel. With `fill`, only the bytes of rectangles passed to it are
 * valid (a frame filled on demand, yuv-frame.ts): the crop fills the part it reads first.
 */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
  fill?: ((x0: number, y0: number, x1: number, y1: number) => void) | undefined;
}

/** A rectangle normalised to the image, with rotation (pose-detection's Rect). */
export interface NormalizedRect {
  xCenter: number;
  yCenter: number;
  width: number;
  height: number;
  rotation?: number;
}

export interface LandmarkCrop {
  /** NHWC floats in [0, 1], outW * outH * 3. */
  pixels: Float32Array;
  /** Letterbox padding as fractions of the output (left, top, right, bottom), as pose-detection reports it. */
  padding: { left: number; top: number; right: number; bottom: number };
}

/**
 * Cuts `rect` out of `image` into an `outW` x `outH` crop, keeping the aspect ratio with zero letterbox bars, in
 * pose-detection's conventions (BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG: 256x256, keepAspectRatio, zero border).
 */
export function cropForLandmarks(image: RgbImage, rect: NormalizedRect, outW = 256, outH = 256): LandmarkCrop {
  return cropForModel(image, rect, outW, outH, [0, 1]);
}

/**
 * The same for any BlazePose input: `rect` undefined takes the whole picture (the person detector's input,
 * BLAZEPOSE_DETECTOR_IMAGE_TO_TENSOR_CONFIG: 224x224, values in [-1, 1]); `range` maps bytes 0..255 onto it, the
 * letterbox bars included (pose-detection shifts values after filling them with 0). `into`: a buffer of the output's
 * size to write into (it is overwritten whole).
 */
export function cropForModel(
  image: RgbImage,
  rect: NormalizedRect | undefined,
  outW: number,
  outH: number,
  range: [number, number],
  into?: Float32Array,
): LandmarkCrop {
  const { width: W, height: H } = image;
  // The region in pixels (getRoi).
  const roi = rect
    ? {
        xCenter: rect.xCenter * W,
        yCenter: rect.yCenter * H,
        width: rect.width * W,
        height: rect.height * H,
        rotation: rect.rotation ?? 0,
      }
    : { xCenter: 0.5 * W, yCenter: 0.5 * H, width: W, height: H, rotation: 0 };
  const padding = letterbox(roi, outW, outH);
  // Crop pixel (x, y) -> image pixel: getRotatedSubRectToRectTransformMatrix, then getProjectiveTransformMatrix.
  const a = roi.width;
  const b = roi.height;
  const c = Math.cos(roi.rotation);
  const d = Math.sin(roi.rotation);
  const g = 1.0 / W;
  const h = 1.0 / H;
  const m00 = a * c * g;
  const m01 = -b * d * g;
  const m03 = (-0.5 * a * c + 0.5 * b * d + roi.xCenter) * g;
  const m10 = a * d * h;
  const m11 = b * c * h;
  const m13 = (-0.5 * b * c - 0.5 * a * d + roi.yCenter) * h;
  const t = [
    (1 / outW) * m00 * W,
    (1 / outH) * m01 * W,
    m03 * W,
    (1 / outW) * m10 * H,
    (1 / outH) * m11 * H,
    m13 * H,
    0,
    0,
  ];
  const scale = (range[1] - range[0]) / 255;
  return { pixels: warpBilinear(image, t, outW, outH, scale, range[0], into), padding };
}

/**
 * padRoi with keepAspectRatio: widens or heightens `roi` (in place) to the output's aspect ratio and returns the
 * bars that leaves, as fractions of the output.
 */
function letterbox(roi: { width: number; height: number }, outW: number, outH: number): LandmarkCrop['padding'] {
  if (roi.width === 0 || roi.height === 0) throw new Error('A pose crop region cannot have a zero side');
  const tensorAspectRatio = outH / outW;
  const roiAspectRatio = roi.height / roi.width;
  let vertical = 0;
  let horizontal = 0;
  if (tensorAspectRatio > roiAspectRatio) {
    roi.height = roi.width * tensorAspectRatio;
    vertical = (1 - roiAspectRatio / tensorAspectRatio) / 2;
  } else {
    roi.width = roi.height / tensorAspectRatio;
    horizontal = (1 - tensorAspectRatio / roiAspectRatio) / 2;
  }
  return { top: vertical, left: horizontal, right: horizontal, bottom: vertical };
}

/**
 * tf.image.transform(image, t, 'bilinear', 'constant', 0) * scale + offset: every output pixel (x, y) reads the
 * input at ((t0 x + t1 y + t2) / k, (t3 x + t4 y + t5) / k) with k = t6 x + t7 y + 1, pixels outside the image
 * counting as 0.
 */
export function warpBilinear(
  image: RgbImage,
  t: number[],
  outW: number,
  outH: number,
  scale = 1 / 255,
  offset = 0,
  into?: Float32Array,
): Float32Array {
  const { data, width, height } = image;
  // `into`: the caller's buffer from the last frame (one 256x256 crop is 786 kB for the garbage collector a frame).
  const out = into?.length === outW * outH * 3 ? into : new Float32Array(outW * outH * 3);
  out.fill(offset);
  const [t0, t1, t2, t3, t4, t5, t6, t7] = t as [number, number, number, number, number, number, number, number];
  if (image.fill) {
    if (t6 === 0 && t7 === 0) {
      // Affine (pose-detection's crops are): the pixels read lie in the box around the four corners' sources, plus
      // the bilinear neighbour.
      const xs = [t2, t0 * (outW - 1) + t2, t1 * (outH - 1) + t2, t0 * (outW - 1) + t1 * (outH - 1) + t2];
      const ys = [t5, t3 * (outW - 1) + t5, t4 * (outH - 1) + t5, t3 * (outW - 1) + t4 * (outH - 1) + t5];
      image.fill(
        Math.floor(Math.min(...xs)),
        Math.floor(Math.min(...ys)),
        Math.floor(Math.max(...xs)) + 2,
        Math.floor(Math.max(...ys)) + 2,
      );
    } else {
      image.fill(0, 0, width, height);
    }
  }
  const inv = scale;
  let o = 0;
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++, o += 3) {
      const k = t6 * x + t7 * y + 1;
      if (k === 0) continue;
      const ix = (t0 * x + t1 * y + t2) / k;
      const iy = (t3 * x + t4 * y + t5) / k;
      const x0 = Math.floor(ix);
      const y0 = Math.floor(iy);
      if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) continue; // all four neighbours outside: zero
      const fx = ix - x0;
      const fy = iy - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      const in0 = y0 >= 0;
      const in1 = y0 + 1 < height;
      const inL = x0 >= 0;
      const inR = x0 + 1 < width;
      const r0 = (y0 * width + x0) * 3;
      const r1 = r0 + width * 3;
      if (in0 && in1 && inL && inR) {
        // All four neighbours inside (nearly every pixel of a crop): the sums below, term for term in the same
        // order, without the tests per channel (issue 13: this loop was ~8 % of a pose worker's time).
        out[o] = (w00 * data[r0]! + w01 * data[r0 + 3]! + w10 * data[r1]! + w11 * data[r1 + 3]!) * inv + offset;
        out[o + 1] =
          (w00 * data[r0 + 1]! + w01 * data[r0 + 4]! + w10 * data[r1 + 1]! + w11 * data[r1 + 4]!) * inv + offset;
        out[o + 2] =
          (w00 * data[r0 + 2]! + w01 * data[r0 + 5]! + w10 * data[r1 + 2]! + w11 * data[r1 + 5]!) * inv + offset;
        continue;
      }
      for (let c = 0; c < 3; c++) {
        let v = 0;
        if (in0 && inL) v += w00 * data[r0 + c]!;
        if (in0 && inR) v += w01 * data[r0 + 3 + c]!;
        if (in1 && inL) v += w10 * data[r1 + c]!;
        if (in1 && inR) v += w11 * data[r1 + 3 + c]!;
        out[o + c] = v * inv + offset;
      }
    }
  }
  return out;
}
