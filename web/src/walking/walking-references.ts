/**
 * What each walking chart compares the person's days with, in plain words, with the strength of the evidence.
 * Every number comes from a named constant (src/gait/reference-ranges.ts, src/core/clinical-constants.ts) that
 * cites DOMAIN.md; nothing clinical is typed in here (the catalogue's texts take the numbers as {{figures}}).
 */
import {
  CADENCE_MODERATE_SPM,
  STEPS_PLATEAU_60_PLUS,
  STEPS_PLATEAU_AGE,
  STEPS_PLATEAU_UNDER_60,
} from '../../../src/core/clinical-constants.js';
import { CADENCE_RANGE, GAIT_SPEED_RANGE, STEP_LENGTH_TYPICAL_M } from '../../../src/gait/reference-ranges.js';
import type { TFunction } from 'i18next';
import type { Claim } from '../api/types.js';
import { formatNumber } from '../i18n/format.js';
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

const n = (v: number) => formatNumber(v);

/** The reference of each walking chart, in the words of the language on screen (walking:references.*). */
export function walkingReferences(t: TFunction): Record<WalkingMeasure, WalkingReference> {
  const plateau = { low: n(STEPS_PLATEAU_60_PLUS), high: n(STEPS_PLATEAU_UNDER_60), age: n(STEPS_PLATEAU_AGE) };
  const cadence = { min: n(CADENCE_RANGE.min), max: n(CADENCE_RANGE.max), moderate: n(CADENCE_MODERATE_SPM) };
  const speed = { min: n(GAIT_SPEED_RANGE.min), max: n(GAIT_SPEED_RANGE.max) };
  const step = { length: n(STEP_LENGTH_TYPICAL_M) };
  return {
    steps: {
      measure: 'steps',
      title: t('walking:references.steps.title'),
      unit: t('walking:references.steps.unit'),
      decimals: 0,
      band: {
        min: STEPS_PLATEAU_60_PLUS,
        max: STEPS_PLATEAU_UNDER_60,
        label: t('walking:references.steps.band', plateau),
      },
      line: null,
      explain: t('walking:references.steps.explain', plateau),
      claim: { text: t('walking:references.steps.claim', plateau), evidence: 'SR/MA', refs: ['6'] },
    },
    distanceKm: {
      measure: 'distanceKm',
      title: t('walking:references.distance.title'),
      unit: 'km',
      decimals: 2,
      band: null,
      line: null,
      explain: t('walking:references.distance.explain'),
      claim: null,
    },
    cadenceSpm: {
      measure: 'cadenceSpm',
      title: t('walking:references.cadence.title'),
      unit: t('walking:references.cadence.unit'),
      decimals: 0,
      band: { min: CADENCE_RANGE.min, max: CADENCE_RANGE.max, label: t('walking:references.cadence.band', cadence) },
      line: { value: CADENCE_MODERATE_SPM, label: t('walking:references.cadence.line', cadence) },
      explain: t('walking:references.cadence.explain', cadence),
      claim: { text: t('walking:references.cadence.claim', cadence), evidence: 'COH', refs: ['25'] },
    },
    speedMps: {
      measure: 'speedMps',
      title: t('walking:references.speed.title'),
      unit: 'm/s',
      decimals: 2,
      band: { min: GAIT_SPEED_RANGE.min, max: GAIT_SPEED_RANGE.max, label: t('walking:references.speed.band', speed) },
      line: null,
      explain: t('walking:references.speed.explain', speed),
      claim: { text: t('walking:references.speed.claim', speed), evidence: 'SR/MA', refs: ['21', '21a'] },
    },
    stepLengthM: {
      measure: 'stepLengthM',
      title: t('walking:references.stepLength.title'),
      unit: 'm',
      decimals: 2,
      band: null,
      line: { value: STEP_LENGTH_TYPICAL_M, label: t('walking:references.stepLength.line', step) },
      explain: t('walking:references.stepLength.explain', step),
      claim: { text: t('walking:references.stepLength.claim', step), evidence: 'EO', refs: ['26'] },
    },
  };
}
