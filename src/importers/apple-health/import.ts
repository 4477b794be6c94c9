/**
 * Apple Health importer: `export.xml`, or the iPhone's `export.zip` read as a stream from inside the archive.
 *
 * Two parsers, one meaning: a byte-level fast scanner (`fast-scan.ts`) reads well-formed exports at
 * several times saxes' speed; at the first doubt (malformed XML, a bad record, unusual markup) the file is
 * re-read with saxes, which gives the authoritative result and each problem's line and column. Samples the fast
 * pass already delivered are not delivered again (both passes produce the same samples in the same order).
 * Memory stays flat: chunks are scanned and dropped; only per-slot daily sums are kept for the summary.
 */
import { said } from '../../core/import-problem-words.js';
import type { SaxesTagPlain } from 'saxes';
import { AppleHealthHandler, APPLE_ATTRIBUTE_ELEMENTS, APPLE_SCREENS } from './handler.js';
import { AppleFastScanner, FastScanUnsupported } from './fast-scan.js';
import { APPLE_RECORD_ATTRIBUTES, APPLE_RECORD_KINDS, type RecordProblem } from './records.js';
import { importError, type ImportLocation, type TextPosition, type BytePosition } from '../import-error.js';
import { ImportSink, type ImportOptions, type ImportSummary } from '../import-sink.js';
import type { MergerState } from '../../core/walking-merge.js';
import { open } from 'node:fs/promises';
import {
  countBytes,
  describeIoError,
  displayName,
  ioDetail,
  ioProblem,
  fileChunksReused,
  openCutEntry,
  openZipEntry,
  readHead,
  ZipProblem,
} from '../file-input.js';
import { streamXmlIntoSink } from '../xml-import.js';
import type { XmlPosition } from '../xml-stream.js';

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
    sink.fatal(importError('unreadable', ioProblem(e), { file: sink.file, byteOffset: 0 }));
    return sink.finish();
  }
  const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  if (!isZip) return importAppleHealthStream(name, null, async () => fileChunksReused(path, options.onBytes), options);

  const sink = new ImportSink('apple-health-zip', name, options);
  let zip;
  try {
    zip = await openZipEntry(path, isAppleExportEntry, options.onBytes);
  } catch (e) {
    // Cut short inside export.xml: what it holds up to the cut is read (and kept by a lenient import), and the
    // cut itself is the located error it ends with.
    if (e instanceof ZipProblem && e.cutEntry && e.entry !== undefined && isAppleExportEntry(e.entry)) {
      return importAppleHealthStream(name, e.entry, () => openCutEntry(path, e, options.onBytes), options);
    }
    sink.fatal(
      e instanceof ZipProblem
        ? zipIssue(sink.file, e)
        : importError('unreadable', said('zip.unreadable', ioDetail(e)), { file: sink.file, byteOffset: 0 }),
    );
    return sink.finish();
  }
  if (!zip) {
    sink.fatal(
      importError('unsupported-format', said('apple.no-export-xml'), {
        file: sink.file,
        byteOffset: 0,
        field: 'apple_health_export/export.xml',
      }),
    );
    return sink.finish();
  }
  try {
    return await importAppleHealthStream(name, zip.entryName, zip.open, options);
  } finally {
    zip.close();
  }
}

/** A zip's problem as an import issue: the member and the byte of the zip file. */
function zipIssue(file: string, e: ZipProblem) {
  return importError(e.code, e.words, {
    file,
    byteOffset: e.byteOffset,
    ...(e.entry !== undefined ? { entry: e.entry } : {}),
  });
}

/**
 * Imports an export.xml given as a re-openable byte stream (the careful pass re-opens it). `file` is the name
 * used in locations, `entry` the zip member it comes from (null for a plain file).
 */
export async function importAppleHealthStream(
  file: string,
  entry: string | null,
  openChunks: ChunkSource,
  options: AppleHealthImportOptions = {},
): Promise<ImportSummary> {
  const sink = new ImportSink(entry === null ? 'apple-health-xml' : 'apple-health-zip', file, options);
  const where = (p: TextPosition | BytePosition, field?: string): ImportLocation => ({
    file: sink.file,
    ...(entry !== null ? { entry } : {}),
    ...p,
    ...(field !== undefined ? { field } : {}),
  });
  // Bytes of the (decompressed) export read so far: where reading stopped, for a plain file that fails mid-read.
  let bytesRead = 0;
  const counted: ChunkSource = async () =>
    countBytes(await openChunks(), (n) => {
      bytesRead = n;
    });
  try {
    if (options.parser !== 'saxes') {
      if (await fastPass(counted, sink)) return await sink.finish();
      sink.restart();
    }
    await carefulPass(counted, sink, where);
  } catch (e) {
    // Stream-level failures: a damaged zip (inflate error) or the file vanishing mid-read.
    if (e instanceof ZipProblem) sink.issue(zipIssue(sink.file, e));
    else {
      sink.issue(
        importError(
          /unexpected end|truncat/i.test(describeIoError(e)) ? 'truncated' : 'unreadable',
          said('file.reading-stopped', ioDetail(e)),
          where({ byteOffset: bytesRead }),
        ),
      );
    }
  }
  return sink.finish();
}

/** The fast scanner and its handler for a sink; any record problem stops it (the careful pass reports it). */
function fastScanner(sink: ImportSink, startDepth = 0): AppleFastScanner {
  const handler = new AppleHealthHandler(
    sink,
    () => {
      throw new FastScanUnsupported('record problem');
    },
    startDepth,
  );
  return new AppleFastScanner(
    handler,
    (t) => APPLE_RECORD_KINDS.has(t),
    APPLE_ATTRIBUTE_ELEMENTS,
    APPLE_RECORD_ATTRIBUTES,
    APPLE_SCREENS,
  );
}

/** Feeds chunks to the scanner, handing full batches over as they fill. */
async function scanAll(scanner: AppleFastScanner, sink: ImportSink, chunks: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    // Feed in slices so full batches leave promptly: samples that wait long survive into V8's old
    // generation, and collecting them there cost more than the whole scan (measured: GC 800 ms per 100 MB).
    for (let off = 0; off < chunk.length; off += FEED_SLICE_BYTES) {
      scanner.feed(chunk.subarray(off, off + FEED_SLICE_BYTES));
      if (sink.batchReady) await sink.flush();
    }
  }
}

/** The fast pass; false when the file needs the careful pass. */
async function fastPass(openChunks: ChunkSource, sink: ImportSink): Promise<boolean> {
  const scanner = fastScanner(sink);
  try {
    await scanAll(scanner, sink, await openChunks());
    scanner.end();
    return true;
  } catch (e) {
    if (e instanceof FastScanUnsupported) return false;
    throw e;
  }
}

/** Apple's root element: the second part of a file read in two parts starts inside it. */
export const APPLE_ROOT = 'HealthData';

/** One of the two parts of a plain export.xml read by two threads at once: bytes [start, end). */
export interface ApplePart {
  start: number;
  end: number;
  /** The first part (from the file's start); the second starts between two children of the root. */
  first: boolean;
}

/** What one part gave: its summary, its daily merge (combined with the other part's), and whether it can stand. */
export interface ApplePartResult {
  summary: ImportSummary;
  merger: MergerState | null;
  /**
   * False when this part cannot stand as half of the file: the cut was not between two children of the root,
   * or the fast scanner had any doubt. The caller then discards both parts and imports the file whole, which
   * gives the careful parser's result and locations.
   */
  valid: boolean;
}

/**
 * Imports one part of a plain export.xml with the fast scanner only (see ApplePartResult.valid). Why parts: an
 * import of a multi-GB export is bound by the scan, and two threads scan the two halves at once.
 */
export async function importAppleHealthPart(
  path: string,
  part: ApplePart,
  options: ImportOptions = {},
): Promise<ApplePartResult> {
  const sink = new ImportSink('apple-health-xml', displayName(path), options);
  const scanner = fastScanner(sink, part.first ? 0 : 1);
  if (!part.first) scanner.startInsideRoot(APPLE_ROOT);
  let valid: boolean;
  try {
    await scanAll(scanner, sink, fileChunksReused(path, options.onBytes, part));
    if (part.first) valid = scanner.endAtSplit(APPLE_ROOT);
    else {
      scanner.end();
      valid = true;
    }
  } catch (e) {
    // A doubt of the scanner, or the file unreadable: the whole-file import says what is wrong and where.
    if (!(e instanceof FastScanUnsupported) && !(e instanceof Error && 'code' in e)) throw e;
    valid = false;
  }
  const merger = sink.mergerState();
  return { summary: await sink.finish(), merger, valid };
}

/** Bytes looked at around the middle for a place to cut. */
const SPLIT_SEARCH_BYTES = 1024 * 1024;

/**
 * Where a plain export.xml of `size` bytes can be cut in two: the start of the first line after `at` (a fraction
 * of the size, the middle by default) that
 * opens an element with one space of indent (Apple's children of the root), else any line opening an element;
 * null when none is near the middle. Whether the cut really falls between children of the root is checked by
 * the first part as it reaches it (ApplePartResult.valid).
 */
export async function findSplitPoint(path: string, size: number, at = 0.5): Promise<number | null> {
  const fh = await open(path, 'r');
  try {
    const from = Math.floor(size * at);
    const buf = Buffer.alloc(Math.min(SPLIT_SEARCH_BYTES, size - from));
    const { bytesRead } = await fh.read(buf, 0, buf.length, from);
    const text = buf.subarray(0, bytesRead).toString('latin1');
    const m = /\n <[A-Za-z]/.exec(text) ?? /\n[ \t]*<[A-Za-z]/.exec(text);
    return m ? from + m.index + m[0].length - 2 : null;
  } finally {
    await fh.close();
  }
}

/** The careful pass: saxes, with line and column for every problem. */
async function carefulPass(
  openChunks: ChunkSource,
  sink: ImportSink,
  where: (p: TextPosition, field?: string) => ImportLocation,
): Promise<void> {
  await streamXmlIntoSink(
    sink,
    await openChunks(),
    (at) => {
      let workoutAt: XmlPosition = { line: 0, column: 0 };
      let current: () => XmlPosition = at;
      const report = (p: RecordProblem): void => {
        const { line, column } = current();
        sink.issue(importError(p.code, p, where({ line, column }, p.field)));
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
    (p) => where(p),
  );
}
