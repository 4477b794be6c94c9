/**
 * A guided session: the exercises done (each with sets, repetitions or seconds) and the pain before and after it.
 * Its type, its validator (the API's body, parsed once at the boundary) and the version of its stored form, in one
 * place: the API schemas, the store and the web app (its offline queue) import them from here.
 *
 * Stored in table `sessions`, `items` as JSON (SessionItem[], read back with SESSION_ITEMS); the pain before and
 * after become check-ins of that session (checkin-record.ts). Version 1 is the only stored form so far; a change
 * to it bumps the version and adds here the reading of the older form, with a test that reads an old row.
 */
import { z } from 'zod';
import { clientId, isoDateTime, nprs } from './record-fields.js';
import { says } from './validation-words.js';

export const SESSION_RECORD_VERSION = 1;

/** One exercise of a session and how much of it was done. */
export const SessionItem = z
  .object({
    exercise: z.enum(['walk', 'ball-roll', 'pinky-toe-lift']),
    position: z.enum(['sitting', 'standing', 'single-leg', 'walking']),
    completed: z.boolean(),
    setsDone: z.number().int().min(0).max(20).default(0),
    repsDone: z.number().int().min(0).max(500).default(0),
    secondsDone: z.number().int().min(0).max(7200).default(0),
  })
  .strict();
export type SessionItem = z.infer<typeof SessionItem>;

/** Pain scores just before or after a session (each may be left out). */
export const PainScores = z
  .object({
    back: nprs.nullable().optional(),
    neck: nprs.nullable().optional(),
    foot: nprs.nullable().optional(),
  })
  .strict();

/** A finished session as the API takes it (POST /api/sessions, also replayed from the offline queue). */
export const SessionInput = z
  .object({
    clientId,
    startedAt: isoDateTime,
    completedAt: isoDateTime,
    items: z.array(SessionItem).min(1, says('session.no-exercise')).max(10),
    painBefore: PainScores.optional(),
    painAfter: PainScores.optional(),
  })
  .strict()
  .refine((s) => Date.parse(s.completedAt) >= Date.parse(s.startedAt), {
    ...says('session.before-start'),
    path: ['completedAt'],
  });
export type SessionInput = z.infer<typeof SessionInput>;

/** A stored session: done in full ('completed') when every item was completed, else 'partial'. */
export interface Session {
  id: string;
  clientId: string;
  date: string;
  startedAt: string;
  completedAt: string;
  stage: number;
  status: 'completed' | 'partial';
  items: SessionItem[];
}

/** The stored JSON of `sessions.items`. */
export const SESSION_ITEMS = z.array(SessionItem);
