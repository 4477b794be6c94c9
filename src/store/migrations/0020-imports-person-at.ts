import type { Kysely } from 'kysely';

/**
 * The import history is read per person, newest first (`listImports`: the patient's Walk screen and the clinician's
 * patient page). Without an index on (person_id, at) every read scanned the whole imports table, which in a clinic
 * holds every patient's files (issue 17, a busy clinic).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('imports_person_at').on('imports').columns(['person_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('imports_person_at').ifExists().execute();
}
