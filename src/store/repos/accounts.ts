/**
 * Accounts, their sign-in sessions, sign-in throttling and the install's mode. Passwords arrive here already
 * hashed and session tokens already hashed (src/server/auth): this file never sees a secret in the clear.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AccountRole, Database } from '../schema.js';
import { newId } from '../json-column.js';
import { prepared } from '../pg-prepared-statements.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: AccountRole;
  personId: string | null;
  clinicId: string | null;
  createdAt: string;
}
export interface AccountWithHash extends Account {
  passwordHash: string;
}

/** Emails are compared trimmed and lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** 'accounts' once any account was ever created (see migration 0006), else 'local'. */
export async function installMode(db: Db): Promise<'local' | 'accounts'> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', 'mode').executeTakeFirst();
  return r?.value === 'accounts' ? 'accounts' : 'local';
}

/**
 * Creates an account and switches the install to accounts mode, in one transaction. A patient gets a new person
 * unless `personId` names an existing one. Returns null when the email is taken.
 */
export async function createAccount(
  db: Kysely<Database>,
  a: {
    email: string;
    displayName: string;
    passwordHash: string;
    role: AccountRole;
    clinicId?: string | null;
    personId?: string | null;
  },
): Promise<Account | null> {
  const email = normalizeEmail(a.email);
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst()) return null;
    const now = new Date().toISOString();
    let personId = a.personId ?? null;
    if (a.role === 'patient' && !personId) {
      personId = newId();
      await trx
        .insertInto('people')
        .values({ id: personId, display_name: a.displayName, birth_year: null, created_at: now })
        .execute();
    }
    const row = {
      id: newId(),
      email,
      display_name: a.displayName,
      password_hash: a.passwordHash,
      role: a.role,
      person_id: a.role === 'patient' ? personId : null,
      clinic_id: a.role === 'patient' ? null : (a.clinicId ?? null),
      created_at: now,
    };
    await trx.insertInto('accounts').values(row).execute();
    if ((await installMode(trx)) === 'local')
      await trx.insertInto('settings').values({ key: 'mode', value: 'accounts' }).execute();
    return toAccount(row);
  });
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountWithHash | null> {
  const r = await db.selectFrom('accounts').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return r ? { ...toAccount(r), passwordHash: r.password_hash } : null;
}

export async function getAccount(db: Db, id: string): Promise<Account | null> {
  const r = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toAccount(r) : null;
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

/** The clinicians and admins of a clinic. */
export async function listClinicStaff(db: Db, clinicId: string): Promise<Account[]> {
  const rows = await db.selectFrom('accounts').selectAll().where('clinic_id', '=', clinicId).orderBy('email').execute();
  return rows.map(toAccount);
}

/** Deletes an account (its sessions and care links go with it, by cascade). */
export async function deleteAccount(db: Db, id: string): Promise<void> {
  await db.deleteFrom('accounts').where('id', '=', id).execute();
}

/**
 * Deletes a patient with all their data: the person row, whose deletion cascades to every health table, the
 * account, its sessions and care links. One transaction.
 */
export async function deletePatientWithData(db: Kysely<Database>, personId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // checkins reference sessions too; both cascade from people, but delete children first to be dialect-proof.
    for (const t of [
      'checkins',
      'sessions',
      'walking_sample_chunks',
      'walking_days',
      'imports',
      'jobs',
      'screens',
      'program_events',
      'programs',
      'pain_maps',
      'screening_results',
      'outcome_scores',
      'gait_analyses',
      'care_links',
      'patient_list_figures',
      'reminder_settings',
      'push_subscriptions',
      'messages',
    ] as const) {
      await trx.deleteFrom(t).where('person_id', '=', personId).execute();
    }
    await trx.deleteFrom('accounts').where('person_id', '=', personId).execute();
    await trx.deleteFrom('people').where('id', '=', personId).execute();
  });
}

// ---- sign-in sessions (tokens arrive hashed) ----

export interface AuthSession {
  accountId: string;
  csrfToken: string;
  expiresAt: string;
}

export async function insertAuthSession(
  db: Db,
  s: { tokenHash: string; accountId: string; csrfToken: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('auth_sessions')
    .values({
      token_hash: s.tokenHash,
      account_id: s.accountId,
      csrf_token: s.csrfToken,
      created_at: new Date().toISOString(),
      expires_at: s.expiresAt,
    })
    .execute();
}

/** The session with this token hash and its account, unless expired (an expired row is deleted on sight). */
export async function findAuthSession(
  db: Db,
  tokenHash: string,
  now: Date = new Date(),
): Promise<{ session: AuthSession; account: Account } | null> {
  // Every signed-in request runs it: a named statement on PostgreSQL (planned once per connection), with its columns
  // listed, as a prepared statement's must be (src/store/pg-prepared-statements.ts).
  const query = db
    .selectFrom('auth_sessions')
    .innerJoin('accounts', 'accounts.id', 'auth_sessions.account_id')
    .select(ACCOUNT_COLUMNS.map((c) => `accounts.${c}` as const))
    .select(['auth_sessions.csrf_token', 'auth_sessions.expires_at'])
    .where('auth_sessions.token_hash', '=', tokenHash);
  const r = (await db.executeQuery(prepared(query.compile()))).rows[0];
  if (!r) return null;
  if (r.expires_at <= now.toISOString()) {
    await deleteAuthSession(db, tokenHash);
    return null;
  }
  return { session: { accountId: r.id, csrfToken: r.csrf_token, expiresAt: r.expires_at }, account: toAccount(r) };
}

export async function deleteAuthSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Sign out everywhere: every session of the account. Returns how many were ended. */
export async function deleteAccountSessions(db: Db, accountId: string): Promise<number> {
  const r = await db.deleteFrom('auth_sessions').where('account_id', '=', accountId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---- sign-in throttling (keyed by a hash of the email, existing or not) ----

export interface Throttle {
  failures: number;
  firstFailureAt: string;
  lockedUntil: string | null;
}

export async function getThrottle(db: Db, emailHash: string): Promise<Throttle | null> {
  const r = await db.selectFrom('sign_in_throttle').selectAll().where('email_hash', '=', emailHash).executeTakeFirst();
  return r ? { failures: Number(r.failures), firstFailureAt: r.first_failure_at, lockedUntil: r.locked_until } : null;
}

export async function putThrottle(db: Db, emailHash: string, t: Throttle): Promise<void> {
  const row = { failures: t.failures, first_failure_at: t.firstFailureAt, locked_until: t.lockedUntil };
  // An upsert: two server processes may record failures for the same email at once.
  await db
    .insertInto('sign_in_throttle')
    .values({ email_hash: emailHash, ...row })
    .onConflict((oc) => oc.column('email_hash').doUpdateSet(row))
    .execute();
}

export async function clearThrottle(db: Db, emailHash: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('email_hash', '=', emailHash).execute();
}

/** The columns an Account is made of (the password hash is read only where it is checked). */
const ACCOUNT_COLUMNS = ['id', 'email', 'display_name', 'role', 'person_id', 'clinic_id', 'created_at'] as const;

function toAccount(r: Pick<Database['accounts'], (typeof ACCOUNT_COLUMNS)[number]>): Account {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    personId: r.person_id,
    clinicId: r.clinic_id,
    createdAt: r.created_at,
  };
}
