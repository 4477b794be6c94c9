/**
 * What a report is made from: one person's record as the use case loads it (src/services/report-service.ts).
 * Plain data, so that the report's content is a pure function of it.
 */
import type { ChainExplanation } from '../chain.js';
import type { GaitAnalysisInput } from '../gait-findings.js';
import type { OutcomeMeasureId } from '../outcome-scoring.js';
import type { ScreenResult } from '../red-flags.js';
import type { Reason } from '../program-engine.js';
import type { ReportBlock } from './report-document.js';
import type { MonitoringPeriod } from '../remote-monitoring.js';

export interface ReportCheckin {
  date: string;
  context: 'daily' | 'before' | 'after';
  back: number | null;
  neck: number | null;
  foot: number | null;
}

export interface ReportProgramEvent {
  onDate: string;
  action: string;
  fromStage: number | null;
  toStage: number | null;
  /** 'person', 'engine' (the program's rules) or 'clinician'. */
  actor: string;
  reasons: Pick<Reason, 'text' | 'refs'>[];
}

export interface ReportGait {
  recordedAt: string;
  sourceName: string | null;
  /** `imported_from`: taken from a FHIR file (src/services/import-gait.ts): its figures only, no events or stills. */
  analysis: GaitAnalysisInput & { events?: unknown; imported_from?: { file: string } };
  /** The representative frame's stick figure, when the analysis was saved with its keypoints. */
  skeleton: Extract<ReportBlock, { kind: 'skeleton' }> | null;
  hasKeypoints: boolean;
  /** The still saved with the analysis that stands for it (report-still.ts), when there is one and it could be read. */
  picture?: Extract<ReportBlock, { kind: 'picture' }> | null;
}

export interface ReportInput {
  /** The person's calendar date the report is made for: the last day of its period, whose program it shows. */
  today: string;
  /**
   * The first day of the period the reader chose (report-figures.ts inPeriod); left out, the period starts with the
   * record (the week-by-week part then lists the last REPORT_WEEKS weeks).
   */
  from?: string;
  person: { displayName: string | null; birthYear: number | null };
  program: {
    status: 'active' | 'stopped';
    startedOn: string;
    stageStartedOn: string;
    stage: { number: number; name: string; goal: string };
  } | null;
  /** Today's plan: what to do and how much (empty when the program is stopped or not started). */
  planItems: { name: string; doseText: string }[];
  walkingTarget: { steps: number | null; minutes: number | null; basis: string } | null;
  /** Sessions prescribed a week (the program's policy). */
  sessionsPerWeek: number;
  events: ReportProgramEvent[];
  checkins: ReportCheckin[];
  /** Days with a completed session (a partial one does not count, as in the program). */
  doneSessionDates: string[];
  walkingDays: { date: string; steps: number | null }[];
  outcomes: { measure: OutcomeMeasureId; recordedAt: string; score: number | null }[];
  screens: { takenAt: string; result: ScreenResult }[];
  chain: ChainExplanation;
  gait: ReportGait[];
  /** Remote-monitoring periods from the program's start, oldest first (src/core/remote-monitoring.ts); none when left out. */
  monitoring?: MonitoringPeriod[];
}
