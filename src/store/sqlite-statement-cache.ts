/**
 * The SQLite database as Kysely's dialect sees it, with its prepared statements kept for reuse (issue 17, tail
 * latency). Kysely's SQLite driver prepares every query's SQL again on every execution; a profile of GET /api/today
 * under load showed better-sqlite3's prepare (SQLite compiling the same few statements) as one of the largest costs
 * of a request after the socket writes and garbage collection. A statement is reused only while it is not running: a
 * streamed query (iterate) holds its statement until it ends, so the same SQL meanwhile gets a statement of its own.
 * SQLite re-prepares a kept statement itself after a schema change (sqlite3_prepare_v2), so migrations are safe.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept, the least recently used dropped first: the app's queries are a few hundred texts (IN lists of
 * different lengths make more), each statement a few kB. */
export const KEPT_STATEMENTS = 1000;

export function withStatementCache(db: SQLite.Database, kept = KEPT_STATEMENTS): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last: a Map iterates in insertion order.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const stmt = db.prepare(sql);
      if (!cached) {
        statements.set(sql, stmt);
        if (statements.size > kept) statements.delete(statements.keys().next().value!);
      }
      return stmt;
    },
  };
}
