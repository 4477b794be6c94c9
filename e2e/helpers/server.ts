/**
 * Starts Footing's real server for one browser test file: a fresh database (SQLite, or PostgreSQL when
 * FOOTING_E2E_DB=postgres; see ./database.ts), migrated, the built web app from web/dist (npm test builds it
 * first), on a free port of 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import type { Store } from '../../src/store/db.js';
import type { DbKind } from '../../test/helpers/databases.js';
import { databaseLabel, e2eDatabase, openTestDatabase, type TestDatabase } from './database.js';
import { activeMirrors, Mirror, mirrorDatabase } from './mirror.js';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface TestServer {
  url: string;
  db: DbKind;
  /** The server's own store, for seeding what the app would have written (e.g. a clinic's many patients). */
  store: Store;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Runs against the fresh database before the server starts, e.g. `footing clinic create` through db.cli. */
  prepare?: (db: TestDatabase) => Promise<void>;
  /** Sign-in settings (tests lower the password cost); production defaults otherwise. */
  auth?: AppOptions['auth'];
  /** Email settings (e.g. a test SMTP server on 127.0.0.1); none otherwise. */
  mail?: AppOptions['mail'];
  /** Reminder and push settings (e.g. trusting a test push endpoint on 127.0.0.1); production defaults otherwise. */
  reminders?: AppOptions['reminders'];
}

/** Log fields that would carry health data or identify what was asked: none may appear in any log line. */
const FORBIDDEN_LOG_KEYS = new Set([
  'url',
  'body',
  'payload',
  'query',
  'params',
  'headers',
  'cookie',
  'answers',
  'note',
  'regions',
  'back',
  'neck',
  'foot',
  'email',
]);

/**
 * Scans a server's log after a browser test file has driven it: every request line names only the method and the
 * route pattern, and no line holds a field that could carry health data (issue 7: no health data in logs).
 * Returns the problems found (empty when clean).
 */
export function scanLog(log: string): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (FORBIDDEN_LOG_KEYS.has(k)) problems.push(`log field ${path}${k}`);
        walk(x, `${path}${k}.`);
      }
  };
  for (const line of log.split('\n').filter(Boolean)) {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      problems.push(`not a JSON log line: ${line.slice(0, 80)}`);
      continue;
    }
    walk(entry, '');
    const req = entry.req as Record<string, unknown> | undefined;
    if (req && Object.keys(req).sort().join(',') !== 'method,route')
      problems.push(`request logged with ${Object.keys(req).join(', ')}`);
    if (typeof req?.route === 'string' && req.route.includes('?')) problems.push(`query string in ${req.route}`);
  }
  return problems;
}

/**
 * Starts the server on a fresh database of the kind this run uses (FOOTING_E2E_DB). Close it when done. With
 * FOOTING_E2E_MIRROR (./mirror.ts) a second server on the other database stands beside it, and closing the first
 * requires the page's saves to be held the same on both.
 */
export async function startServer(opts: ServerOptions = {}): Promise<TestServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('web/dist is missing: run `npm run build:web` (npm test does it for you)');
  const kind = e2eDatabase();
  const mirrorKind = mirrorDatabase(kind);
  // Printed into the test report (as a comment line), so every file's output says which database it ran on.
  console.log(
    `browser test database: ${databaseLabel(kind)}${mirrorKind ? `, its saves replayed on ${databaseLabel(mirrorKind)}` : ''}`,
  );
  const first = await serveOn(kind, opts);
  if (!mirrorKind) return first;
  let other: TestServer;
  try {
    other = await serveOn(mirrorKind, opts);
  } catch (e) {
    await first.close();
    throw e;
  }
  const mirror = new Mirror(first.url, other.url, databaseLabel(mirrorKind));
  activeMirrors.add(mirror);
  return {
    ...first,
    close: async () => {
      activeMirrors.delete(mirror);
      try {
        await mirror.check();
      } finally {
        await Promise.all([other.close(), first.close()]);
      }
    },
  };
}

/** One server on a fresh database of that kind, with its log kept and scanned when it closes. */
async function serveOn(kind: DbKind, opts: ServerOptions): Promise<TestServer> {
  const db = await openTestDatabase(kind);
  try {
    await opts.prepare?.(db);
  } catch (e) {
    await db.cleanup();
    throw e;
  }
  // The server logs as in production (FOOTING_LOG=1); the log is scanned for health data when the file is done.
  let log = '';
  const app = await buildApp({
    store: db.store,
    webRoot: WEB_ROOT,
    ...(opts.auth ? { auth: opts.auth } : {}),
    ...(opts.mail ? { mail: opts.mail } : {}),
    ...(opts.reminders ? { reminders: opts.reminders } : {}),
    log: true,
    logStream: new Writable({
      write(c, _e, cb) {
        log += String(c);
        cb();
      },
    }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    db: db.kind,
    store: db.store,
    close: async () => {
      await app.close();
      await db.cleanup();
      const problems = scanLog(log);
      if (log.trim() === '') problems.push('the server logged nothing (the scan would prove nothing)');
      if (problems.length)
        throw new Error(
          `Health data or request details in the server log:\n${[...new Set(problems)].slice(0, 20).join('\n')}`,
        );
    },
  };
}

/** A JSON call to the test server (for seeding and for checking what the UI stored). */
export async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}
