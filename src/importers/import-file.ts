/**
 * One entry point for the CLI, the server and the store: detect the format of a file and run its importer.
 */
import { said } from '../core/import-problem-words.js';
import { importAppleHealth, type AppleHealthImportOptions } from './apple-health/import.js';
import { detectFormat, DETECT_HEAD_BYTES, type DetectedFormat } from './detect-format.js';
import { importFit, type FitImportOptions } from './fit.js';
import { importFitbitCsv, type FitbitImportOptions } from './fitbit-csv.js';
import { importFhir, type FhirImportOptions } from './fhir.js';
import { importGpx } from './gpx.js';
import { importError } from './import-error.js';
import { ImportSink, type ImportSummary } from './import-sink.js';
import { importTcx, type TcxImportOptions } from './tcx.js';
import { displayName, ioProblem, readHead } from './file-input.js';

/** Options accepted by every importer (each ignores the ones that are not its own). */
export type AnyImportOptions = AppleHealthImportOptions &
  FitImportOptions &
  FitbitImportOptions &
  TcxImportOptions &
  FhirImportOptions & {
    /** The format the caller already detected from this file's head (null: none of ours), so it is not detected again. */
    detected?: DetectedFormat | null;
  };

/** Imports any supported file. Never throws for a bad file: the summary says what happened. */
export async function importFile(path: string, options: AnyImportOptions = {}): Promise<ImportSummary> {
  let detected = options.detected;
  if (detected === undefined) {
    try {
      detected = detectFormat(await readHead(path, DETECT_HEAD_BYTES), displayName(path));
    } catch (e) {
      const sink = new ImportSink('unknown', displayName(path), options);
      sink.fatal(importError('unreadable', ioProblem(e), { file: sink.file, byteOffset: 0 }));
      return sink.finish();
    }
  }
  switch (detected?.format) {
    case 'apple-health-xml':
    case 'apple-health-zip':
      return importAppleHealth(path, options);
    case 'fit':
      return importFit(path, options);
    case 'gpx':
      return importGpx(path, options);
    case 'tcx':
      return importTcx(path, options);
    case 'fitbit-csv':
      return importFitbitCsv(path, options);
    case 'fhir':
      return importFhir(path, options);
    default: {
      const sink = new ImportSink('unknown', displayName(path), options);
      sink.fatal(importError('unsupported-format', said('file.unknown-format'), { file: sink.file, byteOffset: 0 }));
      return sink.finish();
    }
  }
}
