/**
 * Frontal-plane metrics from a front or back view: contralateral pelvic drop, trunk lateral lean, knee frontal-
 * plane projection angle (FPPA) and step width, each per side where it has sides. Phone video of frontal angles is
 * noisy (DOMAIN.md §2c [26], pelvic obliquity: report as trends only), so confidences are capped below the
 * temporal ones. Pure.
 */
import type { GaitEvents, Side } from './gait-events.js';
import { LANDMARK_INDEX, type LandmarkName } from './keypoints.js';
import { bilateral, measured, notMeasurable, type Metric } from './metric.js';
import { dropAngle, kneeFrontalProjection, leanFromVertical, sampleAt } from './joint-angles.js';
import { clamp01, mean, median } from './stats.js';
import type { CleanTrack, Trajectory } from './trajectory-cleaning.js';
import { TORSO_TO_HEIGHT } from './quality-checks.js';
import { torsoLength, type ViewEstimate } from './view-detection.js';

export interface FrontalMetrics {
  pelvicDrop: Metric;
  trunkLateralLean: Metric;
  kneeFrontalProjection: Metric;
  stepWidth: Metric;
}

export interface FrontalContext {
  track: CleanTrack;
  view: ViewEstimate;
  fpsFactor: number;
  /** Events with stance phases, or the reason there are none. */
  events: { status: 'ok'; events: GaitEvents; temporalConf: number } | { status: 'not_measurable'; reason: string };
  heightCm?: number;
  /** The camera moved: positions at two different moments cannot be compared. */
  cameraMoving?: boolean;
}

const traj = (track: CleanTrack, name: LandmarkName): Trajectory => track.landmarks[LANDMARK_INDEX[name]] as Trajectory;
const observedFraction = (track: CleanTrack, names: LandmarkName[]): number =>
  mean(names.map((n) => traj(track, n).observed.filter(Boolean).length / Math.max(1, track.time.length)));

/** Stance phases of one foot: each contact with the toe off that ends it (at most 1.2 s later). */
function stances(ev: GaitEvents, side: Side): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const hs of ev[side].heelStrike) {
    const to = ev[side].toeOff.find((x) => x > hs);
    if (to !== undefined && to - hs <= 1.2) out.push([hs, to]);
  }
  return out;
}

/** Left and right knee FPPA may differ by a few degrees in healthy people; 15° apart is not one person's walk. */
const FPPA_AGREEMENT = { maxApart: 15, noise: 3 };
/** Pelvic drop per side is a few degrees; more than 6° apart means one side is mismeasured or truly asymmetric. */
const DROP_AGREEMENT = { maxApart: 6, noise: 1 };

export function frontalMetrics(ctx: FrontalContext): FrontalMetrics {
  const { track, view } = ctx;
  const lh = traj(track, 'left_hip');
  const rh = traj(track, 'right_hip');
  const ls = traj(track, 'left_shoulder');
  const rs = traj(track, 'right_shoulder');
  const frontalConf =
    view.confidence *
    ctx.fpsFactor *
    observedFraction(track, ['left_hip', 'right_hip', 'left_shoulder', 'right_shoulder']);
  // Lean sign: positive towards the person's left. Facing the camera their left is image +x; from behind, −x.
  const leftSign = view.view === 'front' ? 1 : -1;
  const lean = track.time
    .map(
      (_, i) =>
        leftSign *
        leanFromVertical(
          { x: ((lh.x[i] as number) + (rh.x[i] as number)) / 2, y: ((lh.y[i] as number) + (rh.y[i] as number)) / 2 },
          { x: ((ls.x[i] as number) + (rs.x[i] as number)) / 2, y: ((ls.y[i] as number) + (rs.y[i] as number)) / 2 },
        ),
    )
    .filter(Number.isFinite);
  const out: FrontalMetrics = {
    trunkLateralLean: measured(median(lean), 'deg', frontalConf * clamp01(lean.length / 60), lean.length),
    pelvicDrop: notMeasurable(''),
    kneeFrontalProjection: notMeasurable(''),
    stepWidth: notMeasurable(''),
  };
  if (ctx.events.status !== 'ok') {
    const reason = ctx.events.reason || 'Needs the stance phases of each foot.';
    return {
      ...out,
      pelvicDrop: notMeasurable(reason),
      kneeFrontalProjection: notMeasurable(reason),
      stepWidth: notMeasurable(reason),
    };
  }
  const ev = ctx.events.events;
  const temporalConf = ctx.events.temporalConf;

  // Drop of the swing-side hip below the stance-side hip, relative to the walk's mean obliquity (camera roll,
  // anatomy), maximum within each stance. DOMAIN.md §2c [26]: noisy on phone video, trends only.
  const obliq = track.time.map((_, i) =>
    dropAngle({ x: lh.x[i] as number, y: lh.y[i] as number }, { x: rh.x[i] as number, y: rh.y[i] as number }),
  );
  const base = median(obliq.filter(Number.isFinite));
  const drops: Record<Side, number[]> = { left: [], right: [] };
  for (const side of ['left', 'right'] as const) {
    for (const [hs, to] of stances(ev, side)) {
      // Right hip lower than the left = positive obliquity; in left stance the right (swing) side drops.
      const vals = track.time
        .map((tt, i) => (tt >= hs && tt <= to ? (obliq[i] as number) : NaN))
        .filter(Number.isFinite)
        .map((o) => (side === 'left' ? o - base : base - o));
      if (vals.length >= 3) drops[side].push(Math.max(...vals));
    }
  }
  out.pelvicDrop = bilateral(drops.left, drops.right, 'deg', frontalConf * temporalConf * 0.6, DROP_AGREEMENT);

  // FPPA at mid-stance of each foot (single support, the knee loaded). Medial = towards the other hip.
  const fppa: Record<Side, number[]> = { left: [], right: [] };
  for (const side of ['left', 'right'] as const) {
    const other: Side = side === 'left' ? 'right' : 'left';
    for (const [hs, to] of stances(ev, side)) {
      const mid = (hs + to) / 2;
      const at = (name: LandmarkName) => ({
        x: sampleAt(track.time, traj(track, name).x, mid),
        y: sampleAt(track.time, traj(track, name).y, mid),
      });
      const medialSign = Math.sign(at(`${other}_hip`).x - at(`${side}_hip`).x);
      const a = kneeFrontalProjection(at(`${side}_hip`), at(`${side}_knee`), at(`${side}_ankle`), medialSign);
      if (Number.isFinite(a) && medialSign !== 0) fppa[side].push(a);
    }
  }
  const legConf = observedFraction(track, [
    'left_hip',
    'right_hip',
    'left_knee',
    'right_knee',
    'left_ankle',
    'right_ankle',
  ]);
  out.kneeFrontalProjection = bilateral(
    fppa.left,
    fppa.right,
    'deg',
    view.confidence * ctx.fpsFactor * legConf * temporalConf * 0.7,
    FPPA_AGREEMENT,
  );

  // Step width: side-to-side distance between the heels at each contact (the other foot still down, or where it
  // last landed), in metres from the torso length of that moment (torso ≈ 0.288 × height).
  if (ctx.cameraMoving)
    out.stepWidth = notMeasurable("The camera moved, so the feet's positions at two moments cannot be compared.");
  else if (ctx.heightCm === undefined) out.stepWidth = notMeasurable('Needs a scale: enter your height.');
  else {
    const torso = torsoLength(track);
    const widths: number[] = [];
    for (const side of ['left', 'right'] as const) {
      const other: Side = side === 'left' ? 'right' : 'left';
      for (const hs of ev[side].heelStrike) {
        const prev = ev[other].heelStrike.filter((x) => x < hs).pop();
        if (prev === undefined || hs - prev > 1) continue;
        const here = sampleAt(track.time, traj(track, `${side}_heel`).x, hs);
        const there = sampleAt(track.time, traj(track, `${other}_heel`).x, prev);
        const pxPerM = sampleAt(track.time, torso, hs) / (TORSO_TO_HEIGHT * (ctx.heightCm / 100));
        const w = Math.abs(here - there) / pxPerM;
        if (Number.isFinite(w)) widths.push(w);
      }
    }
    const heelConf = observedFraction(track, ['left_heel', 'right_heel']);
    out.stepWidth = measured(median(widths), 'm', 0.6 * temporalConf * heelConf * ctx.fpsFactor, widths.length);
  }
  return out;
}
