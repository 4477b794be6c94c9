/**
 * What the Progress charts plot, apart from drawing them (pain-chart.tsx, walking-chart.tsx use uPlot and the
 * DOM): which check-ins make the pain line, the starting level and its MCID band, and the walking columns. Pure,
 * checked in Node (chart-series.test.ts).
 */
import { NPRS_MAX, NPRS_MCID_POINTS, NPRS_MIN } from '../../../src/core/clinical-constants.js';
import type { Checkin, DailyWalking } from '../api/types.js';
import { middayOf } from '../lib/day-axis.js';

export type PainKey = 'back' | 'neck' | 'foot';

export interface PainSeries {
  /** The check-ins plotted, oldest first. */
  shown: Checkin[];
  /** Whether those are the daily check-ins (else the before/after-session scores, there being no daily ones). */
  daily: boolean;
  /** The starting level the band is drawn around (the program's baseline, else the first check-in's worst area). */
  reference: number | null;
  /** The band of "may not be a real change": the reference ± NPRS_MCID_POINTS, kept within the 0-10 scale. */
  band: { low: number; high: number } | null;
  /** Seconds since the epoch of each check-in (uPlot's x), then each area's scores (null: not rated). */
  x: number[];
  columns: Record<PainKey, (number | null)[]>;
}

/**
 * The pain chart's data. The trend is the daily check-ins (same time of day, same question); the before/after-
 * session scores swing with the session itself and would make the line zig-zag. Without any daily check-ins, all
 * of them are shown.
 */
export function painSeries(checkins: readonly Checkin[], baseline: number | null): PainSeries {
  const dailyOnes = checkins.filter((c) => c.context === 'daily');
  const shown = [...(dailyOnes.length ? dailyOnes : checkins)].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const first = shown[0];
  // Without a program baseline yet, the first check-in is the starting point.
  const reference = baseline ?? (first ? Math.max(first.back ?? 0, first.neck ?? 0, first.foot ?? 0) : null);
  const col = (k: PainKey) => shown.map((c) => c[k]);
  return {
    shown,
    daily: dailyOnes.length > 0,
    reference,
    band:
      reference === null
        ? null
        : {
            low: Math.max(NPRS_MIN, reference - NPRS_MCID_POINTS),
            high: Math.min(NPRS_MAX, reference + NPRS_MCID_POINTS),
          },
    x: shown.map((c) => Date.parse(c.at) / 1000),
    columns: { back: col('back'), neck: col('neck'), foot: col('foot') },
  };
}

export interface WalkingSeries {
  /** The days, oldest first, each at its local midday (uPlot's x, seconds). */
  days: DailyWalking[];
  x: number[];
  /** Whole minutes per day (the bars). */
  minutes: number[];
  /** The target on every day (the dashed line). */
  target: number[];
  /** Steps per day when any day has them (a day with none is a gap, not a zero); null when no day has steps. */
  steps: (number | null)[] | null;
}

/** The Progress page's walking chart data: minutes as bars, the target, and steps when the days have them. */
export function walkingSeries(days: readonly DailyWalking[], targetMinutes: number): WalkingSeries {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const hasSteps = sorted.some((d) => d.steps > 0);
  return {
    days: sorted,
    x: sorted.map((d) => middayOf(d.date)),
    minutes: sorted.map((d) => Math.round(d.minutes)),
    target: sorted.map(() => targetMinutes),
    steps: hasSteps ? sorted.map((d) => (d.steps > 0 ? d.steps : null)) : null,
  };
}
