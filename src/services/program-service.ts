/**
 * The program as a person lives it: the safety screen, today's plan, the daily decision of the engine, and
 * progress. Joins the store to the pure core; every write that belongs together runs in one transaction.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../core/dates.js';
import { SESSIONS_PER_WEEK } from '../core/clinical-constants.js';
import {
  doneSessionDates,
  painBaseline,
  weekVerdicts,
  type CheckinSummary,
  type SessionStatus,
} from '../core/program-engine.js';
import { reviewProgram, type ProgramReview } from '../core/program-review.js';
import { evaluateScreen, type ScreenAnswers, type ScreenResult } from '../core/red-flags.js';
import { screenProblemText } from '../core/validation-words.js';
import { todayPlan, type TodayPlan } from '../core/plan.js';
import { FIRST_STAGE, stageByNumber } from '../core/stages.js';
import { afterReview, afterScreen } from '../core/program-transitions.js';
import { baselineWindowBounds, walkingTarget, type WalkingTarget } from '../core/walking-target.js';
import { applyWalkingOverride } from '../core/walking-override.js';
import type { DailyWalking } from '../core/walking-day-record.js';
import { conflictWith, invalidInput } from './service-error.js';
import { refusal } from '../core/refusal-words.js';
import type { Database } from '../store/schema.js';
import { setBirthYear } from '../store/repos/people.js';
import { insertScreen } from '../store/repos/screens.js';
import { readPlanHistory } from '../store/repos/person-history.js';
import {
  addProgramEvent,
  getProgram,
  listProgramEvents,
  upsertProgram,
  type Program,
  type ProgramEvent,
} from '../store/repos/program.js';
import type { CheckinSignals } from '../store/repos/checkins.js';
import { maxPain } from '../core/pain.js';
import { listSessions } from '../store/repos/sessions.js';
import { dailyWalking } from '../store/repos/walking.js';
import { reviewInputsOf } from './assessment-service.js';

/** Review rules that report a new signal (pain, symptoms, adherence) rather than an unmet requirement. */
const SIGNAL_RULES = new Set([
  'activity-pain-high',
  'morning-pain-rise',
  'heel-first-steps-rising',
  'new-lower-limb-symptoms',
  'low-adherence',
  'referral',
]);

export interface ScreenOutcome {
  result: ScreenResult;
  program: Program;
}

export async function submitScreen(
  db: Kysely<Database>,
  personId: string,
  input: { answers: ScreenAnswers; birthYear?: number | null | undefined; clinicianCleared?: boolean | undefined },
  today: string,
): Promise<ScreenOutcome> {
  const { problems, result } = evaluateScreen(input.answers);
  if (!result)
    throw invalidInput(
      { message: problems[0]!.message, text: screenProblemText(problems[0]!) },
      `answers.${problems[0]!.field}`,
    );
  return db.transaction().execute(async (trx) => {
    const change = afterScreen(await getProgram(trx, personId), result, input.clinicianCleared ?? false, today);
    if ('refused' in change) throw conflictWith(refusal('program.resume-needs-clinician'), 'clinicianCleared');
    const now = new Date().toISOString();
    await insertScreen(trx, personId, now, input.answers, result);
    if (input.birthYear !== undefined) await setBirthYear(trx, personId, input.birthYear);
    if (change.event) await addProgramEvent(trx, personId, { at: now, ...change.event });
    await upsertProgram(trx, personId, change.program);
    return { result, program: change.program };
  });
}

export interface TodayState {
  date: string;
  /** The latest safety check: when, the person's answers (for the printable "My answers" page) and its result. */
  screen: { takenAt: string; answers: ScreenAnswers; result: ScreenResult } | null;
  program: Program | null;
  plan: TodayPlan;
  decision: ProgramReview | null;
  walking: WalkingTarget;
  /** Whether a session was done today (in full: isDoneSession; a partial one does not count). */
  sessionDoneToday: boolean;
  /** The person's age this year when they gave a birth year (for age-specific references), else null. */
  age: number | null;
}

function summaries(checkins: readonly CheckinSignals[]): CheckinSummary[] {
  return checkins.map((c) => ({ date: c.date, context: c.context, maxPain: maxPain(c) }));
}

/** The person's age this year, when they gave a birth year. */
function ageIn(person: { birthYear: number | null } | null | undefined, today: string): number | null {
  return person?.birthYear ? Number(today.slice(0, 4)) - person.birthYear : null;
}

/**
 * Today's state. On the first call of a day it applies the engine's decision (progress or regress moves the stage,
 * with an event holding the reasons); later calls that day read the same decision again without changing anything.
 */
export async function getToday(db: Kysely<Database>, personId: string, today: string): Promise<TodayState> {
  // The whole history is read on every call, in one statement (src/store/repos/person-history.ts), with only the
  // fields the engine reads (no body maps or items). Of the walking days, only those any baseline window of today can
  // hold are read (whatever the program's start, which today's decision may move): older days (an import of
  // years-old data) cannot change the target.
  const history = await readPlanHistory(db, personId, baselineWindowBounds(today));
  const { screen, checkins: rawCheckins, sessionDays, events } = history;
  let program = history.program;
  const checkins = summaries(rawCheckins);
  const doneDates = doneSessionDates(sessionDays);
  let decision: ProgramReview | null = null;
  const review = program ? reviewInputsOf(history.outcomeScores) : null;

  if (program && review) {
    decision = reviewProgram({
      today,
      stage: program.stage,
      stageStartedOn: program.stageStartedOn,
      programStartedOn: program.startedOn,
      redFlag: screen?.result.status === 'stop',
      sessionDates: doneDates,
      checkins,
      prescribedPerWeek: SESSIONS_PER_WEEK,
      heelFirstSteps: rawCheckins
        .filter((c) => c.heelFirstSteps !== null)
        .map((c) => ({ date: c.date, value: c.heelFirstSteps! })),
      newLowerLimbDates: rawCheckins.filter((c) => c.newLowerLimbSymptoms).map((c) => c.date),
      outcomes: review.outcomes,
      startBackRisk: review.startBackRisk,
      lastScreenOn: screen ? screen.takenAt.slice(0, 10) : null,
      lastRegressOn: events.filter((e) => e.action === 'regress').at(-1)?.onDate ?? null,
    });
    const deciding = program.status === 'active' && program.decidedOn !== today;
    if (deciding) program = await applyDecision(db, personId, program, decision, today);
    // The decision applied today stands for the rest of the day: after a stage change, re-judging the new stage
    // (started today) would read "hold" and hide why the plan changed. The events are read again only when this
    // call may have added one.
    const appliedToday = (deciding ? await listProgramEvents(db, personId) : events)
      .filter((e) => e.onDate === today && (e.action === 'progress' || e.action === 'regress'))
      .at(-1);
    if (appliedToday && decision.action !== 'stop') {
      // New signals since the change (e.g. symptoms reported later today) are added to its reasons. Pain that calls
      // for a step back after this morning's step up (the new stage hurt) is said as what happens next.
      const shown = new Set(appliedToday.reasons.map((r) => r.rule));
      const fresh = decision.reasons.filter((r) => SIGNAL_RULES.has(r.rule) && !shown.has(r.rule));
      const stepsBack = decision.action === 'regress' && appliedToday.action === 'progress';
      // A step back gives the step back's own reasons: this morning's reasons for stepping up are not reasons for it.
      decision = {
        ...decision,
        action: stepsBack ? 'regress' : (appliedToday.action as 'progress' | 'regress'),
        reasons: stepsBack ? decision.reasons : [...appliedToday.reasons, ...fresh],
        ...(stepsBack ? { pending: true as const } : {}),
      };
    } else if (
      !deciding &&
      program.status === 'active' &&
      program.decidedOn === today &&
      (decision.action === 'regress' || decision.action === 'progress')
    ) {
      // Today's decision was applied earlier (a hold) and a signal since then changed the review (DOMAIN.md §8: pain
      // after a session above 5/10 means reduce the load): the review says so at once; the stage moves tomorrow.
      decision = { ...decision, pending: true };
    }
  }

  const baseline = program ? painBaseline(checkins, program.startedOn) : null;
  const weeks = program ? weekVerdicts(checkins, program.startedOn, today, baseline) : [];
  const age = ageIn(history, today);
  const programStartedOn = program?.startedOn ?? null;
  // The window follows the program as it is after today's decision; walkingTarget counts only the window's days.
  const days = history.walkingDays;
  // A clinician's target replaces the computed one; their cap lowers it to the cap (src/core/walking-override.ts).
  const walking = applyWalkingOverride(
    walkingTarget({ today, programStartedOn, days, weeks, age }),
    program?.walkingOverride ?? null,
  );
  const plan = todayPlan({
    screen: screen?.result ?? null,
    stage: program?.stage ?? FIRST_STAGE,
    walking,
    doseOverrides: program?.doseOverrides ?? null,
  });
  return {
    date: today,
    screen: screen ? { takenAt: screen.takenAt, answers: screen.answers, result: screen.result } : null,
    program,
    plan,
    decision,
    walking,
    sessionDoneToday: doneDates.includes(today),
    age,
  };
}

async function applyDecision(
  db: Kysely<Database>,
  personId: string,
  program: Program,
  decision: ProgramReview,
  today: string,
): Promise<Program> {
  return db.transaction().execute(async (trx) => {
    // Re-read inside the transaction: another request may have applied today's decision already.
    const current = await getProgram(trx, personId);
    const change = afterReview(current, decision, today);
    if (!change) return current ?? program;
    if (change.event) await addProgramEvent(trx, personId, { at: new Date().toISOString(), ...change.event });
    await upsertProgram(trx, personId, change.program);
    return change.program;
  });
}

export interface Progress {
  date: string;
  stage: { number: number; name: string; goal: string } | null;
  decision: ProgramReview | null;
  events: ProgramEvent[];
  sessions: { date: string; status: SessionStatus }[];
  weekAdherence: { done: number; prescribed: number; fraction: number } | null;
  walkingDays: DailyWalking[];
  walking: WalkingTarget;
}

export async function getProgress(db: Kysely<Database>, personId: string, today: string): Promise<Progress> {
  const state = await getToday(db, personId, today);
  const events = await listProgramEvents(db, personId);
  const sessions = await listSessions(db, personId);
  const walkingDays = await dailyWalking(db, personId, { from: addDays(today, -89), to: today });
  return {
    date: today,
    stage: state.program
      ? (({ number, name, goal }) => ({ number, name, goal }))(stageByNumber(state.program.stage))
      : null,
    decision: state.decision,
    events,
    sessions: sessions.map((s) => ({ date: s.date, status: s.status })),
    weekAdherence: state.decision?.adherence ?? null,
    walkingDays,
    walking: state.walking,
  };
}
