/**
 * Apple Health importer: `export.xml`, or the iPhone's `export.zip` read as a stream from inside the archive.
 *
 * Two parsers, one meaning: a byte-level fast scanner (`apple-health-fast-scan.ts`) reads well-formed exports at
 * several times saxes' speed; at the first doubt (malformed XML, a bad record, unusual markup) the file is
 * re-read with saxes, which gives the authoritative result and each problem's line and column. Samples the fast
 * pass already delivered are not delivered again (both passes produce the same samples in the same order).
 * Memory stays flat: chunks are scanned and dropped; only per-slot daily sums are kept for the summary.
 */
import type { SaxesTagPlain } from 'saxes';
import { AppleHealthHandler, APPLE_ATTRIBUTE_ELEMENTS, APPLE_SCREENS } from './apple-health-handler.js';
import { AppleFastScanner, FastScanUnsupported } from './apple-health-fast-scan.js';
import { APPLE_RECORD_ATTRIBUTES, APPLE_RECORD_KINDS, type RecordProblem } from './apple-health-records.js';
import { importError, type ImportLocation } from './import-error.js';
import { ImportSink, type ImportOptions, type ImportSummary } from './import-sink.js';
import { describeIoError, displayName, fileChunksReused, openZipEntry, readHead } from './file-input.js';
import { parseXmlStream, type XmlPosition } from './xml-stream.js';

/** Options of the Apple Health importer. */
export interface AppleHealthImportOptions extends ImportOptions {
  /** `auto` (default): fast scanner, saxes on doubt. `saxes`: the careful parser only (tests, benchmarks). */
  parser?: 'auto' | 'saxes';
}

/** The export entry inside Apple's zip: `apple_health_export/export.xml` (not export_cda.xml). */
export function isAppleExportEntry(name: string): boolean {
  return name === 'export.xml' || name.endsWith('/export.xml');
}

/** Re-openable input; each chunk may reuse the previous one's memory (see fileChunksReused). */
type ChunkSource = () => Promise<AsyncIterable<Buffer>>;

/** Scanner input slice; see fastPass. */
const FEED_SLICE_BYTES = 64 * 1024;

/** Imports an Apple Health export (xml or zip) from a path. Never throws for a bad file: see the summary. */
export async function importAppleHealth(path: string, options: AppleHealthImportOptions = {}): Promise<ImportSummary> {
  const name = displayName(path);
  let head: Buffer;
  try {
    head = await readHead(path, 4);
  } catch (e) {
    const sink = new ImportSink('apple-health-xml', name, options);
    sink.fatal(importError('unreadable', describeIoError(e), { file: sink.file }));
    return sink.finish();
  }
  const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  if (!isZip) return importAppleHealthStream(name, async () => fileChunksReused(path, options.onBytes), options, 'apple-health-xml');

  const sink = new ImportSink('apple-health-zip', name, options);
  let zip;
  try {
    zip = await openZipEntry(path, isAppleExportEntry, options.onBytes);
  } catch (e) {
    sink.fatal(importError('unreadable', `Not a readable zip: ${describeIoError(e)}`, { file: sink.file }));
    return sink.finish();
  }
  if (!zip) {
    sink.fatal(importError('unsupported-format', 'The zip holds no export.xml (is it an Apple Health export?)', { file: sink.file }));
    return sink.finish();
  }
  try {
    return await importAppleHealthStream(`${sink.file}!${zip.entryName}`, zip.open, options, 'apple-health-zip');
  } finally {
    zip.close();
  }
}

/**
 * Imports an export.xml given as a re-openable byte stream (the careful pass re-opens it). `file` is the name
 * used in locations.
 */
export async function importAppleHealthStream(
  file: string,
  openChunks: ChunkSource,
  options: AppleHealthImportOptions = {},
  format: 'apple-health-xml' | 'apple-health-zip' = 'apple-health-xml',
): Promise<ImportSummary> {
  const sink = new ImportSink(format, file, options);
  try {
    if (options.parser !== 'saxes') {
      if (await fastPass(openChunks, sink)) return await sink.finish();
      sink.restart();
    }
    await carefulPass(openChunks, sink);
  } catch (e) {
    // Stream-level failures: a damaged zip (inflate error) or the file vanishing mid-read.
    const loc: ImportLocation = { file: sink.file };
    sink.issue(importError(/unexpected end|truncat/i.test(describeIoError(e)) ? 'truncated' : 'unreadable',
      `Reading stopped: ${describeIoError(e)}`, loc));
  }
  return sink.finish();
}

/** The fast pass; false when the file needs the careful pass. */
async function fastPass(openChunks: ChunkSource, sink: ImportSink): Promise<boolean> {
  const handler = new AppleHealthHandler(sink, () => {
    throw new FastScanUnsupported('record problem');
  });
  const scanner = new AppleFastScanner(handler, (t) => APPLE_RECORD_KINDS.has(t), APPLE_ATTRIBUTE_ELEMENTS, APPLE_RECORD_ATTRIBUTES, APPLE_SCREENS);
  try {
    for await (const chunk of await openChunks()) {
      // Feed in slices so full batches leave promptly: samples that wait long survive into V8's old
      // generation, and collecting them there cost more than the whole scan (measured: GC 800 ms per 100 MB).
      for (let off = 0; off < chunk.length; off += FEED_SLICE_BYTES) {
        scanner.feed(chunk.subarray(off, off + FEED_SLICE_BYTES));
        if (sink.batchReady) await sink.flush();
      }
    }
    scanner.end();
    return true;
  } catch (e) {
    if (e instanceof FastScanUnsupported) return false;
    throw e;
  }
}

/** The careful pass: saxes, with line and column for every problem. */
async function carefulPass(openChunks: ChunkSource, sink: ImportSink): Promise<void> {
  const xmlError = await parseXmlStream(
    await openChunks(),
    (at) => {
      let workoutAt: XmlPosition = { line: 0, column: 0 };
      let current: () => XmlPosition = at;
      const report = (p: RecordProblem): void => {
        const { line, column } = current();
        sink.issue(importError(p.code, p.message, { file: sink.file, line, column, field: p.field }));
      };
      const handler = new AppleHealthHandler(sink, report);
      return {
        open(tag: SaxesTagPlain) {
          if (tag.name === 'Workout') workoutAt = at();
          handler.open(tag.name, tag.attributes);
        },
        close(name: string) {
          // A workout's problems are found at its end tag; point at its start tag instead.
          current = name === 'Workout' ? () => workoutAt : at;
          handler.close(name);
          current = at;
        },
      };
    },
    {
      between: async () => {
        if (sink.batchReady) await sink.flush();
      },
      stopped: () => sink.stopped,
    },
  );
  if (xmlError) {
    sink.issue(importError(xmlError.truncated ? 'truncated' : 'malformed-xml', xmlError.message, {
      file: sink.file,
      line: xmlError.line,
      column: xmlError.column,
    }));
  }
}
