/**
 * Runs a test body against every database Footing supports: a fresh SQLite file and a fresh PostgreSQL database
 * (created and dropped here). PostgreSQL comes from FOOTING_TEST_PG_URL (set by scripts/run-tests.mjs and .ci/run);
 * without it the PostgreSQL case fails with a message rather than silently passing.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openStore, type DbConfig, type Store } from '../../src/store/db.js';

const MIGRATIONS = new URL('../../src/store/migrations/', import.meta.url);

/**
 * A migrated PostgreSQL database that fresh test databases are copied from (CREATE DATABASE ... TEMPLATE): running
 * the 20-odd migrations took most of the 2-3 s each fresh database cost. Named after a hash of the migration files,
 * so a changed migration makes a new template; each fresh database is still migrated after the copy (nothing to do
 * when the template is current), so a stale template can only cost time, never correctness. Built under an advisory
 * lock (test processes run side by side) and renamed into place only once migrated, so nobody copies a half-made one.
 * Old templates are left alone: another checkout's run may be copying from one on the same server.
 */
let template: Promise<string> | undefined;
function migratedTemplate(admin: string): Promise<string> {
  template ??= (async () => {
    const hash = createHash('sha256');
    for (const f of readdirSync(MIGRATIONS)
      .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
      .sort())
      hash.update(f).update(readFileSync(new URL(f, MIGRATIONS)));
    const name = `footing_test_template_${hash.digest('hex').slice(0, 12)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7151701)');
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        const building = `${name}_building_${process.pid}`;
        await client.query(`DROP DATABASE IF EXISTS ${building}`);
        await client.query(`CREATE DATABASE ${building}`);
        const url = new URL(admin);
        url.pathname = `/${building}`;
        const store = openStore({ kind: 'postgres', url: url.toString() });
        try {
          await migrate(store);
        } finally {
          await store.close();
        }
        await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(7151701)').catch(() => undefined);
      await client.end();
    }
    return name;
  })();
  return template;
}

export const DATABASES = ['sqlite', 'postgres'] as const;
export type DbKind = (typeof DATABASES)[number];

/** Creates, migrates and returns a store of that kind, plus a cleanup that closes and deletes it. */
export async function freshStore(kind: DbKind): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'footing-test-'));
    const store = openStore({ kind: 'sqlite', path: join(dir, 'footing.sqlite') });
    await migrate(store);
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = process.env.FOOTING_TEST_PG_URL;
  if (!admin)
    throw new Error(
      'FOOTING_TEST_PG_URL is not set: start PostgreSQL (bash scripts/start-postgres.sh) and run the tests with npm test',
    );
  const name = `footing_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const source = await migratedTemplate(admin);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name} TEMPLATE ${source}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const config: DbConfig = { kind: 'postgres', url: url.toString() };
  const store = openStore(config);
  await migrate(store);
  return {
    store,
    cleanup: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
