/** The shape of a `footing` subcommand: its options (parsed strictly by node:util parseArgs), help and body. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
  default?: string | boolean;
}
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Lines printed after the options in --help (e.g. what the exit codes mean). */
  notes?: readonly string[];
  /** Whether positional arguments are allowed (and how many at least). */
  positionals?: { min: number; name: string };
  /** Resolves to an exit code when the command ran but some input failed (e.g. one file of several). */
  run(args: {
    values: Record<string, string | boolean | undefined>;
    positionals: string[];
    out: NodeJS.WritableStream;
  }): Promise<void | number>;
}

/** The --db option every command that touches the database takes. */
export const DB_OPTION: OptionSpec = {
  type: 'string',
  description: 'SQLite database file (default ./data/footing.sqlite; DATABASE_URL=postgres://... selects PostgreSQL)',
};
