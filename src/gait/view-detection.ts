/**
 * Camera view and walking direction from the cleaned trajectories. Side view: the hips travel across the picture
 * and the shoulders look narrow next to the torso. Front/back view: the hips stay near one image column, the
 * shoulders look wide, and the apparent body size changes as the walker approaches or leaves. Front and back are
 * told apart by the left shoulder's image side (facing the camera, the person's left is on the image right). Pure.
 */
import { LANDMARK_INDEX, type LandmarkName } from './keypoints.js';
import type { CleanTrack } from './trajectory-cleaning.js';
import { clamp01, median } from './stats.js';

export type CameraView = 'side' | 'front' | 'back' | 'unknown';
export type WalkingDirection = 'left-to-right' | 'right-to-left' | 'toward' | 'away' | 'unknown';

export interface ViewEstimate {
  view: CameraView;
  direction: WalkingDirection;
  /** 0..1, how clearly the evidence separates the views. */
  confidence: number;
  /** Hip travel across the picture, in torso lengths. */
  horizontalTravel: number;
  /** Change of apparent size as log ratio (last / first); positive when approaching. */
  sizeLogRatio: number;
  /** Median shoulder width / torso length in the image: about 0.6–0.8 facing the camera, under 0.3 side-on. */
  shoulderWidthRatio: number;
}

const pt = (track: CleanTrack, name: LandmarkName): { x: number[]; y: number[] } => {
  const l = track.landmarks[LANDMARK_INDEX[name]] as { x: number[]; y: number[] };
  return l;
};

/** Per-sample torso length in pixels (mid shoulders to mid hips); NaN where not seen. */
export function torsoLength(track: CleanTrack): number[] {
  const ls = pt(track, 'left_shoulder'); const rs = pt(track, 'right_shoulder');
  const lh = pt(track, 'left_hip'); const rh = pt(track, 'right_hip');
  return track.time.map((_, i) => Math.hypot(
    ((ls.x[i] as number) + (rs.x[i] as number)) / 2 - ((lh.x[i] as number) + (rh.x[i] as number)) / 2,
    ((ls.y[i] as number) + (rs.y[i] as number)) / 2 - ((lh.y[i] as number) + (rh.y[i] as number)) / 2,
  ));
}

/** Mid-hip (pelvis) image position per sample. */
export function pelvis(track: CleanTrack): { x: number[]; y: number[] } {
  const lh = pt(track, 'left_hip'); const rh = pt(track, 'right_hip');
  return {
    x: track.time.map((_, i) => ((lh.x[i] as number) + (rh.x[i] as number)) / 2),
    y: track.time.map((_, i) => ((lh.y[i] as number) + (rh.y[i] as number)) / 2),
  };
}

/** Estimates view and direction. */
export function detectView(track: CleanTrack): ViewEstimate {
  const torso = torsoLength(track);
  const size = median(torso.filter(Number.isFinite));
  const hips = pelvis(track);
  const seen = track.time.map((_, i) => i).filter((i) => Number.isFinite(hips.x[i] as number) && Number.isFinite(torso[i] as number));
  const unknown: ViewEstimate = { view: 'unknown', direction: 'unknown', confidence: 0, horizontalTravel: 0, sizeLogRatio: 0, shoulderWidthRatio: NaN };
  if (seen.length < 5 || !(size > 0)) return unknown;
  const k = Math.max(2, Math.floor(seen.length / 5));
  const head = seen.slice(0, k); const tail = seen.slice(-k);
  const at = (arr: number[], idx: number[]): number => median(idx.map((i) => arr[i] as number));
  const dx = at(hips.x, tail) - at(hips.x, head);
  const horizontalTravel = Math.abs(dx) / size;
  const sizeLogRatio = Math.log(at(torso, tail) / at(torso, head));
  const ls = pt(track, 'left_shoulder'); const rs = pt(track, 'right_shoulder');
  const widths = seen.map((i) => Math.abs((ls.x[i] as number) - (rs.x[i] as number)) / (torso[i] as number)).filter(Number.isFinite);
  const shoulderWidthRatio = median(widths);
  // Evidence for a side view: travel across (in torso lengths) vs travel in depth (log size ratio scaled so that
  // doubling in size counts like 3 torso lengths), and narrow shoulders.
  const across = horizontalTravel;
  const depth = 4 * Math.abs(sizeLogRatio);
  const shoulderSide = clamp01((0.55 - shoulderWidthRatio) / 0.35); // 1 when ≤0.2, 0 when ≥0.55
  const motionSide = across + depth > 0 ? across / (across + depth) : 0.5;
  const sideScore = 0.6 * motionSide + 0.4 * shoulderSide;
  const moved = clamp01((across + depth) / 2); // less than two torso lengths of travel: weak evidence
  if (sideScore >= 0.5) {
    const confidence = clamp01((sideScore - 0.5) * 2) * moved;
    return { view: 'side', direction: dx > 0 ? 'left-to-right' : 'right-to-left', confidence, horizontalTravel, sizeLogRatio, shoulderWidthRatio };
  }
  // Front or back: which side of the image the person's left shoulder is on.
  const leftOnImageRight = median(seen.map((i) => Math.sign((ls.x[i] as number) - (rs.x[i] as number))));
  const view: CameraView = leftOnImageRight > 0 ? 'front' : 'back';
  const direction: WalkingDirection = sizeLogRatio > 0 ? 'toward' : 'away';
  const confidence = clamp01((0.5 - sideScore) * 2) * moved;
  return { view, direction, confidence, horizontalTravel, sizeLogRatio, shoulderWidthRatio };
}
