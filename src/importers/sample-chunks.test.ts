import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleAt, type SampleChunk } from '../core/walking-chunk.js';
import type { WalkingSample } from '../core/walking.js';
import { ChunkCollector, packChunks, unpackChunks } from './sample-chunks.js';
import { parseAppleDate } from './apple-health/records.js';

const sample = (
  start: string,
  end: string,
  value: number,
  kind: WalkingSample['kind'] = 'steps',
  device: string | null = 'Watch',
): WalkingSample => ({
  source: 'apple-health',
  device,
  start,
  end,
  kind,
  value,
  unit: kind === 'steps' ? 'count' : 'm',
});

const samplesOf = (chunks: readonly SampleChunk[]): WalkingSample[] =>
  chunks.flatMap((c) => Array.from({ length: c.samples.count }, (_, i) => sampleAt(c, c.samples, i)));

test('Samples are gathered per stream and local date, and come back exactly (also after crossing as bytes)', () => {
  const given = [
    sample('2024-05-01T23:58:00+02:00', '2024-05-02T00:03:00+02:00', 40), // crosses midnight: belongs to its start's day
    sample('2024-05-02T08:00:00+02:00', '2024-05-02T08:05:00+02:00', 300),
    sample('2024-05-02T08:00:00+02:00', '2024-05-02T08:05:00+02:00', 250, 'distance'),
    sample('2024-05-02T09:00:00+02:00', '2024-05-02T09:05:00+02:00', 120, 'steps', null),
    sample('2024-05-02T10:00:00+02:00', '2024-05-02T10:01:00.500+02:00', 20),
  ];
  const delivered: SampleChunk[] = [];
  const c = new ChunkCollector((chunks) => delivered.push(...chunks));
  for (const s of given) c.add(s);
  assert.equal(delivered.length, 0, 'nothing is delivered before the limits or the end');
  c.flush();
  assert.deepEqual(
    delivered.map((d) => [d.date, d.kind, d.device, d.samples.count]).sort(),
    [
      ['2024-05-01', 'steps', 'Watch', 1],
      ['2024-05-02', 'distance', 'Watch', 1],
      ['2024-05-02', 'steps', '', 1],
      ['2024-05-02', 'steps', 'Watch', 2],
    ].sort(),
  );
  const back = samplesOf(unpackChunks(packChunks(delivered)));
  const key = (s: WalkingSample) => `${s.start}|${s.kind}|${s.device}`;
  assert.deepEqual(
    back.sort((a, b) => key(a).localeCompare(key(b))),
    [...given].sort((a, b) => key(a).localeCompare(key(b))),
  );
});

test('Apple times given with a record (both offsets parsed) store the same as the texts parsed again, offsets of each end kept', () => {
  const raw = [
    ['2024-03-31 01:59:30 +0000', '2024-03-31 03:00:30 +0100'],
    ['2024-06-01 12:00:00 +0100', '2024-06-01 12:00:05 +0100'],
  ];
  const viaTimes: SampleChunk[] = [];
  const viaText: SampleChunk[] = [];
  const a = new ChunkCollector((ch) => viaTimes.push(...ch));
  const b = new ChunkCollector((ch) => viaText.push(...ch));
  for (const [r0, r1] of raw) {
    const s = parseAppleDate(r0!)!;
    const e = parseAppleDate(r1!)!;
    const smp = sample(s.iso, e.iso, 7);
    a.add(smp, {
      startUtcMs: s.utcMs,
      endUtcMs: e.utcMs,
      offsetMinutes: s.offsetMinutes,
      endOffsetMinutes: e.offsetMinutes,
      date: s.iso.slice(0, 10),
    });
    b.add(smp);
  }
  a.flush();
  b.flush();
  assert.deepEqual(samplesOf(viaTimes), samplesOf(viaText));
  assert.deepEqual(
    samplesOf(viaTimes).map((s) => s.end),
    ['2024-03-31T03:00:30+01:00', '2024-06-01T12:00:05+01:00'],
  );
});

test('Held samples are bounded: past the limit every open chunk is delivered, and parts of a day add up to it', () => {
  const delivered: SampleChunk[][] = [];
  const c = new ChunkCollector((chunks) => delivered.push(chunks), { maxSamples: 10 });
  const given = Array.from({ length: 35 }, (_, i) =>
    sample(
      `2024-05-02T08:${String(i).padStart(2, '0')}:00+02:00`,
      `2024-05-02T08:${String(i).padStart(2, '0')}:30+02:00`,
      i,
    ),
  );
  for (const s of given) c.add(s);
  c.flush();
  assert.deepEqual(
    delivered.map((d) => d.reduce((n, ch) => n + ch.samples.count, 0)),
    [10, 10, 10, 5],
  );
  assert.deepEqual(
    samplesOf(delivered.flat()).map((s) => s.value),
    given.map((s) => s.value),
  );
});

test('Deliveries reuse a handed-back buffer when it is large enough, and a recycling collector reuses chunk memory', () => {
  const chunk = (n: number) => {
    const got: SampleChunk[] = [];
    const c = new ChunkCollector((ch) => got.push(...ch));
    for (let i = 0; i < n; i++)
      c.add(sample(`2024-05-02T08:00:${String(i).padStart(2, '0')}+02:00`, '2024-05-02T08:01:00+02:00', i));
    c.flush();
    return got;
  };
  const first = packChunks(chunk(3));
  const pool = [first.buffer];
  const second = packChunks(chunk(5), pool);
  assert.equal(second.buffer, first.buffer);
  assert.equal(pool.length, 0);
  assert.deepEqual(
    samplesOf(unpackChunks(second)).map((s) => s.value),
    [0, 1, 2, 3, 4],
  );
  // Recycling: what a delivery sees is right while it runs (then the memory serves the next chunk).
  const seen: number[][] = [];
  const r = new ChunkCollector((ch) => seen.push(samplesOf(ch).map((s) => s.value)), { recycle: true, maxSamples: 4 });
  for (let i = 0; i < 10; i++)
    r.add(sample(`2024-05-02T08:00:${String(i).padStart(2, '0')}+02:00`, '2024-05-02T08:01:00+02:00', i));
  r.flush();
  assert.deepEqual(seen, [
    [0, 1, 2, 3],
    [4, 5, 6, 7],
    [8, 9],
  ]);
});

test('A time no importer writes is refused loudly (a bug), not stored changed', () => {
  const c = new ChunkCollector(() => {});
  assert.throws(() => c.add(sample('2024-05-02T08:00:00Z', '2024-05-02T08:05:00Z', 1)), /cannot store/);
});
