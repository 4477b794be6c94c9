import type { Kysely } from 'kysely';

/** A clinician's walking target or cap for a patient, with its reason (JSON, src/core/walking-override.ts), kept
 * with the program. Null: the target comes from the person's own recent days. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').addColumn('walking_override', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').dropColumn('walking_override').execute();
}
