/**
 * A person's reminder settings, the claim that stops a reminder going out twice, and their calendar feed's token
 * (kept as its SHA-256 only, like sign-in tokens: a leaked table cannot be turned into feed links).
 */
import type { Kysely, Transaction } from 'kysely';
import {
  orderedDays,
  REMINDER_DAYS,
  REMINDER_RECORD_VERSION,
  type ReminderSettings,
  type ReminderSettingsInput,
} from '../../core/reminder-record.js';
import type { Database, ReminderSettingsTable } from '../schema.js';
import { fromJson, toJson } from '../json-column.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The record (type, validator, stored form) is src/core/reminder-record.ts. */
export type { ReminderSettings } from '../../core/reminder-record.js';

const toSettings = (
  r: Pick<ReminderSettingsTable, 'person_id' | 'days' | 'time' | 'time_zone' | 'updated_at'>,
): ReminderSettings => ({
  days: fromJson(REMINDER_DAYS, r.days, `reminder_settings.days (${r.person_id})`),
  time: r.time,
  timeZone: r.time_zone,
  updatedAt: r.updated_at,
});

export async function getReminderSettings(db: Db, personId: string): Promise<ReminderSettings | null> {
  const r = await db
    .selectFrom('reminder_settings')
    .select(['person_id', 'days', 'time', 'time_zone', 'updated_at'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return r ? toSettings(r) : null;
}

/** Saves the settings (the last-sent date and the feed token stay as they were). */
export async function saveReminderSettings(
  db: Db,
  personId: string,
  input: ReminderSettingsInput,
  now: string,
): Promise<ReminderSettings> {
  const row = {
    version: REMINDER_RECORD_VERSION,
    days: toJson(orderedDays(input.days)),
    time: input.time,
    time_zone: input.timeZone,
    updated_at: now,
  };
  await db
    .insertInto('reminder_settings')
    .values({ person_id: personId, ...row, last_sent_on: null, calendar_token_hash: null })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
    .execute();
  return { days: orderedDays(input.days), time: input.time, timeZone: input.timeZone, updatedAt: now };
}

/** Everyone with at least one reminder day, with the date of their last reminder sent: what the scheduler reads. */
export async function listActiveReminders(
  db: Db,
): Promise<{ personId: string; settings: ReminderSettings; lastSentOn: string | null }[]> {
  const rows = await db
    .selectFrom('reminder_settings')
    .select(['person_id', 'days', 'time', 'time_zone', 'updated_at', 'last_sent_on'])
    .where('days', '<>', '[]')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => ({ personId: r.person_id, settings: toSettings(r), lastSentOn: r.last_sent_on }));
}

/**
 * Claims the reminder for a local date: true for exactly one caller, however many processes or ticks try (a
 * conditional update is atomic on both databases). The claim comes before the sending, so a crash in between loses
 * one reminder rather than sending it twice.
 */
export async function claimReminder(db: Db, personId: string, on: string): Promise<boolean> {
  const r = await db
    .updateTable('reminder_settings')
    .set({ last_sent_on: on })
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('last_sent_on', 'is', null), eb('last_sent_on', '<', on)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets (or with null, revokes) the calendar feed token's hash. False when the person has no reminder settings. */
export async function setCalendarTokenHash(db: Db, personId: string, hash: string | null): Promise<boolean> {
  const r = await db
    .updateTable('reminder_settings')
    .set({ calendar_token_hash: hash })
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function hasCalendarToken(db: Db, personId: string): Promise<boolean> {
  const r = await db
    .selectFrom('reminder_settings')
    .select('calendar_token_hash')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return r?.calendar_token_hash != null;
}

/** The settings behind a feed token's hash, or null (unknown or revoked). */
export async function findByCalendarTokenHash(db: Db, hash: string): Promise<ReminderSettings | null> {
  const r = await db
    .selectFrom('reminder_settings')
    .select(['person_id', 'days', 'time', 'time_zone', 'updated_at'])
    .where('calendar_token_hash', '=', hash)
    .executeTakeFirst();
  return r ? toSettings(r) : null;
}
