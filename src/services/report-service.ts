/**
 * The printable reports (issue 15, Reports): `footing report`, GET /api/report and GET /api/patients/:personId/report.
 * Loads one person's record, hands it to the pure report content (src/core/report/) and draws it as a PDF
 * (src/reports/render-pdf.ts). The program is today's, as the person's Today screen shows it (getToday, as the
 * FHIR export), so `today` is the person's calendar date.
 */
import { monitoringFigures } from './monitoring-service.js';
import type { Kysely } from 'kysely';
import { clinicianReport } from '../core/report/clinician-report.js';
import { patientReport } from '../core/report/patient-report.js';
import type { ReportDocument } from '../core/report/report-document.js';
import type { ReportGait, ReportInput } from '../core/report/report-input.js';
import { skeletonStill } from '../core/report/skeleton-still.js';
import { representativeStill, stillPicture } from '../core/report/report-still.js';
import { gaitOfPeriod, REPORT_GAIT_ANALYSES } from '../core/report/clinician-report.js';
import { doneSessionDates } from '../core/program-engine.js';
import { stageByNumber } from '../core/stages.js';
import type { GaitAnalysisInput } from '../core/gait-findings.js';
import type { OutcomeMeasureId } from '../core/outcome-scoring.js';
import { SavedKeypointSeries } from '../gait/gait-analysis-record.js';
import type { KeypointSeries } from '../gait/keypoints.js';
import { renderReportPdf } from '../reports/render-pdf.js';
import { stillAsJpeg } from '../reports/still-jpeg.js';
import type { Database } from '../store/schema.js';
import { listCheckins } from '../store/repos/checkins.js';
import { getGaitStill, listGaitAnalyses } from '../store/repos/gait-analyses.js';
import { getGaitKeypoints } from '../store/repos/gait-keypoints.js';
import { listOutcomeScores } from '../store/repos/assessments.js';
import { getPerson } from '../store/repos/people.js';
import { listProgramEvents } from '../store/repos/program.js';
import { listScreens } from '../store/repos/screens.js';
import { listSessionDays } from '../store/repos/sessions.js';
import { dailyWalking } from '../store/repos/walking.js';
import { explainFor } from './assessment-service.js';
import { getToday } from './program-service.js';
import { SESSIONS_PER_WEEK } from '../core/clinical-constants.js';
import { invalidInput, notFoundHere } from './service-error.js';
import { refusal } from '../core/refusal-words.js';

export const REPORT_KINDS = ['clinician', 'patient'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * A gait analysis for the report, with the picture of its representative moment: the still saved with it when there
 * is one (as JPEG), else the stick figure of its representative frame when its keypoints were saved.
 */
async function gaitFor(
  db: Kysely<Database>,
  personId: string,
  a: Awaited<ReturnType<typeof listGaitAnalyses>>[number],
  withStill: boolean,
): Promise<ReportGait> {
  const analysis = a.analysis as unknown as GaitAnalysisInput & { events?: unknown; analysed_on?: unknown };
  const video = a.sourceName ?? 'the video';
  let skeleton: ReportGait['skeleton'] = null;
  let picture: ReportGait['picture'] = null;
  const chosen = withStill ? representativeStill(a.stills, analysis.events) : null;
  if (chosen !== null) {
    const stored = await getGaitStill(db, personId, a.id, chosen);
    const jpeg = stored ? await stillAsJpeg(stored) : null;
    if (jpeg)
      picture = stillPicture(
        a.stills[chosen]!,
        video,
        jpeg.toString('base64'),
        analysis.analysed_on === 'server' ? 'server' : 'device',
      );
  }
  if (withStill && !picture && a.hasKeypoints) {
    // Keypoints saved before their schema was bounded may not parse: the report then says there is no still.
    const parsed = SavedKeypointSeries.safeParse(await getGaitKeypoints(db, personId, a.id));
    if (parsed.success) skeleton = skeletonStill(parsed.data as unknown as KeypointSeries, analysis.events, video);
  }
  return {
    recordedAt: a.recordedAt,
    sourceName: a.sourceName,
    analysis,
    skeleton,
    picture,
    hasKeypoints: a.hasKeypoints,
  };
}

/** The period a report covers: from `from` (optional: the start of the record) to `today`, the day it is made for. */
export interface ReportPeriod {
  today: string;
  from?: string;
}

/** Everything a report is made from, for this person and period. */
export async function reportInputFor(
  db: Kysely<Database>,
  personId: string,
  period: ReportPeriod,
): Promise<ReportInput> {
  const { today, from } = period;
  if (from !== undefined && from > today)
    throw invalidInput(refusal('report.period-order', { from, to: today }), 'from');
  const person = await getPerson(db, personId);
  if (!person) throw notFoundHere(refusal('person.not-found'));
  const state = await getToday(db, personId, today);
  const [events, sessions, checkins, walking, outcomes, screens, chain, gait] = await Promise.all([
    listProgramEvents(db, personId),
    listSessionDays(db, personId),
    listCheckins(db, personId),
    dailyWalking(db, personId),
    listOutcomeScores(db, personId),
    listScreens(db, personId),
    explainFor(db, personId),
    listGaitAnalyses(db, personId),
  ]);
  const newest = gaitOfPeriod({ today, ...(from !== undefined ? { from } : {}), gait }).slice(0, REPORT_GAIT_ANALYSES);
  const p = state.program;
  return {
    today,
    ...(from !== undefined ? { from } : {}),
    person: { displayName: person.displayName, birthYear: person.birthYear },
    program: p
      ? {
          status: p.status,
          startedOn: p.startedOn,
          stageStartedOn: p.stageStartedOn,
          stage: (({ number, name, goal }) => ({ number, name, goal }))(stageByNumber(p.stage)),
        }
      : null,
    planItems:
      state.plan.status === 'active' ? state.plan.items.map((i) => ({ name: i.name, doseText: i.doseText })) : [],
    walkingTarget: p
      ? {
          steps: state.walking.steps,
          minutes: state.walking.minutes,
          basis: state.walking.clinician?.applied ? state.walking.clinician.text : state.walking.basis,
        }
      : null,
    sessionsPerWeek: SESSIONS_PER_WEEK,
    events: events.map((e) => ({
      onDate: e.onDate,
      action: e.action,
      fromStage: e.fromStage,
      toStage: e.toStage,
      actor: e.actor,
      reasons: e.reasons,
    })),
    checkins: checkins.map((c) => ({ date: c.date, context: c.context, back: c.back, neck: c.neck, foot: c.foot })),
    doneSessionDates: doneSessionDates(sessions),
    walkingDays: walking.map((d) => ({ date: d.date, steps: d.steps })),
    outcomes: outcomes.map((o) => ({
      measure: o.measureId as OutcomeMeasureId,
      recordedAt: o.recordedAt,
      score: o.score,
    })),
    screens: screens.map((s) => ({ takenAt: s.takenAt, result: s.result })),
    chain,
    gait: await Promise.all(gait.map((g) => gaitFor(db, personId, g, newest.includes(g)))),
    monitoring: (await monitoringFigures(db, personId, today)).periods,
  };
}

export function reportDocument(kind: ReportKind, input: ReportInput): ReportDocument {
  return kind === 'clinician' ? clinicianReport(input) : patientReport(input);
}

/** The report's content (what the web app draws as pictures on the patient page and Progress). */
export async function reportContent(
  db: Kysely<Database>,
  personId: string,
  options: { kind: ReportKind } & ReportPeriod,
): Promise<ReportDocument> {
  return reportDocument(options.kind, await reportInputFor(db, personId, options));
}

/** The report as PDF bytes. */
export async function reportPdf(
  db: Kysely<Database>,
  personId: string,
  options: { kind: ReportKind; createdAt?: Date } & ReportPeriod,
): Promise<Buffer> {
  return renderReportPdf(await reportContent(db, personId, options), options.createdAt ?? new Date());
}
