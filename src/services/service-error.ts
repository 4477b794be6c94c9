/**
 * Errors a caller of a use case can cause (bad input, a conflict with what is stored, something not found), as
 * values that name no transport: a code, what they say (by message id) and the field they are about. The server
 * maps them to HTTP statuses (src/server/problem.ts problemFrom), the CLI shows the English. The codes are the ones the API's error
 * bodies have always carried.
 */
import { saidEnglish, type Said } from '../core/refusal-words.js';

export type ServiceErrorCode = 'bad_request' | 'not_found' | 'conflict';

export class ServiceError extends Error {
  /** `said`: a message id (refusal-words.ts) or a record's own refusal with its id, for the reader's language. */
  constructor(
    readonly code: ServiceErrorCode,
    readonly said: Said,
    readonly field?: string,
  ) {
    super(saidEnglish(said));
  }
}

/** The input is not acceptable (the field says which part). */
export const invalidInput = (said: Said, field?: string) => new ServiceError('bad_request', said, field);
/** The input is acceptable but conflicts with what is stored. */
export const conflictWith = (said: Said, field?: string) => new ServiceError('conflict', said, field);
/** Nothing of that id (the field says which). */
export const notFoundHere = (said: Said, field?: string) => new ServiceError('not_found', said, field);
