/**
 * The API's response types, in one place for the web app (ARCHITECTURE.md: web/ imports the API types, never
 * src/store or the services). Type-only: nothing here reaches a bundle.
 */
export type { TodayState, Progress, ScreenOutcome } from '../services/program-service.js';
export type { Assessment, OutcomeSummary } from '../services/assessment-service.js';
export type { Checkin } from '../core/checkin-record.js';
export type { ProgramEvent } from '../core/program-event-record.js';
export type { Session } from '../core/session-record.js';
export type { PainMap, ScreeningRecord, OutcomeRecord } from '../store/repos/assessments.js';
export type { GaitAnalysisRecord } from '../gait/gait-analysis-record.js';
export type { ChainExplanation, ChainLink } from '../core/chain.js';
export type { ProgramReview } from '../core/program-review.js';
export type { Job } from '../store/repos/jobs.js';
import type { importJson } from '../importers/import-report.js';
/** The result of one imported file (footing import --json, and a finished import job's result). */
export type ImportReport = ReturnType<typeof importJson>;
/** One file of the import history (GET /api/imports, GET /api/patients/:personId/imports), newest first. */
export type { PastImport } from '../store/repos/imports.js';
export type { ImportRecord } from '../core/import-record.js';
/** A failed import job's result when the import itself broke (nothing was stored). */
export interface ImportFailure {
  error: string;
}
/** The reminders screen's state (GET and PUT /api/reminders). */
export type { RemindersState } from './reminder-state.js';
export type { ReminderSettings } from '../core/reminder-record.js';
