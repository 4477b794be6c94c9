/**
 * Messages between a patient and their clinicians (the record is src/core/message-record.ts). A thread is one
 * patient and one clinician account. Whether the two may write to each other (an active care link) is checked by
 * the caller with care-links.ts before any of these run; the thread lists below only name people with an active link,
 * so a revoked link's thread drops out of both sides' lists at once.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  MESSAGE_RECORD_VERSION,
  type Message,
  type MessageSender,
  type ThreadSummary,
} from '../../core/message-record.js';
import type { Database, MessagesTable } from '../schema.js';
import { newId } from '../json-column.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The record (type, validator, stored form) is src/core/message-record.ts. */
export type { Message } from '../../core/message-record.js';

/** The most messages a thread read returns: the latest ones, oldest first. */
export const THREAD_LIMIT = 200;

const toMessage = (r: Pick<MessagesTable, 'id' | 'sender' | 'text' | 'sent_at' | 'read_at'>): Message => ({
  id: r.id,
  from: r.sender,
  text: r.text,
  sentAt: r.sent_at,
  readAt: r.read_at,
});

export interface ThreadKey {
  personId: string;
  clinicianAccountId: string;
}

export async function addMessage(
  db: Db,
  thread: ThreadKey,
  m: { from: MessageSender; text: string; sentAt: string },
): Promise<Message> {
  const row = {
    id: newId(),
    version: MESSAGE_RECORD_VERSION,
    person_id: thread.personId,
    clinician_account_id: thread.clinicianAccountId,
    sender: m.from,
    text: m.text,
    sent_at: m.sentAt,
    read_at: null,
  };
  await db.insertInto('messages').values(row).execute();
  return toMessage(row);
}

/**
 * Opens a thread as `reader`: the other side's unread messages are marked read at `now`, then the latest
 * THREAD_LIMIT messages are returned, oldest first, as now stored. Unread ones older than the latest THREAD_LIMIT
 * are marked read too: they can no longer be shown, and an unread count that could never go down would mislead.
 */
export async function openThread(db: Db, thread: ThreadKey, reader: MessageSender, now: string): Promise<Message[]> {
  await db
    .updateTable('messages')
    .set({ read_at: now })
    .where('person_id', '=', thread.personId)
    .where('clinician_account_id', '=', thread.clinicianAccountId)
    .where('sender', '<>', reader)
    .where('read_at', 'is', null)
    .execute();
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'sender', 'text', 'sent_at', 'read_at'])
    .where('person_id', '=', thread.personId)
    .where('clinician_account_id', '=', thread.clinicianAccountId)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(THREAD_LIMIT)
    .execute();
  return rows.reverse().map(toMessage);
}

/** Unread count (messages to `reader`) and last message time of each thread in `where`, by the other side's id. */
async function summaries(
  db: Db,
  side: 'person_id' | 'clinician_account_id',
  id: string,
  reader: MessageSender,
): Promise<Map<string, ThreadSummary>> {
  const other = side === 'person_id' ? 'clinician_account_id' : 'person_id';
  const last = await db
    .selectFrom('messages')
    .select([other, (eb) => eb.fn.max('sent_at').as('last_at')])
    .where(side, '=', id)
    .groupBy(other)
    .execute();
  const unread = await db
    .selectFrom('messages')
    .select([other, (eb) => eb.fn.countAll().as('n')])
    .where(side, '=', id)
    .where('sender', '<>', reader)
    .where('read_at', 'is', null)
    .groupBy(other)
    .execute();
  const out = new Map<string, ThreadSummary>();
  for (const r of last) out.set(r[other], { unread: 0, lastAt: r.last_at });
  for (const r of unread) out.get(r[other])!.unread = Number(r.n);
  return out;
}

export interface PatientThread extends ThreadSummary {
  clinicianAccountId: string;
  clinicianName: string;
  clinicName: string;
}

/** A patient's threads: one per clinician they have an active care link with (with or without messages yet). */
export async function patientThreads(db: Db, personId: string): Promise<PatientThread[]> {
  const links = await db
    .selectFrom('care_links')
    .innerJoin('accounts', 'accounts.id', 'care_links.clinician_account_id')
    .innerJoin('clinics', 'clinics.id', 'care_links.clinic_id')
    .select(['care_links.clinician_account_id as id', 'accounts.display_name as name', 'clinics.name as clinic'])
    .distinct()
    .where('care_links.person_id', '=', personId)
    .where('care_links.accepted_at', 'is not', null)
    .where('care_links.revoked_at', 'is', null)
    .orderBy('accounts.display_name')
    .orderBy('care_links.clinician_account_id')
    .execute();
  const sums = await summaries(db, 'person_id', personId, 'patient');
  return links.map((l) => ({
    clinicianAccountId: l.id,
    clinicianName: l.name,
    clinicName: l.clinic,
    ...(sums.get(l.id) ?? { unread: 0, lastAt: null }),
  }));
}

export interface ClinicianThread extends ThreadSummary {
  personId: string;
  displayName: string;
}

/**
 * A clinician's threads with messages in them, among the patients they may see now (`activePatientIds`, from
 * care-links.ts), most recent first.
 */
export async function clinicianThreads(
  db: Db,
  clinicianAccountId: string,
  activePatientIds: readonly string[],
): Promise<ClinicianThread[]> {
  if (!activePatientIds.length) return [];
  const sums = await summaries(db, 'clinician_account_id', clinicianAccountId, 'clinician');
  const ids = activePatientIds.filter((id) => sums.has(id));
  if (!ids.length) return [];
  const people = await db.selectFrom('people').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return people
    .map((p) => ({ personId: p.id, displayName: p.display_name, ...sums.get(p.id)! }))
    .sort((a, b) => (b.lastAt ?? '').localeCompare(a.lastAt ?? '') || a.personId.localeCompare(b.personId));
}

/**
 * How many messages from each of `personIds` this clinician has not read (threads with none are absent). For the
 * patient-list lines, which only ever name the clinician's active patients.
 */
export async function unreadFromPatients(
  db: Db,
  clinicianAccountId: string,
  personIds: readonly string[],
): Promise<Map<string, number>> {
  if (!personIds.length) return new Map();
  const rows = await db
    .selectFrom('messages')
    .select(['person_id', (eb) => eb.fn.countAll().as('n')])
    .where('clinician_account_id', '=', clinicianAccountId)
    .where('person_id', 'in', personIds)
    .where('sender', '=', 'patient')
    .where('read_at', 'is', null)
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
}

/**
 * A clinician's unread total and newest message time over the threads with `activePatientIds`: what the workspace
 * polls while it is open (a change means a new message). Names no patient and no text.
 */
export async function clinicianInboxState(
  db: Db,
  clinicianAccountId: string,
  activePatientIds: readonly string[],
): Promise<ThreadSummary> {
  if (!activePatientIds.length) return { unread: 0, lastAt: null };
  const sums = await summaries(db, 'clinician_account_id', clinicianAccountId, 'clinician');
  let unread = 0;
  let lastAt: string | null = null;
  for (const id of activePatientIds) {
    const s = sums.get(id);
    if (!s) continue;
    unread += s.unread;
    if (s.lastAt && (!lastAt || s.lastAt > lastAt)) lastAt = s.lastAt;
  }
  return { unread, lastAt };
}
