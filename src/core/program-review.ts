/**
 * The full review behind "the program reacts": the engine's pain-monitoring decision (program-engine.ts) plus
 * the other DOMAIN.md §8 rules that need more data: first-step heel pain rising two days running and new
 * lower-limb symptoms (regress), low adherence for two weeks (re-plan, no progress), and the referral rules (no
 * meaningful improvement after 6 weeks, worsening despite a regression, high-risk STarT Back). It also says when
 * the red-flag screen is due again. Pure and deterministic.
 */
import { ADHERENCE_REPLAN_BELOW, NO_IMPROVEMENT_REFER_WEEKS, NPRS_MCID_POINTS } from './clinical-constants.js';
import { addDays, daysBetween } from './dates.js';
import { isMeaningfulImprovement } from './pain.js';
import {
  adherence,
  decideProgram,
  painBaseline,
  reason,
  recentDailyPainMean,
  type ProgramDecision,
  type ProgramInput,
  type Reason,
} from './program-engine.js';
import { FIRST_STAGE } from './stages.js';
import { programEnglish, programText, type ProgramText } from './program-words.js';

/** Full red-flag screen again at least every 4 weeks: DOMAIN.md §6 asks to re-screen at each check-in; Footing asks a
 * short "anything new?" at each daily check-in and the whole screen on this schedule (design choice, EO). */
export const RESCREEN_EVERY_DAYS = 28;
/** A day-to-day rise in daily pain of at least the NPRS MCID counts as a sharp rise and brings the screen forward
 * (DOMAIN.md §7 [39] MCID; trigger is a design choice, EO). */
export const SHARP_RISE_POINTS = NPRS_MCID_POINTS;

export type OutcomeResponse = 'improved' | 'no-meaningful-change' | 'worse';

export interface ReviewInput extends ProgramInput {
  /** Daily first-step heel pain scores (0-10), one per date at most. */
  heelFirstSteps: readonly { date: string; value: number }[];
  /** Dates on which new foot, knee or hip symptoms were reported. */
  newLowerLimbDates: readonly string[];
  /** Responder status of each outcome measure against its own baseline (MCID rules of DOMAIN.md §7). */
  outcomes: readonly { measure: string; response: OutcomeResponse }[];
  /** Latest STarT Back risk group, if a clinician recorded one. */
  startBackRisk: 'low' | 'medium' | 'high' | null;
  /** Date of the latest full red-flag screen. */
  lastScreenOn: string | null;
  /** Date of the latest regression, if any. */
  lastRegressOn: string | null;
}

export interface ProgramReview extends ProgramDecision {
  /** Reasons to see a clinician (not red flags: the program can go on meanwhile, without progressing). */
  referral: Reason[];
  /** Whether the safety questions are due again, and why (in English, and by id: `said`). */
  rescreen: Rescreen;
  /**
   * Set by the program service (not by reviewProgram) when the review changed after today's decision was applied,
   * e.g. by pain after this evening's session: the action is what the review says now, and the stage moves at
   * tomorrow's first review (a decision applies once a day). Absent: the action is in effect.
   */
  pending?: true;
}

export interface Rescreen {
  due: boolean;
  reason: string | null;
  said: ProgramText | null;
}

/** Reviews the program. A red flag stops everything; otherwise the strictest applicable action wins. */
export function reviewProgram(input: ReviewInput): ProgramReview {
  const base = decideProgram(input);
  const rescreen = rescreenDue(input);
  if (base.action === 'stop') return { ...base, referral: [], rescreen };

  const windowStart = addDays(input.today, -6) > input.stageStartedOn ? addDays(input.today, -6) : input.stageStartedOn;
  const extraRegress: Reason[] = [];
  if (heelPainRisingTwoDays(input.heelFirstSteps.filter((h) => h.date >= windowStart && h.date <= input.today))) {
    extraRegress.push(reason('heel-first-steps-rising', programText('regress.heel-first-steps-rising'), ['13', '46']));
  }
  const newSymptoms = input.newLowerLimbDates.filter((d) => d >= windowStart && d <= input.today);
  if (newSymptoms.length) {
    extraRegress.push(
      reason('new-lower-limb-symptoms', programText('regress.new-lower-limb-symptoms', { dates: newSymptoms }), ['5']),
    );
  }

  const referral = referralReasons(input);
  const replan = lowAdherenceTwoWeeks(input);

  let action = base.action;
  let reasons = [...base.reasons];
  if (extraRegress.length) {
    reasons =
      base.action === 'regress' || (base.action === 'hold' && base.reasons.some((r) => r.rule === 'lowest-stage'))
        ? [...reasons, ...extraRegress]
        : extraRegress;
    if (input.stage <= FIRST_STAGE) {
      action = 'hold';
      if (!reasons.some((r) => r.rule === 'lowest-stage'))
        reasons.push(reason('lowest-stage', programText('hold.lowest-stage')));
    } else action = 'regress';
  }
  if (action === 'progress' && (referral.length || replan)) {
    action = 'hold';
    reasons = [];
  }
  if (replan && action !== 'regress') reasons.push(replan);
  if (referral.length && action === 'hold') reasons.push(reason('referral', programText('hold.referral')));
  return { ...base, action, reasons, referral, rescreen };
}

function heelPainRisingTwoDays(values: readonly { date: string; value: number }[]): boolean {
  const sorted = [...values].sort((a, b) => a.date.localeCompare(b.date));
  for (let i = 2; i < sorted.length; i++) {
    const [a, b, c] = [sorted[i - 2]!, sorted[i - 1]!, sorted[i]!];
    if (
      daysBetween(a.date, b.date) === 1 &&
      daysBetween(b.date, c.date) === 1 &&
      b.value > a.value &&
      c.value > b.value
    )
      return true;
  }
  return false;
}

function lowAdherenceTwoWeeks(input: ReviewInput): Reason | null {
  if (daysBetween(input.programStartedOn, input.today) < 13) return null;
  const thisWeek = adherence(input.sessionDates, input.today, input.programStartedOn, input.prescribedPerWeek);
  const lastWeek = adherence(
    input.sessionDates,
    addDays(input.today, -7),
    input.programStartedOn,
    input.prescribedPerWeek,
  );
  if (thisWeek.fraction < ADHERENCE_REPLAN_BELOW && lastWeek.fraction < ADHERENCE_REPLAN_BELOW) {
    return reason(
      'low-adherence',
      programText('replan.low-adherence', { weekBefore: lastWeek.done, thisWeek: thisWeek.done }),
    );
  }
  return null;
}

function referralReasons(input: ReviewInput): Reason[] {
  const reasons: Reason[] = [];
  const dailies = input.checkins.filter((c) => c.context === 'daily').sort((a, b) => a.date.localeCompare(b.date));
  const weeks = daysBetween(input.programStartedOn, input.today) / 7;
  if (weeks >= NO_IMPROVEMENT_REFER_WEEKS) {
    const baseline = painBaseline(input.checkins, input.programStartedOn);
    const recentMean = recentDailyPainMean(dailies, input.today);
    const painImproved = baseline !== null && recentMean !== null && isMeaningfulImprovement(baseline, recentMean);
    const outcomeImproved = input.outcomes.some((o) => o.response === 'improved');
    if (baseline !== null && recentMean !== null && !painImproved && !outcomeImproved) {
      reasons.push(
        reason(
          'no-improvement-6-weeks',
          programText('referral.no-improvement', { weeks: NO_IMPROVEMENT_REFER_WEEKS, from: baseline, to: recentMean }),
          ['33', '39'],
        ),
      );
    }
  }
  if (input.lastRegressOn) {
    const since = dailies.filter((c) => c.date > input.lastRegressOn! && c.date <= input.today);
    const lastThree = since.slice(-3);
    if (
      lastThree.length === 3 &&
      lastThree[1]!.maxPain > lastThree[0]!.maxPain &&
      lastThree[2]!.maxPain > lastThree[1]!.maxPain
    ) {
      reasons.push(reason('worse-despite-regression', programText('referral.worse-despite-regression'), ['33']));
    }
  }
  if (input.startBackRisk === 'high') {
    reasons.push(reason('start-back-high', programText('referral.start-back-high'), ['45', '33']));
  }
  if (input.outcomes.some((o) => o.response === 'worse')) {
    reasons.push(reason('outcome-worse', programText('referral.outcome-worse'), ['39']));
  }
  return reasons;
}

/** Due again, and why. */
const due = (said: ProgramText): Rescreen => ({ due: true, reason: programEnglish(said), said });

function rescreenDue(input: ReviewInput): Rescreen {
  if (!input.lastScreenOn) return due(programText('rescreen.first'));
  if (daysBetween(input.lastScreenOn, input.today) >= RESCREEN_EVERY_DAYS)
    return due(programText('rescreen.interval', { days: RESCREEN_EVERY_DAYS }));
  const dailies = input.checkins
    .filter((c) => c.context === 'daily' && c.date > input.lastScreenOn!)
    .sort((a, b) => a.date.localeCompare(b.date) || a.maxPain - b.maxPain);
  for (let i = 1; i < dailies.length; i++) {
    if (dailies[i]!.maxPain - dailies[i - 1]!.maxPain >= SHARP_RISE_POINTS)
      return due(programText('rescreen.sharp-rise', { from: dailies[i - 1]!.maxPain, to: dailies[i]!.maxPain }));
  }
  return { due: false, reason: null, said: null };
}
