/**
 * Sign-in with lock-out, and sign-in sessions. Failures are counted per email (hashed) in the database, whether or
 * not an account has that email, and an unknown email costs the same scrypt work as a known one, so neither the
 * messages, the lock-out nor the timing tell an attacker which emails exist.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import {
  clearThrottle,
  findAccountByEmail,
  getThrottle,
  insertAuthSession,
  normalizeEmail,
  putThrottle,
  setPasswordHash,
  type Account,
} from '../../store/repos/accounts.js';
import { Problem } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import type { AuthConfig } from './auth-config.js';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { randomToken, sha256 } from './tokens.js';

const decoys = new Map<number, Promise<string>>();
const decoyFor = (cost: number) => {
  if (!decoys.has(cost)) decoys.set(cost, decoyHash(cost));
  return decoys.get(cost)!;
};

const MINUTE = 60_000;
const lockedProblem = (minutes: number) => new Problem(429, 'sign_in_locked', refusal('sign-in.locked', { minutes }));

/** The key failed sign-ins of an email are counted under (a hash: the table names no email). */
export const signInThrottleKey = (email: string): string => sha256(`sign-in:${normalizeEmail(email)}`);

/** Checks the email and password; throws a Problem (401 wrong, 429 locked) that says nothing about the email's existence. */
export async function checkCredentials(
  db: Kysely<Database>,
  email: string,
  password: string,
  cfg: AuthConfig,
  now: Date = new Date(),
): Promise<Account> {
  const key = signInThrottleKey(email);
  const t = await getThrottle(db, key);
  if (t?.lockedUntil && t.lockedUntil > now.toISOString()) {
    throw lockedProblem(Math.max(1, Math.ceil((Date.parse(t.lockedUntil) - now.getTime()) / MINUTE)));
  }
  const account = await findAccountByEmail(db, email);
  const ok = account
    ? await verifyPassword(password, account.passwordHash)
    : (await verifyPassword(password, await decoyFor(cfg.passwordCost)), false);
  if (!ok) {
    // Failures count within one lock period from the first; an expired lock starts a fresh count.
    const fresh =
      !t || t.lockedUntil !== null || Date.parse(t.firstFailureAt) + cfg.lockMinutes * MINUTE <= now.getTime();
    const failures = fresh ? 1 : t.failures + 1;
    const lockedUntil =
      failures >= cfg.maxFailures ? new Date(now.getTime() + cfg.lockMinutes * MINUTE).toISOString() : null;
    await putThrottle(db, key, { failures, firstFailureAt: fresh ? now.toISOString() : t.firstFailureAt, lockedUntil });
    if (lockedUntil) throw lockedProblem(cfg.lockMinutes);
    throw new Problem(401, 'sign_in_failed', refusal('sign-in.failed'));
  }
  if (t) await clearThrottle(db, key);
  if (needsRehash(account!.passwordHash, cfg.passwordCost))
    await setPasswordHash(db, account!.id, await hashPassword(password, cfg.passwordCost));
  const { passwordHash: _h, ...plain } = account!;
  return plain;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
  maxAgeSeconds: number;
}

/** Starts a session: the token goes to the cookie, only its hash to the database. */
export async function startSession(
  db: Kysely<Database>,
  accountId: string,
  cfg: AuthConfig,
  now: Date = new Date(),
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const maxAgeSeconds = cfg.sessionDays * 86_400;
  const expiresAt = new Date(now.getTime() + maxAgeSeconds * 1000).toISOString();
  await insertAuthSession(db, { tokenHash: sha256(token), accountId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt, maxAgeSeconds };
}
