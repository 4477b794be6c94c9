/**
 * Heel strike and toe off per foot from keypoint trajectories, by the coordinate-based method of
 * Zeni JA Jr, Richards JG, Higginson JS. "Two simple methods for determining gait events during treadmill and
 * overground walking using kinematic data." Gait Posture 2008;27(4):710–4. doi:10.1016/j.gaitpost.2007.07.007.
 * Heel strike = the time the heel is furthest ahead of the pelvis along the walking direction (maximum of
 * heel − pelvis); toe off = the time the toe is furthest behind (minimum of toe − pelvis). In a side view the
 * walking direction is the image x axis; in a front or back view it is depth, available only from the pose
 * model's world coordinates (z), so without them front/back events are not detected. Pure.
 */
import type { FootEvents, GaitEvents, Side } from './gait-events.js';
import { LANDMARK_INDEX, type LandmarkName } from './keypoints.js';
import { kneeFlexion } from './joint-angles.js';
import { findPeaks, sidedProminence } from './peaks.js';
import type { CleanTrack, Trajectory } from './trajectory-cleaning.js';
import { quantile } from './stats.js';
import { facingPerSample, pelvis, torsoLength, type ViewEstimate } from './view-detection.js';

export interface EventDetectionOptions {
  /**
   * Same-foot events closer than this (s) are merged, keeping the more extreme one. A stride lasts at least about
   * 0.8 s even at 150 steps/min, so half of that cannot remove a real event.
   */
  minEventSeparation?: number;
  /** A peak must rise this fraction of the signal's 5–95% range above its surroundings (rejects jitter). */
  minProminenceFraction?: number;
  /**
   * And at least this much in the signal's own unit (set per method by detectKeypointEvents): when the person
   * walks only for a moment and then stands, the range is small and the fraction alone would let a standing
   * person's jitter through as steps.
   */
  minProminenceAbsolute?: number;
  /**
   * At the start or end of the track (the person walks in or out of view) one side of a peak is cut by the edge:
   * there it must fall at least this fraction of the minimum prominence (peaks.ts openEdgeFraction). Default 0.5.
   */
  openEdgeFraction?: number;
}

/** Result of event detection; `method` says which signal was used, or why none could be. */
export type EventDetection =
  | {
      status: 'ok';
      events: GaitEvents;
      method: 'zeni-image-x' | 'zeni-world-z';
      signals: Record<Side, { heel: number[]; toe: number[] }>;
    }
  | { status: 'not_measurable'; reason: string };

/** The forward signed position of a landmark relative to the pelvis, per sample (NaN where unknown). */
export function forwardSignal(track: CleanTrack, name: LandmarkName, view: ViewEstimate): number[] | null {
  const l = track.landmarks[LANDMARK_INDEX[name]] as Trajectory;
  if (view.view === 'side') {
    const s = view.direction === 'left-to-right' ? 1 : -1;
    // A walk with a turn in the picture: forward is the way the walker faces at that moment (NaN while unclear,
    // so no event is found in the turn itself).
    const facing = view.turns ? facingPerSample(track) : null;
    const p = pelvis(track);
    const torso = torsoLength(track);
    // Divided by torso length so that a slow change of distance to the camera does not change the amplitude.
    return track.time.map((_, i) => {
      const sign = facing ? (facing[i] === 0 ? NaN : (facing[i] as number)) : s;
      return (sign * ((l.x[i] as number) - (p.x[i] as number))) / (torso[i] as number);
    });
  }
  if ((view.view === 'front' || view.view === 'back') && l.wz) {
    const lh = track.landmarks[LANDMARK_INDEX.left_hip] as Trajectory;
    const rh = track.landmarks[LANDMARK_INDEX.right_hip] as Trajectory;
    if (!lh.wz || !rh.wz) return null;
    // World z grows away from the camera (BlazePose convention): walking toward the camera, forward is −z.
    const s = view.direction === 'toward' ? -1 : 1;
    const z = l.wz;
    const lz = lh.wz;
    const rz = rh.wz;
    return track.time.map((_, i) => s * ((z[i] as number) - ((lz[i] as number) + (rz[i] as number)) / 2));
  }
  return null;
}

/**
 * Times of maxima of x (sample times `time`), refined by a parabola through neighbouring samples. `observed` (per
 * sample: were the landmarks behind x seen, not gap-filled?) guards peaks at the track's edges: one admitted only
 * by the open-edge rule must be seen at every sample from the edge to the peak, since nothing beyond the edge
 * confirms it.
 */
export function peakTimes(
  time: readonly number[],
  x: readonly number[],
  options: EventDetectionOptions = {},
  observed?: readonly boolean[],
): number[] {
  const sep = options.minEventSeparation ?? 0.4;
  const fraction = options.minProminenceFraction ?? 0.25;
  const finite = x.filter(Number.isFinite);
  if (finite.length < 3) return [];
  const range = quantile(finite, 0.95) - quantile(finite, 0.05);
  const minProminence = Math.max(fraction * range, options.minProminenceAbsolute ?? 0);
  const closed = new Set(findPeaks(x, { minProminence }));
  const seenToEdge = (k: number): boolean => {
    if (!observed) return true;
    const s = sidedProminence(x, k);
    const [a, b] = s.leftOpen ? [0, k] : [k, x.length - 1];
    for (let i = a; i <= b; i++) if (!observed[i]) return false;
    return true;
  };
  const idx = findPeaks(x, { minProminence, openEdgeFraction: options.openEdgeFraction ?? 0.5 }).filter(
    (k) => closed.has(k) || seenToEdge(k),
  );
  // Time-based suppression (frame rate may vary): keep the higher of two peaks closer than `sep`.
  const kept: number[] = [];
  for (const k of [...idx].sort((a, b) => (x[b] as number) - (x[a] as number))) {
    if (kept.every((j) => Math.abs((time[j] as number) - (time[k] as number)) >= sep)) kept.push(k);
  }
  return kept.sort((a, b) => a - b).map((k) => refine(time, x, k));
}

function refine(time: readonly number[], x: readonly number[], k: number): number {
  const t0 = time[k - 1];
  const t1 = time[k] as number;
  const t2 = time[k + 1];
  const y0 = x[k - 1];
  const y1 = x[k] as number;
  const y2 = x[k + 1];
  if (t0 === undefined || t2 === undefined || y0 === undefined || y2 === undefined) return t1;
  // Vertex of the parabola through three (t, y) points with unequal spacing.
  const d0 = t0 - t1;
  const d2 = t2 - t1;
  const a = ((y0 - y1) * d2 - (y2 - y1) * d0) / (d0 * d2 * (d0 - d2));
  const b = (y0 - y1 - a * d0 * d0) / d0;
  if (!(a < 0)) return t1;
  const v = -b / (2 * a);
  return t1 + Math.min(Math.max(v, d0), d2);
}

/** Detects per-foot events for a cleaned track in the given view. */
export function detectKeypointEvents(
  track: CleanTrack,
  view: ViewEstimate,
  options: EventDetectionOptions = {},
): EventDetection {
  if (view.view === 'unknown') return { status: 'not_measurable', reason: 'The camera view could not be determined.' };
  const signals = {} as Record<Side, { heel: number[]; toe: number[] }>;
  const events = {} as Record<Side, FootEvents>;
  for (const side of ['left', 'right'] as const) {
    const heel = forwardSignal(track, `${side}_heel`, view);
    const toe = forwardSignal(track, `${side}_foot_index`, view);
    if (!heel || !toe) {
      return {
        status: 'not_measurable',
        reason:
          'Front or back view without depth (world) coordinates: heel strike and toe off cannot be timed. Film from the side.',
      };
    }
    signals[side] = { heel, toe };
    const seen = (name: LandmarkName) => {
      const own = (track.landmarks[LANDMARK_INDEX[name]] as Trajectory).observed;
      const hips = [LANDMARK_INDEX.left_hip, LANDMARK_INDEX.right_hip].map(
        (i) => (track.landmarks[i] as Trajectory).observed,
      );
      return own.map((o, i) => o && hips.every((h) => h[i]));
    };
    // A step moves the foot by well over a step length's half relative to the pelvis; a tenth of a torso length
    // (about 5 cm) in the image, or 5 cm of world depth, is far below any step and far above a standing
    // person's jitter.
    const absolute = options.minProminenceAbsolute ?? (view.view === 'side' ? 0.1 : 0.05);
    const o = { ...options, minProminenceAbsolute: absolute };
    events[side] = {
      heelStrike: peakTimes(track.time, heel, o, seen(`${side}_heel`)),
      toeOff: peakTimes(
        track.time,
        toe.map((v) => -v),
        o,
        seen(`${side}_foot_index`),
      ),
    };
  }
  return {
    status: 'ok',
    events: events as GaitEvents,
    method: view.view === 'side' ? 'zeni-image-x' : 'zeni-world-z',
    signals,
  };
}

/**
 * Toe offs of a run, side view. Zeni's toe-off (toe furthest behind the pelvis) comes late in running: after
 * leaving the belt or ground the foot keeps moving back relative to the pelvis for a few frames, which hides the
 * flight phase. At push-off the knee reaches its greatest extension of late stance and flexes quickly once the
 * foot is off, so the toe off is placed at the knee's peak extension between mid-stance and Zeni's estimate.
 * Walking is left to Zeni (its knee is already flexing before toe off).
 */
export function runningToeOffs(track: CleanTrack, events: GaitEvents): GaitEvents {
  const out = { left: { ...events.left }, right: { ...events.right } } as GaitEvents;
  for (const side of ['left', 'right'] as const) {
    const hip = track.landmarks[LANDMARK_INDEX[`${side}_hip`]] as Trajectory;
    const knee = track.landmarks[LANDMARK_INDEX[`${side}_knee`]] as Trajectory;
    const ankle = track.landmarks[LANDMARK_INDEX[`${side}_ankle`]] as Trajectory;
    const flexion = track.time.map((_, i) =>
      kneeFlexion(
        { x: hip.x[i] as number, y: hip.y[i] as number },
        { x: knee.x[i] as number, y: knee.y[i] as number },
        { x: ankle.x[i] as number, y: ankle.y[i] as number },
      ),
    );
    out[side].toeOff = events[side].toeOff.map((tz) => {
      const hs = [...events[side].heelStrike].reverse().find((t) => t < tz);
      if (hs === undefined) return tz;
      const from = hs + 0.4 * (tz - hs);
      let best = -1;
      for (let i = 0; i < track.time.length; i++) {
        const t = track.time[i] as number;
        if (t < from || t > tz || !Number.isFinite(flexion[i] as number)) continue;
        if (best < 0 || (flexion[i] as number) < (flexion[best] as number)) best = i;
      }
      if (best < 0) return tz;
      // Parabola through the minimum and its neighbours, as for the Zeni peaks.
      return refine(
        track.time,
        flexion.map((f) => -f),
        best,
      );
    });
  }
  return out;
}

/**
 * Where between Zeni's peak (the foot's velocity relative to the pelvis is zero) and the stance (the foot moves
 * back at the body's speed) the contact is placed: half way, chosen before the method was scored on any clip
 * (docs/gait-accuracy.md shows the other fractions for comparison, never used to choose).
 */
export const HALF_WAY_TO_STANCE = 0.5;

/**
 * Initial contacts of a run, side view. In running the foot is drawn back before it lands (swing-phase retraction):
 * the heel is furthest ahead of the pelvis while the foot is still in the air, so Zeni's heel strike comes early.
 * Once on the belt or the ground the foot moves back relative to the pelvis at the body's speed (the stance
 * velocity, read from the middle of each stance). The contact is placed where the foot's backward velocity, rising
 * from zero at Zeni's peak, reaches `fraction` of that stance velocity (linear between the velocities of
 * consecutive frames). `forward` is the heel's forward signal per sample (forwardSignal), `toeOffs` the same foot's.
 */
export function runningContacts(
  time: readonly number[],
  forward: readonly number[],
  heelStrikes: readonly number[],
  toeOffs: readonly number[],
  fraction = HALF_WAY_TO_STANCE,
): number[] {
  // Velocity between consecutive samples, placed at their midpoint.
  const vt: number[] = [];
  const v: number[] = [];
  for (let i = 0; i + 1 < time.length; i++) {
    const a = forward[i] as number;
    const b = forward[i + 1] as number;
    const dt = (time[i + 1] as number) - (time[i] as number);
    if (!Number.isFinite(a) || !Number.isFinite(b) || !(dt > 0)) continue;
    vt.push(((time[i] as number) + (time[i + 1] as number)) / 2);
    v.push((b - a) / dt);
  }
  return heelStrikes.map((hs) => {
    const to = toeOffs.find((t) => t > hs);
    if (to === undefined) return hs;
    const mid = v.filter((_, k) => vt[k]! > hs + 0.25 * (to - hs) && vt[k]! < hs + 0.75 * (to - hs));
    if (mid.length === 0) return hs;
    const stance = [...mid].sort((x, y) => x - y)[mid.length >> 1]!;
    if (!(stance < 0)) return hs;
    const target = fraction * stance;
    for (let k = 0; k < v.length; k++) {
      if (vt[k]! <= hs) continue;
      if (vt[k]! >= to) break;
      if (v[k]! <= target) {
        if (k === 0 || vt[k - 1]! < hs || v[k - 1]! <= target) return Math.max(hs, vt[k]!);
        const f = (v[k - 1]! - target) / (v[k - 1]! - v[k]!);
        return Math.max(hs, vt[k - 1]! + f * (vt[k]! - vt[k - 1]!));
      }
    }
    return hs;
  });
}
