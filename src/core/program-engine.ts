/**
 * The program engine: from the stage, adherence and pain responses it decides progress, hold, regress or stop,
 * with reasons a person can read. Pure and deterministic: the same inputs always give the same decision.
 * Rules: DOMAIN.md §8 (pain-monitoring model [46], regression rules anchored to the MCID [39][5], adherence
 * convention) and §6 (any red flag stops).
 */
import {
  ADHERENCE_TARGET,
  MIN_DAYS_AT_STAGE,
  NEXT_MORNING_RISE_REGRESS,
  PAIN_DURING_ACCEPTABLE_MAX,
} from './clinical-constants.js';
import { addDays, daysBetween } from './dates.js';
import { LAST_STAGE } from './stages.js';
import type { CheckinContext } from './checkin-record.js';
import type { WeekVerdict } from './walking-target.js';
import { programEnglish, programText, type ProgramText } from './program-words.js';

export interface CheckinSummary {
  date: string;
  context: CheckinContext;
  /** Highest of the back, neck and foot scores given in this check-in. */
  maxPain: number;
}

export interface ProgramInput {
  today: string;
  stage: number;
  stageStartedOn: string;
  /** The first day of the program (the safety screen that cleared). */
  programStartedOn: string;
  /** True while a red flag from the latest safety screen stands. */
  redFlag: boolean;
  /** Dates of done guided sessions (doneSessionDates: completed ones only). */
  sessionDates: readonly string[];
  checkins: readonly CheckinSummary[];
  /** Sessions prescribed per week (the program is daily). */
  prescribedPerWeek: number;
}

export type ProgramAction = 'progress' | 'hold' | 'regress' | 'stop';

/** A reason of a decision: its rule, its English (`text`, made from `said`) and its id and figures (program-words.ts). */
export interface Reason {
  rule: string;
  text: string;
  said: ProgramText;
  refs: string[];
}
/** A requirement for the next stage, and where the person is with it (`detail`), each in English and by id. */
export interface Requirement {
  id: string;
  text: string;
  said: ProgramText;
  met: boolean;
  detail: string;
  detailSaid: ProgramText;
}

/** A reason from its id and figures, with its English. */
export function reason(rule: string, said: ProgramText, refs: string[] = []): Reason {
  return { rule, text: programEnglish(said), said, refs };
}

export interface ProgramDecision {
  action: ProgramAction;
  reasons: Reason[];
  /** What it takes to move to the next stage, each with whether it is met now. Empty at the last stage. */
  requirements: Requirement[];
  adherence: { done: number; prescribed: number; fraction: number };
  painBaseline: number | null;
}

/** How a saved session ended: every exercise done in full, or some part skipped or ended early. */
export type SessionStatus = 'completed' | 'partial';

/**
 * The one definition of a done session, used by every figure (adherence, the stage requirement, "today's session
 * is done", the Progress counts, the clinician's list): a session is done when every exercise in it was done in
 * full. A partial session stays in the record and is shown as "partly done", but it is not counted as done.
 */
export const DONE_SESSION_STATUS = 'completed' satisfies SessionStatus;
export function isDoneSession(s: { status: SessionStatus }): boolean {
  return s.status === DONE_SESSION_STATUS;
}

/** The dates of the done sessions (see isDoneSession), as the engine's `sessionDates` takes them. */
export function doneSessionDates(sessions: readonly { date: string; status: SessionStatus }[]): string[] {
  return sessions.filter(isDoneSession).map((s) => s.date);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The person's baseline pain: the mean of their daily check-ins in the program's first week. */
export function painBaseline(checkins: readonly CheckinSummary[], programStartedOn: string): number | null {
  const end = addDays(programStartedOn, 7);
  const first = checkins
    .filter((c) => c.context === 'daily' && c.date >= programStartedOn && c.date < end)
    .map((c) => c.maxPain);
  if (first.length) return mean(first);
  // Otherwise the earliest day with a daily check-in; all of that day's check-ins are averaged, so two check-ins
  // on one date give the same baseline whatever order the caller lists them in.
  const anyDaily = checkins.filter((c) => c.context === 'daily').sort((a, b) => a.date.localeCompare(b.date));
  const earliest = anyDaily[0]?.date;
  return earliest === undefined ? null : mean(anyDaily.filter((c) => c.date === earliest).map((c) => c.maxPain));
}

/** Done sessions in the 7 days up to today, counting at most one per day, against what was prescribed. */
export function adherence(sessionDates: readonly string[], today: string, since: string, prescribedPerWeek: number) {
  // A stage that begins after today has nothing prescribed yet: one session, none done.
  return windowAdherence(sessionDates, today, since, 7, prescribedPerWeek) ?? { done: 0, prescribed: 1, fraction: 0 };
}

/**
 * Done sessions on distinct days within the `days` days up to today (from `since` if later), against the sessions
 * prescribed in that span; null when `since` is after today.
 */
export function windowAdherence(
  sessionDates: readonly string[],
  today: string,
  since: string,
  days: number,
  prescribedPerWeek: number,
) {
  return adherenceIn(
    { doneDays: (from, to) => new Set(sessionDates.filter((d) => d >= from && d <= to)).size },
    today,
    since,
    days,
    prescribedPerWeek,
  );
}

/** windowAdherence over any record of done sessions: `doneDays` counts the days with one from `from` to `to`. */
export function adherenceIn(
  record: { doneDays(from: string, to: string): number },
  today: string,
  since: string,
  days: number,
  prescribedPerWeek: number,
) {
  const windowStart = addDays(today, -(days - 1));
  const from = windowStart > since ? windowStart : since;
  if (from > today) return null;
  const prescribed = Math.max(1, Math.round((prescribedPerWeek * (daysBetween(from, today) + 1)) / 7));
  const done = record.doneDays(from, today);
  return { done, prescribed, fraction: Math.min(1, done / prescribed) };
}

/** The mean of the daily check-ins' highest scores over the 7 days up to today; null without any. */
export function recentDailyPainMean(
  dailies: readonly { date: string; maxPain: number }[],
  today: string,
): number | null {
  return recentPainMeanIn(
    {
      dailyPain: (from, to) => {
        let sum = 0;
        let count = 0;
        for (const c of dailies)
          if (c.date >= from && c.date <= to) {
            sum += c.maxPain;
            count++;
          }
        return { sum, count };
      },
    },
    today,
  );
}

/** recentDailyPainMean over any record of daily pain: `dailyPain` sums and counts the scores from `from` to `to`. */
export function recentPainMeanIn(
  record: { dailyPain(from: string, to: string): { sum: number; count: number } },
  today: string,
): number | null {
  const { sum, count } = record.dailyPain(addDays(today, -6), today);
  return count ? sum / count : null;
}

/** Decides today's program action. */
export function decideProgram(input: ProgramInput): ProgramDecision {
  const baseline = painBaseline(input.checkins, input.programStartedOn);
  const windowStart = addDays(input.today, -6) > input.stageStartedOn ? addDays(input.today, -6) : input.stageStartedOn;
  const recent = input.checkins.filter((c) => c.date >= windowStart && c.date <= input.today);
  const adh = adherence(input.sessionDates, input.today, input.stageStartedOn, input.prescribedPerWeek);
  const reasons: Reason[] = [];

  if (input.redFlag) {
    return {
      action: 'stop',
      adherence: adh,
      painBaseline: baseline,
      requirements: [],
      reasons: [reason('red-flag', programText('stop.red-flag'), ['33', '34'])],
    };
  }

  // Regress triggers (DOMAIN.md §8): pain during activity above 5/10; next-morning pain above baseline + 2.
  const highActivity = recent.filter((c) => c.context === 'after' && c.maxPain > PAIN_DURING_ACCEPTABLE_MAX);
  if (highActivity.length) {
    reasons.push(
      reason(
        'activity-pain-high',
        programText('regress.activity-pain-high', {
          limit: PAIN_DURING_ACCEPTABLE_MAX,
          dates: highActivity.map((c) => c.date),
        }),
        ['46'],
      ),
    );
  }
  const morningHigh =
    baseline === null
      ? []
      : recent.filter((c) => c.context === 'daily' && c.maxPain > baseline + NEXT_MORNING_RISE_REGRESS);
  if (morningHigh.length) {
    reasons.push(
      reason(
        'morning-pain-rise',
        programText('regress.morning-pain-rise', { points: NEXT_MORNING_RISE_REGRESS, baseline: baseline! }),
        ['39', '5'],
      ),
    );
  }
  if (reasons.length) {
    if (input.stage <= 1) {
      reasons.push(reason('lowest-stage', programText('hold.lowest-stage')));
      return {
        action: 'hold',
        reasons,
        requirements: requirementsFor(input, adh, recent, baseline),
        adherence: adh,
        painBaseline: baseline,
      };
    }
    return {
      action: 'regress',
      reasons,
      requirements: requirementsFor(input, adh, recent, baseline),
      adherence: adh,
      painBaseline: baseline,
    };
  }

  const requirements = requirementsFor(input, adh, recent, baseline);
  if (requirements.length && requirements.every((r) => r.met)) {
    return {
      action: 'progress',
      requirements,
      adherence: adh,
      painBaseline: baseline,
      reasons: [reason('all-met', programText('progress.all-met'), ['46'])],
    };
  }
  const unmet = requirements.filter((r) => !r.met);
  return {
    action: 'hold',
    requirements,
    adherence: adh,
    painBaseline: baseline,
    reasons:
      input.stage >= LAST_STAGE
        ? [reason('last-stage', programText('hold.last-stage'))]
        : unmet.map((r) => reason(r.id, programText('hold.unmet', { requirement: r.said, detail: r.detailSaid }))),
  };
}

function requirementsFor(
  input: ProgramInput,
  adh: ReturnType<typeof adherence>,
  recent: readonly CheckinSummary[],
  baseline: number | null,
): Requirement[] {
  if (input.stage >= LAST_STAGE) return [];
  const daysAtStage = daysBetween(input.stageStartedOn, input.today);
  const activity = recent.filter((c) => c.context === 'after');
  const maxActivity = activity.length ? Math.max(...activity.map((c) => c.maxPain)) : null;
  const lastWeek = input.checkins
    .filter((c) => c.context === 'daily' && c.date >= addDays(input.today, -13) && c.date < addDays(input.today, -6))
    .map((c) => c.maxPain);
  const thisWeek = recent.filter((c) => c.context === 'daily').map((c) => c.maxPain);
  const lastMean = mean(lastWeek);
  const thisMean = mean(thisWeek);
  const morningOk =
    thisMean !== null &&
    (lastMean === null ? baseline === null || thisMean <= baseline + NEXT_MORNING_RISE_REGRESS : thisMean <= lastMean);
  return [
    requirement(
      'time-at-stage',
      programText('requirement.time-at-stage', { days: MIN_DAYS_AT_STAGE }),
      daysAtStage >= MIN_DAYS_AT_STAGE,
      programText('requirement.time-at-stage.so-far', { days: daysAtStage, of: MIN_DAYS_AT_STAGE }),
    ),
    requirement(
      'adherence',
      programText('requirement.adherence', { percent: Math.round(ADHERENCE_TARGET * 100) }),
      adh.fraction >= ADHERENCE_TARGET,
      programText('requirement.adherence.done', { done: adh.done, prescribed: adh.prescribed }),
    ),
    requirement(
      'activity-pain',
      programText('requirement.activity-pain', { limit: PAIN_DURING_ACCEPTABLE_MAX }),
      maxActivity !== null && maxActivity <= PAIN_DURING_ACCEPTABLE_MAX,
      maxActivity === null
        ? programText('requirement.activity-pain.none')
        : programText('requirement.activity-pain.highest', { highest: maxActivity }),
    ),
    requirement(
      'daily-pain-steady',
      programText('requirement.daily-pain-steady'),
      morningOk,
      thisMean === null
        ? programText('requirement.daily-pain-steady.none')
        : programText('requirement.daily-pain-steady.average', { thisWeek: thisMean, weekBefore: lastMean }),
    ),
  ];
}

function requirement(id: string, said: ProgramText, met: boolean, detailSaid: ProgramText): Requirement {
  return { id, text: programEnglish(said), said, met, detail: programEnglish(detailSaid), detailSaid };
}

/** Verdicts of each complete week since `from`, for the walking target: a flare if a regress rule fired in it,
 * 'hold' if there were no check-ins to judge by, else 'ok'. */
export function weekVerdicts(
  checkins: readonly CheckinSummary[],
  from: string,
  today: string,
  baseline: number | null,
): WeekVerdict[] {
  const verdicts: WeekVerdict[] = [];
  for (let start = from; daysBetween(start, today) >= 7; start = addDays(start, 7)) {
    const end = addDays(start, 7);
    const week = checkins.filter((c) => c.date >= start && c.date < end);
    const flare = week.some(
      (c) =>
        (c.context === 'after' && c.maxPain > PAIN_DURING_ACCEPTABLE_MAX) ||
        (c.context === 'daily' && baseline !== null && c.maxPain > baseline + NEXT_MORNING_RISE_REGRESS),
    );
    verdicts.push(flare ? 'flare' : week.length === 0 ? 'hold' : 'ok');
  }
  return verdicts;
}
