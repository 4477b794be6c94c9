/**
 * Sends a walking file to the import API and follows the import to its end: the bytes go up with
 * XMLHttpRequest (fetch has no upload progress), then the import job is polled until it is done or failed.
 * Progress is reported in two phases so the page can say what is happening: sending, then reading the file.
 */
import { ApiError, csrfHeaders } from '../api/client.js';
import type { ImportJob } from './import-types.js';

export type ImportPhase = 'upload' | 'import';

export interface ImportProgress {
  phase: ImportPhase;
  /** Bytes sent (upload) or bytes of the file read by the importer (import). */
  done: number;
  /** Total bytes, or null when not known yet. */
  total: number | null;
}

export interface UploadOptions {
  /** Import nothing from a file with any bad record. */
  strict: boolean;
  /** UTC offset like "+01:00" for files whose times are in UTC (GPX, TCX). */
  offset: string;
  onProgress: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** How often to ask for the job's progress. */
  pollMs?: number;
}

/** Uploads `file`, then waits for its import job. Resolves with the finished job (done or failed). */
export async function uploadAndImport(file: Blob & { name: string }, opts: UploadOptions): Promise<ImportJob> {
  const q = new URLSearchParams({ name: file.name, strict: String(opts.strict), offset: opts.offset });
  const jobId = await upload(`/api/imports?${q}`, file, opts);
  return pollJob(jobId, opts);
}

function apiErrorFrom(status: number, text: string): ApiError {
  let err: { code?: string; message?: string; field?: string } | undefined;
  try { err = (JSON.parse(text) as { error?: typeof err }).error; } catch { /* not JSON */ }
  return new ApiError(status, err?.code ?? `http_${status}`, err?.message ?? `The server answered ${status}.`, err?.field);
}

function upload(url: string, file: Blob, opts: UploadOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    // With accounts, cookie-authenticated writes carry the CSRF token (none in local mode).
    for (const [k, v] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => opts.onProgress({ phase: 'upload', done: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      if (xhr.status !== 202) return reject(apiErrorFrom(xhr.status, xhr.responseText));
      try { resolve((JSON.parse(xhr.responseText) as { jobId: string }).jobId); } catch { reject(new ApiError(xhr.status, 'bad_answer', 'The server’s answer could not be read.')); }
    };
    xhr.onerror = () => reject(new ApiError(0, 'offline', 'Could not reach Footing. Check your connection and try again.'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was stopped.'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    opts.onProgress({ phase: 'upload', done: 0, total: file.size });
    xhr.send(file);
  });
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); reject(new ApiError(0, 'aborted', 'Stopped.')); }, { once: true });
});

async function pollJob(id: string, opts: UploadOptions): Promise<ImportJob> {
  for (;;) {
    if (opts.signal?.aborted) throw new ApiError(0, 'aborted', 'Stopped.');
    let res: Response;
    try { res = await fetch(`/api/jobs/${encodeURIComponent(id)}`, opts.signal ? { signal: opts.signal } : {}); } catch {
      throw new ApiError(0, 'offline', 'Lost the connection while the file was being read. It may still finish: look at your walking chart in a minute.');
    }
    const text = await res.text();
    if (!res.ok) throw apiErrorFrom(res.status, text);
    const job = JSON.parse(text) as ImportJob;
    if (job.status === 'done' || job.status === 'failed') return job;
    opts.onProgress({ phase: 'import', done: job.progress.bytes ?? 0, total: job.progress.total ?? null });
    await sleep(opts.pollMs ?? 400, opts.signal);
  }
}
