import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../json-column.js';

export interface Person {
  id: string;
  displayName: string;
  birthYear: number | null;
  createdAt: string;
}

/**
 * The single person of local mode (no accounts): created on first use. Footing started with no accounts serves
 * exactly one person on one machine.
 */
export async function ensureLocalPerson(db: Kysely<Database>): Promise<Person> {
  const existing = await db.selectFrom('people').selectAll().orderBy('created_at').limit(1).executeTakeFirst();
  if (existing) return toPerson(existing);
  const row = { id: newId(), display_name: 'Me', birth_year: null, created_at: new Date().toISOString() };
  await db.insertInto('people').values(row).execute();
  return toPerson(row);
}

export async function getPerson(db: Kysely<Database>, id: string): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPerson(row) : null;
}

export async function setBirthYear(db: Kysely<Database>, id: string, birthYear: number | null): Promise<void> {
  await db.updateTable('people').set({ birth_year: birthYear }).where('id', '=', id).execute();
}

function toPerson(r: Database['people']): Person {
  return { id: r.id, displayName: r.display_name, birthYear: r.birth_year, createdAt: r.created_at };
}
