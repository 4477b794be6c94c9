/**
 * Pain after a session feeds the program review the same day (issue 14 item 6), on SQLite and PostgreSQL: today's
 * decision was applied in the morning (a hold); an evening session with pain above 5/10 afterwards (DOMAIN.md §8,
 * pain-monitoring model) changes the review at once to a step back, marked pending because a decision applies once
 * a day; the next morning the stage steps back. Pain of 5/10 (acceptable) changes nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES } from '../../test/helpers/databases.js';
import { apiApp } from '../../test/helpers/api-app.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { getProgram, upsertProgram } from '../store/repos/program.js';
import { ensureLocalPerson } from '../store/repos/people.js';

const session = (n: number, painAfter: { back: number }) => ({
  clientId: `evening-session-${n}`,
  startedAt: `2026-11-20T18:0${n}:00+01:00`,
  completedAt: `2026-11-20T18:1${n}:00+01:00`,
  items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, secondsDone: 120 }],
  painBefore: { back: 3 },
  painAfter,
});

for (const kind of DATABASES) {
  describe(`Pain after a session and the same day's review on ${kind}`, () => {
    const api = apiApp(kind, { reminders: { tickMs: null } });

    test('pain above 5/10 after this evening’s session turns today’s hold into a step back, which applies the next morning', async () => {
      const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
        const res = await api.app.inject({ method, url, ...(payload ? { payload } : {}) });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      const answers = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
      await call('POST', '/api/screen?date=2026-11-06', { answers, birthYear: 1970 });
      // Stage 2 since 17 November: 3 of the 7 days a stage needs, so the engine holds on the 20th.
      const personId = (await ensureLocalPerson(api.store.db)).id;
      await upsertProgram(api.store.db, personId, {
        stage: 2,
        stageStartedOn: '2026-11-17',
        startedOn: '2026-11-06',
        status: 'active',
        decidedOn: null,
      });

      const morning = await call('GET', '/api/today?date=2026-11-20');
      assert.equal(morning.decision.action, 'hold');
      assert.equal(morning.decision.pending, undefined);
      assert.equal((await getProgram(api.store.db, personId))!.decidedOn, '2026-11-20', 'today’s decision is applied');

      // 5/10 is within the model's limit: the review still holds.
      await call('POST', '/api/sessions', session(1, { back: 5 }));
      const acceptable = await call('GET', '/api/today?date=2026-11-20');
      assert.equal(acceptable.decision.action, 'hold');
      assert.equal(acceptable.decision.pending, undefined);
      assert.equal(
        acceptable.decision.requirements.find((r: { id: string }) => r.id === 'activity-pain').detail,
        'highest 5/10',
      );

      // 7/10 is above it: the same day's review steps back, said as pending; the stage has not moved yet.
      await call('POST', '/api/sessions', session(2, { back: 7 }));
      const evening = await call('GET', '/api/today?date=2026-11-20');
      assert.equal(evening.decision.action, 'regress');
      assert.equal(evening.decision.pending, true);
      assert.deepEqual(
        evening.decision.reasons.map((r: { rule: string }) => r.rule),
        ['activity-pain-high'],
      );
      assert.match(evening.decision.reasons[0].text, /above 5\/10 \(2026-11-20\)/);
      assert.equal(evening.program.stage, 2);
      assert.equal(
        (await call('GET', '/api/progress?date=2026-11-20')).decision.pending,
        true,
        'Progress reads the same review',
      );

      // The next morning's first review applies it.
      const next = await call('GET', '/api/today?date=2026-11-21');
      assert.equal(next.program.stage, 1);
      assert.equal(next.program.stageStartedOn, '2026-11-21');
      assert.equal(next.decision.action, 'regress');
      assert.equal(next.decision.pending, undefined);
    });
  });
}
