/**
 * Errors raised before a handler runs (body too large, rate limit, a body that is not JSON) answer in Footing's
 * shape with a code that says what happened: a 429 once carried 'bad_request', a 413 Fastify's internal code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApiApp } from '../../test/helpers/api-app.js';

test('a 10 MB gait analysis body is refused as too_large, naming the 8 MB limit, and nothing is stored', async () => {
  await withApiApp('sqlite', {}, async (app) => {
    const body = JSON.stringify({
      recordedAt: '2026-12-06T10:00:00Z',
      sourceName: 'walk.mp4',
      analysis: {},
      keypoints: { pad: 'x'.repeat(10 * 1024 * 1024) },
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/gait-analyses',
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.statusCode, 413);
    assert.deepEqual(res.json().error, {
      code: 'too_large',
      message: 'The request is larger than 8 MB, the most this route takes. Nothing was stored.',
    });
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/gait-analyses' })).json(), []);
  });
});

test('a body that is not JSON is invalid_body; the rate limit answers rate_limited with Retry-After', async () => {
  await withApiApp('sqlite', { rateLimitPerMinute: 3 }, async (app) => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/checkins',
      payload: '{"at": ',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'invalid_body');
    const codes: number[] = [];
    let last = bad;
    for (let i = 0; i < 3; i++) {
      last = await app.inject({ method: 'GET', url: '/api/health' });
      codes.push(last.statusCode);
    }
    assert.deepEqual(codes, [200, 200, 429]);
    assert.equal(last.json().error.code, 'rate_limited');
    assert.match(last.json().error.message, /Wait a minute/);
    assert.ok(Number(last.headers['retry-after']) > 0);
  });
});
