/**
 * Camera view, setting and walking direction from the cleaned trajectories.
 * - Overground, side view: the hips travel across the picture and the shoulders look narrow next to the torso.
 *   Front/back view: the hips stay near one image column, the shoulders look wide, and the apparent body size
 *   changes as the walker approaches or leaves.
 * - In place (treadmill, or walking/running on the spot): the body hardly travels, but the feet move relative to
 *   the pelvis by about a stride. Seen from the side that motion is along the image x axis; from the front or back
 *   it is in depth, which the image shows as a small vertical motion (perspective and foot lift) and almost no
 *   sideways motion. The direction the walker faces comes from the feet (toes ahead of the heels) and the nose.
 * Front and back are told apart by the left shoulder's image side (facing the camera, the person's left is on the
 * image right). Pure.
 */
import { LANDMARK_INDEX, type LandmarkName } from './keypoints.js';
import type { CleanTrack } from './trajectory-cleaning.js';
import { clamp01, median, quantile } from './stats.js';

export type CameraView = 'side' | 'front' | 'back' | 'unknown';
export type WalkingDirection = 'left-to-right' | 'right-to-left' | 'toward' | 'away' | 'unknown';
/** Overground: the walker travels through the picture; in place: treadmill or on the spot. */
export type GaitSetting = 'overground' | 'in-place' | 'unknown';

export interface ViewEstimate {
  view: CameraView;
  /** For in-place walking, the direction the walker faces (treadmill walking "left-to-right" faces image right). */
  direction: WalkingDirection;
  setting: GaitSetting;
  /** 0..1, how clearly the evidence separates the views. */
  confidence: number;
  /** Hip travel across the picture, in torso lengths. */
  horizontalTravel: number;
  /** Change of apparent size as log ratio (last / first); positive when approaching. */
  sizeLogRatio: number;
  /** Median shoulder width / torso length in the image: about 0.6–0.8 facing the camera, under 0.3 side-on. */
  shoulderWidthRatio: number;
  /**
   * The walker faces both ways in the video (walks, turns and walks back in the picture): steps are then timed
   * relative to the way they face at each moment (facingPerSample), not one direction for the whole clip.
   */
  turns?: boolean;
  /**
   * How far the feet move relative to the pelvis, in torso lengths (median over both feet of the 5–95 % range of
   * the heel's offset), across (image x) and up-down (image y). About 2–3 across when walking seen from the side.
   */
  footMotion: { across: number; vertical: number };
}

/** Hip travel, in torso lengths (depth counted as in detectView), below which the walker is taken to stay in place. */
export const IN_PLACE_MAX_TRAVEL = 1.5;
/**
 * Feet moving less than this (torso lengths, relative to the pelvis) are not walking: a person standing or
 * shifting weight moves a heel by a few centimetres (under 0.1 torso lengths). Walking moves it by more than a
 * torso length across the picture from the side; from the front or back only the heel's lift and the perspective
 * of its travel in depth show, about 0.3–0.6 torso lengths.
 */
export const MIN_FOOT_MOTION = 0.2;

/** The unknown estimate (nobody, or not enough frames). */
export const UNKNOWN_VIEW: ViewEstimate = {
  view: 'unknown',
  direction: 'unknown',
  setting: 'unknown',
  confidence: 0,
  horizontalTravel: 0,
  sizeLogRatio: 0,
  shoulderWidthRatio: NaN,
  footMotion: { across: 0, vertical: 0 },
};

const pt = (track: CleanTrack, name: LandmarkName): { x: number[]; y: number[] } => {
  const l = track.landmarks[LANDMARK_INDEX[name]] as { x: number[]; y: number[] };
  return l;
};

/** Per-sample torso length in pixels (mid shoulders to mid hips); NaN where not seen. */
export function torsoLength(track: CleanTrack): number[] {
  const ls = pt(track, 'left_shoulder');
  const rs = pt(track, 'right_shoulder');
  const lh = pt(track, 'left_hip');
  const rh = pt(track, 'right_hip');
  return track.time.map((_, i) =>
    Math.hypot(
      ((ls.x[i] as number) + (rs.x[i] as number)) / 2 - ((lh.x[i] as number) + (rh.x[i] as number)) / 2,
      ((ls.y[i] as number) + (rs.y[i] as number)) / 2 - ((lh.y[i] as number) + (rh.y[i] as number)) / 2,
    ),
  );
}

/** Mid-hip (pelvis) image position per sample. */
export function pelvis(track: CleanTrack): { x: number[]; y: number[] } {
  const lh = pt(track, 'left_hip');
  const rh = pt(track, 'right_hip');
  return {
    x: track.time.map((_, i) => ((lh.x[i] as number) + (rh.x[i] as number)) / 2),
    y: track.time.map((_, i) => ((lh.y[i] as number) + (rh.y[i] as number)) / 2),
  };
}

/** 5–95 % range of the finite values (robust to a few bad frames); 0 when fewer than 5. */
function spread(values: readonly number[]): number {
  const f = values.filter(Number.isFinite);
  return f.length < 5 ? 0 : quantile(f, 0.95) - quantile(f, 0.05);
}

/** Feet relative to the pelvis, in torso lengths: median over both feet of each axis' range. */
export function footMotion(track: CleanTrack): { across: number; vertical: number } {
  const torso = torsoLength(track);
  const hips = pelvis(track);
  const axes = (['left_heel', 'right_heel'] as const).map((name) => {
    const h = pt(track, name);
    return {
      across: spread(track.time.map((_, i) => ((h.x[i] as number) - (hips.x[i] as number)) / (torso[i] as number))),
      vertical: spread(track.time.map((_, i) => ((h.y[i] as number) - (hips.y[i] as number)) / (torso[i] as number))),
    };
  });
  return { across: median(axes.map((a) => a.across)), vertical: median(axes.map((a) => a.vertical)) };
}

/**
 * The way a walker in place faces, from the toes being ahead of the heels (a foot on the ground points forward)
 * and the nose ahead of the ears: +1 image right, −1 image left, 0 when the two disagree or nothing is seen.
 */
function facingSign(track: CleanTrack, seen: readonly number[]): number {
  const votes = (a: LandmarkName, b: LandmarkName): number => {
    const p = pt(track, a);
    const q = pt(track, b);
    return median(seen.map((i) => Math.sign((p.x[i] as number) - (q.x[i] as number))).filter(Number.isFinite));
  };
  const feet = (votes('left_foot_index', 'left_heel') + votes('right_foot_index', 'right_heel')) / 2;
  const nose = pt(track, 'nose');
  const le = pt(track, 'left_ear');
  const re = pt(track, 'right_ear');
  const head = median(
    seen
      .map((i) => Math.sign((nose.x[i] as number) - ((le.x[i] as number) + (re.x[i] as number)) / 2))
      .filter(Number.isFinite),
  );
  const total = (Number.isFinite(feet) ? 2 * feet : 0) + (Number.isFinite(head) ? head : 0);
  return Math.abs(total) >= 1 ? Math.sign(total) : 0;
}

/**
 * Which way the walker faces at each sample (+1 image right, −1 left, 0 unknown): the majority, within ±0.5 s,
 * of the toes being ahead of the heels (both feet) and the nose ahead of the ears. Half a second holds a step,
 * so a foot's moment of pointing oddly in swing is outvoted; a turn flips it within about a step.
 */
export function facingPerSample(track: CleanTrack, halfWindow = 0.5): number[] {
  const vote = (a: LandmarkName, b: LandmarkName): number[] => {
    const p = pt(track, a);
    const q = pt(track, b);
    return track.time.map((_, i) => Math.sign((p.x[i] as number) - (q.x[i] as number)));
  };
  const nose = pt(track, 'nose');
  const le = pt(track, 'left_ear');
  const re = pt(track, 'right_ear');
  const head = track.time.map((_, i) =>
    Math.sign((nose.x[i] as number) - ((le.x[i] as number) + (re.x[i] as number)) / 2),
  );
  const votes = [vote('left_foot_index', 'left_heel'), vote('right_foot_index', 'right_heel'), head];
  let lo = 0;
  let hi = 0;
  return track.time.map((t) => {
    while ((track.time[lo] as number) < t - halfWindow) lo++;
    while (hi < track.time.length && (track.time[hi] as number) <= t + halfWindow) hi++;
    const all: number[] = [];
    for (const v of votes) for (let i = lo; i < hi; i++) if (Number.isFinite(v[i] as number)) all.push(v[i] as number);
    const m = all.length ? all.reduce((a, b) => a + b, 0) / all.length : 0;
    return Math.abs(m) >= 0.5 ? Math.sign(m) : 0;
  });
}

/** At least this long facing each way (s) counts as a turn in the picture, not a moment of noise. */
const MIN_FACING_SECONDS = 1;

/** Estimates view, setting and direction. */
export function detectView(track: CleanTrack): ViewEstimate {
  const torso = torsoLength(track);
  const size = median(torso.filter(Number.isFinite));
  const hips = pelvis(track);
  const seen = track.time
    .map((_, i) => i)
    .filter((i) => Number.isFinite(hips.x[i] as number) && Number.isFinite(torso[i] as number));
  if (seen.length < 5 || !(size > 0)) return UNKNOWN_VIEW;
  const k = Math.max(2, Math.floor(seen.length / 5));
  const head = seen.slice(0, k);
  const tail = seen.slice(-k);
  const at = (arr: number[], idx: number[]): number => median(idx.map((i) => arr[i] as number));
  const dx = at(hips.x, tail) - at(hips.x, head);
  // Travel is the range the pelvis covers, not start to end: a walk across and back ends where it began.
  const xs = seen.map((i) => hips.x[i] as number);
  const horizontalTravel = Math.max(Math.abs(dx), quantile(xs, 0.95) - quantile(xs, 0.05)) / size;
  const sizeLogRatio = Math.log(at(torso, tail) / at(torso, head));
  const ls = pt(track, 'left_shoulder');
  const rs = pt(track, 'right_shoulder');
  const widths = seen
    .map((i) => Math.abs((ls.x[i] as number) - (rs.x[i] as number)) / (torso[i] as number))
    .filter(Number.isFinite);
  const shoulderWidthRatio = median(widths);
  const feet = footMotion(track);
  const shoulderSide = clamp01((0.55 - shoulderWidthRatio) / 0.35); // 1 when ≤0.2, 0 when ≥0.55
  const leftOnImageRight = median(seen.map((i) => Math.sign((ls.x[i] as number) - (rs.x[i] as number))));
  const frontOrBack: CameraView = leftOnImageRight > 0 ? 'front' : 'back';
  const base = { horizontalTravel, sizeLogRatio, shoulderWidthRatio, footMotion: feet };

  // Evidence for a side view: travel across (in torso lengths) vs travel in depth (log size ratio scaled so that
  // doubling in size counts like 3 torso lengths), and narrow shoulders.
  const across = horizontalTravel;
  const depth = 4 * Math.abs(sizeLogRatio);
  if (across + depth >= IN_PLACE_MAX_TRAVEL) {
    const motionSide = across / (across + depth);
    const sideScore = 0.6 * motionSide + 0.4 * shoulderSide;
    const moved = clamp01((across + depth) / 2); // less than two torso lengths of travel: weak evidence
    if (sideScore >= 0.5) {
      const confidence = clamp01((sideScore - 0.5) * 2) * moved;
      // Facing both ways for a second or more: a turn in the picture; steps are timed by the way they face.
      const facing = facingPerSample(track);
      const dt = (track.time[track.time.length - 1]! - track.time[0]!) / Math.max(1, track.time.length - 1);
      const right = facing.filter((f) => f > 0).length * dt;
      const left = facing.filter((f) => f < 0).length * dt;
      const turns = right >= MIN_FACING_SECONDS && left >= MIN_FACING_SECONDS;
      const net = turns ? (right >= left ? 1 : -1) : Math.sign(dx);
      return {
        view: 'side',
        direction: net > 0 ? 'left-to-right' : 'right-to-left',
        setting: 'overground',
        confidence,
        ...(turns ? { turns } : {}),
        ...base,
      };
    }
    const confidence = clamp01((0.5 - sideScore) * 2) * moved;
    return {
      view: frontOrBack,
      direction: sizeLogRatio > 0 ? 'toward' : 'away',
      setting: 'overground',
      confidence,
      ...base,
    };
  }

  // In place. The feet must move like steps, else this is someone standing (no view to speak of for gait).
  const activity = Math.hypot(feet.across, feet.vertical);
  if (!(activity >= MIN_FOOT_MOTION)) return { ...UNKNOWN_VIEW, ...base, setting: 'in-place' };
  // Side-on, a stride moves the foot across the picture; facing the camera it moves in depth, seen as a smaller
  // up-down motion (foot lift and perspective). Weighted as the overground score is, with the shoulders.
  const motionSide = feet.across / (feet.across + feet.vertical);
  const sideScore = 0.6 * motionSide + 0.4 * shoulderSide;
  const moving = clamp01(activity / (2 * MIN_FOOT_MOTION));
  if (sideScore >= 0.5) {
    const facing = facingSign(track, seen);
    // Facing unknown: the sign of forward along x cannot be known, so no events can be timed.
    const direction: WalkingDirection = facing > 0 ? 'left-to-right' : facing < 0 ? 'right-to-left' : 'unknown';
    const confidence = facing === 0 ? 0 : clamp01((sideScore - 0.5) * 2) * moving;
    return { view: 'side', direction, setting: 'in-place', confidence, ...base };
  }
  // Facing the camera or walking away from it in place: front = toward, back = away.
  const confidence = clamp01((0.5 - sideScore) * 2) * moving;
  return {
    view: frontOrBack,
    direction: frontOrBack === 'front' ? 'toward' : 'away',
    setting: 'in-place',
    confidence,
    ...base,
  };
}

/**
 * The estimate for a view the user stated (they know how they filmed): the setting and the evidence of walking
 * come from the video as in detectView, the view from the user; the direction is worked out for that view.
 * Confidence then rests on how clearly the person walks (travel, or feet moving in place), not on the view.
 */
export function estimateForStatedView(track: CleanTrack, stated: 'side' | 'front' | 'back'): ViewEstimate {
  const detected = detectView(track);
  if (detected.view === stated && detected.direction !== 'unknown') return detected;
  const hipsX = pelvis(track).x;
  const seen = track.time.map((_, i) => i).filter((i) => Number.isFinite(hipsX[i] as number));
  if (seen.length < 5) return { ...detected, view: stated };
  const inPlace = detected.setting === 'in-place';
  const travel = detected.horizontalTravel + 4 * Math.abs(detected.sizeLogRatio);
  const activity = Math.hypot(detected.footMotion.across, detected.footMotion.vertical);
  const walking = inPlace ? clamp01(activity / (2 * MIN_FOOT_MOTION)) : clamp01(travel / 2);
  let direction: WalkingDirection;
  if (stated === 'side') {
    const k = Math.max(2, Math.floor(seen.length / 5));
    const dx =
      median(seen.slice(-k).map((i) => hipsX[i] as number)) - median(seen.slice(0, k).map((i) => hipsX[i] as number));
    const facing = inPlace ? facingSign(track, seen) : Math.sign(dx);
    direction = facing > 0 ? 'left-to-right' : facing < 0 ? 'right-to-left' : 'unknown';
  } else if (inPlace) direction = stated === 'front' ? 'toward' : 'away';
  else direction = detected.sizeLogRatio > 0 ? 'toward' : 'away';
  return { ...detected, view: stated, direction, confidence: direction === 'unknown' ? 0 : walking };
}
