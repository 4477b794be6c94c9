/**
 * Reference ranges and thresholds for gait metrics, each citing DOMAIN.md. These are population values for
 * context (never a diagnosis); the app shows them as "typical range", not as pass/fail.
 */

/** A closed range [min, max] with its unit and source. */
export interface ReferenceRange {
  min: number;
  max: number;
  unit: string;
  source: string;
}

/** Cadence ≈100–120 steps/min in healthy adults at comfortable speed. DOMAIN.md §2c [25] (COH/EO). */
export const CADENCE_RANGE: ReferenceRange = { min: 100, max: 120, unit: 'steps/min', source: 'DOMAIN.md §2c [25]' };

/** Cadence ≥100 steps/min ≈ moderate intensity (heuristic, population level). DOMAIN.md §2b 2.7 [7][7a] (CONS/LAB). */
export const CADENCE_MODERATE_INTENSITY = 100;

/** Stance ≈60–62% of the gait cycle. DOMAIN.md §2c [26] (EO, textbook Perry). */
export const STANCE_PERCENT_RANGE: ReferenceRange = {
  min: 60,
  max: 62,
  unit: '% gait cycle',
  source: 'DOMAIN.md §2c [26]',
};

/** Swing ≈38–40% of the gait cycle. DOMAIN.md §2c [26] (EO). */
export const SWING_PERCENT_RANGE: ReferenceRange = {
  min: 38,
  max: 40,
  unit: '% gait cycle',
  source: 'DOMAIN.md §2c [26]',
};

/**
 * Double support ≈20% in total (two periods of ≈10%). DOMAIN.md §2c [26] (EO). The text gives one value; the ±2
 * band here mirrors the 2-point width of the stance band above and is ours, not the source's. Double support rises
 * with age and slower speed.
 */
export const DOUBLE_SUPPORT_PERCENT_RANGE: ReferenceRange = {
  min: 18,
  max: 22,
  unit: '% gait cycle',
  source: 'DOMAIN.md §2c [26]',
};

/**
 * Normative band for temporal symmetry ratios (larger/smaller side): 0.9–1.1 from 24 healthy controls
 * (Patterson 2008). DOMAIN.md §2c [27a] (COH). With a larger/smaller ratio only the upper bound 1.1 applies.
 */
export const TEMPORAL_SYMMETRY_RATIO_MAX = 1.1;

/**
 * Proposed healthy upper limits (larger/smaller): swing 1.06, stance 1.05, step length 1.08.
 * DOMAIN.md §2c [27] — marked UNVERIFIED there, so shown only as context, never as a finding.
 */
export const SWING_SYMMETRY_RATIO_MAX_UNVERIFIED = 1.06;
export const STANCE_SYMMETRY_RATIO_MAX_UNVERIFIED = 1.05;
export const STEP_LENGTH_SYMMETRY_RATIO_MAX_UNVERIFIED = 1.08;

/** Knee flexion at initial contact ≈0–5°. DOMAIN.md §2c [26] (EO, textbook). */
export const KNEE_FLEXION_INITIAL_CONTACT_RANGE: ReferenceRange = {
  min: 0,
  max: 5,
  unit: 'deg',
  source: 'DOMAIN.md §2c [26]',
};

/** Loading-response peak of knee flexion (early stance) ≈15–20°. DOMAIN.md §2c [26] (EO, textbook). Walking only. */
export const KNEE_FLEXION_LOADING_RESPONSE_RANGE: ReferenceRange = {
  min: 15,
  max: 20,
  unit: 'deg',
  source: 'DOMAIN.md §2c [26]',
};

/** Peak knee flexion in swing ≈60–70°. DOMAIN.md §2c [26] (EO, textbook). */
export const KNEE_FLEXION_PEAK_SWING_RANGE: ReferenceRange = {
  min: 60,
  max: 70,
  unit: 'deg',
  source: 'DOMAIN.md §2c [26]',
};

/**
 * Contralateral pelvic drop of about 4–5° in stance is normal; larger is a Trendelenburg-type pattern.
 * DOMAIN.md §2c [26] (EO; UNVERIFIED). Phone-video frontal pelvis angles are noisy: trends only.
 */
export const PELVIC_DROP_NORMAL_MAX_DEG = 5;

/** Comfortable gait speed means range 0.94 (women 80–99) to 1.43 m/s (men 40–49). DOMAIN.md §2c [21][21a] (MA). */
export const GAIT_SPEED_RANGE: ReferenceRange = {
  min: 0.94,
  max: 1.43,
  unit: 'm/s',
  source: 'DOMAIN.md §2c [21][21a]',
};

/** Gait speed ≤0.8 m/s: prompt to see a clinician, age ≥65 only. DOMAIN.md §2c [22][23][23a] (CONS). */
export const GAIT_SPEED_LOW_CUTOFF = 0.8;
export const GAIT_SPEED_LOW_CUTOFF_MIN_AGE = 65;

/** Meaningful change in gait speed: small 0.05 m/s, substantial 0.10 m/s. DOMAIN.md §2c [24][24a] (COH). */
export const GAIT_SPEED_CHANGE_SMALL = 0.05;
export const GAIT_SPEED_CHANGE_SUBSTANTIAL = 0.1;

/** Adult step length ≈0.7 m, stride ≈1.4 m (scale by height). DOMAIN.md §2c [26] (EO). */
export const STEP_LENGTH_TYPICAL_M = 0.7;
export const STRIDE_LENGTH_TYPICAL_M = 1.4;

/** Is v inside the range (inclusive)? */
export function inRange(v: number, r: ReferenceRange): boolean {
  return v >= r.min && v <= r.max;
}

/**
 * The walking cycle's phases as DOMAIN.md §2c [26] gives them (EO, textbook Perry): stance ≈60 % of the cycle with
 * two double-support periods of ≈10 % each, so loading response 0–10 %, single support (mid and terminal stance)
 * 10–50 %, pre-swing 50–60 % and swing 60–100 %.
 */
export const WALK_CYCLE_PHASES_PCT = { stanceEnd: 60, loadingResponseEnd: 10, singleSupportEnd: 50 } as const;

/**
 * A reference box on a joint-angle-over-the-cycle chart: over [fromPct, toPct] of the cycle, the curve should lie
 * within [min, max] ('range'), or its highest ('peak') or lowest ('lowest') value there should.
 */
export interface CycleReferenceBox {
  fromPct: number;
  toPct: number;
  min: number;
  max: number;
  kind: 'range' | 'peak' | 'lowest';
  label: string;
  source: string;
}

/**
 * Knee flexion over the walking cycle, DOMAIN.md §2c [26] (EO, textbook): ≈0–5° at initial contact, a
 * loading-response peak of ≈15–20° (looked for in the first 60 % of stance, as kneeFlexionPeakStance does), near
 * 0–5° in mid/terminal stance (single support) and a swing peak of ≈60–70°. Walking norms: never drawn on a run.
 * DOMAIN.md has no hip or ankle values over the cycle, so those charts carry no band.
 */
export const KNEE_CYCLE_REFERENCE: readonly CycleReferenceBox[] = [
  {
    fromPct: 0,
    toPct: 2,
    min: KNEE_FLEXION_INITIAL_CONTACT_RANGE.min,
    max: KNEE_FLEXION_INITIAL_CONTACT_RANGE.max,
    kind: 'range',
    label: 'at initial contact',
    source: 'DOMAIN.md §2c [26]',
  },
  {
    fromPct: 0,
    toPct: 0.6 * WALK_CYCLE_PHASES_PCT.stanceEnd,
    min: KNEE_FLEXION_LOADING_RESPONSE_RANGE.min,
    max: KNEE_FLEXION_LOADING_RESPONSE_RANGE.max,
    kind: 'peak',
    label: 'loading-response peak',
    source: 'DOMAIN.md §2c [26]',
  },
  {
    fromPct: WALK_CYCLE_PHASES_PCT.loadingResponseEnd,
    toPct: WALK_CYCLE_PHASES_PCT.singleSupportEnd,
    min: 0,
    max: 5,
    kind: 'lowest',
    label: 'mid/terminal stance',
    source: 'DOMAIN.md §2c [26]',
  },
  {
    fromPct: WALK_CYCLE_PHASES_PCT.stanceEnd,
    toPct: 100,
    min: KNEE_FLEXION_PEAK_SWING_RANGE.min,
    max: KNEE_FLEXION_PEAK_SWING_RANGE.max,
    kind: 'peak',
    label: 'peak in swing',
    source: 'DOMAIN.md §2c [26]',
  },
];
