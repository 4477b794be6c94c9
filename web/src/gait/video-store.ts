import { i18n } from '../i18n/i18n.js';
/**
 * Keeps a video on this device only (IndexedDB), when the person ticks "also keep the video on this device".
 * Nothing here talks to the server: the video is never uploaded.
 */
const DB = 'footing-gait-videos';
const STORE = 'videos';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(i18n.t('gait:errors.noIndexedDb')));
  });
}

function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = op(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error(i18n.t('gait:errors.storeVideo')));
        };
      }),
  );
}

export interface KeptVideo {
  analysisId: string;
  name: string;
  type: string;
  savedAt: string;
  blob: Blob;
}

/** Stores the video under the saved analysis's id. */
export function keepVideo(v: KeptVideo): Promise<unknown> {
  return run('readwrite', (s) => s.put(v, v.analysisId));
}

/** The video kept for an analysis, or undefined. */
export function keptVideo(analysisId: string): Promise<KeptVideo | undefined> {
  return run('readonly', (s) => s.get(analysisId) as IDBRequest<KeptVideo | undefined>);
}

/** Ids of analyses whose video is kept here. */
export function keptVideoIds(): Promise<string[]> {
  return run('readonly', (s) => s.getAllKeys() as IDBRequest<string[]>);
}

export function forgetVideo(analysisId: string): Promise<unknown> {
  return run('readwrite', (s) => s.delete(analysisId));
}
