/**
 * Errors a caller can cause, as one class carrying a code, an HTTP status, a message and the field it is about.
 * Services throw these; the server edge turns them into `{ error: { code, message, field } }` bodies.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) => new Problem(400, 'bad_request', message, field);
export const notFound = (message: string) => new Problem(404, 'not_found', message);
export const conflict = (message: string, field?: string) => new Problem(409, 'conflict', message, field);
