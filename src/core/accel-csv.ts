/**
 * Reads a recorded accelerometer file (text in, samples out; pure) for the step counter (`footing steps`, the
 * accuracy script). Three layouts, told apart by the number of columns of the first data line:
 *   - plain CSV, 4 columns `t,x,y,z`: t in seconds, x/y/z in m/s²; an optional header line names the columns
 *     (`t` or `t_s` for seconds, `t_ms` for milliseconds, `t_ns` for nanoseconds);
 *   - Oxford step counter optimisation set, 5 columns, no header: timestamp (ns), accuracy flag, x, y, z;
 *   - Oxford step counter validation set, 7 columns, no header: timestamp (ns), x, y, z, then the cumulative steps
 *     of the Oxford algorithm, of the ground-truth foot sensors and of the phone's own counter.
 * A bad line is a located problem (line, field), never an exception; the first MAX_PROBLEMS are kept.
 */

export type AccelLayout = 'plain' | 'oxford-optimisation' | 'oxford-validation';

export interface AccelProblem {
  line: number;
  field: string;
  message: string;
}

export interface AccelRecording {
  layout: AccelLayout;
  /** [t (ms), x, y, z] in file order. */
  samples: [number, number, number, number][];
  /** The Oxford validation files' ground-truth step count (the last line's cumulative count); else null. */
  groundTruthSteps: number | null;
  problems: AccelProblem[];
}

export const MAX_PROBLEMS = 20;

const LAYOUT_COLUMNS: Record<number, AccelLayout> = { 4: 'plain', 5: 'oxford-optimisation', 7: 'oxford-validation' };
const FIELD_NAMES: Record<AccelLayout, string[]> = {
  plain: ['t', 'x', 'y', 'z'],
  'oxford-optimisation': ['timestamp', 'accuracy', 'x', 'y', 'z'],
  'oxford-validation': ['timestamp', 'x', 'y', 'z', 'steps_algorithm', 'steps_ground_truth', 'steps_phone'],
};
/** Milliseconds from a time column's value, by its header name (a division for nanoseconds: exact to the ns). */
const TIME_UNITS: Record<string, (v: number) => number> = {
  t: (v) => v * 1000,
  t_s: (v) => v * 1000,
  t_ms: (v) => v,
  t_ns: (v) => v / 1e6,
};
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses the whole text of an accelerometer file. */
export function parseAccelCsv(text: string): AccelRecording {
  const lines = text.split(/\r?\n/);
  const problems: AccelProblem[] = [];
  const samples: [number, number, number, number][] = [];
  const problem = (line: number, field: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, field, message });
  };
  let layout: AccelLayout | null = null;
  let toMs = TIME_UNITS.t_ns!; // the Oxford layouts
  let groundTruth: number | null = null;
  let lastT = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    const lineNo = i + 1;
    if (raw === '' || raw.startsWith('#')) continue;
    const cells = raw.split(',').map((c) => c.trim());
    if (layout === null) {
      const header = cells.map((c) => c.toLowerCase());
      if (
        header.length === 4 &&
        header[0]! in TIME_UNITS &&
        header[1] === 'x' &&
        header[2] === 'y' &&
        header[3] === 'z'
      ) {
        layout = 'plain';
        toMs = TIME_UNITS[header[0]!]!;
        continue;
      }
      const found = LAYOUT_COLUMNS[cells.length];
      if (!found) {
        return {
          layout: 'plain',
          samples: [],
          groundTruthSteps: null,
          problems: [
            {
              line: lineNo,
              field: 'columns',
              message: `expected 4 columns (t,x,y,z), or an Oxford step counter file's 5 or 7; found ${cells.length}`,
            },
          ],
        };
      }
      layout = found;
      if (layout === 'plain') toMs = TIME_UNITS.t!;
    }
    const names = FIELD_NAMES[layout];
    if (cells.length !== names.length) {
      problem(lineNo, 'columns', `expected ${names.length} columns like the first line, found ${cells.length}`);
      continue;
    }
    const values: number[] = [];
    let bad = false;
    for (let c = 0; c < cells.length; c++) {
      const v = NUMBER.test(cells[c]!) ? Number(cells[c]) : NaN;
      if (!Number.isFinite(v)) {
        problem(lineNo, names[c]!, `"${cells[c]!.slice(0, 24)}" is not a number`);
        bad = true;
        break;
      }
      values.push(v);
    }
    if (bad) continue;
    const t = toMs(values[0]!);
    const [x, y, z] = layout === 'oxford-optimisation' ? values.slice(2, 5) : values.slice(1, 4);
    if (t < lastT) {
      problem(lineNo, names[0]!, 'time goes backwards');
      continue;
    }
    lastT = t;
    samples.push([t, x!, y!, z!]);
    if (layout === 'oxford-validation') groundTruth = values[5]!;
  }
  if (layout === null) problems.push({ line: 1, field: 'file', message: 'no samples: the file is empty' });
  return { layout: layout ?? 'plain', samples, groundTruthSteps: groundTruth, problems };
}

/** Ground truth of an Oxford optimisation recording: each 0->1 edge of either foot switch in stepcounter.csv. */
export function countFootSwitchSteps(text: string): number {
  let steps = 0;
  let prev: [number, number] | null = null;
  for (const line of text.split(/\r?\n/)) {
    const c = line.split(',');
    if (c.length < 3) continue;
    const f1 = Number(c[1]);
    const f2 = Number(c[2]);
    if (prev) {
      if (prev[0] === 0 && f1 === 1) steps++;
      if (prev[1] === 0 && f2 === 1) steps++;
    }
    prev = [f1, f2];
  }
  return steps;
}
