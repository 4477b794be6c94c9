import type { Kysely } from 'kysely';

/** A clinician's dose changes for a patient (within the stage dose limits of DOSE_LIMITS), kept with the program. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').addColumn('dose_overrides', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').dropColumn('dose_overrides').execute();
}
