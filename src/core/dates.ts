/** Calendar-date arithmetic on YYYY-MM-DD strings, in UTC so it never depends on the machine's time zone. */

const DAY_MS = 86_400_000;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): number {
  const m = YMD.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  return new Date(0).setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/*
 * Days since 1970-01-01 and back, in integer arithmetic (H. Hinnant's days_from_civil / civil_from_days, proleptic
 * Gregorian): no Date is made, so the patient list can work out thousands of lines' windows quickly. A day or month
 * past its end rolls over as Date's does (2026-02-30 is 2 March).
 */
/** Day numbers of the dates seen lately: a clinic's list asks about the same few dates thousands of times. */
const dayNumbers = new Map<string, number>();
const datesOfDays = new Map<number, string>();
const CACHED = 4096;

function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    if (dayNumbers.size >= CACHED) dayNumbers.clear();
    dayNumbers.set(date, (n = computeDayNumber(date)));
  }
  return n;
}

function dateOfDay(n: number): string {
  let date = datesOfDays.get(n);
  if (date === undefined) {
    if (datesOfDays.size >= CACHED) datesOfDays.clear();
    datesOfDays.set(n, (date = computeDateOfDay(n)));
  }
  return date;
}

function computeDayNumber(date: string): number {
  const m = YMD.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const month = Number(m[2]);
  const y = Number(m[1]) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + Number(m[3]) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function computeDateOfDay(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** True for a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return new Date(toUtc(s)).toISOString().slice(0, 10) === s;
}

/** The calendar date of a moment in the machine's own time zone (a fallback for "today" when no one named it). */
export function localCalendarDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A date as people read it in a sentence, e.g. "3 Mar" for 2026-03-03 (no year, no weekday, no locale). */
export function dayMonth(date: string): string {
  const d = new Date(toUtc(date));
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** A date with its year, as people read it, e.g. "3 Nov 2026" for 2026-11-03 (for dates that may be in another year). */
export function dayMonthYear(date: string): string {
  return `${dayMonth(date)} ${date.slice(0, 4)}`;
}

/** Two dates as a period people read, each with its year: "2 Nov 2026 to 8 Nov 2026" (a report's period, a week, a monitoring period). */
export function dayMonthYearRange(from: string, to: string): string {
  return `${dayMonthYear(from)} to ${dayMonthYear(to)}`;
}
