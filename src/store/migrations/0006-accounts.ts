import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Accounts for a clinic (issue 7): clinics, accounts (patient / clinician / clinic admin), sign-in sessions stored
 * hashed (so several server processes share them), sign-in throttling, care links (an invitation that becomes a
 * patient's consent), and an append-only audit log.
 *
 * `settings` holds `mode = accounts` once the first account exists: from then on the install never falls back to
 * local mode, even if every account is later deleted (local mode would hand the oldest person's data to anyone).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('clinics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    // A patient account owns its person; deleting the person (account deletion) deletes the account with it.
    .addColumn('person_id', 'text', (c) => c.unique().references('people.id').onDelete('cascade'))
    .addColumn('clinic_id', 'text', (c) => c.references('clinics.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accounts_clinic').on('accounts').column('clinic_id').execute();

  await db.schema
    .createTable('auth_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_sessions_account').on('auth_sessions').column('account_id').execute();

  // Keyed by a hash of the email, whether or not an account has it, so lock-out reveals nothing.
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('care_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('clinician_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('care_links_clinician_person')
    .on('care_links')
    .columns(['clinician_account_id', 'person_id'])
    .execute();
  await db.schema.createIndex('care_links_person').on('care_links').column('person_id').execute();

  // No foreign keys: the log outlives the accounts and people it names (their ids are random and say nothing).
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_person_at').on('audit_log').columns(['person_id', 'at']).execute();

  // Append-only, enforced by the database itself, not just by the code that writes it.
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
      db,
    );
  } else {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(
      db,
    );
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_log', 'care_links', 'sign_in_throttle', 'auth_sessions', 'accounts', 'clinics', 'settings']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  if (!(db.getExecutor().adapter instanceof SqliteAdapter))
    await sql`DROP FUNCTION IF EXISTS audit_log_append_only()`.execute(db);
}
