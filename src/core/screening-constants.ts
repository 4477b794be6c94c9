/**
 * Every clinical number the screening tests use, named, with its source in ../shared/DOMAIN.md §5 (reference numbers
 * in brackets) and its evidence level. Same style as clinical-constants.ts; kept here so the screening catalogue owns
 * its numbers. Input ranges (what a form accepts) are design limits, not clinical thresholds, and say so.
 */

/** Navicular drop: about 6-9 mm is normal. DOMAIN.md §5 [28][28a]; COH. */
export const NAVICULAR_DROP_TYPICAL_MIN_MM = 6;
export const NAVICULAR_DROP_TYPICAL_MAX_MM = 9;
/** Navicular drop above 10 mm is commonly read as excessive pronation. DOMAIN.md §5 [28]; COH. */
export const NAVICULAR_DROP_HIGH_ABOVE_MM = 10;
/** Brody's stricter reading: above 15 mm abnormal. DOMAIN.md §5 [28]; EO (textbook). Shown to clinicians only. */
export const NAVICULAR_DROP_BRODY_ABOVE_MM = 15;
/** Navicular drop under 5 mm may indicate a rigid foot. DOMAIN.md §5 [28]; COH. */
export const NAVICULAR_DROP_LOW_BELOW_MM = 5;
/** Largest drop a form accepts: design limit (EO), well above Brody's 15 mm (DOMAIN.md §5 [28]); more is a typo. */
export const NAVICULAR_DROP_INPUT_MAX_MM = 30;

/** FPI-6 total range, six items each -2..+2. DOMAIN.md §5 [29][29b]; COH. */
export const FPI_MIN = -12;
export const FPI_MAX = 12;
/** FPI-6 band lower edges from the manual: -12..-5 highly supinated, -4..-1 supinated, 0..+5 normal, +6..+9 pronated,
 * +10..+12 highly pronated. DOMAIN.md §5 [29][29b]; COH. */
export const FPI_SUPINATED_MIN = -4;
export const FPI_NORMAL_MIN = 0;
export const FPI_PRONATED_MIN = 6;
export const FPI_HIGHLY_PRONATED_MIN = 10;
/** FPI-6 normative mean +4 (slightly pronated); U-shaped with age. DOMAIN.md §5 [29a]; COH. */
export const FPI_NORMATIVE_MEAN = 4;

/** Weight-bearing lunge: 1 cm toe-to-wall is about 3.6 degrees of ankle dorsiflexion. DOMAIN.md §5 [30][30a]; SR/COH. */
export const LUNGE_DEGREES_PER_CM = 3.6;
/** "Restricted" convention: under 9-10 cm. Footing reads <9 as restricted and 9 to <10 as the edge.
 * DOMAIN.md §5 [30]; cut-off EO. */
export const LUNGE_RESTRICTED_BELOW_CM = 9;
export const LUNGE_TYPICAL_FROM_CM = 10;
/** MDC about 1.0 cm for one leg, 1.5 cm for a side-to-side difference. DOMAIN.md §5 [30]; SR. */
export const LUNGE_MDC_ONE_LEG_CM = 1.0;
export const LUNGE_MDC_SIDE_TO_SIDE_CM = 1.5;
/** Largest distance a form accepts: design limit (EO) above any adult foot length on DOMAIN.md §5's tape-measure
 * method; more is a typo. */
export const LUNGE_INPUT_MAX_CM = 25;

/** Single-leg stance: best of 3 trials, capped at 45 s. DOMAIN.md §5 [31a]; COH. */
export const SINGLE_LEG_STANCE_TRIALS = 3;
export const SINGLE_LEG_STANCE_MAX_S = 45;
/** Single-leg stance age groups (lower edges, years): 18-39, 40-49, 50-59, 60-69, 70-79, 80+. DOMAIN.md §5 [31]; COH. */
export const SINGLE_LEG_STANCE_AGE_GROUP_FROM = [18, 40, 50, 60, 70, 80] as const;
/** Eyes-open best time per age group, seconds, in the order above. DOMAIN.md §5 [31]; COH, numbers UNVERIFIED. */
export const SINGLE_LEG_STANCE_EYES_OPEN_NORM_S = [43, 40, 37, 27, 15, 6] as const;
/** Eyes-closed best time per age group, seconds. DOMAIN.md §5 [31]; COH, numbers UNVERIFIED. */
export const SINGLE_LEG_STANCE_EYES_CLOSED_NORM_S = [9, 7, 5, 2.5, 2, 1] as const;

/** Single-leg heel raise (10 degree incline, metronome 60 bpm, to fatigue): median 24 reps in men, 21 in women.
 * DOMAIN.md §5 [32]; COH. */
export const HEEL_RAISE_MEDIAN_MEN = 24;
export const HEEL_RAISE_MEDIAN_WOMEN = 21;
/** Heel raise incline and metronome of the normative protocol. DOMAIN.md §5 [32]; COH. */
export const HEEL_RAISE_INCLINE_DEG = 10;
export const HEEL_RAISE_METRONOME_BPM = 60;
/** Test-retest limits of agreement about +-6 reps. Footing reads a left-right difference above 6 as beyond
 * measurement error. DOMAIN.md §5 [32]; COH (limits), use for sides EO. */
export const HEEL_RAISE_LIMITS_OF_AGREEMENT_REPS = 6;
/** Largest count a form accepts: design limit (EO), four times the median of DOMAIN.md §5 [32]; more is a typo. */
export const HEEL_RAISE_INPUT_MAX = 100;

/** Windlass test: specificity 100%, sensitivity about 32% (weight-bearing). DOMAIN.md §5, §3 3.10 [17]; COH. */
export const WINDLASS_SPECIFICITY = 1.0;
export const WINDLASS_SENSITIVITY = 0.32;
