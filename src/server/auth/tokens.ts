/** Random tokens for sessions, CSRF and invitations, and the hash under which a token is stored. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: unguessable, safe in cookies and URLs. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** SHA-256 (hex) of a token: what the database keeps, so a leaked table cannot be replayed as cookies or links. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Constant-time string equality (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
