import type { Kysely } from 'kysely';

/**
 * Messages between a patient and their clinician (issue 14 item 4; src/core/message-record.ts). A thread is the
 * patient and one clinician account. Both foreign keys cascade: deleting the patient's account deletes their
 * messages, and so does removing the clinician's account (their care links go with it, and a thread outlives
 * neither side). The text is kept only here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('clinician_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('messages_thread')
    .on('messages')
    .columns(['person_id', 'clinician_account_id', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('messages_clinician')
    .on('messages')
    .columns(['clinician_account_id', 'sent_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('messages').ifExists().execute();
}
