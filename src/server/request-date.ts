import { isIsoDate } from '../core/dates.js';
import { badRequest } from './problem.js';

/** "Today" is the person's own calendar date: the client sends it; the server's date is the fallback. */
export function todayFrom(date: string | undefined): string {
  if (date === undefined) {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  if (!isIsoDate(date)) throw badRequest('date must be a calendar date like 2026-11-25', 'date');
  return date;
}
