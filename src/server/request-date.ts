import { isIsoDate, localCalendarDate } from '../core/dates.js';
import { badRequest } from './problem.js';
import { refusal } from '../core/refusal-words.js';

/** "Today" is the person's own calendar date: the client sends it; the server's date is the fallback. */
export function todayFrom(date: string | undefined): string {
  if (date === undefined) return localCalendarDate(new Date());
  if (!isIsoDate(date)) throw badRequest(refusal('request.date'), 'date');
  return date;
}
