/** Runs the `footing` CLI in-process for tests, capturing what it prints. */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** A writable stream that keeps what is written to it, for a command's out or err. */
export function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return {
    stream,
    get text() {
      return text;
    },
  };
}

/** `footing ...args`: the exit code and what went to standard output and standard error. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await main(args, { out: out.stream, err: err.stream });
  return { code, out: out.text, err: err.text };
}
