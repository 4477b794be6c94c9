import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WalkingSample } from './walking.js';
import { DailyWalkingMerger, mergeDailyTotals, parseIsoWithOffset } from './walking-merge.js';

const steps = (device: string, start: string, end: string, value: number): WalkingSample => ({
  source: 'apple-health',
  device,
  start,
  end,
  kind: 'steps',
  value,
  unit: 'count',
});

test('one source: merged totals are the plain sum', () => {
  const totals = mergeDailyTotals([
    steps('Phone', '2024-03-01T08:00:00+01:00', '2024-03-01T08:05:00+01:00', 500),
    steps('Phone', '2024-03-01T18:00:00+01:00', '2024-03-01T18:10:00+01:00', 700),
  ]);
  assert.deepEqual(totals, { '2024-03-01': { steps: 1200, distance_m: 0 } });
});

test('phone and watch counting the same walk: only the larger source counts', () => {
  // Given the same 10-minute walk seen by both devices
  const totals = mergeDailyTotals([
    steps('Phone', '2024-03-01T08:00:00+01:00', '2024-03-01T08:10:00+01:00', 1000),
    steps('Watch', '2024-03-01T08:00:30+01:00', '2024-03-01T08:09:30+01:00', 1100),
  ]);
  // Then the day is the watch's 1100, not 2100
  assert.equal(totals['2024-03-01']?.steps, 1100);
});

test('phone in the morning, watch in the afternoon: both count', () => {
  const totals = mergeDailyTotals([
    steps('Phone', '2024-03-01T08:00:00+01:00', '2024-03-01T08:10:00+01:00', 1000),
    steps('Watch', '2024-03-01T15:00:00+01:00', '2024-03-01T15:10:00+01:00', 800),
  ]);
  assert.equal(totals['2024-03-01']?.steps, 1800);
});

test('a sample crossing local midnight is split between the days by time', () => {
  // 23:45 -> 00:15 local (+02:00), 600 steps: 15 minutes on each side = 300 + 300
  const totals = mergeDailyTotals([steps('Phone', '2024-06-01T23:45:00+02:00', '2024-06-02T00:15:00+02:00', 600)]);
  assert.deepEqual(totals, {
    '2024-06-01': { steps: 300, distance_m: 0 },
    '2024-06-02': { steps: 300, distance_m: 0 },
  });
});

test('days follow the offset written in each sample, not UTC', () => {
  // 00:30 at +10:00 is 14:30 UTC the day before; the person lived it on the 2nd.
  const totals = mergeDailyTotals([steps('Phone', '2024-06-02T00:30:00+10:00', '2024-06-02T00:35:00+10:00', 50)]);
  assert.deepEqual(Object.keys(totals), ['2024-06-02']);
});

test('per slot: overlapping part deduplicated, the rest kept (partial overlap)', () => {
  // Phone 08:00-08:30 (1500 steps, 750 per 15-min slot); watch 08:15-08:45 (1200 steps, 600 per slot).
  // Slot 08:00 phone 750; slot 08:15 max(750, 600) = 750; slot 08:30 watch 600. Total 2100.
  const totals = mergeDailyTotals([
    steps('Phone', '2024-03-01T08:00:00Z', '2024-03-01T08:30:00Z', 1500),
    steps('Watch', '2024-03-01T08:15:00Z', '2024-03-01T08:45:00Z', 1200),
  ]);
  assert.equal(totals['2024-03-01']?.steps, 2100);
});

test('non-additive kinds never enter the totals', () => {
  const m = new DailyWalkingMerger();
  m.add({
    source: 'x',
    device: null,
    start: '2024-03-01T08:00:00Z',
    end: '2024-03-01T08:01:00Z',
    kind: 'heart_rate',
    value: 90,
    unit: 'bpm',
  });
  assert.deepEqual(m.totals(), {});
});

test('real Apple Health sample, and the same records again as a second device', () => {
  // Given the real export's StepCount and DistanceWalkingRunning records, read by regex from the raw text
  const xml = readFileSync(
    fileURLToPath(new URL('../../../shared/data/apple-health/export6s3sample.xml', import.meta.url)),
    'utf8',
  );
  const re =
    /<Record type="HKQuantityTypeIdentifier(StepCount|DistanceWalkingRunning)" sourceName="([^"]*)" unit="(\w+)" creationDate="[^"]*" startDate="(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) \+0100" endDate="(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) \+0100" value="([\d.]+)"/g;
  const phone: WalkingSample[] = [];
  for (const m of xml.matchAll(re)) {
    const isSteps = m[1] === 'StepCount';
    phone.push({
      source: 'apple-health',
      device: m[2]!,
      start: `${m[4]}T${m[5]}+01:00`,
      end: `${m[6]}T${m[7]}+01:00`,
      kind: isSteps ? 'steps' : 'distance',
      value: Number(m[8]) * (isSteps ? 1 : 1000),
      unit: isSteps ? 'count' : 'm',
    });
  }
  assert.equal(phone.length, 15);
  // Hand sums from the file: steps 329+283+426+61+10+200+390+320+216+282 = 2517 on 2014-09-13;
  // distance 0.00288+0.00284+0.00142+0.00639+0.0059 km = 19.43 m on 2014-09-20.
  const expected = { '2014-09-13': { steps: 2517, distance_m: 0 }, '2014-09-20': { steps: 0, distance_m: 19.43 } };
  assert.deepEqual(mergeDailyTotals(phone), expected);
  // When a watch recorded the same records at 90 % of the counts, the day does not change (phone is larger)
  const watch = phone.map((s) => ({ ...s, device: 'Watch', value: s.value * 0.9 }));
  assert.deepEqual(mergeDailyTotals([...phone, ...watch]), expected);
  // And a plain sum would have double counted: 2517 + 0.9*2517
  const naive = [...phone, ...watch].filter((s) => s.kind === 'steps').reduce((n, s) => n + s.value, 0);
  assert.ok(Math.abs(naive - 2517 * 1.9) < 1e-6);
});

test('parseIsoWithOffset agrees with Date.parse and reads the offset', () => {
  for (const iso of [
    '2014-09-13T10:27:54+01:00',
    '2024-02-29T23:59:59.250-07:30',
    '1901-12-13T20:45:52.2073437Z',
    '2017-06-11T14:32:51Z',
  ]) {
    const p = parseIsoWithOffset(iso);
    assert.ok(p, iso);
    assert.equal(p.utcMs, Date.parse(iso), iso);
  }
  assert.equal(parseIsoWithOffset('2024-02-29T23:59:59.250-07:30')?.offsetMinutes, -450);
  assert.equal(parseIsoWithOffset('not a date'), null);
});

test('Two mergers that each saw part of the samples, absorbed into one, total as one merger that saw them all', () => {
  const sampleArb = fc.record({
    source: fc.constantFrom('apple-health', 'fit'),
    device: fc.constantFrom('Watch', 'Phone', null),
    startMin: fc.integer({ min: 0, max: 3 * 1440 }),
    minutes: fc.integer({ min: 0, max: 90 }),
    kind: fc.constantFrom('steps' as const, 'distance' as const),
    value: fc.integer({ min: 0, max: 5000 }),
  });
  fc.assert(
    fc.property(fc.array(sampleArb, { maxLength: 40 }), fc.nat(), (specs, cutAt) => {
      const samples = specs.map((p) => {
        const start = Date.UTC(2024, 4, 1) + p.startMin * 60_000;
        const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
        return {
          source: p.source,
          device: p.device,
          start: iso(start),
          end: iso(start + p.minutes * 60_000),
          kind: p.kind,
          value: p.value,
          unit: p.kind === 'steps' ? ('count' as const) : ('m' as const),
        };
      });
      const cut = specs.length === 0 ? 0 : cutAt % (specs.length + 1);
      const all = new DailyWalkingMerger();
      const a = new DailyWalkingMerger();
      const b = new DailyWalkingMerger();
      samples.forEach((s, i) => {
        all.add(s);
        (i < cut ? a : b).add(s);
      });
      const joined = new DailyWalkingMerger();
      joined.absorb(a.state());
      joined.absorb(b.state());
      const round = (t: Record<string, { steps: number; distance_m: number }>) =>
        Object.fromEntries(
          Object.entries(t).map(([d, v]) => [d, [Math.round(v.steps * 100), Math.round(v.distance_m * 100)]]),
        );
      assert.deepEqual(round(joined.totals()), round(all.totals()));
    }),
  );
});
