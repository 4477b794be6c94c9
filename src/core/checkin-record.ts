/**
 * A check-in: pain scores (back, neck, foot), the areas marked on the body map, a note and the two signals the
 * program review reads (heel pain with the first steps, new lower-limb symptoms). Daily, or before and after a
 * session. Its type, its validator (the API's body, parsed once at the boundary) and the version of its stored
 * form, in one place: the API schemas, the store and the web app import them from here.
 *
 * Stored in table `checkins`: one column per score, `regions` as JSON (BodyMark[], read back with
 * CHECKIN_REGIONS), `client_id` (null for a session's own check-ins and older rows; unique per person). Version 1 is the only stored form so far; a change to it bumps the version and adds here the
 * reading of the older form, with a test that reads an old row.
 */
import { z } from 'zod';
import { BodyMark } from './pain.js';
import { clientId, isoDateTime, nprs } from './record-fields.js';
import { says } from './validation-words.js';

export const CHECKIN_RECORD_VERSION = 1;

/** When the check-in was made: a day's own check-in, or just before or after a guided session. */
export const CHECKIN_CONTEXTS = ['daily', 'before', 'after'] as const;
export type CheckinContext = (typeof CHECKIN_CONTEXTS)[number];

/** A new check-in as the API takes it (POST /api/checkins) and the store saves it. */
export const CheckinInput = z
  .object({
    /** The device's id for this check-in (optional: older clients send none). A resend with the same id is stored once. */
    clientId: clientId.optional(),
    at: isoDateTime,
    context: z.enum(CHECKIN_CONTEXTS),
    back: nprs.nullable().optional(),
    neck: nprs.nullable().optional(),
    foot: nprs.nullable().optional(),
    regions: z.array(BodyMark).max(40).default([]),
    note: z.string().max(2000).nullable().optional(),
    /** Pain in the heel with the first steps of the morning (plantar heel pain, DOMAIN.md §3 3.2, §8). */
    heelFirstSteps: nprs.nullable().optional(),
    /** New foot, knee or hip symptoms since the last check-in (WalkBack's lower-limb signal, DOMAIN.md §2a 2.2). */
    newLowerLimbSymptoms: z.boolean().nullable().optional(),
  })
  .strict()
  .refine((c) => c.back != null || c.neck != null || c.foot != null, { ...says('checkin.one-score'), path: ['back'] });
export type CheckinInput = z.infer<typeof CheckinInput>;

/** A stored check-in, as the store reads it and the API returns it. */
export interface Checkin {
  id: string;
  at: string;
  date: string;
  context: CheckinContext;
  sessionId: string | null;
  back: number | null;
  neck: number | null;
  foot: number | null;
  regions: BodyMark[];
  note: string | null;
  heelFirstSteps: number | null;
  newLowerLimbSymptoms: boolean | null;
}

/** The stored JSON of `checkins.regions`. */
export const CHECKIN_REGIONS = z.array(BodyMark);

/** The local calendar date of a check-in: the date part as the client wrote it (its own offset). */
export const localDateOf = (iso: string): string => iso.slice(0, 10);
