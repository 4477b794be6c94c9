/**
 * Password-reset links and the counts that limit how often they are asked for (migration 0016). Tokens and keys
 * arrive here already hashed (src/server/auth): this file never sees a token, an email or an address in the clear.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../json-column.js';

/** Stores a new link for the account. */
export async function insertPasswordReset(
  db: Kysely<Database>,
  r: { tokenHash: string; accountId: string; expiresAt: string },
  now: Date = new Date(),
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({
      token_hash: r.tokenHash,
      account_id: r.accountId,
      created_at: now.toISOString(),
      expires_at: r.expiresAt,
      used_at: null,
    })
    .execute();
}

export type ResetLinkState = 'valid' | 'used' | 'expired';

/** The link with this token hash: its account, and what became of it (null: no such link). */
export async function findResetLink(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date = new Date(),
): Promise<{ accountId: string; email: string; state: ResetLinkState; expiresAt: string } | null> {
  const r = await db
    .selectFrom('password_resets')
    .innerJoin('accounts', 'accounts.id', 'password_resets.account_id')
    .select(['password_resets.account_id', 'password_resets.used_at', 'password_resets.expires_at', 'accounts.email'])
    .where('password_resets.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!r) return null;
  const state = r.used_at ? 'used' : r.expires_at <= now.toISOString() ? 'expired' : 'valid';
  return { accountId: r.account_id, email: r.email, state, expiresAt: r.expires_at };
}

/**
 * The new password hash, and with it: every sign-in of the account ended, its unused reset links void, and a sign-in
 * lock on its email (`throttleKey`, the key sign-in counts failures under) lifted. Returns how many sign-ins ended.
 */
async function applyNewPassword(
  trx: Transaction<Database>,
  accountId: string,
  passwordHash: string,
  throttleKey: string,
  now: Date,
): Promise<number> {
  await trx.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', accountId).execute();
  await trx
    .updateTable('password_resets')
    .set({ used_at: now.toISOString() })
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .execute();
  await trx.deleteFrom('sign_in_throttle').where('email_hash', '=', throttleKey).execute();
  const ended = await trx.deleteFrom('auth_sessions').where('account_id', '=', accountId).executeTakeFirst();
  return Number(ended.numDeletedRows);
}

/** Sets a new password (footing user reset-password), as applyNewPassword says, in one transaction. */
export async function replacePassword(
  db: Kysely<Database>,
  accountId: string,
  passwordHash: string,
  throttleKey: string,
  now: Date = new Date(),
): Promise<number> {
  return db.transaction().execute((trx) => applyNewPassword(trx, accountId, passwordHash, throttleKey, now));
}

/**
 * Uses a link for its account: marks it used if it is still unused and unexpired, then sets the new password as
 * replacePassword does, in one transaction. The first update matches only an unused link, so of two uses at once
 * only one wins. False when the link was not usable (any more).
 */
export async function useResetLink(
  db: Kysely<Database>,
  tokenHash: string,
  accountId: string,
  passwordHash: string,
  throttleKey: string,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: now.toISOString() })
      .where('token_hash', '=', tokenHash)
      .where('account_id', '=', accountId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return false;
    await applyNewPassword(trx, accountId, passwordHash, throttleKey, now);
    return true;
  });
}

/**
 * Counts one request under each key, unless a key already has `max` requests in the hour before `now`: then nothing
 * is counted and the answer is the minutes until that key's oldest request of the hour leaves the window. Requests
 * older than an hour are deleted on the way.
 */
export async function countResetRequest(
  db: Kysely<Database>,
  keys: { keyHash: string; max: number }[],
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; waitMinutes: number }> {
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('password_reset_requests').where('requested_at', '<=', hourAgo).execute();
    for (const k of keys) {
      const rows = await trx
        .selectFrom('password_reset_requests')
        .select('requested_at')
        .where('key_hash', '=', k.keyHash)
        .where('requested_at', '>', hourAgo)
        .orderBy('requested_at')
        .execute();
      if (rows.length >= k.max) {
        const frees = Date.parse(rows[0]!.requested_at) + 3_600_000;
        return { ok: false as const, waitMinutes: Math.max(1, Math.ceil((frees - now.getTime()) / 60_000)) };
      }
    }
    await trx
      .insertInto('password_reset_requests')
      .values(keys.map((k) => ({ id: newId(), key_hash: k.keyHash, requested_at: now.toISOString() })))
      .execute();
    return { ok: true as const };
  });
}
