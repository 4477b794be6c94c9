/**
 * Sending a file to an endpoint that answers 202 with a job id (walking imports, gait videos): the bytes go up with
 * XMLHttpRequest because fetch has no upload progress; then the caller polls the job, waiting between polls with
 * `pause`, which a stop button can cut short.
 */
import { ApiError, apiErrorFrom, csrfHeaders } from './client.js';
import { i18n } from '../i18n/i18n.js';

export interface UploadForJobOptions {
  contentType: string;
  /** Bytes sent so far and the total. */
  onProgress: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** What to say when the user stops the upload. */
  abortedMessage: string;
}

/** Uploads `file` to `url` and resolves with the job id of the 202 answer; a refusal rejects with its ApiError. */
export function uploadForJob(url: string, file: Blob, opts: UploadForJobOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', opts.contentType);
    // With accounts, cookie-authenticated writes carry the CSRF token (none in local mode).
    for (const [k, v] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => opts.onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status !== 202) return reject(apiErrorFrom(xhr.status, xhr.responseText));
      try {
        resolve((JSON.parse(xhr.responseText) as { jobId: string }).jobId);
      } catch {
        reject(new ApiError(xhr.status, 'bad_answer', i18n.t('app:api.unreadable')));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'offline', i18n.t('app:api.offline')));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', opts.abortedMessage));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    opts.onProgress(0, file.size);
    xhr.send(file);
  });
}

/** Waits `ms` between polls; a stop (`signal`) rejects at once with `abortedMessage`. */
export function pause(ms: number, signal: AbortSignal | undefined, abortedMessage: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new ApiError(0, 'aborted', abortedMessage));
      },
      { once: true },
    );
  });
}
