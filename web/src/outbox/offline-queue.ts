/**
 * The first offline queue's names, kept for the app shell and the Data page: the records themselves now wait in the
 * outbox (outbox.ts, IndexedDB), which also holds check-ins and walking logs.
 */
import { flushOutbox, outboxSnapshot, refreshOutbox } from './outbox.js';

/** The sessions waiting on this phone to be sent. */
export function pendingSessions(): readonly unknown[] {
  return outboxSnapshot().entries.filter((e) => e.kind === 'session');
}

/** Sends everything waiting; returns how many records the server took. */
export const flushQueue = flushOutbox;

// The shell reads pendingSessions() when it starts: fill the snapshot (OUTBOX_EVENT follows).
void refreshOutbox();
