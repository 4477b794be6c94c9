/**
 * The step counter's accuracy and how its parameters were chosen (issue 14 item 3; figures in docs/walking-data.md).
 *
 * Recordings: the four in ../shared/data/imu-steps (the issue's set) and, with --dataset DIR, every recording of
 * the Oxford step counter data set (a checkout of github.com/Oxford-step-counter/DataSet at 922cc0d, CC-BY-4.0:
 * optimisation/data/<dir>/accelerometer.csv with its foot-switch stepcounter.csv, and validation/*.csv with its
 * cumulative ground truth). The optimisation set's three _Patient_ folders are left out: they are not in its
 * stats.csv (no counted steps; the foot-switch file of the one that is complete has a single edge).
 *
 * Parameters: a grid over the method's five parameters; leave-one-recording-out cross-validation (each recording's
 * count comes from the parameters with the lowest mean absolute error on all the others) and leave-one-user-out
 * (the same with all of one person's recordings held out). The parameters in src/core/step-counter.ts are the grid
 * point with the lowest mean absolute error over all recordings; this script checks that they are.
 *
 * Run: node --import tsx scripts/step-counter-cv.ts [--dataset DIR] [--write]
 *   --write replaces the part of docs/walking-data.md between the step-counter markers with the tables.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countFootSwitchSteps, parseAccelCsv } from '../src/core/accel-csv.js';
import {
  countSteps,
  createDetector,
  createScorer,
  OXFORD_REFERENCE_PARAMS,
  STEP_COUNTER_PARAMS,
  type StepCounterParams,
} from '../src/core/step-counter.js';

interface Recording {
  name: string;
  source: 'shared' | 'dataset';
  user: string;
  placement: string;
  samples: [number, number, number, number][];
  groundTruth: number;
}

const SHARED = new URL('../../shared/data/imu-steps/', import.meta.url).pathname;
const PLACEMENTS: Record<string, string> = {
  inhand: 'hand',
  hand: 'hand',
  frontpocket: 'front pocket',
  backpocket: 'back pocket',
  armband: 'armband',
  bag: 'bag',
  purse: 'bag (purse)',
  neckpouch: 'neck pouch',
  swingingarm: 'hand, arm swinging',
};
/** The data set's name of a shared file (the shared files are byte-for-byte copies). */
const datasetName = (shared: string) =>
  shared.startsWith('oxford_opt_')
    ? `optimisation/${shared.slice('oxford_opt_'.length).replace('_accelerometer.csv', '')}`
    : `validation/${shared.slice('oxford_'.length)}`;
const placementOf = (raw: string) => PLACEMENTS[raw.toLowerCase()] ?? raw;

function loadShared(): Recording[] {
  const out: Recording[] = [];
  for (const f of readdirSync(SHARED).sort()) {
    const validation = /^oxford_(user\d)_([a-z]+)_\d+\.csv$/.exec(f);
    if (validation) {
      const r = parseAccelCsv(readFileSync(join(SHARED, f), 'utf8'));
      out.push({
        name: f,
        source: 'shared',
        user: validation[1]!,
        placement: placementOf(validation[2]!),
        samples: r.samples,
        groundTruth: r.groundTruthSteps!,
      });
    }
    const opt = /^oxford_opt_(([A-Za-z]+)_([A-Za-z]+)_[A-Za-z]+_([A-Za-z]+)_\d+)_accelerometer\.csv$/.exec(f);
    if (opt) {
      const r = parseAccelCsv(readFileSync(join(SHARED, f), 'utf8'));
      const gt = countFootSwitchSteps(
        readFileSync(join(SHARED, f.replace('_accelerometer.csv', '_stepcounter.csv')), 'utf8'),
      );
      out.push({
        name: f,
        source: 'shared',
        user: opt[3]!,
        placement: placementOf(opt[4]!),
        samples: r.samples,
        groundTruth: gt,
      });
    }
  }
  return out;
}

function loadDataset(dir: string): Recording[] {
  const out: Recording[] = [];
  const stats = new Map<string, { user: string; position: string; steps: number }>();
  for (const line of readFileSync(join(dir, 'optimisation/stats.csv'), 'utf8').split('\n').slice(1)) {
    const c = line.split(',').map((s) => s.trim());
    if (c.length >= 7) stats.set(c[0]!, { user: c[1]!, position: c[3]!, steps: Number(c[6]) });
  }
  for (const d of readdirSync(join(dir, 'optimisation/data')).sort()) {
    const s = stats.get(d);
    if (!s) continue;
    const r = parseAccelCsv(readFileSync(join(dir, 'optimisation/data', d, 'accelerometer.csv'), 'utf8'));
    const gt = countFootSwitchSteps(readFileSync(join(dir, 'optimisation/data', d, 'stepcounter.csv'), 'utf8'));
    if (gt !== s.steps) throw new Error(`${d}: ${gt} foot-switch edges but stats.csv says ${s.steps}`);
    out.push({
      name: `optimisation/${d}`,
      source: 'dataset',
      user: s.user,
      placement: placementOf(s.position),
      samples: r.samples,
      groundTruth: gt,
    });
  }
  for (const f of readdirSync(join(dir, 'validation'))
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    const m = /^(user\d)_([a-z]+)_\d+\.csv$/.exec(f);
    if (!m) continue;
    const r = parseAccelCsv(readFileSync(join(dir, 'validation', f), 'utf8'));
    out.push({
      name: `validation/${f}`,
      source: 'dataset',
      user: m[1]!,
      placement: placementOf(m[2]!),
      samples: r.samples,
      groundTruth: r.groundTruthSteps!,
    });
  }
  return out;
}

/** The grid searched (the Oxford reference values are in it). */
const GRID = {
  filterTaps: [35, 51, 71],
  filterStd: [0.35, 0.5],
  scoreWindow: [11, 21, 41],
  threshold: [0.3, 0.4, 0.5, 0.6, 0.8, 1.2],
  minStepGapMs: [200, 300, 350],
};
/**
 * The score floor is not cross-validated: the recordings hold walking only, so a floor below the smallest step's
 * score changes nothing in them and the grid would always pick none. It is fixed (STEP_COUNTER_PARAMS.minScore) for
 * a phone lying still.
 */
const FLOOR = STEP_COUNTER_PARAMS.minScore;

const pct = (counted: number, truth: number) => ((counted - truth) / truth) * 100;
const mae = (xs: number[]) => xs.reduce((a, b) => a + Math.abs(b), 0) / xs.length;
const key = (p: StepCounterParams) =>
  `taps ${p.filterTaps}, std ${p.filterStd}, window ${p.scoreWindow}, threshold ${p.threshold}, gap ${p.minStepGapMs} ms, floor ${p.minScore} m/s²`;
const same = (a: StepCounterParams, b: StepCounterParams) => key(a) === key(b);

function main(): void {
  const { values } = parseArgs({ options: { dataset: { type: 'string' }, write: { type: 'boolean' } } });
  const shared = loadShared();
  const dataset = values.dataset ? loadDataset(values.dataset) : [];
  // The shared files are copies of dataset files: in the cross-validation each recording counts once.
  const pool = dataset.length > 0 ? dataset : shared;
  for (const r of shared) {
    const twin = dataset.find((d) => d.name === datasetName(r.name));
    if (dataset.length > 0 && (!twin || twin.samples.length !== r.samples.length || twin.groundTruth !== r.groundTruth))
      throw new Error(`${r.name} is not in the data set as ${datasetName(r.name)}`);
  }

  // Counts for every grid point and recording (scores once per filter setting).
  const points: StepCounterParams[] = [];
  const counts: number[][] = []; // [point][recording]
  for (const filterTaps of GRID.filterTaps)
    for (const filterStd of GRID.filterStd)
      for (const scoreWindow of GRID.scoreWindow) {
        const scores = pool.map((r) => {
          const out: number[] = [];
          const push = createScorer({ filterTaps, filterStd, scoreWindow }, (t, s) => out.push(t, s));
          for (const [t, x, y, z] of r.samples) push(t, x, y, z);
          return out;
        });
        for (const threshold of GRID.threshold)
          for (const minStepGapMs of GRID.minStepGapMs) {
            points.push({ filterTaps, filterStd, scoreWindow, threshold, minStepGapMs, minScore: FLOOR });
            counts.push(
              scores.map((s) => {
                const d = createDetector({ threshold, minStepGapMs, minScore: FLOOR });
                for (let i = 0; i < s.length; i += 2) d.onScore(s[i]!, s[i + 1]!);
                return d.times.length;
              }),
            );
          }
        process.stderr.write('.');
      }
  process.stderr.write('\n');
  const errs = counts.map((c) => c.map((n, i) => pct(n, pool[i]!.groundTruth)));
  const bestOn = (keep: (i: number) => boolean) => {
    let best = 0;
    let bestErr = Infinity;
    errs.forEach((e, p) => {
      const m = mae(e.filter((_, i) => keep(i)));
      if (m < bestErr) {
        bestErr = m;
        best = p;
      }
    });
    return best;
  };
  const overall = bestOn(() => true);
  const ranked = errs.map((e, p) => ({ p, m: mae(e) })).sort((a, b) => a.m - b.m);
  process.stderr.write(
    ranked
      .slice(0, 8)
      .map((r) => `${key(points[r.p]!)}: ${r.m.toFixed(2)} %`)
      .join('\n') + '\n',
  );
  if (!same(points[overall]!, STEP_COUNTER_PARAMS)) {
    throw new Error(`STEP_COUNTER_PARAMS are not the grid's best over all recordings: ${key(points[overall]!)}`);
  }
  const loro = pool.map((_, i) => {
    const p = bestOn((j) => j !== i);
    return { p, err: errs[p]![i]! };
  });
  const users = [...new Set(pool.map((r) => r.user))];
  const louo = new Array<{ p: number; err: number }>(pool.length);
  for (const u of users) {
    const p = bestOn((j) => pool[j]!.user !== u);
    pool.forEach((r, i) => {
      if (r.user === u) louo[i] = { p, err: errs[p]![i]! };
    });
  }
  // The Oxford reference parameters, counted on their own (no floor): the method as published.
  const refErrs = pool.map((r) => pct(countSteps(r.samples, OXFORD_REFERENCE_PARAMS).steps, r.groundTruth));

  const f1 = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(1);
  const lines: string[] = [];
  lines.push(
    `Figures from \`node --import tsx scripts/step-counter-cv.ts --dataset DIR --write\` (DIR: the Oxford step counter data set at 922cc0d); ${pool.length} recordings, ${users.length} people, grid of ${points.length} parameter sets.`,
  );
  lines.push('');
  lines.push(
    `Parameters used: ${key(STEP_COUNTER_PARAMS)} (the Oxford reference implementation's: ${key(OXFORD_REFERENCE_PARAMS)}).`,
  );
  lines.push('');
  lines.push(
    "**The issue's recordings** (`../shared/data/imu-steps`), counted by `footing steps` with the parameters used:",
  );
  lines.push('');
  lines.push(
    '| Recording | Placement | Counted steps (ground truth) | Steps counted | Error | Held-out error (leave one recording out) |',
  );
  lines.push('|---|---|---|---|---|---|');
  for (const r of shared) {
    const c = countSteps(r.samples).steps;
    const twin = pool.findIndex((p) => p.name === datasetName(r.name));
    const held = twin >= 0 && dataset.length > 0 ? `${f1(loro[twin]!.err)} %` : 'n/a';
    lines.push(`| ${r.name} | ${r.placement} | ${r.groundTruth} | ${c} | ${f1(pct(c, r.groundTruth))} % | ${held} |`);
  }
  lines.push('');
  if (dataset.length > 0) {
    lines.push('**Every placement in the data set**: mean absolute error (worst recording) of the total step count.');
    lines.push(
      '"Fitted" counts with the parameters used (chosen on all recordings, this one included); "held out" counts each recording with the parameters chosen without it (leave one recording out) or without its person (leave one user out); "Oxford" uses the reference implementation\'s parameters.',
    );
    lines.push('');
    lines.push('| Placement | Recordings | Fitted | Held out (recording) | Held out (user) | Oxford reference |');
    lines.push('|---|---|---|---|---|---|');
    const placements = [...new Set(pool.map((r) => r.placement))].sort();
    const cell = (xs: number[]) => `${mae(xs).toFixed(1)} % (${Math.max(...xs.map(Math.abs)).toFixed(1)} %)`;
    for (const pl of [...placements, 'all']) {
      const idx = pool.map((r, i) => (pl === 'all' || r.placement === pl ? i : -1)).filter((i) => i >= 0);
      lines.push(
        `| ${pl} | ${idx.length} | ${cell(idx.map((i) => errs[overall]![i]!))} | ${cell(idx.map((i) => loro[i]!.err))} | ${cell(idx.map((i) => louo[i]!.err))} | ${cell(idx.map((i) => refErrs[i]!))} |`,
      );
    }
    lines.push('');
    lines.push('<details><summary>Each recording</summary>');
    lines.push('');
    lines.push('| Recording | Person | Placement | Ground truth | Fitted | Held out (recording) | Held out (user) |');
    lines.push('|---|---|---|---|---|---|---|');
    pool.forEach((r, i) =>
      lines.push(
        `| ${r.name} | ${r.user} | ${r.placement} | ${r.groundTruth} | ${counts[overall]![i]} (${f1(errs[overall]![i]!)} %) | ${f1(loro[i]!.err)} % | ${f1(louo[i]!.err)} % |`,
      ),
    );
    lines.push('');
    lines.push('</details>');
    lines.push('');
    const chosen = new Map<string, number>();
    for (const l of loro) chosen.set(key(points[l.p]!), (chosen.get(key(points[l.p]!)) ?? 0) + 1);
    lines.push(
      `Grid: filter taps ${GRID.filterTaps.join('/')}, filter std ${GRID.filterStd.join('/')}, score window ${GRID.scoreWindow.join('/')}, threshold ${GRID.threshold.join('/')}, step gap ${GRID.minStepGapMs.join('/')} ms; score floor fixed at ${FLOOR} m/s² (a still phone; not cross-validated, the recordings hold walking only). Parameters chosen by the ${pool.length} leave-one-recording-out folds: ${[
        ...chosen,
      ]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} (${n})`)
        .join('; ')}.`,
    );
  }
  const text = lines.join('\n');
  process.stdout.write(text + '\n');
  if (values.write) {
    const doc = new URL('../docs/walking-data.md', import.meta.url).pathname;
    const md = readFileSync(doc, 'utf8');
    const begin = '<!-- step-counter:begin -->';
    const end = '<!-- step-counter:end -->';
    const a = md.indexOf(begin);
    const b = md.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/walking-data.md has no ${begin} ... ${end} markers`);
    writeFileSync(doc, md.slice(0, a + begin.length) + '\n' + text + '\n' + md.slice(b));
  }
}

if (!existsSync(SHARED)) throw new Error(`no ${SHARED}`);
main();
