/**
 * Minutes a clinician spent on a patient's record (reviewing their data, talking with them, changing the plan), as
 * they log them: the remote-monitoring figures add them up per 30-day period (remote-monitoring.ts). Its type, its
 * validator (the API's body, parsed once at the boundary) and the version of its stored form, in one place.
 *
 * Stored in table `monitoring_minutes` (migration 0017): one row per entry, with the clinician's account and when it
 * was logged. Version 1 is the only stored form so far; a change bumps the version and adds the reading of the older
 * form here, with a test that reads an old row.
 */
import { z } from 'zod';
import { isoDate } from './record-fields.js';
import { says } from './validation-words.js';

export const MONITORING_MINUTES_VERSION = 1;
/** The most minutes one entry holds: a working day's review of one record is far less; a typo (600 for 60) is refused. */
export const MONITORING_MINUTES_MAX = 240;

const minutesRange = says('minutes.whole-range', { max: MONITORING_MINUTES_MAX });

/** A new entry as the API takes it (POST /api/patients/:personId/monitoring-minutes). */
export const MonitoringMinutesInput = z
  .object({
    /** The clinician's calendar date the time was spent on. */
    date: isoDate,
    minutes: z.number(minutesRange).int(minutesRange).min(1, minutesRange).max(MONITORING_MINUTES_MAX, minutesRange),
    /** What the time was for, in the clinician's words (optional). */
    note: z.string().trim().max(300).nullable().optional(),
  })
  .strict();
export type MonitoringMinutesInput = z.infer<typeof MonitoringMinutesInput>;

/** A stored entry, as the store reads it and the API returns it. */
export interface MonitoringMinutes {
  id: string;
  date: string;
  minutes: number;
  note: string | null;
  /** The clinician who logged it (their account id) and their name as shown. */
  accountId: string;
  loggedBy: string;
  loggedAt: string;
}
