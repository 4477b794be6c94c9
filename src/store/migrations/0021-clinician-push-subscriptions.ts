import type { Kysely } from 'kysely';

/**
 * The browsers in which a clinician allowed notifications of new messages from their patients (issue 14 item 4).
 * Apart from push_subscriptions (migration 0013), which belong to a person (a patient's reminders and messages): a
 * clinician has an account and no person. A row is the clinician's choice itself: none, no notice. Deleted with the
 * account. An endpoint names one browser's subscription, in either table but not both (the repository moves it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clinician_push_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('clinician_push_subscriptions_account')
    .on('clinician_push_subscriptions')
    .column('account_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('clinician_push_subscriptions').ifExists().execute();
}
