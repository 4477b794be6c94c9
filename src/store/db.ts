/**
 * Opens the database: SQLite (better-sqlite3, the embedded default, a file under ./data/) or PostgreSQL when a
 * postgres:// URL is given. One Kysely instance, one migration set for both.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-assessment.js';
import * as m0003 from './migrations/0003-walking-days.js';
import * as m0004 from './migrations/0004-jobs.js';
import * as m0005 from './migrations/0005-lean-walking-samples.js';
import * as m0006 from './migrations/0006-accounts.js';
import * as m0007 from './migrations/0007-dose-overrides.js';
import * as m0009 from './migrations/0009-gait-video-jobs.js';
import * as m0010 from './migrations/0010-walking-sample-chunks.js';
import * as m0011 from './migrations/0011-walking-override.js';
import * as m0012 from './migrations/0012-patient-list-figures.js';
import * as m0013 from './migrations/0013-reminders.js';
import * as m0014 from './migrations/0014-checkin-client-id.js';
import * as m0015 from './migrations/0015-messages.js';
import * as m0016 from './migrations/0016-password-resets.js';
import * as m0017 from './migrations/0017-monitoring-minutes.js';
import * as m0019 from './migrations/0019-gait-stills.js';
import * as m0020 from './migrations/0020-imports-person-at.js';
import * as m0021 from './migrations/0021-clinician-push-subscriptions.js';
import * as m0022 from './migrations/0022-patient-list-judgement.js';
import * as m0023 from './migrations/0023-push-language.js';
import type { Database } from './schema.js';
import { inTransaction, refreshListFigures } from './repos/patient-list.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import { withPreparedStatements } from './pg-prepared-statements.js';

export const DEFAULT_DB_PATH = 'data/footing.sqlite';

export type DbConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Store {
  db: Kysely<Database>;
  config: DbConfig;
  /** The SQLite connection itself, for bulk writes inside a Kysely transaction (SQLite only). */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

/** Which database to use: an explicit --db path wins, then DATABASE_URL, then the default SQLite file. */
export function resolveDbConfig(opts: { dbPath?: string | undefined; env?: NodeJS.ProcessEnv }): DbConfig {
  if (opts.dbPath) return { kind: 'sqlite', path: opts.dbPath };
  const url = opts.env?.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:...")`);
    return { kind: 'postgres', url };
  }
  return { kind: 'sqlite', path: DEFAULT_DB_PATH };
}

/** Opens the store (creating the SQLite file's folder if needed). Call migrate() before use. */
export function openStore(config: DbConfig): Store {
  if (config.kind === 'sqlite') {
    if (config.path !== ':memory:') mkdirSync(dirname(resolve(config.path)), { recursive: true });
    const sqlite = new SQLite(config.path);
    // WAL keeps readers unblocked by a writer; foreign keys are off by default in SQLite.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // SQLite's lower() folds ASCII letters only; searches fold every letter, as PostgreSQL's lower() does.
    sqlite.function('unicode_lower', { deterministic: true }, (s: unknown) =>
      typeof s === 'string' ? s.toLowerCase() : s,
    );
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, config, sqlite, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  // Keep the process alive-safe: an idle client error must not crash the server.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
  return { db, config, close: () => db.destroy() };
}

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-assessment': m0002,
  '0003-walking-days': m0003,
  '0004-jobs': m0004,
  '0005-lean-walking-samples': m0005,
  '0006-accounts': m0006,
  '0007-dose-overrides': m0007,
  '0009-gait-video-jobs': m0009,
  '0010-walking-sample-chunks': m0010,
  '0011-walking-override': m0011,
  '0012-patient-list-figures': m0012,
  '0013-reminders': m0013,
  '0014-checkin-client-id': m0014,
  '0015-messages': m0015,
  '0016-password-resets': m0016,
  '0017-monitoring-minutes': m0017,
  '0019-gait-stills': m0019,
  '0020-imports-person-at': m0020,
  '0021-clinician-push-subscriptions': m0021,
  '0022-patient-list-judgement': m0022,
  '0023-push-language': m0023,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return MIGRATIONS;
  }
}

/** Runs all pending migrations; returns the names applied. Throws with the failing migration's name. */
export async function migrate(store: Store): Promise<string[]> {
  // Unordered: migrations written side by side land in any order (0019 before 0016 in December 2026), and a database
  // that already has a later one must still take an earlier one it lacks; each migration touches its own tables.
  const migrator = new Migrator({ db: store.db, provider: new StaticProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error)
    throw new Error(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (applied.some((name) => REFILL_LIST_FIGURES_AFTER.has(name))) await refillListFigures(store.db);
  return applied;
}

/**
 * Migrations after which every person's patient-list figures are worked out again from their rows, once all
 * migrations have run, with today's refresh (the one the writes call): 0012 made the table, 0022 added the kept
 * judgement. Done here rather than inside a migration, so the refresh always finds every column it writes.
 */
const REFILL_LIST_FIGURES_AFTER = new Set(['0012-patient-list-figures', '0022-patient-list-judgement']);

async function refillListFigures(db: Kysely<Database>): Promise<void> {
  const people = await db.selectFrom('people').select('id').orderBy('id').execute();
  await inTransaction(db, (trx) =>
    refreshListFigures(
      trx,
      people.map((p) => p.id),
    ),
  );
}
