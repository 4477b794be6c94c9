import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { buildApp } from './app.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

for (const kind of DATABASES) {
  describe(`Walking file upload on ${kind}`, () => {
    let app: FastifyInstance;
    let cleanup: () => Promise<void>;
    before(async () => { const f = await freshStore(kind); cleanup = f.cleanup; app = await buildApp({ store: f.store, webRoot: null }); });
    after(async () => { await app.close(); await cleanup(); });

    async function upload(name: string, body: Buffer, query = '') {
      const res = await app.inject({ method: 'POST', url: `/api/imports?name=${encodeURIComponent(name)}${query}`, payload: body, headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(res.statusCode, 202, res.body);
      const { jobId } = res.json();
      for (let i = 0; i < 200; i++) {
        const job = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
        if (job.status === 'done' || job.status === 'failed') return job;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('job did not finish');
    }

    test('An uploaded Apple Health export is imported as a job and the walking days update', async () => {
      const job = await upload('export.xml', readFileSync(`${DATA}apple-health/export6s3sample.xml`));
      assert.equal(job.status, 'done');
      assert.equal(job.result.added, 15);
      const days = (await app.inject({ method: 'GET', url: '/api/walking/daily?from=2014-09-01&to=2014-09-30' })).json();
      assert.deepEqual(days.map((d: { date: string }) => d.date), ['2014-09-13', '2014-09-20']);
      const again = await upload('export.xml', readFileSync(`${DATA}apple-health/export6s3sample.xml`));
      assert.equal(again.result.added, 0);
    });

    test('A truncated FIT uploaded in strict mode fails with its byte offset and stores nothing', async () => {
      const job = await upload('bad.fit', readFileSync(`${DATA}fit/invalid-activity-unexpected-eof.fit`), '&strict=true');
      assert.equal(job.status, 'failed');
      assert.equal(job.result.added, 0);
      assert.ok(job.result.errors.some((e: { location: { byteOffset?: number } }) => typeof e.location.byteOffset === 'number'));
    });

    test('A Fitbit file of several people fails listing their Ids; with fitbitId that person\'s days are stored', async () => {
      const csv = readFileSync(`${DATA}fitbit/dailySteps_merged.csv`);
      const rows = csv.toString('utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(','));
      const ids = [...new Set(rows.map((r) => r[0]!))];
      const refused = await upload('dailySteps_merged.csv', csv);
      assert.equal(refused.status, 'failed');
      assert.equal(refused.result.added, 0);
      assert.equal(refused.result.errors[0].code, 'several-people');
      assert.deepEqual(refused.result.errors[0].choices, ids);
      const mine = rows.filter((r) => r[0] === ids[1]);
      const chosen = await upload('dailySteps_merged.csv', csv, `&fitbitId=${ids[1]}`);
      assert.equal(chosen.status, 'done');
      assert.equal(chosen.result.added, mine.length);
      const [m, d, y] = mine[0]![1]!.split('/');
      const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
      const days = (await app.inject({ method: 'GET', url: `/api/walking/daily?from=${date}&to=${date}` })).json();
      assert.equal(days[0]?.steps, Number(mine[0]![2]));
      const bad = await app.inject({ method: 'POST', url: '/api/imports?name=x.csv&fitbitId=abc', payload: csv, headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /fitbitId/);
    });

    test('Another person\'s or an unknown job id is not found', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/jobs/00000000-0000-4000-8000-000000000000' });
      assert.equal(res.statusCode, 404);
    });
  });
}
