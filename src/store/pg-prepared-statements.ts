/**
 * PostgreSQL's pool as Kysely's dialect sees it, with the hot statements sent as named prepared statements (issue 17,
 * tail latency on PostgreSQL). Kysely sends every query as an unnamed statement, so PostgreSQL parses and plans it
 * again on every execution; for the statements every request runs (the session lookup, today's history in one
 * statement of seven sub-selects) that planning was a large share of the database's CPU per request. A named
 * statement is parsed and planned once per connection (pg keeps the names it has prepared on each client), then each
 * execution only binds its values.
 *
 * Only statements registered with preparedStatement() are named, not every query: the app's other texts are many
 * (IN lists of each length make new ones) and a named statement lives as long as its connection. A registered
 * statement should list its columns rather than `*`: PostgreSQL refuses to run a prepared `SELECT *` whose table
 * gained a column since ("cached plan must not change result type"); migrations run before the pool serves requests.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Registered SQL text -> its statement name (a digest of the text, so one text always has one name). */
const NAMES = new Map<string, string>();

/** Marks a statement's SQL as one to prepare once per connection; returns the SQL unchanged. */
export function preparedStatement(sql: string): string {
  if (!NAMES.has(sql)) NAMES.set(sql, `footing_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`);
  return sql;
}

/** A compiled query marked as one to prepare (its text registered), for db.executeQuery. */
export function prepared<Q extends { sql: string }>(compiled: Q): Q {
  preparedStatement(compiled.sql);
  return compiled;
}

/** The pool's clients, each sending a registered statement by its name. */
export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled client, as Kysely keeps one connection object per client it is given.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    release: (destroy?: boolean) => client.release(destroy),
    query: ((query: unknown, parameters?: readonly unknown[]) => {
      const name = typeof query === 'string' ? NAMES.get(query) : undefined;
      if (name) return client.query({ name, text: query as string, values: parameters as unknown[] });
      return typeof query === 'string' ? client.query(query, parameters as unknown[]) : client.query(query as never);
    }) as unknown as PostgresPoolClient['query'],
  });
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
  };
}
