/**
 * Walking data, shaped for every source: a hand-written log today, device imports (Apple Health, FIT, GPX, TCX)
 * later. A sample covers one interval [start, end) and carries one kind of quantity; daily totals are derived.
 */

/** What a walking sample measures. Units are fixed per kind so totals never mix units. */
export const WALKING_KINDS = {
  steps: 'count',
  distance: 'm',
  duration: 's',
  /** Mean walking speed over the interval (Apple Health WalkingSpeed, or derived from a track). */
  speed: 'm/s',
  /** Steps per minute (FIT stores strides/min for walking; importers double it). */
  cadence: 'steps/min',
  step_length: 'm',
  /** Apple's definition: % of steps in which one foot moves at a different speed (DOMAIN.md §9, [47e]). */
  asymmetry: '%',
  double_support: '%',
  steadiness: '%',
  heart_rate: 'bpm',
} as const;

export type WalkingKind = keyof typeof WALKING_KINDS;
export type WalkingUnit = (typeof WALKING_KINDS)[WalkingKind];

/** One measured interval from one source. Times are ISO 8601 strings with the source's own offset. */
export interface WalkingSample {
  /** Where it came from: 'manual', 'apple-health', 'fit', 'gpx', 'tcx', 'fitbit', ... */
  source: string;
  /** The recording device or app as the file names it (e.g. "NJR Apple Watch"), or null. */
  device: string | null;
  start: string;
  end: string;
  kind: WalkingKind;
  value: number;
  unit: WalkingUnit;
}

// A day's totals (YYYY-MM-DD in the time zone offset of the samples) have their record file.
import type { DailyWalking } from './walking-day-record.js';

/** The local calendar date of an ISO 8601 timestamp, in the offset it was written with (no time zone lookup). */
export function localDate(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  if (!match?.[1]) throw new Error(`Not an ISO 8601 date-time: ${JSON.stringify(iso)}`);
  return match[1];
}

/**
 * Sums samples into daily totals. Samples are attributed to the local date of their start. Callers remove
 * overlaps between sources first (see the importers' de-duplication rule); this function only adds.
 */
export function dailyTotals(samples: readonly WalkingSample[]): DailyWalking[] {
  const byDate = new Map<string, DailyWalking>();
  for (const s of samples) {
    const date = localDate(s.start);
    const day = byDate.get(date) ?? { date, steps: 0, distanceM: 0, minutes: 0 };
    if (s.kind === 'steps') day.steps += s.value;
    else if (s.kind === 'distance') day.distanceM += s.value;
    else if (s.kind === 'duration') day.minutes += s.value / 60;
    byDate.set(date, day);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
