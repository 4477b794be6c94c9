/**
 * Property tests: real files, damaged at random (cut at any offset, bytes flipped, closing tags dropped).
 * Every outcome must be a summary, never a thrown error, and every error and warning must say where it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { importAppleHealth } from './apple-health/import.js';
import { importFile } from './import-file.js';
import { collectSamples, type ImportSummary } from './import-sink.js';
import { sharedData } from '../../test/helpers/shared-data.js';
import { makeZip } from '../../test/helpers/zip-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'footing-prop-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function write(name: string, bytes: Uint8Array): string {
  const p = join(dir, `${n++}-${name}`);
  writeFileSync(p, bytes);
  return p;
}

const FILES = [
  'apple-health/export6s3sample.xml',
  'fit/garmin-fenix-5-walk.fit',
  'gpx/korita-zbevnica.gpx',
  'gpx/gpx_with_garmin_extension.gpx',
  'tcx/tcxparser-test-run.tcx',
  'fitbit/dailySteps_merged.csv',
];
const bytesOf = new Map(FILES.map((f) => [f, readFileSync(sharedData(f))]));
/** Every error and warning is located: the file, and a line and column (text) or a byte offset (binary, a zip's
 * structure, a file that cannot be read); never a place left empty ("Warning at in trkpt"). */
function assertLocated(s: ImportSummary, what: string): void {
  assert.ok(s.errorCount >= s.issues.filter((i) => i.severity === 'error').length, what);
  for (const i of s.issues) {
    const l = i.location;
    assert.ok(l.file, what);
    assert.ok(i.message.length > 0, what);
    const text = Number.isInteger(l.line) && l.line! >= 1 && Number.isInteger(l.column) && l.column! >= 1;
    const byte = Number.isInteger(l.byteOffset) && l.byteOffset! >= 0;
    assert.ok(text !== byte, `${what}: a line and column, or a byte: ${JSON.stringify(i)}`);
  }
  if (s.mode === 'strict' && s.ok) assert.equal(s.errorCount, 0, what);
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number[]; mask: number }
  | { kind: 'drop-close'; which: number };

function mutate(bytes: Buffer, m: Mutation): Buffer {
  if (m.kind === 'truncate') return bytes.subarray(0, Math.floor(m.at * bytes.length));
  if (m.kind === 'flip') {
    const out = Buffer.from(bytes);
    for (const a of m.at) {
      const i = Math.floor(a * out.length);
      out[i] = out[i]! ^ m.mask;
    }
    return out;
  }
  const text = bytes.toString('latin1');
  const closes = [...text.matchAll(/<\/[^>]+>/g)];
  if (closes.length === 0) return bytes;
  const c = closes[m.which % closes.length]!;
  return Buffer.from(text.slice(0, c.index) + text.slice(c.index! + c[0].length), 'latin1');
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(fc.double({ min: 0, max: 0.9999, noNaN: true }), { minLength: 1, maxLength: 4 }),
    mask: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('drop-close' as const), which: fc.nat() }),
);

test('damaged real files: a summary with located errors, never a throw (all formats, both modes)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...FILES),
      mutation,
      fc.constantFrom('strict' as const, 'lenient' as const),
      fc.constantFrom(0, undefined),
      async (file, m, mode, offsetMinutes) => {
        const bytes = mutate(bytesOf.get(file)!, m);
        const name = file.split('/')[1]!;
        const p = write(name, bytes);
        const { samples, summary } = await collectSamples((o) =>
          importFile(p, { ...o, mode, ...(offsetMinutes === undefined ? {} : { offsetMinutes }) }),
        );
        assertLocated(summary, `${file} ${JSON.stringify(m)} ${mode} ${offsetMinutes}`);
        if (!summary.ok) assert.deepEqual(samples, []);
        for (const s of samples) {
          assert.ok(Number.isFinite(s.value) && s.value >= 0, JSON.stringify(s));
          assert.ok(!Number.isNaN(Date.parse(s.start)) && !Number.isNaN(Date.parse(s.end)), JSON.stringify(s));
        }
      },
    ),
    { numRuns: 150 },
  );
});

/** The real export plus the constructs it lacks: kept mobility types, workouts with children, correlations, entities. */
function richExport(): Buffer {
  const real = bytesOf.get('apple-health/export6s3sample.xml')!.toString('utf8');
  const extra = [
    ' <Record type="HKQuantityTypeIdentifierWalkingSpeed" sourceName="Zo&#xeb;&apos;s iPhone" unit="km/hr" value="4.5" startDate="2024-05-01 08:00:00 +0200" endDate="2024-05-01 08:01:00 +0200" device="&lt;&lt;HKDevice: 0x1&gt;, name:iPhone&gt;">',
    '  <MetadataEntry key="HKMetadataKeyDevicePlacementSide" value="2"/>',
    ' </Record>',
    ' <Record type="HKQuantityTypeIdentifierWalkingAsymmetryPercentage" sourceName="iPhone" unit="%" value="0.04" startDate="2024-05-01 08:00:00 +0200" endDate="2024-05-01 08:01:00 +0200"/>',
    ' <Correlation type="HKCorrelationTypeIdentifierFood" sourceName="x" startDate="2024-05-01 08:00:00 +0200" endDate="2024-05-01 08:00:00 +0200">',
    '  <Record type="HKQuantityTypeIdentifierStepCount" sourceName="x" unit="count" value="5" startDate="2024-05-01 08:00:00 +0200" endDate="2024-05-01 08:00:00 +0200"/>',
    ' </Correlation>',
    ' <Workout workoutActivityType="HKWorkoutActivityTypeHiking" duration="60" durationUnit="min" sourceName="Watch" startDate="2024-05-02 09:00:00 +0200" endDate="2024-05-02 10:00:00 +0200">',
    '  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="2024-05-02 09:00:00 +0200" endDate="2024-05-02 10:00:00 +0200" sum="3.6" unit="km"/>',
    ' </Workout>',
  ].join('\n');
  return Buffer.from(real.replace('</HealthData>', `${extra}\n</HealthData>`), 'utf8');
}

test('Apple Health: the fast scanner and saxes agree on every damaged file (samples and issues)', async () => {
  const bases = [bytesOf.get('apple-health/export6s3sample.xml')!, richExport()];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(0, 1), mutation, async (base, m) => {
      const p = write('export.xml', mutate(bases[base]!, m));
      const fast = await collectSamples((o) => importAppleHealth(p, { ...o, parser: 'auto' }));
      const careful = await collectSamples((o) => importAppleHealth(p, { ...o, parser: 'saxes' }));
      assert.deepEqual(fast.samples, careful.samples, `${base} ${JSON.stringify(m)}`);
      assert.deepEqual(fast.summary, careful.summary, `${base} ${JSON.stringify(m)}`);
    }),
    { numRuns: 150 },
  );
});

test('Apple Health zip: damaged archives never throw', async () => {
  const zip = makeZip({ 'apple_health_export/export.xml': bytesOf.get('apple-health/export6s3sample.xml')! });
  await fc.assert(
    fc.asyncProperty(
      mutation.filter((m) => m.kind !== 'drop-close'),
      async (m) => {
        const p = write('export.zip', mutate(zip, m));
        const s = await importAppleHealth(p);
        assertLocated(s, JSON.stringify(m));
        if (s.ok && s.errorCount === 0) assert.equal(s.samples, 15, JSON.stringify(m));
      },
    ),
    { numRuns: 60 },
  );
});
