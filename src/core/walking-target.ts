/**
 * The daily walking target, from the person's own recent walking (DOMAIN.md §2b 2.8 [5], EO heuristic: "start from
 * the user's 7-day baseline and raise the weekly step or minute target by about 10-20% only if pain stays within
 * the §8 rules. Hold or regress on flare."). Ceilings from §2a 2.1 [5] and §2b 2.5 [6].
 *
 * The baseline is the mean of the days with data in one window of WALKING_BASELINE_DAYS (7) days that ends before
 * today (see `baselineWindow`). Only those days count: days older than the window are ignored however many there
 * are (importing a 2016 file changes nothing today), and days of the window without data are left out of the mean,
 * never filled in from older days. With fewer than WALKING_BASELINE_MIN_DAYS (3) days of data in the window the
 * target is provisional: the gentle start of WALKING_START_MINUTES (10) minutes, or the mean minutes of the days
 * there are when that is more (DOMAIN.md gives no rule for too few days; this is the design default, EO).
 *
 * The target is weekly, as DOMAIN.md words it: each program week's target comes from the week before it (the
 * window), raised by WALKING_WEEKLY_INCREASE (10%) when that week's pain stayed within the rules, kept when there
 * were no check-ins to judge by, and lowered by the same 10% after a flare. Because the window is the person's own
 * last week, a week walked at the target becomes the next week's baseline: the target grows by 10% a week while
 * the person keeps up, and follows them down when they do not. Before the program's first complete week (or
 * without a program) the window is the 7 days before today and the target is that baseline, not raised.
 */
import {
  CADENCE_MODERATE_SPM,
  STEPS_PLATEAU_60_PLUS,
  STEPS_PLATEAU_AGE,
  STEPS_PLATEAU_UNDER_60,
  WALKING_BASELINE_DAYS,
  WALKING_BASELINE_MIN_DAYS,
  WALKING_GOAL_MINUTES,
  WALKING_START_MINUTES,
  WALKING_WEEKLY_INCREASE,
} from './clinical-constants.js';
import { addDays, dayMonth, daysBetween } from './dates.js';
import type { DailyWalking } from './walking-day-record.js';

/** How a completed week went, judged by the pain rules (src/core/program-engine.ts). */
export type WeekVerdict = 'ok' | 'hold' | 'flare';

/** A clinician's walking figure as set: what, how much, why, by whom and when (a FHIR export carries this). */
export interface ClinicianWalkingFigure {
  /** 'target' replaces the target; 'cap' is the most it may be. */
  kind: 'target' | 'cap';
  /** The figure the clinician set: steps or minutes, the other null. */
  steps: number | null;
  minutes: number | null;
  reason: string;
  /** The clinician's name, and the date they set it. */
  setBy: string;
  setOn: string;
}

/** A clinician's setting of the target as the patient reads it (applied by src/core/walking-override.ts). */
export interface ClinicianWalkingSetting extends ClinicianWalkingFigure {
  /** False for a cap at or above the person's own target: it changes nothing today. */
  applied: boolean;
  /** The target from the person's own days, before the clinician's setting. */
  own: { steps: number | null; minutes: number };
  /** One sentence: who set what and when, and what the person's own days give. */
  text: string;
}

export interface WalkingTarget {
  /** Daily step target, when the person's walking is counted in steps. */
  steps: number | null;
  /** Daily minutes target (for a step target: about how long those steps take). */
  minutes: number;
  /** True until the window holds enough days of data for a baseline. */
  provisional: boolean;
  baselineSteps: number | null;
  baselineMinutes: number | null;
  /** The baseline window (inclusive dates) and how many of its days had walking data. */
  window: { from: string; to: string; daysWithData: number };
  /** Plain words on how the target was set from the person's own days, naming the window (English: basisEnglish). */
  basis: string;
  /** The same by id and figures, for the reader's language (src/core/i18n/walking-texts.ts writes the Spanish). */
  basisText: WalkingBasisText;
  /** A clinician's target or cap, when one is set (null otherwise). */
  clinician: ClinicianWalkingSetting | null;
}

/**
 * How the target was set, by id with its figures (issue 14 item 8): `basis` is its English, and a screen in another
 * language writes its own from the same figures, never from the English.
 */
export type WalkingBasisText =
  /** Too few days of data in the window: the gentle start. */
  | {
      id: 'walking-basis.provisional';
      params: { from: string; to: string; days: number; withData: number; needDays: number; startMinutes: number };
    }
  /** The window's average, and what the week's pain did with it. */
  | {
      id: 'walking-basis.average';
      params: {
        from: string;
        to: string;
        days: number;
        withData: number;
        /** The average as shown: steps when there are steps, else minutes. */
        average: { steps: number | null; minutes: number };
        /** null: no complete program week yet (the target is the baseline). */
        verdict: WeekVerdict | null;
        pct: number;
        /** For a good week: already at the ceiling, raised to it, or raised by pct. */
        raised: 'past' | 'to-ceiling' | 'by-pct';
        /** The ceiling: the steps where the benefit levels off, or the program's goal in minutes. */
        ceiling: { steps: number | null; minutes: number };
      };
    };

/** The basis in English (the words `basis` has always had). */
export function basisEnglish(t: WalkingBasisText): string {
  const p = t.params;
  const span = `the ${p.days} days from ${dayMonth(p.from)} to ${dayMonth(p.to)}`;
  if (t.id === 'walking-basis.provisional') {
    const w = t.params.withData;
    const have = w === 0 ? 'none of them has' : `only ${w} of them ${w === 1 ? 'has' : 'have'}`;
    return `Your target comes from your walking in ${span}, and ${have} walking data. Log your walking for ${t.params.needDays} days (or import it from your phone) so your target can start from your own baseline. Until then: a gentle ${t.params.startMinutes} minutes.`;
  }
  const a = t.params;
  const gaps =
    a.withData < a.days
      ? ` (on the ${a.withData} of those days with walking data; days without data are left out)`
      : '';
  const head = `Your average was ${walkingFigure(a.average)} a day over ${span}${gaps}`;
  const ceilingWords =
    a.ceiling.steps !== null
      ? `${walkingFigure(a.ceiling)}, where the benefit levels off`
      : `${walkingFigure(a.ceiling)}, the program's goal`;
  const raised =
    a.raised === 'past'
      ? `but that is already at or past ${ceilingWords}, so it is not raised further.`
      : a.raised === 'to-ceiling'
        ? `so your target is raised to ${ceilingWords}.`
        : `so your target is ${a.pct}% higher.`;
  const then =
    a.verdict === null
      ? ': your target is that baseline.'
      : a.verdict === 'ok'
        ? `; your pain stayed within the rules that week, ${raised}`
        : a.verdict === 'hold'
          ? '; there were no check-ins that week to judge your pain by, so your target stays at that average.'
          : `; your pain went past the rules that week, so your target is ${a.pct}% lower.`;
  return head + then;
}

/** The baseline window: the days the baseline is taken from (inclusive), and which program week they are. */
export interface BaselineWindow {
  from: string;
  to: string;
  /** Index (in weekVerdicts' order) of the complete program week the window is; null for the 7 days before today. */
  week: number | null;
}

/**
 * The baseline window for `today`: the last complete program week (the week before the current one), or, before
 * the first complete week and without a program, the WALKING_BASELINE_DAYS days before today. Today itself is never
 * in it: a day that is not over would pull the mean down. Program weeks start on the program's start date, as in
 * weekVerdicts (src/core/program-engine.ts).
 */
export function baselineWindow(input: { today: string; programStartedOn: string | null }): BaselineWindow {
  const complete = input.programStartedOn
    ? Math.floor(daysBetween(input.programStartedOn, input.today) / WALKING_BASELINE_DAYS)
    : 0;
  if (!input.programStartedOn || complete < 1)
    return { from: addDays(input.today, -WALKING_BASELINE_DAYS), to: addDays(input.today, -1), week: null };
  const weekStart = addDays(input.programStartedOn, complete * WALKING_BASELINE_DAYS);
  return { from: addDays(weekStart, -WALKING_BASELINE_DAYS), to: addDays(weekStart, -1), week: complete - 1 };
}

/**
 * The days every baseline window of `today` lies within, whatever the program's start: a program week starts at most
 * 6 days before today, so its week before starts at most 13 days before today; the window without a complete week
 * is the 7 days before today. Today's plan reads the walking of these days only (once, before today's decision may
 * move the program's start).
 */
export function baselineWindowBounds(today: string): { from: string; to: string } {
  return { from: addDays(today, -(2 * WALKING_BASELINE_DAYS - 1)), to: addDays(today, -1) };
}

/**
 * The baseline: the mean of the window's days with data. Days outside the window are ignored; days with neither
 * steps nor minutes are not days with data (the person did not log or wear a device) and are left out, not
 * counted as zero. Steps and minutes are each averaged over their own days.
 */
export function walkingBaseline(
  days: readonly DailyWalking[],
  window: { from: string; to: string },
): { steps: number | null; minutes: number | null; days: number } {
  const withData = days.filter((d) => d.date >= window.from && d.date <= window.to && (d.steps > 0 || d.minutes > 0));
  // One row per date (the store gives one; a caller's duplicate must not count twice).
  const byDate = new Map(withData.map((d) => [d.date, d]));
  const list = [...byDate.values()];
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return {
    steps: mean(list.filter((d) => d.steps > 0).map((d) => d.steps)),
    minutes: mean(list.filter((d) => d.minutes > 0).map((d) => d.minutes)),
    days: list.length,
  };
}

/** The step count beyond which the target stops rising (DOMAIN.md §2b 2.5 [6]). */
export function stepCeiling(age: number | null): number {
  return age !== null && age >= STEPS_PLATEAU_AGE ? STEPS_PLATEAU_60_PLUS : STEPS_PLATEAU_UNDER_60;
}

/** Step targets are shown to the nearest 10 steps (and never as 0). */
export function roundSteps(steps: number): number {
  return Math.max(10, Math.round(steps / 10) * 10);
}

/** Minute targets are shown to the nearest minute (and never as 0). */
export function roundMinutes(minutes: number): number {
  return Math.max(1, Math.round(minutes));
}

/** About how many minutes a number of steps takes at a moderate pace (DOMAIN.md §2b 2.7 [7]: ~100 steps/min). */
export function minutesForSteps(steps: number): number {
  return roundMinutes(steps / CADENCE_MODERATE_SPM);
}

/** "4,400 steps" or "25 minutes". */
export function walkingFigure(t: { steps: number | null; minutes: number | null }): string {
  return t.steps !== null ? `${t.steps.toLocaleString('en')} steps` : `${t.minutes ?? 0} minutes`;
}

/**
 * Today's target from the person's days and the verdicts of the program's complete weeks (weekVerdicts, oldest
 * first). Only the days of the baseline window count (see the file's comment).
 */
export function walkingTarget(input: {
  today: string;
  programStartedOn: string | null;
  days: readonly DailyWalking[];
  weeks: readonly WeekVerdict[];
  age: number | null;
}): WalkingTarget {
  const window = baselineWindow(input);
  const base = walkingBaseline(input.days, window);
  const common = {
    baselineSteps: base.steps,
    baselineMinutes: base.minutes,
    window: { from: window.from, to: window.to, daysWithData: base.days },
    clinician: null,
  };
  const span = { from: window.from, to: window.to, days: WALKING_BASELINE_DAYS, withData: base.days };
  if (base.days < WALKING_BASELINE_MIN_DAYS) {
    const basisText: WalkingBasisText = {
      id: 'walking-basis.provisional',
      params: { ...span, needDays: WALKING_BASELINE_MIN_DAYS, startMinutes: WALKING_START_MINUTES },
    };
    return {
      steps: null,
      minutes: Math.max(WALKING_START_MINUTES, Math.round(base.minutes ?? 0)),
      provisional: true,
      ...common,
      basis: basisEnglish(basisText),
      basisText,
    };
  }
  const verdict = window.week === null ? null : (input.weeks[window.week] ?? null);
  const up = 1 + WALKING_WEEKLY_INCREASE;
  const down = 1 - WALKING_WEEKLY_INCREASE;
  // A good week raises the target up to the ceiling (a baseline already past it is kept, not lowered).
  const adjust = (baseline: number, ceiling: number): number =>
    verdict === 'ok'
      ? Math.max(baseline, Math.min(ceiling, baseline * up))
      : verdict === 'flare'
        ? baseline * down
        : baseline;
  const steps = base.steps !== null ? roundSteps(adjust(base.steps, stepCeiling(input.age))) : null;
  const minutes =
    base.minutes !== null ? roundMinutes(adjust(base.minutes, WALKING_GOAL_MINUTES)) : minutesForSteps(steps!);

  // The figure the basis speaks of (steps when there are steps) and its ceiling.
  const [baseline, ceiling] =
    base.steps !== null ? [base.steps, stepCeiling(input.age)] : [base.minutes!, WALKING_GOAL_MINUTES];
  const basisText: WalkingBasisText = {
    id: 'walking-basis.average',
    params: {
      ...span,
      average:
        base.steps !== null
          ? { steps: roundSteps(base.steps), minutes: 0 }
          : { steps: null, minutes: roundMinutes(base.minutes!) },
      verdict,
      pct: Math.round(WALKING_WEEKLY_INCREASE * 100),
      raised: baseline >= ceiling ? 'past' : baseline * up > ceiling ? 'to-ceiling' : 'by-pct',
      ceiling: base.steps !== null ? { steps: ceiling, minutes: 0 } : { steps: null, minutes: ceiling },
    },
  };
  return { steps, minutes, provisional: false, ...common, basis: basisEnglish(basisText), basisText };
}
