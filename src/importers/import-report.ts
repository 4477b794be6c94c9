/** The report of one imported file, as `footing import --json` prints it and the web app shows it. */
import { formatLocation } from './import-error.js';
import type { ImportSummary } from './import-sink.js';

/** The per-file JSON of `footing import --json`. `skipped` counts what the file held that was not added: samples
 * already stored plus records that are not walking data. */
export function importJson(file: string, summary: ImportSummary, added: number, skipped: number) {
  const days = Object.fromEntries(Object.entries(summary.daily).map(([d, t]) => [d, { steps: Math.round(t.steps), distance_m: Math.round(t.distance_m * 10) / 10 }]));
  return {
    file, format: summary.format, ok: summary.ok, mode: summary.mode, records: summary.recordsSeen, added, skipped,
    errors: summary.issues.map((i) => ({ severity: i.severity, code: i.code, message: i.message, location: i.location, at: formatLocation(i.location), ...(i.choices ? { choices: i.choices } : {}) })),
    error_count: summary.errorCount, warning_count: summary.warningCount, days,
    ...(summary.dailyBySubject ? { days_by_person: summary.dailyBySubject } : {}),
  };
}

