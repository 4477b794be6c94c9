import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFileInWorker } from './import-in-worker.js';
import { WalkingDaysAccumulator } from '../core/walking-day.js';
import { sampleAt, type SampleChunk } from '../core/walking-chunk.js';
import { sharedData } from '../../test/helpers/shared-data.js';
import type { WalkingSample } from '../core/walking.js';

const APPLE = sharedData('apple-health/export6s3sample.xml');
const FIT = sharedData('fit/garmin-fenix-5-walk.fit');
const tmp = mkdtempSync(join(tmpdir(), 'footing-worker-'));

/** The samples of day chunks, as WalkingSamples. */
const samplesOf = (chunks: readonly SampleChunk[]): WalkingSample[] =>
  chunks.flatMap((c) => Array.from({ length: c.samples.count }, (_, i) => sampleAt(c, c.samples, i)));

/** Independent expectation: the StepCount records straight from the XML text, in file order. */
function appleSteps(xml: string): { start: string; value: number }[] {
  return [
    ...xml.matchAll(/<Record type="HKQuantityTypeIdentifierStepCount"[^>]*?startDate="([^"]+)"[^>]*?value="([\d.]+)"/g),
  ].map((m) => ({
    start: `${m[1]!.slice(0, 10)}T${m[1]!.slice(11, 19)}${m[1]!.slice(20, 23)}:${m[1]!.slice(23, 25)}`,
    value: Number(m[2]),
  }));
}

test('An Apple export parsed on a worker arrives as day chunks holding every record, and their days sum the file', async () => {
  const got: WalkingSample[] = [];
  const days = new WalkingDaysAccumulator();
  const r = await importFileInWorker(APPLE, {
    onChunks: (chunks) => {
      for (const c of chunks) days.addChunk(c);
      // Each chunk is one stream on one local date (the date of its samples' start text).
      for (const c of chunks)
        for (const s of samplesOf([c]))
          assert.deepEqual([s.start.slice(0, 10), s.kind, s.device ?? ''], [c.date, c.kind, c.device]);
      got.push(...samplesOf(chunks));
    },
  });
  assert.equal(r.summary.ok, true);
  assert.equal(got.length, 15);
  assert.deepEqual(
    got.filter((s) => s.kind === 'steps').map((s) => ({ start: s.start, value: s.value })),
    appleSteps(readFileSync(APPLE, 'utf8')),
  );
  const stepsByDay = new Map<string, number>();
  for (const s of appleSteps(readFileSync(APPLE, 'utf8')))
    stepsByDay.set(s.start.slice(0, 10), (stepsByDay.get(s.start.slice(0, 10)) ?? 0) + s.value);
  const results = days.results();
  assert.ok(results.length >= stepsByDay.size);
  for (const d of results) assert.equal(d.day.steps, Math.round(stepsByDay.get(d.day.date) ?? 0), d.day.date);
});

test('Other formats run on the worker too (a FIT walk gives the same samples as a second run in process order)', async () => {
  const a: WalkingSample[] = [];
  const b: WalkingSample[] = [];
  await importFileInWorker(FIT, { onChunks: (c) => void a.push(...samplesOf(c)) });
  const r = await importFileInWorker(FIT, { onChunks: (c) => void b.push(...samplesOf(c)), batchSize: 1 });
  assert.ok(a.length > 0);
  assert.deepEqual(b, a); // batch boundaries do not change what arrives
  assert.equal(r.summary.format, 'fit');
});

test('A slow store holds the parser back (back-pressure), and a store error ends the import with that error', async () => {
  const xml = readFileSync(APPLE, 'utf8');
  const body = xml.slice(xml.indexOf('<Record'), xml.lastIndexOf('</HealthData>'));
  const many = join(tmp, 'many.xml');
  writeFileSync(
    many,
    xml.replace('</HealthData>', `${body.repeat(300).replaceAll('2014-09-', '2015-09-')}</HealthData>`),
  );
  let batches = 0;
  const slow = await importFileInWorker(many, {
    batchSize: 5,
    maxInFlight: 1,
    maxChunkSamples: 20,
    onChunks: async () => {
      batches++;
      await new Promise((r) => setTimeout(r, 5));
    },
  });
  assert.ok(batches > 10, `batches ${batches}`);
  assert.ok(slow.timing.parserBlockedMs > 0, `the worker waited for the store: ${JSON.stringify(slow.timing)}`);
  await assert.rejects(
    importFileInWorker(many, {
      batchSize: 5,
      maxChunkSamples: 20,
      onChunks: () => {
        throw new Error('disk full');
      },
    }),
    /disk full/,
  );
});

test('The worker starts whatever the current directory (footing import run from elsewhere than the project)', async () => {
  const before = process.cwd();
  process.chdir(tmp);
  try {
    let n = 0;
    const r = await importFileInWorker(APPLE, {
      onChunks: (chunks) => {
        for (const c of chunks) n += c.samples.count;
      },
    });
    assert.deepEqual([r.summary.ok, n], [true, 15]);
  } finally {
    process.chdir(before);
  }
});
