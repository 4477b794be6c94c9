/**
 * The shapes the import API answers with (POST /api/imports, GET /api/jobs/:id), as the server writes them
 * (src/importers/import-report.ts `importJson`, src/store/repos/jobs.ts `Job`). Declared here because
 * src/server/api-types.ts does not export them yet; keep in step with those two files.
 */

import type { ImportLocation } from '../../../src/importers/import-error.js';

/** Where a problem in a file is: line/column for text formats, a byte offset for binary ones, and the field. */
export type { ImportLocation };

/** One bad record (or the reason a whole file was refused). */
export interface ImportProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  location: ImportLocation;
  /** The location as one line, e.g. "export.xml:12:5 (value)". */
  at: string;
  /** For 'several-people': the Ids the file holds, one of which the person chooses. */
  choices?: string[];
}

/** The report of one imported file (the JSON `footing import --json` prints). */
export interface ImportReport {
  file: string;
  format: string;
  ok: boolean;
  mode: 'strict' | 'lenient';
  records: number;
  added: number;
  skipped: number;
  errors: ImportProblem[];
  error_count: number;
  warning_count: number;
  days: Record<string, { steps: number; distance_m: number }>;
}

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
