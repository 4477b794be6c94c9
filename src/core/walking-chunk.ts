/**
 * Walking samples stored a day at a time: one chunk per (person, local date, kind, source, device), holding that
 * stream's samples of the day as columns (start, end, value, and each end's UTC offset).
 *
 * Why: a few years of an Apple Watch are millions of samples. As one database row each, an import of a 1 GB
 * export spent most of its time in the database's B-tree (~3.6 us per row on SQLite here, more than parsing).
 * As day chunks the same export is a few hundred rows; merging a chunk (sorted columns, this module) costs tens
 * of nanoseconds per sample, and the daily totals read whole days anyway.
 *
 * Identity (what makes imports idempotent): within a stream, a sample is its start and end instants. A sample
 * already stored is kept as it is; a repeat (the same file again, an overlapping newer export) adds nothing.
 * Times are kept as UTC milliseconds plus the offset each was written with, so the ISO text every importer writes
 * ("YYYY-MM-DDTHH:MM:SS(.sss)±HH:MM", src/core/iso-time.ts) is rebuilt exactly.
 *
 * Pure: no I/O; the codec works on Uint8Array, so it runs on the import worker, the server and in a browser.
 */
import { formatIsoWithOffset } from './iso-time.js';
import { parseIsoWithOffset } from './walking-merge.js';
import type { WalkingKind, WalkingSample, WalkingUnit } from './walking.js';

/** A day's samples of one stream, as parallel columns of `count` entries (arrays may be longer). */
export interface SampleColumns {
  count: number;
  /** UTC milliseconds. */
  start: Float64Array;
  end: Float64Array;
  value: Float64Array;
  /** Offsets the times were written with, minutes east of UTC. */
  startOffset: Int16Array;
  endOffset: Int16Array;
}

/** What a chunk belongs to besides the person. */
export interface ChunkStream {
  date: string;
  kind: WalkingKind;
  source: string;
  /** '' when the source names none. */
  device: string;
  unit: WalkingUnit;
}

/** A stream's samples of one local day. */
export interface SampleChunk extends ChunkStream {
  samples: SampleColumns;
}

/** The stream key of a chunk as one string (Map keys). U+001F cannot occur in XML text and is rare elsewhere;
 * the parts are length-prefixed anyway, so no two streams share a key. */
export function chunkKey(s: Omit<ChunkStream, 'unit'>): string {
  return `${s.date}\u001f${s.kind}\u001f${s.source.length}:${s.source}\u001f${s.device}`;
}

export function emptyColumns(capacity = 0): SampleColumns {
  return {
    count: 0,
    start: new Float64Array(capacity),
    end: new Float64Array(capacity),
    value: new Float64Array(capacity),
    startOffset: new Int16Array(capacity),
    endOffset: new Int16Array(capacity),
  };
}

/** Columns that grow as samples are appended (doubling: amortised constant time per sample). */
export class ColumnsBuilder {
  columns: SampleColumns;

  constructor(capacity = 64) {
    this.columns = emptyColumns(capacity);
  }

  get count(): number {
    return this.columns.count;
  }

  add(startUtcMs: number, endUtcMs: number, value: number, startOffset: number, endOffset: number): void {
    let c = this.columns;
    if (c.count === c.start.length) c = this.columns = resized(c, Math.max(64, c.count * 2));
    const i = c.count++;
    c.start[i] = startUtcMs;
    c.end[i] = endUtcMs;
    c.value[i] = value;
    c.startOffset[i] = startOffset;
    c.endOffset[i] = endOffset;
  }

  /** Empties the builder, keeping its memory for the next chunk (the columns handed out are then reused). */
  reset(): void {
    this.columns.count = 0;
  }

  /** The columns trimmed to their count (the builder starts again empty). */
  take(): SampleColumns {
    const c = resized(this.columns, this.columns.count);
    this.columns = emptyColumns(64);
    return c;
  }
}

function resized(c: SampleColumns, capacity: number): SampleColumns {
  const out = emptyColumns(capacity);
  const n = Math.min(c.count, capacity);
  out.count = n;
  out.start.set(c.start.subarray(0, n));
  out.end.set(c.end.subarray(0, n));
  out.value.set(c.value.subarray(0, n));
  out.startOffset.set(c.startOffset.subarray(0, n));
  out.endOffset.set(c.endOffset.subarray(0, n));
  return out;
}

/** Offsets are whole minutes within ±18 h (ISO 8601 and XML Schema); anything else cannot be a stored offset. */
export function isStorableOffset(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= -1080 && minutes <= 1080;
}

/**
 * A sample's times as the columns hold them, or null when its text is not the ISO shape the importers write
 * (the caller reports or refuses it: nothing is silently changed).
 */
export function sampleTimes(
  s: Pick<WalkingSample, 'start' | 'end'>,
): { start: number; end: number; startOffset: number; endOffset: number } | null {
  const a = parseIsoWithOffset(s.start);
  const b = parseIsoWithOffset(s.end);
  if (!a || !b || !isStorableOffset(a.offsetMinutes) || !isStorableOffset(b.offsetMinutes)) return null;
  if (
    formatIsoWithOffset(a.utcMs, a.offsetMinutes) !== s.start ||
    formatIsoWithOffset(b.utcMs, b.offsetMinutes) !== s.end
  )
    return null;
  return { start: a.utcMs, end: b.utcMs, startOffset: a.offsetMinutes, endOffset: b.offsetMinutes };
}

/** The local date ('YYYY-MM-DD') a sample belongs to: its start's wall-clock date in the start's own offset. */
export function localDateOf(startUtcMs: number, startOffset: number): string {
  return new Date(startUtcMs + startOffset * 60_000).toISOString().slice(0, 10);
}

/** The i-th sample of a chunk as a WalkingSample (ISO text rebuilt; device '' -> null). */
export function sampleAt(stream: Omit<ChunkStream, 'date'>, c: SampleColumns, i: number): WalkingSample {
  return {
    source: stream.source,
    device: stream.device === '' ? null : stream.device,
    start: formatIsoWithOffset(c.start[i]!, c.startOffset[i]!)!,
    end: formatIsoWithOffset(c.end[i]!, c.endOffset[i]!)!,
    kind: stream.kind,
    value: c.value[i]!,
    unit: stream.unit,
  };
}

/** Order of two samples within a stream: by start, then end. */
function before(c: SampleColumns, i: number, d: SampleColumns, j: number): number {
  return c.start[i]! - d.start[j]! || c.end[i]! - d.end[j]!;
}

/** Copies sample i of `from` to place k of `to`. */
function copyRow(from: SampleColumns, i: number, to: SampleColumns, k: number): void {
  to.start[k] = from.start[i]!;
  to.end[k] = from.end[i]!;
  to.value[k] = from.value[i]!;
  to.startOffset[k] = from.startOffset[i]!;
  to.endOffset[k] = from.endOffset[i]!;
}

/** Scratch columns for sorting in place (grown as needed, reused: no garbage per chunk). */
let scratch64 = new Float64Array(0);
let scratch16 = new Int16Array(0);

/**
 * Sorts the columns by (start, end) in place and removes repeats (the first occurrence is kept, as a stored
 * sample is; `count` shrinks). Sorting in place spares a copy of every chunk that arrives out of order (exports
 * interleave sources). Returns the same columns object.
 */
export function sortedUnique(c: SampleColumns): { columns: SampleColumns; repeats: number } {
  const n = c.count;
  let ordered = true;
  for (let i = 1; i < n; i++) {
    if (before(c, i - 1, c, i) >= 0) {
      ordered = false;
      break;
    }
  }
  if (ordered) return { columns: c, repeats: 0 };
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => before(c, i, c, j) || i - j); // stable: the first of equal samples comes first
  if (scratch64.length < n) {
    scratch64 = new Float64Array(n);
    scratch16 = new Int16Array(n);
  }
  for (const col of [c.start, c.end, c.value]) {
    for (let o = 0; o < n; o++) scratch64[o] = col[order[o]!]!;
    col.set(scratch64.subarray(0, n));
  }
  for (const col of [c.startOffset, c.endOffset]) {
    for (let o = 0; o < n; o++) scratch16[o] = col[order[o]!]!;
    col.set(scratch16.subarray(0, n));
  }
  let k = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) {
    if (c.start[i] === c.start[k - 1] && c.end[i] === c.end[k - 1]) continue;
    if (i !== k) copyRow(c, i, c, k);
    k++;
  }
  c.count = k;
  return { columns: c, repeats: n - k };
}

/**
 * Merges new samples into stored ones (both sorted and unique): stored samples win over new ones with the same
 * start and end. Returns the merged columns and how many new samples were added.
 */
export function mergeColumns(
  stored: SampleColumns,
  incoming: SampleColumns,
): { columns: SampleColumns; added: number } {
  if (stored.count === 0) return { columns: incoming, added: incoming.count };
  const out = emptyColumns(stored.count + incoming.count);
  let i = 0;
  let j = 0;
  let k = 0;
  let added = 0;
  const copy = (from: SampleColumns, x: number): void => copyRow(from, x, out, k++);
  while (i < stored.count && j < incoming.count) {
    const d = before(stored, i, incoming, j);
    if (d < 0) copy(stored, i++);
    else if (d > 0) {
      copy(incoming, j++);
      added++;
    } else {
      copy(stored, i++);
      j++;
    }
  }
  while (i < stored.count) copy(stored, i++);
  while (j < incoming.count) {
    copy(incoming, j++);
    added++;
  }
  out.count = k;
  return { columns: out, added };
}

/** Format tag of an encoded chunk (little-endian 'FWC1'); another value is refused, not misread. */
const MAGIC = 0x31435746;
const HEADER_BYTES = 8;
/** Bytes per sample: three float64 columns and two int16 ones. */
export const BYTES_PER_SAMPLE = 28;

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Decoded columns and the bytes they are views of: encoding them again (a chunk stored as it arrived) returns
 * those bytes instead of a copy. Keyed weakly; the count guards against columns changed since. */
const encodedOf = new WeakMap<SampleColumns, { count: number; bytes: Uint8Array }>();

/**
 * Encodes columns as bytes: an 8-byte header (magic, count) then each column whole, float64 columns first so
 * every column is aligned. Little-endian, as every platform Node and browsers run on.
 */
export function encodeColumns(c: SampleColumns): Uint8Array {
  const n = c.count;
  const known = encodedOf.get(c);
  if (known && known.count === n) return known.bytes;
  const buf = new ArrayBuffer(encodedLength(n));
  encodeColumnsInto(c, buf, 0);
  return new Uint8Array(buf);
}

/** Bytes `encodeColumns` writes for n samples (a multiple of 4; of 8 when n is even). */
export function encodedLength(n: number): number {
  return HEADER_BYTES + n * BYTES_PER_SAMPLE;
}

/** Writes the encoding of `c` into `buf` at `at` (a multiple of 8, with encodedLength bytes free). */
export function encodeColumnsInto(c: SampleColumns, buf: ArrayBuffer, at: number): void {
  if (!littleEndian) throw new Error('walking chunks are little-endian; this platform is not');
  const n = c.count;
  const head = new Uint32Array(buf, at, 2);
  head[0] = MAGIC;
  head[1] = n;
  at += HEADER_BYTES;
  for (const col of [c.start, c.end, c.value]) {
    new Float64Array(buf, at, n).set(col.subarray(0, n));
    at += n * 8;
  }
  for (const col of [c.startOffset, c.endOffset]) {
    new Int16Array(buf, at, n).set(col.subarray(0, n));
    at += n * 2;
  }
}

/** Decodes `encodeColumns`' bytes; throws a plain message when they are not a chunk (never misreads them). */
export function decodeColumns(bytes: Uint8Array): SampleColumns {
  if (!littleEndian) throw new Error('walking chunks are little-endian; this platform is not');
  // Column views need aligned memory; a database driver's buffer may start anywhere.
  const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  if (own.byteLength < HEADER_BYTES)
    throw new Error(`walking chunk: ${own.byteLength} bytes is shorter than its header`);
  const head = new Uint32Array(own.buffer, own.byteOffset, 2);
  const n = head[1]!;
  if (head[0] !== MAGIC) throw new Error('walking chunk: unknown format tag');
  if (own.byteLength !== HEADER_BYTES + n * BYTES_PER_SAMPLE) {
    throw new Error(
      `walking chunk: ${own.byteLength} bytes for ${n} samples (expected ${HEADER_BYTES + n * BYTES_PER_SAMPLE})`,
    );
  }
  let at = own.byteOffset + HEADER_BYTES;
  const f64 = (): Float64Array => {
    const a = new Float64Array(own.buffer, at, n);
    at += n * 8;
    return a;
  };
  const i16 = (): Int16Array => {
    const a = new Int16Array(own.buffer, at, n);
    at += n * 2;
    return a;
  };
  const c = { count: n, start: f64(), end: f64(), value: f64(), startOffset: i16(), endOffset: i16() };
  encodedOf.set(c, { count: n, bytes: own });
  return c;
}
