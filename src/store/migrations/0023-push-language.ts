import type { Kysely } from 'kysely';

/**
 * The language of a patient's browser subscription (issue 14 item 8): the one on screen when the person turned
 * notifications on (the request's Accept-Language), so that a reminder or a new-message notice, sent outside any
 * request, is written in it. 'en' for the subscriptions made before. Clinicians' subscriptions (migration 0021) have
 * none: the clinician's screens are in English.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Only if not there yet: on SQLite (no transactional DDL in Kysely's migrator) a run cut short is taken up again.
  const table = (await db.introspection.getTables()).find((t) => t.name === 'push_subscriptions');
  if (!table?.columns.some((c) => c.name === 'language')) {
    await db.schema
      .alterTable('push_subscriptions')
      .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('push_subscriptions').dropColumn('language').execute();
}
