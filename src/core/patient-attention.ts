/**
 * Which patients a clinician should look at: the patient list's pain trend and "needs attention" reasons. Pure and
 * deterministic; the list (src/core/patient-list-figures.ts) feeds it figures for the date asked.
 *
 * - Pain trend: the program's first-week daily pain (painBaseline) against the mean of the last 7 days' daily
 *   check-ins, judged by the NPRS MCID (DOMAIN.md §7 [39]: 2 points, or 30% for an improvement).
 * - Needs attention: a red flag (the program stopped after a safety answer, DOMAIN.md §6), pain meaningfully worse,
 *   no check-in for 7 days, or sessions on under half the days of the last 7 (DOMAIN.md §8's re-plan threshold).
 *
 * A fair window (issue 17: a patient who signed up today was flagged "adherence under 50%"): DOMAIN.md §8 judges
 * adherence as the share of a week's prescribed sessions (>= 80% adherent; under 50% for two weeks: re-plan), so a
 * week's share is judged only once the whole week lies in the running program: from the seventh day of the
 * program, and from the seventh day after a restart (sessions are refused while a safety answer has paused it),
 * never while it is paused (the red flag says why). Likewise "no check-in for 7 days" waits for 7 days of program.
 */
import { ADHERENCE_REPLAN_BELOW, NPRS_MCID_POINTS } from './clinical-constants.js';
import { daysBetween } from './dates.js';
import { isMeaningfulImprovement, isMeaningfulWorsening } from './pain.js';

/** Days of running program before a week's adherence is judged: one whole week. DOMAIN.md §8 (adherence is a
 * share of the week's prescribed sessions; the re-plan rule looks at whole weeks); the fair window is EO. */
export const ADHERENCE_JUDGED_AFTER_DAYS = 7;
/** Days without a check-in that call for a look, counted once the program has run that long. DOMAIN.md §6 (re-screen
 * at each check-in: a patient who stops checking in is not being screened); the 7 days are EO. */
export const NO_CHECKIN_ATTENTION_DAYS = 7;

export type PainTrendStatus = 'improved' | 'no-meaningful-change' | 'worse';
export interface PainTrend {
  baseline: number;
  recent: number;
  status: PainTrendStatus;
  mcidPoints: number;
}

/** The pain trend, rounded to one decimal for display (the judgement uses the exact means); null without both. */
export function painTrend(baseline: number | null, recentMean: number | null): PainTrend | null {
  if (baseline === null || recentMean === null) return null;
  const status: PainTrendStatus = isMeaningfulImprovement(baseline, recentMean)
    ? 'improved'
    : isMeaningfulWorsening(baseline, recentMean)
      ? 'worse'
      : 'no-meaningful-change';
  return {
    baseline: Math.round(baseline * 10) / 10,
    recent: Math.round(recentMean * 10) / 10,
    status,
    mcidPoints: NPRS_MCID_POINTS,
  };
}

/** The program as the attention rules see it. `resumedOn`: the latest restart after a safety stop, if any. */
export interface ProgramState {
  startedOn: string;
  status: 'active' | 'stopped';
  resumedOn: string | null;
}

/** Whether this week's adherence can be judged on `today`: the program runs and has run a whole week (see above). */
export function adherenceJudged(program: ProgramState, today: string): boolean {
  if (program.status !== 'active') return false;
  const since =
    program.resumedOn !== null && program.resumedOn > program.startedOn ? program.resumedOn : program.startedOn;
  return daysBetween(since, today) >= ADHERENCE_JUDGED_AFTER_DAYS - 1;
}

export interface AttentionInput {
  today: string;
  program: ProgramState | null;
  /** Share of the last 7 days' prescribed sessions done (null without a program). */
  adherence7: number | null;
  painTrend: PainTrendStatus | null;
  lastCheckinDate: string | null;
}

export const ATTENTION = {
  redFlag: 'red flag: program stopped after a safety answer',
  painWorse: 'pain meaningfully worse',
  noCheckin: `no check-in for ${NO_CHECKIN_ATTENTION_DAYS} days`,
  lowAdherence: `adherence under ${Math.round(ADHERENCE_REPLAN_BELOW * 100)}% this week`,
} as const;

/** The reasons to look at this patient today, in a fixed order (empty when none). */
export function attentionReasons(input: AttentionInput): string[] {
  const { program, today } = input;
  const reasons: string[] = [];
  if (program?.status === 'stopped') reasons.push(ATTENTION.redFlag);
  if (input.painTrend === 'worse') reasons.push(ATTENTION.painWorse);
  if (
    program &&
    daysBetween(program.startedOn, today) >= NO_CHECKIN_ATTENTION_DAYS &&
    (input.lastCheckinDate === null || daysBetween(input.lastCheckinDate, today) >= NO_CHECKIN_ATTENTION_DAYS)
  )
    reasons.push(ATTENTION.noCheckin);
  if (
    program &&
    input.adherence7 !== null &&
    input.adherence7 < ADHERENCE_REPLAN_BELOW &&
    adherenceJudged(program, today)
  )
    reasons.push(ATTENTION.lowAdherence);
  return reasons;
}
