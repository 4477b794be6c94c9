/**
 * Remote-monitoring figures of a patient (issue 15): their 30-day periods from the program's start, each with its
 * days with data and the minutes clinicians logged (src/core/remote-monitoring.ts), for the clinician's patient page,
 * the patient list and the report; and the logging of minutes.
 */
import type { Kysely } from 'kysely';
import type { MonitoringMinutes, MonitoringMinutesInput } from '../core/monitoring-minutes-record.js';
import {
  currentMonitoringPeriod,
  monitoringPeriods,
  MONITORING_MIN_DAYS,
  MONITORING_PERIOD_DAYS,
  type MonitoringPeriod,
} from '../core/remote-monitoring.js';
import { addDays } from '../core/dates.js';
import type { Database } from '../store/schema.js';
import { getProgram } from '../store/repos/program.js';
import {
  dataDatesSince,
  deleteMonitoringMinutes,
  insertMonitoringMinutes,
  listMonitoringMinutes,
  minutesSince,
  updateMonitoringMinutes,
} from '../store/repos/monitoring.js';
import { notFoundHere } from './service-error.js';
import { refusal } from '../core/refusal-words.js';

export interface MonitoringFigures {
  rule: { periodDays: number; minDays: number };
  /** The program's first day (the first period's); null before the safety check. */
  startedOn: string | null;
  /** Oldest first; the last is the current one. */
  periods: MonitoringPeriod[];
  /** Every logged entry, oldest first. */
  entries: MonitoringMinutes[];
}

export async function monitoringFigures(
  db: Kysely<Database>,
  personId: string,
  today: string,
): Promise<MonitoringFigures> {
  const program = await getProgram(db, personId);
  const startedOn = program?.startedOn ?? null;
  const entries = await listMonitoringMinutes(db, personId);
  const dates = startedOn
    ? ((await dataDatesSince(db, [personId], startedOn)).get(personId) ?? new Set<string>())
    : new Set<string>();
  return {
    rule: { periodDays: MONITORING_PERIOD_DAYS, minDays: MONITORING_MIN_DAYS },
    startedOn,
    periods: monitoringPeriods({ startedOn, today, dataDates: dates, minutes: entries }),
    entries,
  };
}

export async function logMonitoringMinutes(
  db: Kysely<Database>,
  personId: string,
  account: { id: string; displayName: string },
  input: MonitoringMinutesInput,
  now = new Date(),
): Promise<MonitoringMinutes> {
  return insertMonitoringMinutes(db, personId, account, input, now.toISOString());
}

/** No entry of that id on this record logged by this clinician: another clinician's entry is theirs to change. */
const notYours = () => notFoundHere(refusal('minutes.not-found'), 'id');

/** A clinician corrects an entry they logged (the date, the minutes, the note). */
export async function editMonitoringMinutes(
  db: Kysely<Database>,
  personId: string,
  account: { id: string },
  id: string,
  input: MonitoringMinutesInput,
): Promise<MonitoringMinutes> {
  const row = await updateMonitoringMinutes(db, personId, account.id, id, input);
  if (!row) throw notYours();
  return row;
}

/** A clinician removes an entry they logged (logged by mistake, or on the wrong patient). */
export async function removeMonitoringMinutes(
  db: Kysely<Database>,
  personId: string,
  account: { id: string },
  id: string,
): Promise<void> {
  if (!(await deleteMonitoringMinutes(db, personId, account.id, id))) throw notYours();
}

/** Each patient's current period (null before their program starts), for a page of the patient list: two queries for the page. */
export async function currentPeriods(
  db: Kysely<Database>,
  rows: readonly { personId: string; program: { startedOn: string } | null }[],
  today: string,
): Promise<(MonitoringPeriod | null)[]> {
  const started = rows.filter((r) => r.program && r.program.startedOn <= today);
  if (!started.length) return rows.map(() => null);
  // The earliest start of a current period on the page: no period is longer than 30 days.
  const from = addDays(today, -(MONITORING_PERIOD_DAYS - 1));
  const ids = started.map((r) => r.personId);
  const [dates, minutes] = await Promise.all([dataDatesSince(db, ids, from), minutesSince(db, ids, from)]);
  return rows.map((r) =>
    r.program
      ? currentMonitoringPeriod({
          startedOn: r.program.startedOn,
          today,
          dataDates: dates.get(r.personId) ?? [],
          minutes: minutes.get(r.personId) ?? [],
        })
      : null,
  );
}
