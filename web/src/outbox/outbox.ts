/**
 * Nothing lost offline: a session, a check-in or a walking log is written to the phone (outbox-store.ts) before it is
 * sent, and stays there until the server has it, through a closed tab, a lost connection or a lost answer. It is
 * sent again when the app opens, when the network comes back, and from "Send now"; the server stores each once (its
 * client id). The rules are in outbox-logic.ts.
 *
 * Tabs: one flush at a time across all tabs (Web Locks); each tab holds a lock named after itself while open, so a
 * draft session whose tab is gone can be told from one still being finished.
 */
import { api, ApiError, setCsrfToken } from '../api/client.js';
import {
  fateOfFailure,
  orphanDrafts,
  requestFor,
  sendOrder,
  UNKNOWN_OWNER,
  type OutboxEntry,
  type OutboxKind,
  type OutboxNote,
} from './outbox-logic.js';
import { putEntry, readOutbox, settleEntry } from './outbox-store.js';
import { i18n } from '../i18n/i18n.js';

export const OUTBOX_EVENT = 'footing:queue';
const PAGE_LOCK = 'footing-page-';
const OWNER_KEY = 'footing.outboxOwner';
/** Where the first version of the queue kept sessions (localStorage); moved into the outbox once. */
const OLD_QUEUE_KEY = 'footing.pendingSessions';

const page = crypto.randomUUID();
const locks: LockManager | undefined = typeof navigator !== 'undefined' ? navigator.locks : undefined;
// Held until the tab closes: its drafts are its own while it is open.
void locks?.request(PAGE_LOCK + page, () => new Promise<never>(() => undefined)).catch(() => undefined);

let snapshot: { entries: OutboxEntry[]; notes: OutboxNote[] } = { entries: [], notes: [] };

/** What the outbox held when last read (the page renders from it; OUTBOX_EVENT says it changed). */
export function outboxSnapshot(): { entries: readonly OutboxEntry[]; notes: readonly OutboxNote[] } {
  return snapshot;
}

// Another tab that sends or keeps a record says so, and this tab's page shows it too (IndexedDB has no change events).
const tabs = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('footing-outbox') : null;
if (tabs)
  tabs.onmessage = () => {
    void reread();
  };

async function reread(): Promise<void> {
  try {
    snapshot = await readOutbox();
  } catch {
    /* no IndexedDB: nothing kept, nothing to show */
  }
  window.dispatchEvent(new Event(OUTBOX_EVENT));
}

/** Reads the outbox again and tells the page and the other open tabs. */
export async function refreshOutbox(): Promise<void> {
  await reread();
  tabs?.postMessage('changed');
}

/** A client id for a record: random, URL-safe, within the API's 8-64 characters. */
export function newClientId(kind: OutboxKind): string {
  return kind[0] + '-' + crypto.randomUUID().replace(/-/g, '');
}

/** Who last used the app on this phone, as far as it knows ('unknown' before the server was ever reached). */
export function lastOwner(): string {
  try {
    return localStorage.getItem(OWNER_KEY) ?? UNKNOWN_OWNER;
  } catch {
    return UNKNOWN_OWNER;
  }
}

/** Who the server says is using the app: 'local', an account, or null when signed out. Throws when unreachable. */
async function currentOwner(): Promise<string | null> {
  const info = await within(
    api<{ mode: string; signedIn: boolean; email?: string; csrfToken?: string }>('GET', '/api/auth/mode'),
  );
  // After an offline start the app never got its CSRF token; without it every send would be refused (403).
  if (info.csrfToken) setCsrfToken(info.csrfToken);
  const owner =
    info.mode === 'local' ? 'local' : info.signedIn && info.email ? `account:${info.email.toLowerCase()}` : null; // i18n-ignore: an owner key, not words
  if (owner)
    try {
      localStorage.setItem(OWNER_KEY, owner);
    } catch {
      /* private mode: the next answer tells again */
    }
  return owner;
}

function entry(kind: OutboxKind, id: string, body: unknown, state: OutboxEntry['state']): OutboxEntry {
  return { id, kind, owner: lastOwner(), body, createdAt: new Date().toISOString(), state, page };
}

/**
 * Keeps a session whose exercises are done but which is not saved yet (pain after still to give): if the tab closes
 * now, the next time the app opens it is sent as it is. Saving it (keepAndSend with the same id) replaces it.
 */
export async function keepDraft(kind: OutboxKind, id: string, body: unknown): Promise<void> {
  try {
    await putEntry(entry(kind, id, body, 'draft'));
  } catch {
    return;
  }
  await refreshOutbox();
}

/** A draft whose screen was left without saving: sent as it is, as if its tab had closed. */
export async function releaseDraft(id: string): Promise<void> {
  try {
    const found = (await readOutbox()).entries.find((e) => e.id === id && e.state === 'draft');
    if (found) await putEntry({ ...found, state: 'ready' });
  } catch {
    return;
  }
  await flushOutbox();
}

/** How long Save waits for the server before saying the record is kept on the phone (it is, either way). */
const SEND_WAIT_MS = 8000;
/**
 * How long one request of a flush may take before it counts as unreachable. A connection that hangs would otherwise
 * hold the outbox's lock, and every later flush in every tab would wait behind it. A request cut short this way may
 * still reach the server: the resend is stored once.
 */
const REQUEST_LIMIT_MS = 20_000;

function within<T>(p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new ApiError(0, 'offline', i18n.t('outbox:errors.tooSlow'))), REQUEST_LIMIT_MS),
    ),
  ]);
}

/**
 * Keeps a record on the phone, then sends what is waiting. 'sent' when the server has it now, 'queued' when it waits
 * on the phone. A refusal of this record (bad input) is thrown as the server's ApiError and the record is dropped:
 * the person sees the message and can correct it.
 */
export async function keepAndSend(kind: OutboxKind, id: string, body: unknown): Promise<'sent' | 'queued'> {
  try {
    await putEntry(entry(kind, id, body, 'ready'));
  } catch {
    // No IndexedDB (a private window in some browsers): send straight away, as before the outbox.
    const { method, path } = requestFor(kind);
    await api(method, path, body);
    return 'sent';
  }
  await refreshOutbox();
  // A connection that hangs rather than fails must not hold the form: the record is safe on the phone already.
  const results = await Promise.race([
    flush(new Set([id])),
    new Promise<Map<string, Result>>((r) => setTimeout(() => r(new Map()), SEND_WAIT_MS)),
  ]);
  const mine = results.get(id);
  if (mine?.fate === 'sent') return 'sent';
  if (mine?.fate === 'refused') throw mine.error;
  return 'queued';
}

/** Sends every record waiting on this phone for the person using the app; returns how many the server took. */
export async function flushOutbox(): Promise<number> {
  const results = await flush(new Set());
  return [...results.values()].filter((r) => r.fate === 'sent').length;
}

type Result = { fate: 'sent' } | { fate: 'refused'; error: ApiError } | { fate: 'retry' };

let chain: Promise<unknown> = Promise.resolve();

/** One flush at a time: across tabs with a Web Lock, within a tab (or without locks) one after another. */
function flush(immediate: ReadonlySet<string>): Promise<Map<string, Result>> {
  const run = async (): Promise<Map<string, Result>> =>
    locks ? await locks.request('footing-outbox', () => flushNow(immediate)) : flushNow(immediate);
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}

async function flushNow(immediate: ReadonlySet<string>): Promise<Map<string, Result>> {
  const results = new Map<string, Result>();
  let held: Set<string> | null = null;
  try {
    await moveOldQueue();
    // Asked first, even with nothing waiting: a record made offline later is then marked with its person.
    let owner: string | null;
    try {
      owner = await currentOwner();
    } catch {
      return results;
    } // offline: everything waits
    if (!owner) return results; // signed out: each record waits for its own person
    const { entries } = await readOutbox();
    if (entries.length === 0) return results;
    if (locks) {
      const state = await locks.query();
      held = new Set(
        (state.held ?? [])
          .map((l) => l.name ?? '')
          .filter((n) => n.startsWith(PAGE_LOCK))
          .map((n) => n.slice(PAGE_LOCK.length)),
      );
    }
    for (const d of orphanDrafts(entries, held, Date.now())) await putEntry({ ...d, state: 'ready' });
    for (const e of sendOrder((await readOutbox()).entries, owner)) {
      const r = await sendOne(e);
      results.set(e.id, r);
      if (r.fate === 'retry') break; // the server is out of reach: the rest wait too, in order
      // A record the person just saved is answered on its form ("saved", or the refusal next to the field): only
      // what had to wait gets a note, so Today says when it finally went.
      const note = immediate.has(e.id) ? null : { id: e.id, kind: e.kind, owner, at: new Date().toISOString() };
      if (r.fate === 'sent') await settleEntry(e.id, note && { ...note, outcome: 'sent' });
      else await settleEntry(e.id, note && { ...note, outcome: 'refused', message: r.error.message });
    }
    return results;
  } finally {
    await refreshOutbox();
  }
}

async function sendOne(e: OutboxEntry): Promise<Result> {
  const { method, path } = requestFor(e.kind);
  try {
    await within(api(method, path, e.body));
    return { fate: 'sent' };
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError(0, 'offline', String(err));
    return fateOfFailure(error.status) === 'retry' ? { fate: 'retry' } : { fate: 'refused', error };
  }
}

/** Sessions queued by the first version (localStorage) move into the outbox, then the old list is removed. */
async function moveOldQueue(): Promise<void> {
  let list: unknown;
  try {
    list = JSON.parse(localStorage.getItem(OLD_QUEUE_KEY) ?? 'null');
  } catch {
    list = null;
  }
  if (!Array.isArray(list)) return;
  for (const s of list as { clientId?: unknown }[]) {
    if (typeof s?.clientId === 'string')
      await putEntry({ ...entry('session', s.clientId, s, 'ready'), owner: UNKNOWN_OWNER });
  }
  localStorage.removeItem(OLD_QUEUE_KEY);
}
