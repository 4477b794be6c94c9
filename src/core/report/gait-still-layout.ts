/**
 * Where a gait still is cut from the video frame and how big it is: a portrait box around the walker's body from
 * the key moment's points (angle-curves.ts KeyFramePoints: mid-shoulder, and the measured leg's hip, knee, ankle,
 * heel and toe), with room for the head above the shoulders and a little floor below the foot, inside the frame,
 * scaled down so its longer side is at most `maxSide` px (a still stays a few tens of kB). Pure: the page paints
 * the picture with it (web/src/gait/still-frames.ts).
 */
import type { KeyFramePoints } from '../../gait/angle-curves.js';

export interface StillLayout {
  /** The part of the video frame shown, video pixels. */
  crop: { x: number; y: number; width: number; height: number };
  /** Still pixels per video pixel (at most 1: never enlarged). */
  scale: number;
  width: number;
  height: number;
}

/** Width of the box as a share of its height: a standing person fits a 3:4 portrait. */
const ASPECT = 0.75;

export function stillLayout(p: KeyFramePoints, video: { width: number; height: number }, maxSide: number): StillLayout {
  const pts = [p.shoulder, p.hip, p.knee, p.ankle, p.heel, p.toe].filter(
    (q) => Number.isFinite(q.x) && Number.isFinite(q.y),
  );
  const leg =
    Math.hypot(p.hip.x - p.knee.x, p.hip.y - p.knee.y) + Math.hypot(p.knee.x - p.ankle.x, p.knee.y - p.ankle.y);
  const torso = Number.isFinite(p.shoulder.y) ? Math.abs(p.hip.y - p.shoulder.y) : 0.6 * leg;
  const ys = pts.map((q) => q.y);
  // Head room: about half a torso above the shoulders; floor: a tenth of the leg below the lowest point of the foot.
  const top = Math.min(...ys) - 0.5 * torso;
  const bottom = Math.max(...ys) + 0.1 * leg;
  const cx = pts.reduce((s, q) => s + q.x, 0) / pts.length;
  let height = Math.min(video.height, Math.round(bottom - top));
  let width = Math.min(video.width, Math.round(ASPECT * (bottom - top)));
  let x = Math.round(cx - (ASPECT * (bottom - top)) / 2);
  let y = Math.round(top);
  x = Math.max(0, Math.min(x, video.width - width));
  y = Math.max(0, Math.min(y, video.height - height));
  width = Math.max(1, width);
  height = Math.max(1, height);
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    crop: { x, y, width, height },
    scale,
    width: Math.max(16, Math.round(width * scale)),
    height: Math.max(16, Math.round(height * scale)),
  };
}

/** A video point in the still's pixels. */
export function toStill(l: StillLayout, q: { x: number; y: number }): { x: number; y: number } {
  return { x: (q.x - l.crop.x) * l.scale, y: (q.y - l.crop.y) * l.scale };
}
