/**
 * `footing steps FILE`: counts the steps of a recorded accelerometer file with the step counter the Walk now page
 * runs (src/core/step-counter.ts), printing the steps, the walking time and the cadence.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseAccelCsv } from '../core/accel-csv.js';
import { countSteps } from '../core/step-counter.js';
import { CliError, usageError } from './cli-error.js';
import type { Command } from './command.js';

export const stepsCommand: Command = {
  name: 'steps',
  summary: 'Count the steps in a recorded accelerometer file',
  usage: 'footing steps FILE.csv [--json]',
  positionals: { min: 1, name: 'FILE' },
  options: {
    json: { type: 'boolean', description: 'Print {"steps": N, "walking_s": N, "cadence_spm": N}' },
  },
  notes: [
    'FILE: a CSV of t,x,y,z (t in seconds; a header t_ms,x,y,z or t_ns,x,y,z gives milliseconds or nanoseconds;',
    'x, y, z in m/s²), or a file of the Oxford step counter data set (5 or 7 columns, nanosecond timestamps).',
    'A line that cannot be read is reported as FILE:LINE (field) and nothing is counted (exit 1).',
  ],
  async run({ values, positionals, out }) {
    if (positionals.length !== 1) throw usageError(`takes one FILE (got ${positionals.length})`);
    const path = positionals[0]!;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new CliError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const rec = parseAccelCsv(text);
    const name = basename(path);
    if (rec.problems.length > 0) {
      const shown = rec.problems.map((p) => `${name}:${p.line} (${p.field}): ${p.message}`);
      throw new CliError(
        `${shown.length === 1 ? 'a line' : `${shown.length}${shown.length >= 20 ? ' or more' : ''} lines`} could not be read, nothing counted:\n  ${shown.join('\n  ')}`,
      );
    }
    if (rec.samples.length < 2) throw new CliError(`${name}: fewer than two samples, nothing to count`);
    const s = countSteps(rec.samples);
    if (values.json) {
      out.write(`${JSON.stringify({ steps: s.steps, walking_s: s.walking_s, cadence_spm: s.cadence_spm })}\n`);
      return;
    }
    const mins = Math.floor(s.walking_s / 60);
    const secs = Math.round(s.walking_s - mins * 60);
    out.write(
      `${s.steps} steps\nWalking time: ${mins} min ${secs} s\nCadence: ${s.cadence_spm === null ? 'not known (fewer than two steps)' : `${s.cadence_spm} steps/min`}\n`,
    );
  },
};
