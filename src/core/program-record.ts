/**
 * The program: a person's stage, since when, whether it runs or a safety answer stopped it, the day its last daily
 * review was applied, and a clinician's dose changes and walking target or cap. Its type and the version of its
 * stored form, in one place: the store, the program's transitions (program-transitions.ts) and the services import
 * it from here.
 *
 * Stored in table `programs` (migration 0001; `dose_overrides` since 0007, `walking_override` since 0011, both JSON
 * or null; the walking override read back with walking-override.ts's validator). Version 1: the rows made
 * before 0007 and 0011 read those two as null.
 */
import type { DoseOverrides } from './plan.js';
import type { WalkingOverride } from './walking-override.js';

export const PROGRAM_RECORD_VERSION = 1;

/** Running, or stopped by a safety answer until the person answers again after a clinician's check. */
export const PROGRAM_STATUSES = ['active', 'stopped'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/** The program. `walkingOverride` is read by the store and written only by its setWalkingOverride. */
export interface Program {
  stage: number; stageStartedOn: string; startedOn: string; status: ProgramStatus; decidedOn: string | null;
  doseOverrides?: DoseOverrides | null; walkingOverride?: WalkingOverride | null;
}
