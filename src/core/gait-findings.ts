/**
 * Gait metrics from a video analysis as findings for the chain. Takes the portable JSON form of an analysis
 * (src/gait/analysis-json.ts; structurally typed here so the core does not import the gait folder). A metric
 * compared with its population reference is "typical" or "notable"; one with low confidence or no reference is
 * "not interpretable" and says why. DOMAIN.md §2c (norms) and §1 1.10 (slower gait with LBP is a consequence of
 * pain, not shown as a cause).
 */
import { rangeWithSources } from './citations.js';
import type { EvidenceLevel } from './evidence.js';
import type { ChainSegment, Finding } from './findings.js';

export interface GaitMetricInput {
  value: number | null;
  confidence: number;
  reason?: string;
  left?: number;
  right?: number;
  reference?: { min: number; max: number; unit: string; source: string };
}

export interface GaitAnalysisInput {
  view: string;
  /** 'walk' | 'run' | 'unknown'; absent in analyses saved before running was recognised (they were walks). */
  mode?: string;
  setting?: string;
  metrics: Record<string, GaitMetricInput>;
}

/** Below this confidence a gait metric is reported but not interpreted (design choice: under a third). */
export const GAIT_MIN_CONFIDENCE_TO_INTERPRET = 0.3;

interface MetricMeta { label: string; unit: string; segment: ChainSegment | 'whole-body'; evidence: EvidenceLevel; refs: string[]; plainLow: string; plainHigh: string }

const META: Record<string, MetricMeta> = {
  cadence_spm: { label: 'Cadence', unit: 'steps/min', segment: 'whole-body', evidence: 'COH', refs: ['25'], plainLow: 'You took fewer steps a minute than most healthy adults at a comfortable pace. People with back pain often walk a little slower; that is usually a result of the pain.', plainHigh: 'You took more steps a minute than the usual range.' },
  stance_pct: { label: 'Stance (foot on the ground)', unit: '% of stride', segment: 'foot', evidence: 'EO', refs: ['26'], plainLow: 'Each foot spent a bit less of the stride on the ground than the textbook value.', plainHigh: 'Each foot spent a bit more of the stride on the ground than the textbook value; this rises with slower walking.' },
  double_support_pct: { label: 'Double support (both feet down)', unit: '% of stride', segment: 'whole-body', evidence: 'EO', refs: ['26'], plainLow: 'Both feet were on the ground together for less of the stride than usual; this falls with faster walking.', plainHigh: 'Both feet were on the ground together for more of the stride than usual; this rises with age and slower walking.' },
  step_time_symmetry_ratio: { label: 'Step time symmetry (larger/smaller side)', unit: 'ratio', segment: 'whole-body', evidence: 'COH', refs: ['27a'], plainLow: '', plainHigh: 'Steps on one side took longer than on the other, more than in healthy people in one study.' },
  knee_flexion_initial_contact_deg: { label: 'Knee bend as the heel lands', unit: '°', segment: 'knee', evidence: 'EO', refs: ['26'], plainLow: 'The knee was straighter than usual when the heel landed.', plainHigh: 'The knee was more bent than usual when the heel landed.' },
  knee_flexion_peak_swing_deg: { label: 'Peak knee bend in swing', unit: '°', segment: 'knee', evidence: 'EO', refs: ['26'], plainLow: 'The knee bent less than usual while the leg swung through.', plainHigh: 'The knee bent more than usual while the leg swung through.' },
  pelvic_drop_deg: { label: 'Pelvic drop', unit: '°', segment: 'pelvis', evidence: 'EO', refs: ['26'], plainLow: '', plainHigh: 'The pelvis dipped more than the usual few degrees on the side of the swinging leg. Video estimates of this are rough: watch the trend.' },
  trunk_lean_deg: { label: 'Trunk side lean', unit: '°', segment: 'spine', evidence: 'EO', refs: ['26'], plainLow: '', plainHigh: 'The upper body leaned to the side while walking.' },
  foot_progression_angle_deg: { label: 'Foot angle (toe-out)', unit: '°', segment: 'foot', evidence: 'EO', refs: ['26'], plainLow: '', plainHigh: '' },
  walking_speed_mps: { label: 'Walking speed', unit: 'm/s', segment: 'whole-body', evidence: 'SR/MA', refs: ['21', '21a'], plainLow: 'You walked slower than the average for adults. With back pain this is common and is a result of pain, not a cause; it is a good sign to track as you recover.', plainHigh: 'You walked faster than the adult averages.' },
  step_length_m: { label: 'Step length', unit: 'm', segment: 'whole-body', evidence: 'EO', refs: ['26'], plainLow: '', plainHigh: '' },
  // Loading-response peak ≈15–20° when walking (DOMAIN.md §2c [26], EO); a run carries no range.
  knee_flexion_peak_stance_deg: { label: 'Knee bend as the leg takes the weight', unit: '°', segment: 'knee', evidence: 'EO', refs: ['26'], plainLow: 'The knee bent less than usual as the leg took your weight.', plainHigh: 'The knee bent more than usual as the leg took your weight.' },
  // No reference values in DOMAIN.md for these: shown as measured, never judged.
  knee_frontal_projection_deg: { label: 'Knee alignment seen from the front (towards the midline positive)', unit: '°', segment: 'knee', evidence: 'EO', refs: [], plainLow: '', plainHigh: '' },
  trunk_forward_lean_deg: { label: 'Trunk forward lean', unit: '°', segment: 'spine', evidence: 'EO', refs: [], plainLow: '', plainHigh: '' },
  contact_time_s: { label: 'Foot contact time', unit: 's', segment: 'whole-body', evidence: 'EO', refs: [], plainLow: '', plainHigh: '' },
  flight_time_s: { label: 'Flight time (running)', unit: 's', segment: 'whole-body', evidence: 'EO', refs: [], plainLow: '', plainHigh: '' },
  step_width_m: { label: 'Step width', unit: 'm', segment: 'whole-body', evidence: 'EO', refs: [], plainLow: '', plainHigh: '' },
};

/** Turns a gait analysis into findings: chain findings (a chain segment) and whole-body ones. */
export function gaitFindings(a: GaitAnalysisInput, meta: { recordedAt: string; recordedBy: string }): { chain: Finding[]; wholeBody: Finding[] } {
  const chain: Finding[] = [];
  const wholeBody: Finding[] = [];
  for (const [key, m] of Object.entries(a.metrics)) {
    const info = META[key];
    if (!info) continue;
    if (m.value === null) {
      // Measured on each side, but the sides disagree too much to be one number (src/gait/metric.ts bilateral).
      if (m.left === undefined || m.right === undefined) continue;
      const r = (v: number): string => `${Math.round(v * 10) / 10} ${info.unit}`;
      (info.segment === 'whole-body' ? wholeBody : chain).push({
        source: `gait:${key}`, segment: info.segment === 'whole-body' ? 'foot' : info.segment, side: 'both', label: info.label,
        value: `left ${r(m.left)}, right ${r(m.right)}`, reference: 'not compared: the two sides disagree', status: 'not-interpretable',
        plain: `${info.label}: the left and right sides came out too different to trust either as one number; one side may be mismeasured. Film again with both legs clearly visible.`,
        evidence: info.evidence, refs: info.refs, recordedAt: meta.recordedAt, recordedBy: meta.recordedBy,
      });
      continue;
    }
    const value = `${Math.round(m.value * 100) / 100} ${info.unit}`;
    let status: Finding['status'];
    let plain: string;
    let reference: string;
    if (m.confidence < GAIT_MIN_CONFIDENCE_TO_INTERPRET) {
      status = 'not-interpretable';
      reference = m.reference ? rangeWithSources(m.reference) : 'no reference';
      plain = `${info.label}: measured, but the video gave too little to be sure (confidence ${Math.round(m.confidence * 100)}%). Film again for a clearer answer.`;
    } else if (!m.reference && a.mode === 'run') {
      // DOMAIN.md §2c gives walking norms only; a run is never compared with them.
      status = 'not-interpretable';
      reference = 'No reference for running: the ranges Footing uses are for walking';
      plain = `${info.label}: ${value} while running. The usual ranges are for walking, so this is not compared with them.`;
    } else if (!m.reference) {
      status = 'not-interpretable';
      reference = 'No validated reference for phone video';
      plain = `${info.label}: ${value}. There is no reliable reference to compare this with.`;
    } else {
      reference = rangeWithSources(m.reference);
      const low = m.value < m.reference.min;
      const high = m.value > m.reference.max;
      status = low || high ? 'notable' : 'typical';
      plain = low ? info.plainLow : high ? info.plainHigh : `${info.label} was within the usual range.`;
      if (!plain) plain = `${info.label}: ${value}, outside the usual range of ${reference}.`;
    }
    const finding: Finding = {
      source: `gait:${key}`, segment: info.segment === 'whole-body' ? 'foot' : info.segment, side: 'none', label: info.label, value, reference, status, plain,
      evidence: info.evidence, refs: info.refs, recordedAt: meta.recordedAt, recordedBy: meta.recordedBy,
    };
    (info.segment === 'whole-body' ? wholeBody : chain).push(finding);
  }
  return { chain, wholeBody };
}
