/**
 * Gait metrics from a cleaned keypoint track and its events, each with a confidence, or not_measurable with the
 * reason when the camera view cannot support it (sagittal angles need a side view; frontal-plane angles a front
 * or back view; lengths and speed a scale). Pure.
 */
import type { GaitEvents, Side } from './gait-events.js';
import { LANDMARK_INDEX, type LandmarkName } from './keypoints.js';
import { measured, notMeasurable, type Metric } from './metric.js';
import { dropAngle, kneeFlexion, leanFromVertical, sampleAt } from './joint-angles.js';
import {
  CADENCE_RANGE, DOUBLE_SUPPORT_PERCENT_RANGE, GAIT_SPEED_RANGE, KNEE_FLEXION_INITIAL_CONTACT_RANGE,
  KNEE_FLEXION_PEAK_SWING_RANGE, STANCE_PERCENT_RANGE, SWING_PERCENT_RANGE,
} from './reference-ranges.js';
import { clamp01, coefficientOfVariation, mean, median } from './stats.js';
import { temporalParameters, type TemporalParameters } from './temporal-parameters.js';
import type { CleanTrack, Trajectory } from './trajectory-cleaning.js';
import type { ViewEstimate } from './view-detection.js';
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
}

export interface MetricContext {
  track: CleanTrack;
  view: ViewEstimate;
  /** Events, or the reason there are none. */
  events: { status: 'ok'; events: GaitEvents; viaWorld: boolean } | { status: 'not_measurable'; reason: string };
  effectiveFps: number;
  scale?: GaitScale;
}

const traj = (track: CleanTrack, name: LandmarkName): Trajectory => track.landmarks[LANDMARK_INDEX[name]] as Trajectory;
const observedFraction = (track: CleanTrack, names: LandmarkName[]): number =>
  mean(names.map((n) => traj(track, n).observed.filter(Boolean).length / Math.max(1, track.time.length)));

/** Leg lengths (thigh + shank) ≈ 0.491 × standing height (Winter's segment proportions). */
const LEG_TO_HEIGHT = 0.491;

/** Computes every metric (the caller has already checked quality). */
export function computeMetrics(ctx: MetricContext): GaitMetrics {
  const { track, view } = ctx;
  const isSide = view.view === 'side';
  const isFrontal = view.view === 'front' || view.view === 'back';
  const none = (reason: string): Metric => notMeasurable(reason);
  const fpsFactor = clamp01(ctx.effectiveFps / RECOMMENDED_FPS);
  const legNames = (['hip', 'knee', 'ankle', 'heel', 'foot_index'] as const).flatMap((p) => [`left_${p}`, `right_${p}`] as LandmarkName[]);
  const dataFactor = observedFraction(track, legNames);

  // Temporal metrics.
  let tp: TemporalParameters | null = null;
  let temporalReason = '';
  if (ctx.events.status !== 'ok') temporalReason = ctx.events.reason;
  else {
    tp = temporalParameters(ctx.events.events);
    const nl = tp.strideTimes.left.length; const nr = tp.strideTimes.right.length;
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
  const temporalConf = clamp01(strides / FULL_CONFIDENCE_STRIDES_PER_SIDE) * dataFactor * fpsFactor * viewFactor * regularity;
  const t = (f: (p: TemporalParameters) => Metric): Metric => (tp ? f(tp) : none(temporalReason));
  const both = (l: number[], r: number[]): number => l.length + r.length;

  const metrics: GaitMetrics = {
    cadence: t((p) => measured(p.cadence, 'steps/min', temporalConf, both(p.stepTimes.left, p.stepTimes.right), { reference: CADENCE_RANGE })),
    stepTime: t((p) => measured(p.stepTime, 's', temporalConf, both(p.stepTimes.left, p.stepTimes.right), { left: median(p.stepTimes.left), right: median(p.stepTimes.right) })),
    strideTime: t((p) => measured(p.strideTime, 's', temporalConf, both(p.strideTimes.left, p.strideTimes.right), { left: median(p.strideTimes.left), right: median(p.strideTimes.right) })),
    stancePercent: t((p) => measured(p.stancePercent, '% gait cycle', temporalConf, both(p.stancePercents.left, p.stancePercents.right), { left: median(p.stancePercents.left), right: median(p.stancePercents.right), reference: STANCE_PERCENT_RANGE })),
    swingPercent: t((p) => measured(p.swingPercent, '% gait cycle', temporalConf, both(p.stancePercents.left, p.stancePercents.right), { left: 100 - median(p.stancePercents.left), right: 100 - median(p.stancePercents.right), reference: SWING_PERCENT_RANGE })),
    doubleSupportPercent: t((p) => measured(p.doubleSupportPercent, '% gait cycle', temporalConf * 0.9, both(p.doubleSupportPercents.left, p.doubleSupportPercents.right), { reference: DOUBLE_SUPPORT_PERCENT_RANGE })),
    // Symmetry ratios compare two medians, so each side's count limits them.
    stepTimeSymmetryRatio: t((p) => measured(p.stepTimeSymmetryRatio, 'ratio', temporalConf, Math.min(p.stepTimes.left.length, p.stepTimes.right.length))),
    stanceTimeSymmetryRatio: t((p) => measured(p.stanceTimeSymmetryRatio, 'ratio', temporalConf, Math.min(p.stanceTimes.left.length, p.stanceTimes.right.length))),
    swingTimeSymmetryRatio: t((p) => measured(p.swingTimeSymmetryRatio, 'ratio', temporalConf, Math.min(p.swingTimes.left.length, p.swingTimes.right.length))),
    kneeFlexionInitialContact: none(''), kneeFlexionPeakSwing: none(''), pelvicDrop: none(''), trunkLateralLean: none(''),
    footProgressionAngle: none(''), walkingSpeed: none(''), stepLength: none(''),
  };

  // Knee flexion (sagittal plane): side view only.
  if (!isSide) {
    const reason = 'Knee flexion is a side-view measure; this video is filmed from the front or back.';
    metrics.kneeFlexionInitialContact = none(reason); metrics.kneeFlexionPeakSwing = none(reason);
  } else if (!tp || ctx.events.status !== 'ok') {
    metrics.kneeFlexionInitialContact = none(temporalReason); metrics.kneeFlexionPeakSwing = none(temporalReason);
  } else {
    const ev = ctx.events.events;
    const angleAt = (side: Side, time: number): number => kneeFlexion(
      { x: sampleAt(track.time, traj(track, `${side}_hip`).x, time), y: sampleAt(track.time, traj(track, `${side}_hip`).y, time) },
      { x: sampleAt(track.time, traj(track, `${side}_knee`).x, time), y: sampleAt(track.time, traj(track, `${side}_knee`).y, time) },
      { x: sampleAt(track.time, traj(track, `${side}_ankle`).x, time), y: sampleAt(track.time, traj(track, `${side}_ankle`).y, time) },
    );
    const ic: Record<Side, number[]> = { left: [], right: [] };
    const sw: Record<Side, number[]> = { left: [], right: [] };
    for (const side of ['left', 'right'] as const) {
      for (const hs of ev[side].heelStrike) { const a = angleAt(side, hs); if (Number.isFinite(a)) ic[side].push(a); }
      for (const to of ev[side].toeOff) {
        const next = ev[side].heelStrike.find((h) => h > to);
        if (next === undefined || next - to > 1) continue;
        const inSwing = track.time.map((tt, i) => [tt, i] as const).filter(([tt]) => tt >= to && tt <= next);
        const angles = inSwing.map(([tt]) => angleAt(side, tt)).filter(Number.isFinite);
        if (angles.length >= 3) sw[side].push(Math.max(...angles));
      }
    }
    const kneeConf = (side: Side): number => observedFraction(track, [`${side}_hip`, `${side}_knee`, `${side}_ankle`]);
    const conf = temporalConf / Math.max(dataFactor, 1e-9) * mean([kneeConf('left'), kneeConf('right')]);
    metrics.kneeFlexionInitialContact = measured(median([...ic.left, ...ic.right]), 'deg', conf, ic.left.length + ic.right.length, { left: median(ic.left), right: median(ic.right), reference: KNEE_FLEXION_INITIAL_CONTACT_RANGE });
    metrics.kneeFlexionPeakSwing = measured(median([...sw.left, ...sw.right]), 'deg', conf, sw.left.length + sw.right.length, { left: median(sw.left), right: median(sw.right), reference: KNEE_FLEXION_PEAK_SWING_RANGE });
  }

  // Frontal plane: pelvic drop and trunk lateral lean, front or back view only.
  if (!isFrontal) {
    const reason = 'Pelvic drop and trunk side lean are front- or back-view measures; this video is filmed from the side.';
    metrics.pelvicDrop = none(reason); metrics.trunkLateralLean = none(reason);
  } else {
    const lh = traj(track, 'left_hip'); const rh = traj(track, 'right_hip');
    const ls = traj(track, 'left_shoulder'); const rs = traj(track, 'right_shoulder');
    const frontalConf = view.confidence * fpsFactor * observedFraction(track, ['left_hip', 'right_hip', 'left_shoulder', 'right_shoulder']);
    // Lean sign: positive towards the person's left. Facing the camera their left is image +x; from behind, −x.
    const leftSign = view.view === 'front' ? 1 : -1;
    const lean = track.time.map((_, i) => leftSign * leanFromVertical(
      { x: ((lh.x[i] as number) + (rh.x[i] as number)) / 2, y: ((lh.y[i] as number) + (rh.y[i] as number)) / 2 },
      { x: ((ls.x[i] as number) + (rs.x[i] as number)) / 2, y: ((ls.y[i] as number) + (rs.y[i] as number)) / 2 },
    )).filter(Number.isFinite);
    metrics.trunkLateralLean = measured(median(lean), 'deg', frontalConf * clamp01(lean.length / 60), lean.length);
    if (ctx.events.status !== 'ok' || !tp) {
      metrics.pelvicDrop = none(temporalReason || 'Needs the stance phases of each foot.');
    } else {
      // Drop of the swing-side hip below the stance-side hip, relative to the walk's mean obliquity (camera roll,
      // anatomy), maximum within each stance. DOMAIN.md §2c [26]: noisy on phone video, trends only.
      const obliq = track.time.map((_, i) => dropAngle({ x: lh.x[i] as number, y: lh.y[i] as number }, { x: rh.x[i] as number, y: rh.y[i] as number }));
      const base = median(obliq.filter(Number.isFinite));
      const drops: Record<Side, number[]> = { left: [], right: [] };
      const ev = ctx.events.events;
      for (const side of ['left', 'right'] as const) {
        for (const hs of ev[side].heelStrike) {
          const to = ev[side].toeOff.find((x) => x > hs);
          if (to === undefined || to - hs > 1.2) continue;
          // Right hip lower than the left = positive obliquity; in left stance the right (swing) side drops.
          const vals = track.time.map((tt, i) => (tt >= hs && tt <= to ? obliq[i] as number : NaN)).filter(Number.isFinite).map((o) => (side === 'left' ? o - base : base - o));
          if (vals.length >= 3) drops[side].push(Math.max(...vals));
        }
      }
      metrics.pelvicDrop = measured(median([...drops.left, ...drops.right]), 'deg', frontalConf * temporalConf / Math.max(viewFactor, 1e-9) * 0.6, drops.left.length + drops.right.length, { left: median(drops.left), right: median(drops.right) });
    }
  }

  // Foot progression angle: needs the ground plane, i.e. world coordinates, plus stance phases.
  const heelW = traj(track, 'left_heel');
  if (!heelW.wx || !heelW.wz) metrics.footProgressionAngle = none('Needs depth (world) coordinates from the pose model; a flat image cannot show the foot angle on the ground.');
  else if (ctx.events.status !== 'ok' || !tp) metrics.footProgressionAngle = none(temporalReason);
  else {
    const ev = ctx.events.events;
    const fpa: Record<Side, number[]> = { left: [], right: [] };
    const lh = traj(track, 'left_hip'); const rh = traj(track, 'right_hip');
    for (const side of ['left', 'right'] as const) {
      const heel = traj(track, `${side}_heel`); const toe = traj(track, `${side}_foot_index`);
      for (const hs of ev[side].heelStrike) {
        const to = ev[side].toeOff.find((x) => x > hs);
        if (to === undefined || to - hs > 1.2) continue;
        const mid = (hs + to) / 2;
        const at = (a: number[] | null): number => (a ? sampleAt(track.time, a, mid) : NaN);
        const fx = at(toe.wx) - at(heel.wx); const fz = at(toe.wz) - at(heel.wz);
        const lx = at(lh.wx) - at(rh.wx); const lz = at(lh.wz) - at(rh.wz); // towards the person's left
        // Forward is perpendicular to the hip line, on the side the foot points to.
        let gx = -lz; let gz = lx;
        if (gx * fx + gz * fz < 0) { gx = -gx; gz = -gz; }
        const outward = (side === 'left' ? 1 : -1) * (fx * lx + fz * lz) / Math.hypot(lx, lz);
        const along = (fx * gx + fz * gz) / Math.hypot(gx, gz);
        const angle = (Math.atan2(outward, along) * 180) / Math.PI; // positive = toe out
        if (Number.isFinite(angle)) fpa[side].push(angle);
      }
    }
    // BlazePose depth is the weakest coordinate: confidence is capped at one half.
    metrics.footProgressionAngle = measured(median([...fpa.left, ...fpa.right]), 'deg', 0.5 * temporalConf, fpa.left.length + fpa.right.length, { left: median(fpa.left), right: median(fpa.right) });
  }

  // Speed and step length: need a scale, a side view (motion across the image plane) and events.
  if (!ctx.scale) {
    const reason = 'Needs a scale: enter your height or a known distance in the picture.';
    metrics.walkingSpeed = none(reason); metrics.stepLength = none(reason);
  } else if (!isSide) {
    const reason = 'Speed and step length need a side view (from the front or back, distance along the walk is not visible).';
    metrics.walkingSpeed = none(reason); metrics.stepLength = none(reason);
  } else if (ctx.events.status !== 'ok' || !tp) {
    metrics.walkingSpeed = none(temporalReason); metrics.stepLength = none(temporalReason);
  } else {
    let pxPerM: number;
    if (ctx.scale.kind === 'pixels-per-metre') pxPerM = ctx.scale.value;
    else {
      const legs = track.time.map((_, i) => {
        const seg = (a: LandmarkName, b: LandmarkName): number => Math.hypot((traj(track, a).x[i] as number) - (traj(track, b).x[i] as number), (traj(track, a).y[i] as number) - (traj(track, b).y[i] as number));
        // The longer of the two legs: the nearer one, least foreshortened.
        return Math.max(seg('left_hip', 'left_knee') + seg('left_knee', 'left_ankle'), seg('right_hip', 'right_knee') + seg('right_knee', 'right_ankle'));
      }).filter(Number.isFinite);
      pxPerM = median(legs) / (LEG_TO_HEIGHT * (ctx.scale.heightCm / 100));
    }
    const ev = ctx.events.events;
    const lhx = traj(track, 'left_hip').x; const rhx = traj(track, 'right_hip').x;
    const pelvisX = track.time.map((_, i) => ((lhx[i] as number) + (rhx[i] as number)) / 2);
    const hs = [...ev.left.heelStrike, ...ev.right.heelStrike].sort((a, b) => a - b);
    const t0 = hs[0] as number; const t1 = hs[hs.length - 1] as number;
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
    metrics.stepLength = measured(median([...lengths.left, ...lengths.right]), 'm', temporalConf * scaleConf, lengths.left.length + lengths.right.length, { left: median(lengths.left), right: median(lengths.right) });
  }
  return metrics;
}
