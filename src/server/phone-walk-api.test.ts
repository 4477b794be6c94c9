/**
 * A walk counted on the phone (Walk now) over HTTP on both databases: stored as walking samples like an import,
 * a resend adds nothing, the overlap rule keeps a hand log of the same day from being added to it, bad input is
 * refused with the field named. Figures worked out by hand from the walk sent.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES } from '../../test/helpers/databases.js';
import { apiApp } from '../../test/helpers/api-app.js';

// 3 min 30 s from 08:00 (+01:00): 100 + 110 + 105 + 50 = 365 steps.
const WALK = {
  clientId: 'walk-test-0001',
  start: '2026-11-20T08:00:00+01:00',
  end: '2026-11-20T08:03:30+01:00',
  stepsPerMinute: [100, 110, 105, 50],
  steps: 365,
  walkingSeconds: 200,
  cadenceSpm: 109.5,
};

for (const kind of DATABASES) {
  describe(`A phone walk over HTTP on ${kind}`, () => {
    const api = apiApp(kind);
    const post = (payload: object) => api.app.inject({ method: 'POST', url: '/api/walking/phone-walks', payload });
    const day = async () =>
      (await api.app.inject({ method: 'GET', url: '/api/walking/daily?from=2026-11-20&to=2026-11-20' })).json()[0];

    test('Stored as walking samples; the answer and the day hold its steps; a resend adds nothing', async () => {
      const first = await post(WALK);
      assert.equal(first.statusCode, 201, first.body);
      assert.deepEqual(first.json(), { steps: 365, added: 6, days: [{ date: '2026-11-20', steps: 365 }] }); // 4 minutes + time + cadence
      const d = await day();
      assert.equal(d.steps, 365);
      assert.equal(d.cadenceSpm, 109.5);
      const again = await post(WALK);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { steps: 365, added: 0, days: [{ date: '2026-11-20', steps: 365 }] });
      assert.equal((await day()).steps, 365);
    });

    test('Listed once in the import history like a file: what it held and what it added, also after the resend', async () => {
      const history = (await api.app.inject({ method: 'GET', url: '/api/imports' })).json();
      assert.equal(history.length, 1, 'the resend added no second row');
      const [row] = history;
      assert.equal(row.fileName, 'Walk now, 365 steps');
      assert.equal(row.format, 'phone-walk');
      // 6 measurements (4 minutes of steps, the walking time, the cadence), all new; one walk; one day.
      assert.deepEqual(row.result, {
        version: 1,
        status: 'imported',
        mode: 'strict',
        records: 1,
        samples: 6,
        added: 6,
        duplicates: 0,
        skipped: 0,
        skippedBy: {},
        errorCount: 0,
        warningCount: 0,
        problems: [],
        days: { count: 1, first: '2026-11-20', last: '2026-11-20' },
      });
    });

    test('The overlap rule: a hand log of the same day is not added to the walk (the larger stands)', async () => {
      const res = await api.app.inject({
        method: 'PUT',
        url: '/api/walking/manual',
        payload: { date: '2026-11-20', steps: 1000 },
      });
      assert.equal(res.statusCode, 200);
      assert.equal((await day()).steps, 1000);
    });

    test('Bad walks are refused with the field named, and nothing is stored', async () => {
      const sum = await post({ ...WALK, clientId: 'walk-test-0002', steps: 366 });
      assert.equal(sum.statusCode, 400);
      assert.equal(sum.json().error.field, 'body.steps');
      const backwards = await post({ ...WALK, clientId: 'walk-test-0003', end: '2026-11-20T07:59:00+01:00' });
      assert.equal(backwards.json().error.field, 'body.end');
      const minutes = await post({ ...WALK, clientId: 'walk-test-0004', stepsPerMinute: [200, 165] });
      assert.equal(minutes.json().error.field, 'body.stepsPerMinute');
      const tooMany = await post({ ...WALK, clientId: 'walk-test-0005', stepsPerMinute: [300, 15, 0, 50] });
      assert.equal(tooMany.json().error.field, 'body.stepsPerMinute.0');
      assert.equal((await day()).steps, 1000);
    });
  });
}
