/**
 * Nothing lost offline (issue 14 item 5), the server's half: the phone keeps a session, a check-in or a walking log
 * until the server has it and sends it again after a lost answer, so every resend must store the record once, even
 * when two resends arrive together (two open tabs, a retry racing its original). On SQLite and PostgreSQL.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { DATABASES } from '../../test/helpers/databases.js';
import { apiApp } from '../../test/helpers/api-app.js';
import { listCheckins, saveCheckin } from '../store/repos/checkins.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));

for (const kind of DATABASES) {
  describe(`resending what the phone kept, on ${kind}`, () => {
    const api = apiApp(kind);
    before(async () => {
      const screen = await api.app.inject({
        method: 'POST',
        url: '/api/screen?date=2026-12-01',
        payload: { answers: allNo(), birthYear: 1970 },
      });
      assert.equal(screen.statusCode, 201);
    });

    const post = (url: string, payload: object) => api.app.inject({ method: 'POST', url, payload });
    const checkinsOn = async (date: string) =>
      (await api.app.inject({ method: 'GET', url: `/api/checkins?from=${date}&to=${date}` })).json() as {
        id: string;
        context: string;
        back: number | null;
        note: string | null;
      }[];

    test('a check-in sent three times with one clientId is stored once: 201, then 200 with the same record', async () => {
      const body = {
        clientId: 'c-offline-0001',
        at: '2026-12-02T08:15:00+01:00',
        context: 'daily',
        back: 4,
        foot: 2,
        regions: [],
        note: 'stiff',
      };
      const first = await post('/api/checkins', body);
      const again = await post('/api/checkins', body);
      const third = await post('/api/checkins', body);
      assert.equal(first.statusCode, 201);
      assert.deepEqual([again.statusCode, third.statusCode], [200, 200]);
      assert.equal(again.json().id, first.json().id);
      const stored = await checkinsOn('2026-12-02');
      assert.deepEqual(
        stored.map((c) => [c.context, c.back, c.note]),
        [['daily', 4, 'stiff']],
      );
    });

    test('five resends of one check-in arriving together store one row, and every answer is that row', async () => {
      const body = {
        clientId: 'c-race-000001',
        at: '2026-12-03T08:00:00+01:00',
        context: 'daily',
        neck: 3,
        regions: [],
      };
      const answers = await Promise.all(Array.from({ length: 5 }, () => post('/api/checkins', body)));
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 200, 200, 201]);
      assert.equal(new Set(answers.map((a) => a.json().id)).size, 1);
      assert.equal((await checkinsOn('2026-12-03')).length, 1);
    });

    test('five resends of one session arriving together store one session and one pair of pain check-ins', async () => {
      const body = {
        clientId: 's-race-000001',
        startedAt: '2026-12-04T18:00:00+01:00',
        completedAt: '2026-12-04T18:12:00+01:00',
        items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 1, secondsDone: 120 }],
        painBefore: { back: 5 },
        painAfter: { back: 3 },
      };
      const answers = await Promise.all(Array.from({ length: 5 }, () => post('/api/sessions', body)));
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 200, 200, 201]);
      assert.equal(new Set(answers.map((a) => a.json().id)).size, 1);
      const sessions = (
        await api.app.inject({ method: 'GET', url: '/api/sessions?from=2026-12-04&to=2026-12-04' })
      ).json() as unknown[];
      assert.equal(sessions.length, 1);
      assert.deepEqual(
        (await checkinsOn('2026-12-04')).map((c) => [c.context, c.back]),
        [
          ['before', 5],
          ['after', 3],
        ],
      );
    });

    test('check-ins without a clientId (older clients) are each stored, as before', async () => {
      const body = { at: '2026-12-05T08:00:00+01:00', context: 'daily', back: 2, regions: [] };
      assert.equal((await post('/api/checkins', body)).statusCode, 201);
      assert.equal((await post('/api/checkins', body)).statusCode, 201);
      assert.equal((await checkinsOn('2026-12-05')).length, 2);
    });

    test('a walking log sent twice leaves the day as logged once (the log replaces the day)', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await api.app.inject({
          method: 'PUT',
          url: '/api/walking/manual',
          payload: { date: '2026-12-06', minutes: 25, steps: 3100 },
        });
        assert.equal(res.statusCode, 200);
      }
      const days = (
        await api.app.inject({ method: 'GET', url: '/api/walking/daily?from=2026-12-06&to=2026-12-06' })
      ).json() as { steps: number; minutes: number }[];
      assert.deepEqual(
        days.map((d) => [d.steps, d.minutes]),
        [[3100, 25]],
      );
    });

    test('a bad clientId is refused naming the field, and nothing is stored', async () => {
      const res = await post('/api/checkins', {
        clientId: 'short',
        at: '2026-12-07T08:00:00+01:00',
        context: 'daily',
        back: 1,
        regions: [],
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.field, 'body.clientId');
      assert.equal((await checkinsOn('2026-12-07')).length, 0);
    });

    test('one clientId is one record per person: another person may use the same id', async () => {
      const other = {
        id: `other-${kind}`,
        display_name: 'Other',
        birth_year: null,
        created_at: new Date().toISOString(),
      };
      await api.store.db.insertInto('people').values(other).execute();
      const mine = (await checkinsOn('2026-12-02'))[0]!;
      const theirs = await saveCheckin(api.store.db, other.id, {
        clientId: 'c-offline-0001',
        at: '2026-12-02T09:00:00+01:00',
        context: 'daily',
        back: 7,
        regions: [],
      });
      assert.equal(theirs.created, true);
      assert.notEqual(theirs.checkin.id, mine.id);
      assert.deepEqual(
        (await listCheckins(api.store.db, other.id)).map((c) => c.back),
        [7],
      );
    });
  });
}
