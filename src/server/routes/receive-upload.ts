/**
 * Receives an upload's body into a private temporary folder (mkdtemp: mode 0700, the file 0600), streaming, with a
 * size limit checked on the declared length first and on the bytes as they arrive. Whatever goes wrong (too large,
 * cut short, the disk full, a file name that is not a name), the folder is removed before the error is answered, so
 * a refused or failed upload leaves nothing behind; the caller removes it once the upload has been used. Errors say
 * what happened, never where on the server.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';

export interface ReceivedUpload {
  dir: string;
  file: string;
  bytes: number;
}

export interface UploadOptions {
  /** Prefix of the temporary folder's name, e.g. 'footing-upload-' (sweepUploads finds abandoned ones by it). */
  prefix: string;
  /** The name the file gets inside its folder (already checked with safeUploadName, or a fixed name). */
  fileName: string;
  maxBytes: number;
  /** The answer when the body is larger than maxBytes (413, in the route's own words). */
  tooLarge: () => Problem;
}

/** Megabytes or kilobytes, for messages. */
export const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${Math.round(bytes / 1024 ** 3)} GB`
    : bytes >= 1024 * 1024
      ? `${Math.round(bytes / (1024 * 1024))} MB`
      : `${Math.round(bytes / 1024)} KB`;

export async function receiveUpload(
  req: FastifyRequest,
  reply: FastifyReply,
  o: UploadOptions,
): Promise<ReceivedUpload> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  // Refused before a byte is stored; the connection closes so the client stops sending the rest.
  if (declared > o.maxBytes) {
    void reply.header('connection', 'close');
    throw o.tooLarge();
  }
  const dir = await mkdtemp(join(tmpdir(), o.prefix));
  const file = join(dir, o.fileName);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb(bytes > o.maxBytes ? o.tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(req.body as Readable, limit, createWriteStream(file, { mode: 0o600, flags: 'wx' }));
    return { dir, file, bytes };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    if (e instanceof Problem) {
      void reply.header('connection', 'close');
      throw e;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC')
      throw new Problem(507, 'server_full', refusal('upload.server-full'), 'body');
    throw new Problem(400, 'upload_incomplete', refusal('upload.incomplete'), 'body');
  }
}

/**
 * The name an uploaded file keeps inside its private folder (importers read the format from its extension when the
 * bytes say nothing): the last part of what the client sent, with anything but letters, digits, '.', '-' and '_'
 * made '_'. Null for a name that would not name a file there ('.', '..', only dots).
 */
export function safeUploadName(name: string): string | null {
  const last = name.split(/[/\\]/).pop() ?? '';
  const safe = last.replace(/[^\w.-]/g, '_');
  return safe === '' || /^\.+$/.test(safe) ? null : safe;
}

/**
 * Removes upload folders with this prefix older than `olderThanMs` from the temporary folder: what a process that
 * died mid-job left behind. Returns how many it removed.
 */
export async function sweepUploads(prefix: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const path = join(tmpdir(), name);
    const s = await stat(path).catch(() => null);
    if (s?.isDirectory() && now - s.mtimeMs > olderThanMs) {
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
