/**
 * Pure helpers for the walking charts: the chosen period as a list of local days, and each measure as a column
 * over those days with null where nothing was measured (so the chart shows a gap, never a false zero).
 */
import { addDays } from '../../../src/core/dates.js';
import type { DailyWalking } from '../api/types.js';

/** The periods the page offers, in days. */
export const WALKING_RANGES = [
  { id: '4w', label: '4 weeks', days: 28 },
  { id: '3m', label: '3 months', days: 91 },
  { id: '1y', label: '1 year', days: 365 },
] as const;
export type WalkingRangeId = (typeof WALKING_RANGES)[number]['id'];

/** The first and last day (inclusive) of a period of `days` days ending on `end`. */
export function rangeBounds(end: string, days: number): { from: string; to: string } {
  return { from: addDays(end, -(days - 1)), to: end };
}

/** Every local day from `from` to `to` inclusive, in order. */
export function listDates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The measures the charts draw. */
export type WalkingMeasure = 'steps' | 'distanceKm' | 'cadenceSpm' | 'speedMps' | 'stepLengthM';

/** One measure of a day, or null when that day has no measurement of it. Steps and distance of 0 count as not
 * measured: a day row exists when any source wrote anything (e.g. only a distance), and a bar of 0 would claim the
 * person did not walk. */
export function measureOf(day: DailyWalking, m: WalkingMeasure): number | null {
  switch (m) {
    case 'steps':
      return day.steps > 0 ? day.steps : null;
    case 'distanceKm':
      return day.distanceM > 0 ? day.distanceM / 1000 : null;
    case 'cadenceSpm':
      return day.cadenceSpm ?? null;
    case 'speedMps':
      return day.speedMps ?? null;
    case 'stepLengthM':
      return day.stepLengthM ?? null;
  }
}

/** A column of values aligned to `dates` (null where the day has no row or no value). */
export function column(dates: readonly string[], days: readonly DailyWalking[], m: WalkingMeasure): (number | null)[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return dates.map((date) => {
    const day = byDate.get(date);
    return day ? measureOf(day, m) : null;
  });
}

/** Where the window should end after an import: unchanged when the file's latest day is inside it, else that day
 * (so the person sees what they imported even when the file is old). Never later than `today`. */
export function windowEndAfterImport(
  importedDays: readonly string[],
  current: { from: string; to: string },
  today: string,
): string {
  const latest = [...importedDays]
    .filter((d) => d <= today)
    .sort()
    .at(-1);
  if (!latest || (latest >= current.from && latest <= current.to)) return current.to;
  return latest;
}
