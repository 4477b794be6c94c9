import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleJsonPieces } from './bundle-stream.js';

test('The pieces joined are exactly JSON.stringify of the bundle, with 0, 1, a batch and more entries', () => {
  const entry = (i: number) => ({ fullUrl: `x/${i}`, resource: { resourceType: 'Observation', id: String(i), valueInteger: i } });
  for (const n of [0, 1, 3, 7]) {
    const bundle = { resourceType: 'Bundle', id: 'b', type: 'collection', ...(n ? { entry: Array.from({ length: n }, (_, i) => entry(i)) } : {}) };
    const pieces = [...bundleJsonPieces(bundle, 3)];
    assert.equal(pieces.join(''), JSON.stringify(bundle), `${n} entries`);
    // Head, ceil(n / 3) batches, end (or one piece without entries).
    assert.equal(pieces.length, n ? 2 + Math.ceil(n / 3) : 1);
  }
  // A bundle whose last key is not entry is written whole.
  const other = { entry: [entry(1)], resourceType: 'Bundle' };
  assert.deepEqual([...bundleJsonPieces(other)], [JSON.stringify(other)]);
});
