/**
 * Hip, knee and ankle angles over the gait cycle (side view), and the key moments of one stride per foot with the
 * body's points and angles there (for the stills a clinician looks at). Each stride runs from one initial contact
 * to the next of the same foot and is resampled to 0, 2, ... 100 % of the cycle; a side's curve is the mean of its
 * strides at each point. Pure: it runs wherever analyzeGait runs (browser, footing analyze, the server's job).
 *
 * Angles, in the picture (2D, sagittal: meaningful only when filmed from the side), in degrees:
 * - hip flexion: the thigh (hip to knee) against the trunk line (mid-shoulder to this side's hip), positive when the knee
 *   is ahead of the trunk line in the direction the walker faces, negative behind it (extension);
 * - knee flexion: 180° minus the hip-knee-ankle angle (0 = straight leg; joint-angles.ts);
 * - ankle dorsiflexion: 90° minus the angle between the shank (ankle to knee) and the foot (heel to toe tip),
 *   positive when the toes come up towards the shin, negative when they point down (plantarflexion). BlazePose's
 *   heel-to-toe line is not the sole, so the ankle's zero may sit a few degrees off a goniometer's.
 */
import type { GaitEvents, Side } from './gait-events.js';
import { kneeFlexion, sampleAt, type P2 } from './joint-angles.js';
import { LANDMARK_INDEX, type LandmarkName } from './keypoints.js';
import { median } from './stats.js';
import type { CleanTrack, Trajectory } from './trajectory-cleaning.js';
import { facingPerSample, type ViewEstimate } from './view-detection.js';

/** The curves are sampled every 2 % of the gait cycle: 51 points from 0 to 100 %. */
export const CYCLE_STEP_PCT = 2;
export const CYCLE_POINTS = 100 / CYCLE_STEP_PCT + 1;

export const JOINTS = ['hip', 'knee', 'ankle'] as const;
export type Joint = (typeof JOINTS)[number];

/** One joint's mean curve over a side's strides (CYCLE_POINTS values, degrees), or null when no stride had it. */
export interface JointCurve {
  strides: number;
  mean: number[];
}

export interface SideCurves {
  /** Median toe off of the strides, % of the cycle (the end of stance), or null when no toe off fell inside. */
  toeOffPct: number | null;
  hip: JointCurve | null;
  knee: JointCurve | null;
  ankle: JointCurve | null;
}

export type AngleCurves =
  { status: 'ok'; left: SideCurves | null; right: SideCurves | null } | { status: 'not_measurable'; reason: string };

export type KeyEvent = 'initial_contact' | 'mid_stance' | 'toe_off';
export const KEY_EVENTS: readonly KeyEvent[] = ['initial_contact', 'mid_stance', 'toe_off'];

/** The points drawn on a still: this side's leg and the trunk line the hip angle is taken against. */
export interface KeyFramePoints {
  shoulder: P2;
  hip: P2;
  knee: P2;
  ankle: P2;
  heel: P2;
  toe: P2;
}

/** One key moment of a stride: when, which frame (index into the series' frames), the points and the angles. */
export interface KeyFrame {
  event: KeyEvent;
  side: Side;
  time: number;
  /** Index into series.frames of the sample nearest `time`. */
  frame: number;
  points: KeyFramePoints;
  angles: Record<Joint, number | null>;
}

const traj = (track: CleanTrack, name: LandmarkName): Trajectory => track.landmarks[LANDMARK_INDEX[name]] as Trajectory;
const pointAt = (track: CleanTrack, name: LandmarkName, i: number): P2 => ({
  x: traj(track, name).x[i] as number,
  y: traj(track, name).y[i] as number,
});
const mid = (a: P2, b: P2): P2 => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const DEG = 180 / Math.PI;

/**
 * Hip flexion: the signed angle from the trunk's downward line (shoulder → hip) to the thigh (hip → knee), turned
 * into flexion by the facing direction `facing` (+1: the walker faces image +x; −1: −x). Image y grows downwards.
 */
export function hipFlexion(shoulder: P2, hip: P2, knee: P2, facing: number): number {
  if (facing !== 1 && facing !== -1) return NaN;
  const ux = hip.x - shoulder.x;
  const uy = hip.y - shoulder.y;
  const vx = knee.x - hip.x;
  const vy = knee.y - hip.y;
  return -facing * Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy) * DEG;
}

/** Ankle dorsiflexion: 90° minus the angle between the shank (ankle → knee) and the foot (heel → toe). */
export function ankleDorsiflexion(knee: P2, ankle: P2, heel: P2, toe: P2): number {
  const sx = knee.x - ankle.x;
  const sy = knee.y - ankle.y;
  const fx = toe.x - heel.x;
  const fy = toe.y - heel.y;
  const cos = (sx * fx + sy * fy) / (Math.hypot(sx, sy) * Math.hypot(fx, fy));
  return 90 - Math.acos(Math.min(1, Math.max(-1, cos))) * DEG;
}

/**
 * Resamples one stride (from `start` to `end`, s) of a sampled series to CYCLE_POINTS values at 0, 2, ... 100 %;
 * null when any point falls on a missing sample.
 */
export function strideCurve(
  time: readonly number[],
  values: readonly number[],
  start: number,
  end: number,
): number[] | null {
  const out: number[] = [];
  for (let k = 0; k < CYCLE_POINTS; k++) {
    const v = sampleAt(time, values, start + ((end - start) * k) / (CYCLE_POINTS - 1));
    if (!Number.isFinite(v)) return null;
    out.push(v);
  }
  return out;
}

/**
 * The strides of one foot: consecutive initial contacts no further apart than 1.5 times the foot's median stride
 * (a longer gap spans a missed contact, so it is not one cycle).
 */
export function strides(heelStrikes: readonly number[]): Array<{ start: number; end: number }> {
  const pairs = heelStrikes.slice(1).map((end, i) => ({ start: heelStrikes[i] as number, end }));
  const typical = median(pairs.map((p) => p.end - p.start));
  return pairs.filter((p) => p.end - p.start <= 1.5 * typical);
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** The mean of curves point by point, one decimal. */
export function meanCurve(curves: readonly number[][]): number[] {
  return Array.from({ length: CYCLE_POINTS }, (_, k) =>
    round1(curves.reduce((s, c) => s + (c[k] as number), 0) / curves.length),
  );
}

/** Per-sample angle series of one side's joints (NaN where a point is missing or the facing is unknown). */
export function jointAngleSeries(track: CleanTrack, view: ViewEstimate, side: Side): Record<Joint, number[]> {
  const fixed =
    !view.turns && view.direction === 'left-to-right' ? 1 : !view.turns && view.direction === 'right-to-left' ? -1 : 0;
  const facing = fixed !== 0 ? track.time.map(() => fixed) : facingPerSample(track);
  const hip: number[] = [];
  const knee: number[] = [];
  const ankle: number[] = [];
  track.time.forEach((_, i) => {
    const p = sidePoints(track, side, i);
    hip.push(hipFlexion(p.shoulder, p.hip, p.knee, facing[i] as number));
    knee.push(kneeFlexion(p.hip, p.knee, p.ankle));
    ankle.push(ankleDorsiflexion(p.knee, p.ankle, p.heel, p.toe));
  });
  return { hip, knee, ankle };
}

function sidePoints(track: CleanTrack, side: Side, i: number): KeyFramePoints {
  return {
    shoulder: mid(pointAt(track, 'left_shoulder', i), pointAt(track, 'right_shoulder', i)),
    hip: pointAt(track, `${side}_hip`, i),
    knee: pointAt(track, `${side}_knee`, i),
    ankle: pointAt(track, `${side}_ankle`, i),
    heel: pointAt(track, `${side}_heel`, i),
    toe: pointAt(track, `${side}_foot_index`, i),
  };
}

export interface CurveInput {
  track: CleanTrack;
  view: ViewEstimate;
  /** The events, or the reason there are none (then nothing is measurable). */
  events: { status: 'ok'; events: GaitEvents } | { status: 'not_measurable'; reason: string };
}

/** The angle curves of both sides. */
export function angleCurves(input: CurveInput): AngleCurves {
  if (input.view.view !== 'side')
    return {
      status: 'not_measurable',
      reason: 'Joint angles over the gait cycle are side-view measures; film from the side to see them.',
    };
  if (input.events.status !== 'ok') return { status: 'not_measurable', reason: input.events.reason };
  const ev = input.events.events;
  const side = (s: Side): SideCurves | null => {
    const cycles = strides(ev[s].heelStrike);
    if (!cycles.length) return null;
    const series = jointAngleSeries(input.track, input.view, s);
    const joint = (j: Joint): JointCurve | null => {
      const cs = cycles
        .map((c) => strideCurve(input.track.time, series[j], c.start, c.end))
        .filter((c): c is number[] => c !== null);
      return cs.length ? { strides: cs.length, mean: meanCurve(cs) } : null;
    };
    const toeOffs = cycles.flatMap((c) =>
      ev[s].toeOff
        .filter((t) => t > c.start && t < c.end)
        .slice(0, 1)
        .map((t) => (100 * (t - c.start)) / (c.end - c.start)),
    );
    const out: SideCurves = {
      toeOffPct: toeOffs.length ? round1(median(toeOffs)) : null,
      hip: joint('hip'),
      knee: joint('knee'),
      ankle: joint('ankle'),
    };
    return out.hip || out.knee || out.ankle ? out : null;
  };
  const left = side('left');
  const right = side('right');
  if (!left && !right)
    return {
      status: 'not_measurable',
      reason: 'No complete stride (from one contact of a foot to its next) was found.',
    };
  return { status: 'ok', left, right };
}

/**
 * The key moments of one stride per foot: its initial contact, mid stance (halfway from that contact to the foot's
 * toe off) and toe off. The stride is the one whose contact lies nearest the middle of the walk (the walker is
 * then well inside the picture), among those with a toe off before the foot's next contact. Side view only.
 */
export function keyFrames(input: CurveInput): KeyFrame[] {
  if (input.view.view !== 'side' || input.events.status !== 'ok') return [];
  const { track } = input;
  const ev = input.events.events;
  const all = [...ev.left.heelStrike, ...ev.right.heelStrike];
  if (!all.length || !track.time.length) return [];
  const middle = (Math.min(...all) + Math.max(...all)) / 2;
  const out: KeyFrame[] = [];
  for (const side of ['left', 'right'] as const) {
    const series = jointAngleSeries(track, input.view, side);
    const candidates = ev[side].heelStrike
      .flatMap((hs, i) => {
        const next = ev[side].heelStrike[i + 1] ?? Infinity;
        const to = ev[side].toeOff.find((t) => t > hs && t < next);
        return to === undefined ? [] : [{ hs, to }];
      })
      .sort((a, b) => Math.abs(a.hs - middle) - Math.abs(b.hs - middle));
    const chosen = candidates[0];
    if (!chosen) continue;
    const times: Record<KeyEvent, number> = {
      initial_contact: chosen.hs,
      mid_stance: (chosen.hs + chosen.to) / 2,
      toe_off: chosen.to,
    };
    for (const event of KEY_EVENTS) {
      const t = times[event];
      const i = nearestSample(track.time, t);
      const angle = (j: Joint): number | null => {
        const v = series[j][i] as number;
        return Number.isFinite(v) ? round1(v) : null;
      };
      const points = sidePoints(track, side, i);
      if (![points.hip, points.knee, points.ankle].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) continue;
      out.push({
        event,
        side,
        time: track.time[i] as number,
        frame: track.frameIndex[i] as number,
        points,
        angles: { hip: angle('hip'), knee: angle('knee'), ankle: angle('ankle') },
      });
    }
  }
  return out;
}

function nearestSample(time: readonly number[], t: number): number {
  let best = 0;
  for (let i = 1; i < time.length; i++)
    if (Math.abs((time[i] as number) - t) < Math.abs((time[best] as number) - t)) best = i;
  return best;
}
