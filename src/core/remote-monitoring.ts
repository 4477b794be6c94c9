/**
 * Remote-monitoring figures (issue 15): per patient and per 30-day period, the days with data (a session, a check-in
 * or imported walking) and whether they reach 16, and the minutes clinicians logged on the record. Pure.
 *
 * Where the numbers come from: not DOMAIN.md (a payer's rule, not a clinical one). US Medicare's remote therapeutic
 * monitoring codes (CPT 98975-98981, created by the CY2022 Physician Fee Schedule final rule) pay for the supply of a
 * musculoskeletal monitoring device "each 30 days" (98977) when data were recorded on at least 16 days of the
 * period, and for treatment-management time per calendar month in steps of 20 minutes (98980, 98981); codes added
 * for 2026 (2 to 15 days of data, 98985) are from secondary sources and UNVERIFIED here. Footing shows the figures
 * a clinician would look at; it does not bill, and it does not say whether a service can be billed (docs/clinic.md).
 *
 * The periods run from the program's first day in blocks of 30 days; the last one is the one `today` falls in, its
 * days counted up to today.
 */
import { addDays, dayMonthYear, dayMonthYearRange, daysBetween } from './dates.js';

/** Days in a monitoring period ("each 30 days", CPT 98977). */
export const MONITORING_PERIOD_DAYS = 30;
/** Days with data a period must have to count for device supply (CPT 98976/98977: at least 16 of the 30). */
export const MONITORING_MIN_DAYS = 16;

export interface MonitoringPeriod {
  /** First and last day of the period (the last may be after today). */
  start: string;
  end: string;
  /** Days of the period up to today (30 for a past period). */
  daysElapsed: number;
  /** Days in it with a session, a check-in or imported walking. */
  daysWithData: number;
  /** Whether it reached MONITORING_MIN_DAYS. */
  reached: boolean;
  /** Days still needed to reach it, and whether that is still possible by the period's end. */
  daysNeeded: number;
  stillPossible: boolean;
  /** Minutes logged on the record on days of the period. */
  minutes: number;
}

export interface MonitoringInput {
  /** The first day of monitoring (the program's start); null: not started. */
  startedOn: string | null;
  today: string;
  /** Dates with data (any order, repeats allowed). */
  dataDates: Iterable<string>;
  minutes: readonly { date: string; minutes: number }[];
}

/** Every period from the start up to the one today falls in, oldest first; none before the start. */
export function monitoringPeriods(input: MonitoringInput): MonitoringPeriod[] {
  const { startedOn, today } = input;
  if (!startedOn || today < startedOn) return [];
  const dates = new Set(input.dataDates);
  const count = Math.floor(daysBetween(startedOn, today) / MONITORING_PERIOD_DAYS) + 1;
  const out: MonitoringPeriod[] = [];
  for (let k = 0; k < count; k++) {
    const start = addDays(startedOn, k * MONITORING_PERIOD_DAYS);
    const end = addDays(start, MONITORING_PERIOD_DAYS - 1);
    const last = end < today ? end : today;
    let days = 0;
    for (const d of dates) if (d >= start && d <= last) days++;
    const minutes = input.minutes.reduce((sum, m) => (m.date >= start && m.date <= end ? sum + m.minutes : sum), 0);
    const daysElapsed = daysBetween(start, last) + 1;
    const daysNeeded = Math.max(0, MONITORING_MIN_DAYS - days);
    out.push({
      start,
      end,
      daysElapsed,
      daysWithData: days,
      reached: days >= MONITORING_MIN_DAYS,
      daysNeeded,
      stillPossible: daysNeeded <= MONITORING_PERIOD_DAYS - daysElapsed,
      minutes,
    });
  }
  return out;
}

/** The period today falls in, or null before the start. */
export function currentMonitoringPeriod(input: MonitoringInput): MonitoringPeriod | null {
  return monitoringPeriods(input).at(-1) ?? null;
}

/** The period's first and last days as people read them: "31 Oct 2026 to 29 Nov 2026" (the screen and the report). */
export function monitoringPeriodDates(p: Pick<MonitoringPeriod, 'start' | 'end'>): string {
  return dayMonthYearRange(p.start, p.end);
}

/** The period in words: "12 of 18 days so far with data; 4 more needed by 30 Nov 2026" / "16 of 30 days with data: 16 reached". */
export function monitoringText(p: MonitoringPeriod): string {
  const past = p.daysElapsed === MONITORING_PERIOD_DAYS;
  if (p.reached) return `${p.daysWithData} of ${p.daysElapsed} days with data: ${MONITORING_MIN_DAYS} reached`;
  if (past) return `${p.daysWithData} of ${MONITORING_PERIOD_DAYS} days with data: under ${MONITORING_MIN_DAYS}`;
  return `${p.daysWithData} of ${p.daysElapsed} day${p.daysElapsed === 1 ? '' : 's'} so far with data; ${p.daysNeeded} more needed by ${dayMonthYear(p.end)}${p.stillPossible ? '' : ' (no longer possible)'}`;
}
