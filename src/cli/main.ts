/**
 * `footing`: the command-line tool. Every command has --help; mistakes print one line (no stack trace) and exit
 * non-zero (2 for usage, 1 for bad input).
 */
import { parseArgs } from 'node:util';
import { failure } from './cli-error.js';
import { COMMANDS } from './commands.js';
import type { Command } from './command.js';

export function commandHelp(c: Command): string {
  const rows: [string, string][] = [
    ...Object.entries(c.options).map(([k, o]): [string, string] => [
      `  --${k}${o.type === 'string' ? ' VALUE' : ''}`,
      o.description,
    ]),
    ['  --help', 'Show this help'],
  ];
  // The description column starts two spaces after the longest option (a long one ran into its text).
  const width = Math.max(22, ...rows.map(([label]) => label.length + 2));
  return [
    `${c.summary}.`,
    '',
    `Usage: ${c.usage}`,
    '',
    'Options:',
    ...rows.map(([label, text]) => label.padEnd(width) + text),
    ...(c.notes ? ['', ...c.notes] : []),
    '',
  ].join('\n');
}

export function mainHelp(commands: readonly Command[] = COMMANDS): string {
  return [
    'footing: feet first, for back and neck pain.',
    '',
    'Usage: footing <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(16)}${c.summary}`),
    '',
    'Run footing <command> --help for its options.',
    '',
  ].join('\n');
}

/** Runs the CLI with these arguments; returns the exit code. Output goes to the given streams (tests pass their own). */
export async function main(
  argv: string[],
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream } = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out.write(mainHelp());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err.write(`footing: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out.write(commandHelp(command));
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: Boolean(command.positionals),
      options: Object.fromEntries(
        Object.entries(command.options).map(([k, o]) => [
          k,
          {
            type: o.type,
            ...(o.short ? { short: o.short } : {}),
            ...(o.default !== undefined ? { default: o.default } : {}),
          },
        ]),
      ) as never,
    });
  } catch (e) {
    io.err.write(`footing ${name}: ${(e as Error).message.split('\n')[0]} (see footing ${name} --help)\n`);
    return 2;
  }
  if (command.positionals && parsed.positionals.length < command.positionals.min) {
    io.err.write(`footing ${name}: missing ${command.positionals.name} (usage: ${command.usage})\n`);
    return 2;
  }
  try {
    const code = await command.run({
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
      out: io.out,
    });
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    const { line, exitCode } = failure(e);
    io.err.write(`footing ${name}: ${line}\n`);
    return exitCode;
  }
}
