/**
 * Runs a test body against every database Footing supports: a fresh SQLite file and a fresh PostgreSQL database
 * (created and dropped here). PostgreSQL comes from FOOTING_TEST_PG_URL (set by scripts/run-tests.mjs and .ci/run);
 * without it the PostgreSQL case fails with a message rather than silently passing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openStore, type DbConfig, type Store } from '../../src/store/db.js';

export const DATABASES = ['sqlite', 'postgres'] as const;
export type DbKind = (typeof DATABASES)[number];

/** Creates, migrates and returns a store of that kind, plus a cleanup that closes and deletes it. */
export async function freshStore(kind: DbKind): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'footing-test-'));
    const store = openStore({ kind: 'sqlite', path: join(dir, 'footing.sqlite') });
    await migrate(store);
    return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = process.env.FOOTING_TEST_PG_URL;
  if (!admin) throw new Error('FOOTING_TEST_PG_URL is not set: start PostgreSQL (bash scripts/start-postgres.sh) and run the tests with npm test');
  const name = `footing_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
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
