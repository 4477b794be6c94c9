/**
 * What the remote-monitoring figures read (src/core/remote-monitoring.ts): the minutes clinicians logged on a
 * patient's record (table monitoring_minutes, migration 0017), and each patient's days with data: a session, a
 * check-in, or walking from a device or an imported file (walking typed by hand is not monitoring data).
 */
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import {
  MONITORING_MINUTES_VERSION,
  type MonitoringMinutes,
  type MonitoringMinutesInput,
} from '../../core/monitoring-minutes-record.js';
import type { Database } from '../schema.js';
import { newId } from '../json-column.js';
import { MANUAL_SOURCE } from '../../core/walking-day.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertMonitoringMinutes(
  db: Db,
  personId: string,
  account: { id: string; displayName: string },
  input: MonitoringMinutesInput,
  loggedAt: string,
): Promise<MonitoringMinutes> {
  const row: MonitoringMinutes = {
    id: newId(),
    date: input.date,
    minutes: input.minutes,
    note: input.note ?? null,
    accountId: account.id,
    loggedBy: account.displayName,
    loggedAt,
  };
  await db
    .insertInto('monitoring_minutes')
    .values({
      id: row.id,
      person_id: personId,
      account_id: account.id,
      version: MONITORING_MINUTES_VERSION,
      date: row.date,
      minutes: row.minutes,
      note: row.note,
      logged_at: loggedAt,
    })
    .execute();
  return row;
}

/**
 * Changes an entry of this patient's that this account logged (a clinician corrects their own log, not another's);
 * null when there is none. The time it was logged is kept.
 */
export async function updateMonitoringMinutes(
  db: Db,
  personId: string,
  accountId: string,
  id: string,
  input: MonitoringMinutesInput,
): Promise<MonitoringMinutes | null> {
  const res = await db
    .updateTable('monitoring_minutes')
    .set({ date: input.date, minutes: input.minutes, note: input.note ?? null, version: MONITORING_MINUTES_VERSION })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return null;
  return (await listMonitoringMinutes(db, personId)).find((m) => m.id === id) ?? null;
}

/** Removes an entry of this patient's that this account logged; whether there was one. */
export async function deleteMonitoringMinutes(
  db: Db,
  personId: string,
  accountId: string,
  id: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('monitoring_minutes')
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** A patient's logged minutes, oldest first, with who logged them. */
export async function listMonitoringMinutes(db: Db, personId: string): Promise<MonitoringMinutes[]> {
  const rows = await db
    .selectFrom('monitoring_minutes as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['m.id', 'm.date', 'm.minutes', 'm.note', 'm.account_id', 'a.display_name', 'm.logged_at'])
    .where('m.person_id', '=', personId)
    .orderBy('m.date')
    .orderBy('m.logged_at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    minutes: Number(r.minutes),
    note: r.note,
    accountId: r.account_id,
    loggedBy: r.display_name,
    loggedAt: r.logged_at,
  }));
}

/** Minutes of these people logged from `from` on, per person (for the patient list's current periods). */
export async function minutesSince(
  db: Db,
  personIds: readonly string[],
  from: string,
): Promise<Map<string, { date: string; minutes: number }[]>> {
  const out = new Map<string, { date: string; minutes: number }[]>();
  if (!personIds.length) return out;
  const rows = await db
    .selectFrom('monitoring_minutes')
    .select(['person_id', 'date', 'minutes'])
    .where('person_id', 'in', [...personIds])
    .where('date', '>=', from)
    .execute();
  for (const r of rows)
    (out.get(r.person_id) ?? out.set(r.person_id, []).get(r.person_id)!).push({
      date: r.date,
      minutes: Number(r.minutes),
    });
  return out;
}

/**
 * The dates from `from` on with a session, a check-in or walking that was not typed by hand, per person. One
 * statement (a UNION of the three tables, which also drops a day found in more than one): a page of the patient list
 * asks for it, and on PostgreSQL three reads were three round trips. Each person's dates come back joined in one
 * text (string_agg / group_concat), one row per person rather than one per day: a page of 50 patients with a month
 * of data each was 1,500 rows for the driver to parse.
 */
export async function dataDatesSince(
  db: Db,
  personIds: readonly string[],
  from: string,
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!personIds.length) return out;
  const ids = [...personIds];
  const days = db
    .selectFrom('sessions')
    .select(['person_id', 'date'])
    .where('person_id', 'in', ids)
    .where('date', '>=', from)
    .union(
      db.selectFrom('checkins').select(['person_id', 'date']).where('person_id', 'in', ids).where('date', '>=', from),
    )
    .union(
      db
        .selectFrom('walking_sample_chunks')
        .select(['person_id', 'date'])
        .where('person_id', 'in', ids)
        .where('date', '>=', from)
        .where('source', '<>', MANUAL_SOURCE),
    );
  // A date is YYYY-MM-DD (the stores' date columns), so a comma cannot occur inside one.
  const joined =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<string>`string_agg(d.date, ',')`
      : sql<string>`group_concat(d.date, ',')`;
  const rows = await db
    .selectFrom(days.as('d'))
    .select(['d.person_id', joined.as('dates')])
    .groupBy('d.person_id')
    .execute();
  for (const r of rows) out.set(r.person_id, new Set(r.dates.split(',')));
  return out;
}
