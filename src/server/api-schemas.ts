/**
 * The HTTP API's request and response shapes, as zod schemas (parsed once, at the boundary) and their TypeScript
 * types. The web app imports the types from here; nothing in this file does I/O.
 */
import { z } from 'zod';
import { BODY_REGIONS, PAIN_TYPES } from '../core/pain.js';
import { isIsoDate } from '../core/dates.js';

export const nprs = z.number({ error: 'must be a number from 0 to 10' }).int('must be a whole number from 0 to 10').min(0, 'must be 0 or more').max(10, 'must be 10 or less');
export const isoDate = z.string().refine(isIsoDate, 'must be a calendar date like 2026-11-25');
export const isoDateTime = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, like 2026-11-25T08:30:00+01:00' });

export const ScreenInput = z.object({
  answers: z.record(z.string(), z.boolean({ error: 'must be true or false' })),
  /** Person's age, for the walking ceiling (DOMAIN.md §2b [6]); optional. */
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
}).strict();
export type ScreenInput = z.infer<typeof ScreenInput>;

export const BodyMark = z.object({
  region: z.enum(BODY_REGIONS),
  side: z.enum(['left', 'right', 'both', 'centre']),
  intensity: nprs,
  view: z.enum(['front', 'back']).default('front'),
  /** What the pain feels like, in the person's words from a short list. */
  type: z.enum(PAIN_TYPES).optional(),
}).strict();
export type BodyMark = z.infer<typeof BodyMark>;

export const PainScores = z.object({
  back: nprs.nullable().optional(),
  neck: nprs.nullable().optional(),
  foot: nprs.nullable().optional(),
}).strict();

export const CheckinInput = z.object({
  at: isoDateTime,
  context: z.enum(['daily', 'before', 'after']),
  back: nprs.nullable().optional(),
  neck: nprs.nullable().optional(),
  foot: nprs.nullable().optional(),
  regions: z.array(BodyMark).max(40).default([]),
  note: z.string().max(2000).nullable().optional(),
  /** Pain in the heel with the first steps of the morning (plantar heel pain, DOMAIN.md §3 3.2, §8). */
  heelFirstSteps: nprs.nullable().optional(),
  /** New foot, knee or hip symptoms since the last check-in (WalkBack's lower-limb signal, DOMAIN.md §2a 2.2). */
  newLowerLimbSymptoms: z.boolean().nullable().optional(),
}).strict().refine((c) => c.back != null || c.neck != null || c.foot != null, { message: 'give at least one pain score (back, neck or foot)', path: ['back'] });
export type CheckinInput = z.infer<typeof CheckinInput>;

export const SessionItem = z.object({
  exercise: z.enum(['walk', 'ball-roll', 'pinky-toe-lift']),
  position: z.enum(['sitting', 'standing', 'single-leg', 'walking']),
  completed: z.boolean(),
  setsDone: z.number().int().min(0).max(20).default(0),
  repsDone: z.number().int().min(0).max(500).default(0),
  secondsDone: z.number().int().min(0).max(7200).default(0),
}).strict();
export type SessionItem = z.infer<typeof SessionItem>;

export const SessionInput = z.object({
  clientId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _'),
  startedAt: isoDateTime,
  completedAt: isoDateTime,
  items: z.array(SessionItem).min(1, 'a session needs at least one exercise').max(10),
  painBefore: PainScores.optional(),
  painAfter: PainScores.optional(),
}).strict().refine((s) => Date.parse(s.completedAt) >= Date.parse(s.startedAt), { message: 'must not be before startedAt', path: ['completedAt'] });
export type SessionInput = z.infer<typeof SessionInput>;

export const WalkingLogInput = z.object({
  date: isoDate,
  minutes: z.number().min(0).max(1440).nullable().optional(),
  steps: z.number().int().min(0).max(200_000).nullable().optional(),
}).strict().refine((w) => (w.minutes ?? 0) > 0 || (w.steps ?? 0) > 0, { message: 'give minutes or steps (more than 0)', path: ['minutes'] });
export type WalkingLogInput = z.infer<typeof WalkingLogInput>;

export const RangeQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
}).strict();

/** The error body every endpoint returns for a request it refuses. */
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;
