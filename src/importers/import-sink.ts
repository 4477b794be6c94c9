/**
 * What every importer shares: the options (strict or lenient, batch delivery), the per-file summary, and the
 * sink that batches samples, keeps the issues and the merged daily totals while a file streams through.
 */
import type { CheckinInput } from '../core/checkin-record.js';
import type { WalkingSample } from '../core/walking.js';
import type { SkippedByReason, SkipReason } from '../core/walking-activity.js';
import { DailyWalkingMerger, type MergedDayTotals, type MergerState, type SampleTimes } from '../core/walking-merge.js';
import type { ImportIssue } from './import-error.js';
import type { ImportedAssessments } from './fhir-assessments.js';
import type { ImportedRecordParts } from './fhir-record.js';
import type { ImportedGaitAnalysis } from './fhir-gait.js';
import type { StepOrigin } from './fhir-provenance.js';

/** Formats the importers understand. */
/** `unknown`: the file could not be read, or is of no format Footing knows. */
export type ImportFormat =
  'apple-health-xml' | 'apple-health-zip' | 'fit' | 'gpx' | 'tcx' | 'fitbit-csv' | 'fhir' | 'unknown';

/**
 * Options common to all importers.
 *
 * Strict vs lenient: in `strict` mode the first error ends the file and the summary says `ok: false`; nothing of
 * that file is importable. In `lenient` mode good records are delivered and bad ones are listed with locations.
 * Batches are delivered while parsing (memory stays flat), so on a strict failure the caller must discard what
 * it received: the store writes a file's batches inside one transaction and rolls it back when `ok` is false.
 * `collectSamples` does this for callers that want an array.
 */
export interface ImportOptions {
  mode?: 'strict' | 'lenient';
  /** The name shown in locations; defaults to the base name of the path. */
  fileName?: string;
  /**
   * Receives samples in batches of about `batchSize`, in file order; awaited (back-pressure). `times` holds, per
   * sample, its already parsed start/end when the importer had them (Apple Health), so the receiver need not
   * parse the ISO strings again.
   */
  onBatch?: (samples: WalkingSample[], times: readonly (SampleTimes | undefined)[]) => void | Promise<void>;
  /** Default 2000 (larger batches live long enough to reach V8's old generation, which costs GC time). */
  batchSize?: number;
  /** Issues kept in the summary (the count keeps going). Default 1000. */
  maxIssues?: number;
  /** Hears how many bytes of the input have been read (and the total when known), a few times a second. */
  onBytes?: (bytes: number, total: number | null) => void;
}

/** What one file gave. `daily` uses the merge rule of `walking-merge.ts`, in the file's own offsets. */
export interface ImportSummary {
  file: string;
  format: ImportFormat;
  mode: 'strict' | 'lenient';
  /** False when the file must not be imported (strict mode with an error, or an unreadable file). */
  ok: boolean;
  /** Records (Apple Record/Workout, FIT messages, track points, CSV rows) looked at. */
  recordsSeen: number;
  /** Samples delivered (in strict mode with `ok: false` they must be discarded). */
  samples: number;
  /** What the file held that was left out as not walking: activities (workouts, sessions, tracks) that are not
   * walks, records of other health data, rows of other people. The sum of `skippedBy`. */
  skipped: number;
  /** `skipped` by reason (src/core/walking-activity.ts: the one rule for what counts as walking). */
  skippedBy: SkippedByReason;
  errorCount: number;
  warningCount: number;
  /** The first `maxIssues` errors and warnings, in file order. */
  issues: ImportIssue[];
  /** Per local day: steps and metres, merged across sources/devices. Empty when the file failed strictly. */
  daily: Record<string, MergedDayTotals>;
  /** Pain check-ins the file gave (FHIR: pain Observations grouped by time), when it was kept; the store adds the new ones. */
  checkins?: CheckinInput[];
  /** Screening results and outcome entries a FHIR file gave (fhir-assessments.ts), when it was kept; stored once each. */
  assessments?: ImportedAssessments;
  /** A FHIR file's Patient birth year and, when asked for, its program (fhir-record.ts); absent when it gave neither. */
  record?: ImportedRecordParts;
  /** Gait analyses a FHIR file gave (their metrics: fhir-gait.ts), when it was kept; stored once each. */
  gait?: ImportedGaitAnalysis[];
  /** Where a FHIR file's step days came from, as its Provenance says (fhir-provenance.ts): kept with the import. */
  origins?: StepOrigin[];
  /** A FHIR file's step days the record already holds from the streams its Provenance names (fhir.ts heldStepStreams):
   * counted in `samples`, never delivered; the store counts them as already stored. */
  held?: number;
  /** Files holding several people (Fitbit CSV): daily totals per person id; `daily` is then empty. */
  dailyBySubject?: Record<string, Record<string, MergedDayTotals>>;
}

/** Collects samples and issues for one file; the importers drive it. */
export class ImportSink {
  readonly mode: 'strict' | 'lenient';
  readonly file: string;
  recordsSeen = 0;
  /** Records of other health data left out (Apple's heart rate, sleep, ...): counted apart, on the hot path. */
  otherData = 0;
  /** Everything else left out, by reason (activities that are not walks, rows of other people). */
  private skips: SkippedByReason = {};
  private delivered = 0;
  /** Samples to drop before delivering (a fast pass already delivered them; see the Apple Health fallback). */
  private suppress = 0;
  private pending: WalkingSample[] = [];
  private pendingTimes: (SampleTimes | undefined)[] = [];
  private readonly issues: ImportIssue[] = [];
  private errors = 0;
  private warnings = 0;
  private failed = false;
  private mergers = new Map<string, DailyWalkingMerger>();

  constructor(
    private readonly format: ImportFormat,
    file: string,
    private readonly options: ImportOptions,
    /** Person a sample belongs to, for files of several people; null = one person. */
    private readonly subjectOf: ((s: WalkingSample) => string) | null = null,
  ) {
    this.mode = options.mode ?? 'lenient';
    this.file = options.fileName ?? file;
  }

  /** True once a strict file has failed: importers stop reading. */
  get stopped(): boolean {
    return this.failed;
  }

  /** True when a batch is ready; the importer then awaits `flush()` at a convenient point. */
  get batchReady(): boolean {
    return this.pending.length >= (this.options.batchSize ?? 2000);
  }

  /** Adds a sample; `times` (already parsed start/end) spares the daily merge from re-parsing them. */
  add(sample: WalkingSample, times?: SampleTimes): void {
    if (this.failed) return;
    const key = this.subjectOf ? this.subjectOf(sample) : '';
    let merger = this.mergers.get(key);
    if (!merger) this.mergers.set(key, (merger = new DailyWalkingMerger()));
    merger.add(sample, times);
    if (this.suppress > 0) {
      this.suppress--;
      this.delivered++;
      return;
    }
    this.pending.push(sample);
    this.pendingTimes.push(times);
    this.delivered++;
  }

  /** Counts one thing left out as not walking (an activity by what it was, a row of another person). */
  skip(reason: SkipReason): void {
    this.skips[reason] = (this.skips[reason] ?? 0) + 1;
  }

  /** What was left out so far, by reason. */
  skippedBy(): SkippedByReason {
    return this.otherData > 0 ? { ...this.skips, 'other-data': this.otherData } : { ...this.skips };
  }

  issue(issue: ImportIssue): void {
    if (issue.severity === 'error') {
      this.errors++;
      if (this.mode === 'strict') this.failed = true;
    } else this.warnings++;
    if (this.issues.length < (this.options.maxIssues ?? 1000)) this.issues.push(issue);
  }

  /** Marks the whole file as not importable (unreadable, wrong format) whatever the mode. */
  fatal(issue: ImportIssue): void {
    this.issue(issue);
    this.failed = true;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0 || !this.options.onBatch) {
      if (!this.options.onBatch) {
        this.pending = [];
        this.pendingTimes = [];
      }
      return;
    }
    const batch = this.pending;
    const times = this.pendingTimes;
    this.pending = [];
    this.pendingTimes = [];
    await this.options.onBatch(batch, times);
  }

  /**
   * Starts the file over (a second, slower parser re-reads it) while keeping what was already delivered:
   * the first `delivered` samples of the re-read are counted but not delivered again.
   */
  restart(): void {
    // Samples still pending were never handed over: the re-read produces and delivers them again.
    this.suppress = this.delivered - this.pending.length;
    this.delivered = 0;
    this.pending = [];
    this.pendingTimes = [];
    this.recordsSeen = 0;
    this.otherData = 0;
    this.skips = {};
    this.issues.length = 0;
    this.errors = 0;
    this.warnings = 0;
    this.failed = false;
    this.mergers = new Map();
  }

  /** The daily merge of a one-person file so far (a part of a file read in two parts hands it to the other). */
  mergerState(): MergerState | null {
    return this.mergers.get('')?.state() ?? null;
  }

  async finish(): Promise<ImportSummary> {
    await this.flush();
    const ok = !this.failed && (this.mode === 'lenient' || this.errors === 0);
    const skippedBy = this.skippedBy();
    const summary: ImportSummary = {
      file: this.file,
      format: this.format,
      mode: this.mode,
      ok,
      recordsSeen: this.recordsSeen,
      samples: this.delivered,
      skipped: sumSkipped(skippedBy),
      skippedBy,
      errorCount: this.errors,
      warningCount: this.warnings,
      issues: this.issues,
      daily: {},
    };
    if (!ok) return summary;
    if (this.subjectOf) {
      summary.dailyBySubject = {};
      for (const [subject, merger] of [...this.mergers].sort(([a], [b]) => a.localeCompare(b))) {
        summary.dailyBySubject[subject] = merger.totals();
      }
      const subjects = Object.values(summary.dailyBySubject);
      if (subjects.length === 1) summary.daily = subjects[0]!;
    } else {
      summary.daily = this.mergers.get('')?.totals() ?? {};
    }
    return summary;
  }
}

/**
 * Runs an importer and returns its samples as an array, honouring strict mode: when the summary is not ok,
 * `samples` is empty. For files that fit in memory (tests, small exports); the store uses `onBatch` instead.
 */
export async function collectSamples(
  run: (options: ImportOptions) => Promise<ImportSummary>,
  options: Omit<ImportOptions, 'onBatch'> = {},
): Promise<{ samples: WalkingSample[]; summary: ImportSummary }> {
  const samples: WalkingSample[] = [];
  const summary = await run({ ...options, onBatch: (batch) => void samples.push(...batch) });
  return { samples: summary.ok ? samples : [], summary };
}

/**
 * One summary for a file read in two parts (apple-health.ts: importAppleHealthPart), each part summarised on its
 * own: counts and issues add up, and the daily totals come from both parts' merges together (the same rule as if
 * one merger had seen every sample).
 */
export function combinePartSummaries(
  first: ImportSummary,
  second: ImportSummary,
  states: readonly (MergerState | null)[],
): ImportSummary {
  const merger = new DailyWalkingMerger();
  for (const st of states) if (st) merger.absorb(st);
  const ok = first.ok && second.ok;
  const skippedBy: SkippedByReason = { ...first.skippedBy };
  for (const [r, n] of Object.entries(second.skippedBy) as [SkipReason, number][])
    skippedBy[r] = (skippedBy[r] ?? 0) + n;
  return {
    file: first.file,
    format: first.format,
    mode: first.mode,
    ok,
    recordsSeen: first.recordsSeen + second.recordsSeen,
    samples: first.samples + second.samples,
    skipped: first.skipped + second.skipped,
    skippedBy,
    errorCount: first.errorCount + second.errorCount,
    warningCount: first.warningCount + second.warningCount,
    issues: [...first.issues, ...second.issues],
    daily: ok ? merger.totals() : {},
  };
}

function sumSkipped(by: SkippedByReason): number {
  let n = 0;
  for (const v of Object.values(by)) n += v;
  return n;
}
