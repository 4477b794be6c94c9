import type { Kysely } from 'kysely';

/**
 * Password reset by email (issue 14 item 7). `password_resets` holds each emailed one-time link as the SHA-256 of its
 * token (never the token), with when it expires and when it was used: a link works once, before it expires, and a
 * reset or a new password from `footing user reset-password` voids the account's other links. Deleting the account
 * deletes its links.
 *
 * `password_reset_requests` counts the requests of the last hour, one row per request and per key: the SHA-256 of
 * the email asked for (whether or not an account has it, so the limit says nothing about which emails exist) and the
 * SHA-256 of the client's address. The database holds them so that every server process counts the same requests.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_resets_account').on('password_resets').column('account_id').execute();
  await db.schema
    .createTable('password_reset_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_reset_requests_key_at')
    .on('password_reset_requests')
    .columns(['key_hash', 'requested_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('password_reset_requests').ifExists().execute();
  await db.schema.dropTable('password_resets').ifExists().execute();
}
