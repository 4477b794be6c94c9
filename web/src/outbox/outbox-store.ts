/**
 * The outbox on the phone: IndexedDB database 'footing-outbox' with the records waiting to be sent ('entries') and the
 * notes of what became of the last ones ('notes'). IndexedDB, not localStorage: it survives a closed tab the same way,
 * but its writes are transactions (a record moves from waiting to sent in one step, never both or neither) and the
 * service worker could read it too. A handful of calls, so no library: each wraps one request or transaction.
 */
import { keptNotes, type OutboxEntry, type OutboxNote } from './outbox-logic.js';

const NAME = 'footing-outbox';
const VERSION = 1;

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('entries')) db.createObjectStore('entries', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('notes')) db.createObjectStore('notes', { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened')); // i18n-ignore: an internal error, never shown (a form shows its own words for it)
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab')); // i18n-ignore: an internal error, never shown (a form shows its own words for it)
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

/** Runs `fn` in one transaction over both stores; resolves once the transaction is committed. */
async function inTx<T>(
  mode: IDBTransactionMode,
  fn: (entries: IDBObjectStore, notes: IDBObjectStore) => T,
): Promise<T> {
  const db = await openDb();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(['entries', 'notes'], mode);
    let out: T;
    try {
      out = fn(tx.objectStore('entries'), tx.objectStore('notes'));
    } catch (e) {
      tx.abort();
      reject(e);
      return;
    }
    tx.oncomplete = () => resolve(out);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed')); // i18n-ignore: an internal error, never shown (a form shows its own words for it)
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted')); // i18n-ignore: an internal error, never shown (a form shows its own words for it)
  });
}

function all<T>(store: IDBObjectStore): { result?: T[] } {
  const holder: { result?: T[] } = {};
  const req = store.getAll();
  req.onsuccess = () => {
    holder.result = req.result as T[];
  };
  return holder;
}

/** Everything the outbox holds: the waiting records and the notes. */
export async function readOutbox(): Promise<{ entries: OutboxEntry[]; notes: OutboxNote[] }> {
  const got = await inTx('readonly', (entries, notes) => ({
    entries: all<OutboxEntry>(entries),
    notes: all<OutboxNote>(notes),
  }));
  return { entries: got.entries.result ?? [], notes: got.notes.result ?? [] };
}

/** Keeps a record (replacing the one with the same id: a draft becoming ready). */
export async function putEntry(entry: OutboxEntry): Promise<void> {
  await inTx('readwrite', (entries) => {
    entries.put(entry);
  });
}

/** Removes a waiting record and, if given, writes its note, in one transaction; keeps only the newest notes. */
export async function settleEntry(id: string, note: OutboxNote | null): Promise<void> {
  const before = await readOutbox();
  await inTx('readwrite', (entries, notes) => {
    entries.delete(id);
    if (!note) return;
    notes.put(note);
    const keep = new Set(keptNotes([...before.notes.filter((n) => n.id !== note.id), note]).map((n) => n.id));
    for (const n of before.notes) if (!keep.has(n.id)) notes.delete(n.id);
  });
}
