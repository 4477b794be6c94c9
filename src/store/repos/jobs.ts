import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, JobsTable } from '../schema.js';
import { fromJson, newId, toJson } from '../json-column.js';

export interface Job {
  id: string;
  kind: string;
  status: JobsTable['status'];
  progress: Record<string, unknown>;
  result: unknown;
  createdAt: string;
  updatedAt: string;
}
const Obj = z.record(z.string(), z.unknown());

export async function createJob(db: Kysely<Database>, personId: string, kind: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('jobs')
    .values({
      id,
      person_id: personId,
      kind,
      status: 'queued',
      progress: '{}',
      result: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateJob(
  db: Kysely<Database>,
  id: string,
  patch: { status?: JobsTable['status']; progress?: Record<string, unknown>; result?: unknown },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.progress ? { progress: toJson(patch.progress) } : {}),
      ...(patch.result !== undefined ? { result: toJson(patch.result) } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/** A job of this person (another person's job id reads as not found). */
export async function getJob(db: Kysely<Database>, personId: string, id: string): Promise<Job | null> {
  const r = await db
    .selectFrom('jobs')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        kind: r.kind,
        status: r.status,
        progress: fromJson(Obj, r.progress, `jobs.progress (${r.id})`),
        result: r.result === null ? null : JSON.parse(r.result),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }
    : null;
}
