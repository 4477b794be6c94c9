import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handLogSamples } from './record-service.js';

test('a hand log is the whole local day of the manual source: steps as a count, minutes as whole seconds', () => {
  const day = { source: 'manual', device: null, start: '2026-12-06T00:00:00+00:00', end: '2026-12-06T23:59:59+00:00' };
  assert.deepEqual(handLogSamples({ date: '2026-12-06', steps: 3100, minutes: 25.5 }), [
    { ...day, kind: 'steps', value: 3100, unit: 'count' },
    { ...day, kind: 'duration', value: 1530, unit: 's' },
  ]);
  assert.deepEqual(handLogSamples({ date: '2026-12-06', minutes: 0.01 }), [
    { ...day, kind: 'duration', value: 1, unit: 's' },
  ]);
  assert.deepEqual(handLogSamples({ date: '2026-12-06', steps: 500, minutes: null }), [
    { ...day, kind: 'steps', value: 500, unit: 'count' },
  ]);
});

test('a session is refused as a conflict before the first safety check and while a safety answer has paused the program', async () => {
  const { DATABASES, freshStore } = await import('../../test/helpers/databases.js');
  const { ensureLocalPerson } = await import('../store/repos/people.js');
  const { upsertProgram } = await import('../store/repos/program.js');
  const { recordSession } = await import('./record-service.js');
  const { ServiceError } = await import('./service-error.js');
  const session = {
    clientId: 'session-0001',
    startedAt: '2026-12-06T18:00:00+01:00',
    completedAt: '2026-12-06T18:10:00+01:00',
    items: [
      {
        exercise: 'ball-roll' as const,
        position: 'sitting' as const,
        completed: true,
        secondsDone: 120,
        setsDone: 0,
        repsDone: 0,
      },
    ],
  };
  for (const kind of DATABASES) {
    const { store, cleanup } = await freshStore(kind);
    try {
      const personId = (await ensureLocalPerson(store.db)).id;
      const refused = (message: string) => (e: unknown) =>
        e instanceof ServiceError && e.code === 'conflict' && e.message === message;
      await assert.rejects(
        recordSession(store.db, personId, session),
        refused('Answer the safety check before your first session.'),
        kind,
      );
      await upsertProgram(store.db, personId, {
        stage: 2,
        stageStartedOn: '2026-12-01',
        startedOn: '2026-11-20',
        status: 'stopped',
        decidedOn: null,
      });
      await assert.rejects(
        recordSession(store.db, personId, session),
        refused('The program is paused after a safety answer; see a clinician first.'),
        kind,
      );
      await upsertProgram(store.db, personId, {
        stage: 2,
        stageStartedOn: '2026-12-01',
        startedOn: '2026-11-20',
        status: 'active',
        decidedOn: null,
      });
      const { session: saved, created } = await recordSession(store.db, personId, session);
      assert.equal(created, true, kind);
      assert.equal(saved.stage, 2, `${kind}: stored at the program's stage`);
    } finally {
      await cleanup();
    }
  }
});
