import { ServiceError } from '../services/service-error.js';

/** A mistake on the command line or in an input file: printed as one line, exit code 2 (usage) or 1 (input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
export const usageError = (message: string) => new CliError(message, 2);

/**
 * What a failed command prints after "footing NAME: " and the code it exits with. A use case's refusal (a
 * transport-neutral ServiceError: bad input, a conflict with what is stored, nothing found) is the input's fault:
 * its message, after the field it is about when it names one, and exit code 1, as the server answers it 400, 409
 * or 404. Anything else is said to be unexpected.
 */
export function failure(e: unknown): { line: string; exitCode: number } {
  if (e instanceof CliError) return { line: e.message, exitCode: e.exitCode };
  if (e instanceof ServiceError) return { line: e.field ? `${e.field}: ${e.message}` : e.message, exitCode: 1 };
  return { line: `unexpected error: ${(e as Error).message}`, exitCode: 1 };
}
