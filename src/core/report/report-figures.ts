/**
 * The figures a report prints, worked out from its input: the weeks it covers, pain per week and its change
 * against the baseline with the NPRS MCID (DOMAIN.md §7 [39]), adherence, walking, and each outcome measure's
 * change against its own MCID (or MDC). Pure; the tests check each against values worked out by hand.
 */
import { NPRS_MCID_POINTS } from '../clinical-constants.js';
import { addDays, daysBetween } from '../dates.js';
import { painBaseline, recentDailyPainMean, windowAdherence } from '../program-engine.js';
import { CHANGE_RULES, responderStatus, type ResponderMeasureId, type ResponderStatus } from '../outcome-change.js';
import type { ReportCheckin, ReportInput } from './report-input.js';

// The report's figures in English (report-numbers.ts; the report's modules import them from here too).
export { fmt, fmtInt } from './report-numbers.js';

/** A report shows at most the last 12 weeks week by week (a longer record is summed up, not listed). */
export const REPORT_WEEKS = 12;

export interface ReportWeek {
  number: number;
  from: string;
  /** The week's last day, or today for the week in progress. */
  to: string;
  days: number;
}

/** Mean of the numbers, or null for none. */
export const meanOf = (xs: readonly number[]): number | null =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;

/** A check-in's highest score of back, neck and foot (what the program reads), null when none was given. */
export function highestPain(c: ReportCheckin): number | null {
  const scores = [c.back, c.neck, c.foot].filter((v): v is number => v !== null);
  return scores.length ? Math.max(...scores) : null;
}

/**
 * Whether a date falls in the period the reader chose: from `input.from` to `today`, both included. What they did
 * not ask for is left out of the lists (program changes, screens, gait analyses, outcome scores); the baselines
 * (pain's first week, an outcome's first score) stay those of the whole record. Without a chosen period the lists
 * hold the whole record, as they always did (a screen's time is the server's clock, which a report dated in the
 * past may precede).
 */
export function inPeriod(input: Pick<ReportInput, 'from' | 'today'>, date: string): boolean {
  return input.from === undefined || (date >= input.from && date <= input.today);
}

/** Where week 1 starts: the program's first day, else the first day with any data, else today. */
export function weekAnchor(input: ReportInput): string {
  if (input.program) return input.program.startedOn;
  const dates = [
    ...input.checkins.map((c) => c.date),
    ...input.doneSessionDates,
    ...input.walkingDays.filter((d) => d.steps).map((d) => d.date),
  ]
    .filter((d) => d <= input.today)
    .sort();
  return dates[0] ?? input.today;
}

function hasDataOn(input: ReportInput, date: string): boolean {
  return (
    input.checkins.some((c) => c.date === date) ||
    input.doneSessionDates.includes(date) ||
    input.walkingDays.some((d) => d.date === date && d.steps)
  );
}

/**
 * The weeks from the anchor to today (the last in progress) that overlap the period, numbered from the anchor; a
 * week the period starts inside begins on the period's first day. At most the last REPORT_WEEKS; none before the
 * anchor. `earlierWeeks`: the period's weeks left out by that limit.
 */
export function reportWeeks(input: ReportInput): { weeks: ReportWeek[]; earlierWeeks: number } {
  const anchor = weekAnchor(input);
  // No program and no data: no weeks (a week of nothing would read as a week of missed sessions).
  if (anchor > input.today || (!input.program && anchor === input.today && !hasDataOn(input, anchor)))
    return { weeks: [], earlierWeeks: 0 };
  const count = Math.floor(daysBetween(anchor, input.today) / 7) + 1;
  const all: ReportWeek[] = [];
  for (let k = 0; k < count; k++) {
    const start = addDays(anchor, 7 * k);
    const end = addDays(start, 6);
    const to = end < input.today ? end : input.today;
    if (input.from !== undefined && to < input.from) continue;
    const from = input.from !== undefined && start < input.from ? input.from : start;
    all.push({ number: k + 1, from, to, days: daysBetween(from, to) + 1 });
  }
  const first = Math.max(0, all.length - REPORT_WEEKS);
  return { weeks: all.slice(first), earlierWeeks: first };
}

/** One point a day: the mean of that day's daily check-ins' highest scores. */
export function dailyPainSeries(
  checkins: readonly ReportCheckin[],
  from: string,
  to: string,
): { date: string; value: number }[] {
  const byDate = new Map<string, number[]>();
  for (const c of checkins) {
    const h = highestPain(c);
    if (c.context !== 'daily' || h === null || c.date < from || c.date > to) continue;
    byDate.set(c.date, [...(byDate.get(c.date) ?? []), h]);
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, v]) => ({ date, value: meanOf(v)! }));
}

export interface PainChange {
  /** The program's baseline: the mean of the daily highest scores in its first week (program-engine painBaseline). */
  baseline: number;
  /** The mean of the daily highest scores in the 7 days up to today; null without check-ins then. */
  latest: number | null;
  status: ResponderStatus | null;
  mcidPoints: number;
}

export function painChange(input: ReportInput): PainChange | null {
  const dailies = input.checkins.flatMap((c) => {
    const h = highestPain(c);
    return h === null || c.context !== 'daily' ? [] : [{ date: c.date, context: c.context, maxPain: h }];
  });
  const baseline = painBaseline(dailies, weekAnchor(input));
  if (baseline === null) return null;
  const latest = recentDailyPainMean(dailies, input.today);
  return {
    baseline,
    latest,
    status: latest === null ? null : responderStatus('nprs', baseline, latest),
    mcidPoints: NPRS_MCID_POINTS,
  };
}

export interface WeekRow {
  week: ReportWeek;
  checkins: number;
  back: number | null;
  neck: number | null;
  foot: number | null;
  sessionsDone: number;
  sessionsPrescribed: number;
  meanSteps: number | null;
}

/** Per week: daily check-ins and their mean back, neck and foot scores, sessions done against prescribed, mean steps. */
export function weekRows(input: ReportInput, weeks: readonly ReportWeek[]): WeekRow[] {
  const done = new Set(input.doneSessionDates);
  return weeks.map((week) => {
    const inWeek = (d: string) => d >= week.from && d <= week.to;
    const daily = input.checkins.filter((c) => c.context === 'daily' && inWeek(c.date));
    const area = (k: 'back' | 'neck' | 'foot') => meanOf(daily.flatMap((c) => (c[k] === null ? [] : [c[k]!])));
    const steps = input.walkingDays
      .filter((d) => inWeek(d.date) && d.steps !== null && d.steps > 0)
      .map((d) => d.steps!);
    return {
      week,
      checkins: daily.length,
      back: area('back'),
      neck: area('neck'),
      foot: area('foot'),
      sessionsDone: [...done].filter(inWeek).length,
      sessionsPrescribed: Math.max(1, Math.round((input.sessionsPerWeek * week.days) / 7)),
      meanSteps: meanOf(steps),
    };
  });
}

/** Sessions done on distinct days in the last 7 and 28 days (from the program's start), as the program counts them. */
export function adherenceSummary(
  input: ReportInput,
): { days7: ReturnType<typeof windowAdherence>; days28: ReturnType<typeof windowAdherence> } | null {
  if (!input.program) return null;
  const since = input.program.startedOn;
  return {
    days7: windowAdherence(input.doneSessionDates, input.today, since, 7, input.sessionsPerWeek),
    days28: windowAdherence(input.doneSessionDates, input.today, since, 28, input.sessionsPerWeek),
  };
}

export interface OutcomeRow {
  date: string;
  score: number;
  change: number | null;
  status: ResponderStatus | null;
}

/**
 * Each responder measure's scores in the period in date order, each against the record's first (the baseline, which
 * may be before the period). STarT Back is a group, not a change.
 */
export function outcomeRows(
  input: ReportInput,
): { measure: ResponderMeasureId; baseline: number; baselineDate: string; rows: OutcomeRow[] }[] {
  const out: { measure: ResponderMeasureId; baseline: number; baselineDate: string; rows: OutcomeRow[] }[] = [];
  const measures = [...new Set(input.outcomes.map((o) => o.measure))].filter(
    (m): m is ResponderMeasureId => m !== 'start-back',
  );
  for (const measure of measures) {
    const scores = input.outcomes
      .filter((o) => o.measure === measure && o.score !== null)
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
    if (!scores.length) continue;
    const base = scores[0]!.score!;
    const rows = scores
      .map((s, i) => ({
        date: s.recordedAt.slice(0, 10),
        score: s.score!,
        change: i === 0 ? null : s.score! - base,
        status: i === 0 ? null : responderStatus(measure, base, s.score!),
      }))
      .filter((r) => inPeriod(input, r.date));
    if (rows.length) out.push({ measure, baseline: base, baselineDate: scores[0]!.recordedAt.slice(0, 10), rows });
  }
  return out;
}

/** "MCID 2 points or 30% of the starting value" / "MDC 2 points" for a measure. */
export function changeRuleText(measure: ResponderMeasureId): string {
  const r = CHANGE_RULES[measure];
  return `${r.kind} ${r.points} points${r.fraction !== undefined ? ` or ${Math.round(r.fraction * 100)}% of the starting value` : ''}`;
}

export const STATUS_WORDS: Record<ResponderStatus, string> = {
  improved: 'improved (meaningful)',
  'no-meaningful-change': 'no meaningful change',
  worse: 'worse (meaningful)',
};
