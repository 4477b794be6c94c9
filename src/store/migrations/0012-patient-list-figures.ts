import type { Kysely } from 'kysely';

/**
 * The patient list's figures (issue 17): one short row per person (src/core/patient-list-figures.ts), kept up to
 * date by every write that changes them, so the clinician's list reads rows instead of a year of check-ins and
 * sessions per patient. Filled for every existing person by migrate() in db.ts once all migrations have run, through
 * the same refresh the writes call.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // ifNotExists: on SQLite (no transactional DDL in Kysely's migrator) a fill cut short is taken up again.
  await db.schema
    .createTable('patient_list_figures')
    .ifNotExists()
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('last_checkin_date', 'text')
    .addColumn('last_checkin_at', 'text')
    .addColumn('last_checkin_max_pain', 'integer')
    .addColumn('last_session_date', 'text')
    .addColumn('done_sessions_end', 'text')
    .addColumn('done_sessions', 'text')
    .addColumn('daily_pain_end', 'text')
    .addColumn('daily_pain', 'text')
    .addColumn('pain_baseline', 'double precision')
    .addColumn('resumed_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Filled by migration 0022, once the table has every column refreshListFigures writes (a database that took this
  // migration before 0022 existed was filled here then, and 0022 fills it again, which changes nothing).
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('patient_list_figures').ifExists().execute();
}
