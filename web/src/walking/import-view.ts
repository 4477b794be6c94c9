/**
 * What the page shows of an import, the same whether it was just done (the job's report) or is looked back at (a
 * record of the import history): one shape, so the words and figures of both are the same. Pure.
 */
import type { ImportProblemRecord, ImportStatus } from '../../../src/core/import-record.js';
import type { SkippedByReason } from '../../../src/core/walking-activity.js';
import type { Language } from '../../../src/core/language.js';
import { importOutcomeTextIn, skippedTextIn } from '../../../src/core/i18n/import-texts.js';
import type { TFunction } from 'i18next';
import type { ImportReport, PastImport } from './import-types.js';

export interface ImportView {
  format: string;
  ok: boolean;
  status: ImportStatus;
  mode: 'strict' | 'lenient';
  records: number;
  samples: number;
  added: number;
  duplicates: number;
  /** Null for imports made before Footing kept it. */
  skipped: number | null;
  skippedBy: SkippedByReason;
  errorCount: number;
  warningCount: number;
  /** The first problems (a report's refusal of a several-people file included: the result says it apart). */
  problems: (ImportProblemRecord & { choices?: string[] })[];
  /** The days the file covers; null for imports made before Footing kept them. */
  days: { count: number; first: string | null; last: string | null } | null;
  /** A FHIR file's pain check-ins and its screening results and outcome scores: stored, and already stored (null: none in the file). */
  checkins: { added: number; duplicates: number } | null;
  assessments: { added: number; duplicates: number } | null;
  /** A FHIR file's gait analyses (their measurements): stored, and already stored (null: none in the file). */
  gait: { added: number; duplicates: number } | null;
  /** What a FHIR file gave of the record itself (birth year, program stage, a clinician's walking target): taken, or
   * already the same (null: none of them; older records). */
  record: RecordParts | null;
}

export type RecordParts = NonNullable<ImportReport['record']>;

/** The fields a fresh report and a past import's record name alike (the FHIR parts absent from older records). */
type SameNamed = Pick<ImportView, 'status' | 'mode' | 'records' | 'samples' | 'added' | 'duplicates' | 'skipped'> & {
  [K in 'checkins' | 'assessments' | 'gait' | 'record']?: ImportView[K] | undefined;
};

function sameNamed(
  r: SameNamed,
): Omit<ImportView, 'format' | 'ok' | 'skippedBy' | 'errorCount' | 'warningCount' | 'problems' | 'days'> {
  const { status, mode, records, samples, added, duplicates, skipped } = r;
  const [checkins, assessments, gait, record] = [
    r.checkins ?? null,
    r.assessments ?? null,
    r.gait ?? null,
    r.record ?? null,
  ];
  return { status, mode, records, samples, added, duplicates, skipped, checkins, assessments, gait, record };
}

export function viewOfReport(r: ImportReport): ImportView {
  const days = Object.keys(r.days).sort();
  return {
    format: r.format,
    ok: r.ok,
    ...sameNamed(r),
    skippedBy: r.skipped_by_reason,
    errorCount: r.error_count,
    warningCount: r.warning_count,
    problems: r.errors,
    days: { count: days.length, first: days[0] ?? null, last: days.at(-1) ?? null },
  };
}

/** A past import's view, or null when its record could not be read (it is listed by name and date only). */
export function viewOfPast(p: PastImport): ImportView | null {
  const r = p.result;
  return (
    r && {
      format: p.format,
      ok: r.status !== 'not-imported',
      ...sameNamed(r),
      skippedBy: r.skippedBy,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      problems: r.problems,
      days: r.days,
    }
  );
}

/** One sentence of what the import did (src/core/i18n/import-texts.ts), in `language`: "55 new walking measurements added", "Nothing new: …". */
export function outcomeText(v: ImportView, language: Language = 'en'): string {
  return importOutcomeTextIn(v, v.skippedBy, language);
}

/**
 * What a FHIR file gave besides walking, as stored: "Pain check-ins: 2 new, 0 already stored. Screening results and
 * outcome scores: 3 new, 0 already stored. Gait analyses: 1 new, 0 already stored." (null when it gave none). The figures are those of the import's record.
 */
export function recordCountsText(v: ImportView, t: TFunction, formatNumber: (n: number) => string): string | null {
  const parts = [
    v.checkins &&
      t('walking:import.checkinCounts', {
        added: formatNumber(v.checkins.added),
        duplicates: formatNumber(v.checkins.duplicates),
      }),
    v.assessments &&
      t('walking:import.assessmentCounts', {
        added: formatNumber(v.assessments.added),
        duplicates: formatNumber(v.assessments.duplicates),
      }),
    v.gait &&
      t('walking:import.gaitCounts', {
        added: formatNumber(v.gait.added),
        duplicates: formatNumber(v.gait.duplicates),
      }),
  ].filter((x): x is string => Boolean(x));
  return parts.length ? parts.join(' ') : null;
}

/** The parts of the record, in the order they are listed. */
const RECORD_PARTS = ['stage', 'walkingTarget', 'birthYear'] as const;

/**
 * What a FHIR file gave of the record itself, one part a line: "Program stage: taken from the file", "Birth year:
 * already the same" (empty when it gave none). A stage or walking target taken is also a line of the program's
 * history (a program event), which the words point to.
 */
export function recordPartsText(v: ImportView, t: TFunction): string[] {
  const r = v.record;
  if (!r) return [];
  const what = (k: (typeof RECORD_PARTS)[number]) =>
    r[k] === 'same'
      ? t('walking:figures.recordPart.same')
      : k === 'birthYear'
        ? t('walking:figures.recordPart.taken')
        : t('walking:figures.recordPart.takenEvent');
  return RECORD_PARTS.filter((k) => r[k]).map((k) => t(`walking:figures.recordPart.${k}`, { what: what(k) }));
}

/** What was left out as not walking, in words, or "nothing" (null when the record did not keep it). */
export function leftOutText(v: ImportView, t: TFunction, language: Language = 'en'): string | null {
  if (v.skipped === null) return null;
  return skippedTextIn(v.skippedBy, language) || t('walking:import.nothingLeftOut');
}

/** The heading's word for the outcome: imported, imported with some records left out, nothing new, nothing imported. */
export function statusText(v: ImportView, t: TFunction): string {
  if (v.status === 'not-imported') return t('walking:import.status.notImported');
  if (v.status === 'nothing-new') return t('walking:import.status.nothingNew');
  return v.errorCount > 0 ? t('walking:import.status.importedWithBad') : t('walking:import.status.imported');
}
