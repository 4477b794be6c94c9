import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { apiApp } from '../../test/helpers/api-app.js';
import { DATABASES } from '../../test/helpers/databases.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));

for (const kind of DATABASES) {
  describe(`HTTP API on ${kind}`, () => {
    const api = apiApp(kind);
    const inject = api.inject;

    test('Given a new install, today asks for the safety screen first', async () => {
      const res = await inject('GET', '/api/today?date=2026-11-02');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().plan.status, 'needs-screen');
    });

    test('When a screen misses an answer, it is refused naming the question and nothing is stored', async () => {
      const answers = allNo();
      delete answers['ce-saddle'];
      const res = await inject('POST', '/api/screen?date=2026-11-02', { answers });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.field, 'answers.ce-saddle');
      assert.equal((await inject('GET', '/api/today?date=2026-11-02')).json().screen, null);
    });

    test('When the screen is clear, the plan has walking and ball rolling at stage 1', async () => {
      const res = await inject('POST', '/api/screen?date=2026-11-02', { answers: allNo(), birthYear: 1970 });
      assert.equal(res.statusCode, 201);
      const today = (await inject('GET', '/api/today?date=2026-11-02')).json();
      assert.equal(today.plan.status, 'active');
      assert.equal(today.plan.stage.number, 1);
      assert.deepEqual(
        today.plan.items.map((i: { exercise: string }) => i.exercise),
        ['walk', 'ball-roll'],
      );
      assert.equal(today.walking.provisional, true);
    });

    test('A check-in with an out-of-range score is refused naming the field', async () => {
      const res = await inject('POST', '/api/checkins', {
        at: '2026-11-02T08:00:00+01:00',
        context: 'daily',
        back: 11,
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.field, 'body.back');
      assert.match(res.json().error.message, /10 or less/);
    });

    test('A session is stored once even when the upload is retried', async () => {
      const body = {
        clientId: 'session-abc-001',
        startedAt: '2026-11-02T09:00:00+01:00',
        completedAt: '2026-11-02T09:10:00+01:00',
        items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, secondsDone: 120 }],
        painBefore: { back: 4 },
        painAfter: { back: 3 },
      };
      const first = await inject('POST', '/api/sessions', body);
      const second = await inject('POST', '/api/sessions', body);
      assert.equal(first.statusCode, 201);
      assert.equal(second.statusCode, 200);
      assert.equal(second.json().id, first.json().id);
      const sessions = (await inject('GET', '/api/sessions')).json();
      assert.equal(sessions.length, 1);
      const checkins = (await inject('GET', '/api/checkins?from=2026-11-02&to=2026-11-02')).json();
      assert.deepEqual(
        checkins.map((c: { context: string; back: number }) => [c.context, c.back]),
        [
          ['before', 4],
          ['after', 3],
        ],
      );
    });

    test('Manual walking logs become daily totals and a later log of the same day replaces it', async () => {
      await inject('PUT', '/api/walking/manual', { date: '2026-11-01', steps: 4000, minutes: 35 });
      await inject('PUT', '/api/walking/manual', { date: '2026-11-01', steps: 4200, minutes: 40 });
      const days = (await inject('GET', '/api/walking/daily?from=2026-11-01&to=2026-11-01')).json();
      assert.equal(days.length, 1);
      assert.deepEqual(
        { date: days[0].date, steps: days[0].steps, distanceM: days[0].distanceM, minutes: days[0].minutes },
        { date: '2026-11-01', steps: 4200, distanceM: 0, minutes: 40 },
      );
      const bad = await inject('PUT', '/api/walking/manual', { date: '2026-02-30', steps: 10 });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.field, 'body.date');
    });

    test('Backup export then restore into the same database adds nothing; a broken backup changes nothing', async () => {
      const exported = (await inject('GET', '/api/export')).json();
      assert.equal(exported.format, 'footing-backup');
      assert.equal(exported.sessions.length, 1);
      const again = await api.app.inject({
        method: 'POST',
        url: '/api/import-backup',
        payload: JSON.stringify(exported),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json().restored, {
        screens: 0,
        programEvents: 0,
        sessions: 0,
        checkins: 0,
        imports: 0,
        walkingSamples: 0,
        painMaps: 0,
        screeningResults: 0,
        outcomeScores: 0,
        gaitAnalyses: 0,
        messages: 0,
        messagesLeftOut: 0,
        monitoringMinutes: 0,
        monitoringMinutesLeftOut: 0,
      });
      const broken = structuredClone(exported);
      broken.checkins[1].back = 42;
      broken.sessions[0].id = 'a-new-session-id';
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/import-backup',
        payload: JSON.stringify(broken),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.field, 'checkins[1].back');
      assert.equal((await inject('GET', '/api/sessions')).json().length, 1);
    });

    test('A red flag stops the program, and it restarts only after a clinician has checked', async () => {
      const flagged = { ...allNo(), 'ce-saddle': true };
      const res = await inject('POST', '/api/screen?date=2026-11-03', { answers: flagged });
      assert.equal(res.json().result.status, 'stop');
      assert.equal(res.json().result.urgency, 'emergency');
      const today = (await inject('GET', '/api/today?date=2026-11-03')).json();
      assert.equal(today.plan.status, 'stopped');
      assert.equal(today.decision.action, 'stop');
      const session = await inject('POST', '/api/sessions', {
        clientId: 'session-abc-002',
        startedAt: '2026-11-03T09:00:00Z',
        completedAt: '2026-11-03T09:05:00Z',
        items: [{ exercise: 'walk', position: 'walking', completed: true }],
      });
      assert.equal(session.statusCode, 409);
      const notCleared = await inject('POST', '/api/screen?date=2026-11-04', { answers: allNo() });
      assert.equal(notCleared.statusCode, 409);
      assert.equal(notCleared.json().error.field, 'clinicianCleared');
      const cleared = await inject('POST', '/api/screen?date=2026-11-04', { answers: allNo(), clinicianCleared: true });
      assert.equal(cleared.statusCode, 201);
      assert.equal((await inject('GET', '/api/today?date=2026-11-04')).json().plan.status, 'active');
    });

    test('Unknown API routes answer 404 with a message', async () => {
      const res = await inject('GET', '/api/nope');
      assert.equal(res.statusCode, 404);
      assert.match(res.json().error.message, /No API route/);
    });
  });
}
