/**
 * A clinician's walking target for one patient: a target that replaces the one computed from the person's own days,
 * or a cap the computed one may not pass (the computed target is then min(computed, cap)), each with the
 * clinician's reason in words the patient reads on Today. The record as stored (programs.walking_override, JSON):
 * its type, validator, version and how it is applied, in one place; the API body is the same fields without who and
 * when (the server adds those).
 *
 * DOMAIN.md §2b 2.8 leaves walking progression to the individual ("WalkBack progressed walking individually"), so
 * the clinician may set any plausible figure; the bounds below only refuse figures no one could mean.
 */
import { z } from 'zod';
import { CADENCE_MODERATE_SPM } from './clinical-constants.js';
import { dayMonth, isIsoDate } from './dates.js';
import {
  minutesForSteps,
  roundMinutes,
  roundSteps,
  walkingFigure,
  type ClinicianWalkingSetting,
  type WalkingTarget,
} from './walking-target.js';
import { says } from './validation-words.js';

/** Plausibility bounds of a clinician's figure (design bounds, EO, not clinical advice): at least a minute's walk
 * at a moderate pace (DOMAIN.md §2b 2.7 [7]: ~100 steps/min), at most 30,000 steps (about three times the top of
 * the §2b 2.5 [6] band) or 3 hours. */
export const WALKING_OVERRIDE_STEPS_MIN = CADENCE_MODERATE_SPM;
export const WALKING_OVERRIDE_STEPS_MAX = 30_000;
export const WALKING_OVERRIDE_MINUTES_MIN = 1;
export const WALKING_OVERRIDE_MINUTES_MAX = 180;
/** The reason: plain text the patient reads, one or a few sentences. */
export const CLINICIAN_REASON_MIN = 3;
export const CLINICIAN_REASON_MAX = 500;

/** Plain text: any printable characters and line breaks; no other control characters (they show as nothing). */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

export const clinicianReason = z
  .string()
  .trim()
  .min(CLINICIAN_REASON_MIN, says('reason.say-why'))
  .max(CLINICIAN_REASON_MAX, says('text.at-most', { max: CLINICIAN_REASON_MAX }))
  .refine((s) => !CONTROL.test(s), says('text.plain'));

const stepsRange = says('walking-setting.range', {
  unit: 'steps',
  min: WALKING_OVERRIDE_STEPS_MIN,
  max: WALKING_OVERRIDE_STEPS_MAX,
});
const minutesRange = says('walking-setting.range', {
  unit: 'minutes',
  min: WALKING_OVERRIDE_MINUTES_MIN,
  max: WALKING_OVERRIDE_MINUTES_MAX,
});
const figureFields = {
  kind: z.enum(['target', 'cap']),
  steps: z
    .number()
    .int(stepsRange)
    .min(WALKING_OVERRIDE_STEPS_MIN, stepsRange)
    .max(WALKING_OVERRIDE_STEPS_MAX, stepsRange)
    .optional(),
  minutes: z
    .number()
    .int(minutesRange)
    .min(WALKING_OVERRIDE_MINUTES_MIN, minutesRange)
    .max(WALKING_OVERRIDE_MINUTES_MAX, minutesRange)
    .optional(),
  reason: clinicianReason,
};
const oneFigure = {
  check: (o: { steps?: number | undefined; minutes?: number | undefined }) =>
    (o.steps === undefined) !== (o.minutes === undefined),
  message: { ...says('walking-setting.one-figure'), path: ['steps'] },
};

/** What the clinician sends: `{ "kind": "cap", "steps": 5000, "reason": "..." }`. */
export const WalkingOverrideInput = z.object(figureFields).strict().refine(oneFigure.check, oneFigure.message);
export type WalkingOverrideInput = z.infer<typeof WalkingOverrideInput>;

export const WALKING_OVERRIDE_VERSION = 1;

/** The stored record: the input, who set it (their name as the patient knows them) and the date. */
export const WalkingOverride = z
  .object({
    version: z.literal(WALKING_OVERRIDE_VERSION),
    ...figureFields,
    setBy: z.string().trim().min(1).max(200),
    setOn: z.string().refine(isIsoDate, says('date.calendar')),
  })
  .strict()
  .refine(oneFigure.check, oneFigure.message);
export type WalkingOverride = z.infer<typeof WalkingOverride>;

/** A new record from the clinician's input. */
export function newWalkingOverride(input: WalkingOverrideInput, setBy: string, setOn: string): WalkingOverride {
  return WalkingOverride.parse({ version: WALKING_OVERRIDE_VERSION, ...input, setBy, setOn });
}

/**
 * The target with a clinician's setting applied. A target replaces the figures: steps (with about how long they
 * take at the person's own pace, as their target showed it, or ~100 steps/min without one) or minutes. A cap lowers
 * the target to it when the target is above it, in the cap's own unit, and the other figure in the same ratio; a
 * cap at or above the target changes nothing (it is still shown, with its reason). The basis (where the person's own
 * target comes from) is kept.
 */
export function applyWalkingOverride(own: WalkingTarget, o: WalkingOverride | null): WalkingTarget {
  if (!o) return own;
  // Minutes per step: the person's own target's ratio when it has steps (what they were shown), else ~100 steps/min.
  const minutesFor = (steps: number) =>
    own.steps !== null ? roundMinutes((steps * own.minutes) / own.steps) : minutesForSteps(steps);
  let figures: { steps: number | null; minutes: number } | null;
  if (o.kind === 'target') {
    figures =
      o.steps !== undefined ? { steps: o.steps, minutes: minutesFor(o.steps) } : { steps: null, minutes: o.minutes! };
  } else if (o.steps !== undefined) {
    // A cap in steps. Without a step target the cap's steps are turned into minutes at the same pace.
    if (own.steps !== null) figures = own.steps > o.steps ? { steps: o.steps, minutes: minutesFor(o.steps) } : null;
    else figures = own.minutes > minutesFor(o.steps) ? { steps: null, minutes: minutesFor(o.steps) } : null;
  } else {
    figures =
      own.minutes > o.minutes!
        ? { steps: own.steps === null ? null : roundSteps((own.steps * o.minutes!) / own.minutes), minutes: o.minutes! }
        : null;
  }
  const set = { steps: o.steps ?? null, minutes: o.minutes ?? null };
  const by = `${o.setBy} ${o.kind === 'target' ? 'set your walking target to' : 'capped your walking target at'} ${walkingFigure(set)} a day on ${dayMonth(o.setOn)}`;
  const text = figures
    ? `${by}. From your own recent days it would be ${walkingFigure(own)}.`
    : `${by}; your own target is not above that, so it stands.`;
  const clinician: ClinicianWalkingSetting = {
    kind: o.kind,
    ...set,
    reason: o.reason,
    setBy: o.setBy,
    setOn: o.setOn,
    applied: figures !== null,
    own: { steps: own.steps, minutes: own.minutes },
    text,
  };
  return { ...own, ...(figures ?? {}), provisional: o.kind === 'target' ? false : own.provisional, clinician };
}
