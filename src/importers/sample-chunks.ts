/**
 * Gathers an importer's samples into day chunks of their streams (src/core/walking-chunk.ts), the form the
 * store merges, so that the store's thread does no per-sample work: on a worker thread the chunks cross to the
 * main thread as transferred bytes (no copy, no per-sample object on the receiving side).
 *
 * Open chunks are held until `maxSamples` samples or `maxChunks` chunks are open, then all are delivered: memory
 * stays bounded whatever the file, and a day delivered in two parts is merged with itself by the store.
 */
import {
  chunkKey,
  ColumnsBuilder,
  decodeColumns,
  encodedLength,
  encodeColumnsInto,
  sampleTimes,
  type ChunkStream,
  type SampleChunk,
  type SampleColumns,
} from '../core/walking-chunk.js';
import type { SampleTimes } from '../core/walking-merge.js';
import type { WalkingSample } from '../core/walking.js';

/** Chunks as they cross a thread: every chunk's encoding in one buffer (transferred, then handed back to be
 * reused: no garbage per message on either side). */
export interface PackedChunks {
  buffer: ArrayBuffer;
  chunks: (ChunkStream & { offset: number; length: number })[];
}

/** Smallest buffer made for a delivery (most deliveries then fit one recycled buffer). */
const MIN_DELIVERY_BYTES = 1024 * 1024;

/** Encodes chunks into one buffer, taken from `pool` when one is large enough. */
export function packChunks(chunks: readonly SampleChunk[], pool: ArrayBuffer[] = []): PackedChunks {
  // Each encoding starts on a multiple of 8 so the receiver's column views are aligned.
  const lengths = chunks.map((c) => encodedLength(c.samples.count));
  const total = lengths.reduce((a, n) => a + Math.ceil(n / 8) * 8, 0);
  const i = pool.findIndex((b) => b.byteLength >= total);
  const buffer = i >= 0 ? pool.splice(i, 1)[0]! : new ArrayBuffer(Math.max(total, MIN_DELIVERY_BYTES));
  let offset = 0;
  const out: PackedChunks['chunks'] = [];
  chunks.forEach((c, k) => {
    const { samples, ...stream } = c;
    encodeColumnsInto(samples, buffer, offset);
    out.push({ ...stream, offset, length: lengths[k]! });
    offset += Math.ceil(lengths[k]! / 8) * 8;
  });
  return { buffer, chunks: out };
}

/** The chunks of a delivery, their columns views of its buffer (valid until the buffer is handed back). */
export function unpackChunks(p: PackedChunks): SampleChunk[] {
  return p.chunks.map(({ offset, length, ...stream }) => ({
    ...stream,
    samples: decodeColumns(new Uint8Array(p.buffer, offset, length)),
  }));
}

export interface ChunkCollectorOptions {
  /** Samples held (open and finished chunks) before all are delivered (28 bytes each, plus growth slack). */
  maxSamples?: number;
  /** Open chunks before all are delivered. */
  maxChunks?: number;
  /** Samples in finished chunks that make a delivery (fewer, larger messages). */
  deliverSamples?: number;
  /** Reuse each chunk's memory once `deliver` returns (it must then have copied what it keeps). */
  recycle?: boolean;
}

/** Emptied builders kept for reuse (about two per stream of a large export). */
const BUILDER_POOL = 64;

/** Samples held by default: ~1.8 MB of columns. */
export const COLLECTOR_MAX_SAMPLES = 64 * 1024;
export const COLLECTOR_MAX_CHUNKS = 512;
export const COLLECTOR_DELIVER_SAMPLES = 16 * 1024;

type OpenChunk = ChunkStream & { b: ColumnsBuilder; streamKey: string };

/**
 * A stream's chunk is finished when the stream has moved on two dates past it (devices write in time order, so
 * its day is then complete; samples near midnight may alternate between two days) and goes out with the next
 * delivery; open chunks wait. Out-of-order input still stores right (a day met again starts a new part, which
 * the store merges); it only makes more, smaller chunks.
 */
export class ChunkCollector {
  private readonly open = new Map<string, OpenChunk>();
  /** The open chunks of each stream (kind, source, device). */
  private readonly byStream = new Map<string, OpenChunk[]>();
  private finished: (SampleChunk & { b: ColumnsBuilder })[] = [];
  private readonly pool: ColumnsBuilder[] = [];
  /** The builder behind each delivered chunk's columns (release). */
  private readonly builderOf = new WeakMap<SampleColumns, ColumnsBuilder>();
  private readonly recycle: boolean;
  private finishedSamples = 0;
  private held = 0;
  private readonly maxSamples: number;
  private readonly maxChunks: number;
  private readonly deliverSamples: number;
  /** The stream of the last sample and its chunk: records of one stream and day come in long runs. */
  private lastKind = '';
  private lastSource = '';
  private lastDevice: string | null = null;
  private lastDate = '';
  private last: OpenChunk | null = null;

  constructor(
    private readonly deliver: (chunks: SampleChunk[]) => void,
    options: ChunkCollectorOptions = {},
  ) {
    this.maxSamples = options.maxSamples ?? COLLECTOR_MAX_SAMPLES;
    this.maxChunks = options.maxChunks ?? COLLECTOR_MAX_CHUNKS;
    this.deliverSamples = Math.min(options.deliverSamples ?? COLLECTOR_DELIVER_SAMPLES, this.maxSamples);
    this.recycle = options.recycle ?? false;
  }

  /**
   * Adds a sample. `times` with both offsets (Apple Health's, parsed by the importer) spare parsing the texts
   * again, which are then the importer's own canonical ISO output; otherwise the texts are parsed and checked.
   * Throws when a text is not that shape (a bug).
   */
  add(s: WalkingSample, times?: SampleTimes): void {
    let start: number, end: number, startOffset: number, endOffset: number;
    if (times?.endOffsetMinutes !== undefined) {
      start = times.startUtcMs;
      end = times.endUtcMs;
      startOffset = times.offsetMinutes;
      endOffset = times.endOffsetMinutes;
    } else {
      const t = sampleTimes(s);
      if (!t) throw new Error(`importer produced a time Footing cannot store: ${s.start} - ${s.end}`);
      ({ start, end, startOffset, endOffset } = t);
    }
    // The local date is the start text's first ten characters (every importer writes local wall time).
    const date = times?.date ?? s.start.slice(0, 10);
    let c = this.last;
    if (
      c === null ||
      s.kind !== this.lastKind ||
      s.source !== this.lastSource ||
      s.device !== this.lastDevice ||
      date !== this.lastDate
    ) {
      c = this.chunkFor(s, date);
      this.last = c;
      this.lastKind = s.kind;
      this.lastSource = s.source;
      this.lastDevice = s.device;
      this.lastDate = date;
    }
    c.b.add(start, end, s.value, startOffset, endOffset);
    if (++this.held >= this.maxSamples) this.flush();
  }

  private chunkFor(s: WalkingSample, date: string): OpenChunk {
    const stream = { date, kind: s.kind, source: s.source, device: s.device ?? '', unit: s.unit };
    const key = chunkKey(stream);
    let c = this.open.get(key);
    if (c) return c;
    const streamKey = chunkKey({ ...stream, date: '' });
    let mine = this.byStream.get(streamKey);
    if (!mine) this.byStream.set(streamKey, (mine = []));
    // Keep the stream's two latest dates open (this one included); older ones are done.
    if (mine.length >= 2) {
      const keep = [...mine.map((o) => o.date), date].sort().slice(-2);
      for (const o of [...mine]) if (!keep.includes(o.date)) this.finish(o);
    }
    if (this.open.size >= this.maxChunks) this.flush();
    c = { ...stream, b: this.pool.pop() ?? new ColumnsBuilder(), streamKey };
    this.open.set(key, c);
    this.byStream.get(streamKey)!.push(c);
    return c;
  }

  /** Moves an open chunk to the next delivery (sent once enough samples are finished). */
  private finish(c: OpenChunk): void {
    this.open.delete(chunkKey(c));
    const mine = this.byStream.get(c.streamKey);
    if (mine) {
      mine.splice(mine.indexOf(c), 1);
      if (mine.length === 0) this.byStream.delete(c.streamKey);
    }
    if (this.last === c) this.last = null;
    const { b, streamKey: _k, ...stream } = c;
    this.finished.push({ ...stream, samples: b.columns, b });
    this.finishedSamples += b.count;
    if (this.finishedSamples >= this.deliverSamples) this.deliverFinished();
  }

  private deliverFinished(): void {
    if (this.finished.length === 0) return;
    const chunks = this.finished;
    this.held -= this.finishedSamples;
    this.finished = [];
    this.finishedSamples = 0;
    this.deliver(
      chunks.map(({ b, ...c }) => {
        this.builderOf.set(c.samples, b);
        return c;
      }),
    );
    if (this.recycle) this.release(chunks);
  }

  /**
   * Hands delivered chunks' memory back for the next chunks (without `recycle`, the consumer calls this once it
   * has stored them; their columns must not be read afterwards).
   */
  release(chunks: readonly SampleChunk[]): void {
    for (const c of chunks) {
      const b = this.builderOf.get(c.samples);
      if (!b) continue;
      this.builderOf.delete(c.samples);
      if (this.pool.length >= BUILDER_POOL) continue;
      b.reset();
      this.pool.push(b);
    }
  }

  /** Delivers every chunk, open or finished (at the end of the file, or when too much is held). */
  flush(): void {
    for (const c of [...this.open.values()]) this.finish(c);
    this.deliverFinished();
    this.held = 0;
    this.last = null;
  }
}
