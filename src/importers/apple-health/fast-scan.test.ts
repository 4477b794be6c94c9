import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { AppleFastScanner, FastScanUnsupported } from './fast-scan.js';
import { sharedData } from '../../../test/helpers/shared-data.js';

const real = readFileSync(sharedData('apple-health/export6s3sample.xml'));
const WANTED = ['type', 'unit', 'value', 'sourceName', 'startDate', 'endDate'];

/** JSON with sorted keys: attribute order is not part of the contract. */
const stable = (o: Record<string, string>) =>
  JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));

/** Events as the scanner reports them, fed in chunks of `chunk` bytes. */
function scan(bytes: Buffer, chunk: number): string[] {
  const events: string[] = [];
  const s = new AppleFastScanner(
    {
      open: (name, attrs) => void events.push(`open ${name} ${attrs ? stable(attrs) : '-'}`),
      close: (name) => void events.push(`close ${name}`),
    },
    (type) => type.endsWith('StepCount'),
    new Set(['Workout']),
    WANTED,
  );
  for (let i = 0; i < bytes.length; i += chunk) s.feed(bytes.subarray(i, i + chunk));
  s.end();
  return events;
}

/** The same events computed by saxes, the reference parser. */
function reference(bytes: Buffer): string[] {
  const events: string[] = [];
  const p = new SaxesParser();
  p.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    let attrs: Record<string, string> | null = null;
    if (tag.name === 'Record' && a.type?.endsWith('StepCount')) {
      attrs = {};
      for (const [k, v] of Object.entries(a)) if (WANTED.includes(k)) attrs[k] = v;
    } else if (tag.name === 'Workout') attrs = { ...a };
    events.push(`open ${tag.name} ${attrs ? stable(attrs) : '-'}`);
  });
  p.on('closetag', (tag) => void events.push(`close ${tag.name}`));
  p.write(bytes.toString('utf8')).close();
  return events;
}

test('the real export scans to exactly the events saxes sees, at any chunk size', () => {
  const expected = reference(real);
  assert.equal(expected.filter((e) => e.startsWith('open Record')).length, 15);
  for (const chunk of [1, 7, 64, 4096, real.length]) assert.deepEqual(scan(real, chunk), expected, `chunk ${chunk}`);
});

test('entities, character references, CRLF in values and non-ASCII text decode as saxes does', () => {
  const head = real.toString('utf8').slice(0, real.toString('utf8').indexOf('<HealthData'));
  const body =
    '<HealthData locale="en_GB">\n <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Zo&#xeb;&apos;s iPhone &amp; W\u00e4tch" unit="count"\r\n value="12" startDate="2024-05-01 08:00:00 +0200" endDate="2024-05-01 08:01:00 +0200" device="&lt;&lt;HKDevice: 0x1&gt;, name:iPhone&gt;">\n  <MetadataEntry key="k" value="v&#10;w"/>\n </Record>\n <Workout workoutActivityType="HKWorkoutActivityTypeWalking" note="a\tb\r\nc" sourceName="W" startDate="2024-05-01 09:00:00 +0200" endDate="2024-05-01 09:30:00 +0200"/>\n</HealthData>\n';
  const bytes = Buffer.from(head + body, 'utf8');
  assert.deepEqual(scan(bytes, 5), reference(bytes));
});

test('anything outside the subset it vouches for makes it give up (saxes then decides)', () => {
  const head = real.toString('utf8').slice(0, real.toString('utf8').indexOf('<HealthData'));
  const bad = [
    '<HealthData><Record a="1" a="2"/></HealthData>', // duplicate attribute
    '<HealthData><Record a="&foo;"/></HealthData>', // undeclared entity
    '<HealthData><Record a="x<y"/></HealthData>', // < in a value
    '<HealthData><Record a="1"b="2"/></HealthData>', // no space between attributes
    '<HealthData>text</HealthData>', // text content
    '<HealthData><Record></Recrd></HealthData>', // mismatched end tag
    '<HealthData><!-- c --></HealthData>', // comment in the body
    '<HealthData/><HealthData/>', // two roots
    '<HealthData><Record a="&#0;"/></HealthData>', // not an XML character
    '<HealthData><Record a="1"/>', // unclosed root
  ];
  for (const b of bad) {
    assert.throws(() => scan(Buffer.from(head + b), 1 << 20), FastScanUnsupported, b);
  }
});

/** Kept Records as the fast path reports them (`openRecord`): `WANTED` in order, absent as '-'. */
function scanRecords(bytes: Buffer, chunk: number): string[] {
  const records: string[] = [];
  const s = new AppleFastScanner(
    {
      open: () => {},
      close: () => {},
      openRecord: (values) => void records.push(values.map((v) => v ?? '-').join('|')),
    },
    (type) => type.endsWith('StepCount'),
    new Set(),
    WANTED,
  );
  for (let i = 0; i < bytes.length; i += chunk) s.feed(bytes.subarray(i, i + chunk));
  s.end();
  return records;
}

/** The same from saxes: the wanted attributes of each kept Record, in `WANTED` order. */
function referenceRecords(bytes: Buffer): string[] {
  const records: string[] = [];
  const p = new SaxesParser();
  p.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'Record' && a.type?.endsWith('StepCount')) records.push(WANTED.map((k) => a[k] ?? '-').join('|'));
  });
  p.write(bytes.toString('utf8')).close();
  return records;
}

test('the Record fast path reports the values saxes sees, also when a value repeats or changes at equal length', () => {
  const expected = referenceRecords(real);
  assert.equal(expected.length, real.toString('utf8').match(/type="HKQuantityTypeIdentifierStepCount"/g)!.length);
  for (const chunk of [1, 13, 4096, real.length])
    assert.deepEqual(scanRecords(real, chunk), expected, `chunk ${chunk}`);
  // Values the scanner may reuse from the previous record: same length with one byte changed (first, last),
  // repeated exactly, absent, or given as references; a kept type after a skipped one of the same length.
  const head = real.toString('utf8').slice(0, real.toString('utf8').indexOf('<HealthData'));
  const rec = (type: string, source: string, unit: string, value: string, extra = '') =>
    ` <Record type="${type}" sourceName="${source}"${unit === '' ? '' : ` unit="${unit}"`} value="${value}" startDate="2024-05-01 08:00:00 +0200" endDate="2024-05-01 08:01:00 +0200"${extra}/>\n`;
  const steps = 'HKQuantityTypeIdentifierStepCount';
  const other = 'HKQuantityTypeIdentifierStepCounX'; // same length, not kept
  const body =
    '<HealthData locale="en_GB">\n' +
    rec(steps, 'Anna', 'count', '12') +
    rec(steps, 'Anna', 'count', '12') +
    rec(steps, 'Bnna', 'count', '13') +
    rec(steps, 'Bnnb', 'count', '13') +
    rec(other, 'Bnnb', 'count', '14') +
    rec(steps, 'Bnnb', '', '15') +
    rec(steps, 'Bn&amp;b', 'count', '16') +
    rec(steps, 'Bn&b', 'count', '17').replace('Bn&b', 'Bn&#38;b') +
    rec(steps, 'Bnnb', 'count', '18', ' device="d"') +
    '</HealthData>\n';
  const bytes = Buffer.from(head + body, 'utf8');
  const want = referenceRecords(bytes);
  assert.equal(want.length, 8);
  assert.deepEqual(
    want.slice(0, 4).map((r) => r.split('|')[3]),
    ['Anna', 'Anna', 'Bnna', 'Bnnb'],
  );
  for (const chunk of [1, 9, bytes.length]) assert.deepEqual(scanRecords(bytes, chunk), want, `chunk ${chunk}`);
});
