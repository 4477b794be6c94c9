import type { Kysely } from 'kysely';

/**
 * The patient list's orders by attention and adherence at 10,000 patients (issue 17): beside each person's kept
 * figures (migration 0012), their judgement for one date (judged_on): the sort key of "needs attention" (a red flag
 * counts 1,000, each reason 1), the number of reasons, and adherence this week as a fraction (null when none), so
 * the database sorts and pages them instead of Node judging every patient on every request. The judgement depends on
 * the date asked, so it is worked out by the list itself for rows not judged for that date (after a write, whose
 * refresh clears judged_on, or on a new day) and stored only if the row's version (raised by every refresh) is
 * still the one it was worked out from. A row without judged_on is judged when first listed.
 * Every person's row is then filled (or refilled) by migrate() in db.ts, after the last migration, through the
 * refresh the writes call: a migration that called today's refresh would break on an older database as soon as a
 * later migration added a column the refresh writes (0012's own fill did, once 0022's columns existed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Only the columns not there yet: on SQLite (no transactional DDL in Kysely's migrator) a run cut short is taken up again.
  const table = (await db.introspection.getTables()).find((t) => t.name === 'patient_list_figures');
  const has = new Set(table?.columns.map((c) => c.name));
  if (!has.has('version'))
    await db.schema
      .alterTable('patient_list_figures')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  for (const [name, type] of [
    ['judged_on', 'text'],
    ['attention_key', 'integer'],
    ['attention_reasons', 'integer'],
    ['adherence7', 'double precision'],
  ] as const) {
    if (!has.has(name)) await db.schema.alterTable('patient_list_figures').addColumn(name, type).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const c of ['adherence7', 'attention_reasons', 'attention_key', 'judged_on', 'version'])
    await db.schema.alterTable('patient_list_figures').dropColumn(c).execute();
}
