import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactKeypoints } from './compact-keypoints.js';

test('Given a series, then positions are rounded to 0.1 px and 1 mm, scores to 0.001, and missing points stay missing', () => {
  const s = compactKeypoints({
    model: 'm',
    width: 100,
    height: 50,
    fps: 30,
    frames: [
      {
        index: 3,
        time: 0.1000004,
        people: [
          {
            score: 0.98765,
            image: [
              { x: 12.345, y: 6.789, visibility: 0.55555 },
              { x: Number.NaN, y: Number.NaN, visibility: 0 },
            ],
            world: [{ x: 0.12345, y: -0.0006, z: 1.0004, visibility: 0.5 }],
          },
        ],
      },
    ],
  });
  const p = s.frames[0]!.people[0]!;
  assert.equal(s.frames[0]!.time, 0.1);
  assert.equal(p.score, 0.988);
  assert.deepEqual(p.image[0], { x: 12.3, y: 6.8, visibility: 0.556 });
  assert.ok(Number.isNaN(p.image[1]!.x));
  assert.deepEqual(p.world![0], { x: 0.123, y: -0.001, z: 1, visibility: 0.5 });
  assert.equal(s.model, 'm');
});
