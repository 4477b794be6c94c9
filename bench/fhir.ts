/**
 * FHIR export and $everything for a patient with a year of data (issue 15, speed): steps every 15 minutes (brought in
 * as an NDJSON file of FHIR Observations through `importWalkingFile`, so the FHIR import is timed too) and a daily
 * check-in (back and neck). In-process Fastify on a temporary SQLite file, local mode. Figures: time of the import;
 * for GET /api/export/fhir (read over a real socket by a client that only hashes the bytes), for `footing export
 * --format fhir` (writing a file) and for the whole bundle built and stringified in memory (the CLI's way before the
 * export was streamed, kept as the baseline of the same run): time and the peak growth of resident memory, each in
 * a process of its own (_fhir-memory.ts, the kernel's own peak). $everything: time and RSS growth sampled every
 * 2 ms in this process after a full GC (a rougher figure: freed pages are reused without growing RSS). Smoke mode (bench/smoke.test.ts): 3 days.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { addDays } from '../src/core/dates.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';
import { buildApp } from '../src/server/app.js';
import { importWalkingFile } from '../src/services/import-walking.js';
import { freshStore } from '../test/helpers/databases.js';
import { expectWork, failBench, type BenchFigures, type BenchOptions } from './_bench.js';

const START = '2025-12-01';
const STEPS_PER_QUARTER = (i: number) => 40 + (i % 11) * 7;

async function send(app: FastifyInstance, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
  expectWork(
    res.statusCode >= 200 && res.statusCode < 300,
    `${method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`,
  );
  return res;
}

setFlagsFromString('--expose-gc');
/** A full collection before each measurement, so that garbage left by the previous one does not count (or hide) here. */
const fullGc = runInNewContext('gc') as () => void;

/** A GET over a real socket: the status, the body's byte count and SHA-256 (the body itself is not kept). */
function hashedGet(port: number, path: string): Promise<{ status: number; bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      const hash = createHash('sha256');
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        hash.update(c);
        bytes += c.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, sha256: hash.digest('hex') }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

/** Runs `work` and returns its time and the peak growth of RSS over it (MB). */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  fullGc();
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  const t0 = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - t0, peakMb: (Math.max(peak, process.memoryUsage.rss()) - base) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

export async function run(options: BenchOptions = {}): Promise<BenchFigures> {
  const days = options.smoke ? 3 : 365;
  const { store, cleanup } = await freshStore('sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'footing-bench-fhir-'));
  const app = await buildApp({ store, webRoot: null });
  try {
    const answers = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
    await send(app, 'POST', `/api/screen?date=${START}`, { answers, birthYear: 1968 });
    const personId = (await store.db.selectFrom('people').select('id').executeTakeFirstOrThrow()).id;

    // A year of steps every 15 minutes, as another system's FHIR NDJSON; one expected total a day.
    const lines: string[] = [];
    const perDay = new Map<string, number>();
    for (let d = 0; d < days; d++) {
      const date = addDays(START, d);
      for (let q = 0; q < 96; q++) {
        const start = new Date(Date.parse(`${date}T00:00:00Z`) + q * 900_000).toISOString().replace('.000Z', 'Z');
        const end = new Date(Date.parse(start) + 900_000).toISOString().replace('.000Z', 'Z');
        const value = STEPS_PER_QUARTER(d * 96 + q);
        perDay.set(date, (perDay.get(date) ?? 0) + value);
        lines.push(
          JSON.stringify({
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '55423-8' }] },
            subject: { reference: 'Patient/other-system-1' },
            effectivePeriod: { start, end },
            valueQuantity: { value, system: 'http://unitsofmeasure.org', code: '{steps}' },
            device: { display: 'Pedometer' },
          }),
        );
      }
    }
    const file = join(dir, 'steps.ndjson');
    writeFileSync(file, lines.join('\n'));
    const imported = await measured(() => importWalkingFile(store, personId, file, { worker: 'never' }));
    expectWork(
      imported.value.summary.ok && imported.value.added === days * 96,
      `the import stored ${imported.value.added} of ${days * 96} samples (${JSON.stringify(imported.value.summary.issues.slice(0, 2))})`,
    );
    for (let d = 0; d < days; d++)
      await send(app, 'POST', '/api/checkins', {
        at: `${addDays(START, d)}T07:30:00+00:00`,
        context: 'daily',
        back: 2 + (d % 4),
        neck: 1,
        regions: [],
      });
    const today = addDays(START, days - 1);

    // Each export measured in a process of its own (_fhir-memory.ts: the kernel's peak RSS, not a sampled one).
    const dbPath = store.config.kind === 'sqlite' ? store.config.path : failBench('the FHIR bench runs on SQLite');
    const child = (mode: 'http' | 'cli' | 'whole' | 'everything') => {
      const text = execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--import',
          'tsx',
          fileURLToPath(new URL('./_fhir-memory.ts', import.meta.url)),
          mode,
          dbPath,
          personId,
          today,
          join(dir, `${mode}.json`),
        ],
        { encoding: 'utf8' },
      );
      return JSON.parse(text.trim().split('\n').at(-1)!) as {
        bytes: number;
        ms: number;
        baseMb: number;
        peakGrowthMb: number;
      };
    };
    const streamed = child('http');
    const cli = child('cli');
    const whole = child('whole');
    const everythingChild = child('everything');

    // The answer read whole, to check its content (its length equals the socket's: only the timestamp's digits differ).
    const body = (await send(app, 'GET', `/api/export/fhir?date=${today}`)).body;
    expectWork(
      Buffer.byteLength(body) === streamed.bytes,
      `the export over the socket has ${streamed.bytes} bytes, read whole ${Buffer.byteLength(body)}`,
    );
    const bundle = JSON.parse(body) as {
      entry: {
        resource: {
          resourceType: string;
          code?: { coding: { code: string }[] };
          effectiveDateTime?: string;
          valueQuantity?: { value: number };
        };
      }[];
    };
    const steps = bundle.entry.map((e) => e.resource).filter((r) => r.code?.coding[0]?.code === '41950-7');
    expectWork(
      steps.length === days && steps.every((s) => s.valueQuantity?.value === perDay.get(s.effectiveDateTime!)),
      `the export has ${steps.length} step days for ${days}, each the day's sum`,
    );
    const pain = bundle.entry.filter((e) => e.resource.code?.coding[0]?.code === '72514-3').length;
    expectWork(pain === days * 2, `the export has ${pain} pain scores for ${days * 2}`);
    // The same bytes but Bundle.timestamp (the time of each export): the CLI's file without its timestamp equals the baseline's.
    const cliText = readFileSync(join(dir, 'cli.json'), 'utf8').replace(/\n {2}"timestamp": "[^"]*",/, '');
    expectWork(
      sha256(cliText) === sha256(readFileSync(join(dir, 'whole.json'))),
      'footing export --format fhir wrote other bytes than the whole bundle stringified',
    );

    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const everything = await measured(() => hashedGet(port, `/fhir/R4/Patient/${personId}/$everything`));
    const total = (
      JSON.parse((await send(app, 'GET', `/fhir/R4/Patient/${personId}/$everything`)).body) as { total: number }
    ).total;
    expectWork(
      everything.value.status === 200 && total === bundle.entry.length,
      `$everything has ${total} resources, the export ${bundle.entry.length}`,
    );

    const mb = (n: number) => (n / 1e6).toFixed(2);
    const peak = (c: { peakGrowthMb: number; baseMb: number }) =>
      `peak RSS +${c.peakGrowthMb.toFixed(1)} MB over ${c.baseMb.toFixed(0)} MB`;
    console.log(
      `${days} days: ${days * 96} step samples (every 15 min) imported in ${imported.ms.toFixed(0)} ms; ${days} check-ins`,
    );
    console.log(
      `GET /api/export/fhir: ${streamed.ms.toFixed(0)} ms, ${mb(streamed.bytes)} MB, ${bundle.entry.length} resources, ${peak(streamed)}`,
    );
    console.log(`footing export --format fhir: ${cli.ms.toFixed(0)} ms, ${mb(cli.bytes)} MB, ${peak(cli)}`);
    console.log(
      `  baseline, the whole bundle stringified in memory (the CLI's way before): ${whole.ms.toFixed(0)} ms, ${peak(whole)}; CLI/baseline peak ${(cli.peakGrowthMb / whole.peakGrowthMb).toFixed(2)}`,
    );
    console.log(
      `GET /fhir/R4/Patient/:id/$everything: ${everything.ms.toFixed(0)} ms, ${mb(everything.value.bytes)} MB, peak RSS +${everything.peakMb.toFixed(1)} MB (sampled, in the bench's process)`,
    );
    console.log(
      `  in a process of its own: ${everythingChild.ms.toFixed(0)} ms, ${mb(everythingChild.bytes)} MB, ${peak(everythingChild)}`,
    );
    expectWork(
      everythingChild.bytes === everything.value.bytes,
      `$everything gave ${everythingChild.bytes} bytes in its own process, ${everything.value.bytes} here`,
    );
    return {
      import_ms: imported.ms,
      export_ms: streamed.ms,
      export_mb: streamed.bytes / 1e6,
      export_peak_rss_mb: streamed.peakGrowthMb,
      cli_ms: cli.ms,
      cli_peak_rss_mb: cli.peakGrowthMb,
      whole_ms: whole.ms,
      whole_peak_rss_mb: whole.peakGrowthMb,
      everything_ms: everything.ms,
      everything_peak_rss_mb: everything.peakMb,
      everything_own_peak_rss_mb: everythingChild.peakGrowthMb,
      resources: bundle.entry.length,
    };
  } finally {
    await app.close();
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}
