import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleJsonStream } from './bundle-stream.js';

const entry = (i: number) => ({
  fullUrl: `x/${i}`,
  resource: {
    resourceType: 'Observation',
    id: String(i),
    valueInteger: i,
    note: [{ text: `line one\nline "two" ${i}` }],
  },
});

test('The pieces joined are exactly JSON.stringify of the bundle, with 0, 1, a batch and more entries', () => {
  const head = { resourceType: 'Bundle', id: 'b', type: 'collection' };
  for (const n of [0, 1, 3, 7]) {
    const list = Array.from({ length: n }, (_, i) => entry(i));
    const pieces = [...bundleJsonStream(head, list, { perPiece: 3 })];
    assert.equal(pieces.join(''), JSON.stringify({ ...head, entry: list }), `${n} entries`);
    // One piece per full batch of 3, the last one also carrying the end (or one piece without entries).
    assert.equal(pieces.length, n ? Math.floor(n / 3) + (n % 3 ? 1 : 0) + (n % 3 ? 0 : 1) : 1);
  }
});

test("From a head and an entry generator: the same bytes as JSON.stringify, compact or indented by 2 (the CLI's file), entries read once", () => {
  const head = { resourceType: 'Bundle', id: 'b', type: 'collection', timestamp: '2026-11-09T12:00:00Z' };
  for (const n of [0, 1, 2, 5]) {
    const list = Array.from({ length: n }, (_, i) => entry(i));
    let reads = 0;
    function* gen() {
      for (const e of list) {
        reads++;
        yield e;
      }
    }
    assert.equal(
      [...bundleJsonStream(head, gen(), { perPiece: 2 })].join(''),
      JSON.stringify({ ...head, entry: list }),
      `${n} compact`,
    );
    assert.equal(reads, n);
    assert.equal(
      [...bundleJsonStream(head, gen(), { indent: 2, perPiece: 2 })].join(''),
      JSON.stringify({ ...head, entry: list }, null, 2),
      `${n} indented`,
    );
  }
  // An empty head: no comma after the brace.
  assert.equal([...bundleJsonStream({}, [entry(0)])].join(''), JSON.stringify({ entry: [entry(0)] }));
  assert.equal(
    [...bundleJsonStream({}, [entry(0)], { indent: 2 })].join(''),
    JSON.stringify({ entry: [entry(0)] }, null, 2),
  );
});
