/**
 * The API's response shapes, taken from the server's own types (type-only imports from src/server/api-types.ts).
 */
export type { TodayState, Progress, ScreenOutcome, Checkin, ProgramEvent } from '../../../src/server/api-types.js';
export type { CheckinInput, SessionInput, SessionItem, BodyMark, WalkingLogInput } from '../../../src/server/api-schemas.js';
export type { PlanItem, TodayPlan, WalkDose } from '../../../src/core/plan.js';
export type { HoldDose, TimedDose } from '../../../src/core/stages.js';
export type { RedFlagQuestion, PrecautionQuestion, ScreenResult, Urgency } from '../../../src/core/red-flags.js';
export type { Claim, EvidenceLevel } from '../../../src/core/evidence.js';
export type { DailyWalking } from '../../../src/core/walking.js';
export type { ProgramDecision, Requirement, Reason } from '../../../src/core/program-engine.js';

import type { RedFlagQuestion, PrecautionQuestion, Urgency } from '../../../src/core/red-flags.js';

/** GET /api/screen/questions */
export interface ScreenQuestions {
  redFlags: RedFlagQuestion[];
  precautions: PrecautionQuestion[];
  urgencyAdvice: Record<Urgency, string>;
}
