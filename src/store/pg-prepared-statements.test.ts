import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshStore } from '../../test/helpers/databases.js';
import { prepared } from './pg-prepared-statements.js';
import { readPlanHistory } from './repos/person-history.js';
import { findAuthSession } from './repos/accounts.js';

// PostgreSQL lists the statements a connection has prepared in pg_prepared_statements (per session), so these tests
// run everything on one connection and read that view on it.
test("On PostgreSQL a registered statement is prepared once per connection and reused with each run's own values; others are not prepared", async () => {
  const { store, cleanup } = await freshStore('postgres');
  try {
    await store.db.connection().execute(async (c) => {
      const square = (n: number) => prepared(sql<{ v: number }>`SELECT ${n}::int * ${n}::int AS v`.compile(c));
      assert.equal((await c.executeQuery(square(3))).rows[0]!.v, 9);
      assert.equal((await c.executeQuery(square(7))).rows[0]!.v, 49);
      await c.executeQuery(sql`SELECT 1 AS unregistered`.compile(c));
      const named = (
        await c.executeQuery(sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.compile(c))
      ).rows.map((r) => r.statement);
      assert.equal(named.length, 1, `one statement prepared, found: ${named.join(' | ')}`);
      assert.match(named[0]!, /\$1::int \* \$2::int AS v/);
    });
  } finally {
    await cleanup();
  }
});

test("On PostgreSQL today's history and the session lookup (the statements of every signed-in GET /api/today) run as prepared statements", async () => {
  const { store, cleanup } = await freshStore('postgres');
  try {
    await store.db.connection().execute(async (c) => {
      // Nobody is stored: both reads come back empty, and each has been prepared on this connection.
      const history = await readPlanHistory(c, 'nobody', { from: '2026-11-01', to: '2026-12-07' });
      assert.deepEqual(
        [history.program, history.screen, history.checkins.length, history.walkingDays.length],
        [null, null, 0, 0],
      );
      assert.equal(await findAuthSession(c, 'no such token hash'), null);
      const named = (
        await c.executeQuery(sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.compile(c))
      ).rows.map((r) => r.statement);
      assert.equal(named.length, 2, `two statements prepared, found: ${named.join(' | ')}`);
      assert.ok(
        named.some((s) => s.includes('json_agg') && s.includes('"walking_days"')),
        "today's history",
      );
      assert.ok(
        named.some((s) => s.includes('"auth_sessions"') && !s.includes('*')),
        'the session lookup, its columns listed',
      );
    });
  } finally {
    await cleanup();
  }
});
