/**
 * Sessions finished while offline wait here (localStorage) and are sent when the connection is back. Each carries
 * the clientId it was made with, so a replay that the server already stored is stored once (the API answers 200).
 */
import { api, ApiError } from '../api/client.js';
import type { SessionInput } from '../api/types.js';

const KEY = 'footing.pendingSessions';

/** Sessions not yet accepted by the server. */
export function pendingSessions(): SessionInput[] {
  try {
    const raw = localStorage.getItem(KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? (list as SessionInput[]) : [];
  } catch {
    return [];
  }
}

function write(list: SessionInput[]): void {
  localStorage.setItem(KEY, JSON.stringify(list));
  window.dispatchEvent(new Event('footing:queue'));
}

/** Keeps a session to send later (once per clientId). */
export function enqueueSession(s: SessionInput): void {
  const list = pendingSessions().filter((p) => p.clientId !== s.clientId);
  write([...list, s]);
}

/**
 * Sends a session now; when the server cannot be reached, queues it instead.
 * Returns 'sent' or 'queued'; an error the server gave (bad input) is thrown, not queued: a retry would not fix it.
 */
export async function sendOrQueue(s: SessionInput): Promise<'sent' | 'queued'> {
  try {
    await api('POST', '/api/sessions', s);
    return 'sent';
  } catch (e) {
    if (e instanceof ApiError && e.retryable) {
      enqueueSession(s);
      return 'queued';
    }
    throw e;
  }
}

let flushing = false;

/** Sends every queued session; keeps the ones that still cannot be sent. Returns how many were sent. */
export async function flushQueue(): Promise<number> {
  if (flushing) return 0;
  flushing = true;
  let sent = 0;
  try {
    for (const s of pendingSessions()) {
      try {
        await api('POST', '/api/sessions', s);
        sent += 1;
        write(pendingSessions().filter((p) => p.clientId !== s.clientId));
      } catch (e) {
        if (e instanceof ApiError && e.retryable) break; // still offline: try again on the next 'online'
        // The server refused it for good (e.g. the program is paused): drop it rather than retry forever.
        write(pendingSessions().filter((p) => p.clientId !== s.clientId));
      }
    }
  } finally {
    flushing = false;
  }
  return sent;
}

/** A clientId for one session: random, URL-safe, 8-64 characters as the API asks. */
export function newClientId(): string {
  return 's-' + crypto.randomUUID().replace(/-/g, '');
}
