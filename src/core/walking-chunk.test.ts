import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ColumnsBuilder,
  decodeColumns,
  encodeColumns,
  localDateOf,
  mergeColumns,
  sampleAt,
  sampleTimes,
  sortedUnique,
  type SampleColumns,
} from './walking-chunk.js';

/** A sample as a plain tuple: start, end (UTC ms), value, offsets. */
type Row = [number, number, number, number, number];

const rowArb: fc.Arbitrary<Row> = fc
  .tuple(
    fc.integer({ min: 0, max: 50 }).map((k) => 1_600_000_000_000 + k * 60_000), // few distinct starts: repeats happen
    fc.integer({ min: 0, max: 3 }).map((k) => k * 30_000),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.integer({ min: -1080, max: 1080 }),
    fc.integer({ min: -1080, max: 1080 }),
  )
  .map(([s, d, v, a, b]) => [s, s + d, v, a, b]);

function columnsOf(rows: readonly Row[]): SampleColumns {
  const b = new ColumnsBuilder(1);
  for (const r of rows) b.add(...r);
  return b.take();
}

function rowsOf(c: SampleColumns): Row[] {
  return Array.from({ length: c.count }, (_, i) => [
    c.start[i]!,
    c.end[i]!,
    c.value[i]!,
    c.startOffset[i]!,
    c.endOffset[i]!,
  ]);
}

/** The expectation written plainly: first occurrence of each (start, end) wins, then ordered by (start, end). */
function firstOfEach(rows: readonly Row[]): Row[] {
  const seen = new Map<string, Row>();
  for (const r of rows) if (!seen.has(`${r[0]}|${r[1]}`)) seen.set(`${r[0]}|${r[1]}`, r);
  return [...seen.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

test('Encoded columns decode to the same samples, also from an unaligned copy of the bytes', () => {
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
      const bytes = encodeColumns(columnsOf(rows));
      assert.deepEqual(rowsOf(decodeColumns(bytes)), rows);
      const shifted = new Uint8Array(bytes.length + 3);
      shifted.set(bytes, 3);
      assert.deepEqual(rowsOf(decodeColumns(shifted.subarray(3))), rows);
    }),
  );
});

test('Bytes that are not a chunk are refused with a plain message, never misread', () => {
  const good = encodeColumns(columnsOf([[1, 2, 3, 60, 60]]));
  assert.throws(() => decodeColumns(good.subarray(0, 5)), /shorter than its header/);
  assert.throws(() => decodeColumns(good.subarray(0, good.length - 1)), /bytes for 1 samples/);
  const tagged = good.slice();
  tagged[0] = 0;
  assert.throws(() => decodeColumns(tagged), /unknown format tag/);
});

test('sortedUnique orders by start then end and keeps the first of repeated samples', () => {
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 80 }), (rows) => {
      const { columns, repeats } = sortedUnique(columnsOf(rows));
      const expected = firstOfEach(rows);
      assert.deepEqual(rowsOf(columns), expected);
      assert.equal(repeats, rows.length - expected.length);
    }),
  );
});

test('Merging keeps every stored sample as it was and adds only new (start, end) pairs', () => {
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 60 }), fc.array(rowArb, { maxLength: 60 }), (stored, incoming) => {
      const a = sortedUnique(columnsOf(stored)).columns;
      const b = sortedUnique(columnsOf(incoming)).columns;
      const { columns, added } = mergeColumns(a, b);
      const expected = firstOfEach([...firstOfEach(stored), ...firstOfEach(incoming)]);
      assert.deepEqual(rowsOf(columns), expected);
      assert.equal(added, expected.length - firstOfEach(stored).length);
      // Merging the same again adds nothing.
      assert.equal(mergeColumns(columns, b).added, 0);
    }),
  );
});

test('Times round-trip through the columns to the exact ISO text the importers write', () => {
  const texts = [
    ['2014-09-13T10:27:54+01:00', '2014-09-13T10:27:59+01:00'],
    ['2024-03-31T01:59:30+00:00', '2024-03-31T03:00:30+01:00'], // the offset changes within the sample
    ['2023-06-01T23:59:59.250-05:30', '2023-06-02T00:00:00.500-05:30'],
  ] as const;
  for (const [start, end] of texts) {
    const t = sampleTimes({ start, end });
    assert.ok(t, start);
    const b = new ColumnsBuilder();
    b.add(t.start, t.end, 12.5, t.startOffset, t.endOffset);
    const c = decodeColumns(encodeColumns(b.take()));
    const s = sampleAt({ kind: 'steps', source: 'apple-health', device: '', unit: 'count' }, c, 0);
    assert.deepEqual([s.start, s.end, s.device, s.value], [start, end, null, 12.5]);
    assert.equal(localDateOf(t.start, t.startOffset), start.slice(0, 10));
  }
});

test('Texts the store cannot rebuild exactly are refused rather than changed', () => {
  assert.equal(sampleTimes({ start: '2014-09-13T10:27:54Z', end: '2014-09-13T10:27:59Z' }), null); // 'Z', not +00:00
  assert.equal(sampleTimes({ start: '2014-09-13T10:27:54.000+01:00', end: '2014-09-13T10:27:59+01:00' }), null); // .000
  assert.equal(sampleTimes({ start: '2014-09-13 10:27:54 +0100', end: '2014-09-13T10:27:59+01:00' }), null); // Apple's raw text
  assert.equal(sampleTimes({ start: '2014-09-13T10:27:54+01:00', end: 'soon' }), null);
});

test('Days summed from chunks equal days summed sample by sample (the store sums chunks, recompute sums samples)', async () => {
  const { WalkingDaysAccumulator } = await import('./walking-day.js');
  fc.assert(
    fc.property(
      fc.array(rowArb, { minLength: 1, maxLength: 40 }),
      fc.constantFrom('steps', 'distance', 'speed', 'duration'),
      (rows, kind) => {
        const unit = ({ steps: 'count', distance: 'm', speed: 'm/s', duration: 's' } as const)[kind];
        const stream = { kind, source: 'apple-health', device: 'Watch', unit } as const;
        const columns = columnsOf(rows.map(([s, e, v, a]) => [s, e, v, a, a]));
        const bySample = new WalkingDaysAccumulator();
        const byChunk = new WalkingDaysAccumulator();
        const chunks = new Map<string, Row[]>();
        for (let i = 0; i < columns.count; i++) {
          const sample = sampleAt(stream, columns, i);
          bySample.add(sample);
          const date = sample.start.slice(0, 10);
          chunks.set(date, [
            ...(chunks.get(date) ?? []),
            [columns.start[i]!, columns.end[i]!, columns.value[i]!, columns.startOffset[i]!, columns.endOffset[i]!],
          ]);
        }
        for (const [date, rs] of chunks) byChunk.addChunk({ ...stream, date, samples: columnsOf(rs) });
        assert.deepEqual(byChunk.results(), bySample.results());
      },
    ),
  );
});
