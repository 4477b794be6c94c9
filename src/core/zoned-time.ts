/**
 * Local time in a named time zone (IANA, e.g. Europe/Madrid) without a time zone library: the runtime's Intl knows
 * every zone's rules, in Node and in the browser alike. The reminders need three things from it: the wall clock at
 * an instant, the instant of a wall-clock time (with RFC 5545's reading of the hour that is skipped or repeated when
 * clocks change), and the changes of offset over a span of years, for a calendar feed's VTIMEZONE.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in a zone at an instant, as the UTC milliseconds of that same date and time (seconds dropped). */
function wallMs(timeZone: string, utcMs: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(utcMs))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
}

/** The zone's offset from UTC at an instant, in minutes east (Europe/Madrid in summer: 120). */
export function offsetMinutes(timeZone: string, utcMs: number): number {
  return Math.round((wallMs(timeZone, utcMs) - Math.floor(utcMs / MINUTE) * MINUTE) / MINUTE);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dateOf = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** The local date (YYYY-MM-DD) and time (HH:MM) in a zone at an instant. */
export function wallClock(timeZone: string, utcMs: number): { date: string; time: string } {
  const w = new Date(wallMs(timeZone, utcMs));
  return { date: dateOf(w.getTime()), time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}` };
}

/** Day of the week of a calendar date, 0 = Monday ... 6 = Sunday (ISO 8601 order). */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7;
}

/** The calendar date `days` after `date` (negative: before). */
export const shiftDate = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number);
  return dateOf(Date.UTC(y!, m! - 1, d!) + days * DAY);
};

/**
 * The instant at which a local date and time (HH:MM) happen in a zone. RFC 5545 §3.3.5 decides the two hard cases,
 * so a push reminder and the calendar feed agree: a time skipped when clocks go forward is read with the offset
 * before the change (02:30 on a night that jumps from 02:00 to 03:00 happens at 03:30); a time that happens twice
 * when clocks go back is the first of the two.
 */
export function instantOf(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // No zone changes its offset twice within a day, so the offsets half a day either side are the only candidates.
  const before = offsetMinutes(timeZone, wall - DAY / 2);
  const after = offsetMinutes(timeZone, wall + DAY / 2);
  const fits = [before, after].map((o) => wall - o * MINUTE).filter((t) => wallMs(timeZone, t) === wall);
  if (fits.length) return Math.min(...fits);
  return wall - before * MINUTE; // in the gap
}

/** A change of a zone's offset: the instant it happens, and the offsets (minutes east) before and after. */
export interface OffsetChange {
  at: number;
  from: number;
  to: number;
}

/** The zone's offset changes in [fromMs, toMs), found day by day and then to the minute. */
export function offsetChanges(timeZone: string, fromMs: number, toMs: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let prev = offsetMinutes(timeZone, fromMs);
  for (let t = fromMs + DAY; t < toMs + DAY; t += DAY) {
    const now = offsetMinutes(timeZone, Math.min(t, toMs));
    if (now === prev) continue;
    // The change lies in (t - DAY, t]: narrow it down to the minute.
    let lo = t - DAY;
    let hi = Math.min(t, toMs);
    while (hi - lo > MINUTE) {
      const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
      if (mid <= lo) break;
      if (offsetMinutes(timeZone, mid) === prev) lo = mid;
      else hi = mid;
    }
    if (hi < toMs) changes.push({ at: hi, from: prev, to: now });
    prev = now;
  }
  return changes;
}
