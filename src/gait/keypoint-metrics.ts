/**
 * Gait metrics from a cleaned keypoint track and its events, each with a confidence, or not_measurable with the
 * reason when the camera view cannot support it (sagittal angles need a side view; frontal-plane angles a front
 * or back view, frontal-metrics.ts; lengths and speed a scale, or the belt speed on a treadmill). Reference
 * ranges are walking norms (DOMAIN.md §2c): they are attached only when the gait is a walk, never to a run.
 * Pure.
 */
import type { GaitEvents, Side } from './gait-events.js';
import { LANDMARK_INDEX, type LandmarkName } from './keypoints.js';
import { notMeasurable, type Metric } from './metric.js';
import { bilateral, measured as measuredMetric } from './metric.js';
import { kneeFlexion, leanFromVertical, sampleAt } from './joint-angles.js';
import { frontalMetrics } from './frontal-metrics.js';
import type { GaitMode } from './gait-mode.js';
import {
  CADENCE_RANGE,
  DOUBLE_SUPPORT_PERCENT_RANGE,
  GAIT_SPEED_RANGE,
  KNEE_FLEXION_INITIAL_CONTACT_RANGE,
  KNEE_FLEXION_LOADING_RESPONSE_RANGE,
  KNEE_FLEXION_PEAK_SWING_RANGE,
  STANCE_PERCENT_RANGE,
  SWING_PERCENT_RANGE,
  type ReferenceRange,
} from './reference-ranges.js';
import { clamp01, coefficientOfVariation, mean, median } from './stats.js';
import { temporalParameters, type TemporalParameters } from './temporal-parameters.js';
import type { CleanTrack, Trajectory } from './trajectory-cleaning.js';
import { facingPerSample, type ViewEstimate } from './view-detection.js';
import { FULL_CONFIDENCE_STRIDES_PER_SIDE, MIN_STRIDES_PER_SIDE, RECOMMENDED_FPS } from './quality-checks.js';

/** A scale turning pixels into metres: the user's height, or pixels per metre from a known distance. */
export type GaitScale = { kind: 'height'; heightCm: number } | { kind: 'pixels-per-metre'; value: number };

export interface GaitMetrics {
  cadence: Metric;
  stepTime: Metric;
  strideTime: Metric;
  stancePercent: Metric;
  swingPercent: Metric;
  doubleSupportPercent: Metric;
  stepTimeSymmetryRatio: Metric;
  stanceTimeSymmetryRatio: Metric;
  swingTimeSymmetryRatio: Metric;
  kneeFlexionInitialContact: Metric;
  kneeFlexionPeakSwing: Metric;
  pelvicDrop: Metric;
  trunkLateralLean: Metric;
  footProgressionAngle: Metric;
  walkingSpeed: Metric;
  stepLength: Metric;
  /** Time each foot is on the ground per step (stance time), s: the running "contact time". */
  contactTime: Metric;
  /** Time with both feet off the ground between steps, s: running only. */
  flightTime: Metric;
  /** Peak knee flexion in the first 60 % of stance (loading response when walking, mid-stance when running). */
  kneeFlexionPeakStance: Metric;
  /** Trunk (mid-hip to mid-shoulder) lean from vertical in the direction of travel, side view, degrees. */
  trunkForwardLean: Metric;
  /** Knee frontal-plane projection angle at mid-stance, front or back view; positive = knee towards the midline. */
  kneeFrontalProjection: Metric;
  /** Side-to-side distance between the feet at contact, front or back view, m. */
  stepWidth: Metric;
}

export interface MetricContext {
  track: CleanTrack;
  view: ViewEstimate;
  /** Events, or the reason there are none. */
  events: { status: 'ok'; events: GaitEvents; viaWorld: boolean } | { status: 'not_measurable'; reason: string };
  effectiveFps: number;
  scale?: GaitScale;
  /** Walk or run (gait-mode.ts): walking norms are attached to a walk only. */
  mode: GaitMode;
  /** Belt speed the user entered, m/s; used only when the walker stays in place. */
  treadmillSpeed?: number;
  /** The camera moved (scene-checks.ts): travel in the picture is not travel on the ground. */
  cameraMoving?: boolean;
}

const traj = (track: CleanTrack, name: LandmarkName): Trajectory => track.landmarks[LANDMARK_INDEX[name]] as Trajectory;
const observedFraction = (track: CleanTrack, names: LandmarkName[]): number =>
  mean(names.map((n) => traj(track, n).observed.filter(Boolean).length / Math.max(1, track.time.length)));

/** Leg lengths (thigh + shank) ≈ 0.491 × standing height (Winter's segment proportions). */
const LEG_TO_HEIGHT = 0.491;

/**
 * How far left and right may plausibly differ in one person's walk (metric.ts bilateral): a few degrees in
 * healthy walking; these limits are several times that, so only a mismeasured side (a swapped or hidden leg)
 * or a very marked asymmetry is kept apart.
 */
const KNEE_IC_AGREEMENT = { maxApart: 15, noise: 3 };
const KNEE_PEAK_AGREEMENT = { maxApart: 20, noise: 3 };
const FOOT_ANGLE_AGREEMENT = { maxApart: 20, noise: 3 };

/** Computes every metric (the caller has already checked quality). */
export function computeMetrics(ctx: MetricContext): GaitMetrics {
  const { track, view } = ctx;
  const isWalk = ctx.mode === 'walk';
  // Walking norms (DOMAIN.md §2c) for a walk only; a run, or a gait not known to be a walk, gets none.
  const measured = (
    value: number,
    unit: string,
    confidence: number,
    n: number,
    extra: { left?: number; right?: number; reference?: ReferenceRange } = {},
  ): Metric => {
    const { reference, ...sides } = extra;
    return measuredMetric(value, unit, confidence, n, { ...sides, ...(reference && isWalk ? { reference } : {}) });
  };
  const isSide = view.view === 'side';
  const isFrontal = view.view === 'front' || view.view === 'back';
  const none = (reason: string): Metric => notMeasurable(reason);
  const fpsFactor = clamp01(ctx.effectiveFps / RECOMMENDED_FPS);
  const legNames = (['hip', 'knee', 'ankle', 'heel', 'foot_index'] as const).flatMap(
    (p) => [`left_${p}`, `right_${p}`] as LandmarkName[],
  );
  const dataFactor = observedFraction(track, legNames);

  // Temporal metrics.
  let tp: TemporalParameters | null = null;
  let temporalReason = '';
  if (ctx.events.status !== 'ok') temporalReason = ctx.events.reason;
  else {
    tp = temporalParameters(ctx.events.events);
    const nl = tp.strideTimes.left.length;
    const nr = tp.strideTimes.right.length;
    if (nl < MIN_STRIDES_PER_SIDE || nr < MIN_STRIDES_PER_SIDE) {
      temporalReason = `Needs at least ${MIN_STRIDES_PER_SIDE} complete strides per foot (found ${nl} left, ${nr} right).`;
      tp = null;
    }
  }
  const strides = tp ? Math.min(tp.strideTimes.left.length, tp.strideTimes.right.length) : 0;
  const cv = tp ? coefficientOfVariation([...tp.strideTimes.left, ...tp.strideTimes.right]) : NaN;
  // Irregular stride times usually mean mis-timed events; real variability in healthy walking is a few %.
  const regularity = Number.isFinite(cv) ? 1 - 0.5 * clamp01((cv - 0.05) / 0.15) : 0.5;
  const viaWorld = ctx.events.status === 'ok' && ctx.events.viaWorld;
  const viewFactor = view.confidence * (viaWorld ? 0.7 : 1); // BlazePose depth is noisier than image x
  const temporalConf =
    clamp01(strides / FULL_CONFIDENCE_STRIDES_PER_SIDE) * dataFactor * fpsFactor * viewFactor * regularity;
  const t = (f: (p: TemporalParameters) => Metric): Metric => (tp ? f(tp) : none(temporalReason));
  // Symmetry ratios compare two medians, so each side's count limits them.
  const symmetry = (
    ratio: 'stepTimeSymmetryRatio' | 'stanceTimeSymmetryRatio' | 'swingTimeSymmetryRatio',
    times: 'stepTimes' | 'stanceTimes' | 'swingTimes',
  ): Metric =>
    t((p) => measured(p[ratio], 'ratio', temporalConf, Math.min(p[times].left.length, p[times].right.length)));
  const both = (l: number[], r: number[]): number => l.length + r.length;
  const both2 = (p: { left: number[]; right: number[] }): number[] => [...p.left, ...p.right];

  const metrics: GaitMetrics = {
    cadence: t((p) =>
      measured(p.cadence, 'steps/min', temporalConf, both(p.stepTimes.left, p.stepTimes.right), {
        reference: CADENCE_RANGE,
      }),
    ),
    stepTime: t((p) =>
      measured(p.stepTime, 's', temporalConf, both(p.stepTimes.left, p.stepTimes.right), {
        left: median(p.stepTimes.left),
        right: median(p.stepTimes.right),
      }),
    ),
    strideTime: t((p) =>
      measured(p.strideTime, 's', temporalConf, both(p.strideTimes.left, p.strideTimes.right), {
        left: median(p.strideTimes.left),
        right: median(p.strideTimes.right),
      }),
    ),
    stancePercent: t((p) =>
      measured(p.stancePercent, '% gait cycle', temporalConf, both(p.stancePercents.left, p.stancePercents.right), {
        left: median(p.stancePercents.left),
        right: median(p.stancePercents.right),
        reference: STANCE_PERCENT_RANGE,
      }),
    ),
    swingPercent: t((p) =>
      measured(p.swingPercent, '% gait cycle', temporalConf, both(p.stancePercents.left, p.stancePercents.right), {
        left: 100 - median(p.stancePercents.left),
        right: 100 - median(p.stancePercents.right),
        reference: SWING_PERCENT_RANGE,
      }),
    ),
    doubleSupportPercent: t((p) =>
      measured(
        p.doubleSupportPercent,
        '% gait cycle',
        temporalConf * 0.9,
        both(p.doubleSupportPercents.left, p.doubleSupportPercents.right),
        { reference: DOUBLE_SUPPORT_PERCENT_RANGE },
      ),
    ),
    stepTimeSymmetryRatio: symmetry('stepTimeSymmetryRatio', 'stepTimes'),
    stanceTimeSymmetryRatio: symmetry('stanceTimeSymmetryRatio', 'stanceTimes'),
    swingTimeSymmetryRatio: symmetry('swingTimeSymmetryRatio', 'swingTimes'),
    kneeFlexionInitialContact: none(''),
    kneeFlexionPeakSwing: none(''),
    pelvicDrop: none(''),
    trunkLateralLean: none(''),
    footProgressionAngle: none(''),
    walkingSpeed: none(''),
    stepLength: none(''),
    contactTime: t((p) =>
      measured(median(both2(p.stanceTimes)), 's', temporalConf, both(p.stanceTimes.left, p.stanceTimes.right), {
        left: median(p.stanceTimes.left),
        right: median(p.stanceTimes.right),
      }),
    ),
    flightTime: none(''),
    kneeFlexionPeakStance: none(''),
    trunkForwardLean: none(''),
    kneeFrontalProjection: none(''),
    stepWidth: none(''),
  };
  if (ctx.mode === 'run') {
    metrics.doubleSupportPercent = none('A run has no double support: between steps both feet are off the ground.');
    metrics.flightTime = t((p) => {
      const flights = flightTimes(ctx.events.status === 'ok' ? ctx.events.events : null, p.stepTime);
      return measured(median(flights), 's', temporalConf, flights.length);
    });
  } else {
    metrics.flightTime = none(
      ctx.mode === 'walk'
        ? 'Walking has no flight phase: one foot is always on the ground.'
        : temporalReason || 'Walking or running could not be told apart.',
    );
  }

  // Knee flexion and trunk lean (sagittal plane): side view only.
  const sagittalReason =
    'Knee flexion and forward lean are side-view measures; this video is filmed from the front or back.';
  if (!isSide) {
    metrics.kneeFlexionInitialContact = none(sagittalReason);
    metrics.kneeFlexionPeakSwing = none(sagittalReason);
    metrics.kneeFlexionPeakStance = none(sagittalReason);
    metrics.trunkForwardLean = none(sagittalReason);
  } else {
    metrics.trunkForwardLean = trunkForwardLean(track, view);
  }
  if (isSide && (!tp || ctx.events.status !== 'ok')) {
    metrics.kneeFlexionInitialContact = none(temporalReason);
    metrics.kneeFlexionPeakSwing = none(temporalReason);
    metrics.kneeFlexionPeakStance = none(temporalReason);
  } else if (isSide && tp && ctx.events.status === 'ok') {
    const ev = ctx.events.events;
    const angleAt = (side: Side, time: number): number =>
      kneeFlexion(
        {
          x: sampleAt(track.time, traj(track, `${side}_hip`).x, time),
          y: sampleAt(track.time, traj(track, `${side}_hip`).y, time),
        },
        {
          x: sampleAt(track.time, traj(track, `${side}_knee`).x, time),
          y: sampleAt(track.time, traj(track, `${side}_knee`).y, time),
        },
        {
          x: sampleAt(track.time, traj(track, `${side}_ankle`).x, time),
          y: sampleAt(track.time, traj(track, `${side}_ankle`).y, time),
        },
      );
    const peakBetween = (side: Side, a: number, b: number): number => {
      const angles = track.time
        .filter((tt) => tt >= a && tt <= b)
        .map((tt) => angleAt(side, tt))
        .filter(Number.isFinite);
      return angles.length >= 3 ? Math.max(...angles) : NaN;
    };
    const ic: Record<Side, number[]> = { left: [], right: [] };
    const sw: Record<Side, number[]> = { left: [], right: [] };
    const st: Record<Side, number[]> = { left: [], right: [] };
    for (const side of ['left', 'right'] as const) {
      for (const hs of ev[side].heelStrike) {
        const a = angleAt(side, hs);
        if (Number.isFinite(a)) ic[side].push(a);
        const to = ev[side].toeOff.find((x) => x > hs);
        if (to !== undefined && to - hs <= 1.2) {
          const p = peakBetween(side, hs, hs + 0.6 * (to - hs));
          if (Number.isFinite(p)) st[side].push(p);
        }
      }
      for (const to of ev[side].toeOff) {
        const next = ev[side].heelStrike.find((h) => h > to);
        if (next === undefined || next - to > 1) continue;
        const p = peakBetween(side, to, next);
        if (Number.isFinite(p)) sw[side].push(p);
      }
    }
    const kneeConf = (side: Side): number => observedFraction(track, [`${side}_hip`, `${side}_knee`, `${side}_ankle`]);
    const conf = (temporalConf / Math.max(dataFactor, 1e-9)) * mean([kneeConf('left'), kneeConf('right')]);
    const walkNorm = (r: ReferenceRange): { reference?: ReferenceRange } => (isWalk ? { reference: r } : {});
    metrics.kneeFlexionInitialContact = bilateral(
      ic.left,
      ic.right,
      'deg',
      conf,
      KNEE_IC_AGREEMENT,
      walkNorm(KNEE_FLEXION_INITIAL_CONTACT_RANGE),
    );
    metrics.kneeFlexionPeakSwing = bilateral(
      sw.left,
      sw.right,
      'deg',
      conf,
      KNEE_PEAK_AGREEMENT,
      walkNorm(KNEE_FLEXION_PEAK_SWING_RANGE),
    );
    metrics.kneeFlexionPeakStance = bilateral(
      st.left,
      st.right,
      'deg',
      conf,
      KNEE_PEAK_AGREEMENT,
      walkNorm(KNEE_FLEXION_LOADING_RESPONSE_RANGE),
    );
  }

  // Frontal plane: front or back view only.
  if (!isFrontal) {
    const reason =
      'Pelvic drop, side lean, knee alignment and step width are front- or back-view measures; this video is filmed from the side.';
    metrics.pelvicDrop = none(reason);
    metrics.trunkLateralLean = none(reason);
    metrics.kneeFrontalProjection = none(reason);
    metrics.stepWidth = none(reason);
  } else {
    const f = frontalMetrics({
      track,
      view,
      fpsFactor,
      events:
        ctx.events.status === 'ok' && tp
          ? { status: 'ok', events: ctx.events.events, temporalConf: temporalConf / Math.max(viewFactor, 1e-9) }
          : { status: 'not_measurable', reason: temporalReason },
      ...(ctx.scale?.kind === 'height' ? { heightCm: ctx.scale.heightCm } : {}),
      ...(ctx.cameraMoving ? { cameraMoving: true } : {}),
    });
    Object.assign(metrics, f);
  }

  // Foot progression angle: needs the ground plane, i.e. world coordinates, plus stance phases.
  const heelW = traj(track, 'left_heel');
  if (!heelW.wx || !heelW.wz)
    metrics.footProgressionAngle = none(
      'Needs depth (world) coordinates from the pose model; a flat image cannot show the foot angle on the ground.',
    );
  else if (ctx.events.status !== 'ok' || !tp) metrics.footProgressionAngle = none(temporalReason);
  else {
    const ev = ctx.events.events;
    const fpa: Record<Side, number[]> = { left: [], right: [] };
    const lh = traj(track, 'left_hip');
    const rh = traj(track, 'right_hip');
    for (const side of ['left', 'right'] as const) {
      const heel = traj(track, `${side}_heel`);
      const toe = traj(track, `${side}_foot_index`);
      for (const hs of ev[side].heelStrike) {
        const to = ev[side].toeOff.find((x) => x > hs);
        if (to === undefined || to - hs > 1.2) continue;
        const mid = (hs + to) / 2;
        const at = (a: number[] | null): number => (a ? sampleAt(track.time, a, mid) : NaN);
        const fx = at(toe.wx) - at(heel.wx);
        const fz = at(toe.wz) - at(heel.wz);
        const lx = at(lh.wx) - at(rh.wx);
        const lz = at(lh.wz) - at(rh.wz); // towards the person's left
        // Forward is perpendicular to the hip line, on the side the foot points to.
        let gx = -lz;
        let gz = lx;
        if (gx * fx + gz * fz < 0) {
          gx = -gx;
          gz = -gz;
        }
        const outward = ((side === 'left' ? 1 : -1) * (fx * lx + fz * lz)) / Math.hypot(lx, lz);
        const along = (fx * gx + fz * gz) / Math.hypot(gx, gz);
        const angle = (Math.atan2(outward, along) * 180) / Math.PI; // positive = toe out
        if (Number.isFinite(angle)) fpa[side].push(angle);
      }
    }
    // BlazePose depth is the weakest coordinate: confidence is capped at one half.
    metrics.footProgressionAngle = bilateral(fpa.left, fpa.right, 'deg', 0.5 * temporalConf, FOOT_ANGLE_AGREEMENT);
  }

  // Speed and step length. In place (treadmill), the belt speed the user entered is the speed, and a step is as
  // long as the belt moves in one step time. Overground: a scale, a side view (motion across the image plane).
  const inPlace = view.setting === 'in-place';
  if (ctx.cameraMoving) {
    const reason = 'The camera moved, so distance travelled cannot be measured from the picture.';
    metrics.walkingSpeed = none(reason);
    metrics.stepLength = none(reason);
  } else if (inPlace) {
    if (ctx.treadmillSpeed === undefined) {
      const reason =
        'On a treadmill the body stays in place, so speed and step length need the belt speed: enter it (km/h).';
      metrics.walkingSpeed = none(reason);
      metrics.stepLength = none(reason);
    } else if (!tp) {
      metrics.walkingSpeed = measured(ctx.treadmillSpeed, 'm/s', 1, 1, { reference: GAIT_SPEED_RANGE });
      metrics.stepLength = none(temporalReason);
    } else {
      // The belt speed is what the user read off the treadmill: its confidence is theirs, not the video's.
      metrics.walkingSpeed = measured(ctx.treadmillSpeed, 'm/s', 1, 1, { reference: GAIT_SPEED_RANGE });
      const v = ctx.treadmillSpeed;
      metrics.stepLength = measured(v * tp.stepTime, 'm', temporalConf, both(tp.stepTimes.left, tp.stepTimes.right), {
        left: v * median(tp.stepTimes.left),
        right: v * median(tp.stepTimes.right),
      });
    }
  } else if (view.turns) {
    const reason = 'The walker turned in the picture; walk one way through the picture for speed and step length.';
    metrics.walkingSpeed = none(reason);
    metrics.stepLength = none(reason);
  } else if (!ctx.scale) {
    const reason = 'Needs a scale: enter your height or a known distance in the picture.';
    metrics.walkingSpeed = none(reason);
    metrics.stepLength = none(reason);
  } else if (!isSide) {
    const reason =
      'Speed and step length need a side view (from the front or back, distance along the walk is not visible).';
    metrics.walkingSpeed = none(reason);
    metrics.stepLength = none(reason);
  } else if (ctx.events.status !== 'ok' || !tp) {
    metrics.walkingSpeed = none(temporalReason);
    metrics.stepLength = none(temporalReason);
  } else {
    const pxPerM = pixelsPerMetre(track, ctx.scale);
    const ev = ctx.events.events;
    const lhx = traj(track, 'left_hip').x;
    const rhx = traj(track, 'right_hip').x;
    const pelvisX = track.time.map((_, i) => ((lhx[i] as number) + (rhx[i] as number)) / 2);
    const hs = [...ev.left.heelStrike, ...ev.right.heelStrike].sort((a, b) => a - b);
    const t0 = hs[0] as number;
    const t1 = hs[hs.length - 1] as number;
    const speed = Math.abs(sampleAt(track.time, pelvisX, t1) - sampleAt(track.time, pelvisX, t0)) / pxPerM / (t1 - t0);
    const lengths: Record<Side, number[]> = { left: [], right: [] };
    for (const side of ['left', 'right'] as const) {
      const other: Side = side === 'left' ? 'right' : 'left';
      for (const h of ev[side].heelStrike) {
        const prev = ev[other].heelStrike.filter((x) => x < h).pop();
        if (prev === undefined || h - prev > 1.5 * tp.stepTime) continue;
        const a = sampleAt(track.time, traj(track, `${side}_heel`).x, h);
        const b = sampleAt(track.time, traj(track, `${other}_heel`).x, prev);
        if (Number.isFinite(a - b)) lengths[side].push(Math.abs(a - b) / pxPerM);
      }
    }
    const scaleConf = ctx.scale.kind === 'height' ? 0.8 : 1; // body proportions vary between people
    metrics.walkingSpeed = measured(speed, 'm/s', temporalConf * scaleConf, hs.length, { reference: GAIT_SPEED_RANGE });
    metrics.stepLength = measured(
      median([...lengths.left, ...lengths.right]),
      'm',
      temporalConf * scaleConf,
      lengths.left.length + lengths.right.length,
      { left: median(lengths.left), right: median(lengths.right) },
    );
  }
  return metrics;
}

/** Pixels per metre from the scale: given, or from the user's height through the leg length in the picture. */
function pixelsPerMetre(track: CleanTrack, scale: GaitScale): number {
  if (scale.kind === 'pixels-per-metre') return scale.value;
  const legs = track.time
    .map((_, i) => {
      const seg = (a: LandmarkName, b: LandmarkName): number =>
        Math.hypot(
          (traj(track, a).x[i] as number) - (traj(track, b).x[i] as number),
          (traj(track, a).y[i] as number) - (traj(track, b).y[i] as number),
        );
      // The longer of the two legs: the nearer one, least foreshortened.
      return Math.max(
        seg('left_hip', 'left_knee') + seg('left_knee', 'left_ankle'),
        seg('right_hip', 'right_knee') + seg('right_knee', 'right_ankle'),
      );
    })
    .filter(Number.isFinite);
  return median(legs) / (LEG_TO_HEIGHT * (scale.heightCm / 100));
}

/**
 * Flight phases: from each toe off to the other foot's next contact, when that comes after it (running). Steps
 * longer than 1.5 typical steps span a missed event and are left out.
 */
function flightTimes(events: GaitEvents | null, stepTime: number): number[] {
  if (!events) return [];
  const out: number[] = [];
  for (const side of ['left', 'right'] as const) {
    const other = side === 'left' ? events.right : events.left;
    for (const to of events[side].toeOff) {
      const next = other.heelStrike.find((t) => t > to);
      if (next === undefined || next - to > 1.5 * stepTime) continue;
      // The other foot must not have been on the ground at this toe off (else it is double support, not flight).
      const lastOn = [...other.heelStrike].reverse().find((t) => t <= to);
      const lastOff = lastOn === undefined ? undefined : other.toeOff.find((t) => t > lastOn);
      if (lastOn !== undefined && (lastOff === undefined || lastOff > to)) continue;
      out.push(next - to);
    }
  }
  return out;
}

/**
 * Trunk lean from vertical towards the direction of travel (side view): the line mid-hip → mid-shoulder, median
 * over the clip. No norm in DOMAIN.md, so no reference range.
 */
function trunkForwardLean(track: CleanTrack, view: ViewEstimate): Metric {
  const s = view.direction === 'left-to-right' ? 1 : view.direction === 'right-to-left' ? -1 : 0;
  if (s === 0) return notMeasurable('The walking direction is unknown, so forward cannot be told from backward.');
  const facing = view.turns ? facingPerSample(track) : null;
  const lh = traj(track, 'left_hip');
  const rh = traj(track, 'right_hip');
  const ls = traj(track, 'left_shoulder');
  const rs = traj(track, 'right_shoulder');
  const lean = track.time
    .map(
      (_, i) =>
        (facing ? (facing[i] === 0 ? NaN : (facing[i] as number)) : s) *
        leanFromVertical(
          { x: ((lh.x[i] as number) + (rh.x[i] as number)) / 2, y: ((lh.y[i] as number) + (rh.y[i] as number)) / 2 },
          { x: ((ls.x[i] as number) + (rs.x[i] as number)) / 2, y: ((ls.y[i] as number) + (rs.y[i] as number)) / 2 },
        ),
    )
    .filter(Number.isFinite);
  const conf =
    view.confidence *
    observedFraction(track, ['left_hip', 'right_hip', 'left_shoulder', 'right_shoulder']) *
    clamp01(lean.length / 60);
  return measuredMetric(median(lean), 'deg', conf, lean.length);
}
