import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * A leaner walking_samples table, for imports of multi-GB Apple Health exports (millions of rows per file).
 *
 * Before: a UUID id, a dedupe_key text (source|device|start|end|kind) under a unique index, a date column under
 * a second index: every row was written three times (table + two indexes) and carried ~100 bytes of keys.
 * After: the natural identity of a sample is the primary key, (person_id, start_at, kind, source, device,
 * end_at), and on SQLite the table is WITHOUT ROWID, so the row is stored once, in key order. The key starts with
 * the person and the start time, whose first ten characters are the local date, so reading a person's days is a
 * range scan of the key (no date index). `date` remains as a generated column (virtual on SQLite, stored on
 * PostgreSQL, which has no virtual ones), so queries and backups keep it. `device` is '' when the source names
 * none (primary key columns cannot be NULL); the repository maps '' back to null.
 *
 * Existing rows are copied: the old dedupe key was exactly these columns (device NULL and '' were the same
 * key), so the copy loses nothing and meets no conflict.
 */
/** Creates the lean table under `name` (also what migration 0010's down restores). */
export async function createLeanSamplesTable(db: Kysely<unknown>, name: string): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const columns = sql`
      person_id text NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      start_at text NOT NULL,
      kind text NOT NULL,
      source text NOT NULL,
      device text NOT NULL,
      end_at text NOT NULL,
      value double precision NOT NULL,
      unit text NOT NULL,
      import_id text REFERENCES imports(id) ON DELETE SET NULL,
      created_at text NOT NULL,`;
  if (sqlite) {
    await sql`CREATE TABLE ${sql.table(name)} (${columns}
      date text GENERATED ALWAYS AS (substr(start_at, 1, 10)) VIRTUAL,
      PRIMARY KEY (person_id, start_at, kind, source, device, end_at)) WITHOUT ROWID`.execute(db);
  } else {
    await sql`CREATE TABLE ${sql.table(name)} (${columns}
      date text GENERATED ALWAYS AS (substr(start_at, 1, 10)) STORED,
      CONSTRAINT walking_samples_pk PRIMARY KEY (person_id, start_at, kind, source, device, end_at))`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createLeanSamplesTable(db, 'walking_samples_lean');
  await sql`INSERT INTO walking_samples_lean (person_id, start_at, kind, source, device, end_at, value, unit, import_id, created_at)
    SELECT person_id, start_at, kind, source, coalesce(device, ''), end_at, value, unit, import_id, created_at FROM walking_samples
    WHERE true ON CONFLICT DO NOTHING`.execute(db); // "WHERE true": SQLite needs it before an upsert clause after SELECT
  await db.schema.dropTable('walking_samples').execute();
  await db.schema.alterTable('walking_samples_lean').renameTo('walking_samples').execute();
  // No index on import_id: it would double the cost of every insert, and an import row is only ever deleted with
  // its person (whose samples go by the primary key's prefix).
}

/** Back to the 0001 shape (ids are new UUID-like values, dedupe keys rebuilt from the columns). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('walking_samples').renameTo('walking_samples_lean').execute();
  await db.schema
    .createTable('walking_samples')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('device', 'text')
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.references('imports.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('walking_person_dedupe', ['person_id', 'dedupe_key'])
    .execute();
  await sql`INSERT INTO walking_samples (id, person_id, source, device, start_at, end_at, date, kind, value, unit, dedupe_key, import_id, created_at)
    SELECT person_id || '|' || source || '|' || device || '|' || start_at || '|' || end_at || '|' || kind, person_id, source,
      nullif(device, ''), start_at, end_at, substr(start_at, 1, 10), kind, value, unit,
      source || '|' || device || '|' || start_at || '|' || end_at || '|' || kind, import_id, created_at
    FROM walking_samples_lean`.execute(db);
  await db.schema.dropTable('walking_samples_lean').execute();
  await db.schema
    .createIndex('walking_person_date')
    .on('walking_samples')
    .columns(['person_id', 'date', 'kind'])
    .execute();
}
