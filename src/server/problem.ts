/**
 * Errors a caller can cause, as one class carrying a code, an HTTP status, what it says (by message id) and the field
 * it is about.
 * The server's own code throws these; the use cases of src/services throw transport-neutral ServiceErrors, which
 * problemFrom gives their status. The server edge turns both into `{ error: { code, message, field } }` bodies.
 */
import type { ServiceError, ServiceErrorCode } from '../services/service-error.js';
import { saidEnglish, type Said } from '../core/refusal-words.js';

export class Problem extends Error {
  /**
   * `said` is required and is an id (refusal-words.ts) or a record's refusal with its id: the error handler answers
   * in the request's language from it, so no refusal can be plain English (issue 14 item 8).
   */
  constructor(
    readonly status: number,
    readonly code: string,
    readonly said: Said,
    readonly field?: string,
  ) {
    super(saidEnglish(said));
  }
}

export const badRequest = (said: Said, field?: string) => new Problem(400, 'bad_request', said, field);
export const notFound = (said: Said) => new Problem(404, 'not_found', said);
export const conflict = (said: Said, field?: string) => new Problem(409, 'conflict', said, field);

const STATUS_OF: Record<ServiceErrorCode, number> = { bad_request: 400, not_found: 404, conflict: 409 };

/** A use case's error as the HTTP API answers it. */
export const problemFrom = (e: ServiceError) => new Problem(STATUS_OF[e.code], e.code, e.said, e.field);
