import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Migration } from 'kysely';
import { MIGRATIONS, migrate, openStore } from './db.js';

test('a database that has a later migration still takes an earlier one it lacks (migrations land in any order)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-migrate-order-'));
  const store = openStore({ kind: 'sqlite', path: join(dir, 'footing.sqlite') });
  try {
    // As a database made between two landings: everything but 0016, which was written alongside 0019 and landed after it.
    const missing = '0016-password-resets';
    assert.ok(MIGRATIONS[missing], `${missing} exists`);
    const without: Record<string, Migration> = Object.fromEntries(
      Object.entries(MIGRATIONS).filter(([name]) => name !== missing),
    );
    const partial = await new Migrator({
      db: store.db,
      provider: { getMigrations: async () => without },
    }).migrateToLatest();
    assert.equal(partial.error, undefined);
    assert.deepEqual(await migrate(store), [missing]);
    // Its tables are there and the next start applies nothing.
    await store.db
      .selectFrom('password_resets' as never)
      .selectAll()
      .execute();
    assert.deepEqual(await migrate(store), []);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
