/**
 * The walking target over HTTP on both databases (issue 17): it comes from the person's recent days only, so
 * importing a 2016 Fitbit file changes nothing today; it moves once a week from the week before (DOMAIN.md §2b
 * 2.8). Every figure below is worked out by hand from the days logged.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { addDays } from '../core/dates.js';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { buildApp } from './app.js';

const FITBIT = fileURLToPath(new URL('../../../shared/data/fitbit/dailyActivity_merged.csv', import.meta.url));
/** One person of the shared Fitbit study file (31 days from 12 Apr 2016, about 12,000 steps a day). */
const FITBIT_ID = '1503960366';
const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));

/** The program starts on Mon 2 Nov 2026; its first week is 2-8 Nov. */
const START = '2026-11-02';

for (const kind of DATABASES) {
  describe(`The walking target over HTTP on ${kind}`, () => {
    let app: FastifyInstance;
    let cleanup: () => Promise<void>;
    before(async () => { const f = await freshStore(kind); cleanup = f.cleanup; app = await buildApp({ store: f.store, webRoot: null }); });
    after(async () => { await app.close(); await cleanup(); });

    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const walkingOn = async (date: string) => (await call('GET', `/api/today?date=${date}`)).walking;
    const log = async (from: string, steps: readonly number[]) => {
      for (const [i, s] of steps.entries()) await call('PUT', '/api/walking/manual', { date: addDays(from, i), steps: s });
    };
    async function importFitbit(): Promise<{ status: string; result: { added: number } }> {
      const res = await app.inject({ method: 'POST', url: `/api/imports?name=dailyActivity_merged.csv&fitbitId=${FITBIT_ID}`, payload: readFileSync(FITBIT), headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(res.statusCode, 202, res.body);
      for (let i = 0; i < 400; i++) {
        const job = (await app.inject({ method: 'GET', url: `/api/jobs/${res.json().jobId}` })).json();
        if (job.status === 'done' || job.status === 'failed') return job;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the import did not finish');
    }

    test('Given a stage-1 person with no recent walking, when a 2016 Fitbit file is imported, then today\'s target stays the gentle 10 minutes', async () => {
      await call('POST', `/api/screen?date=${START}`, { answers: allNo(), birthYear: 1970 });
      const before = await walkingOn(START);
      assert.deepEqual([before.provisional, before.steps, before.minutes], [true, null, 10]);
      const job = await importFitbit();
      assert.equal(job.status, 'done');
      assert.equal(job.result.added > 0, true);
      const days2016 = await call('GET', '/api/walking/daily?from=2016-04-01&to=2016-05-31');
      assert.equal(days2016.length, 31, 'the old days are stored and can be browsed');
      assert.deepEqual(await walkingOn(START), before);
    });

    test('Given three of the last 7 days logged, when the target is set, then it is their mean, and old days still change nothing', async () => {
      // 30 Oct - 1 Nov: 4000 + 5000 + 6000 = 15,000 over 3 days = 5000 steps; about 50 min at 100 steps/min.
      await log('2026-10-30', [4000, 5000, 6000]);
      const t = await walkingOn(START);
      assert.deepEqual([t.provisional, t.steps, t.minutes, t.baselineSteps], [false, 5000, 50, 5000]);
      assert.deepEqual(t.window, { from: '2026-10-26', to: '2026-11-01', daysWithData: 3 });
      assert.equal(t.basis, 'Your average was 5,000 steps a day over the 7 days from 26 Oct to 1 Nov (on the 3 of those days with walking data; days without data are left out): your target is that baseline.');
      // A day long before the window, logged by hand, changes nothing either.
      await call('PUT', '/api/walking/manual', { date: '2010-06-01', steps: 30_000 });
      assert.deepEqual(await walkingOn(START), t);
    });

    test('Given a first week walked at 4000 steps with pain within the rules, when week 2 starts, then the target is 4400 steps for the whole week', async () => {
      await log(START, Array(7).fill(4000));
      for (let i = 0; i < 7; i++) await call('POST', '/api/checkins', { at: `${addDays(START, i)}T08:00:00+00:00`, context: 'daily', back: 3 });
      const t = await walkingOn('2026-11-09');
      // Week 1 (2-8 Nov): 4000 a day; daily pain 3 every day (its own baseline): an ok week, so 4000 x 1.1.
      assert.deepEqual([t.steps, t.minutes], [4400, 44]);
      assert.equal(t.basis, 'Your average was 4,000 steps a day over the 7 days from 2 Nov to 8 Nov; your pain stayed within the rules that week, so your target is 10% higher.');
      // Walking more during week 2 does not move this week's target.
      await log('2026-11-09', [9000, 9000, 9000]);
      assert.equal((await walkingOn('2026-11-12')).steps, 4400);
    });

    test('Given pain past the rules in week 2, when week 3 starts, then the target is 10% below week 2\'s mean', async () => {
      // Week 2 (9-15 Nov): 9000 x 3 (logged above) + 4400 x 4 = 44,600 / 7 = 6371.4 steps; x 0.9 = 5734.3 -> 5730.
      await log('2026-11-12', [4400, 4400, 4400, 4400]);
      await call('POST', '/api/checkins', { at: '2026-11-13T19:00:00+00:00', context: 'after', back: 7 });
      const t = await walkingOn('2026-11-16');
      assert.deepEqual([t.steps, t.minutes], [5730, 57]);
      assert.match(t.basis, /^Your average was 6,370 steps a day over the 7 days from 9 Nov to 15 Nov; your pain went past the rules that week, so your target is 10% lower\.$/);
    });
  });
}
