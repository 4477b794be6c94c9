/**
 * The database a browser test file runs on. `npm test` runs the browser tests twice: once on SQLite, once with
 * FOOTING_E2E_DB=postgres (issue 7: PostgreSQL passes the same tests as SQLite). Each file gets a fresh database
 * from test/helpers/databases.ts (a temp SQLite file, or a PostgreSQL database created and dropped there).
 */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Store } from '../../src/store/db.js';
import { DATABASES, freshStore, type DbKind } from '../../test/helpers/databases.js';

/** The environment variable that picks the browser tests' database (unset means SQLite). */
export const E2E_DB_VAR = 'FOOTING_E2E_DB';

/** The database this run of the browser tests uses: FOOTING_E2E_DB (sqlite or postgres), SQLite when unset. */
export function e2eDatabase(): DbKind {
  const value = process.env[E2E_DB_VAR] ?? 'sqlite';
  // A typo must not quietly fall back to SQLite: the PostgreSQL run would then prove nothing.
  if (!(DATABASES as readonly string[]).includes(value))
    throw new Error(`${E2E_DB_VAR} must be one of ${DATABASES.join(', ')} (got "${value}")`);
  return value as DbKind;
}

/** A fresh, migrated database for one browser test file, with the `footing` CLI pointed at it. */
export interface TestDatabase {
  kind: DbKind;
  store: Store;
  /** Runs `footing ...args` in-process against this database; throws with the CLI's error output when it fails. */
  cli(args: string[]): Promise<void>;
  /** Closes the store and deletes the database. */
  cleanup(): Promise<void>;
}

/** Opens a fresh database of the kind this run uses (see e2eDatabase). */
export async function openTestDatabase(kind: DbKind = e2eDatabase()): Promise<TestDatabase> {
  const { store, cleanup } = await freshStore(kind);
  const config = store.config;
  return {
    kind,
    store,
    cleanup,
    cli: async (args) => {
      let err = '';
      const out = new Writable({
        write(_c, _e, cb) {
          cb();
        },
      });
      const errSink = new Writable({
        write(c, _e, cb) {
          err += String(c);
          cb();
        },
      });
      // The CLI picks SQLite with --db PATH and PostgreSQL with DATABASE_URL (src/store/db.ts resolveDbConfig).
      if (config.kind === 'sqlite') {
        const code = await main([...args, '--db', config.path], { out, err: errSink });
        if (code !== 0) throw new Error(`footing ${args.join(' ')} failed (${code}): ${err}`);
        return;
      }
      const prev = process.env.DATABASE_URL;
      process.env.DATABASE_URL = config.url;
      try {
        const code = await main(args, { out, err: errSink });
        if (code !== 0) throw new Error(`footing ${args.join(' ')} failed (${code}): ${err}`);
      } finally {
        if (prev === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = prev;
      }
    },
  };
}

/** How the run names its database in test output, e.g. "PostgreSQL". */
export function databaseLabel(kind: DbKind = e2eDatabase()): string {
  return kind === 'postgres' ? 'PostgreSQL' : 'SQLite';
}
