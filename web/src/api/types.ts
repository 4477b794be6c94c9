/**
 * The API's response shapes, taken from the server's own types (type-only imports from src/server/api-types.ts)
 * and, for the stored records, from their record files in src/core.
 */
export type { TodayState, Progress, ScreenOutcome } from '../../../src/server/api-types.js';
export type { RemindersState } from '../../../src/server/api-types.js';
// The stored records, from their own files in the core (what the API takes and returns for them).
export type { Checkin, CheckinInput } from '../../../src/core/checkin-record.js';
export type { SessionInput, SessionItem } from '../../../src/core/session-record.js';
export type { BodyMark } from '../../../src/core/pain.js';
export type { PlanItem, TodayPlan, WalkDose } from '../../../src/core/plan.js';
export type { HoldDose, TimedDose } from '../../../src/core/stages.js';
export type { RedFlagQuestion, PrecautionQuestion, ScreenResult, Urgency } from '../../../src/core/red-flags.js';
export type { Claim, EvidenceLevel } from '../../../src/core/evidence.js';
export type { DailyWalking, WalkingLogInput } from '../../../src/core/walking-day-record.js';
export type { ProgramEvent } from '../../../src/core/program-event-record.js';
export type { ProgramDecision, Requirement, Reason } from '../../../src/core/program-engine.js';

import type { RedFlagQuestion, PrecautionQuestion, Urgency } from '../../../src/core/red-flags.js';

/** GET /api/screen/questions */
export interface ScreenQuestions {
  redFlags: RedFlagQuestion[];
  precautions: PrecautionQuestion[];
  urgencyAdvice: Record<Urgency, string>;
}
