/** A mistake on the command line or in an input file: printed as one line, exit code 2 (usage) or 1 (input). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) { super(message); }
}
export const usageError = (message: string) => new CliError(message, 2);
