/**
 * Reading a video file without holding all of it (issue 13: a 60 s phone clip is 100-400 MB, and a phone tab that
 * holds it whole for the length of the analysis may be killed). Only the MP4 index is read at once; the coded
 * samples are read from the File as the decoder needs them, a window at a time.
 */
import { i18n } from '../i18n/i18n.js';

/** MP4/MOV top-level box types a file may start with (as mp4-samples.ts checks). */
const FIRST_BOXES = ['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'];
/** An index box larger than this is not read (a real moov is well under a megabyte a minute). */
const MAX_INDEX_BOX = 64 * 2 ** 20;

export interface IndexBytes {
  /** The file's top-level boxes in order, each media-data box replaced by an empty one (8 bytes). */
  buffer: ArrayBuffer;
  /** Maps a byte offset in `buffer` back to the file's (for located errors). */
  fileOffset(at: number): number;
}

/**
 * The file's MP4 boxes without their media data: what mp4-samples.ts needs to read the sample table (sample offsets
 * are the file's own, so they stay valid). A file that does not start like an MP4 gives its first bytes only, for
 * mp4-samples.ts to reject.
 */
export async function mp4IndexBytes(file: Blob): Promise<IndexBytes> {
  const parts: Array<{ at: number; file: number; bytes: Uint8Array }> = [];
  let p = 0;
  let at = 0;
  const add = (bytes: Uint8Array, from: number) => {
    parts.push({ at, file: from, bytes });
    at += bytes.length;
  };
  while (p + 8 <= file.size) {
    const head = new Uint8Array(await file.slice(p, p + 16).arrayBuffer());
    const v = new DataView(head.buffer);
    const type = String.fromCharCode(...head.subarray(4, 8));
    let size = v.getUint32(0);
    let header = 8;
    if (size === 1 && head.length >= 16) {
      size = Number(v.getBigUint64(8));
      header = 16;
    } else if (size === 0) size = file.size - p;
    if ((parts.length === 0 && !FIRST_BOXES.includes(type)) || size < header) {
      add(head, p);
      break;
    }
    if (type === 'mdat') {
      const stub = new Uint8Array(8);
      new DataView(stub.buffer).setUint32(0, 8);
      stub.set([0x6d, 0x64, 0x61, 0x74], 4);
      add(stub, p);
    } else {
      // A box cut off by the end of the file is read as far as it goes (mp4-samples.ts reports it as truncated).
      add(new Uint8Array(await file.slice(p, Math.min(file.size, p + Math.min(size, MAX_INDEX_BOX))).arrayBuffer()), p);
      if (size > MAX_INDEX_BOX) break;
    }
    p += size;
  }
  const buffer = new Uint8Array(at);
  for (const part of parts) buffer.set(part.bytes, part.at);
  return {
    buffer: buffer.buffer,
    fileOffset(offset) {
      const part = [...parts].reverse().find((x) => x.at <= offset);
      return part ? part.file + Math.min(offset - part.at, part.bytes.length) : offset;
    },
  };
}

/** Reads byte ranges of a file through one window of at least `windowBytes`, read ahead in file order. */
export function fileReader(
  file: Blob,
  windowBytes = 4 * 2 ** 20,
): (offset: number, size: number) => Promise<Uint8Array> {
  let start = 0;
  let bytes = new Uint8Array(0);
  return async (offset, size) => {
    if (offset < start || offset + size > start + bytes.length) {
      start = offset;
      bytes = new Uint8Array(await file.slice(offset, offset + Math.max(size, windowBytes)).arrayBuffer());
      if (bytes.length < size)
        throw new Error(i18n.t('gait:mp4.sampleCut', { at: offset + bytes.length, from: offset, to: offset + size }));
    }
    return bytes.subarray(offset - start, offset - start + size);
  };
}
