import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';

// The import history query (listImports: one person's imports, newest first) is answered from the index on
// (person_id, at) on both databases, not by reading every patient's imports.
for (const kind of DATABASES) {
  test(`${kind}: one person's import history, newest first, is read through imports_person_at`, async () => {
    const { store, cleanup } = await freshStore(kind);
    try {
      const query = "SELECT id FROM imports WHERE person_id = 'p-1' ORDER BY at DESC LIMIT 20";
      let plan: string;
      if (kind === 'sqlite') {
        const rows = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(query)}`.execute(store.db);
        plan = rows.rows.map((r) => r.detail).join('\n');
      } else {
        // An empty table is scanned whatever the indexes; with scans priced out the planner shows what it can use.
        plan = await store.db.transaction().execute(async (trx) => {
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
          const rows = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${sql.raw(query)}`.execute(trx);
          return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
        });
      }
      assert.match(plan, /imports_person_at/, plan);
      assert.doesNotMatch(plan, /TEMP B-TREE|Sort/i, `no sort step: the index gives the order\n${plan}`);
    } finally {
      await cleanup();
    }
  });
}
