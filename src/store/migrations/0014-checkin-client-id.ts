import type { Kysely } from 'kysely';

/**
 * A check-in made on the phone carries the id the phone gave it (issue 14 item 5, nothing lost offline): a check-in
 * kept on the device and sent again after a lost answer is then stored once. Unique per person; null for the check-ins
 * a session makes of its pain before and after (the session's own client_id covers them) and for older rows.
 * Both SQLite and PostgreSQL let any number of rows hold null under a unique index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('checkins').addColumn('client_id', 'text').execute();
  await db.schema
    .createIndex('checkins_person_client')
    .unique()
    .on('checkins')
    .columns(['person_id', 'client_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('checkins_person_client').ifExists().execute();
  await db.schema.alterTable('checkins').dropColumn('client_id').execute();
}
