/**
 * A walking day: one person's walking totals for one local date (steps, distance, minutes, and the daily means of
 * the walking metrics devices measure), computed from the stored samples by walking-day.ts and kept so a year of
 * days is read without re-reading its samples; and the hand log a person types for a day (PUT /api/walking/manual),
 * stored as samples like any device's. Its type, the API's body of a hand log and the version of its stored form,
 * in one place: the API schemas, the store and the web app import them from here.
 *
 * Stored in table `walking_days` (migration 0003): one column per figure (the means null where no device measured
 * them) and `sources`, JSON string[] of the sources that counted (e.g. ["apple-health:iPhone", "manual"]), written
 * for whoever inspects the table and never read back. Version 1 is the only stored form so far; a change to it bumps
 * the version and adds here the reading of the older form, with a test that reads an old row.
 */
import { z } from 'zod';
import { isoDate } from './record-fields.js';
import { says } from './validation-words.js';

export const WALKING_DAY_RECORD_VERSION = 1;

/** One day's walking, as the store reads it and the API returns it (GET /api/walking/daily). */
export interface DailyWalking {
  date: string;
  steps: number;
  distanceM: number;
  minutes: number;
  /** Daily means where a device measured them (Apple Health walking metrics, FIT/TCX cadence, track speed). */
  speedMps?: number | null;
  cadenceSpm?: number | null;
  stepLengthM?: number | null;
  asymmetryPct?: number | null;
  doubleSupportPct?: number | null;
}

/** A day's hand log as the API takes it: minutes or steps walked that local date, at least one more than 0. */
export const WalkingLogInput = z
  .object({
    date: isoDate,
    minutes: z.number().min(0).max(1440).nullable().optional(),
    steps: z.number().int().min(0).max(200_000).nullable().optional(),
  })
  .strict()
  .refine((w) => (w.minutes ?? 0) > 0 || (w.steps ?? 0) > 0, {
    ...says('walking-log.minutes-or-steps'),
    path: ['minutes'],
  });
export type WalkingLogInput = z.infer<typeof WalkingLogInput>;
