/**
 * Whether a failed write broke a unique index: SQLite's SQLITE_CONSTRAINT_UNIQUE or PostgreSQL's 23505. Two resends of
 * the same record can pass the "already stored?" read together; the second insert then fails here and is answered with
 * the stored record instead of an error.
 */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
