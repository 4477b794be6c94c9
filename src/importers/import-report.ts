/**
 * The report of one imported file, as `footing import --json` prints it and the web app shows it, and the record the
 * import history keeps of it (src/core/import-record.ts says what each figure counts).
 */
import {
  IMPORT_RECORD_PROBLEMS,
  IMPORT_RECORD_VERSION,
  importStatus,
  type ImportRecord,
} from '../core/import-record.js';
import { formatLocation } from './import-error.js';
import type { ImportSummary } from './import-sink.js';

/** A day's totals as stored (walking_days): steps, and metres to the decimetre. */
export interface StoredDayTotals {
  steps: number;
  distance_m: number;
}

/** What the store did with a file's samples (src/services/import-walking.ts StoredImport). */
export interface StoredFigures {
  /** Samples newly stored. */
  added: number;
  /** Samples the file gave that were already stored, or repeated in the file. */
  duplicates: number;
  /** The stored totals of each day the file covers, after the import. */
  days: Record<string, StoredDayTotals>;
  /** Pain check-ins (FHIR files): newly stored, and already stored. */
  checkins?: { added: number; duplicates: number };
  /** Screening results and outcome entries (FHIR files): newly stored, and already stored. */
  assessments?: { added: number; duplicates: number };
  /** What a FHIR file gave of the record itself (birth year, stage, walking target): 'set' or already 'same'. */
  record?: { birthYear?: 'set' | 'same'; stage?: 'set' | 'same'; walkingTarget?: 'set' | 'same' };
  /** Gait analyses (FHIR files): newly stored, and already stored. */
  gait?: { added: number; duplicates: number };
}

/** Everything the file added: samples, check-ins, assessments, gait analyses, and each part of the record it set (birth year, stage, walking target). */
export function storedCount(stored: StoredFigures): number {
  const set = stored.record ? Object.values(stored.record).filter((v) => v === 'set').length : 0;
  return (
    stored.added + (stored.checkins?.added ?? 0) + (stored.assessments?.added ?? 0) + (stored.gait?.added ?? 0) + set
  );
}

/** What the import stored, in the words both the API's report and the import history's record use. */
function whatWasStored(summary: ImportSummary, stored: StoredFigures) {
  return {
    status: importStatus({ ok: summary.ok, added: storedCount(stored) }),
    mode: summary.mode,
    records: summary.recordsSeen,
    samples: summary.ok ? summary.samples : 0,
    added: stored.added,
    duplicates: stored.duplicates,
    ...(stored.checkins ? { checkins: stored.checkins } : {}),
    ...(stored.assessments ? { assessments: stored.assessments } : {}),
    ...(stored.record ? { record: stored.record } : {}),
    ...(stored.gait ? { gait: stored.gait } : {}),
  };
}

/**
 * The per-file JSON of `footing import --json` and of the web import: `records` read, the walking `samples` they
 * gave, of which `added` and `duplicates`; `skipped` what was not walking, by reason in `skipped_by_reason`; `days`
 * the stored totals of the days the file covers (so they equal what the charts show).
 */
export function importJson(file: string, summary: ImportSummary, stored: StoredFigures) {
  return {
    file,
    format: summary.format,
    ok: summary.ok,
    ...whatWasStored(summary, stored),
    skipped: summary.skipped,
    skipped_by_reason: summary.skippedBy,
    errors: summary.issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      message: i.message,
      ...(i.text ? { text: i.text } : {}),
      location: i.location,
      at: formatLocation(i.location),
      ...(i.choices ? { choices: i.choices } : {}),
    })),
    error_count: summary.errorCount,
    warning_count: summary.warningCount,
    days: stored.days,
  };
}

/** The import history's record of a file (imports.summary). */
export function importRecord(summary: ImportSummary, stored: StoredFigures): ImportRecord {
  const days = Object.keys(stored.days).sort();
  return {
    version: IMPORT_RECORD_VERSION,
    ...whatWasStored(summary, stored),
    // Where the file said its step days came from: this Footing's export names the same (fhir-provenance.ts).
    ...(summary.ok && stored.added > 0 && summary.origins?.length ? { origins: summary.origins } : {}),
    skipped: summary.skipped,
    skippedBy: summary.skippedBy,
    errorCount: summary.errorCount,
    warningCount: summary.warningCount,
    problems: summary.issues.slice(0, IMPORT_RECORD_PROBLEMS).map((i) => ({
      severity: i.severity,
      code: i.code,
      message: i.message.slice(0, 1000),
      ...(i.text ? { text: i.text } : {}),
      location: i.location,
    })),
    days: { count: days.length, first: days[0] ?? null, last: days.at(-1) ?? null },
  };
}
