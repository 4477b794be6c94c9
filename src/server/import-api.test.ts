import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { DATABASES } from '../../test/helpers/databases.js';
import { apiApp } from '../../test/helpers/api-app.js';
import { importWalkingFile } from '../services/import-walking.js';
import { type ClinicWorld, clinicApi } from '../../test/helpers/test-clinic.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** Uploads a walking file (202 expected) and polls its import job to its end. */
async function uploadAndFollow(app: FastifyInstance, name: string, body: Buffer, query = '') {
  const res = await app.inject({
    method: 'POST',
    url: `/api/imports?name=${encodeURIComponent(name)}${query}`,
    payload: body,
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(res.statusCode, 202, res.body);
  const { jobId } = res.json();
  for (let i = 0; i < 200; i++) {
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

for (const kind of DATABASES) {
  describe(`Walking file upload on ${kind}`, () => {
    const api = apiApp(kind);

    const upload = (name: string, body: Buffer, query = '') => uploadAndFollow(api.app, name, body, query);

    test('An uploaded Apple Health export is imported as a job and the walking days update', async () => {
      const job = await upload('export.xml', readFileSync(`${DATA}apple-health/export6s3sample.xml`));
      assert.equal(job.status, 'done');
      assert.equal(job.result.added, 15);
      const days = (
        await api.app.inject({ method: 'GET', url: '/api/walking/daily?from=2014-09-01&to=2014-09-30' })
      ).json();
      assert.deepEqual(
        days.map((d: { date: string }) => d.date),
        ['2014-09-13', '2014-09-20'],
      );
      const again = await upload('export.xml', readFileSync(`${DATA}apple-health/export6s3sample.xml`));
      assert.equal(again.result.added, 0);
    });

    test('A truncated FIT uploaded in strict mode fails with its byte offset and stores nothing', async () => {
      const job = await upload(
        'bad.fit',
        readFileSync(`${DATA}fit/invalid-activity-unexpected-eof.fit`),
        '&strict=true',
      );
      assert.equal(job.status, 'failed');
      assert.equal(job.result.added, 0);
      assert.ok(
        job.result.errors.some((e: { location: { byteOffset?: number } }) => typeof e.location.byteOffset === 'number'),
      );
    });

    test("A Fitbit file of several people fails listing their Ids; with fitbitId that person's days are stored", async () => {
      const csv = readFileSync(`${DATA}fitbit/dailySteps_merged.csv`);
      const rows = csv
        .toString('utf8')
        .split(/\r?\n/)
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(','));
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
      const days = (await api.app.inject({ method: 'GET', url: `/api/walking/daily?from=${date}&to=${date}` })).json();
      assert.equal(days[0]?.steps, Number(mine[0]![2]));
      const bad = await api.app.inject({
        method: 'POST',
        url: '/api/imports?name=x.csv&fitbitId=abc',
        payload: csv,
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /fitbitId/);
    });

    test("Another person's or an unknown job id is not found", async () => {
      const res = await api.app.inject({ method: 'GET', url: '/api/jobs/00000000-0000-4000-8000-000000000000' });
      assert.equal(res.statusCode, 404);
    });
  });
}

for (const kind of DATABASES) {
  describe(`The import history on ${kind}`, () => {
    const api = apiApp(kind);

    const upload = (name: string, body: Buffer, query = '') => uploadAndFollow(api.app, name, body, query);

    test('every file imported is listed, newest first, with what its result said (kept, nothing new, refused)', async () => {
      // The real export with one step record written twice more: by hand 15 walking records + 2 repeats.
      const xml = readFileSync(`${DATA}apple-health/export6s3sample.xml`, 'utf8');
      const step = /<Record type="HKQuantityTypeIdentifierStepCount"[^>]*\/>\n/.exec(xml)![0];
      const repeated = Buffer.from(xml.replace('</HealthData>', `${step}${step}</HealthData>`));
      const truncated = readFileSync(`${DATA}fit/invalid-activity-unexpected-eof.fit`);
      const jobs = [
        await upload('export.xml', repeated),
        await upload('export.xml', repeated),
        await upload('bad.fit', truncated, '&strict=true'),
      ];
      const res = await api.app.inject({ method: 'GET', url: '/api/imports' });
      assert.equal(res.statusCode, 200);
      const list = res.json() as {
        fileName: string;
        format: string;
        at: string;
        result: Record<string, unknown> & { problems: { location: unknown }[] };
      }[];
      assert.deepEqual(
        list.map((p) => [
          p.fileName,
          p.format,
          p.result.status,
          p.result.records,
          p.result.samples,
          p.result.added,
          p.result.duplicates,
          p.result.skipped,
          p.result.errorCount,
        ]),
        [
          ['bad.fit', 'fit', 'not-imported', jobs[2].result.records, 0, 0, 0, 0, 1], // strict: it stops at the cut
          ['export.xml', 'apple-health-xml', 'nothing-new', 18, 17, 0, 17, 1, 0],
          ['export.xml', 'apple-health-xml', 'imported', 18, 17, 15, 2, 1, 0],
        ],
      );
      // The history says what each result said.
      list.forEach((p, i) => {
        const r = jobs[2 - i].result;
        assert.deepEqual(
          [p.result.records, p.result.added, p.result.duplicates, p.result.skippedBy, p.result.errorCount],
          [r.records, r.added, r.duplicates, r.skipped_by_reason, r.error_count],
        );
      });
      assert.deepEqual(list[0]!.result.problems[0]!.location, { file: 'bad.fit', byteOffset: truncated.length });
      assert.deepEqual(list[2]!.result.days, { count: 2, first: '2014-09-13', last: '2014-09-20' });
      assert.ok(list[0]!.at >= list[1]!.at && list[1]!.at >= list[2]!.at);
      assert.deepEqual(
        (await api.app.inject({ method: 'GET', url: '/api/imports?limit=1' }))
          .json()
          .map((p: { fileName: string }) => p.fileName),
        ['bad.fit'],
      );
      const bad = await api.app.inject({ method: 'GET', url: '/api/imports?limit=0' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /limit/);
    });
  });

  describe(`A clinician reads their patient's import history on ${kind}`, () => {
    const world = clinicApi(kind);

    test('the patient and their clinician see it; another clinician does not, another patient sees only their own', async () => {
      const patient = world.accounts.patient.personId!;
      await importWalkingFile(world.store, patient, `${DATA}apple-health/export6s3sample.xml`, {
        fileName: 'export.xml',
      });
      const names = async (who: Parameters<ClinicWorld['as']>[0], url: string) => {
        const res = await world.as(who, { method: 'GET', url });
        return res.statusCode === 200
          ? res.json().map((p: { fileName: string; result: { added: number } }) => `${p.fileName} ${p.result.added}`)
          : res.statusCode;
      };
      assert.deepEqual(await names('patient', '/api/imports'), ['export.xml 15']);
      assert.deepEqual(await names('clinicianOfClinic', `/api/patients/${patient}/imports`), ['export.xml 15']);
      assert.equal(await names('clinicianOtherClinic', `/api/patients/${patient}/imports`), 404);
      assert.deepEqual(await names('otherPatient', '/api/imports'), []);
    });
  });
}
