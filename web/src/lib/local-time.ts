/**
 * The person's own calendar date and local times with their offset: the API works in the person's local day
 * (it never guesses a time zone), so every request carries these.
 */
import { localCalendarDate } from '../../../src/core/dates.js';
import { formatDay } from '../i18n/format.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local calendar date, YYYY-MM-DD. */
export function localDate(d: Date = new Date()): string {
  return localCalendarDate(d);
}

/** Local ISO 8601 date-time with offset, e.g. 2026-11-25T08:30:00+01:00. */
export function localIso(d: Date = new Date()): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A date like "Tue 25 Nov" / "mar, 25 nov" for lists, in the language on screen. */
export function shortDate(isoDate: string): string {
  return formatDay(isoDate);
}
