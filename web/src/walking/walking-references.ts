/**
 * What each walking chart compares the person's days with, in plain words, with the strength of the evidence.
 * Every number comes from a named constant (src/gait/reference-ranges.ts, src/core/clinical-constants.ts) that
 * cites DOMAIN.md; nothing clinical is typed in here.
 */
import { CADENCE_MODERATE_SPM, STEPS_PLATEAU_60_PLUS, STEPS_PLATEAU_AGE, STEPS_PLATEAU_UNDER_60 } from '../../../src/core/clinical-constants.js';
import { CADENCE_RANGE, GAIT_SPEED_RANGE, STEP_LENGTH_TYPICAL_M } from '../../../src/gait/reference-ranges.js';
import type { Claim } from '../api/types.js';
import type { WalkingMeasure } from './walking-series.js';

export interface WalkingReference {
  measure: WalkingMeasure;
  title: string;
  /** Axis label and unit as a person reads it. */
  unit: string;
  /** Decimals shown in the table. */
  decimals: number;
  /** A shaded band [min, max] (a typical range or where a benefit levels off), or null. */
  band: { min: number; max: number; label: string } | null;
  /** A single reference line (a typical value or a threshold), or null. */
  line: { value: number; label: string } | null;
  /** One plain line under the chart: what the band means. */
  explain: string;
  /** The evidence behind the band or line (shown with its strength), or null when there is none. */
  claim: Claim | null;
}

const n = (v: number) => v.toLocaleString('en');

export const WALKING_REFERENCES: Record<WalkingMeasure, WalkingReference> = {
  steps: {
    measure: 'steps', title: 'Steps', unit: 'steps', decimals: 0,
    band: { min: STEPS_PLATEAU_60_PLUS, max: STEPS_PLATEAU_UNDER_60, label: `${n(STEPS_PLATEAU_60_PLUS)}–${n(STEPS_PLATEAU_UNDER_60)} steps` },
    line: null,
    explain: `The shaded band is where, in large studies, more steps stopped adding years of life: about ${n(STEPS_PLATEAU_60_PLUS)} a day from age ${STEPS_PLATEAU_AGE}, about ${n(STEPS_PLATEAU_UNDER_60)} under ${STEPS_PLATEAU_AGE}. Those studies were about living longer, not about pain; your own target (dashed) grows slowly from where you start.`,
    claim: { text: `Benefit levelled off at about ${n(STEPS_PLATEAU_60_PLUS)} steps a day (age ${STEPS_PLATEAU_AGE}+) and ${n(STEPS_PLATEAU_UNDER_60)} (under ${STEPS_PLATEAU_AGE}).`, evidence: 'SR/MA', refs: ['6'] },
  },
  distanceKm: {
    measure: 'distanceKm', title: 'Distance', unit: 'km', decimals: 2,
    band: null, line: null,
    explain: 'There is no typical range for distance: it follows from how long and how fast you walk. Days without a distance from a device show as gaps.',
    claim: null,
  },
  cadenceSpm: {
    measure: 'cadenceSpm', title: 'Cadence', unit: 'steps/min', decimals: 0,
    band: { min: CADENCE_RANGE.min, max: CADENCE_RANGE.max, label: `${CADENCE_RANGE.min}–${CADENCE_RANGE.max} steps/min` },
    line: { value: CADENCE_MODERATE_SPM, label: `${CADENCE_MODERATE_SPM} steps/min: moderate effort` },
    explain: `Healthy adults walking at a comfortable pace take about ${CADENCE_RANGE.min}–${CADENCE_RANGE.max} steps a minute (shaded); ${CADENCE_MODERATE_SPM} or more is about moderate effort. A day’s average includes slow stretches, so it often reads lower than your brisk pace.`,
    claim: { text: `Comfortable walking: about ${CADENCE_RANGE.min}–${CADENCE_RANGE.max} steps a minute in healthy adults.`, evidence: 'COH', refs: ['25'] },
  },
  speedMps: {
    measure: 'speedMps', title: 'Walking speed', unit: 'm/s', decimals: 2,
    band: { min: GAIT_SPEED_RANGE.min, max: GAIT_SPEED_RANGE.max, label: `${GAIT_SPEED_RANGE.min}–${GAIT_SPEED_RANGE.max} m/s` },
    line: null,
    explain: `The shaded band is the range of average comfortable walking speeds in adults, from ${GAIT_SPEED_RANGE.max} m/s (men in their 40s) to ${GAIT_SPEED_RANGE.min} m/s (women over 80). Speed falls with age; it is context, not a pass or fail.`,
    claim: { text: `Average comfortable walking speed in adults ranges from ${GAIT_SPEED_RANGE.min} to ${GAIT_SPEED_RANGE.max} m/s, by age and sex.`, evidence: 'SR/MA', refs: ['21', '21a'] },
  },
  stepLengthM: {
    measure: 'stepLengthM', title: 'Step length', unit: 'm', decimals: 2,
    band: null,
    line: { value: STEP_LENGTH_TYPICAL_M, label: `${STEP_LENGTH_TYPICAL_M} m: typical adult step` },
    explain: `A typical adult step is about ${STEP_LENGTH_TYPICAL_M} m (dashed); it is shorter in shorter people, with age and with back pain.`,
    claim: { text: `A typical adult step is about ${STEP_LENGTH_TYPICAL_M} m (scale by height).`, evidence: 'EO', refs: ['26'] },
  },
};
