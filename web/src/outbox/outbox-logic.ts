/**
 * The rules of the outbox (what the phone keeps until the server has it: sessions, check-ins, walking logs), kept
 * apart from IndexedDB and fetch so they are checked in Node (outbox-logic.test.ts): what a record is sent with,
 * what an answer means for it, the order of sending, which drafts a closed tab left behind, and the words the page
 * shows. outbox.ts does the storing and the sending.
 */

import type { TFunction } from 'i18next';

export type OutboxKind = 'session' | 'checkin' | 'walking' | 'phone-walk';

/**
 * A record kept on the phone. `id` is the client id the server dedupes on (a session's clientId, a check-in's
 * clientId; for a walking log only the outbox's key: the log replaces its day, so a resend changes nothing). `owner`
 * is who made it ('local', or the signed-in account), so one person's record is never sent under another's sign-in.
 * A 'draft' is a session whose exercises are done but whose pain-after was not yet given: it is sent as it is once
 * the tab that made it is gone (`page` names that tab).
 */
export interface OutboxEntry {
  id: string;
  kind: OutboxKind;
  owner: string;
  body: unknown;
  createdAt: string;
  state: 'draft' | 'ready';
  page: string;
}

/** What became of a record: sent, or refused by the server for good (with its message). Kept for the page to show. */
export interface OutboxNote {
  id: string;
  kind: OutboxKind;
  owner: string;
  at: string;
  outcome: 'sent' | 'refused';
  message?: string;
}

/** The owner of a record made before anyone was known on this phone: whoever signs in next sends it. */
export const UNKNOWN_OWNER = 'unknown';
/** How many notes of sent records are kept (the page shows those of the last day). */
export const NOTES_KEPT = 5;
/** Without the Web Locks API a draft cannot tell an open tab from a closed one: after this long it is sent anyway. */
export const DRAFT_MAX_AGE_MS = 3 * 60 * 60 * 1000;

/** The request that sends a record. */
export function requestFor(kind: OutboxKind): { method: 'POST' | 'PUT'; path: string } {
  if (kind === 'session') return { method: 'POST', path: '/api/sessions' };
  if (kind === 'checkin') return { method: 'POST', path: '/api/checkins' };
  if (kind === 'phone-walk') return { method: 'POST', path: '/api/walking/phone-walks' };
  return { method: 'PUT', path: '/api/walking/manual' };
}

/**
 * What a failed send means: 'retry' when the server was not reached or may take it later (offline, a server error,
 * signed out, a CSRF or rate limit refusal), 'refused' when the server said no to the record itself (bad input, the
 * program paused): sending it again would not change the answer.
 */
export function fateOfFailure(status: number): 'retry' | 'refused' {
  if (status === 0 || status >= 500) return 'retry';
  if (status === 401 || status === 403 || status === 408 || status === 429) return 'retry';
  return 'refused';
}

/** The records and notes of this person (and those made before anyone was known): on a shared phone, nobody sees
 * or sends another's. */
export function ownedBy<T extends { owner: string }>(items: readonly T[], owner: string): T[] {
  return items.filter((e) => e.owner === owner || e.owner === UNKNOWN_OWNER);
}

/** The records to send now for this owner, oldest first (a later walking log of a day must replace an earlier one). */
export function sendOrder(entries: readonly OutboxEntry[], owner: string): OutboxEntry[] {
  return ownedBy(entries, owner)
    .filter((e) => e.state === 'ready')
    .sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
}

/**
 * The drafts to send as they are: those of a tab that is no longer open (`livePages` holds the open tabs, or is null
 * when the browser cannot say), or, when it cannot say, those older than DRAFT_MAX_AGE_MS.
 */
export function orphanDrafts(
  entries: readonly OutboxEntry[],
  livePages: ReadonlySet<string> | null,
  now: number,
): OutboxEntry[] {
  return entries.filter(
    (e) =>
      e.state === 'draft' && (livePages ? !livePages.has(e.page) : now - Date.parse(e.createdAt) > DRAFT_MAX_AGE_MS),
  );
}

// The words are the outbox namespace's (outbox:count.<kind>, note.*), in the language of the `t` the page gives.
function listed(parts: string[], t: TFunction): string {
  return parts.length <= 1
    ? parts.join('')
    : t('outbox:list', { head: parts.slice(0, -1).join(', '), last: parts[parts.length - 1] });
}

/** "1 session waiting to be sent", "2 check-ins and 1 walking log waiting to be sent"; null when nothing waits. */
export function waitingText(entries: readonly Pick<OutboxEntry, 'kind'>[], t: TFunction): string | null {
  const parts = (['session', 'checkin', 'walking', 'phone-walk'] as const)
    .map((k) => [k, entries.filter((e) => e.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => t(`outbox:count.${k}`, { count: n }));
  // The count agrees with the whole list (Spanish: "1 sesión pendiente", "2 sesiones y 1 registro pendientes").
  return parts.length ? t('outbox:waiting', { what: listed(parts, t), count: entries.length }) : null;
}

/** The notes to keep after adding one: the newest NOTES_KEPT. */
export function keptNotes(notes: readonly OutboxNote[]): OutboxNote[] {
  return [...notes].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, NOTES_KEPT);
}

/**
 * The lines about what was sent in the last day, newest first: "Session sent at 08:14", or for a refused record
 * "Check-in not sent: <the server's message>". `time` formats an instant as the page shows it.
 */
export function noteLines(
  notes: readonly OutboxNote[],
  now: number,
  time: (iso: string) => string,
  t: TFunction,
): string[] {
  const dayMs = 24 * 60 * 60 * 1000;
  return keptNotes(notes)
    .filter((n) => now - Date.parse(n.at) < dayMs)
    .map((n) =>
      n.outcome === 'sent'
        ? t(`outbox:note.sent.${n.kind}`, { time: time(n.at) })
        : t(`outbox:note.notSent.${n.kind}`, { message: n.message ?? t('outbox:note.refused') }),
    );
}
