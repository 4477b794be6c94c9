import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, inflateRawSync } from 'node:zlib';
import type { WalkingSample } from '../../core/walking.js';
import { importAppleHealth } from './import.js';
import { formatLocation } from '../import-error.js';
import { collectSamples } from '../import-sink.js';
import { sharedData } from '../../../test/helpers/shared-data.js';
import { makeZip } from '../../../test/helpers/zip-writer.js';

const REAL = sharedData('apple-health/export6s3sample.xml');
const realXml = readFileSync(REAL, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'footing-apple-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A minimal export around some body lines (the real file's prolog, so the DOCTYPE is Apple's). */
function exportWith(body: string): string {
  const head = realXml.slice(0, realXml.indexOf('<HealthData'));
  return `${head}<HealthData locale="en_GB">\n${body}</HealthData>\n`;
}

const rec = (
  type: string,
  unit: string,
  value: string,
  start = '2024-05-01 08:00:00 +0200',
  end = '2024-05-01 08:10:00 +0200',
  source = 'Phone',
) =>
  ` <Record type="HKQuantityTypeIdentifier${type}" sourceName="${source}" unit="${unit}" creationDate="${end}" startDate="${start}" endDate="${end}" value="${value}"/>\n`;

test('real export: counts and sums match a regex count of the raw text, on both parsers', async () => {
  // Expected from the raw text, independently of the parser
  const stepValues = [...realXml.matchAll(/type="HKQuantityTypeIdentifierStepCount"[^>]*value="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  const kmValues = [
    ...realXml.matchAll(/type="HKQuantityTypeIdentifierDistanceWalkingRunning"[^>]*value="([\d.]+)"/g),
  ].map((m) => Number(m[1]));
  const records = (realXml.match(/<Record /g) ?? []).length + (realXml.match(/<Workout /g) ?? []).length;
  assert.equal(stepValues.length, 10);
  assert.equal(kmValues.length, 5);
  for (const parser of ['auto', 'saxes'] as const) {
    const { samples, summary } = await collectSamples((o) => importAppleHealth(REAL, { ...o, parser }));
    assert.equal(summary.ok, true);
    assert.equal(summary.recordsSeen, records);
    assert.equal(summary.samples, 15);
    // The one workout is HKWorkoutActivityTypeOther: Apple names walking, so an "Other" workout is not a walk
    assert.deepEqual([summary.skipped, summary.skippedBy], [1, { other: 1 }]);
    assert.deepEqual(
      samples.filter((s) => s.kind === 'steps').map((s) => s.value),
      stepValues,
    );
    const metres = samples.filter((s) => s.kind === 'distance').map((s) => s.value);
    metres.forEach((m, i) => assert.ok(Math.abs(m - kmValues[i]! * 1000) < 1e-9));
    // Hand sums: 2517 steps on 2014-09-13, 19.43 m on 2014-09-20 (see walking-merge.test.ts)
    assert.deepEqual(summary.daily, {
      '2014-09-13': { steps: 2517, distance_m: 0 },
      '2014-09-20': { steps: 0, distance_m: 19.43 },
    });
    assert.deepEqual(samples[0], {
      source: 'apple-health',
      device: 'Health',
      start: '2014-09-13T10:27:54+01:00',
      end: '2014-09-13T10:27:59+01:00',
      kind: 'steps',
      value: 329,
      unit: 'count',
    });
  }
});

test('export.zip: the export.xml entry is streamed from the archive (not export_cda.xml)', async () => {
  const zip = write(
    'export.zip',
    makeZip({
      'apple_health_export/export_cda.xml': '<ClinicalDocument/>',
      'apple_health_export/export.xml': realXml,
    }),
  );
  const { samples, summary } = await collectSamples((o) => importAppleHealth(zip, o));
  assert.equal(summary.format, 'apple-health-zip');
  assert.equal(summary.ok, true);
  assert.equal(samples.length, 15);
  assert.equal(summary.file, 'export.zip');
});

test('export.zip with a bad record: the entry is re-read by the careful parser, error located inside the entry', async () => {
  const xml = exportWith(
    rec('StepCount', 'count', '100') + rec('StepCount', 'count', 'oops') + rec('StepCount', 'count', '7'),
  );
  const badLine = xml.slice(0, xml.indexOf('oops')).split('\n').length;
  const zip = write('bad-export.zip', makeZip({ 'apple_health_export/export.xml': xml }));
  const { samples, summary } = await collectSamples((o) => importAppleHealth(zip, { ...o, batchSize: 1 }));
  assert.deepEqual(
    samples.map((s) => s.value),
    [100, 7],
  );
  assert.deepEqual(summary.issues[0]?.location, {
    file: 'bad-export.zip',
    entry: 'apple_health_export/export.xml',
    line: badLine,
    column: 2,
    field: 'value',
  });
  assert.equal(
    formatLocation(summary.issues[0]!.location),
    `bad-export.zip!apple_health_export/export.xml:${badLine}:2 (value)`,
  );
});

test('zip without export.xml, and a file that is not a zip at all', async () => {
  const noExport = write('other.zip', makeZip({ 'readme.txt': 'hello' }));
  const a = await importAppleHealth(noExport);
  assert.equal(a.ok, false);
  assert.equal(a.issues[0]?.code, 'unsupported-format');
  const missing = await importAppleHealth(join(dir, 'nope.xml'));
  assert.equal(missing.ok, false);
  assert.deepEqual(
    [missing.issues[0]?.message, missing.issues[0]?.location],
    ['File not found', { file: 'nope.xml', byteOffset: 0 }],
  );
});

/** Where the export.xml member's compressed data starts in a zip made by makeZip (its local header comes first). */
function dataStart(zip: Buffer, at = 0): number {
  return at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
}

test('a truncated zip: the error names the member the file ends in and the byte where it ends', async () => {
  const zip = makeZip({
    'apple_health_export/export_cda.xml': '<ClinicalDocument/>',
    'apple_health_export/export.xml': realXml,
  });
  // The second member's local header follows the first member's data (its compressed size is at byte 18).
  const second = dataStart(zip) + zip.readUInt32LE(18);
  const size = Math.floor((dataStart(zip, second) + zip.length) / 2); // inside export.xml's data
  for (const mode of ['strict', 'lenient'] as const) {
    for (const [cutAt, entry] of [
      [size, 'apple_health_export/export.xml'],
      [zip.length - 30, undefined],
    ] as const) {
      const s = await importAppleHealth(write('cut.zip', zip.subarray(0, cutAt)), { mode });
      // Lenient keeps what export.xml held before the cut (below); a zip cut in its table of contents, after a
      // whole export.xml, has nothing missing but its table, and yauzl cannot read it without one.
      assert.equal(s.ok, mode === 'lenient' && entry !== undefined, `${mode} ${cutAt}`);
      assert.equal(s.errorCount, 1);
      const issue = s.issues[0]!;
      assert.equal(issue.code, 'truncated');
      assert.deepEqual(
        issue.location,
        { file: 'cut.zip', byteOffset: cutAt, ...(entry ? { entry } : {}) },
        'cut inside the table of contents: no member',
      );
      assert.match(
        issue.message,
        new RegExp(`ends early, at byte ${cutAt.toLocaleString('en')}${entry ? `, inside ${entry}` : ':'}`),
      );
    }
  }
});

test('a zip cut inside export.xml, lenient: the records before the cut are kept, the cut is the one located error; strict keeps nothing', async () => {
  const at = (i: number) =>
    `2024-05-01 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00 +0200`;
  const records = Array.from({ length: 5 }, (_, i) =>
    rec('StepCount', 'count', String(11 * (i + 1)), at(i), at(i + 1)),
  );
  const xml = exportWith(records.join(''));
  // Stored (not deflated), so the cut falls at a known place of the text: just after the third record.
  const stored = makeZip({ 'apple_health_export/export.xml': xml }, { store: true });
  const cutAt = dataStart(stored) + Buffer.byteLength(xml.slice(0, xml.indexOf(records[3]!)));
  const cut = write('cut-stored.zip', stored.subarray(0, cutAt));
  const lenient = await collectSamples((o) => importAppleHealth(cut, { ...o, mode: 'lenient' }));
  assert.deepEqual(
    lenient.samples.map((s) => s.value),
    [11, 22, 33],
  );
  assert.deepEqual(
    [lenient.summary.ok, lenient.summary.errorCount, lenient.summary.issues[0]?.code],
    [true, 1, 'truncated'],
  );
  assert.deepEqual(lenient.summary.issues[0]?.location, {
    file: 'cut-stored.zip',
    byteOffset: cutAt,
    entry: 'apple_health_export/export.xml',
  });
  const strict = await collectSamples((o) => importAppleHealth(cut, { ...o, mode: 'strict' }));
  assert.deepEqual([strict.summary.ok, strict.samples.length, strict.summary.issues[0]?.code], [false, 0, 'truncated']);

  // Deflated, cut half way: what zlib itself decompresses of the cut data holds the records that are kept.
  const many = Array.from({ length: 400 }, (_, i) => rec('StepCount', 'count', String(i + 1), at(i), at(i + 1)));
  const deflated = makeZip({ 'apple_health_export/export.xml': exportWith(many.join('')) });
  const half = Math.floor((dataStart(deflated) + dataStart(deflated) + deflated.readUInt32LE(18)) / 2);
  const readable = inflateRawSync(deflated.subarray(dataStart(deflated), half), {
    finishFlush: constants.Z_SYNC_FLUSH,
  }).toString('utf8');
  const whole = [...readable.matchAll(/value="(\d+)"\/>/g)].map((m) => Number(m[1]));
  assert.ok(whole.length > 50 && whole.length < 400, `${whole.length} records before the cut`);
  const d = await collectSamples((o) =>
    importAppleHealth(write('cut-deflated.zip', deflated.subarray(0, half)), { ...o, mode: 'lenient', batchSize: 7 }),
  );
  assert.deepEqual(
    d.samples.map((s) => s.value),
    whole,
  );
  assert.deepEqual(
    [d.summary.errorCount, d.summary.issues[0]?.location],
    [1, { file: 'cut-deflated.zip', byteOffset: half, entry: 'apple_health_export/export.xml' }],
  );
});

test('a corrupted zip: damaged compressed data is located in its member, a damaged header at its byte', async () => {
  const at = (i: number) =>
    `2024-05-01 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00 +0200`;
  const xml = exportWith(
    Array.from({ length: 400 }, (_, i) => rec('StepCount', 'count', String(i + 1), at(i), at(i))).join(''),
  );
  const zip = makeZip({ 'apple_health_export/export.xml': xml });
  const start = dataStart(zip);
  const compressed = zip.readUInt32LE(18);
  // 8 bytes of the deflate stream overwritten, at the first place (from 100 bytes in) where zlib itself then refuses
  // the data (damage it can still decode is read as text and met as bad XML, located in the member: see the
  // property test).
  const damaged = Buffer.from(zip);
  search: for (let d = start + 100; d < start + compressed - 8; d++) {
    for (const byte of [0x00, 0xff, 0x55, 0xaa]) {
      damaged.fill(byte, d, d + 8);
      try {
        inflateRawSync(damaged.subarray(start, start + compressed));
      } catch (e) {
        if ((e as { code?: string }).code === 'Z_DATA_ERROR') break search;
      }
      zip.copy(damaged, d, d, d + 8);
    }
  }
  assert.notDeepEqual(damaged, zip, 'a damage zlib refuses was found');
  for (const mode of ['lenient', 'strict'] as const) {
    const s = await importAppleHealth(write('damaged.zip', damaged), { mode });
    const issue = s.issues.find((i) => i.severity === 'error')!;
    assert.equal(issue.code, 'corrupt', JSON.stringify(issue));
    assert.equal(issue.location.entry, 'apple_health_export/export.xml');
    const at = issue.location.byteOffset!;
    assert.ok(at >= start && at < start + compressed, `byte ${at} is in the member's data`);
    // What it says: the data decompresses up to that byte, and not past it.
    assert.doesNotThrow(() => inflateRawSync(damaged.subarray(start, at), { finishFlush: constants.Z_SYNC_FLUSH }));
    assert.throws(() => inflateRawSync(damaged.subarray(start, start + compressed)));
    assert.match(
      issue.message,
      new RegExp(
        `The compressed data of apple_health_export/export\\.xml is damaged: it decompresses up to byte ${at.toLocaleString('en')} of the zip and fails after it`,
      ),
    );
    assert.equal(s.ok, mode === 'lenient');
  }
  // The member's local header signature overwritten (export.xml second, as in the iPhone's zip): located at it.
  const two = makeZip({
    'apple_health_export/export_cda.xml': '<ClinicalDocument/>',
    'apple_health_export/export.xml': xml,
  });
  const second = dataStart(two) + two.readUInt32LE(18);
  const badHeader = Buffer.from(two);
  badHeader.writeUInt32LE(0x12345678, second);
  const h = await importAppleHealth(write('bad-header.zip', badHeader));
  assert.deepEqual(
    [h.samples, h.issues[0]?.code, h.issues[0]?.location],
    [0, 'corrupt', { file: 'bad-header.zip', entry: 'apple_health_export/export.xml', byteOffset: second }],
  );
  // The table of contents damaged: located at its record.
  const toc = Buffer.from(zip);
  const central = zip.readUInt32LE(zip.length - 22 + 16);
  toc.writeUInt32LE(0x12345678, central);
  const t = await importAppleHealth(write('bad-toc.zip', toc));
  assert.deepEqual(
    [t.ok, t.issues[0]?.code, t.issues[0]?.location],
    [false, 'corrupt', { file: 'bad-toc.zip', byteOffset: central }],
  );
});

test('units: km/hr, cm, mi, and HealthKit percent fractions become m/s, m, m and 0..100', async () => {
  const p = write(
    'units.xml',
    exportWith(
      rec('WalkingSpeed', 'km/hr', '4.5') + // 4.5 / 3.6 = 1.25 m/s
        rec('WalkingStepLength', 'cm', '68') + // 0.68 m
        rec('DistanceWalkingRunning', 'mi', '2') + // 2 * 1609.344 = 3218.688 m
        rec('WalkingAsymmetryPercentage', '%', '0.04') + // 4 %
        rec('WalkingDoubleSupportPercentage', '%', '0.285') + // 28.5 %
        rec('AppleWalkingSteadiness', '%', '0.91') + // 91 %
        rec('WalkingHeartRateAverage', 'count/min', '97') +
        rec('HeartRate', 'count/min', '60'), // not kept
    ),
  );
  const { samples, summary } = await collectSamples((o) => importAppleHealth(p, o));
  assert.equal(summary.ok, true);
  assert.deepEqual([summary.skipped, summary.skippedBy], [1, { 'other-data': 1 }]);
  const got = Object.fromEntries(samples.map((s) => [s.kind, [s.value, s.unit]]));
  const close = (k: string, v: number, unit: string) => {
    assert.equal(got[k]?.[1], unit, k);
    assert.ok(Math.abs((got[k]?.[0] as number) - v) < 1e-9, `${k}: ${got[k]?.[0]} vs ${v}`);
  };
  close('speed', 1.25, 'm/s');
  close('step_length', 0.68, 'm');
  close('distance', 3218.688, 'm');
  close('asymmetry', 4, '%');
  close('double_support', 28.5, '%');
  close('steadiness', 91, '%');
  close('heart_rate', 97, 'bpm');
});

test('records inside a Correlation are not counted again; walking and hiking workouts are kept, a run and a paddle are left out', async () => {
  const p = write(
    'workouts.xml',
    exportWith(
      rec('StepCount', 'count', '100') +
        ' <Correlation type="HKCorrelationTypeIdentifierFood" sourceName="Phone" startDate="2024-05-01 08:00:00 +0200" endDate="2024-05-01 08:10:00 +0200">\n' +
        '  ' +
        rec('StepCount', 'count', '100') +
        ' </Correlation>\n' +
        // 30 min walk, 2.7 km in the attributes: mean speed 2700 / 1800 = 1.5 m/s
        ' <Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="30" durationUnit="min" totalDistance="2.7" totalDistanceUnit="km" sourceName="Watch" startDate="2024-05-01 09:00:00 +0200" endDate="2024-05-01 09:30:00 +0200">\n' +
        '  <WorkoutEvent type="HKWorkoutEventTypePause" date="2024-05-01 09:10:00 +0200"/>\n' +
        ' </Workout>\n' +
        // Newer exports: the distance is in a WorkoutStatistics child. 1 h hike, 3.6 km: 1 m/s
        ' <Workout workoutActivityType="HKWorkoutActivityTypeHiking" duration="60" durationUnit="min" sourceName="Watch" startDate="2024-05-02 09:00:00 +0200" endDate="2024-05-02 10:00:00 +0200">\n' +
        '  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="2024-05-02 09:00:00 +0200" endDate="2024-05-02 10:00:00 +0200" sum="3.6" unit="km"/>\n' +
        ' </Workout>\n' +
        ' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="20" durationUnit="min" sourceName="Watch" startDate="2024-05-03 09:00:00 +0200" endDate="2024-05-03 09:20:00 +0200"/>\n' +
        ' <Workout workoutActivityType="HKWorkoutActivityTypePaddleSports" duration="40" durationUnit="min" sourceName="Watch" startDate="2024-05-04 09:00:00 +0200" endDate="2024-05-04 09:40:00 +0200"/>\n',
    ),
  );
  for (const parser of ['auto', 'saxes'] as const) {
    const { samples, summary } = await collectSamples((o) => importAppleHealth(p, { ...o, parser }));
    assert.equal(summary.ok, true, parser);
    assert.equal(summary.daily['2024-05-01']?.steps, 100, parser);
    const brief = samples.map((s) => `${s.kind}:${s.value}`);
    assert.deepEqual(brief, ['steps:100', 'duration:1800', 'speed:1.5', 'duration:3600', 'speed:1'], parser);
    // The one walking rule (src/core/walking-activity.ts): the run and the paddle session are left out, by name
    assert.deepEqual([summary.skipped, summary.skippedBy], [2, { running: 1, paddling: 1 }], parser);
  }
});

test('lenient: a bad record is reported with line, column and field; the good ones are kept', async () => {
  const body =
    rec('StepCount', 'count', '100') +
    rec('StepCount', 'count', 'abc') +
    rec('StepCount', 'count', '50', '2024-13-01 08:00:00 +0200');
  const text = exportWith(body);
  // Line of the bad record, counted in the text we wrote
  const badLine = text.slice(0, text.indexOf('value="abc"')).split('\n').length;
  const p = write('bad.xml', text);
  const { samples, summary } = await collectSamples((o) => importAppleHealth(p, o));
  assert.equal(summary.ok, true);
  assert.equal(samples.length, 1);
  assert.equal(summary.errorCount, 2);
  assert.deepEqual(
    summary.issues.map((i) => [i.code, i.location.line, i.location.column, i.location.field]),
    [
      ['bad-value', badLine, 2, 'value'],
      ['bad-date', badLine + 1, 2, 'startDate'],
    ],
  );
});

test('strict: one bad record fails the whole file and nothing is importable', async () => {
  const p = write(
    'strict.xml',
    exportWith(rec('StepCount', 'count', '100') + rec('WalkingAsymmetryPercentage', '%', '4')),
  );
  const { samples, summary } = await collectSamples((o) => importAppleHealth(p, { ...o, mode: 'strict' }));
  assert.equal(summary.ok, false);
  assert.deepEqual(samples, []);
  assert.deepEqual(summary.daily, {});
  assert.equal(summary.issues[0]?.code, 'bad-value'); // 4 as a fraction is 400 %: out of HealthKit's range
});

test('malformed and truncated XML are located errors', async () => {
  const good = exportWith(rec('StepCount', 'count', '100') + rec('StepCount', 'count', '200'));
  const broken = good.replace('value="200"/>', 'value="200"<');
  const brokenLine = broken.slice(0, broken.indexOf('value="200"<')).split('\n').length;
  const a = await importAppleHealth(write('broken.xml', broken));
  assert.equal(a.issues[0]?.code, 'malformed-xml');
  assert.equal(a.issues[0]?.location.line, brokenLine);
  assert.ok(a.issues[0]?.location.column !== undefined);
  const b = await importAppleHealth(write('cut.xml', good.slice(0, good.indexOf('value="200"'))), { mode: 'strict' });
  assert.equal(b.ok, false);
  assert.equal(b.issues[0]?.code, 'truncated');
});

test('the careful re-read after the fast pass gave up delivers nothing twice', async () => {
  // 40 good records, delivered in batches of 3 by the fast pass, then a bad one that sends the file to saxes.
  let body = '';
  for (let i = 0; i < 40; i++)
    body += rec(
      'StepCount',
      'count',
      String(i + 1),
      `2024-05-01 08:${String(i).padStart(2, '0')}:00 +0200`,
      `2024-05-01 08:${String(i).padStart(2, '0')}:30 +0200`,
    );
  body += rec('StepCount', 'count', '-5');
  const p = write('fallback.xml', exportWith(body));
  const delivered: WalkingSample[] = [];
  const summary = await importAppleHealth(p, { batchSize: 3, onBatch: (b) => void delivered.push(...b) });
  assert.equal(summary.errorCount, 1);
  assert.equal(delivered.length, 40);
  assert.equal(summary.samples, 40);
  assert.deepEqual(
    delivered.map((s) => s.value),
    Array.from({ length: 40 }, (_, i) => i + 1),
  );
  // 1 + 2 + ... + 40 = 820
  assert.equal(summary.daily['2024-05-01']?.steps, 820);
});
