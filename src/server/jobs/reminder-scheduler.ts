/**
 * The reminder clock: every `tickMs` (default 30 s) it sends the reminders that are due (src/services/
 * reminder-dispatch.ts). It keeps nothing in memory that matters: what was sent is in the database, so a restart
 * picks up where it stopped (a reminder missed while the server was down still goes out within the hour's grace),
 * and two servers on one database send each reminder once. Ticks never overlap.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../../store/db.js';
import { sendDueReminders, type DispatchResult, type SendPush } from '../../services/reminder-dispatch.js';

export const REMINDER_TICK_MS = 30_000;

export interface ReminderScheduler {
  /** One round now (or at `now`, for tests): sends what is due, and says how it went. */
  tick(now?: number): Promise<DispatchResult>;
  stop(): Promise<void>;
}

/** Starts the clock; `tickMs` null: no clock, rounds only through tick() (tests). `clock` gives the instant of a round. */
export function startReminderScheduler(
  store: Store,
  send: SendPush,
  log: FastifyBaseLogger,
  tickMs: number | null = REMINDER_TICK_MS,
  clock: () => number = Date.now,
): ReminderScheduler {
  let running: Promise<DispatchResult> | null = null;
  const tick = (now = clock()) => {
    running ??= sendDueReminders(store.db, now, send).finally(() => {
      running = null;
    });
    return running;
  };
  const timer =
    tickMs === null
      ? null
      : setInterval(() => {
          // Counts only: no person, address or message in the log.
          tick().then(
            (r) => {
              if (r.failed) log.warn({ failed: r.failed }, 'reminder pushes failed');
            },
            (e: unknown) => log.error({ code: (e as { code?: string }).code }, 'reminder round failed'),
          );
        }, tickMs);
  timer?.unref();
  return {
    tick,
    stop: async () => {
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
