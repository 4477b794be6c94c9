/**
 * Apple Health import throughput and memory.
 *
 * Builds a large export.xml by repeating the real records of ../shared/data/apple-health/export6s3sample.xml
 * (every copy shifted by one more minute, so records are distinct; 1 GB is ~250,000 copies of its 15 kept
 * records, about six months: the summary's per-day memory grows with days covered, not with bytes), then runs
 * each contender in its own child process (footing's with footing's node flags, the baselines with node's
 * defaults), and reads that process's peak RSS
 * (`process.resourceUsage().maxRSS`):
 *   0. the whole import as `footing import` runs it (the file read in two parts at once, by a worker thread and
 *      the main thread, which also merges and stores the day chunks in SQLite; daily totals; one transaction),
 *      with where its time went and each thread's CPU seconds (Linux), which name the bound whatever the load,
 *   1. the importer alone (fast scanner + normalise + merged daily totals, one thread),
 *   2. the importer forced onto its careful saxes path,
 *   3. a plain saxes pass that only counts elements (the floor any saxes-based importer pays),
 *   4. a naive whole-document parse of a smaller copy (read all to a string, saxes building a tree).
 *
 * Size: first argument or FOOTING_BENCH_MB (default 1024 MB); the naive copy: FOOTING_BENCH_NAIVE_MB (default 50).
 * Smoke mode (bench/smoke.test.ts): 4 MB and 1 MB, every contender, the whole import made to take the two-part path
 * that 1 GB takes (a worker thread and a cut from 1 MiB), and the counts checked.
 * Files go to os.tmpdir() and are deleted afterwards. Prints figures and ratios, never pass/fail.
 *   node --import tsx bench/import-apple-health.ts [MB]
 */
import { execFile } from 'node:child_process';
import type { ImportTiming } from '../src/services/import-walking.js';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SaxesParser } from 'saxes';
import { fileChunks } from '../src/importers/file-input.js';
import { footingNodeFlags } from '../src/cli/node-flags.js';
import { expectWork, failBench, type BenchFigures, type BenchOptions } from './_bench.js';

const SAMPLE = new URL('../../shared/data/apple-health/export6s3sample.xml', import.meta.url);
const APPLE_DATE = /(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2} [+-]\d{4})/g;
const SHIFT_MS = 60_000;
/** Issue 4's throughput target for the whole import. */
const TARGET_MBPS = 150;
/** Issue 4's peak resident memory bound for the whole import. */
const TARGET_RSS_MB = 200;

/** Writes an export of about `bytes` bytes: the sample's prolog, its body repeated with dates shifted by k days. */
export async function buildExport(path: string, bytes: number): Promise<{ bytes: number; copies: number }> {
  const text = readFileSync(SAMPLE, 'utf8');
  const bodyStart = text.indexOf('\n', text.indexOf('<Me ')) + 1;
  const bodyEnd = text.lastIndexOf('</HealthData>');
  const head = text.slice(0, bodyStart);
  const body = text.slice(bodyStart, bodyEnd);
  // Split the body around its dates once; each copy only formats shifted dates.
  const parts: string[] = [];
  const dates: { ms: number; zone: string }[] = [];
  let last = 0;
  for (const m of body.matchAll(APPLE_DATE)) {
    parts.push(body.slice(last, m.index));
    const [hh, mm, ss] = m[4]!.slice(0, 8).split(':').map(Number) as [number, number, number];
    dates.push({ ms: Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hh, mm, ss), zone: m[4]!.slice(8) });
    last = m.index! + m[0].length;
  }
  parts.push(body.slice(last));
  // ActivitySummary dateComponents="YYYY-MM-DD" stay as they are: they are not imported.
  const out = createWriteStream(path, { highWaterMark: 4 * 1024 * 1024 });
  const write = (s: string): Promise<void> | void => {
    if (!out.write(s)) return new Promise((r) => out.once('drain', () => r()));
  };
  await write(head);
  let written = Buffer.byteLength(head);
  let copies = 0;
  let pending: string[] = [];
  while (written < bytes) {
    const shift = copies * SHIFT_MS;
    let s = parts[0]!;
    for (let i = 0; i < dates.length; i++) {
      // Wall time shifted, zone kept: "YYYY-MM-DD HH:MM:SS +0100"
      const iso = new Date(dates[i]!.ms + shift).toISOString();
      s += `${iso.slice(0, 10)} ${iso.slice(11, 19)}${dates[i]!.zone}${parts[i + 1]}`;
    }
    pending.push(s);
    written += s.length; // the sample is ASCII
    copies++;
    if (pending.length === 256) {
      await write(pending.join(''));
      pending = [];
    }
  }
  pending.push('</HealthData>\n');
  await write(pending.join(''));
  await new Promise<void>((r) => out.end(() => r()));
  return { bytes: statSync(path).size, copies };
}

type Mode = 'baseline' | 'importer' | 'importer-saxes' | 'saxes-count' | 'naive-tree' | 'full-import';

/** Loads the modules a contender needs, before its clock starts (their loading is not parsing). */
async function preload(mode: Mode): Promise<void> {
  if (mode === 'full-import') {
    // The CLI's modules too (every command's), so that peak memory is what `footing import` itself would show.
    await Promise.all([
      import('../src/cli/commands.js'),
      import('../src/store/db.js'),
      import('../src/services/import-walking.js'),
      import('../src/store/repos/people.js'),
    ]);
  } else if (mode === 'importer' || mode === 'importer-saxes') await import('../src/importers/apple-health/import.js');
}

/** In smoke mode the whole import reads its few MB in two parts, as it reads a large export by default. */
const SMOKE_IMPORT = { worker: 'always', splitMinBytes: 1024 * 1024 } as const;

/** Runs one contender in this process; returns what it counted (and, for the whole import, where time went). */
async function runMode(
  mode: Mode,
  path: string,
  smoke: boolean,
): Promise<number | { count: number; timing: ImportTiming }> {
  // Same modules loaded, nothing parsed: the RSS every child starts from.
  if (mode === 'baseline') return 0;
  if (mode === 'full-import') {
    // The whole import as `footing import` does it: parse, normalise, store (SQLite file, one transaction) and
    // daily totals.
    // Loaded per contender, as `footing import` loads them (peak RSS counts only what a contender needs).
    const { migrate, openStore } = await import('../src/store/db.js');
    const { importWalkingFile } = await import('../src/services/import-walking.js');
    const { ensureLocalPerson } = await import('../src/store/repos/people.js');
    const dir = mkdtempSync(join(tmpdir(), 'footing-bench-db-'));
    const store = openStore({ kind: 'sqlite', path: join(dir, 'bench.sqlite') });
    try {
      await migrate(store);
      const me = await ensureLocalPerson(store.db);
      const r = await importWalkingFile(store, me.id, path, smoke ? SMOKE_IMPORT : {});
      if (!r.summary.ok) throw new Error(`import failed: ${JSON.stringify(r.summary.issues[0])}`);
      return { count: r.added, timing: r.timing };
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (mode === 'importer' || mode === 'importer-saxes') {
    const { importAppleHealth } = await import('../src/importers/apple-health/import.js');
    const summary = await importAppleHealth(path, {
      parser: mode === 'importer' ? 'auto' : 'saxes',
      onBatch: () => {},
    });
    if (!summary.ok || summary.errorCount > 0) throw new Error(`import failed: ${JSON.stringify(summary.issues[0])}`);
    return summary.samples;
  }
  if (mode === 'saxes-count') {
    const parser = new SaxesParser();
    let elements = 0;
    parser.on('opentag', () => {
      elements++;
    });
    const decoder = new TextDecoder();
    for await (const chunk of fileChunks(path)) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    parser.close();
    return elements;
  }
  // Naive: whole file to a string, then a tree of plain objects.
  interface Node {
    name: string;
    attributes: Record<string, string>;
    children: Node[];
  }
  const text = await readFile(path, 'utf8');
  const root: Node = { name: '#document', attributes: {}, children: [] };
  const stack: Node[] = [root];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  let n = 0;
  const walk = (node: Node): void => {
    n++;
    node.children.forEach(walk);
  };
  walk(root);
  return n - 1;
}

interface Figures {
  mode: Mode;
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  count: number;
  maxRssMB: number;
  timing?: ImportTiming;
}

/** The baselines run as anyone would run them (node's defaults): footing's flags are footing's, not theirs. */
const BASELINES: readonly Mode[] = ['saxes-count', 'naive-tree'];

/** Runs one contender in its own process (waiting without blocking this one's event loop). */
async function child(mode: Mode, path: string, smoke = false): Promise<Figures> {
  const self = fileURLToPath(import.meta.url);
  const flags = BASELINES.includes(mode) ? [] : footingNodeFlags();
  const res = await promisify(execFile)(
    process.execPath,
    [...flags, '--import', 'tsx', self, '--child', mode, path, ...(smoke ? ['smoke'] : [])],
    { encoding: 'utf8' },
  ).catch((e: { stderr?: string; message: string }) => failBench(`${mode} failed: ${e.stderr || e.message}`));
  const f = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as Figures;
  expectWork(mode === 'baseline' || f.count > 0, `${mode} counted nothing in ${path}`);
  return f;
}

function mbps(f: Figures): number {
  return f.bytes / 1e6 / f.seconds;
}

/** Builds the files, runs every contender in a child process, prints figures and ratios. */
export async function run(options: BenchOptions & { sizeMB?: number } = {}): Promise<BenchFigures> {
  const sizeMB = options.smoke ? 4 : (options.sizeMB ?? Number(process.env.FOOTING_BENCH_MB ?? 1024));
  const naiveMB = options.smoke ? 1 : Number(process.env.FOOTING_BENCH_NAIVE_MB ?? 50);
  const big = join(tmpdir(), `footing-bench-export-${process.pid}.xml`);
  const small = join(tmpdir(), `footing-bench-export-small-${process.pid}.xml`);
  try {
    const loadBefore = loadavg();
    const t0 = performance.now();
    const built = await buildExport(big, sizeMB * 1e6);
    await buildExport(small, naiveMB * 1e6);
    console.log(
      `built ${(built.bytes / 1e6).toFixed(0)} MB (${built.copies} copies of the sample) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const smoke = options.smoke === true;
    // One after another: each contender has the machine to itself (as far as this bench is concerned).
    const rows: Figures[] = [];
    for (const [mode, file, smokeImport] of [
      ['baseline', small],
      ['full-import', big, smoke],
      ['importer', big],
      ['importer-saxes', big],
      ['saxes-count', big],
      ['importer', small],
      ['naive-tree', small],
    ] as Array<[Mode, string, boolean?]>)
      rows.push(await child(mode, file, smokeImport));
    console.log(
      `machine: ${cpus().length} cores, load average before the runs ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log('contender          size      wall MB/s   CPU MB/s   peak RSS');
    for (const f of rows) {
      console.log(
        `${f.mode.padEnd(15)} ${(f.bytes / 1e6).toFixed(0).padStart(6)} MB  ${mbps(f).toFixed(1).padStart(9)}  ${(f.bytes / 1e6 / f.cpuSeconds).toFixed(1).padStart(9)}   ${f.maxRssMB.toFixed(0).padStart(5)} MB  (${f.count} ${f.mode.startsWith('importer') ? 'samples' : f.mode === 'full-import' ? 'samples stored' : 'elements'})`,
      );
    }
    console.log(
      "CPU MB/s divides by the process's user+system CPU time (GC helper threads included): less sensitive to other load.",
    );
    const [base, full, imp, impSax, count, impSmall, naive] = rows as [
      Figures,
      Figures,
      Figures,
      Figures,
      Figures,
      Figures,
      Figures,
    ];
    const above = (f: Figures) => Math.max(1, f.maxRssMB - base.maxRssMB);
    const size = (f: Figures) => `${(f.bytes / 1e6).toFixed(0)} MB`;
    console.log('');
    console.log(
      `WHOLE IMPORT (parse, normalise, store in SQLite, daily totals; ${size(full)}): ${mbps(full).toFixed(1)} MB/s, peak RSS ${full.maxRssMB.toFixed(0)} MB`,
    );
    console.log(
      `  plain saxes element count (${size(count)}):  ${mbps(count).toFixed(1)} MB/s, peak RSS ${count.maxRssMB.toFixed(0)} MB  -> whole import ${(mbps(full) / mbps(count)).toFixed(2)}x`,
    );
    console.log(
      `  naive whole-document parse (${size(naive)}): ${mbps(naive).toFixed(1)} MB/s, peak RSS ${naive.maxRssMB.toFixed(0)} MB (${(above(naive) / (naive.bytes / 1e6)).toFixed(1)} MB per MB of input above the ${base.maxRssMB.toFixed(0)} MB baseline: a 2 GB export would need ~${((above(naive) / (naive.bytes / 1e6)) * 2).toFixed(0)} GB) -> whole import ${(mbps(full) / mbps(naive)).toFixed(2)}x`,
    );
    console.log(
      `  target: >= ${TARGET_MBPS} MB/s and >= 2x the plain saxes pass, peak RSS < ${TARGET_RSS_MB} MB. Here: ${mbps(full) >= TARGET_MBPS ? 'met' : 'not met'} (MB/s: ${mbps(full).toFixed(1)}, wall time, depends on the load), ` +
        `${mbps(full) >= 2 * mbps(count) ? 'met' : 'not met'} (2x saxes: ${(mbps(full) / mbps(count)).toFixed(2)}x), ${full.maxRssMB < TARGET_RSS_MB ? 'met' : 'not met'} (RSS: ${full.maxRssMB.toFixed(1)} MB, ${(TARGET_RSS_MB - full.maxRssMB).toFixed(1)} MB to spare; ${base.maxRssMB.toFixed(0)} MB of it is the runtime with the modules loaded).`,
    );
    const tm = full.timing;
    if (smoke)
      expectWork(
        tm?.parts === 2,
        `the whole import read the file in ${tm?.parts ?? '?'} part(s), not the two it reads a large export in`,
      );
    if (tm) {
      const pct = (ms: number) => `${((ms / tm.totalMs) * 100).toFixed(0)}%`;
      const two = tm.parts === 2;
      // Roles of the two threads: with two parts the main thread reads the second part besides storing.
      const worker = two ? 'worker thread (first part)' : 'parser thread';
      const main = two
        ? 'main thread (second part, merging and storing every chunk)'
        : 'store thread (merging and storing chunks)';
      console.log(
        `  where the time went (${(tm.totalMs / 1000).toFixed(1)} s, ${two ? 'the file read in two parts at once: the worker thread up to the cut, the main thread from it' : tm.onWorker ? 'parser on a worker thread, store on the main thread' : 'one thread'}):`,
      );
      console.log(
        `    start-up to first chunks ${pct(tm.firstBatchMs)}; ${two ? "the worker's chunks merged" : 'storing chunks'} ${pct(tm.storeMs)}; worker blocked waiting for the main thread ${pct(tm.parserBlockedMs)}; days + commit ${pct(tm.finishMs)}`,
      );
      if (tm.parserCpuMs !== null && tm.mainCpuMs !== null) {
        // CPU seconds per thread do not depend on how busy the machine is: they say which side bounds the import.
        const parserS = tm.parserCpuMs / 1000;
        const mainS = tm.mainCpuMs / 1000;
        const mb = full.bytes / 1e6;
        const slower = Math.max(parserS, mainS);
        console.log(
          `    CPU (per thread, load-independent): ${worker} ${parserS.toFixed(1)} s, ${main} ${mainS.toFixed(1)} s; whole process ${full.cpuSeconds.toFixed(1)} s with GC threads. The saxes pass: ${count.cpuSeconds.toFixed(1)} s CPU (${(mb / count.cpuSeconds).toFixed(0)} MB/s).`,
        );
        const perMB = (cpuS: number) => (cpuS * 1000) / mb;
        const budget = 1000 / TARGET_MBPS;
        console.log(
          `    bound: the ${mainS >= parserS ? main : worker}. With a free core for each thread the import would run at ~${(mb / slower).toFixed(0)} MB/s; both threads and V8's GC helpers share the ${cpus().length} cores, so the whole process's CPU also bounds it: ~${((cpus().length * mb) / full.cpuSeconds).toFixed(0)} MB/s.`,
        );
        // What the target asks of each thread, in the same load-independent unit.
        console.log(
          `    target ${TARGET_MBPS} MB/s = at most ${budget.toFixed(1)} ms of CPU per MB on each thread, and ${(2 * budget).toFixed(1)} ms per MB for the whole process on ${cpus().length} cores: ` +
            `${worker} ${perMB(parserS).toFixed(1)} ms/MB (${(perMB(parserS) / budget).toFixed(2)}x the budget), main thread ${perMB(mainS).toFixed(1)} ms/MB (${(perMB(mainS) / budget).toFixed(2)}x), whole process ${perMB(full.cpuSeconds).toFixed(1)} ms/MB (${(perMB(full.cpuSeconds) / (2 * budget)).toFixed(2)}x).`,
        );
      }
    }
    console.log('');
    console.log(
      `importer alone (parse + normalise, one thread) / saxes element count: ${(mbps(imp) / mbps(count)).toFixed(2)}x throughput`,
    );
    console.log(`importer / importer on saxes:   ${(mbps(imp) / mbps(impSax)).toFixed(2)}x throughput`);
    console.log(
      `peak RSS above the ${base.maxRssMB.toFixed(0)} MB baseline: whole import ${above(full).toFixed(0)} MB, importer ${above(imp).toFixed(0)} MB on ${size(imp)}, ${above(impSmall).toFixed(0)} MB on ${size(impSmall)}; importer ${(mbps(impSmall) / mbps(naive)).toFixed(2)}x the naive parse's throughput`,
    );
    // Every copy of the sample is distinct, so the paths agree on what they found.
    expectWork(
      imp.count === impSax.count && full.count === imp.count,
      `samples: whole import stored ${full.count}, importer ${imp.count}, importer on saxes ${impSax.count}`,
    );
    return {
      wholeImportMBps: mbps(full),
      wholeImportPeakRssMB: full.maxRssMB,
      saxesCountMBps: mbps(count),
      importerMBps: mbps(imp),
      importerSaxesMBps: mbps(impSax),
      naiveMBps: mbps(naive),
      wholeImportToSaxes: mbps(full) / mbps(count),
    };
  } finally {
    rmSync(big, { force: true });
    rmSync(small, { force: true });
  }
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain && process.argv[2] === '--child') {
  const mode = process.argv[3] as Mode;
  const path = process.argv[4]!;
  await preload(mode);
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await runMode(mode, path, process.argv[5] === 'smoke');
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - t) / 1000;
  const figures: Figures = {
    mode,
    bytes: statSync(path).size,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    count: typeof result === 'number' ? result : result.count,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    ...(typeof result === 'number' ? {} : { timing: result.timing }),
  };
  console.log(JSON.stringify(figures));
} else if (isMain) {
  await run(process.argv[2] ? { sizeMB: Number(process.argv[2]) } : {});
}
