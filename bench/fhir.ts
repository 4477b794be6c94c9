/**
 * FHIR export and $everything for a patient with a year of data (issue 15, speed): steps every 15 minutes (brought in
 * as an NDJSON file of FHIR Observations through `importWalkingFile`, so the FHIR import is timed too) and a daily
 * check-in (back and neck). In-process Fastify on a temporary SQLite file, local mode. Figures: time of the import,
 * of GET /api/export/fhir and of GET /fhir/R4/Patient/:id/$everything, the size of the answer, and the peak growth of
 * the process's resident memory while each answer is made (sampled every 2 ms). Both answers are streamed a batch of
 * entries at a time (src/core/fhir/bundle-stream.ts); the mapping still builds the record's resources in memory.
 * Smoke mode (bench/smoke.test.ts): 3 days.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { addDays } from '../src/core/dates.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';
import { buildApp } from '../src/server/app.js';
import { importWalkingFile } from '../src/services/import-walking.js';
import { freshStore } from '../test/helpers/databases.js';
import { expectWork, type BenchFigures, type BenchOptions } from './_bench.js';

const START = '2025-12-01';
const STEPS_PER_QUARTER = (i: number) => 40 + (i % 11) * 7;

async function send(app: FastifyInstance, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
  expectWork(res.statusCode >= 200 && res.statusCode < 300, `${method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res;
}

/** Runs `work` and returns its time and the peak growth of RSS over it (MB). */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 2);
  const t0 = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - t0, peakMb: (Math.max(peak, process.memoryUsage.rss()) - base) / 1e6 };
  } finally { clearInterval(timer); }
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
        lines.push(JSON.stringify({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '55423-8' }] }, subject: { reference: 'Patient/other-system-1' }, effectivePeriod: { start, end }, valueQuantity: { value, system: 'http://unitsofmeasure.org', code: '{steps}' }, device: { display: 'Pedometer' } }));
      }
    }
    const file = join(dir, 'steps.ndjson');
    writeFileSync(file, lines.join('\n'));
    const imported = await measured(() => importWalkingFile(store, personId, file, { worker: 'never' }));
    expectWork(imported.value.summary.ok && imported.value.added === days * 96, `the import stored ${imported.value.added} of ${days * 96} samples (${JSON.stringify(imported.value.summary.issues.slice(0, 2))})`);
    for (let d = 0; d < days; d++) await send(app, 'POST', '/api/checkins', { at: `${addDays(START, d)}T07:30:00+00:00`, context: 'daily', back: 2 + (d % 4), neck: 1, regions: [] });
    const today = addDays(START, days - 1);

    const exported = await measured(async () => (await send(app, 'GET', `/api/export/fhir?date=${today}`)).body);
    const bundle = JSON.parse(exported.value) as { entry: { resource: { resourceType: string; code?: { coding: { code: string }[] }; effectiveDateTime?: string; valueQuantity?: { value: number } } }[] };
    const steps = bundle.entry.map((e) => e.resource).filter((r) => r.code?.coding[0]?.code === '41950-7');
    expectWork(steps.length === days && steps.every((s) => s.valueQuantity?.value === perDay.get(s.effectiveDateTime!)), `the export has ${steps.length} step days for ${days}, each the day's sum`);
    const pain = bundle.entry.filter((e) => e.resource.code?.coding[0]?.code === '72514-3').length;
    expectWork(pain === days * 2, `the export has ${pain} pain scores for ${days * 2}`);

    const everything = await measured(async () => (await send(app, 'GET', `/fhir/R4/Patient/${personId}/$everything`)).body);
    const total = (JSON.parse(everything.value) as { total: number }).total;
    expectWork(total === bundle.entry.length, `$everything has ${total} resources, the export ${bundle.entry.length}`);

    console.log(`${days} days: ${days * 96} step samples (every 15 min) imported in ${imported.ms.toFixed(0)} ms; ${days} check-ins`);
    console.log(`GET /api/export/fhir: ${exported.ms.toFixed(0)} ms, ${(exported.value.length / 1e6).toFixed(2)} MB, ${bundle.entry.length} resources, peak RSS +${exported.peakMb.toFixed(1)} MB`);
    console.log(`GET /fhir/R4/Patient/:id/$everything: ${everything.ms.toFixed(0)} ms, ${(everything.value.length / 1e6).toFixed(2)} MB, peak RSS +${everything.peakMb.toFixed(1)} MB`);
    return {
      import_ms: imported.ms, export_ms: exported.ms, export_mb: exported.value.length / 1e6, export_peak_rss_mb: exported.peakMb,
      everything_ms: everything.ms, everything_peak_rss_mb: everything.peakMb, resources: bundle.entry.length,
    };
  } finally {
    await app.close();
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}
