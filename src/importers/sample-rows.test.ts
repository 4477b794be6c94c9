import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WALKING_KINDS, type WalkingKind, type WalkingSample } from '../core/walking.js';
import { packSamples, unpackSamples } from './sample-rows.js';

const kinds = Object.keys(WALKING_KINDS) as WalkingKind[];
const sample: fc.Arbitrary<WalkingSample> = fc.record({
  source: fc.constantFrom('apple-health', 'fit', 'gpx'),
  device: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null }),
  start: fc.constantFrom('2014-09-13T10:27:54+01:00', '2020-01-01T00:00:00.250Z'),
  end: fc.constantFrom('2014-09-13T10:37:54+01:00', '2020-01-01T00:05:00Z'),
  kind: fc.constantFrom(...kinds),
  value: fc.double({ noNaN: true, noDefaultInfinity: true }),
}).map((s) => ({ ...s, unit: WALKING_KINDS[s.kind] }));

test('Packing then unpacking gives the same samples (values exact, any device text)', () => {
  fc.assert(fc.property(fc.array(sample, { maxLength: 40 }), (samples) => {
    const back = unpackSamples(packSamples(samples));
    // -0 packs as "0": equal as a quantity, which is what the store keeps.
    const norm = (xs: WalkingSample[]) => xs.map((s) => ({ ...s, value: s.value === 0 ? 0 : s.value }));
    assert.deepEqual(norm(back), norm(samples));
  }));
});

test('A device name holding the separator travels as objects, unchanged', () => {
  const s: WalkingSample = { source: 'fit', device: 'odd\u001fname', start: '2020-01-01T00:00:00Z', end: '2020-01-01T00:01:00Z', kind: 'steps', value: 12, unit: 'count' };
  const rows = packSamples([s]);
  assert.ok('samples' in rows);
  assert.deepEqual(unpackSamples(rows), [s]);
});
