/**
 * The words of a gait finding (gait-findings.ts) in English, the source, and their type: each metric's name, unit
 * and what a low or high value means (DOMAIN.md §2c; §1 1.10: slower walking with back pain is a result of the pain,
 * not shown as a cause), and the sentences shared by every metric. GAIT_FINDING_ES (i18n/gait-finding-texts.ts) has
 * the same type, so a metric or sentence missing there fails tsc.
 */
import { rangeWithSources, type RangeWithSource } from './citations.js';

export const GAIT_FINDING_METRICS = [
  'cadence_spm',
  'stance_pct',
  'double_support_pct',
  'step_time_symmetry_ratio',
  'knee_flexion_initial_contact_deg',
  'knee_flexion_peak_swing_deg',
  'pelvic_drop_deg',
  'trunk_lean_deg',
  'foot_progression_angle_deg',
  'walking_speed_mps',
  'step_length_m',
  'knee_flexion_peak_stance_deg',
  'knee_frontal_projection_deg',
  'trunk_forward_lean_deg',
  'contact_time_s',
  'flight_time_s',
  'step_width_m',
] as const;
export type GaitFindingMetric = (typeof GAIT_FINDING_METRICS)[number];

/** One metric's words: an empty plainLow/plainHigh means the generic "outside the usual range" sentence. */
export interface GaitMetricWords {
  label: string;
  unit: string;
  plainLow: string;
  plainHigh: string;
}

export interface GaitFindingWords {
  num: (n: number) => string;
  metric: Record<GaitFindingMetric, GaitMetricWords>;
  /** A typical range with its sources as citations. */
  range: (r: RangeWithSource) => string;
  sides: (left: string, right: string) => string;
  sidesDisagreeReference: string;
  sidesDisagree: (label: string) => string;
  noReference: string;
  lowConfidence: (label: string, percent: number) => string;
  runReference: string;
  run: (label: string, value: string) => string;
  phoneVideoReference: string;
  noValidatedReference: (label: string, value: string) => string;
  within: (label: string) => string;
  outside: (label: string, value: string, reference: string) => string;
}

export const GAIT_FINDING_EN: GaitFindingWords = {
  num: (n) => String(n),
  metric: {
    cadence_spm: {
      label: 'Cadence',
      unit: 'steps/min',
      plainLow:
        'You took fewer steps a minute than most healthy adults at a comfortable pace. People with back pain often walk a little slower; that is usually a result of the pain.',
      plainHigh: 'You took more steps a minute than the usual range.',
    },
    stance_pct: {
      label: 'Stance (foot on the ground)',
      unit: '% of stride',
      plainLow: 'Each foot spent a bit less of the stride on the ground than the textbook value.',
      plainHigh:
        'Each foot spent a bit more of the stride on the ground than the textbook value; this rises with slower walking.',
    },
    double_support_pct: {
      label: 'Double support (both feet down)',
      unit: '% of stride',
      plainLow:
        'Both feet were on the ground together for less of the stride than usual; this falls with faster walking.',
      plainHigh:
        'Both feet were on the ground together for more of the stride than usual; this rises with age and slower walking.',
    },
    step_time_symmetry_ratio: {
      label: 'Step time symmetry (larger/smaller side)',
      unit: 'ratio',
      plainLow: '',
      plainHigh: 'Steps on one side took longer than on the other, more than in healthy people in one study.',
    },
    knee_flexion_initial_contact_deg: {
      label: 'Knee bend as the heel lands',
      unit: '°',
      plainLow: 'The knee was straighter than usual when the heel landed.',
      plainHigh: 'The knee was more bent than usual when the heel landed.',
    },
    knee_flexion_peak_swing_deg: {
      label: 'Peak knee bend in swing',
      unit: '°',
      plainLow: 'The knee bent less than usual while the leg swung through.',
      plainHigh: 'The knee bent more than usual while the leg swung through.',
    },
    pelvic_drop_deg: {
      label: 'Pelvic drop',
      unit: '°',
      plainLow: '',
      plainHigh:
        'The pelvis dipped more than the usual few degrees on the side of the swinging leg. Video estimates of this are rough: watch the trend.',
    },
    trunk_lean_deg: {
      label: 'Trunk side lean',
      unit: '°',
      plainLow: '',
      plainHigh: 'The upper body leaned to the side while walking.',
    },
    foot_progression_angle_deg: { label: 'Foot angle (toe-out)', unit: '°', plainLow: '', plainHigh: '' },
    walking_speed_mps: {
      label: 'Walking speed',
      unit: 'm/s',
      plainLow:
        'You walked slower than the average for adults. With back pain this is common and is a result of pain, not a cause; it is a good sign to track as you recover.',
      plainHigh: 'You walked faster than the adult averages.',
    },
    step_length_m: { label: 'Step length', unit: 'm', plainLow: '', plainHigh: '' },
    knee_flexion_peak_stance_deg: {
      label: 'Knee bend as the leg takes the weight',
      unit: '°',
      plainLow: 'The knee bent less than usual as the leg took your weight.',
      plainHigh: 'The knee bent more than usual as the leg took your weight.',
    },
    knee_frontal_projection_deg: {
      label: 'Knee alignment seen from the front (towards the midline positive)',
      unit: '°',
      plainLow: '',
      plainHigh: '',
    },
    trunk_forward_lean_deg: { label: 'Trunk forward lean', unit: '°', plainLow: '', plainHigh: '' },
    contact_time_s: { label: 'Foot contact time', unit: 's', plainLow: '', plainHigh: '' },
    flight_time_s: { label: 'Flight time (running)', unit: 's', plainLow: '', plainHigh: '' },
    step_width_m: { label: 'Step width', unit: 'm', plainLow: '', plainHigh: '' },
  },
  range: rangeWithSources,
  sides: (left, right) => `left ${left}, right ${right}`,
  sidesDisagreeReference: 'not compared: the two sides disagree',
  sidesDisagree: (label) =>
    `${label}: the left and right sides came out too different to trust either as one number; one side may be mismeasured. Film again with both legs clearly visible.`,
  noReference: 'no reference',
  lowConfidence: (label, percent) =>
    `${label}: measured, but the video gave too little to be sure (confidence ${percent}%). Film again for a clearer answer.`,
  runReference: 'No reference for running: the ranges Footing uses are for walking',
  run: (label, value) =>
    `${label}: ${value} while running. The usual ranges are for walking, so this is not compared with them.`,
  phoneVideoReference: 'No validated reference for phone video',
  noValidatedReference: (label, value) => `${label}: ${value}. There is no reliable reference to compare this with.`,
  within: (label) => `${label} was within the usual range.`,
  outside: (label, value, reference) => `${label}: ${value}, outside the usual range of ${reference}.`,
};
