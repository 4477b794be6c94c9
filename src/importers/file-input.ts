/**
 * Reading import files: plain files as byte streams, and one entry of a zip (the iPhone's export.zip) as a
 * stream straight out of the archive, never unpacked to disk.
 */
import { said, type ImportProblemWords, type IoCause } from '../core/import-problem-words.js';
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';

/** Chunk size for file reads: 1 MiB keeps per-chunk overhead negligible and batches flushed often (fewer samples survive a GC). */
export const READ_CHUNK_BYTES = 1024 * 1024;

/** The base name shown to users in locations. */
export function displayName(path: string): string {
  return basename(path);
}

/** Progress of reading one input: bytes read so far and the total when known. */
export type ByteProgress = (bytes: number, total: number | null) => void;

/** How often progress is reported while a stream is read. Polling the stream's own counter keeps the data path
 * untouched (no extra stream in the pipe). */
const PROGRESS_EVERY_MS = 200;

/** Reports `read()` every PROGRESS_EVERY_MS until the stream closes, then once more. */
function watch(stream: Readable, read: () => number, total: number | null, onBytes: ByteProgress): void {
  const timer = setInterval(() => onBytes(read(), total), PROGRESS_EVERY_MS);
  timer.unref();
  stream.once('close', () => {
    clearInterval(timer);
    onBytes(read(), total);
  });
}

/** Streams a file's bytes; `onBytes` hears how far the read has got. */
export function fileChunks(path: string, onBytes?: ByteProgress): Readable {
  const rs = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  if (onBytes) {
    let total: number | null = null;
    try {
      total = statSync(path).size;
    } catch {
      /* the read itself reports the error */
    }
    watch(rs, () => rs.bytesRead, total, onBytes);
  }
  return rs;
}

/**
 * Streams a file's bytes through TWO reused buffers: each chunk is valid only until the loop asks for the next
 * one, so the consumer must copy what it keeps (the Apple Health scanner and the XML decoder do). Compared with
 * a read stream, no 1 MiB Buffer per chunk waits for the garbage collector (measured: ~15 MB of chunks alive
 * in the import worker). The next chunk is read into the other buffer while the consumer works on this one, so
 * the consumer never waits for the disk (or the page cache): ~6% of an Apple import's time before.
 */
export async function* fileChunksReused(
  path: string,
  onBytes?: ByteProgress,
  range?: { start: number; end: number },
): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  let next: Promise<{ bytesRead: number }> | null = null;
  try {
    // With a range, only bytes [start, end) are read and progress counts bytes of the range.
    const from = range?.start ?? 0;
    const to = range?.end ?? Infinity;
    const total = onBytes ? (range ? to - from : (await fh.stat()).size) : null;
    const bufs = [Buffer.allocUnsafe(READ_CHUNK_BYTES), Buffer.allocUnsafe(READ_CHUNK_BYTES)] as const;
    let k = 0;
    let pos = from;
    let reported = 0;
    const readAt = (buf: Buffer, at: number) => fh.read(buf, 0, Math.max(0, Math.min(READ_CHUNK_BYTES, to - at)), at);
    next = readAt(bufs[0], from);
    for (;;) {
      const { bytesRead } = await next;
      next = null;
      if (bytesRead === 0) break;
      const current = bufs[k]!;
      pos += bytesRead;
      k ^= 1;
      next = readAt(bufs[k]!, pos);
      if (onBytes && performance.now() - reported > PROGRESS_EVERY_MS) {
        reported = performance.now();
        onBytes(pos - from, total);
      }
      yield current.subarray(0, bytesRead);
    }
    onBytes?.(pos - from, total);
  } finally {
    // A read still under way (the consumer stopped early) must end before the file is closed.
    await next?.catch(() => undefined);
    await fh.close();
  }
}

/** The chunks as they are, telling how many bytes have gone by (where reading stopped, when it fails). */
export async function* countBytes(chunks: AsyncIterable<Buffer>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  let n = 0;
  for await (const c of chunks) {
    yield c;
    n += c.length;
    onBytes(n);
  }
}

/** The first `n` bytes of a file (fewer if it is shorter). */
export async function readHead(path: string, n = 512): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** A zip opened for reading one entry, possibly several times. Call `close` when done. */
export interface ZipEntryReader {
  entryName: string;
  /** The entry's bytes, decompressed; a damaged entry fails the stream with a ZipProblem. */
  open(): Promise<Readable>;
  close(): void;
}

/**
 * A zip that is cut short or damaged, and where: the byte of the zip file where reading had to stop (the end of a
 * cut file, the start of a damaged record, or how far the entry's compressed data was good), and the member it is
 * in when that is known.
 */
export class ZipProblem extends Error {
  constructor(
    readonly code: 'truncated' | 'corrupt',
    readonly words: ImportProblemWords,
    readonly byteOffset: number,
    readonly entry?: string,
    /** For a zip cut inside `entry`: where that member's data starts and whether it is stored (not deflated). */
    readonly cutEntry?: { dataStart: number; stored: boolean },
  ) {
    super(words.message);
  }
}

/**
 * The readable start of the member a cut zip ends in (`problem` from a zip without its table of contents, with
 * `cutEntry`): its data from its local header to the end of the file, decompressed as far as it goes, then the
 * stream fails with `problem` itself (also when the member happens to be whole: the zip is still cut). Lenient
 * imports keep what it held, as they do for a cut FIT or XML file. Damaged data fails with its own located problem.
 */
export function openCutEntry(path: string, problem: ZipProblem, onBytes?: ByteProgress): Promise<Readable> {
  const cut = problem.cutEntry;
  if (!cut || problem.entry === undefined) return Promise.reject(problem);
  const name = problem.entry;
  const raw = createReadStream(path, { start: cut.dataStart, highWaterMark: READ_CHUNK_BYTES });
  const out = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, chunk);
    },
    flush(cb) {
      cb(problem);
    },
  });
  raw.on('error', (err) => out.destroy(err));
  if (cut.stored) raw.pipe(out);
  else {
    const inflate = createInflateRaw();
    inflate.on('error', (err) =>
      out.destroy(
        (err as NodeJS.ErrnoException).code === 'Z_BUF_ERROR'
          ? problem
          : new ZipProblem(
              'corrupt',
              said('zip.data-damaged', {
                entry: name,
                byte: cut.dataStart + inflate.bytesWritten,
                detail: err.message,
              }),
              cut.dataStart + inflate.bytesWritten,
              name,
            ),
      ),
    );
    raw.pipe(inflate).pipe(out);
  }
  out.once('close', () => raw.destroy());
  if (onBytes) watch(out, () => raw.bytesRead, problem.byteOffset - cut.dataStart, onBytes);
  return Promise.resolve(out);
}

/** Without this a zip has no table of contents (it is kept at the end): a cut file lacks it. */
const NO_CENTRAL_DIRECTORY = /end of central directory record signature not found/i;

/**
 * Opens the zip and finds the first entry whose name satisfies `pick`; null when none does. A zip cut short or
 * damaged in its table of contents rejects with a ZipProblem.
 */
export function openZipEntry(
  path: string,
  pick: (name: string) => boolean,
  onBytes?: ByteProgress,
): Promise<ZipEntryReader | null> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) {
        if (err && NO_CENTRAL_DIRECTORY.test(err.message)) {
          void cutZipProblem(path).then(reject, () => reject(err));
        } else reject(err ?? new Error('cannot open zip'));
        return;
      }
      let settled = false;
      zip.on('error', (e: Error) => {
        if (!settled) {
          settled = true;
          // The central directory record that failed starts where the cursor stands (it moves past good ones).
          const at = (zip as unknown as { readEntryCursor?: number }).readEntryCursor ?? 0;
          zip.close();
          reject(new ZipProblem('corrupt', said('zip.contents-damaged', { byte: at, detail: e.message }), at));
        }
      });
      zip.on('end', () => {
        if (!settled) {
          settled = true;
          zip.close();
          resolve(null);
        }
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!pick(entry.fileName)) {
          zip.readEntry();
          return;
        }
        settled = true;
        resolve({
          entryName: entry.fileName,
          open: () => openEntryStream(zip, entry, onBytes),
          close: () => zip.close(),
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * One entry's decompressed bytes. The entry is inflated here rather than by yauzl so that a failure can say how
 * far its compressed data was good (zlib's bytesWritten: the compressed bytes it had consumed before the step that
 * failed), and progress counts compressed bytes of the archive. The decompressed size is checked against the
 * one the zip announces, as yauzl does.
 */
function openEntryStream(zip: yauzl.ZipFile, entry: yauzl.Entry, onBytes?: ByteProgress): Promise<Readable> {
  const name = entry.fileName;
  return new Promise<Readable>((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (e, header) => {
      if (e || !header) {
        const at = entry.relativeOffsetOfLocalHeader;
        reject(
          /overflows file bounds/.test(String(e?.message))
            ? new ZipProblem('truncated', said('zip.entry-cut', { entry: name }), zipSize(zip), name)
            : new ZipProblem(
                'corrupt',
                said('zip.header-damaged', { entry: name, byte: at, detail: e?.message ?? 'unreadable' }),
                at,
                name,
              ),
        );
        return;
      }
      const dataStart = header.fileDataStart;
      const stored = entry.compressionMethod === 0;
      zip.openReadStream(entry, stored ? {} : { decompress: false }, (e2, raw) => {
        if (e2 || !raw) {
          reject(e2 ?? new Error('cannot read entry'));
          return;
        }
        const inflate = stored ? null : createInflateRaw();
        let compressed = 0;
        let size = 0;
        const out = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            size += chunk.length;
            if (stored) compressed = size;
            if (size > entry.uncompressedSize) cb(sizeProblem());
            else cb(null, chunk);
          },
          flush(cb) {
            cb(size < entry.uncompressedSize ? sizeProblem() : null);
          },
        });
        const consumed = () => (inflate ? inflate.bytesWritten : compressed);
        const sizeProblem = () =>
          new ZipProblem(
            'corrupt',
            said('zip.size-mismatch', { entry: name, size: entry.uncompressedSize, got: size }),
            dataStart + consumed(),
            name,
          );
        raw.on('error', (err) => out.destroy(err));
        if (inflate) {
          // bytesWritten: what zlib had decompressed without fault; the damage is met in the bytes that follow (it
          // may sit a little before them: damaged data can decode as something until it no longer can).
          inflate.on('error', (err) =>
            out.destroy(
              new ZipProblem(
                'corrupt',
                said('zip.data-damaged', { entry: name, byte: dataStart + inflate.bytesWritten, detail: err.message }),
                dataStart + inflate.bytesWritten,
                name,
              ),
            ),
          );
          raw.pipe(inflate).pipe(out);
        } else raw.pipe(out);
        out.once('close', () => {
          if (inflate) raw.unpipe(inflate);
          raw.destroy();
        });
        if (onBytes) watch(out, consumed, entry.compressedSize, onBytes);
        resolve(out);
      });
    });
  });
}

function zipSize(zip: yauzl.ZipFile): number {
  return (zip as unknown as { fileSize?: number }).fileSize ?? 0;
}

/**
 * The problem of a zip whose table of contents is missing (a file cut short): it ends at its size, inside the
 * member whose local header comes last (the members are walked from the start by their local headers).
 */
async function cutZipProblem(path: string): Promise<ZipProblem> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(30);
    let at = 0;
    let entry: string | undefined;
    let cutEntry: { dataStart: number; stored: boolean } | undefined;
    while (at + 30 <= size) {
      await fh.read(head, 0, 30, at);
      if (head.readUInt32LE(0) !== 0x04034b50) break;
      const nameLength = head.readUInt16LE(26);
      const name = Buffer.alloc(nameLength);
      await fh.read(name, 0, nameLength, at + 30);
      // With a data descriptor (flag bit 3) the size comes after the data: the walk cannot skip this member.
      const end =
        head.readUInt16LE(6) & 0x08 ? Infinity : at + 30 + nameLength + head.readUInt16LE(28) + head.readUInt32LE(18);
      if (end > size) {
        entry = name.toString('utf8');
        const method = head.readUInt16LE(8);
        // Only plain and deflated members can be read on (the only methods Apple's export and yauzl use).
        const dataStart = at + 30 + nameLength + head.readUInt16LE(28);
        if ((method === 0 || method === 8) && dataStart <= size) cutEntry = { dataStart, stored: method === 0 };
        break;
      }
      at = end;
    }
    return new ZipProblem(
      'truncated',
      said('zip.ends-early', { byte: size, entry: entry ?? null }),
      size,
      entry,
      cutEntry,
    );
  } finally {
    await fh.close();
  }
}

/** A short, user-facing description of an I/O or zip error (no stack), in English. */
export function describeIoError(e: unknown): string {
  return ioProblem(e).message;
}

/** The system error codes Footing says in its own words (import-problem-words.ts IoCause). */
const IO_CAUSES: Readonly<Record<string, IoCause>> = {
  ENOENT: 'not-found',
  EISDIR: 'directory',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  EIO: 'read-error',
};

/** What an I/O error was about, from its code, or null when Footing has no words of its own for it. */
export function ioCause(e: unknown): IoCause | null {
  const code = e && typeof e === 'object' && 'code' in e ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? (IO_CAUSES[code] ?? null) : null;
}

/** An error as a problem's `detail` (its words in English) and `io` (what it was about, when Footing knows). */
export function ioDetail(e: unknown): { detail: string; io: IoCause | null } {
  return { detail: describeIoError(e), io: ioCause(e) };
}

/** An I/O or zip error as a problem's words (a missing file, a directory, else the system's own words). */
export function ioProblem(e: unknown): ImportProblemWords {
  const io = ioCause(e);
  if (io === 'not-found') return said('file.not-found');
  if (io === 'directory') return said('file.directory');
  return said('file.unreadable', { detail: e instanceof Error ? e.message : String(e), io });
}
