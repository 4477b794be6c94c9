/**
 * The portable JSON form of a gait analysis (what `footing analyze --json` prints, what the web app saves):
 * snake_case metric names with units in the name, each `{value, confidence}` or `{value: null, confidence: 0,
 * reason}` when not measurable, events in seconds per foot.
 */
import type { GaitAnalysis } from './analyze-gait.js';
import { CYCLE_STEP_PCT, type AngleCurves, type JointCurve, type SideCurves } from './angle-curves.js';
import type { GaitMetrics } from './keypoint-metrics.js';
import type { Metric } from './metric.js';

export const METRIC_JSON_NAMES: Record<keyof GaitMetrics, string> = {
  cadence: 'cadence_spm',
  stepTime: 'step_time_s',
  strideTime: 'stride_time_s',
  stancePercent: 'stance_pct',
  swingPercent: 'swing_pct',
  doubleSupportPercent: 'double_support_pct',
  stepTimeSymmetryRatio: 'step_time_symmetry_ratio',
  stanceTimeSymmetryRatio: 'stance_time_symmetry_ratio',
  swingTimeSymmetryRatio: 'swing_time_symmetry_ratio',
  kneeFlexionInitialContact: 'knee_flexion_initial_contact_deg',
  kneeFlexionPeakSwing: 'knee_flexion_peak_swing_deg',
  pelvicDrop: 'pelvic_drop_deg',
  trunkLateralLean: 'trunk_lean_deg',
  footProgressionAngle: 'foot_progression_angle_deg',
  walkingSpeed: 'walking_speed_mps',
  stepLength: 'step_length_m',
  contactTime: 'contact_time_s',
  flightTime: 'flight_time_s',
  kneeFlexionPeakStance: 'knee_flexion_peak_stance_deg',
  trunkForwardLean: 'trunk_forward_lean_deg',
  kneeFrontalProjection: 'knee_frontal_projection_deg',
  stepWidth: 'step_width_m',
};

export interface MetricJson {
  value: number | null;
  confidence: number;
  n?: number;
  left?: number;
  right?: number;
  reason?: string;
  reference?: { min: number; max: number; unit: string; source: string };
}

export interface GaitAnalysisJson {
  video: string;
  fps: number;
  frames: number;
  view: string;
  direction: string;
  /** 'overground' | 'in-place' | 'unknown' (absent in analyses saved before in-place walking was recognised). */
  setting?: string;
  /** 'walk' | 'run' | 'unknown' (absent in older analyses: they were all read as walks). */
  mode?: string;
  /** The treadmill belt speed the user entered, km/h, when there was one. */
  treadmill_kmh?: number;
  events: { left: { heel_strike: number[]; toe_off: number[] }; right: { heel_strike: number[]; toe_off: number[] } };
  metrics: Record<string, MetricJson>;
  warnings: { code: string; severity: string; message: string; advice: string }[];
  tracks: GaitAnalysis['tracks'];
  track_id: number | null;
  /** Hip, knee and ankle angles over the gait cycle (angle-curves.ts); absent in analyses saved before them. */
  angle_curves?: AngleCurvesJson;
}

/** One side's mean angle curves, each `{strides, mean}` (mean: degrees at 0, step_pct, ... 100 % of the cycle). */
export interface SideCurvesJson {
  toe_off_pct: number | null;
  hip_deg: JointCurve | null;
  knee_deg: JointCurve | null;
  ankle_deg: JointCurve | null;
}
/** The curves of both sides; a side is null when it had no complete stride, both with `reason` when not measurable. */
export interface AngleCurvesJson {
  step_pct: number;
  left: SideCurvesJson | null;
  right: SideCurvesJson | null;
  reason?: string;
}

function sideJson(s: SideCurves | null): SideCurvesJson | null {
  return s ? { toe_off_pct: s.toeOffPct, hip_deg: s.hip, knee_deg: s.knee, ankle_deg: s.ankle } : null;
}

export function curvesToJson(c: AngleCurves): AngleCurvesJson {
  return c.status === 'ok'
    ? { step_pct: CYCLE_STEP_PCT, left: sideJson(c.left), right: sideJson(c.right) }
    : { step_pct: CYCLE_STEP_PCT, left: null, right: null, reason: c.reason };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function metricJson(m: Metric): MetricJson {
  if (m.status !== 'ok') {
    const out: MetricJson = { value: null, confidence: 0, reason: m.reason };
    if (m.left !== undefined) out.left = round(m.left, 3);
    if (m.right !== undefined) out.right = round(m.right, 3);
    return out;
  }
  const out: MetricJson = { value: round(m.value, 3), confidence: round(m.confidence, 2), n: m.n };
  if (m.left !== undefined) out.left = round(m.left, 3);
  if (m.right !== undefined) out.right = round(m.right, 3);
  if (m.reference) out.reference = m.reference;
  return out;
}

export function analysisToJson(
  a: GaitAnalysis,
  video: { name: string; fps: number; frames: number },
): GaitAnalysisJson {
  const times = (xs: number[]) => xs.map((t) => round(t, 3));
  return {
    video: video.name,
    fps: round(video.fps, 3),
    frames: video.frames,
    view: a.view.view,
    direction: a.view.direction,
    setting: a.view.setting,
    mode: a.mode,
    ...(a.treadmillKmh !== undefined ? { treadmill_kmh: a.treadmillKmh } : {}),
    events: {
      left: { heel_strike: times(a.events.left.heelStrike), toe_off: times(a.events.left.toeOff) },
      right: { heel_strike: times(a.events.right.heelStrike), toe_off: times(a.events.right.toeOff) },
    },
    metrics: Object.fromEntries(
      (Object.keys(METRIC_JSON_NAMES) as (keyof GaitMetrics)[]).map((k) => [
        METRIC_JSON_NAMES[k],
        metricJson(a.metrics[k]),
      ]),
    ),
    warnings: a.warnings.map((w) => ({ code: w.code, severity: w.severity, message: w.message, advice: w.advice })),
    tracks: a.tracks,
    track_id: a.trackId,
    angle_curves: curvesToJson(a.curves),
  };
}
