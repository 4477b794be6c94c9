/**
 * Fitbit daily CSV importer: `dailyActivity_merged.csv` (TotalSteps, TotalDistance in km) and
 * `dailySteps_merged.csv` (StepTotal), as exported by Fitbit/Fitabase. One row = one person (Id) and one day.
 *
 * Columns are found by header name (mirrors add columns, e.g. ActivityDateClean). Dates are US M/D/YYYY. A
 * row is a local calendar day without a time zone: samples run from 00:00 to 24:00 of that date, written with
 * `offsetMinutes` (default +00:00, which keeps the date as written; the instant is then nominal).
 *
 * A file holds several people: the summary gives `dailyBySubject` per Id (and `daily` only when there is one
 * Id), and each sample's device is "Fitbit <Id>" (see `fitbitSubject`). Pass `id` to import one person only.
 */
import { said } from '../core/import-problem-words.js';
import { createInterface } from 'node:readline';
import type { WalkingSample } from '../core/walking.js';
import { importError, importWarning, quoteToken, type ImportLocation } from './import-error.js';
import { ImportSink, type ImportOptions, type ImportSummary } from './import-sink.js';
import { displayName, fileChunks, ioProblem } from './file-input.js';
import { formatIsoWithOffset } from '../core/iso-time.js';
import { splitCsvLine } from './csv-line.js';
import { daysFromCivil } from '../core/walking-merge.js';

/** Options of the Fitbit CSV importer. */
export interface FitbitImportOptions extends ImportOptions {
  /** Only this person's rows (others are counted as skipped). */
  id?: string;
  /**
   * The rows go to one person's account: a file with several Ids and no `id` chosen is refused (adding up several
   * people's days would be wrong), and so is an `id` the file does not hold. Both errors list the file's Ids.
   */
  onePerson?: boolean;
  /** Offset written on the day boundaries, minutes east of UTC. Default 0. */
  offsetMinutes?: number;
}

const DEVICE_PREFIX = 'Fitbit ';

/** The person (Fitbit Id) a sample from this importer belongs to. */
export function fitbitSubject(sample: WalkingSample): string {
  return sample.device?.startsWith(DEVICE_PREFIX) ? sample.device.slice(DEVICE_PREFIX.length) : '';
}

interface Layout {
  id: number;
  date: number;
  dateName: string;
  steps: number;
  stepsName: string;
  distance: number | null;
}

function layoutOf(header: string[]): Layout | null {
  const col = (name: string): number => header.indexOf(name);
  const id = col('Id');
  const activity = col('ActivityDate');
  const day = col('ActivityDay');
  const total = col('TotalSteps');
  const stepTotal = col('StepTotal');
  if (id < 0) return null;
  if (activity >= 0 && total >= 0) {
    const distance = col('TotalDistance');
    return {
      id,
      date: activity,
      dateName: 'ActivityDate',
      steps: total,
      stepsName: 'TotalSteps',
      distance: distance >= 0 ? distance : null,
    };
  }
  if (day >= 0 && stepTotal >= 0)
    return { id, date: day, dateName: 'ActivityDay', steps: stepTotal, stepsName: 'StepTotal', distance: null };
  return null;
}

/** US "M/D/YYYY" (zero padding optional) -> epoch day, or null. */
function parseUsDate(raw: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const mo = Number(m[1]),
    d = Number(m[2]),
    y = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    mo - 1
  ]!;
  return d > dim ? null : daysFromCivil(y, mo, d);
}

/** Imports a Fitbit daily CSV. Never throws for a bad file: see the summary. */
export async function importFitbitCsv(path: string, options: FitbitImportOptions = {}): Promise<ImportSummary> {
  const sink = new ImportSink('fitbit-csv', displayName(path), options, fitbitSubject);
  const offset = options.offsetMinutes ?? 0;
  // A problem of a whole row points at its first column.
  const at = (line: number, column = 1, field?: string): ImportLocation => ({
    file: sink.file,
    line,
    column,
    ...(field ? { field } : {}),
  });
  let layout: Layout | null = null;
  let header: string[] = [];
  const seen = new Set<string>();
  /** Each Id the file holds and the first line and column it is on. */
  const ids = new Map<string, { line: number; column: number }>();
  let lineNo = 0;
  try {
    const lines = createInterface({ input: fileChunks(path, options.onBytes), crlfDelay: Infinity });
    for await (const raw of lines) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const fields = splitCsvLine(line);
      if (!fields) {
        sink.issue(importError('bad-value', said('fitbit.unbalanced-quotes'), at(lineNo)));
        if (sink.stopped) break;
        continue;
      }
      if (!layout) {
        header = fields.map((f) => f.value.trim());
        layout = layoutOf(header);
        if (!layout) {
          sink.fatal(importError('unsupported-format', said('fitbit.not-fitbit'), at(1)));
          break;
        }
        continue;
      }
      sink.recordsSeen++;
      if (fields.length !== header.length) {
        sink.issue(
          importError(
            'bad-value',
            said('fitbit.row-fields', { fields: fields.length, header: header.length }),
            at(lineNo),
          ),
        );
        if (sink.stopped) break;
        continue;
      }
      const f = (i: number) => fields[i]!;
      const id = f(layout.id).value.trim();
      if (!/^\d+$/.test(id)) {
        sink.issue(
          importError(
            'bad-value',
            said('fitbit.not-an-id', { token: quoteToken(id) }),
            at(lineNo, f(layout.id).column, 'Id'),
          ),
        );
        if (sink.stopped) break;
        continue;
      }
      if (!ids.has(id)) ids.set(id, { line: lineNo, column: f(layout.id).column });
      if (options.id !== undefined && id !== options.id) {
        sink.skip('other-person');
        continue;
      }
      const day = parseUsDate(f(layout.date).value);
      if (day === null) {
        sink.issue(
          importError(
            'bad-date',
            said('fitbit.not-a-date', { field: layout.dateName, token: quoteToken(f(layout.date).value) }),
            at(lineNo, f(layout.date).column, layout.dateName),
          ),
        );
        if (sink.stopped) break;
        continue;
      }
      const stepsRaw = f(layout.steps).value.trim();
      const steps = /^\d+$/.test(stepsRaw) ? Number(stepsRaw) : Number.NaN;
      if (!Number.isFinite(steps)) {
        sink.issue(
          importError(
            'bad-value',
            said('fitbit.not-steps', { field: layout.stepsName, token: quoteToken(stepsRaw) }),
            at(lineNo, f(layout.steps).column, layout.stepsName),
          ),
        );
        if (sink.stopped) break;
        continue;
      }
      let km: number | null = null;
      if (layout.distance !== null) {
        const rawKm = f(layout.distance).value.trim();
        km = rawKm === '' ? Number.NaN : Number(rawKm);
        if (!Number.isFinite(km) || km < 0) {
          sink.issue(
            importError(
              'bad-value',
              said('fitbit.not-km', { token: quoteToken(rawKm) }),
              at(lineNo, f(layout.distance).column, 'TotalDistance'),
            ),
          );
          if (sink.stopped) break;
          continue;
        }
      }
      const key = `${id}|${day}`;
      if (seen.has(key)) {
        sink.issue(
          importWarning(
            'bad-value',
            said('fitbit.second-row', { id }),
            at(lineNo, f(layout.date).column, layout.dateName),
          ),
        );
        continue;
      }
      seen.add(key);
      // Local midnight of that date, written in the chosen offset.
      const startMs = day * 86_400_000 - offset * 60_000;
      const base = {
        source: 'fitbit',
        device: `${DEVICE_PREFIX}${id}`,
        start: formatIsoWithOffset(startMs, offset)!,
        end: formatIsoWithOffset(startMs + 86_400_000, offset)!,
      };
      sink.add({ ...base, kind: 'steps', value: steps, unit: 'count' });
      if (km !== null) sink.add({ ...base, kind: 'distance', value: km * 1000, unit: 'm' });
      if (sink.batchReady) await sink.flush();
    }
    if (options.onePerson && layout && !sink.stopped) checkOnePerson(sink, ids, options.id, at);
  } catch (e) {
    // Where reading stopped: the start of the file, or the line after the last one read.
    sink.fatal(
      importError('unreadable', ioProblem(e), lineNo === 0 ? { file: sink.file, byteOffset: 0 } : at(lineNo + 1)),
    );
  }
  return sink.finish();
}

/** How many Ids a message lists before "and N more" (the error's `choices` holds them all). */
const IDS_IN_MESSAGE = 8;

/** For a file going to one person's account: exactly one person's rows must be taken (see `onePerson`). */
function checkOnePerson(
  sink: ImportSink,
  ids: ReadonlyMap<string, { line: number; column: number }>,
  chosen: string | undefined,
  at: (line: number, column: number, field: string) => ImportLocation,
): void {
  const all = [...ids.keys()];
  const listed = { ids: all.slice(0, IDS_IN_MESSAGE).join(', '), more: Math.max(0, all.length - IDS_IN_MESSAGE) };
  if (chosen === undefined && all.length > 1) {
    const second = ids.get(all[1]!)!;
    sink.fatal({
      ...importError(
        'several-people',
        said('fitbit.several-people', { count: all.length, ...listed }),
        at(second.line, second.column, 'Id'),
      ),
      choices: all,
    });
  } else if (chosen !== undefined && all.length > 0 && !ids.has(chosen)) {
    const first = ids.get(all[0]!)!;
    sink.fatal({
      ...importError(
        'several-people',
        said('fitbit.id-not-found', { id: chosen, count: all.length, ...listed }),
        at(first.line, first.column, 'Id'),
      ),
      choices: all,
    });
  }
}
