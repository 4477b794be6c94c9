import type { Kysely } from 'kysely';

/**
 * Minutes a clinician logged on a patient's record (issue 15, remote-monitoring figures; the record is
 * src/core/monitoring-minutes-record.ts): one row per entry, on the clinician's calendar date, with who logged it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitoring_minutes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('logged_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monitoring_minutes_person_date')
    .on('monitoring_minutes')
    .columns(['person_id', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('monitoring_minutes').ifExists().execute();
}
