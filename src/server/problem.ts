/**
 * Errors a caller can cause, as one class carrying a code, an HTTP status, a message and the field it is about.
 * The server's own code throws these; the use cases of src/services throw transport-neutral ServiceErrors, which
 * problemFrom gives their status. The server edge turns both into `{ error: { code, message, field } }` bodies.
 */
import type { ServiceError, ServiceErrorCode } from '../services/service-error.js';
import type { ValidationText } from '../core/validation-words.js';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The message's id and parameters, for an answer in the request's language (validation-words.ts). */
    readonly text?: ValidationText,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) => new Problem(400, 'bad_request', message, field);
export const notFound = (message: string) => new Problem(404, 'not_found', message);
export const conflict = (message: string, field?: string) => new Problem(409, 'conflict', message, field);

const STATUS_OF: Record<ServiceErrorCode, number> = { bad_request: 400, not_found: 404, conflict: 409 };

/** A use case's error as the HTTP API answers it. */
export const problemFrom = (e: ServiceError) => new Problem(STATUS_OF[e.code], e.code, e.message, e.field, e.text);
