import { SqliteAdapter, type Kysely } from 'kysely';

/**
 * Videos uploaded for analysis on the server (issue 7), held only until their job ends.
 *
 * Why in the database and not in a temporary file: with PostgreSQL, pg-boss hands a job to whichever server
 * process (possibly on another machine) asks first, and only the database is shared by all of them. The bytes are
 * split into chunks so that neither side ever holds a whole video as one SQL value (node-postgres sends a bytea
 * parameter as hex text: twice its size), and rows go with their job (ON DELETE CASCADE) and with the person.
 * The job deletes its rows when it ends, done or failed (src/server/jobs/gait-video-job.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';
  await db.schema
    .createTable('job_files')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bytes', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('job_files_pk', ['job_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_files').ifExists().execute();
}
