/**
 * The shapes the import API answers with (POST /api/imports, GET /api/jobs/:id, GET /api/imports), taken from the
 * server's own types (src/server/api-types.ts), so a change there shows up here as a type error.
 */
import type { ImportLocation } from '../../../src/importers/import-error.js';
import type { ImportReport, PastImport } from '../../../src/server/api-types.js';

/** Where a problem in a file is: line/column for text formats, a byte offset for binary ones, and the field. */
export type { ImportLocation, ImportReport, PastImport };

/** One bad record (or the reason a whole file was refused). */
export type ImportProblem = ImportReport['errors'][number];

/** A job as GET /api/jobs/:id returns it. A failed job holds a report, or `{error}` after an internal failure. */
export interface ImportJob {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { bytes?: number; total?: number | null };
  result: ImportReport | { error: string } | null;
}

/** True when a job's result is a file report (not the internal-failure shape). */
export function isReport(r: ImportJob['result']): r is ImportReport {
  return r !== null && typeof r === 'object' && 'format' in r;
}
