import type { Kysely } from 'kysely';

/**
 * Daily walking totals, kept up to date from the samples (src/store/repos/walking.ts recomputes the days an import
 * or a hand log touches), so reading a year of days never re-reads millions of samples.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('walking_days')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('steps', 'double precision', (c) => c.notNull())
    .addColumn('distance_m', 'double precision', (c) => c.notNull())
    .addColumn('minutes', 'double precision', (c) => c.notNull())
    .addColumn('speed_mps', 'double precision')
    .addColumn('cadence_spm', 'double precision')
    .addColumn('step_length_m', 'double precision')
    .addColumn('asymmetry_pct', 'double precision')
    .addColumn('double_support_pct', 'double precision')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('walking_days_pk', ['person_id', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('walking_days').ifExists().execute();
}
