import type { Kysely } from 'kysely';
import { localDateOf } from '../../core/checkin-record.js';
import { SESSION_ITEMS, type Session, type SessionInput } from '../../core/session-record.js';
import type { Database } from '../schema.js';
import { fromJson, newId, toJson } from '../json-column.js';
import { addCheckinRow } from './checkins.js';
import { refreshListFigures } from './patient-list.js';
import { isUniqueViolation } from '../unique-violation.js';

/** The record (type, validator, stored form) is src/core/session-record.ts. */
export type { Session } from '../../core/session-record.js';

/**
 * Stores a finished guided session with its before/after pain check-ins, and refreshes the person's list figures, in
 * one transaction, so a killed process leaves either all of it or none. Idempotent on clientId: a retried upload
 * (e.g. replayed after being offline) returns the stored session and adds nothing.
 */
export async function saveSession(
  db: Kysely<Database>,
  personId: string,
  stage: number,
  input: SessionInput,
): Promise<{ session: Session; created: boolean }> {
  try {
    return await insertSession(db, personId, stage, input);
  } catch (e) {
    // Two resends at once (two tabs, a retry racing its original): the loser's insert breaks the unique index.
    const stored = isUniqueViolation(e) ? await findSession(db, personId, input.clientId) : undefined;
    if (stored) return { session: stored, created: false };
    throw e;
  }
}

async function findSession(db: Kysely<Database>, personId: string, clientId: string): Promise<Session | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('person_id', '=', personId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

async function insertSession(
  db: Kysely<Database>,
  personId: string,
  stage: number,
  input: SessionInput,
): Promise<{ session: Session; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('sessions')
      .selectAll()
      .where('person_id', '=', personId)
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    if (existing) return { session: fromRow(existing), created: false };
    const session: Session = {
      id: newId(),
      clientId: input.clientId,
      date: localDateOf(input.startedAt),
      startedAt: input.startedAt,
      completedAt: input.completedAt,
      stage,
      status: input.items.every((i) => i.completed) ? 'completed' : 'partial',
      items: input.items,
    };
    await trx
      .insertInto('sessions')
      .values({
        id: session.id,
        person_id: personId,
        client_id: session.clientId,
        date: session.date,
        started_at: session.startedAt,
        completed_at: session.completedAt,
        stage,
        status: session.status,
        items: toJson(session.items),
      })
      .execute();
    if (input.painBefore && hasScore(input.painBefore))
      await addCheckinRow(
        trx,
        personId,
        { at: input.startedAt, context: 'before', ...input.painBefore, regions: [] },
        session.id,
      );
    if (input.painAfter && hasScore(input.painAfter))
      await addCheckinRow(
        trx,
        personId,
        { at: input.completedAt, context: 'after', ...input.painAfter, regions: [] },
        session.id,
      );
    await refreshListFigures(trx, personId);
    return { session, created: true };
  });
}

const hasScore = (p: {
  back?: number | null | undefined;
  neck?: number | null | undefined;
  foot?: number | null | undefined;
}) => p.back != null || p.neck != null || p.foot != null;

export async function listSessions(
  db: Kysely<Database>,
  personId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<Session[]> {
  let q = db.selectFrom('sessions').selectAll().where('person_id', '=', personId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  return (await q.orderBy('started_at').orderBy('id').execute()).map(fromRow);
}

/** A person's sessions in listSessions's order, each as its day and status only (no items to parse): what the
 * program engine reads of them. */
export async function listSessionDays(
  db: Kysely<Database>,
  personId: string,
): Promise<Pick<Session, 'date' | 'status'>[]> {
  return db
    .selectFrom('sessions')
    .select(SESSION_DAY_COLUMNS)
    .where('person_id', '=', personId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
}

/** The columns of a session's day and status (person-history.ts reads them too). */
export const SESSION_DAY_COLUMNS = ['date', 'status'] as const;

function fromRow(r: Database['sessions']): Session {
  return {
    id: r.id,
    clientId: r.client_id,
    date: r.date,
    startedAt: r.started_at,
    completedAt: r.completed_at,
    stage: r.stage,
    status: r.status,
    items: fromJson(SESSION_ITEMS, r.items, `sessions.items (${r.id})`),
  };
}
