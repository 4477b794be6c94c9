/**
 * Validators of the fields that the stored records (check-ins, sessions, pain maps, imports) and the API share:
 * a calendar date, a date-time with its time zone, a pain score. One definition each, so a record, the API that
 * takes it and the web app that sends it agree on what is valid and say it in the same words (by message id,
 * validation-words.ts, so each language says it).
 */
import { z } from 'zod';
import { NPRS_MAX, NPRS_MIN } from './clinical-constants.js';
import { isIsoDate } from './dates.js';
import { says } from './validation-words.js';

/** A score on the NPRS, a whole number from NPRS_MIN to NPRS_MAX (DOMAIN.md §7 [39]). */
export const nprs = z
  .number(says('number.range', { min: NPRS_MIN, max: NPRS_MAX }))
  .int(says('number.whole-range', { min: NPRS_MIN, max: NPRS_MAX }))
  .min(NPRS_MIN, says('number.at-least', { min: NPRS_MIN }))
  .max(NPRS_MAX, says('number.at-most', { max: NPRS_MAX }));

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDate = z.string().refine(isIsoDate, says('date.calendar'));

/** An ISO 8601 date-time with its time zone (the person's own offset is kept: it gives their local date). */
export const isoDateTime = z.string().datetime({ offset: true, ...says('date-time.zoned') });

/**
 * The id a device gives a record it made (a session, a check-in) before the server has it: random, 8-64 letters,
 * digits, - or _. A resend after a lost answer carries the same id, so the server stores the record once.
 */
export const clientId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, says('id.characters'));
