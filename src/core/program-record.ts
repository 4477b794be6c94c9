/**
 * The program: a person's stage, since when, whether it runs or a safety answer stopped it, the day its last daily
 * review was applied, and a clinician's dose changes and walking target or cap. Its type and the version of its
 * stored form, in one place: the store, the program's transitions (program-transitions.ts) and the services import
 * it from here.
 *
 * Stored in table `programs` (migration 0001; `dose_overrides` since 0007, `walking_override` since 0011, both JSON
 * or null, read back with DoseOverridesRecord below and walking-override.ts's validator). Version 1: the rows made
 * before 0007 and 0011 read those two as null.
 */
import { z } from 'zod';
import type { DoseOverrides } from './plan.js';
import type { WalkingOverride } from './walking-override.js';

export const PROGRAM_RECORD_VERSION = 1;

/** Running, or stopped by a safety answer until the person answers again after a clinician's check. */
export const PROGRAM_STATUSES = ['active', 'stopped'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/**
 * A clinician's dose for one exercise, as the API takes it and `programs.dose_overrides` stores it: only the parts
 * changed. The floors here are what a dose can be at all; the ceilings depend on the stage and are checked when the
 * clinician changes it (clinician-stage-change.ts, DOSE_LIMITS in stages.ts).
 */
export const DoseOverride = z
  .object({
    secondsPerFoot: z.number().int().min(10).optional(),
    timesPerDay: z.number().int().min(1).optional(),
    holdSeconds: z.number().int().min(1).optional(),
    reps: z.number().int().min(1).optional(),
    sets: z.number().int().min(1).optional(),
    restSeconds: z.number().int().min(0).max(600).optional(),
  })
  .strict();

/** The stored JSON of `programs.dose_overrides` (null when the stage's own doses apply). */
export const DoseOverridesRecord: z.ZodType<DoseOverrides> = z
  .object({ 'ball-roll': DoseOverride.optional(), 'pinky-toe-lift': DoseOverride.optional() })
  .strict();

/** The program. `walkingOverride` is read by the store and written only by its setWalkingOverride. */
export interface Program {
  stage: number;
  stageStartedOn: string;
  startedOn: string;
  status: ProgramStatus;
  decidedOn: string | null;
  doseOverrides?: DoseOverrides | null;
  walkingOverride?: WalkingOverride | null;
}
