/**
 * Password hashing with node:crypto scrypt. The stored text carries its own parameters and salt,
 * `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised later without breaking old hashes, and
 * verification compares in constant time. Passwords are never stored or logged.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Production cost: N = 2^16, r = 8, p = 1 (64 MiB, ~0.2 s on a small 2-core server). OWASP's password storage
 * cheat sheet gives N = 2^17 as its minimum for scrypt; 2^16 is chosen so sign-in stays under a quarter of a second
 * on the machines Footing targets, with lock-out and rate limiting limiting online guessing. Raise it here: old
 * hashes keep verifying with their own parameters and are re-hashed at the next sign-in (needsRehash).
 */
export const DEFAULT_SCRYPT_N = 2 ** 16;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const SALT_LEN = 16;

/** The minimum password length, for every role (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 8;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  // maxmem must exceed 128 * N * r bytes, or node refuses; twice that leaves room.
  const opts: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEY_LEN, opts, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** Hashes a password with a fresh random salt. `cost` is scrypt's N (a power of two); tests pass a low one. */
export async function hashPassword(password: string, cost: number = DEFAULT_SCRYPT_N): Promise<string> {
  if (!Number.isInteger(Math.log2(cost)) || cost < 2) throw new Error('scrypt cost must be a power of two');
  const salt = randomBytes(SALT_LEN);
  const key = await scrypt(password, salt, cost, R, P);
  return ['scrypt', cost, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface Parsed {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}
function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0)) return null;
  return { n, r, p, salt: Buffer.from(parts[4]!, 'base64url'), key: Buffer.from(parts[5]!, 'base64url') };
}

/** True when the password matches the stored hash (constant-time compare); false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h || h.key.length === 0) return false;
  const key = await scrypt(password, h.salt, h.n, h.r, h.p);
  return key.length === h.key.length && timingSafeEqual(key, h.key);
}

/** True when the hash was made with a lower cost than the one now configured (re-hash it after a sign-in). */
export function needsRehash(stored: string, cost: number = DEFAULT_SCRYPT_N): boolean {
  const h = parse(stored);
  return !h || h.n < cost || h.r !== R || h.p !== P;
}

/** A hash of a random password at this cost: verified against when an email has no account, so that takes as long. */
export async function decoyHash(cost: number): Promise<string> {
  return hashPassword(randomBytes(12).toString('base64url'), cost);
}
