/**
 * The time axis of a chart of days (pain check-ins, walking per day). The x range covers whole local days, from
 * the start of the first day to the end of the last, and the labels sit at the middle of a day, every `step` days,
 * so a single check-in on 6 Dec shows "6 Dec" once. (Left to itself, uPlot's time scale widens a range of one
 * value into a span of hours or years, and labelling those splits by day read "1 Jan, 1 Jan, 1 Jan".)
 * Times are in seconds, as uPlot takes them; days are the person's local days.
 */
import type uPlot from 'uplot';
import { i18n } from '../i18n/i18n.js';

export interface DayAxis {
  /** Start of the first day and end of the last (seconds). */
  min: number;
  max: number;
  /** Middays of the labelled days (seconds), every `step` days from the first. */
  ticks: number[];
  step: number;
}

/**
 * "6 Dec" / "6 dic" for a time in seconds (local day). The short months are written out in the catalogue
 * (progress:dayAxis.months.1-12) rather than left to Intl, whose short months differ between ICU versions
 * ("Sep" or "Sept"); the charts live on the Progress and Walking screens.
 */
export function dayLabel(seconds: number): string {
  const d = new Date(seconds * 1000);
  return i18n.t('progress:dayAxis.day', {
    day: d.getDate(),
    month: i18n.t(`progress:dayAxis.months.${d.getMonth() + 1}`),
  });
}

/** Local midnight of the day `offset` days after the day of `seconds`, or that day's midday with `hour` 12. */
function localDay(seconds: number, offset: number, hour = 0): number {
  const d = new Date(seconds * 1000);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset, hour).getTime() / 1000;
}

/** Midday of a calendar date "YYYY-MM-DD", local time, in seconds: where a chart puts that day's value. */
export function middayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12).getTime() / 1000;
}

/** How many day labels fit on a chart `width` pixels wide (about 60 px each, after the y axis). */
export function labelsThatFit(width: number): number {
  return Math.max(2, Math.floor((width - 60) / 60));
}

/**
 * The axis for points at `times` (seconds, any order): whole days from the first to the last, at most `maxLabels`
 * labels. No points: today.
 */
export function dayAxis(times: readonly number[], maxLabels: number): DayAxis {
  const first = times.length ? Math.min(...times) : Date.now() / 1000;
  const last = times.length ? Math.max(...times) : first;
  const min = localDay(first, 0);
  const max = localDay(last, 1);
  let days = 0;
  while (localDay(first, days) < max) days++;
  const step = Math.max(1, Math.ceil(days / Math.max(1, maxLabels)));
  const ticks: number[] = [];
  for (let i = 0; i < days; i += step) ticks.push(localDay(first, i, 12));
  return { min, max, ticks, step };
}

/**
 * uPlot's x scale and x axis for points at `times` on a chart `width` pixels wide, and the labels the axis shows
 * (charts put them on their element as data-day-labels, so tests and screen readers can read what the canvas says).
 */
export function uplotDays(
  times: readonly number[],
  width: number,
): { scale: uPlot.Scale; axis: uPlot.Axis; labels: string[] } {
  const a = dayAxis(times, labelsThatFit(width));
  return {
    scale: { time: true, range: () => [a.min, a.max] },
    axis: { splits: () => a.ticks, values: (_u, splits) => splits.map(dayLabel) },
    labels: a.ticks.map(dayLabel),
  };
}
