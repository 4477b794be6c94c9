/**
 * A person's reminder settings: the days of the week and the local time at which Footing reminds them of their
 * session, in their own time zone (an IANA name such as Europe/Madrid, so a reminder stays at 07:30 across daylight
 * saving changes). Its type, its validator (the API's body, parsed once at the boundary) and the version of its
 * stored form, in one place: the API schemas, the store and the web app import them from here.
 *
 * Stored in table `reminder_settings` (migration 0013): `days` as JSON (Weekday[], read back with REMINDER_DAYS),
 * `time` and `time_zone` as text. Version 1 is the only stored form so far; a change to it bumps the version and
 * adds here the reading of the older form, with a test that reads an old row.
 */
import { z } from 'zod';
import { says } from './validation-words.js';

export const REMINDER_RECORD_VERSION = 1;

/** Days in calendar order from Monday (ISO 8601), as the settings screen lists them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Whether the runtime knows this IANA time zone (Intl throws a RangeError for an unknown one). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const weekday = z.enum(WEEKDAYS, says('weekday.one-of', { days: [...WEEKDAYS] }));

/** The stored JSON of `reminder_settings.days`. */
export const REMINDER_DAYS = z.array(weekday).max(7);

/** Reminder settings as the API takes them (PUT /api/reminders) and the store saves them. No days: no reminders. */
export const ReminderSettingsInput = z
  .object({
    days: REMINDER_DAYS.refine((d) => new Set(d).size === d.length, says('days.no-twice')),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('time.of-day')),
    timeZone: z.string().refine(isTimeZone, says('time-zone.name')),
  })
  .strict();
export type ReminderSettingsInput = z.infer<typeof ReminderSettingsInput>;

/** Stored reminder settings, as the store reads them and the API returns them (days in WEEKDAYS order). */
export interface ReminderSettings {
  days: Weekday[];
  time: string;
  timeZone: string;
  updatedAt: string;
}

/** The days in calendar order, whatever order the person ticked them in. */
export const orderedDays = (days: readonly Weekday[]): Weekday[] => WEEKDAYS.filter((d) => days.includes(d));
