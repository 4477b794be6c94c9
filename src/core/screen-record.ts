/**
 * A safety screen: the person's answers to the red-flag and precaution questions (red-flags.ts), and the result
 * scored from them (clear, or stop with how soon to get care), kept as it was on the day. Its type, the API's
 * body, the validators of its stored JSON and the version of its stored form, in one place: the API schemas, the
 * store, the backup and the web app import them from here.
 *
 * Stored in table `screens` (migration 0001): `answers` as JSON (read back with SCREEN_ANSWERS), `result` as JSON
 * (SCREEN_RESULT), with its status and urgency also in columns for queries. Version 1 is the only stored form so
 * far; a change to it bumps the version and adds here the reading of the older form, with a test that reads an
 * old row.
 */
import { z } from 'zod';
import { EXERCISE_EXCLUSIONS, URGENCIES, type ScreenAnswers, type ScreenResult } from './red-flags.js';
import { says } from './validation-words.js';

export const SCREEN_RECORD_VERSION = 1;

/** The answers, question id to yes (true) or no (false), as the API takes them and the table stores them. */
export const SCREEN_ANSWERS: z.ZodType<ScreenAnswers> = z.record(z.string(), z.boolean(says('answer.yes-or-no')));

/** A safety screen as the API takes it (POST /api/screen); the route adds the clinician's clearance. */
export const ScreenInput = z
  .object({
    answers: SCREEN_ANSWERS,
    /** Person's age, for the walking ceiling (DOMAIN.md §2b [6]); optional. */
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  })
  .strict();
export type ScreenInput = z.infer<typeof ScreenInput>;

const exclusions = z.array(z.enum(EXERCISE_EXCLUSIONS));
/** The stored JSON of `screens.result`: the scored result exactly as evaluateScreen gave it. */
export const SCREEN_RESULT: z.ZodType<ScreenResult> = z.discriminatedUnion('status', [
  z.object({ status: z.literal('clear'), exclusions, precautions: z.array(z.string()) }),
  z.object({
    status: z.literal('stop'),
    urgency: z.enum(URGENCIES),
    advice: z.string(),
    flags: z.array(z.object({ id: z.string(), concern: z.string(), urgency: z.enum(URGENCIES) })),
    exclusions,
    precautions: z.array(z.string()),
  }),
]);

/** A stored safety screen, as the store reads it. */
export interface StoredScreen {
  id: string;
  takenAt: string;
  answers: ScreenAnswers;
  result: ScreenResult;
}
