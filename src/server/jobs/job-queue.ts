/**
 * Long work runs as jobs. On PostgreSQL a pg-boss queue hands each job to one worker among all server processes
 * (so a second process can pick up work and every process reports progress from the jobs table); on SQLite, the
 * one-machine install, the job runs in this process. The job's state always lives in the `jobs` table.
 */
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Store } from '../../store/db.js';

export type JobHandler<T extends object> = (data: T) => Promise<void>;

export interface JobQueue {
  /** Queues work for `handler` (registered with `on`). */
  send<T extends object>(name: string, data: T): Promise<void>;
  on<T extends object>(name: string, handler: JobHandler<T>): Promise<void>;
  stop(): Promise<void>;
}

/** In-process: runs the handler right away, without awaiting it (the caller answers 202 and the page polls). */
export function inProcessQueue(): JobQueue {
  const handlers = new Map<string, JobHandler<object>>();
  const running = new Set<Promise<void>>();
  return {
    async send(name, data) {
      const h = handlers.get(name);
      if (!h) throw new Error(`No handler for job ${name}`);
      const p = h(data)
        .catch(() => {})
        .finally(() => running.delete(p));
      running.add(p);
    },
    async on(name, handler) {
      handlers.set(name, handler as JobHandler<object>);
    },
    async stop() {
      await Promise.all(running);
    },
  };
}

/** The advisory lock key under which pg-boss's schema and queues are created (any fixed 64-bit number). */
const SCHEMA_LOCK = 7_411_290_305n;

/**
 * Runs `fn` while holding a PostgreSQL advisory lock of this database (a session lock on a connection of its own).
 * pg-boss installs its schema on start and each queue's tables on first use; two server processes doing that at
 * the same moment deadlocked ("deadlock detected" ended one of them), so they take turns.
 */
async function oneAtATime<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK.toString()]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK.toString()]);
    }
  } finally {
    await client.end();
  }
}

/** pg-boss on the same PostgreSQL database (its own schema, `pgboss`). */
export async function pgBossQueue(url: string): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: url, max: 4 });
  boss.on('error', () => {}); // reported through the jobs table; never crash the server on a queue hiccup
  await oneAtATime(url, () => boss.start());
  const created = new Set<string>();
  const ensure = async (name: string) => {
    if (created.has(name)) return;
    await oneAtATime(url, () => boss.createQueue(name));
    created.add(name);
  };
  return {
    async send(name, data) {
      await ensure(name);
      await boss.send(name, data);
    },
    async on<T extends object>(name: string, handler: JobHandler<T>) {
      await ensure(name);
      await boss.work<T>(name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const j of jobs) await handler(j.data);
      });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

export async function jobQueueFor(store: Store): Promise<JobQueue> {
  return store.config.kind === 'postgres' ? pgBossQueue(store.config.url) : inProcessQueue();
}
