/**
 * The patient list on SQLite (issue 17), the same clinic as bench/clinic-pg.ts (bench/_clinic.ts): two clinicians
 * in one database file, one with 1,000 patients and a year of data each, one with 10,000 patients and 90 days each,
 * seeded with prepared inserts in one transaction per batch, every patient's list figures through
 * refreshListFigures (the function the writes call); then sign-in and the list in-process (first page, a search, an
 * order the database gives and one worked out for every patient), each against GET /api/health in the same run, with
 * the targets (p50 <= 30 ms at 1,000 patients, <= 100 ms at 10,000). The file lives in a temporary folder, removed at
 * the end. BENCH_PATIENTS, BENCH_LARGE_PATIENTS and BENCH_LARGE_DAYS change the sizes.
 * Smoke mode (bench/smoke.test.ts): 5 patients x 2 weeks and 8 x 1 week, 2 sign-ins, 3 requests per case.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { buildApp } from '../src/server/app.js';
import { migrate, openStore } from '../src/store/db.js';
import { countStatements, listenLocal, type BenchFigures, type BenchOptions } from './_bench.js';
import { LIST_BOUND, load, measureListInProcess, PASSWORD, seedClinics, sizeFor, type BulkInsert } from './_clinic.js';

/** One prepared INSERT per table, its rows in one transaction (SQLite has no round trips to save, only commits). */
function sqliteBulk(sqlite: SQLite.Database): BulkInsert {
  const statements = new Map<string, SQLite.Statement>();
  return async (table, cols, rows) => {
    const names = Object.keys(cols);
    const key = `${table}(${names.join(',')})`;
    let insert = statements.get(key);
    if (!insert)
      statements.set(
        key,
        (insert = sqlite.prepare(
          `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        )),
      );
    const stmt = insert;
    sqlite.transaction(() => {
      for (const r of rows) stmt.run(...r);
    })();
  };
}

export async function run(options: BenchOptions = {}): Promise<BenchFigures> {
  const size = sizeFor(options);
  const figures: BenchFigures = {};
  const dir = mkdtempSync(join(tmpdir(), 'footing-bench-sqlite-'));
  const file = join(dir, 'footing.sqlite');
  const store = openStore({ kind: 'sqlite', path: file });
  try {
    console.log(
      `SQLite; ${size.clinics.map((c) => `${c.patients} patients x ${c.days} days`).join(' and ')}; Node ${process.version}; load average at start ${load()} (2 cores shared)`,
    );
    await migrate(store);
    const pw = join(dir, 'pw');
    writeFileSync(pw, `${PASSWORD}\n`);
    const ids = await seedClinics(store, size, sqliteBulk(store.sqlite!), { args: ['--db', file], passwordFile: pw });
    console.log(`Database file ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`);
    const counter = countStatements(store);
    const app = await buildApp({
      store,
      webRoot: null,
      rateLimitPerMinute: 10_000_000,
      auth: { signInPerMinute: 1_000_000 },
    });
    try {
      await measureListInProcess(await listenLocal(app), size, ids, options, figures, counter);
    } finally {
      await app.close();
    }
    console.log(`\n${LIST_BOUND.join('\n')}`);
    console.log(`Load average at end ${load()}`);
    return figures;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
