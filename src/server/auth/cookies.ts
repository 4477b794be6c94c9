/** The session cookie: read from the Cookie header, written HTTP-only, SameSite=Lax, Secure behind https. */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'footing_session';

/** The value of one cookie from the request's Cookie header (no plugin needed for one cookie). */
export function readCookie(req: FastifyRequest, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * Sets (maxAgeSeconds > 0) or clears (0) the session cookie. Secure when the request came over https (behind a
 * proxy, start the server with trustProxy so X-Forwarded-Proto counts); plain http stays usable on a local network.
 */
export function writeSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
): void {
  const attrs = [
    `${SESSION_COOKIE}=${maxAgeSeconds > 0 ? encodeURIComponent(token) : ''}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (req.protocol === 'https') attrs.push('Secure');
  reply.header('set-cookie', attrs.join('; '));
}
