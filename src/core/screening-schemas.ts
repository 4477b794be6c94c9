/**
 * What a screening result looks like when it is stored: the test's id, its values (per side where the test has
 * sides), when it was measured and who recorded it. One zod schema per test validates a form or an HTTP body once,
 * at the boundary; `parseScreeningResult` turns anything else into located problems, never a throw.
 *
 * The FPI-6 stores only the TOTAL score from the official form: its six items and manual are © A. Redmond
 * (DOMAIN.md §5 [29b]) and are not reproduced here.
 */
import { z } from 'zod';
import type { ChainSegment } from './findings.js';
import { checkWith, says, textOfIssue, type ValidationText } from './validation-words.js';
import {
  FPI_MAX,
  FPI_MIN,
  HEEL_RAISE_INPUT_MAX,
  LUNGE_INPUT_MAX_CM,
  NAVICULAR_DROP_INPUT_MAX_MM,
  SINGLE_LEG_STANCE_MAX_S,
} from './screening-constants.js';

export const SCREENING_TEST_IDS = [
  'navicular-drop',
  'foot-posture-index',
  'weight-bearing-lunge',
  'single-leg-stance',
  'heel-raise',
  'windlass',
  'single-leg-squat-valgus',
  'trendelenburg',
] as const;
export type ScreeningTestId = (typeof SCREENING_TEST_IDS)[number];

/** The link of the chain each test informs (one place, read by the catalogue and the interpretation). */
export const SCREENING_SEGMENT: Record<ScreeningTestId, ChainSegment> = {
  'navicular-drop': 'foot',
  'foot-posture-index': 'foot',
  windlass: 'foot',
  'weight-bearing-lunge': 'ankle',
  'heel-raise': 'ankle',
  // Balance on one leg is mostly an ankle strategy in quiet stance; the hip joins in when it gets hard.
  'single-leg-stance': 'ankle',
  'single-leg-squat-valgus': 'knee',
  // The sign is seen as the pelvis dropping on the side of the lifted leg.
  trendelenburg: 'pelvis',
};

/** Short names, shown as finding labels. */
export const SCREENING_NAME: Record<ScreeningTestId, string> = {
  'navicular-drop': 'Navicular drop',
  'foot-posture-index': 'Foot Posture Index (FPI-6) total',
  'weight-bearing-lunge': 'Weight-bearing lunge (knee to wall)',
  'single-leg-stance': 'Single-leg stance time',
  'heel-raise': 'Single-leg heel raise count',
  windlass: 'Windlass test',
  'single-leg-squat-valgus': 'Single-leg squat: knee moving inward',
  trendelenburg: 'Trendelenburg sign (hip drop on one leg)',
};

/** A value per side; either side may be missing, but not both. */
function perSide<T extends z.ZodType>(value: T) {
  return z
    .strictObject({ left: value.nullable().optional(), right: value.nullable().optional() })
    .refine((v) => v.left != null || v.right != null, says('screening.one-side'));
}

/** Navicular drop, millimetres per side. */
export const navicularDropValues = perSide(z.number().min(0).max(NAVICULAR_DROP_INPUT_MAX_MM));
/** FPI-6 total per foot, an integer from -12 to +12, copied from the official form (never the items). */
export const footPostureIndexValues = perSide(z.number().int().min(FPI_MIN).max(FPI_MAX));
/** Knee-to-wall lunge: largest toe-to-wall distance in centimetres per side. */
export const weightBearingLungeValues = perSide(z.number().min(0).max(LUNGE_INPUT_MAX_CM));
const stanceSeconds = perSide(z.number().min(0).max(SINGLE_LEG_STANCE_MAX_S));
/** Single-leg stance: best of 3 trials in seconds per side (max 45), eyes open and/or eyes closed. */
export const singleLegStanceValues = z
  .strictObject({ eyesOpen: stanceSeconds.optional(), eyesClosed: stanceSeconds.optional() })
  .refine((v) => v.eyesOpen !== undefined || v.eyesClosed !== undefined, says('screening.eyes-times'));
/** The heel-raise protocol: the norms come from a 10 degree incline with a 60 bpm metronome (DOMAIN.md §5 [32]). */
export const HEEL_RAISE_PROTOCOLS = ['incline-metronome', 'flat-floor'] as const;
/** Heel raises to fatigue: whole repetitions per side, and the protocol used. */
export const heelRaiseValues = z
  .strictObject({
    left: z.number().int().min(0).max(HEEL_RAISE_INPUT_MAX).nullable().optional(),
    right: z.number().int().min(0).max(HEEL_RAISE_INPUT_MAX).nullable().optional(),
    protocol: z.enum(HEEL_RAISE_PROTOCOLS),
  })
  .refine((v) => v.left != null || v.right != null, says('screening.one-side'));
/** Windlass: did lifting the big toe bring back the familiar heel or arch pain? Per foot. */
export const windlassValues = perSide(z.enum(['positive', 'negative']));
/** An observation with no numeric threshold (DOMAIN.md §5): seen, not seen, or not sure. */
export const OBSERVATIONS = ['seen', 'not-seen', 'unsure'] as const;
export type Observation = (typeof OBSERVATIONS)[number];
/** An observation in words, as a finding shows it (never the stored value such as "not-seen"). */
export const OBSERVATION_WORDS: Record<Observation, string> = {
  seen: 'seen',
  'not-seen': 'not seen',
  unsure: 'not sure',
};
/** Single-leg squat: knee moving inward, per leg squatting. */
export const squatValgusValues = perSide(z.enum(OBSERVATIONS));
/** Trendelenburg: pelvis dropping on the lifted-leg side, per standing leg. */
export const trendelenburgValues = perSide(z.enum(OBSERVATIONS));

const meta = {
  /** ISO 8601 date-time with a zone, e.g. 2024-05-01T09:30:00Z. */
  recordedAt: z.iso.datetime({ offset: true }),
  /** The person themself, a clinician id, or 'device'. */
  recordedBy: z.string().trim().min(1).max(200),
};

/** A stored screening result, one schema per test, told apart by `testId`. */
export const screeningResultSchema = z.discriminatedUnion('testId', [
  z.strictObject({ testId: z.literal('navicular-drop'), values: navicularDropValues, ...meta }),
  z.strictObject({ testId: z.literal('foot-posture-index'), values: footPostureIndexValues, ...meta }),
  z.strictObject({ testId: z.literal('weight-bearing-lunge'), values: weightBearingLungeValues, ...meta }),
  z.strictObject({ testId: z.literal('single-leg-stance'), values: singleLegStanceValues, ...meta }),
  z.strictObject({ testId: z.literal('heel-raise'), values: heelRaiseValues, ...meta }),
  z.strictObject({ testId: z.literal('windlass'), values: windlassValues, ...meta }),
  z.strictObject({ testId: z.literal('single-leg-squat-valgus'), values: squatValgusValues, ...meta }),
  z.strictObject({ testId: z.literal('trendelenburg'), values: trendelenburgValues, ...meta }),
]);
export type ScreeningResult = z.infer<typeof screeningResultSchema>;
/** The values of one test's result. */
export type ScreeningValues<Id extends ScreeningTestId> = Extract<ScreeningResult, { testId: Id }>['values'];

/** A result that cannot be stored, with the field it is about (a dotted path such as `values.left`). */
export interface ScreeningProblem {
  code: 'invalid_screening_result';
  field: string;
  message: string;
  /** The message's id and parameters (validation-words.ts). */
  text: ValidationText | null;
}

/**
 * Parses untrusted input (a form, an HTTP body, a backup) into a screening result, or located problems.
 * Never throws.
 */
export function parseScreeningResult(
  input: unknown,
): { result: ScreeningResult; problems: [] } | { result: null; problems: ScreeningProblem[] } {
  const parsed = checkWith(screeningResultSchema, input);
  if (parsed.success) return { result: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => ({
    code: 'invalid_screening_result' as const,
    field: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
    text: textOfIssue(issue),
  }));
  return { result: null, problems };
}
