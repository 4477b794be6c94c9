/**
 * Sends a walking file to the import API and follows the import to its end: the bytes go up with
 * XMLHttpRequest (fetch has no upload progress), then the import job is polled until it is done or failed.
 * Progress is reported in two phases so the page can say what is happening: sending, then reading the file.
 */
import { ApiError, apiErrorFrom } from '../api/client.js';
import { pause, uploadForJob } from '../api/upload-job.js';
import type { ImportJob } from './import-types.js';
import { currentLanguage, i18n } from '../i18n/i18n.js';
import { localDate } from '../lib/local-time.js';

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
  /** Whose rows of a Fitbit CSV that holds several people. */
  fitbitId?: string;
  /** Take the program's stage and a clinician's walking target from a FHIR file (program=adopt). */
  adoptProgram?: boolean;
  onProgress: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** How often to ask for the job's progress. */
  pollMs?: number;
}

/** Uploads `file`, then waits for its import job. Resolves with the finished job (done or failed). */
export async function uploadAndImport(file: Blob & { name: string }, opts: UploadOptions): Promise<ImportJob> {
  // The person's own date goes with every file, as with every other event (the program events of an adopted program
  // are dated on it). program=adopt goes only with a FHIR file (.json, .ndjson: no other kind Footing reads is JSON):
  // the server refuses it before reading any file when the safety questions are not answered yet, which must not
  // stop a GPX or an Apple export chosen while the box is ticked.
  const adopt = opts.adoptProgram && /\.(nd)?json$/i.test(file.name);
  const q = new URLSearchParams({
    name: file.name,
    strict: String(opts.strict),
    offset: opts.offset,
    date: localDate(),
    ...(opts.fitbitId ? { fitbitId: opts.fitbitId } : {}),
    ...(adopt ? { program: 'adopt' } : {}),
  });
  let jobId: string;
  try {
    jobId = await uploadForJob(`/api/imports?${q}`, file, {
      contentType: 'application/octet-stream',
      abortedMessage: i18n.t('walking:import.uploadStopped'),
      onProgress: (done, total) => opts.onProgress({ phase: 'upload', done, total }),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    // With program=adopt, 409 is the refusal before any byte is read: the person's program has not started or is
    // paused. The server words it for a clinician ("This patient..."); the person reads it in their words here.
    if (adopt && e instanceof ApiError && e.status === 409)
      throw new ApiError(409, e.code, i18n.t('walking:import.adoptRefused'), e.field);
    throw e;
  }
  return pollJob(jobId, opts);
}

async function pollJob(id: string, opts: UploadOptions): Promise<ImportJob> {
  for (;;) {
    if (opts.signal?.aborted) throw new ApiError(0, 'aborted', i18n.t('walking:import.stopped'));
    let res: Response;
    try {
      // The language on screen: a failed import's message comes back in it (the server stores it by id).
      res = await fetch(`/api/jobs/${encodeURIComponent(id)}`, {
        headers: { 'accept-language': currentLanguage() },
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch {
      throw new ApiError(0, 'offline', i18n.t('walking:import.lostConnection'));
    }
    const text = await res.text();
    if (!res.ok) throw apiErrorFrom(res.status, text);
    const job = JSON.parse(text) as ImportJob;
    if (job.status === 'done' || job.status === 'failed') return job;
    opts.onProgress({ phase: 'import', done: job.progress.bytes ?? 0, total: job.progress.total ?? null });
    await pause(opts.pollMs ?? 400, opts.signal, i18n.t('walking:import.stopped'));
  }
}
