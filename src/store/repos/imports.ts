/**
 * The import history: one row per walking-file import (kept or not), with its record (src/core/import-record.ts),
 * so a person can look back at what each file did after leaving the page that imported it.
 */
import type { Kysely, Transaction } from 'kysely';
import { readImportRecord, type ImportRecord } from '../../core/import-record.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Writes a history row (`summary`: the record as JSON, or '{}' while the import that owns the row runs). `sha256`:
 * the hex SHA-256 of what identifies the content, when the caller finds rows by it (a phone walk: its client id).
 */
export async function insertImport(
  db: Db,
  r: { id: string; personId: string; fileName: string; format: string; at: string; summary: string; sha256?: string },
): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      id: r.id,
      person_id: r.personId,
      file_name: r.fileName,
      format: r.format,
      sha256: r.sha256 ?? '',
      at: r.at,
      summary: r.summary,
    })
    .execute();
}

/** The id of a person's history row of this format and content hash, if there is one. */
export async function findImportId(db: Db, personId: string, format: string, sha256: string): Promise<string | null> {
  const row = await db
    .selectFrom('imports')
    .select('id')
    .where('person_id', '=', personId)
    .where('format', '=', format)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Sets the record of a history row written with '{}' (see insertImport). */
export async function setImportSummary(db: Db, id: string, summary: string): Promise<void> {
  await db.updateTable('imports').set({ summary }).where('id', '=', id).execute();
}

/** One past import as the history lists it. `result` is null for a row whose record cannot be read (restored from
 * a backup of another program, say): the row is still listed, with what the table itself holds. */
export interface PastImport {
  id: string;
  fileName: string;
  format: string;
  /** When the import started (ISO 8601, UTC). */
  at: string;
  result: ImportRecord | null;
}

/** Most imports a history answer holds. */
export const PAST_IMPORTS_MAX = 200;

/** A person's imports, newest first. */
export async function listImports(db: Db, personId: string, limit = 20): Promise<PastImport[]> {
  const rows = await db
    .selectFrom('imports')
    .select(['id', 'file_name', 'format', 'at', 'summary'])
    .where('person_id', '=', personId)
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(Math.min(limit, PAST_IMPORTS_MAX))
    .execute();
  // The origins stay with the export (listImportOrigins): a year of days is not for the history's list.
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    at: r.at,
    result: withoutOrigins(readable(r.summary)),
  }));
}

function withoutOrigins(r: ImportRecord | null): ImportRecord | null {
  if (!r?.origins) return r;
  const { origins: _origins, ...rest } = r;
  return rest;
}

function readable(text: string): ImportRecord | null {
  try {
    return readImportRecord(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Where the step days of each of a person's FHIR imports came from (the record's `origins`), by import id. */
export async function listImportOrigins(
  db: Db,
  personId: string,
): Promise<Map<string, NonNullable<ImportRecord['origins']>>> {
  const rows = await db
    .selectFrom('imports')
    .select(['id', 'summary'])
    .where('person_id', '=', personId)
    .where('format', '=', 'fhir')
    .execute();
  const out = new Map<string, NonNullable<ImportRecord['origins']>>();
  for (const r of rows) {
    const origins = readable(r.summary)?.origins;
    if (origins?.length) out.set(r.id, origins);
  }
  return out;
}
