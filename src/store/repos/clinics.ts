import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../json-column.js';

export interface Clinic {
  id: string;
  name: string;
  createdAt: string;
}

/** Creates a clinic; null when the name is taken (names are unique, compared as stored). */
export async function createClinic(db: Kysely<Database>, name: string): Promise<Clinic | null> {
  if (await findClinicByName(db, name)) return null;
  const row = { id: newId(), name, created_at: new Date().toISOString() };
  await db.insertInto('clinics').values(row).execute();
  return { id: row.id, name, createdAt: row.created_at };
}

export async function findClinicByName(db: Kysely<Database>, name: string): Promise<Clinic | null> {
  const r = await db.selectFrom('clinics').selectAll().where('name', '=', name).executeTakeFirst();
  return r ? { id: r.id, name: r.name, createdAt: r.created_at } : null;
}

export async function getClinic(db: Kysely<Database>, id: string): Promise<Clinic | null> {
  const r = await db.selectFrom('clinics').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { id: r.id, name: r.name, createdAt: r.created_at } : null;
}
