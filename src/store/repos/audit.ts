/**
 * The audit log: who read or changed which person's data, when, through which route. Append-only (the database
 * refuses UPDATE and DELETE on it, migration 0006). Only route patterns are recorded, never URLs or bodies, so the
 * log itself holds no health data.
 */
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../schema.js';
import { newId } from '../json-column.js';

export interface AuditEntry {
  id: string;
  at: string;
  actorAccountId: string | null;
  actorRole: string;
  personId: string;
  method: string;
  route: string;
  action: AuditLogTable['action'];
}
/** An entry as the patient reads it: with the actor's name and email while that account exists. */
export interface AuditView extends AuditEntry {
  actorName: string | null;
  actorEmail: string | null;
}

export async function appendAudit(db: Kysely<Database>, e: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
  await appendAuditMany(db, [e]);
}

/** Several entries in one statement (e.g. a patient list read: one entry per patient shown). */
export async function appendAuditMany(
  db: Kysely<Database>,
  entries: readonly Omit<AuditEntry, 'id' | 'at'>[],
): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < entries.length; i += 200) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + 200).map((e) => ({
          id: newId(),
          at,
          actor_account_id: e.actorAccountId,
          actor_role: e.actorRole,
          person_id: e.personId,
          method: e.method,
          route: e.route,
          action: e.action,
        })),
      )
      .execute();
  }
}

/** A person's entries, newest first. */
export async function listAudit(db: Kysely<Database>, personId: string, limit = 500): Promise<AuditView[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('accounts', 'accounts.id', 'audit_log.actor_account_id')
    .selectAll('audit_log')
    .select(['accounts.display_name as actor_name', 'accounts.email as actor_email'])
    .where('audit_log.person_id', '=', personId)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorAccountId: r.actor_account_id,
    actorRole: r.actor_role,
    personId: r.person_id,
    method: r.method,
    route: r.route,
    action: r.action,
    actorName: r.actor_name ?? null,
    actorEmail: r.actor_email ?? null,
  }));
}
