/**
 * The error the API answers with, apart from fetch and the window so that the web app's logic that reads it (forms,
 * the outbox) is checked in Node. client.ts re-exports both.
 */
import { i18n } from '../i18n/i18n.js';

/** An error the API returned (`{error: {code, message, field}}`), or a network failure (code 'offline'). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
  /** True when the request never reached the server (offline, server down): worth retrying later. */
  get retryable(): boolean {
    return this.code === 'offline' || this.status >= 500;
  }
}

/** The ApiError for a refused request, from its parsed (or raw text) body `{error: {code, message, field}}`. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  let data = body;
  if (typeof body === 'string') {
    try {
      data = JSON.parse(body);
    } catch {
      data = null;
    }
  }
  const err = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
  return new ApiError(
    status,
    err?.code ?? 'http_' + status,
    err?.message ?? i18n.t('app:api.serverAnswered', { status }),
    err?.field,
  );
}
