/**
 * Errors a caller of a use case can cause (bad input, a conflict with what is stored, something not found), as
 * values that name no transport: a code, a message and the field they are about. The server maps them to HTTP
 * statuses (src/server/problem.ts problemFrom), the CLI shows the message. The codes are the ones the API's error
 * bodies have always carried.
 */
import type { ValidationText } from '../core/validation-words.js';

export type ServiceErrorCode = 'bad_request' | 'not_found' | 'conflict';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly field?: string,
    /** The message's id and parameters, for an answer in the reader's language (validation-words.ts). */
    readonly text?: ValidationText,
  ) {
    super(message);
  }
}

/** The input is not acceptable (the field says which part). */
export const invalidInput = (message: string, field?: string, text?: ValidationText) => new ServiceError('bad_request', message, field, text);
/** The input is acceptable but conflicts with what is stored. */
export const conflictWith = (message: string, field?: string) => new ServiceError('conflict', message, field);
