/**
 * The HTTP API's request and response shapes, as zod schemas (parsed once, at the boundary) and their TypeScript
 * types. The web app imports the types from here; nothing in this file does I/O. The shapes of stored records
 * (a check-in, a session, a safety screen, a hand-logged walking day) live with their records in src/core and are
 * re-exported here.
 */
import { z } from 'zod';
import { isoDate } from '../core/record-fields.js';

// The stored records' validators (src/core/*-record.ts, record-fields.ts, pain.ts): the API takes them as they are.
export { isoDate, isoDateTime, nprs } from '../core/record-fields.js';
export { BodyMark } from '../core/pain.js';
export { CheckinInput } from '../core/checkin-record.js';
export { PainScores, SessionInput, SessionItem } from '../core/session-record.js';
export { ScreenInput } from '../core/screen-record.js';
export { WalkingLogInput } from '../core/walking-day-record.js';

export const RangeQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

/** The error body every endpoint returns for a request it refuses. */
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;
