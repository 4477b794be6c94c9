/**
 * BlazePose's rectangle arithmetic in plain TypeScript: the region a detection or the last frame's landmarks give
 * for the next landmark crop, and the projection of crop landmarks back onto the frame. The same steps, in the same
 * order of floating-point operations, as @tensorflow-models/pose-detection 2.1.3's calculators (themselves ports of
 * MediaPipe's pose_detection_to_roi / pose_landmarks_to_roi / landmark_projection graphs), so the numbers match the
 * tfjs pipeline this replaced (pose-reference.test.ts). Pure: no tfjs, no Node or DOM API; the browser and Node share it.
 */

/** A rectangle normalised to the image (0-1 on each axis), rotated by `rotation` radians about its centre. */
export interface NormRect {
  xCenter: number;
  yCenter: number;
  width: number;
  height: number;
  rotation: number;
}

/** Letterbox padding as fractions of the model input (left, top, right, bottom). */
export interface Padding {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ImageSize {
  width: number;
  height: number;
}

/** pose-detection's BLAZEPOSE_DETECTOR_RECT_TRANSFORMATION_CONFIG: square on the long side, 1.25 times larger. */
const RECT_SCALE = 1.25;
/** The rotation vector (hip centre to the scale point) is turned to point up: 90 degrees. */
const TARGET_ANGLE = (Math.PI * 90) / 180;

export function normalizeRadians(angle: number): number {
  return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
}

/**
 * The rectangle centred on `start` whose side is twice the distance to `end`, rotated so the vector start->end
 * points up (calculateAlignmentPointsRects + computeRotation). Points are normalised.
 */
export function alignmentRect(sx: number, sy: number, ex: number, ey: number, size: ImageSize): NormRect {
  const { width: w, height: h } = size;
  const xCenter = sx * w;
  const yCenter = sy * h;
  const xScale = ex * w;
  const yScale = ey * h;
  const boxSize = Math.sqrt((xScale - xCenter) * (xScale - xCenter) + (yScale - yCenter) * (yScale - yCenter)) * 2;
  const rotation = normalizeRadians(TARGET_ANGLE - Math.atan2(-(yScale - yCenter), xScale - xCenter));
  return { xCenter: xCenter / w, yCenter: yCenter / h, width: boxSize / w, height: boxSize / h, rotation };
}

/** Square on the long side and 1.25 times larger, centre kept (transformNormalizedRect with BlazePose's config). */
export function expandRect(rect: NormRect, size: ImageSize): NormRect {
  const longSide = Math.max(rect.width * size.width, rect.height * size.height);
  return { ...rect, width: (longSide / size.width) * RECT_SCALE, height: (longSide / size.height) * RECT_SCALE };
}

/** The landmark crop's region from the hip centre and the full-body scale point (normalised). */
export function roiFromPoints(sx: number, sy: number, ex: number, ey: number, size: ImageSize): NormRect {
  return expandRect(alignmentRect(sx, sy, ex, ey, size), size);
}

/**
 * The smoothing filter's object scale: the mean of the alignment rectangle's sides in pixels
 * (calculateAlignmentPointsRects from the end point to the start point, then getObjectScale).
 */
export function objectScale(sx: number, sy: number, ex: number, ey: number, size: ImageSize): number {
  const r = alignmentRect(ex, ey, sx, sy, size);
  return (r.width * size.width + r.height * size.height) / 2;
}

/**
 * Crop coordinates (normalised to the letterboxed crop) to frame coordinates (normalised), in place:
 * removeLandmarkLetterbox then calculateLandmarkProjection. `xy` holds x, y pairs from `from` to `to` (pair index).
 */
export function projectToFrame(xy: Float64Array, from: number, to: number, padding: Padding, roi: NormRect): void {
  const lr = padding.left + padding.right;
  const tb = padding.top + padding.bottom;
  const cos = Math.cos(roi.rotation);
  const sin = Math.sin(roi.rotation);
  for (let i = from; i < to; i++) {
    const x = (xy[2 * i]! - padding.left) / (1 - lr) - 0.5;
    const y = (xy[2 * i + 1]! - padding.top) / (1 - tb) - 0.5;
    xy[2 * i] = (cos * x - sin * y) * roi.width + roi.xCenter;
    xy[2 * i + 1] = (sin * x + cos * y) * roi.height + roi.yCenter;
  }
}

/** World landmarks (metres, hip-centred) turned by the crop's rotation, in place (calculateWorldLandmarkProjection). */
export function rotateWorld(xyz: Float64Array, count: number, roi: NormRect): void {
  const cos = Math.cos(roi.rotation);
  const sin = Math.sin(roi.rotation);
  for (let i = 0; i < count; i++) {
    const x = xyz[3 * i]!;
    const y = xyz[3 * i + 1]!;
    xyz[3 * i] = cos * x - sin * y;
    xyz[3 * i + 1] = sin * x + cos * y;
  }
}
