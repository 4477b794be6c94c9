/**
 * When a person's reminders happen: each chosen day of the week at the chosen local time in their time zone. The
 * server's scheduler asks every little while which reminder is due; the answer names the local date it is for, and
 * the store records that date once it is claimed, so a reminder is sent at most once per date whatever restarts or
 * second processes do. Pure: the instant is given, never read.
 */
import { WEEKDAYS, type ReminderSettings } from './reminder-record.js';
import { instantOf, isoWeekday, shiftDate, wallClock } from './zoned-time.js';

/**
 * How late a reminder may still go out (the server was down, or busy). Later than this it is dropped: a reminder an
 * hour after its time still fits the morning it was meant for; a reminder in the evening for the morning is noise.
 */
export const REMINDER_GRACE_MINUTES = 60;

type Schedule = Pick<ReminderSettings, 'days' | 'time' | 'timeZone'>;

/** A reminder's occurrence: the local date it is for and the instant it happens. */
export interface ReminderOccurrence {
  on: string;
  at: number;
}

const onChosenDay = (s: Schedule, date: string) => s.days.includes(WEEKDAYS[isoWeekday(date)]!);

/**
 * The reminder due at `now`, or null: the latest occurrence at or before `now`, no more than `graceMinutes` old,
 * for a date after `lastSentOn` (the date of the last one sent, from the store).
 */
export function dueReminder(
  s: Schedule,
  now: number,
  lastSentOn: string | null,
  graceMinutes = REMINDER_GRACE_MINUTES,
): ReminderOccurrence | null {
  const today = wallClock(s.timeZone, now).date;
  // Yesterday too: a reminder at 23:50 is still due at 00:10 the next day.
  for (const on of [today, shiftDate(today, -1)]) {
    if (!onChosenDay(s, on)) continue;
    const at = instantOf(on, s.time, s.timeZone);
    if (at > now) continue;
    if (now - at > graceMinutes * 60_000) return null;
    return lastSentOn !== null && on <= lastSentOn ? null : { on, at };
  }
  return null;
}

/** The next occurrence strictly after `now`, or null when no day is chosen. */
export function nextReminder(s: Schedule, now: number): ReminderOccurrence | null {
  const today = wallClock(s.timeZone, now).date;
  for (let i = 0; i <= 7; i++) {
    const on = shiftDate(today, i);
    if (!onChosenDay(s, on)) continue;
    const at = instantOf(on, s.time, s.timeZone);
    if (at > now) return { on, at };
  }
  return null;
}
