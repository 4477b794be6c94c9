import { test } from 'node:test';
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { withStatementCache } from './sqlite-statement-cache.js';

/** An in-memory database whose prepare calls are counted. */
function counted() {
  const db = new SQLite(':memory:');
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES ('a'), ('b'), ('c')");
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  return { db, prepared };
}

test("The same SQL is prepared once and its statement reused, with each call's own parameters", () => {
  const { db, prepared } = counted();
  const cache = withStatementCache(db);
  const q = 'SELECT v FROM t WHERE id = ?';
  assert.deepEqual(cache.prepare(q).all([1]), [{ v: 'a' }]);
  assert.deepEqual(cache.prepare(q).all([3]), [{ v: 'c' }]);
  assert.equal(cache.prepare('INSERT INTO t (v) VALUES (?)').run(['d']).changes, 1);
  assert.deepEqual(prepared, [q, 'INSERT INTO t (v) VALUES (?)']);
  db.close();
});

test('A statement still iterating (a streamed query) is not handed out again: the same SQL gets its own', () => {
  const { db, prepared } = counted();
  const cache = withStatementCache(db);
  const q = 'SELECT v FROM t ORDER BY id';
  const outer = cache.prepare(q).iterate([]);
  assert.deepEqual(outer.next().value, { v: 'a' });
  // better-sqlite3 refuses to run a statement while it iterates; the cache gives another one.
  assert.deepEqual(cache.prepare(q).all([]), [{ v: 'a' }, { v: 'b' }, { v: 'c' }]);
  assert.deepEqual([...outer], [{ v: 'b' }, { v: 'c' }]);
  assert.equal(prepared.length, 2);
  // Done iterating: the kept statement is reused again.
  cache.prepare(q).all([]);
  assert.equal(prepared.length, 2);
  db.close();
});

test('At most `kept` statements are kept, the least recently used dropped first', () => {
  const { db, prepared } = counted();
  const cache = withStatementCache(db, 2);
  const [a, b, c] = ['SELECT 1', 'SELECT 2', 'SELECT 3'];
  cache.prepare(a);
  cache.prepare(b);
  cache.prepare(a); // a is now the most recent
  cache.prepare(c); // drops b
  cache.prepare(a);
  assert.deepEqual(prepared, [a, b, c]);
  cache.prepare(b);
  assert.deepEqual(prepared, [a, b, c, b]);
  db.close();
});

test('A kept statement reads the table as it is after a schema change (a migration between two reads)', () => {
  const { db } = counted();
  const cache = withStatementCache(db);
  const q = 'SELECT * FROM t WHERE id = ?';
  assert.deepEqual(cache.prepare(q).all([1]), [{ id: 1, v: 'a' }]);
  db.exec("ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'x'");
  assert.deepEqual(cache.prepare(q).all([1]), [{ id: 1, v: 'a', w: 'x' }]);
  db.close();
});
